"""Who reads what: a draft is its applicant's alone until it is signed and sent — KZhK staff do not
see it in the queue or by id, and "not yours" looks exactly like "not found"."""

from __future__ import annotations

import httpx
import pytest

from backend.models.applications import ApplicationStatus as S
from tests.helpers import ApiClient, make_account

GET = "query($id: ID!) { application(id: $id) { id status } }"
QUEUE = "query { applicationQueue(first: 100) { totalCount edges { node { id status } } } }"
MISSING = "00000000-0000-4000-8000-000000000000"


@pytest.fixture
async def admin(app, rt):
    client = ApiClient(httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver"))
    await make_account(rt, client, "admin")
    yield client
    await client.http.aclose()


@pytest.mark.parametrize("role", ["operator", "bpms", "admin"])
async def test_kzhk_staff_do_not_see_an_unsent_draft(world, application_in, admin, role):
    draft = await application_in(S.DRAFT)
    sent = await application_in(S.SENT)
    client = admin if role == "admin" else getattr(world, role)
    by_id = await client.gql(GET, {"id": str(draft.id)})
    missing = await client.gql(GET, {"id": MISSING})
    assert by_id == missing  # the same answer as for an id that does not exist
    assert by_id["data"]["application"] is None
    assert (await client.data(GET, {"id": str(sent.id)}))["application"]["status"] == "SENT"
    if role != "admin":  # the queue is the operators' and the BPMS's; an admin is refused it as a whole
        queue = (await client.data(QUEUE))["applicationQueue"]
        ids = {e["node"]["id"] for e in queue["edges"]}
        assert str(draft.id) not in ids and str(sent.id) in ids and queue["totalCount"] == 1


@pytest.mark.parametrize("role", ["operator", "bpms"])
async def test_kzhk_staff_cannot_act_on_a_draft(world, application_in, role):
    draft = await application_in(S.DRAFT)
    body = await getattr(world, role).data(
        "mutation($i: ApplicationRegisterInput!) { applicationRegister(input: $i) { errors { field code } } }",
        {"i": {"applicationId": str(draft.id), "registrationNumber": "BPMS-1"}})
    assert body["applicationRegister"]["errors"] == [{"field": "applicationId", "code": "NOT_FOUND"}]


@pytest.mark.parametrize("role", ["developer", "outsider", "citizen"])
async def test_nobody_else_sees_a_draft(world, application_in, role):
    draft = await application_in(S.DRAFT)
    client = getattr(world, role)
    assert await client.gql(GET, {"id": str(draft.id)}) == await client.gql(GET, {"id": MISSING})


async def test_the_applicant_sees_its_own_draft(world, application_in):
    draft = await application_in(S.DRAFT)
    assert (await world.applicant.data(GET, {"id": str(draft.id)}))["application"]["status"] == "DRAFT"
    mine = (await world.applicant.data("query { myApplications { edges { node { id } } } }"))["myApplications"]
    assert [e["node"]["id"] for e in mine["edges"]] == [str(draft.id)]


async def test_a_sent_application_without_its_signature_is_not_sent_again(world, application_in):
    """A repeated send is recognized by the signature over the content as it is; nothing else passes."""
    from backend.models.applications import ApplicationSignature

    sent = await application_in(S.SENT)
    await ApplicationSignature.filter(application_id=sent.id).delete()
    body = await world.applicant.data(
        "mutation($i: ApplicationSubmitInput!) { applicationSubmit(input: $i) { application { status } errors { code } } }",
        {"i": {"applicationId": str(sent.id), "termsAccepted": True, "cms": "AA=="}})
    assert body["applicationSubmit"]["errors"] == [{"code": "WRONG_STATUS"}]
