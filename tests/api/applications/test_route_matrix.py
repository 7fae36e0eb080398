"""Every (status, role, transition) combination of the route: the allowed ones succeed, every
other one is refused with a stable code and changes nothing."""

from __future__ import annotations

import pytest

from backend.models.applications import Application, ApplicationStatus as S
from backend.models.history import HistoryEvent
from backend.services.application_route import TRANSITIONS, Step

FIELDS = "application { id status registrationNumber executorName revisionDeadline saNumber files { kind signed } } errors { field code }"
STAFF_OPERATIONS = {
    Step.REGISTER: ("applicationRegister", "ApplicationRegisterInput", {"registrationNumber": "BPMS-2026-0001"}),
    Step.START_REVIEW: ("applicationStartReview", "ApplicationStartReviewInput", {"executorName": "Оспанова Г.", "executorPhone": "1207"}),
    Step.REQUEST_REVISION: ("applicationRequestRevision", "ApplicationDecisionInput", {"comment": "Attach the revised schedule."}),
    Step.REJECT: ("applicationReject", "ApplicationDecisionInput", {"comment": "The guarantee does not cover this change."}),
    Step.APPROVE: ("applicationApprove", "ApplicationDecisionInput", {"comment": "Agreed."}),
    Step.ATTACH_SA_DRAFT: ("applicationSaDraftAttach", "ApplicationSaDraftInput", {}),
    Step.SIGN_SA_BY_KZHK: ("applicationSaSignByKzhk", "ApplicationSaFinalInput", {"saNumber": "ҚК-77"}),
}
ACTORS = ("operator", "bpms", "applicant", "developer", "outsider", "citizen", "anon")
REFUSAL = {
    "applicant": "FORBIDDEN", "developer": "FORBIDDEN", "outsider": "FORBIDDEN", "citizen": "FORBIDDEN",
    "anon": "API_KEY_REQUIRED",
}


def _mutation(name: str, input_type: str) -> str:
    return f"mutation($i: {input_type}!) {{ {name}(input: $i) {{ {FIELDS} }} }}"


@pytest.mark.parametrize("status", list(S), ids=lambda s: s.value)
@pytest.mark.parametrize("step", list(STAFF_OPERATIONS), ids=lambda s: s.value)
async def test_staff_steps(world, application_in, status, step):
    name, input_type, extra = STAFF_OPERATIONS[step]
    transition = TRANSITIONS[step]
    for actor in ACTORS:
        application = await application_in(status)
        client = getattr(world, actor)
        body = await client.data(_mutation(name, input_type), {"i": {"applicationId": str(application.id), **extra}})
        payload = body[name]
        after = await Application.get(id=application.id)
        if actor in ("operator", "bpms") and status in transition.source:
            assert payload["errors"] == [], (actor, status, step, payload)
            assert after.status is transition.target
            event = await HistoryEvent.get(entity="application", entity_id=str(application.id), action=step.value)
            assert event.data["from"] == status.value and event.data["to"] == transition.target.value
            assert event.data["actor"] == ("operator" if actor == "operator" else "bpms")
        else:
            expected = "WRONG_STATUS" if actor in ("operator", "bpms") else REFUSAL[actor]
            if actor == "anon":
                assert payload["errors"][0]["code"] in ("UNAUTHENTICATED", "API_KEY_REQUIRED")
            else:
                assert payload["errors"][0]["code"] == expected, (actor, status, step, payload)
            assert after.status is status


EDIT = "mutation($i: ApplicationUpdateInput!) { applicationUpdate(input: $i) { application { version form } errors { field code } } }"
DELETE = "mutation($i: ApplicationRefInput!) { applicationDelete(input: $i) { errors { field code } } }"


@pytest.mark.parametrize("status", list(S), ids=lambda s: s.value)
async def test_applicant_edits_and_deletes(world, application_in, status):
    for actor in ACTORS:
        application = await application_in(status)
        client = getattr(world, actor)
        body = await client.data(EDIT, {"i": {"applicationId": str(application.id), "form": {"justification": "New reason"}}})
        errors = body["applicationUpdate"]["errors"]
        if actor == "applicant" and status in (S.DRAFT, S.NEEDS_REVISION):
            assert errors == [] and body["applicationUpdate"]["application"]["version"] == 2
        elif actor == "applicant":
            assert errors[0]["code"] == "WRONG_STATUS"
        elif actor in ("developer", "outsider"):
            assert errors[0]["code"] == "NOT_FOUND"
        elif actor in ("operator", "citizen"):
            assert errors[0]["code"] == "FORBIDDEN"
        else:
            assert errors[0]["code"] == "UNAUTHENTICATED"
        body = await client.data(DELETE, {"i": {"applicationId": str(application.id)}})
        errors = body["applicationDelete"]["errors"]
        exists = await Application.exists(id=application.id)
        if actor == "applicant" and status is S.DRAFT:
            assert errors == [] and not exists
        else:
            assert errors and exists


