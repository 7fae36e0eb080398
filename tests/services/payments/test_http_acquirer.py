"""HttpAcquirer against a fake acquirer on a real socket (Starlette under uvicorn on 127.0.0.1),
and the whole flow with it: the portal places the order, the acquirer's signed webhook settles it."""

from __future__ import annotations

import asyncio
import datetime as dt
import base64
import hashlib
import hmac
import json
from dataclasses import replace
from decimal import Decimal

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route

from backend import clock
from backend.services import scheduler
from backend.adapters.payments import DECLINED, SUCCEEDED, AcquirerUnavailable, BadSignature, HttpAcquirer, MalformedWebhook
from backend.adapters.messaging import DevOutbox
from backend.adapters.pubsub import InProcessPubSub
from backend.app import create_app
from backend.models.billing import Payment, PaymentOrder, PaymentOrderStatus
from backend.runtime import Runtime
from tests.api.payments.world import CREATE, add_receipt, debt_of
from tests.cabinet_world import build_world
from tests.conftest import free_port
from tests.helpers import ApiClient, make_account

SECRET = "acquirer-shared-secret"
MERCHANT = "M-000123"


def sign(body: bytes) -> str:
    return base64.b64encode(hmac.new(SECRET.encode(), body, hashlib.sha256).digest()).decode()


def fake_acquirer(seen: list) -> Starlette:
    orders: dict[str, dict] = {}

    async def create(request: Request):
        body = await request.body()
        seen.append(("POST", request.url.path, request.headers.get("x-merchant-id"), request.headers.get("x-signature"), body))
        if request.headers.get("x-signature") != sign(body):
            return JSONResponse({"error": "bad signature"}, status_code=401)
        data = json.loads(body)
        if data["description"] == "boom":
            return PlainTextResponse("down", status_code=503)
        ref = f"ord_{len(orders) + 1}"
        # 777.00 plays a payment whose webhook was lost: the acquirer's books say PAID, nobody told us
        orders[ref] = {"id": ref, "status": "PAID" if data["amount"] == "777.00" else "CREATED", "amount": data["amount"]}
        return JSONResponse({"id": ref, "checkoutUrl": f"https://pay.example.kz/checkout/{ref}", "status": "CREATED"}, status_code=201)

    async def read(request: Request):
        seen.append(("GET", request.url.path, request.headers.get("x-merchant-id"), request.headers.get("x-signature"), b""))
        order = orders.get(request.path_params["ref"], {"id": request.path_params["ref"], "status": "PAID"})
        return JSONResponse(order)

    return Starlette(routes=[Route("/v1/orders", create, methods=["POST"]), Route("/v1/orders/{ref}", read)])


@pytest.fixture
async def acquirer_url():
    seen: list = []
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(fake_acquirer(seen), host="127.0.0.1", port=port, lifespan="off", log_level="warning"))
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    yield f"http://127.0.0.1:{port}", seen
    server.should_exit = True
    await task


def webhook(ref: str, status: str, amount: str, event_id: str = "wh-1", error: str | None = None) -> bytes:
    return json.dumps({"id": event_id, "createdAt": "2026-12-03T09:00:00Z",
                       "order": {"id": ref, "externalId": "x", "status": status, "amount": amount, "errorCode": error}}).encode()


async def test_create_order_posts_signed_json_and_reads_the_checkout_url(acquirer_url):
    # given
    url, seen = acquirer_url
    acquirer = HttpAcquirer(url, MERCHANT, SECRET, public_url="https://shanyraq.kz")
    # when
    placed = await acquirer.create_order("0b9c", Decimal("3680.39"), "Лицевой счёт 10117", "https://shanyraq.kz/cabinet/a/payments?order=0b9c")
    status = await acquirer.status(placed.provider_ref)
    await acquirer.aclose()
    # then
    assert placed.provider_ref == "ord_1" and placed.pay_url == "https://pay.example.kz/checkout/ord_1"
    method, path, merchant, signature, body = seen[0]
    assert (method, path, merchant) == ("POST", "/v1/orders", MERCHANT) and signature == sign(body)
    assert json.loads(body) == {"merchantId": MERCHANT, "externalId": "0b9c", "amount": "3680.39", "currency": "KZT",
                                "description": "Лицевой счёт 10117", "returnUrl": "https://shanyraq.kz/cabinet/a/payments?order=0b9c",
                                "callbackUrl": "https://shanyraq.kz/payments/webhook/http"}
    assert status is None  # CREATED is not final


