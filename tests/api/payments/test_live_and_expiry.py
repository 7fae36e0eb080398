"""accountMoneyUpdated: who may listen and when it stops; orders that expire; the payments list's cost."""

from __future__ import annotations

import asyncio
import datetime as dt
from decimal import Decimal

from backend import clock
from backend.adapters.payments import SUCCEEDED
from backend.models.billing import Payment, PaymentOrder, PaymentOrderStatus
from backend.models.housing import AccountLink
from backend.models.identity import Session
from backend.services import scheduler
from backend.services.billing import balance
from backend.services.payments import webhooks
from tests.api.payments.world import CREATE, PAYMENTS, add_receipt, ref_of, sandbox_webhook
from tests.cabinet_world import build_world
from tests.sqlcount import statements
from tests.ws import GraphQLWebSocket

MONEY = "subscription($a: ID!) { accountMoneyUpdated(accountId: $a) { accountId debt orderId orderStatus receiptId } }"


async def _first_error(socket) -> dict:
    message = await socket.next_message()
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    return errors[0]


async def test_anonymous_and_another_account_are_refused(live_server, rt, resident):
    world = await build_world(resident.user)
    anon = await GraphQLWebSocket.connect(live_server)
    await anon.subscribe(MONEY, {"a": str(world.account_x.id)})
    assert (await _first_error(anon))["extensions"]["code"] == "UNAUTHENTICATED"
    await anon.close()
    mine = await GraphQLWebSocket.connect(live_server, resident.token)
    await mine.subscribe(MONEY, {"a": str(world.account_y.id)})
    assert (await _first_error(mine))["extensions"]["code"] == "NOT_FOUND"
    await mine.close()


async def test_the_company_staff_watch_their_accounts_live(live_server, rt, resident, uk_staff):
    # given
    world = await build_world(resident.user, staff_x=uk_staff.user)
    socket = await GraphQLWebSocket.connect(live_server, uk_staff.token)
    await socket.subscribe(MONEY, {"a": str(world.account_x.id)})
    await asyncio.sleep(0.2)
    # when: a new receipt (billing's recompute publishes on the same channel)
    await add_receipt(rt, world.account_x, "1234.50")
    # then
    message = await socket.next_message()
    await socket.close()
    assert message["payload"]["data"]["accountMoneyUpdated"]["debt"] == "1234.50"
    assert message["payload"]["data"]["accountMoneyUpdated"]["orderId"] is None


async def test_an_unlinked_account_or_a_signed_out_session_stops_the_updates(live_server, rt, resident):
    world = await build_world(resident.user)
    socket = await GraphQLWebSocket.connect(live_server, resident.token)
    await socket.subscribe(MONEY, {"a": str(world.account_x.id)})
    await asyncio.sleep(0.2)
    await AccountLink.filter(user_id=resident.user.id).update(status="removed")
    await add_receipt(rt, world.account_x)
    assert (await socket.next_message())["type"] == "complete"
    await socket.close()

    await AccountLink.filter(user_id=resident.user.id).update(status="confirmed")
    socket = await GraphQLWebSocket.connect(live_server, resident.token)
    await socket.subscribe(MONEY, {"a": str(world.account_x.id)})
    await asyncio.sleep(0.2)
    await Session.filter(user_id=resident.user.id).update(revoked_at=dt.datetime.now(dt.timezone.utc))
    await add_receipt(rt, world.account_x, period=dt.date(2026, 12, 1))
    assert (await socket.next_message())["type"] == "complete"
    await socket.close()


async def test_an_abandoned_order_expires_after_30_minutes_and_says_so_live(rt, resident):
    # given
    world = await build_world(resident.user)
    body = await resident.data(CREATE, {"i": {"accountId": str(world.account_x.id), "amount": "100.00"}})
    order_id = body["paymentOrderCreate"]["order"]["id"]
    events = []
    async with rt.pubsub.subscribe(balance.account_channel(world.account_x.id)) as messages:
        # when: 29 minutes — still open; 31 minutes — expired
        clock.travel_to(clock.now() + dt.timedelta(minutes=29))
        await scheduler.run_due(rt)
        still_open = (await PaymentOrder.get(id=order_id)).status
        clock.travel_to(clock.now() + dt.timedelta(minutes=2))
        await scheduler.run_due(rt)
        events.append(await asyncio.wait_for(messages.__anext__(), 2))
    # then
    assert still_open is PaymentOrderStatus.CREATED
    order = await PaymentOrder.get(id=order_id)
    assert order.status is PaymentOrderStatus.EXPIRED and order.failure_code == "ORDER_EXPIRED"
    assert events[0]["orderId"] == order_id and events[0]["orderStatus"] == "expired"


async def test_a_paid_order_is_left_alone_by_the_expiry_job(rt, resident):
    world = await build_world(resident.user)
    body = await resident.data(CREATE, {"i": {"accountId": str(world.account_x.id), "amount": "100.00"}})
    order = body["paymentOrderCreate"]["order"]
    payload, headers = sandbox_webhook(rt, ref_of(order["payUrl"]), SUCCEEDED, "100.00")
    await webhooks.receive(rt, "sandbox", headers, payload)
    clock.travel_to(clock.now() + dt.timedelta(hours=1))
    await scheduler.run_due(rt)
    assert (await PaymentOrder.get(id=order["id"])).status is PaymentOrderStatus.SUCCEEDED


async def test_payments_list_pages_newest_first_in_constant_statements(rt, resident):
    # given
    world = await build_world(resident.user)
    for i in range(5):
        await Payment.create(account=world.account_x, company=world.company_x, number=str(i + 1), amount=Decimal("10.00"),
                             paid_at=dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc), source="company", external_id=f"p{i}")
    variables = {"a": str(world.account_x.id), "first": 2}
    # when
    with statements() as small:
        first = (await resident.data(PAYMENTS, variables))["accountPayments"]
    with statements() as large:
        await resident.data(PAYMENTS, {**variables, "first": 5})
    second = (await resident.data(PAYMENTS, {**variables, "after": first["pageInfo"]["endCursor"]}))["accountPayments"]
    # then
    assert [e["node"]["number"] for e in first["edges"]] == ["5", "4"] and first["pageInfo"]["hasNextPage"]
    assert [e["node"]["number"] for e in second["edges"]] == ["3", "2"] and first["totalCount"] == 5
    assert len(small) == len(large)
