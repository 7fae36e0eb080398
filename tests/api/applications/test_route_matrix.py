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
