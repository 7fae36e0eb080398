"""Acquirers: who takes the card payment and tells us, by a signed webhook, how it ended.

`SandboxAcquirer` (PAYMENTS=sandbox, the embedded default) takes no money: its own card page
(backend/payments_app.py) plays the bank and sends webhooks signed with HMAC-SHA256 —
`X-Sandbox-Signature: <hex of HMAC-SHA256(secret, raw body)>` — the body being
`{"eventId", "orderRef", "status": "succeeded|declined|awaiting_3ds", "amount": "1000.00",
"failureCode", "occurredAt"}`.

`HttpAcquirer` (PAYMENTS=http) speaks the shape common to Kazakhstan's acquiring APIs:
  POST {PAYMENTS_URL}/v1/orders  headers `X-Merchant-Id`, `X-Signature: base64(HMAC-SHA256(secret, body))`,
       JSON {merchantId, externalId, amount: "1000.00", currency: "KZT", description, returnUrl, callbackUrl}
       → 200/201 {id, checkoutUrl, status}
  GET  {PAYMENTS_URL}/v1/orders/{id}  (same headers, the signature over the empty body) → {id, status, amount, errorCode}
  webhook POST to callbackUrl, header `X-Signature: base64(HMAC-SHA256(secret, raw body))`, JSON
       {id: <event id>, createdAt, order: {id, externalId, status: PAID|DECLINED|PENDING_3DS|CREATED, amount, errorCode}}
Statuses are mapped to ours; anything unreadable after a good signature is `MalformedWebhook`.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import secrets
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Mapping, Protocol

import httpx

from backend.errors import DomainError
from backend.settings import Settings

SUCCEEDED, DECLINED, AWAITING_3DS = "succeeded", "declined", "awaiting_3ds"
SANDBOX_SIGNATURE_HEADER = "x-sandbox-signature"
HTTP_SIGNATURE_HEADER = "x-signature"


@dataclass(frozen=True)
class AcquirerOrder:
    provider_ref: str  # the acquirer's id of the order
    pay_url: str  # where the payer's browser goes (a full-page navigation)


@dataclass(frozen=True)
class WebhookEvent:
    event_id: str
    provider_ref: str
    status: str  # SUCCEEDED | DECLINED | AWAITING_3DS
    amount: Decimal
    failure_code: str | None
    occurred_at: dt.datetime


class BadSignature(Exception):
    """The webhook is not from our acquirer (or was altered): nothing of it may be believed."""


class MalformedWebhook(Exception):
    """Signed by the acquirer, but not a shape we understand."""


class AcquirerUnavailable(DomainError):
    def __init__(self, cause: str):
        super().__init__("ACQUIRER_UNAVAILABLE", message="The payment provider did not answer; try again later.", cause=cause)


class Acquirer(Protocol):
    name: str  # the <provider> of /payments/webhook/<provider> and PaymentOrder.provider

    async def create_order(self, order_id: uuid.UUID, amount: Decimal, description: str, return_url: str) -> AcquirerOrder: ...

    def verify_webhook(self, headers: Mapping[str, str], raw_body: bytes) -> WebhookEvent: ...

    async def status(self, provider_ref: str) -> str | None: ...


def _hmac(secret: str, body: bytes) -> bytes:
    return hmac.new(secret.encode(), body, hashlib.sha256).digest()


def _amount(value: object) -> Decimal:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError) as exc:
        raise MalformedWebhook(f"amount {value!r}") from exc
    if not amount.is_finite():
        raise MalformedWebhook(f"amount {value!r}")
    return amount


def _moment(value: object) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError as exc:
        raise MalformedWebhook(f"time {value!r}") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def _json(raw_body: bytes) -> dict:
    try:
        data = json.loads(raw_body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise MalformedWebhook("not JSON") from exc
    if not isinstance(data, dict):
        raise MalformedWebhook("not an object")
    return data


def sandbox_secret(settings: Settings) -> str:
    """PAYMENTS_SECRET, or one derived from SECRET_KEY (development: nothing to configure)."""
    if settings.payments_secret:
        return settings.payments_secret
    return hmac.new(settings.secret_key.encode(), b"payments-sandbox-webhook", hashlib.sha256).hexdigest()


class SandboxAcquirer:
    """The embedded test acquirer. Its page lives in this process (backend/payments_app.py) and
    reads the order it was asked to take from our database, in place of a bank's own records."""

    name = "sandbox"

    def __init__(self, secret: str, public_url: str = ""):
        self.secret = secret
        self.public_url = public_url

    async def create_order(self, order_id: uuid.UUID, amount: Decimal, description: str, return_url: str) -> AcquirerOrder:
        ref = f"sbx_{secrets.token_urlsafe(18)}"  # unguessable: whoever has the link may pay
        return AcquirerOrder(provider_ref=ref, pay_url=f"{self.public_url}/pay/sandbox/{ref}")

    def sign(self, raw_body: bytes) -> str:
        return _hmac(self.secret, raw_body).hex()

    def event_body(self, provider_ref: str, status: str, amount: Decimal, failure_code: str | None = None,
                   occurred_at: dt.datetime | None = None, event_id: str | None = None) -> bytes:
        return json.dumps({
            "eventId": event_id or f"evt_{uuid.uuid4().hex}",
            "orderRef": provider_ref,
            "status": status,
            "amount": str(amount),
            "failureCode": failure_code,
            "occurredAt": (occurred_at or dt.datetime.now(dt.timezone.utc)).isoformat(),
        }).encode()

    def verify_webhook(self, headers: Mapping[str, str], raw_body: bytes) -> WebhookEvent:
        given = {k.lower(): v for k, v in headers.items()}.get(SANDBOX_SIGNATURE_HEADER, "")
        if not hmac.compare_digest(given.strip().lower(), self.sign(raw_body)):
            raise BadSignature()
        data = _json(raw_body)
        status = data.get("status")
        if status not in (SUCCEEDED, DECLINED, AWAITING_3DS) or not data.get("eventId") or not data.get("orderRef"):
            raise MalformedWebhook("eventId, orderRef and a known status are required")
        return WebhookEvent(
            event_id=str(data["eventId"])[:100], provider_ref=str(data["orderRef"])[:100], status=status,
            amount=_amount(data.get("amount")), failure_code=(str(data["failureCode"])[:40] if data.get("failureCode") else None),
            occurred_at=_moment(data.get("occurredAt")),
        )

    async def status(self, provider_ref: str) -> str | None:
        return None  # the sandbox keeps no books of its own: its webhooks are the whole truth


