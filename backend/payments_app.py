"""HTTP of online payments: the acquirers' webhooks and the sandbox acquirer's own payment pages.

POST /payments/webhook/<provider>  the acquirer's signed callback: 401 on a bad signature (nothing
    stored), 400 when signed but unreadable, 200 {"outcome"} otherwise — a replay included, so the
    acquirer stops retrying.
GET/POST /pay/sandbox/<provider_ref>, POST /pay/sandbox/<provider_ref>/3ds  (PAYMENTS=sandbox only)
    the sandbox's card page. Test cards: 4242 4242 4242 4242 succeeds; 4000 0000 0000 0002 is
    declined (INSUFFICIENT_FUNDS); 4000 0000 0000 3220 asks for a 3-D Secure code (1234 passes,
    anything else: THREE_DS_FAILED); other numbers are refused on the page. On the outcome the
    sandbox delivers its signed webhook to the same handler the HTTP endpoint uses (in-process, no
    network) and sends the browser back to /cabinet/<accountId>/payments?order=<orderId>.
"""

from __future__ import annotations

import datetime as dt
import logging
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from backend import clock
from backend.adapters.payments import (
    AWAITING_3DS,
    DECLINED,
    SANDBOX_SIGNATURE_HEADER,
    SUCCEEDED,
    BadSignature,
    MalformedWebhook,
    SandboxAcquirer,
)
from backend.i18n import LOCALES, pick_locale
from backend.models.billing import PaymentOrder, PaymentOrderStatus
from backend.models.housing import ManagementCompany
from backend.runtime import Runtime
from backend.services.payments import orders, sandbox_page, webhooks

log = logging.getLogger(__name__)
MAX_WEBHOOK_BYTES = 64 * 1024
CARD_OK, CARD_DECLINED, CARD_3DS = "4242424242424242", "4000000000000002", "4000000000003220"
THREE_DS_CODE = "1234"
NO_STORE = {"Cache-Control": "no-store"}


