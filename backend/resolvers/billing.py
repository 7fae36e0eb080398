"""Resolvers of the cabinet's money: who is viewing → services/billing → types."""

from __future__ import annotations

from strawberry.types import Info

from backend.errors import DomainError
from backend.models.housing import ManagementCompany
from backend.resolvers.errors import payload_or_errors
from backend.schema import billing as s
from backend.schema.common import PageInfo, to_connection
from backend.services.billing import charges_import, receipts
from backend.services.housing.access import Scope, scope_for, staff_scope


async def partner_company(info: Info) -> ManagementCompany | None:
    """The management company a partner key acts for: its organization's."""
    client = info.context.client
    if client is None:
        return None
    return await ManagementCompany.get_or_none(organization_id=client.organization.id)


async def _scope(info: Info) -> Scope:
    if info.context.viewer is not None:
        return await scope_for(info.context.viewer)
    company = await partner_company(info)
    return staff_scope(company.id) if company is not None else Scope()


def _empty(cls, info: Info, code: str = "NOT_FOUND"):
    # Another's account looks like an account with nothing; extensions.denied says why.
    info.context.denied.append({"path": list(info.path.as_list()), "code": code})
    return cls(edges=[], page_info=PageInfo(has_next_page=False, end_cursor=None), total_count=0)


async def account_receipts(info: Info, account_id: str, first: int | None, after: str | None) -> s.ReceiptConnection:
    try:
        page = await receipts.account_receipts(await _scope(info), account_id, first, after)
    except DomainError as exc:
        return _empty(s.ReceiptConnection, info, exc.code)
    return s.ReceiptConnection(**to_connection(page, s.Receipt.from_row))


async def receipt(info: Info, receipt_id: str) -> s.Receipt | None:
    try:
        return s.Receipt.from_row(await receipts.get_receipt(await _scope(info), receipt_id))
    except DomainError:
        return None


async def charge_imports(info: Info, first: int | None, after: str | None) -> s.ChargeImportConnection:
    scope = await _scope(info)
    if not scope.is_staff:
        return _empty(s.ChargeImportConnection, info, "FORBIDDEN")
    try:
        page = await receipts.charge_imports(scope, first, after)
    except DomainError as exc:
        return _empty(s.ChargeImportConnection, info, exc.code)
    return s.ChargeImportConnection(**to_connection(page, s.ChargeImport.from_row))


async def charge_import(info: Info, import_id: str) -> s.ChargeImport | None:
    try:
        return s.ChargeImport.from_row(await receipts.get_charge_import(await _scope(info), import_id))
    except DomainError:
        return None


async def partner_charges_import(info: Info, input: s.ChargesImportInput) -> s.ChargesImportPayload:
    async def work():
        company = await partner_company(info)
        if company is None:
            raise DomainError("NOT_A_MANAGEMENT_COMPANY", message="The API key's organization is not a management company.")
        period = charges_import.parse_period(input.period)
        session = await charges_import.import_lines(
            info.context.rt, company, period, [line.as_raw() for line in input.lines], source="graphql",
            client_id=info.context.client.client.id, ip=info.context.ip,
        )
        return s.ChargesImportPayload(import_=s.ChargeImport.from_row(session.row))

    return await payload_or_errors(s.ChargesImportPayload, work)