async def test_the_queue_is_for_kzhk_staff_only(world, application_in):
    await application_in(S.SENT)
    query = "query { applicationQueue(first: 10) { totalCount edges { node { status } } } }"
    for actor in ("operator", "bpms"):
        body = await getattr(world, actor).gql(query)
        assert body["data"]["applicationQueue"]["totalCount"] == 1 and "extensions" not in body
    for actor in ("applicant", "citizen", "anon"):
        body = await getattr(world, actor).gql(query)
        assert body["data"]["applicationQueue"]["totalCount"] == 0 and body["extensions"]["denied"]


SUBMIT = "mutation($i: ApplicationSubmitInput!) { applicationSubmit(input: $i) { application { status } errors { field code } } }"
SA_SIGN = "mutation($i: ApplicationSaSignInput!) { applicationSaSign(input: $i) { application { status } errors { field code } } }"
GET = "query($id: ID!) { application(id: $id) { signingPayload saSigningPayload } }"


@pytest.mark.parametrize("status", list(S), ids=lambda s: s.value)
async def test_signing_and_sending(world, application_in, status, settings):
    """The applicant's SUBMIT and the parties' SA signatures, in every status, by every role."""
    import base64

    from backend.pki.demo_ca import ensure_demo_ca
    from tests.pki.cms_factory import sign

    ca = ensure_demo_ca(settings.var_dir / "pki")
    certificates = {"applicant": "bayterek-director-sign", "developer": "alatau-director-sign"}
    for actor in ACTORS:
        client = getattr(world, actor)
        # applicationSubmit
        application = await application_in(status)
        payload = (await world.applicant.data(GET, {"id": str(application.id)}))["application"]["signingPayload"]
        cms = base64.b64encode(sign(ca, certificates.get(actor, "citizen-sign"), base64.b64decode(payload))).decode() if payload else "AA=="
        body = await client.data(SUBMIT, {"i": {"applicationId": str(application.id), "termsAccepted": True, "cms": cms}})
        result = body["applicationSubmit"]
        if actor == "applicant" and status in TRANSITIONS[Step.SUBMIT].source | {S.SENT}:
            assert result["errors"] == [] and result["application"]["status"] == "SENT", (status, result)
        elif actor == "applicant":
            assert result["errors"][0]["code"] == "WRONG_STATUS"
        elif actor in ("developer", "outsider"):
            assert result["errors"][0]["code"] == "NOT_FOUND"
        elif actor in ("operator", "citizen"):
            assert result["errors"][0]["code"] == "FORBIDDEN"
        else:
            assert result["errors"][0]["code"] == "UNAUTHENTICATED"
        # applicationSaSign
        application = await application_in(status)
        seen = (await client.data(GET, {"id": str(application.id)})) if actor not in ("bpms", "anon") else {"application": None}
        sa_payload = (seen["application"] or {}).get("saSigningPayload")
        cms = base64.b64encode(sign(ca, certificates[actor], base64.b64decode(sa_payload))).decode() if sa_payload else "AA=="
        body = await client.data(SA_SIGN, {"i": {"applicationId": str(application.id), "cms": cms}})
        result = body["applicationSaSign"]
        party = actor in ("applicant", "developer")
        visible_to_party = actor == "applicant" or status in (S.SA_PARTIES_SIGNING, S.SA_KZHK_SIGNING, S.SA_SIGNED)
        if party and status is S.SA_PARTIES_SIGNING:
            assert result["errors"] == [], (actor, result)
        elif party and visible_to_party:
            assert result["errors"][0]["code"] == "WRONG_STATUS"
        elif actor in ("developer", "outsider"):
            assert result["errors"][0]["code"] in ("NOT_FOUND", "NOT_A_PARTY")
        elif actor in ("operator", "citizen"):
            assert result["errors"][0]["code"] == "FORBIDDEN"
        else:
            assert result["errors"][0]["code"] == "UNAUTHENTICATED"
