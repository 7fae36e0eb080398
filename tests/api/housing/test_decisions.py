"""The company's staff decide on pending links: the resident is notified and their open list hears of it."""

from __future__ import annotations

import asyncio

from backend.models.history import HistoryEvent
from backend.models.housing import AccountLink, AccountLinkMethod, AccountLinkStatus
from backend.models.notifications import Notification
from tests.ws import GraphQLWebSocket

DECIDE = """
mutation($id: ID!, $approve: Boolean!, $reason: String) {
  accountLinkDecide(input: {linkId: $id, approve: $approve, reason: $reason}) {
    link { id status decidedAt rejectReason account { number } } errors { field code params }
  }
}
"""
MY_LINKS = "query { myAccountLinks { accountNumber status rejectReason account { number } } }"
UPDATED = "subscription { accountLinkUpdated { id status account { number } } }"


async def _pending(cast) -> AccountLink:
    # other_resident asks for 10117 by address (the account keeps no phone of theirs)
    return await AccountLink.create(user=cast.other_resident.user, account=cast.world.account_x, status=AccountLinkStatus.PENDING,
                                    method=AccountLinkMethod.ADDRESS, given_address="Астана, 100 атқыштар дивизиясы, 1", given_flat="17")


async def test_confirmed_link_opens_the_account_and_the_resident_is_told(cast):
    # given
    link = await _pending(cast)
    # when
    body = await cast.staff_x.data(DECIDE, {"id": str(link.id), "approve": True})
    # then
    decided = body["accountLinkDecide"]
    assert decided["errors"] == [] and decided["link"]["status"] == "CONFIRMED" and decided["link"]["decidedAt"]
    mine = await cast.other_resident.data(MY_LINKS)
    assert {"accountNumber": "10117", "status": "CONFIRMED", "rejectReason": "", "account": {"number": "10117"}} in mine["myAccountLinks"]
    note = await Notification.get(user_id=cast.other_resident.user.id, kind="ACCOUNT_LINK_DECIDED")
    assert note.params == {"accountId": str(cast.world.account_x.id), "number": "10117", "status": "confirmed"}
    row = await AccountLink.get(id=link.id)
    assert row.decided_by_id == cast.staff_x.user.id
    events = await HistoryEvent.filter(entity="account_link", entity_id=str(link.id))
    assert [(e.action, e.actor_id) for e in events] == [("confirmed", cast.staff_x.user.id)]


async def test_rejected_link_keeps_the_account_closed_and_says_why(cast):
    # given
    link = await _pending(cast)
    # when
    body = await cast.staff_x.data(DECIDE, {"id": str(link.id), "approve": False, "reason": "Собственник другой"})
    # then
    assert body["accountLinkDecide"]["link"]["status"] == "REJECTED"
    mine = await cast.other_resident.data(MY_LINKS)
    assert {"accountNumber": "10117", "status": "REJECTED", "rejectReason": "Собственник другой", "account": None} in mine["myAccountLinks"]
    note = await Notification.get(user_id=cast.other_resident.user.id, kind="ACCOUNT_LINK_DECIDED")
    assert note.params["status"] == "rejected"
    account = await cast.other_resident.data("query($id: ID!) { personalAccount(id: $id) { id } }", {"id": str(cast.world.account_x.id)})
    assert account["personalAccount"] is None


async def test_a_decided_link_cannot_be_decided_again(cast):
    # given
    link = await _pending(cast)
    await cast.staff_x.data(DECIDE, {"id": str(link.id), "approve": False})
    # when
    body = await cast.staff_x.data(DECIDE, {"id": str(link.id), "approve": True})
    # then
    assert body["accountLinkDecide"]["errors"] == [{"field": "linkId", "code": "LINK_NOT_PENDING", "params": {"status": "rejected"}}]
    assert (await AccountLink.get(id=link.id)).status is AccountLinkStatus.REJECTED


async def test_an_overlong_reason_is_refused_before_anything_changes(cast):
    # given
    link = await _pending(cast)
    # when
    body = await cast.staff_x.data(DECIDE, {"id": str(link.id), "approve": False, "reason": "x" * 501})
    # then
    assert body["accountLinkDecide"]["errors"] == [{"field": "reason", "code": "TOO_LONG", "params": {"max": 500}}]
    assert (await AccountLink.get(id=link.id)).status is AccountLinkStatus.PENDING


async def test_the_residents_open_list_hears_of_the_decision(live_server, cast):
    # given
    link = await _pending(cast)
    socket = await GraphQLWebSocket.connect(live_server, cast.other_resident.token)
    await socket.subscribe(UPDATED)
    await asyncio.sleep(0.1)
    # when
    await cast.staff_x.data(DECIDE, {"id": str(link.id), "approve": True})
    # then
    message = await socket.next_message()
    assert message["payload"]["data"]["accountLinkUpdated"] == {"id": str(link.id), "status": "CONFIRMED", "account": {"number": "10117"}}
    await socket.close()


async def test_staff_cannot_subscribe_to_residents_links(live_server, cast):
    # when
    socket = await GraphQLWebSocket.connect(live_server, cast.staff_x.token)
    await socket.subscribe(UPDATED)
    message = await socket.next_message()
    # then
    assert message["payload"]["data"] is None
    assert [e["extensions"]["code"] for e in message["payload"]["errors"]] == ["FORBIDDEN"]
    await socket.close()