def luhn_ok(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def card_error(card: str, exp: str, cvc: str, holder: str, today: dt.date) -> str | None:
    """The first thing wrong with the form, as a text key of sandbox_page; None when it is complete."""
    digits = card.replace(" ", "").replace("-", "")
    if not (digits.isdigit() and 12 <= len(digits) <= 19 and luhn_ok(digits)):
        return "err.card"
    parts = exp.replace(" ", "").split("/")
    if len(parts) != 2 or not all(p.isdigit() for p in parts) or len(parts[0]) not in (1, 2) or len(parts[1]) not in (2, 4):
        return "err.expiry"
    month, year = int(parts[0]), int(parts[1]) % 100 + 2000
    if not 1 <= month <= 12:
        return "err.expiry"
    if (year, month) < (today.year, today.month):
        return "err.expired"
    if not (cvc.isdigit() and len(cvc) == 3):
        return "err.cvc"
    if not holder.strip():
        return "err.holder"
    if digits not in (CARD_OK, CARD_DECLINED, CARD_3DS):
        return "err.card_unknown"
    return None


async def form_of(request: Request) -> dict[str, str]:
    """An application/x-www-form-urlencoded body (all these pages send), read once per request."""
    if not hasattr(request.state, "form"):
        raw = await request.body() if request.method == "POST" else b""
        request.state.form = dict(parse_qsl(raw[:16384].decode("utf-8", "replace"), keep_blank_values=True))
    return request.state.form


def payment_routes(rt: Runtime) -> list[BaseRoute]:
    async def webhook(request: Request) -> Response:
        provider = request.path_params["provider"]
        if provider != rt.acquirer.name:
            return JSONResponse({"error": "unknown provider"}, status_code=404)
        raw = await request.body()
        if len(raw) > MAX_WEBHOOK_BYTES:
            return JSONResponse({"error": "body too large"}, status_code=413)
        try:
            outcome = await webhooks.receive(rt, provider, request.headers, raw)
        except BadSignature:
            log.warning("payment webhook with a bad signature from %s", request.client.host if request.client else "?")
            return JSONResponse({"error": "bad signature"}, status_code=401)
        except MalformedWebhook as exc:
            return JSONResponse({"error": f"malformed: {exc}"}, status_code=400)
        return JSONResponse({"outcome": outcome})

    def sandbox() -> SandboxAcquirer | None:
        return rt.acquirer if isinstance(rt.acquirer, SandboxAcquirer) else None

    async def load(request: Request):
        ref = request.path_params["ref"]
        order = await PaymentOrder.get_or_none(provider=SandboxAcquirer.name, provider_ref=ref)
        if order is None:
            return None
        company = await ManagementCompany.get(id=order.company_id)
        return order, company

    async def lang_of(request: Request) -> str:
        if request.method == "POST":
            form = await form_of(request)
            chosen = str(form.get("lang", ""))
        else:
            chosen = request.query_params.get("lang", "")
        return chosen if chosen in LOCALES else pick_locale(request.headers.get("accept-language"))

    async def deliver(acquirer: SandboxAcquirer, order: PaymentOrder, status: str, failure_code: str | None = None) -> None:
        """The sandbox's webhook, signed like every other, through the endpoint's own handler."""
        # The portal's clock (demo servers run it from a chosen moment), so that the payment falls
        # after the receipt it pays, as it does in real time.
        body = acquirer.event_body(order.provider_ref, status, order.amount, failure_code, occurred_at=clock.now())
        await webhooks.receive(rt, acquirer.name, {SANDBOX_SIGNATURE_HEADER: acquirer.sign(body)}, body)

    def back(order: PaymentOrder) -> RedirectResponse:
        return RedirectResponse(orders.return_url(rt.settings.public_url, order.account_id, order.id), status_code=303)

    def view(order: PaymentOrder, company: ManagementCompany, lang: str, path: str, **form) -> HTMLResponse:
        number = str(order.id).split("-")[0].upper()
        if order.status is PaymentOrderStatus.AWAITING_3DS:
            page = sandbox_page.three_ds_form(lang, path, company.name, order.amount, number)
        elif order.status is PaymentOrderStatus.CREATED:
            page = sandbox_page.card_form(lang, path, company.name, order.amount, number, **form)
        else:
            back_url = orders.return_url(rt.settings.public_url, order.account_id, order.id)
            page = sandbox_page.outcome_page(lang, path, company.name, order.amount, number, order.status.value, back_url)
        return HTMLResponse(page, status_code=422 if form.get("error") else 200, headers=NO_STORE)

    async def pay_page(request: Request) -> Response:
        found = await load(request) if sandbox() else None
        if found is None:
            return HTMLResponse("<!doctype html><title>Not found</title><p>No such payment.</p>", status_code=404)
        order, company = found
        lang = await lang_of(request)
        path = request.url.path
        acquirer = sandbox()
        if request.method == "GET" or order.status is not PaymentOrderStatus.CREATED:
            return view(order, company, lang, path)
        form = await form_of(request)
        if form.get("action") == "cancel":
            await deliver(acquirer, order, DECLINED, "CANCELLED")
            return back(order)
        values = {k: str(form.get(k, "")) for k in ("card", "exp", "cvc", "holder")}
        error = card_error(values["card"], values["exp"], values["cvc"], values["holder"], clock.now().date())
        if error:
            return view(order, company, lang, path, values={k: values[k] for k in ("card", "exp", "holder")}, error=error)
        digits = values["card"].replace(" ", "").replace("-", "")
        if digits == CARD_3DS:
            await deliver(acquirer, order, AWAITING_3DS)
            return RedirectResponse(f"{path}?lang={lang}", status_code=303)
        if digits == CARD_DECLINED:
            await deliver(acquirer, order, DECLINED, "INSUFFICIENT_FUNDS")
        else:
            await deliver(acquirer, order, SUCCEEDED)
        return back(order)

    async def three_ds(request: Request) -> Response:
        found = await load(request) if sandbox() else None
        if found is None:
            return HTMLResponse("<!doctype html><title>Not found</title><p>No such payment.</p>", status_code=404)
        order, company = found
        if order.status is not PaymentOrderStatus.AWAITING_3DS:
            return view(order, company, await lang_of(request), request.url.path.removesuffix("/3ds"))
        form = await form_of(request)
        if str(form.get("code", "")).strip() == THREE_DS_CODE:
            await deliver(sandbox(), order, SUCCEEDED)
        else:
            await deliver(sandbox(), order, DECLINED, "THREE_DS_FAILED")
        return back(order)

    return [
        Route("/payments/webhook/{provider}", webhook, methods=["POST"]),
        Route("/pay/sandbox/{ref}", pay_page, methods=["GET", "POST"]),
        Route("/pay/sandbox/{ref}/3ds", three_ds, methods=["POST"]),
    ]
