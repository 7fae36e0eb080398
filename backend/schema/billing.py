"""The resident cabinet's money (seed 004 "Платежный документ"): receipts with their lines, and the
companies' monthly charge imports. Relations go through `info.context.loaders.billing|housing`."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.models.billing import ReceiptSection as SectionRow
from backend.schema.common import Connection, UserError
from backend.schema.housing import ManagementCompany, PersonalAccount
from backend.schema.identity import Locale
from backend.services.billing.receipt_link import receipt_link


@strawberry.enum(description="Section 3's sub-headers: housing (жилищные), utilities (коммунальные), other (прочие) services.")
class ReceiptSection(enum.Enum):
    HOUSING = "housing"
    UTILITIES = "utilities"
    OTHER = "other"


@strawberry.type(description="One service of the receipt's calculation (section 3). total = charged + recalculation - benefits + debtAdvance.")
class ReceiptLine:
    section: ReceiptSection = strawberry.field(description="Which sub-header it is listed under.")
    service: str = strawberry.field(description="Kind of service, e.g. Холодная вода.")
    unit: str = strawberry.field(description='Unit of measure, e.g. м3, м2, кВт·ч; "" when none.')
    volume: Decimal = strawberry.field(description="Volume of the service, up to 6 decimals.")
    tariff: Decimal = strawberry.field(description="Tariff, tenge per unit, up to 4 decimals.")
    charged: Decimal = strawberry.field(description="Charged for the period, tenge.")
    recalculation: Decimal = strawberry.field(description="Recalculations, tenge (negative gives money back).")
    benefits: Decimal = strawberry.field(description="Benefits and subsidies, tenge.")
    debt_advance: Decimal = strawberry.field(description="Debt (+) or advance (-) carried from earlier periods, tenge.")
    total: Decimal = strawberry.field(description="To pay for this service, tenge.")

    @classmethod
    def from_row(cls, row) -> ReceiptLine:
        section = row.section.value if isinstance(row.section, SectionRow) else row.section
        return cls(section=ReceiptSection(section), service=row.service, unit=row.unit, volume=row.volume, tariff=row.tariff,
                   charged=row.charged, recalculation=row.recalculation, benefits=row.benefits,
                   debt_advance=row.debt_advance, total=row.total)


@strawberry.type(description="Who the money goes to (section 2): the management company's bank details.")
class ReceiptRecipient:
    name: str = strawberry.field(description="Recipient's name.")
    bin: str = strawberry.field(description="Recipient's BIN, 12 digits.")
    iik: str = strawberry.field(description="Bank account (IIK, IBAN KZ…).")
    bik: str = strawberry.field(description="Bank identification code (BIK).")
    bank_name: str = strawberry.field(description="Bank.")


@strawberry.type(description="A monthly payment document (kk төлем құжаты, ru платежный документ) of one account.")
class Receipt:
    id: strawberry.ID = strawberry.field(description="Receipt id.")
    number: str = strawberry.field(description="Receipt number, e.g. 5531.")
    period: dt.date = strawberry.field(description="The month it is for: its first day.")
    issued_at: dt.datetime = strawberry.field(description="When it was issued (imported from the billing).")
    opening_debt: Decimal = strawberry.field(description="Debt (+) or advance (-) at the start of the period, tenge.")
    charged: Decimal = strawberry.field(description="Charged for the period, tenge.")
    recalculation: Decimal = strawberry.field(description="Recalculations, tenge.")
    benefits: Decimal = strawberry.field(description="Benefits and subsidies, tenge.")
    paid_in_period: Decimal = strawberry.field(description="Paid during the period, as the billing counted it, tenge.")
    total_to_pay: Decimal = strawberry.field(description="Total to pay = openingDebt + charged + recalculation - benefits, tenge.")
    account_id: strawberry.Private[object]
    company_id: strawberry.Private[object]
    row_id: strawberry.Private[object]

    @classmethod
    def from_row(cls, row) -> Receipt:
        return cls(id=str(row.id), number=row.number, period=row.period, issued_at=row.issued_at,
                   opening_debt=row.opening_debt, charged=row.charged, recalculation=row.recalculation,
                   benefits=row.benefits, paid_in_period=row.paid_in_period, total_to_pay=row.total_to_pay,
                   account_id=row.account_id, company_id=row.company_id, row_id=row.id)

    @strawberry.field(description="Section 3: the services, in the billing's order.")
    async def lines(self, info: Info) -> list[ReceiptLine]:
        return [ReceiptLine.from_row(r) for r in await info.context.loaders.billing.lines_by_receipt.load(self.row_id)]

    @strawberry.field(description="The payer (section 1): the personal account.")
    async def account(self, info: Info) -> PersonalAccount:
        return PersonalAccount.from_row(await info.context.loaders.housing.account_by_id.load(self.account_id))

    @strawberry.field(description="The provider of the services (section 1).")
    async def company(self, info: Info) -> ManagementCompany:
        return ManagementCompany.from_row(await info.context.loaders.housing.company_by_id.load(self.company_id))

    @strawberry.field(description="The recipient of the payment (section 2).")
    async def recipient(self, info: Info) -> ReceiptRecipient:
        company = await info.context.loaders.housing.company_by_id.load(self.company_id)
        organization = await info.context.loaders.billing.organization_by_id.load(company.organization_id)
        return ReceiptRecipient(name=company.name, bin=organization.bin if organization else "", iik=company.iik,
                                bik=company.bik, bank_name=company.bank_name)

    @strawberry.field(description="A personal link to the receipt as PDF, valid for minutes and only for the viewer; "
                                  "Kazakh or Russian (EN gives Russian).")
    def pdf_url(
        self, info: Info,
        locale: Annotated[Locale, strawberry.argument(description="KK or RU (EN gives the Russian receipt).")] = Locale.RU,
    ) -> str:
        ctx = info.context
        viewer, client = ctx.viewer, getattr(ctx, "client", None)
        return receipt_link(ctx.rt.settings, self.row_id, user_id=viewer.user.id if viewer else None,
                            client_id=client.client.id if client and not viewer else None, locale=locale.value)


@strawberry.type(description="What was wrong with one line of an import.")
class ChargeLineError:
    line: int = strawberry.field(description="Line number, 1-based (a CSV's data rows, not counting the header).")
    account_number: str = strawberry.field(description="The line's account number as given.")
    field: str | None = strawberry.field(description="The input field at fault, camelCase (accountNumber, charged…).")
    code: str = strawberry.field(description="Stable code: NOT_FOUND, REQUIRED, TOO_LONG, INVALID_VALUE, INVALID_DECIMAL, "
                                             "TOO_MANY_DECIMALS, NEGATIVE, TOO_LARGE, TOTAL_MISMATCH, VALUE_CONFLICT, "
                                             "ACCOUNT_NOT_CONSECUTIVE.")
    message: str = strawberry.field(description="An English explanation for developers.")

    @classmethod
    def from_dict(cls, item: dict) -> ChargeLineError:
        return cls(line=item["line"], account_number=item["accountNumber"], field=item.get("field"), code=item["code"],
                   message=item["message"])


@strawberry.type(description="One delivery of a month's charges from a company's billing, with its report.")
class ChargeImport:
    id: strawberry.ID = strawberry.field(description="Import id.")
    period: dt.date = strawberry.field(description="The month: its first day.")
    source: str = strawberry.field(description="graphql or csv.")
    status: str = strawberry.field(description="running, done or failed.")
    lines_total: int = strawberry.field(description="Lines received.")
    lines_ok: int = strawberry.field(description="Lines that are in receipts now (written, or already there unchanged).")
    lines_failed: int = strawberry.field(description="Lines not imported: invalid ones and the other lines of their accounts.")
    receipts: int = strawberry.field(description="Receipts written or replaced (an identical one is not counted).")
    errors: list[ChargeLineError] = strawberry.field(description="The first 1000 line errors.")
    created_at: dt.datetime = strawberry.field(description="When it started.")
    finished_at: dt.datetime | None = strawberry.field(description="When it ended.")

    @classmethod
    def from_row(cls, row) -> ChargeImport:
        return cls(id=str(row.id), period=row.period, source=row.source, status=getattr(row.status, "value", row.status),
                   lines_total=row.lines_total, lines_ok=row.lines_ok, lines_failed=row.lines_failed, receipts=row.receipts,
                   errors=[ChargeLineError.from_dict(e) for e in row.errors or []], created_at=row.created_at,
                   finished_at=row.finished_at)


@strawberry.input(description="One line of a month's charges (section 3 of the receipt).")
class ChargeLineInput:
    account_number: str = strawberry.field(description="The company's personal account number.")
    section: ReceiptSection = strawberry.field(description="Housing, utilities or other services.")
    service: str = strawberry.field(description="Kind of service, ≤ 200 characters.")
    charged: Decimal = strawberry.field(description="Charged, tenge, ≥ 0, ≤ 2 decimals.")
    receipt_number: str | None = strawberry.field(default=None, description="The billing's receipt number; else the portal numbers it.")
    unit: str | None = strawberry.field(default=None, description="Unit of measure, ≤ 20 characters.")
    volume: Decimal | None = strawberry.field(default=None, description="Volume, ≥ 0, ≤ 6 decimals.")
    tariff: Decimal | None = strawberry.field(default=None, description="Tariff, ≥ 0, ≤ 4 decimals.")
    recalculation: Decimal | None = strawberry.field(default=None, description="Recalculation, tenge, ≤ 2 decimals.")
    benefits: Decimal | None = strawberry.field(default=None, description="Benefits, tenge, ≥ 0, ≤ 2 decimals.")
    debt_advance: Decimal | None = strawberry.field(default=None, description="Debt (+) or advance (-) before the period.")
    total: Decimal | None = strawberry.field(default=None, description="If given, must equal charged + recalculation - benefits + debtAdvance (else TOTAL_MISMATCH).")
    paid_in_period: Decimal | None = strawberry.field(default=None, description="Paid in the period (the receipt's; equal on every line that gives it).")

    def as_raw(self) -> dict:
        return {"account_number": self.account_number, "receipt_number": self.receipt_number,
                "section": self.section.value, "service": self.service, "unit": self.unit, "volume": self.volume,
                "tariff": self.tariff, "charged": self.charged, "recalculation": self.recalculation,
                "benefits": self.benefits, "debt_advance": self.debt_advance, "total": self.total,
                "paid_in_period": self.paid_in_period}


@strawberry.input(description="A month's charges, at most 5000 lines; larger deliveries go by CSV (POST /partner/billing/charges).")
class ChargesImportInput:
    period: dt.date = strawberry.field(description="The month (any day of it).")
    lines: list[ChargeLineInput] = strawberry.field(description="The lines; an account's lines together make its receipt.")


@strawberry.type(description="Result of partnerChargesImport.")
class ChargesImportPayload:
    import_: ChargeImport | None = strawberry.field(default=None, name="import", description="The import with its report.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why nothing was imported (not the line errors).")


ReceiptConnection = Connection[Receipt]
ChargeImportConnection = Connection[ChargeImport]
