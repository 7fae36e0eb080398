"""Every (status, role, step) combination of the route against the table of seed 001, written out
here by hand: the allowed ones succeed and land where the seed says, every other one is refused
with a stable code and changes nothing. A wrong route table in the code fails these tests."""

from __future__ import annotations

import pytest

from backend.models.applications import Application, ApplicationStatus as S
from backend.models.history import HistoryEvent

# Seed 001, "Өтінім мәртебесі": what KZhK (an operator in the back office, or BPMS Simbase through
# the API) does in which status, and where the application goes.
STAFF_ROUTE: dict[tuple[str, S], S] = {
    ("register", S.SENT): S.REGISTERED,  # registered in BPMS Simbase: number, date, review deadline
    ("start_review", S.REGISTERED): S.IN_REVIEW,  # with a responsible executor and their phone
    ("request_revision", S.IN_REVIEW): S.NEEDS_REVISION,  # remarks: revise and sign again
    ("reject", S.IN_REVIEW): S.REJECTED,  # a negative decision
    ("approve", S.IN_REVIEW): S.APPROVED,  # positive: the SA is being prepared
    ("attach_sa_draft", S.APPROVED): S.SA_PARTIES_SIGNING,  # the applicant and the developer sign the SA
    ("sign_sa_by_kzhk", S.SA_KZHK_SIGNING): S.SA_SIGNED,  # KZhK signs last; the SA gets its number and date
}
# The applicant signs and sends a draft, or again after a revision; a repeat of a sent one is no-op.
APPLICANT_SENDS = {S.DRAFT: S.SENT, S.NEEDS_REVISION: S.SENT, S.SENT: S.SENT}
APPLICANT_EDITS = {S.DRAFT, S.NEEDS_REVISION}  # "Жасауда", and "пысықтау қажет"
APPLICANT_DELETES = {S.DRAFT}
PARTIES_SIGN_SA = {S.SA_PARTIES_SIGNING}
# The construction company of the contract is a party only from the SA on.
DEVELOPER_SEES = {S.SA_PARTIES_SIGNING, S.SA_KZHK_SIGNING, S.SA_SIGNED}

FIELDS = "application { id status registrationNumber executorName revisionDeadline saNumber files { kind signed } } errors { field code }"
STAFF_OPERATIONS = {
    "register": ("applicationRegister", "ApplicationRegisterInput", {"registrationNumber": "BPMS-2026-0001"}),
    "start_review": ("applicationStartReview", "ApplicationStartReviewInput", {"executorName": "Оспанова Г.", "executorPhone": "1207"}),
    "request_revision": ("applicationRequestRevision", "ApplicationDecisionInput", {"comment": "Attach the revised schedule."}),
    "reject": ("applicationReject", "ApplicationDecisionInput", {"comment": "The guarantee does not cover this change."}),
    "approve": ("applicationApprove", "ApplicationDecisionInput", {"comment": "Agreed."}),
    "attach_sa_draft": ("applicationSaDraftAttach", "ApplicationSaDraftInput", {}),
    "sign_sa_by_kzhk": ("applicationSaSignByKzhk", "ApplicationSaFinalInput", {"saNumber": "ҚК-77"}),
}
ACTORS = ("operator", "bpms", "applicant", "developer", "outsider", "citizen", "anon")
REFUSAL = {
    "applicant": "FORBIDDEN", "developer": "FORBIDDEN", "outsider": "FORBIDDEN", "citizen": "FORBIDDEN",
    "anon": "API_KEY_REQUIRED",
}


def expected_staff_outcome(actor: str, status: S, step: str) -> S | str:
    """The new status, or the refusal's code."""
    if actor not in ("operator", "bpms"):
        return REFUSAL[actor]
    if status is S.DRAFT:
        return "NOT_FOUND"  # a draft is the applicant's alone until it is sent
    return STAFF_ROUTE.get((step, status), "WRONG_STATUS")


def _mutation(name: str, input_type: str) -> str:
    return f"mutation($i: {input_type}!) {{ {name}(input: $i) {{ {FIELDS} }} }}"


