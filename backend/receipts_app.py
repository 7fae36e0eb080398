"""The billing's HTTP routes.

GET /receipts/{token}?locale=kk|ru — a receipt's PDF for the principal its link names (minted by
Receipt.pdfUrl; the same principal rules as /files: bearer token, API key or the refresh cookie's
session). Rendered on request off the event loop; kept in a small in-process cache by receipt,
content and language, so opening it twice costs one rendering.

POST /partner/billing/charges?period=YYYY-MM — a month's charges as CSV (Content-Type text/csv),
read as it streams in; X-Api-Key with billing:write, counted against the key's rate limit like its
GraphQL calls. Answers 200 with the import's report, or 4xx with {errors: [{code, field, message}]}
when the request as a whole is refused (nothing is written then)."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections import OrderedDict
from concurrent.futures import ProcessPoolExecutor

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from backend.errors import DomainError
from backend.models.billing import Receipt
from backend.models.housing import ManagementCompany
from backend.runtime import Runtime
from backend.services import files
from backend.services.billing.charges_import import parse_period
from backend.services.billing.csv_import import import_csv
from backend.services.billing.receipt_link import pdf_language
from backend.services.billing.receipt_pdf import ReceiptDocument, render_receipt
from backend.services.partners import ApiScope, InvalidApiKey, authenticate_key
from backend.uploads.principal import DOWNLOAD_RESOLVERS, Unauthenticated, resolve

_NOT_FOUND = "This link is not valid."
CACHE_SIZE = 64


def _plain(status: int, text: str, headers: dict[str, str] | None = None) -> Response:
    return Response(text + "\n", status_code=status, media_type="text/plain; charset=utf-8",
                    headers={"Cache-Control": "private, no-store", **(headers or {})})


def _refused(status: int, code: str, message: str, field: str | None = None, headers: dict | None = None, **params) -> JSONResponse:
    error = {"code": code, "field": field, "message": message, **({"params": params} if params else {})}
    return JSONResponse({"errors": [error]}, status_code=status, headers=headers)


_POOL: ProcessPoolExecutor | None = None


def _lower_priority() -> None:
    # Renderers yield the cores to the server's event loop: a PDF may wait, an API call should not.
    os.nice(10)


def _process_pool() -> ProcessPoolExecutor | None:
    global _POOL
    processes = int(os.environ.get("RECEIPT_PDF_PROCESSES", "0") or 0)
    if processes <= 0:
        return None
    if _POOL is None:
        _POOL = ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context("spawn"),
                                    initializer=_lower_priority)
    return _POOL


class ReceiptPdfEndpoint:
    def __init__(self, rt: Runtime):
        self.rt = rt
        self.cache: OrderedDict[tuple, bytes] = OrderedDict()

    async def handle(self, request: Request) -> Response:
        try:
            grant = files.read_link(self.rt.settings, request.path_params["token"])
        except DomainError as exc:
            if exc.code == "LINK_EXPIRED":
                return _plain(410, "This link has expired; open the receipt again from the portal.")
            return _plain(404, _NOT_FOUND)
        try:
            principal = await resolve(self.rt, request, DOWNLOAD_RESOLVERS)
        except Unauthenticated as exc:
            return _plain(401, "The access token is not valid.", {"WWW-Authenticate": f'Bearer error="invalid_token", error_description="{exc.code}"'})
        if principal is None:
            return _plain(401, "Sign in to open this receipt.", {"WWW-Authenticate": "Bearer"})
        if (principal.user_id, principal.client_id) != (grant.user_id, grant.client_id):
            return _plain(404, _NOT_FOUND)  # somebody else's link looks like no link at all
        receipt = await Receipt.get_or_none(id=grant.document_id)
        if receipt is None:
            return _plain(404, _NOT_FOUND)
        language = pdf_language(request.query_params.get("locale"))
        pdf = await self.render(receipt, language)
        name = f"{'Төлем құжаты' if language == 'kk' else 'Платежный документ'} №{receipt.number} {receipt.period:%Y-%m}.pdf"
        headers = {
            "Content-Disposition": files.content_disposition(files.download_name(name, "application/pdf"), inline=grant.inline),
            "Cache-Control": "private, no-store",
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
            "X-Frame-Options": "SAMEORIGIN",
            "Content-Security-Policy": "frame-ancestors 'self'",
        }
        if request.method == "HEAD":
            return Response(b"", media_type="application/pdf", headers={**headers, "Content-Length": str(len(pdf))})
        return Response(pdf, media_type="application/pdf", headers=headers)

    async def render(self, receipt: Receipt, language: str) -> bytes:
        key = (receipt.id, receipt.content_hash, receipt.number, language)
        cached = self.cache.get(key)
        if cached is not None:
            self.cache.move_to_end(key)
            return cached
        doc = await ReceiptDocument.load(receipt)
        # fpdf2 is pure Python and holds the GIL: in a thread it keeps the event loop answering but
        # slows it; with RECEIPT_PDF_PROCESSES=N (production: the cores) it lays out in N worker
        # processes and the event loop only waits.
        pool = _process_pool()
        if pool is None:
            pdf = await asyncio.to_thread(render_receipt, doc, language, self.rt.settings.public_url)
        else:
            pdf = await asyncio.get_running_loop().run_in_executor(pool, render_receipt, doc.plain(), language,
                                                                   self.rt.settings.public_url)
        self.cache[key] = pdf
        while len(self.cache) > CACHE_SIZE:
            self.cache.popitem(last=False)
        return pdf


class ChargesUploadEndpoint:
    def __init__(self, rt: Runtime):
        self.rt = rt

    async def handle(self, request: Request) -> Response:
        rt = self.rt
        api_key = request.headers.get("x-api-key")
        if not api_key:
            return _refused(401, "API_KEY_REQUIRED", "Partner operations need an API key in the X-Api-Key header.")
        try:
            principal = await authenticate_key(rt.settings.secret_key, api_key)
        except InvalidApiKey:
            return _refused(401, "INVALID_API_KEY", "The API key is not valid.")
        wait = await rt.rate_limiter.hit(f"client:{principal.client.id}", principal.client.rate_limit_per_minute)
        if wait:
            return _refused(429, "RATE_LIMITED", "Too many requests for this API key.", headers={"Retry-After": str(wait)})
        if not principal.may(ApiScope.BILLING_WRITE):
            return _refused(403, "SCOPE_MISSING", "The API key lacks the billing:write scope.")
        company = await ManagementCompany.get_or_none(organization_id=principal.organization.id)
        if company is None:
            return _refused(403, "NOT_A_MANAGEMENT_COMPANY", "The API key's organization is not a management company.")
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media not in ("text/csv", "application/csv"):
            return _refused(415, "UNSUPPORTED_MEDIA_TYPE", "Send the charges as text/csv.", "body")
        try:
            period = parse_period(request.query_params.get("period", ""))
            session = await import_csv(rt, company, period, request.stream(), client_id=principal.client.id,
                                       ip=request.client.host if request.client else "")
        except DomainError as exc:
            return _refused(400, exc.code, exc.message, exc.field, **exc.params)
        row = session.row
        return JSONResponse({
            "importId": str(row.id), "period": row.period.isoformat()[:7], "status": row.status.value,
            "linesTotal": row.lines_total, "linesOk": row.lines_ok, "linesFailed": row.lines_failed,
            "receipts": row.receipts, "receiptsUnchanged": session.unchanged, "errors": row.errors,
        })


def receipt_routes(rt: Runtime) -> list[BaseRoute]:
    return [
        Route("/receipts/{token}", ReceiptPdfEndpoint(rt).handle, methods=["GET", "HEAD"]),
        Route("/partner/billing/charges", ChargesUploadEndpoint(rt).handle, methods=["POST"]),
    ]