_HTTP_STATUSES = {"PAID": SUCCEEDED, "CAPTURED": SUCCEEDED, "DECLINED": DECLINED, "FAILED": DECLINED,
                  "PENDING_3DS": AWAITING_3DS}


class HttpAcquirer:
    name = "http"

    def __init__(self, base_url: str, merchant_id: str, secret: str, public_url: str = "", timeout_seconds: float = 15.0,
                 transport: httpx.AsyncBaseTransport | None = None):
        self.merchant_id = merchant_id
        self.secret = secret
        self.callback_url = f"{public_url}/payments/webhook/{self.name}"
        self._client = httpx.AsyncClient(base_url=base_url.rstrip("/"), timeout=timeout_seconds, transport=transport,
                                         headers={"Accept": "application/json", "X-Merchant-Id": merchant_id})

    def _signature(self, body: bytes) -> str:
        return base64.b64encode(_hmac(self.secret, body)).decode()

    async def _call(self, method: str, path: str, body: bytes = b"") -> dict:
        headers = {"X-Signature": self._signature(body)}
        if body:
            headers["Content-Type"] = "application/json"
        try:
            response = await self._client.request(method, path, content=body, headers=headers)
        except httpx.TimeoutException as exc:
            raise AcquirerUnavailable("timeout") from exc
        except httpx.HTTPError as exc:
            raise AcquirerUnavailable("unreachable") from exc
        if response.status_code not in (200, 201):
            raise AcquirerUnavailable("status")
        try:
            data = response.json()
        except ValueError as exc:
            raise AcquirerUnavailable("bad_response") from exc
        if not isinstance(data, dict):
            raise AcquirerUnavailable("bad_response")
        return data

    async def create_order(self, order_id: uuid.UUID, amount: Decimal, description: str, return_url: str) -> AcquirerOrder:
        body = json.dumps({
            "merchantId": self.merchant_id, "externalId": str(order_id), "amount": str(amount), "currency": "KZT",
            "description": description, "returnUrl": return_url, "callbackUrl": self.callback_url,
        }).encode()
        data = await self._call("POST", "/v1/orders", body)
        ref, url = data.get("id"), data.get("checkoutUrl")
        if not isinstance(ref, str) or not ref or not isinstance(url, str) or not url.startswith(("https://", "http://")):
            raise AcquirerUnavailable("bad_response")
        return AcquirerOrder(provider_ref=ref[:100], pay_url=url[:500])

    def verify_webhook(self, headers: Mapping[str, str], raw_body: bytes) -> WebhookEvent:
        given = {k.lower(): v for k, v in headers.items()}.get(HTTP_SIGNATURE_HEADER, "")
        if not hmac.compare_digest(given.strip().encode(), self._signature(raw_body).encode()):
            raise BadSignature()
        data = _json(raw_body)
        order = data.get("order")
        if not isinstance(order, dict) or not data.get("id") or not order.get("id"):
            raise MalformedWebhook("id and order.id are required")
        status = _HTTP_STATUSES.get(str(order.get("status", "")).upper())
        if status is None:
            raise MalformedWebhook(f"order status {order.get('status')!r}")
        return WebhookEvent(
            event_id=str(data["id"])[:100], provider_ref=str(order["id"])[:100], status=status,
            amount=_amount(order.get("amount")),
            failure_code=(str(order["errorCode"]).upper()[:40] if order.get("errorCode") else None),
            occurred_at=_moment(data.get("createdAt") or dt.datetime.now(dt.timezone.utc).isoformat()),
        )

    async def status(self, provider_ref: str) -> str | None:
        """Our status of the order as the acquirer's books have it (None: not final there yet)."""
        data = await self._call("GET", f"/v1/orders/{provider_ref}")
        return _HTTP_STATUSES.get(str(data.get("status", "")).upper())

    async def aclose(self) -> None:
        await self._client.aclose()


def build_acquirer(settings: Settings) -> Acquirer:
    if settings.payments == "http":
        return HttpAcquirer(settings.payments_url, settings.payments_merchant_id, settings.payments_secret,
                            settings.public_url, settings.payments_timeout_seconds)
    # Production refuses to start with the sandbox (Settings.from_env): it takes no money.
    return SandboxAcquirer(sandbox_secret(settings), settings.public_url)
