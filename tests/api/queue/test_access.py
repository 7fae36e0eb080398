"""Who reads and does what with queue applications, per role: anonymous, a citizen, another
citizen, a company, a queue officer and an admin. "Not yours" looks exactly like "not found"."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from backend.models.queue import QueueApplication, QueueStatus, SigningMethod
from tests.helpers import ApiClient, make_account

GET = "query($id: ID!) { queueApplication(id: $id) { id number status person { iin fullName adult } history { action } } }"
MINE = "query { myQueueApplications(first: 50) { totalCount edges { node { id number } } } }"
MISSING = "00000000-0000-4000-8000-000000000000"


async def _client(app, rt, role: str, **fields) -> ApiClient:
    client = ApiClient(httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver"))
    await make_account(rt, client, role, **fields)
    return client


@pytest.fixture
async def people(app, rt):
    clients = {
        "citizen": await _client(app, rt, "citizen"),
        "other": await _client(app, rt, "citizen"),
        "company": await _client(app, rt, "legal_entity"),
        "officer": await _client(app, rt, "queue_officer"),
        "admin": await _client(app, rt, "admin"),
        "anon": ApiClient(httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver")),
    }
    yield clients
    for client in clients.values():
        await client.http.aclose()


async def stored_application(filer, person_iin_: str | None = None, number: str = "Q-2026-000001") -> QueueApplication:
    """An application as filing leaves it, written directly so that reading is tested on its own."""
    now = dt.datetime(2026, 3, 3, 5, 0, tzinfo=dt.timezone.utc)
    iin = person_iin_ or filer.iin_bin
    return await QueueApplication.create(
        number=number, filed_by=filer, person_iin=iin,
        person={"iin": iin, "surname": "Бекова", "name": "Айгерім", "patronymic": "", "birthDate": "1990-05-15",
                "document": None, "address": None},
        locality="astana", consents={}, phone="+77010000000", email="a@example.kz", status=QueueStatus.FILED,
        filed_at=now, business_date=now.date(), decision_due=now.date(), notify_due=now.date(),
        signing_method=SigningMethod.SMS,
    )


async def test_one_citizen_never_sees_anothers_application(people):
    mine = await stored_application(people["citizen"].user)
    body = await people["citizen"].data(GET, {"id": str(mine.id)})
    assert body["queueApplication"]["number"] == "Q-2026-000001"
    assert body["queueApplication"]["person"] == {"iin": people["citizen"].user.iin_bin, "fullName": "Бекова Айгерім", "adult": True}
    listed = (await people["citizen"].data(MINE))["myQueueApplications"]
    assert listed["totalCount"] == 1 and listed["edges"][0]["node"]["id"] == str(mine.id)

    for who in ("other", "company", "anon"):
        by_id = await people[who].gql(GET, {"id": str(mine.id)})
        assert by_id == await people[who].gql(GET, {"id": MISSING})
        assert by_id["data"]["queueApplication"] is None
    assert (await people["other"].data(MINE))["myQueueApplications"]["totalCount"] == 0


async def test_an_application_filed_for_a_person_is_theirs_too(people):
    filed_for = await stored_application(people["other"].user, person_iin_=people["citizen"].user.iin_bin)
    assert (await people["citizen"].data(GET, {"id": str(filed_for.id)}))["queueApplication"]["id"] == str(filed_for.id)
    for who in ("citizen", "other"):
        assert (await people[who].data(MINE))["myQueueApplications"]["totalCount"] == 1


@pytest.mark.parametrize("who", ["officer", "admin"])
async def test_the_office_reads_any_application_but_has_none_of_its_own(people, who):
    app = await stored_application(people["citizen"].user)
    assert (await people[who].data(GET, {"id": str(app.id)}))["queueApplication"]["id"] == str(app.id)
    body = await people[who].gql(MINE)
    assert body["data"]["myQueueApplications"]["totalCount"] == 0
    assert body["extensions"]["denied"][0]["code"] == "FORBIDDEN"


async def test_anonymous_and_companies_are_refused_my_applications(people):
    await stored_application(people["citizen"].user)
    assert (await people["anon"].gql(MINE))["extensions"]["denied"][0]["code"] == "UNAUTHENTICATED"
    assert (await people["company"].gql(MINE))["extensions"]["denied"][0]["code"] == "FORBIDDEN"
