"""In-app notifications: list, mark read, and live delivery over graphql-transport-ws."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
import websockets

from backend.models.identity import Session
from backend.models.notifications import Notification
from backend.services.notifications import NotificationKind, notify
from backend.services.tx import atomic
from tests.helpers import PASSWORD
from tests.ws import PROTOCOL, GraphQLWebSocket

LIST = "query($unread: Boolean, $first: Int, $after: String) { notifications(unreadOnly: $unread, first: $first, after: $after) { totalCount edges { node { id kind params readAt } } pageInfo { hasNextPage endCursor } } unreadNotificationCount }"
MARK = "mutation($i: NotificationMarkReadInput!) { notificationMarkRead(input: $i) { updated unreadCount errors { field code } } }"
RECEIVED = "subscription { notificationReceived { id kind params createdAt } }"
LOGIN = "mutation($i: SessionLoginInput!) { sessionLogin(input: $i) { errors { code } } }"


async def _notify(rt, user, kind=NotificationKind.WELCOME, **params):
    async with atomic():
        return await notify(rt, user.id, kind, **params)


async def test_anonymous_reads_no_notifications(anon):
    body = await anon.gql(LIST)
    assert body["data"]["notifications"]["totalCount"] == 0 and body["data"]["unreadNotificationCount"] == 0
    assert {d["code"] for d in body["extensions"]["denied"]} == {"UNAUTHENTICATED"}


async def test_each_viewer_sees_only_their_own(rt, citizen, legal_entity):
    await _notify(rt, citizen.user)
    await _notify(rt, legal_entity.user, NotificationKind.PASSWORD_CHANGED)
    mine = await citizen.data(LIST)
    assert mine["notifications"]["totalCount"] == 1
    assert mine["notifications"]["edges"][0]["node"]["kind"] == "WELCOME"
    assert mine["unreadNotificationCount"] == 1


async def test_pages_are_newest_first_and_complete(rt, citizen):
    for n in range(5):
        await _notify(rt, citizen.user, NotificationKind.NEW_SIGN_IN, n=n)
    first = await citizen.data(LIST, {"first": 3})
    second = await citizen.data(LIST, {"first": 3, "after": first["notifications"]["pageInfo"]["endCursor"]})
    seen = [e["node"]["params"]["n"] for e in first["notifications"]["edges"] + second["notifications"]["edges"]]
    assert seen == [4, 3, 2, 1, 0]
    assert second["notifications"]["pageInfo"]["hasNextPage"] is False


async def test_mark_some_then_all_read(rt, citizen):
    a = await _notify(rt, citizen.user)
    await _notify(rt, citizen.user)
    body = await citizen.data(MARK, {"i": {"ids": [str(a.id)]}})
    assert body["notificationMarkRead"] == {"updated": 1, "unreadCount": 1, "errors": []}
    unread = await citizen.data(LIST, {"unread": True})
    assert unread["notifications"]["totalCount"] == 1
    body = await citizen.data(MARK, {"i": {}})
    assert body["notificationMarkRead"] == {"updated": 1, "unreadCount": 0, "errors": []}


async def test_marking_someone_elses_notification_changes_nothing(rt, citizen, legal_entity):
    theirs = await _notify(rt, legal_entity.user)
    body = await citizen.data(MARK, {"i": {"ids": [str(theirs.id), "garbage"]}})
    assert body["notificationMarkRead"]["updated"] == 0
    assert (await Notification.get(id=theirs.id)).read_at is None


async def test_mark_read_caps_the_list(citizen):
    body = await citizen.data(MARK, {"i": {"ids": [f"00000000-0000-4000-8000-{n:012d}" for n in range(101)]}})
    assert body["notificationMarkRead"]["errors"] == [{"field": "ids", "code": "TOO_MANY"}]


async def test_anonymous_mark_read_is_refused(anon):
    body = await anon.data(MARK, {"i": {}})
    assert body["notificationMarkRead"]["errors"] == [{"field": None, "code": "UNAUTHENTICATED"}]


async def test_a_new_sign_in_reaches_the_open_page_live(live_server, citizen, anon):
    # given the viewer's page is subscribed
    socket = await GraphQLWebSocket.connect(live_server, citizen.token)
    await socket.subscribe(RECEIVED)
    await asyncio.sleep(0.1)
    # when the same account signs in elsewhere
    await anon.data(LOGIN, {"i": {"login": citizen.user.iin_bin, "password": PASSWORD}}, headers={"user-agent": "Other device"})
    # then
    message = await socket.next_message()
    assert message["type"] == "next"
    event = message["payload"]["data"]["notificationReceived"]
    assert event["kind"] == "NEW_SIGN_IN" and event["params"]["userAgent"] == "Other device"
    await socket.close()


async def test_a_subscriber_gets_only_their_own_events(live_server, rt, citizen, legal_entity):
    socket = await GraphQLWebSocket.connect(live_server, citizen.token)
    await socket.subscribe(RECEIVED)
    await asyncio.sleep(0.1)
    await _notify(rt, legal_entity.user)
    mine = await _notify(rt, citizen.user, NotificationKind.PASSWORD_CHANGED)
    message = await socket.next_message()
    assert message["payload"]["data"]["notificationReceived"]["id"] == str(mine.id)
    await socket.close()


async def test_an_event_of_a_rolled_back_transaction_is_never_sent(live_server, rt, citizen):
    socket = await GraphQLWebSocket.connect(live_server, citizen.token)
    await socket.subscribe(RECEIVED)
    await asyncio.sleep(0.1)
    with pytest.raises(RuntimeError):
        async with atomic():
            await notify(rt, citizen.user.id, NotificationKind.WELCOME)
            raise RuntimeError("boom")
    committed = await _notify(rt, citizen.user, NotificationKind.PASSWORD_CHANGED)
    message = await socket.next_message()
    assert message["payload"]["data"]["notificationReceived"]["id"] == str(committed.id)
    assert await Notification.filter(user_id=citizen.user.id).count() == 1
    await socket.close()


async def test_an_anonymous_subscription_is_refused(live_server):
    socket = await GraphQLWebSocket.connect(live_server)
    await socket.subscribe(RECEIVED)
    message = await socket.next_message()
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert message["type"] == "error" or message["payload"].get("data") is None
    await socket.close()


async def test_a_bad_token_in_connection_init_closes_the_socket(live_server):
    socket = await websockets.connect(f"ws://{live_server}/graphql", subprotocols=[PROTOCOL])
    await socket.send('{"type": "connection_init", "payload": {"authorization": "Bearer nonsense"}}')
    with pytest.raises(websockets.ConnectionClosed) as closed:
        await asyncio.wait_for(socket.recv(), 5)
    assert closed.value.rcvd.code == 4403


async def test_a_foreign_origin_cannot_open_the_socket(live_server):
    with pytest.raises(websockets.InvalidStatus):
        await websockets.connect(f"ws://{live_server}/graphql", subprotocols=[PROTOCOL], additional_headers={"Origin": "https://evil.example"})


async def test_the_same_origin_may_open_the_socket(live_server, rt, citizen):
    # given a socket opened with the server's own origin
    socket = await GraphQLWebSocket.connect(live_server, citizen.token, origin=f"http://{live_server}")
    assert socket.socket.subprotocol == PROTOCOL
    await socket.subscribe(RECEIVED)
    await asyncio.sleep(0.1)
    # when
    mine = await _notify(rt, citizen.user)
    # then it is a working subscription, not merely an open connection
    message = await socket.next_message()
    assert message["payload"]["data"]["notificationReceived"]["id"] == str(mine.id)
    await socket.close()


async def test_only_graphql_transport_ws_is_spoken(live_server):
    socket = await websockets.connect(f"ws://{live_server}/graphql", subprotocols=["graphql-ws"])
    assert socket.subprotocol is None
    with pytest.raises(websockets.ConnectionClosed):
        await asyncio.wait_for(socket.recv(), 5)


async def test_a_signed_out_session_stops_receiving(live_server, rt, citizen):
    socket = await GraphQLWebSocket.connect(live_server, citizen.token)
    await socket.subscribe(RECEIVED)
    await asyncio.sleep(0.1)
    await Session.filter(user_id=citizen.user.id).update(revoked_at=dt.datetime.now(dt.timezone.utc))
    await _notify(rt, citizen.user)
    message = await socket.next_message()
    assert message["type"] == "complete"
    await socket.close()
