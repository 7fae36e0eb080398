"""The whole online payment through HTTP: order → the sandbox's card page → webhook → Payment,
debt and the live event; 3-D Secure, a decline, a bad signature and a replay."""

from __future__ import annotations

import asyncio
from decimal import Decimal

from backend.adapters.payments import DECLINED, SUCCEEDED
from backend.models.billing import Payment, PaymentOrder, PaymentOrderStatus, WebhookEvent
from backend.models.history import HistoryEvent
from backend.models.notifications import Notification
from tests.api.payments.world import CREATE, ORDER, PAYMENTS, add_receipt, debt_of, ref_of, sandbox_webhook
from tests.cabinet_world import build_world
from tests.ws import GraphQLWebSocket

MONEY = "subscription($a: ID!) { accountMoneyUpdated(accountId: $a) { accountId debt orderId orderStatus } }"
CARD = {"card": "4242 4242 4242 4242", "exp": "12/29", "cvc": "123", "holder": "MARAT AKHMETOV", "action": "pay", "lang": "ru"}


async def _order(resident, account, amount="10000.00") -> dict:
    body = await resident.data(CREATE, {"i": {"accountId": str(account.id), "amount": amount}})
    assert body["paymentOrderCreate"]["errors"] == []
    return body["paymentOrderCreate"]["order"]


async def test_paying_with_the_success_card_counts_once_and_lowers_the_debt(rt, resident):
    # given
    world = await build_world(resident.user)
    await add_receipt(rt, world.account_x, "47048.00")
    order = await _order(resident, world.account_x, "10000.00")
    http = resident.http
    # when
    page = await http.get(order["payUrl"], headers={"accept-language": "ru-RU,ru;q=0.9"})
    done = await http.post(order["payUrl"], data=CARD)
    # then
    assert page.status_code == 200 and "Номер карты" in page.text and "ТОО «ТеплоДом»" in page.text
    assert "10 000,00 ₸" in page.text
    assert done.status_code == 303
    assert done.headers["location"] == f"/cabinet/{world.account_x.id}/payments?order={order['id']}"
    [payment] = await Payment.filter(account_id=world.account_x.id)
    assert payment.amount == Decimal("10000.00") and payment.number == "1" and payment.order_id is not None
    assert await debt_of(world.account_x.id) == Decimal("37048.00")
    state = (await resident.data(ORDER, {"id": order["id"]}))["paymentOrder"]
    assert state["status"] == "SUCCEEDED" and state["settledAt"]
    listed = (await resident.data(PAYMENTS, {"a": str(world.account_x.id)}))["accountPayments"]
    assert listed["totalCount"] == 1 and listed["edges"][0]["node"]["number"] == "1"
    assert listed["edges"][0]["node"]["source"] == "ONLINE" and listed["edges"][0]["node"]["amount"] == "10000.00"
    [note] = await Notification.filter(user_id=resident.user.id, kind="PAYMENT_RECEIVED")
    assert note.params == {"accountId": str(world.account_x.id), "number": "1", "amount": "10000.00"}
    # the payer presses "Pay" again: the page says it is paid and nothing is counted twice
    again = await http.post(order["payUrl"], data=CARD)
    assert again.status_code == 200 and "уже оплачен" in again.text
    assert await Payment.filter(account_id=world.account_x.id).count() == 1


async def test_an_over_payment_leaves_an_advance(rt, resident):
    # given
    world = await build_world(resident.user)
    await add_receipt(rt, world.account_x, "1000.00")
    order = await _order(resident, world.account_x, "1500.50")
    # when
    await resident.http.post(order["payUrl"], data=CARD)
    # then
    assert await debt_of(world.account_x.id) == Decimal("-500.50")


