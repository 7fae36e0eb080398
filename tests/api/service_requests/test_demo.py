"""The demo's requests: seed 004's list in every status on the demo resident's account, made through
the domain's services, and a past outage notice of his building; seeding twice adds nothing."""

from __future__ import annotations

from backend.demo_cabinet import accounts, service_requests
from backend.models.housing import PersonalAccount
from backend.models.identity import User
from backend.models.outages import OutageNotice
from backend.models.service_requests import ServiceRequest
from backend.services.request_info import RequestInfo
from backend.services.sessions import open_session
from backend.services.tx import atomic
from tests.helpers import create_user

LIST = """query($id: ID!) { accountServiceRequests(accountId: $id) { edges { node {
  number status type { name } canRate rating history { action } } } } }"""
OUTAGES = "query($id: ID!) { accountOutages(accountId: $id) { text current } }"


async def test_the_demo_resident_finds_requests_in_every_status_and_a_past_outage(rt, resident):
    # given: the demo staff exists before the cabinet is seeded, as backend/demo.py makes them
    await create_user("uk_staff", email=accounts.STAFF_EMAIL)
    # when
    for _ in range(2):
        await accounts.seed(rt, "Shanyraq-Demo-2026!")
        await service_requests.seed(rt)
    # then
    demo = await User.get(phone=accounts.RESIDENT_PHONE)
    resident.user, resident.token = demo, await _token(rt, demo)
    account_id = str((await PersonalAccount.get(number="10117")).id)
    rows = [e["node"] for e in (await resident.data(LIST, {"id": account_id}))["accountServiceRequests"]["edges"]]
    assert [(r["number"], r["status"]) for r in rows] == [
        (301, "IN_WORK"), (297, "IN_WORK"), (268, "NEW"), (209, "CLOSED"), (185, "CLOSED")]
    assert rows[0]["type"]["name"] == "Суық және ыстық сумен жабдықтау жүйелері"
    assert (rows[3]["canRate"], rows[4]["rating"]) == (True, 5)
    assert [h["action"] for h in rows[4]["history"]] == ["created", "taken", "closed", "rated"]
    assert await ServiceRequest.all().count() == 5
    outages = (await resident.data(OUTAGES, {"id": account_id}))["accountOutages"]
    assert [(o["current"], o["text"].startswith("Ыстық су жоқ")) for o in outages] == [(False, True)]
    assert (await OutageNotice.get()).notified == 1


async def _token(rt, user) -> str:
    async with atomic():
        return (await open_session(rt, user, "phone", RequestInfo(ip="127.0.0.1"), announce=False)).access_token