async def test_an_acquirer_that_is_down_or_unreachable_is_acquirer_unavailable(acquirer_url):
    url, _ = acquirer_url
    for base, description, cause in ((url, "boom", "status"), (f"http://127.0.0.1:{free_port()}", "x", "unreachable")):
        acquirer = HttpAcquirer(base, MERCHANT, SECRET, timeout_seconds=1)
        with pytest.raises(AcquirerUnavailable) as caught:
            await acquirer.create_order("o", Decimal("1.00"), description, "/r")
        await acquirer.aclose()
        assert caught.value.code == "ACQUIRER_UNAVAILABLE" and caught.value.params["cause"] == cause


def test_webhooks_are_verified_and_mapped():
    acquirer = HttpAcquirer("http://127.0.0.1:9", MERCHANT, SECRET)
    body = webhook("ord_7", "PAID", "100.00")
    event = acquirer.verify_webhook({"X-Signature": sign(body)}, body)
    assert (event.event_id, event.provider_ref, event.status, event.amount) == ("wh-1", "ord_7", SUCCEEDED, Decimal("100.00"))
    declined = webhook("ord_7", "DECLINED", "100.00", "wh-2", "do_not_honor")
    assert acquirer.verify_webhook({"x-signature": sign(declined)}, declined).failure_code == "DO_NOT_HONOR"
    assert acquirer.verify_webhook({"x-signature": sign(declined)}, declined).status == DECLINED
    with pytest.raises(BadSignature):
        acquirer.verify_webhook({"x-signature": sign(body + b" ")}, body)
    with pytest.raises(BadSignature):
        acquirer.verify_webhook({}, body)
    odd = webhook("ord_7", "REFUNDED", "100.00")
    with pytest.raises(MalformedWebhook):
        acquirer.verify_webhook({"x-signature": sign(odd)}, odd)