async def test_3ds_card_asks_for_the_code_and_1234_pays(rt, resident):
    # given
    world = await build_world(resident.user)
    await add_receipt(rt, world.account_x)
    order = await _order(resident, world.account_x, "5000.00")
    http = resident.http
    # when
    asked = await http.post(order["payUrl"], data={**CARD, "card": "4000000000003220", "lang": "en"})
    challenge = await http.get(asked.headers["location"])
    status_meanwhile = (await resident.data(ORDER, {"id": order["id"]}))["paymentOrder"]["status"]
    done = await http.post(order["payUrl"] + "/3ds", data={"code": "1234", "lang": "en"})
    # then
    assert asked.status_code == 303 and "Confirmation code" in challenge.text
    assert status_meanwhile == "AWAITING_3DS"
    assert done.status_code == 303 and done.headers["location"].endswith(f"?order={order['id']}")
    assert (await PaymentOrder.get(id=order["id"])).status is PaymentOrderStatus.SUCCEEDED
    assert await Payment.filter(order_id=order["id"]).count() == 1


async def test_a_wrong_3ds_code_declines(rt, resident):
    world = await build_world(resident.user)
    order = await _order(resident, world.account_x, "5000.00")
    await resident.http.post(order["payUrl"], data={**CARD, "card": "4000 0000 0000 3220"})
    await resident.http.post(order["payUrl"] + "/3ds", data={"code": "0000"})
    state = (await resident.data(ORDER, {"id": order["id"]}))["paymentOrder"]
    assert state["status"] == "DECLINED" and state["failureCode"] == "THREE_DS_FAILED"
    assert await Payment.filter(order_id=order["id"]).count() == 0


async def test_the_decline_card_declines_for_insufficient_funds_and_the_debt_stays(rt, resident):
    # given
    world = await build_world(resident.user)
    await add_receipt(rt, world.account_x, "47048.00")
    order = await _order(resident, world.account_x)
    # when
    done = await resident.http.post(order["payUrl"], data={**CARD, "card": "4000000000000002"})
    # then
    assert done.status_code == 303
    state = (await resident.data(ORDER, {"id": order["id"]}))["paymentOrder"]
    assert state["status"] == "DECLINED" and state["failureCode"] == "INSUFFICIENT_FUNDS"
    assert await Payment.all().count() == 0 and await debt_of(world.account_x.id) == Decimal("47048.00")


async def test_bad_card_data_is_shown_on_the_page_and_pays_nothing(rt, resident):
    world = await build_world(resident.user)
    order = await _order(resident, world.account_x)
    cases = [({"card": "4242 4242 4242 4241"}, "Check the card number"),
             ({"card": "5555 5555 5555 4444"}, "pay with one of the test cards"),
             ({"exp": "13/29"}, "MM/YY"), ({"exp": "01/20"}, "expired"), ({"cvc": "12"}, "3 digits"),
             ({"holder": " "}, "name as it is on the card")]
    for change, text in cases:
        page = await resident.http.post(order["payUrl"], data={**CARD, "lang": "en", **change})
        assert page.status_code == 422 and text in page.text, change
        assert 'role="alert"' in page.text
    assert (await PaymentOrder.get(id=order["id"])).status is PaymentOrderStatus.CREATED


async def test_the_page_speaks_kazakh_by_accept_language_and_english_by_lang(rt, resident):
    world = await build_world(resident.user)
    order = await _order(resident, world.account_x)
    kk = await resident.http.get(order["payUrl"], headers={"accept-language": "kk-KZ"})
    en = await resident.http.get(order["payUrl"] + "?lang=en", headers={"accept-language": "kk-KZ"})
    assert '<html lang="kk">' in kk.text and "Карта нөмірі" in kk.text
    assert '<label for="card">Card number</label>' in en.text and '<label for="exp">Expiry date (MM/YY)</label>' in en.text


async def test_an_unknown_pay_page_is_404(anon):
    assert (await anon.http.get("/pay/sandbox/sbx_nothing")).status_code == 404


async def test_a_webhook_with_a_bad_signature_is_401_and_stores_nothing(rt, resident, anon):
    # given
    world = await build_world(resident.user)
    order = await _order(resident, world.account_x)
    body, headers = sandbox_webhook(rt, ref_of(order["payUrl"]), SUCCEEDED, order["amount"])
    # when
    forged = await anon.http.post("/payments/webhook/sandbox", content=body, headers={**headers, "x-sandbox-signature": "00" * 32})
    unsigned = await anon.http.post("/payments/webhook/sandbox", content=body, headers={"content-type": "application/json"})
    other = await anon.http.post("/payments/webhook/http", content=body, headers=headers)
    # then
    assert forged.status_code == 401 and unsigned.status_code == 401 and other.status_code == 404
    assert await WebhookEvent.all().count() == 0 and await Payment.all().count() == 0