@pytest.mark.parametrize("status", list(S), ids=lambda s: s.value)
@pytest.mark.parametrize("step", list(STAFF_OPERATIONS))
async def test_staff_steps(world, application_in, status, step):
    name, input_type, extra = STAFF_OPERATIONS[step]
    for actor in ACTORS:
        application = await application_in(status)
        client = getattr(world, actor)
        body = await client.data(_mutation(name, input_type), {"i": {"applicationId": str(application.id), **extra}})
        payload = body[name]
        after = await Application.get(id=application.id)
        expected = expected_staff_outcome(actor, status, step)
        if isinstance(expected, S):
            assert payload["errors"] == [], (actor, status, step, payload)
            assert after.status is expected and payload["application"]["status"] == expected.name
            event = await HistoryEvent.get(entity="application", entity_id=str(application.id), action=step)
            assert event.data["from"] == status.value and event.data["to"] == expected.value
            assert event.data["actor"] == actor
        else:
            if actor == "anon":
                assert payload["errors"][0]["code"] in ("UNAUTHENTICATED", "API_KEY_REQUIRED")
            else:
                assert payload["errors"][0]["code"] == expected, (actor, status, step, payload)
            assert after.status is status


def test_the_table_covers_every_status_of_the_seed():
    # Ten statuses; from each one but the two final ones somebody moves it on.
    moved_from = {status for _, status in STAFF_ROUTE} | set(APPLICANT_SENDS) | PARTIES_SIGN_SA
    assert len(S) == 10 and set(S) - moved_from == {S.REJECTED, S.SA_SIGNED}


ACTIONS = "query($id: ID!) { application(id: $id) { availableActions } }"
STAFF_ACTIONS: dict[S, set[str]] = {}
for (step, status), _target in STAFF_ROUTE.items():
    STAFF_ACTIONS.setdefault(status, set()).add(step.upper())


@pytest.mark.parametrize("status", list(S), ids=lambda s: s.value)
async def test_each_viewer_is_offered_exactly_what_the_seed_allows(world, application_in, status):
    application = await application_in(status)
    expected = {
        "operator": None if status is S.DRAFT else STAFF_ACTIONS.get(status, set()),
        "bpms": None if status is S.DRAFT else STAFF_ACTIONS.get(status, set()),
        "applicant": ({"EDIT"} if status in APPLICANT_EDITS else set())
        | ({"SUBMIT"} if status in APPLICANT_EDITS else set())
        | ({"DELETE"} if status in APPLICANT_DELETES else set())
        | ({"SIGN_SA"} if status in PARTIES_SIGN_SA else set()),
        "developer": ({"SIGN_SA"} if status in PARTIES_SIGN_SA else set()) if status in DEVELOPER_SEES else None,
        "outsider": None,
    }
    for actor, actions in expected.items():
        seen = (await getattr(world, actor).data(ACTIONS, {"id": str(application.id)}))["application"]
        assert (None if seen is None else set(seen["availableActions"])) == actions, (actor, status, seen)


EDIT = "mutation($i: ApplicationUpdateInput!) { applicationUpdate(input: $i) { application { version form } errors { field code } } }"
DELETE = "mutation($i: ApplicationRefInput!) { applicationDelete(input: $i) { errors { field code } } }"


@pytest.mark.parametrize("status", list(S), ids=lambda s: s.value)
async def test_applicant_edits_and_deletes(world, application_in, status):
    for actor in ACTORS:
        application = await application_in(status)
        client = getattr(world, actor)
        body = await client.data(EDIT, {"i": {"applicationId": str(application.id), "form": {"justification": "New reason"}}})
        errors = body["applicationUpdate"]["errors"]
        if actor == "applicant" and status in APPLICANT_EDITS:
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
        if actor == "applicant" and status in APPLICANT_DELETES:
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
        if actor == "applicant" and status in APPLICANT_SENDS:
            assert result["errors"] == [] and result["application"]["status"] == APPLICANT_SENDS[status].name, (status, result)
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
        visible_to_party = actor == "applicant" or status in DEVELOPER_SEES
        if party and status in PARTIES_SIGN_SA:
            assert result["errors"] == [], (actor, result)
        elif party and visible_to_party:
            assert result["errors"][0]["code"] == "WRONG_STATUS"
        elif actor in ("developer", "outsider"):
            assert result["errors"][0]["code"] in ("NOT_FOUND", "NOT_A_PARTY")
        elif actor in ("operator", "citizen"):
            assert result["errors"][0]["code"] == "FORBIDDEN"
        else:
            assert result["errors"][0]["code"] == "UNAUTHENTICATED"