async def test_the_whole_flow_through_the_http_acquirer(settings, acquirer_url):
    # given: a portal configured with PAYMENTS=http
    url, seen = acquirer_url
    settings = replace(settings, public_url="https://shanyraq.kz")
    rt = Runtime(settings=settings, messenger=DevOutbox(), pubsub=InProcessPubSub(),
                 acquirer=HttpAcquirer(url, MERCHANT, SECRET, public_url="https://shanyraq.kz"))
    app = create_app(settings, runtime=rt, manage_db=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as http:
        resident = ApiClient(http)
        await make_account(rt, resident, "resident")
        world = await build_world(resident.user)
        await add_receipt(rt, world.account_x, "1000.00")
        # when
        body = await resident.data(CREATE, {"i": {"accountId": str(world.account_x.id), "amount": "600.00"}})
        order = body["paymentOrderCreate"]["order"]
        paid = webhook("ord_1", "PAID", "600.00", "wh-9")
        forged = await http.post("/payments/webhook/http", content=paid, headers={"x-signature": "AAAA"})
        sandbox = await http.post("/pay/sandbox/ord_1")
        settled = await http.post("/payments/webhook/http", content=paid, headers={"x-signature": sign(paid)})
        replay = await http.post("/payments/webhook/http", content=paid, headers={"x-signature": sign(paid)})
    await rt.close()
    # then
    assert order["payUrl"] == "https://pay.example.kz/checkout/ord_1"
    assert json.loads(seen[0][4])["returnUrl"] == f"https://shanyraq.kz/cabinet/{world.account_x.id}/payments?order={order['id']}"
    assert forged.status_code == 401 and sandbox.status_code == 404
    assert settled.json() == {"outcome": "paid"} and replay.json() == {"outcome": "replay"}
    assert (await PaymentOrder.get(id=order["id"])).status is PaymentOrderStatus.SUCCEEDED
    assert await Payment.all().count() == 1 and await debt_of(world.account_x.id) == Decimal("400.00")


async def test_an_order_the_acquirer_cannot_take_is_declined_and_said_so(settings, acquirer_url):
    url, _ = acquirer_url
    rt = Runtime(settings=settings, messenger=DevOutbox(), pubsub=InProcessPubSub(),
                 acquirer=HttpAcquirer(f"http://127.0.0.1:{free_port()}", MERCHANT, SECRET, timeout_seconds=1))
    app = create_app(settings, runtime=rt, manage_db=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as http:
        resident = ApiClient(http)
        await make_account(rt, resident, "resident")
        world = await build_world(resident.user)
        body = await resident.data(CREATE, {"i": {"accountId": str(world.account_x.id), "amount": "600.00"}})
    await rt.close()
    assert [e["code"] for e in body["paymentOrderCreate"]["errors"]] == ["ACQUIRER_UNAVAILABLE"]
    [order] = await PaymentOrder.all()
    assert order.status is PaymentOrderStatus.DECLINED and order.failure_code == "ACQUIRER_UNAVAILABLE"


async def _http_portal(settings, url):
    settings = replace(settings, public_url="https://shanyraq.kz")
    rt = Runtime(settings=settings, messenger=DevOutbox(), pubsub=InProcessPubSub(), acquirer=HttpAcquirer(url, MERCHANT, SECRET))
    return rt, create_app(settings, runtime=rt, manage_db=False)


async def test_expiry_asks_the_acquirer_first_so_a_lost_webhook_still_pays(settings, acquirer_url):
    # given: two orders nobody called back about; the acquirer took the money for one of them
    url, seen = acquirer_url
    rt, app = await _http_portal(settings, url)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as http:
        resident = ApiClient(http)
        await make_account(rt, resident, "resident")
        world = await build_world(resident.user)
        await add_receipt(rt, world.account_x, "1000.00")
        ids = [(await resident.data(CREATE, {"i": {"accountId": str(world.account_x.id), "amount": a}}))["paymentOrderCreate"]["order"]["id"]
               for a in ("777.00", "50.00")]
    # when
    clock.travel_to(clock.now() + dt.timedelta(minutes=31))
    await scheduler.run_due(rt)
    await rt.close()
    # then
    paid, abandoned = [await PaymentOrder.get(id=i) for i in ids]
    assert paid.status is PaymentOrderStatus.SUCCEEDED and abandoned.status is PaymentOrderStatus.EXPIRED
    assert await Payment.filter(order_id=paid.id).count() == 1 and await debt_of(world.account_x.id) == Decimal("223.00")
    assert [s[1] for s in seen if s[0] == "GET"] == ["/v1/orders/ord_1", "/v1/orders/ord_2"]


async def test_a_webhook_that_beat_our_create_call_is_settled_by_its_retry(settings, acquirer_url):
    # given: the acquirer called back before the portal stored its reference
    url, _ = acquirer_url
    rt, app = await _http_portal(settings, url)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as http:
        resident = ApiClient(http)
        await make_account(rt, resident, "resident")
        world = await build_world(resident.user)
        early = webhook("ord_1", "PAID", "600.00", "wh-early")
        first = await http.post("/payments/webhook/http", content=early, headers={"x-signature": sign(early)})
        body = await resident.data(CREATE, {"i": {"accountId": str(world.account_x.id), "amount": "600.00"}})
        # when: it retries the same event
        retry = await http.post("/payments/webhook/http", content=early, headers={"x-signature": sign(early)})
        again = await http.post("/payments/webhook/http", content=early, headers={"x-signature": sign(early)})
    await rt.close()
    # then
    assert first.json() == {"outcome": "unknown_order"}
    assert retry.json() == {"outcome": "paid"} and again.json() == {"outcome": "replay"}
    assert await Payment.filter(order_id=body["paymentOrderCreate"]["order"]["id"]).count() == 1