async def test_a_replayed_webhook_is_200_and_does_nothing(rt, resident, anon):
    # given
    world = await build_world(resident.user)
    await add_receipt(rt, world.account_x, "20000.00")
    order = await _order(resident, world.account_x, "2000.00")
    body, headers = sandbox_webhook(rt, ref_of(order["payUrl"]), SUCCEEDED, "2000.00", event_id="evt-1")
    # when
    first = await anon.http.post("/payments/webhook/sandbox", content=body, headers=headers)
    replay = await anon.http.post("/payments/webhook/sandbox", content=body, headers=headers)
    retried, retry_headers = sandbox_webhook(rt, ref_of(order["payUrl"]), SUCCEEDED, "2000.00", event_id="evt-2")
    retry = await anon.http.post("/payments/webhook/sandbox", content=retried, headers=retry_headers)
    late, late_headers = sandbox_webhook(rt, ref_of(order["payUrl"]), DECLINED, "2000.00", "DO_NOT_HONOR", event_id="evt-3")
    late_decline = await anon.http.post("/payments/webhook/sandbox", content=late, headers=late_headers)
    # then
    assert [r.json()["outcome"] for r in (first, replay, retry, late_decline)] == ["paid", "replay", "duplicate", "late_declined"]
    assert await Payment.all().count() == 1 and await debt_of(world.account_x.id) == Decimal("18000.00")
    assert (await PaymentOrder.get(id=order["id"])).status is PaymentOrderStatus.SUCCEEDED
    assert sorted(await WebhookEvent.all().values_list("outcome", flat=True)) == ["duplicate", "late_declined", "paid"]
    anomaly = await HistoryEvent.get(entity="payment_order", entity_id=order["id"], action="anomaly")
    assert anomaly.data["reason"] == "late_declined"


async def test_a_success_for_another_amount_pays_nothing_and_is_kept_as_an_anomaly(rt, resident, anon):
    world = await build_world(resident.user)
    order = await _order(resident, world.account_x, "2000.00")
    body, headers = sandbox_webhook(rt, ref_of(order["payUrl"]), SUCCEEDED, "20.00")
    reply = await anon.http.post("/payments/webhook/sandbox", content=body, headers=headers)
    assert reply.status_code == 200 and reply.json()["outcome"] == "amount_mismatch"
    assert await Payment.all().count() == 0
    anomaly = await HistoryEvent.get(entity="payment_order", entity_id=order["id"], action="anomaly")
    assert anomaly.data == {"eventId": anomaly.data["eventId"], "reason": "amount_mismatch", "orderAmount": "2000.00", "eventAmount": "20.00"}


async def test_a_signed_but_unreadable_webhook_is_400(rt, anon):
    body = b'{"eventId": "x", "status": "refunded"}'
    reply = await anon.http.post("/payments/webhook/sandbox", content=body, headers={"x-sandbox-signature": rt.acquirer.sign(body)})
    assert reply.status_code == 400 and await WebhookEvent.all().count() == 0


async def test_the_resident_sees_the_debt_change_live(rt, resident, live_server):
    # given
    world = await build_world(resident.user)
    await add_receipt(rt, world.account_x, "47048.00")
    order = await _order(resident, world.account_x, "7048.00")
    socket = await GraphQLWebSocket.connect(live_server, resident.token)
    await socket.subscribe(MONEY, {"a": str(world.account_x.id)})
    await asyncio.sleep(0.2)  # the subscription is open before the payment
    # when
    await resident.http.post(order["payUrl"], data=CARD)
    message = await socket.next_message()
    await socket.close()
    # then
    assert message["type"] == "next", message
    assert message["payload"]["data"]["accountMoneyUpdated"] == {
        "accountId": str(world.account_x.id), "debt": "40000.00", "orderId": order["id"], "orderStatus": "SUCCEEDED"}
