"""The receipt as a PDF, laid out as seed 004's "Платежный документ": the title, section 1 (payer
and provider), section 2 (recipient, bank details, account, kinds of services, charged; debt at
the start, total to pay, paid in the period), section 3 (the calculation table with the housing,
utilities and other sub-headers) and a payment QR for the total. Kazakh or Russian.

Pure and synchronous (fpdf2, the embedded Noto Sans of adapters/pdf that covers Kazakh letters):
callers render it off the event loop (asyncio.to_thread). `ReceiptDocument.load` reads what it
needs in four statements."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from fpdf import FPDF

from backend.adapters.pdf import _FONT, _QR_SIZE, _draw_qr, _font_files
from backend.models.billing import Receipt, ReceiptLine, ReceiptSection
from backend.models.housing import Building, HousingUnit, ManagementCompany, PersonalAccount
from backend.models.organizations import Organization
from backend.services.billing.receipt_texts import MONTHS, TEXTS
from backend.services.housing.addresses import account_address

THIN = "\u2009"


def money(value: Decimal) -> str:
    """43 367,61 — thin-space thousands, comma decimals (as the seed prints tenge)."""
    sign = "-" if value < 0 else ""
    whole, _, cents = f"{abs(value):.2f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{sign}{THIN.join(groups)},{cents}"


def number(value: Decimal) -> str:
    """A volume or tariff: as many decimals as it has, trailing zeros dropped, comma decimals."""
    text = format(value.normalize(), "f") if value else "0"
    return text.replace(".", ",")


@dataclass(frozen=True)
class ReceiptDocument:
    receipt: Receipt
    lines: list[ReceiptLine]
    account: PersonalAccount
    unit: HousingUnit
    building: Building
    company: ManagementCompany
    organization: Organization

    @classmethod
    async def load(cls, receipt: Receipt) -> ReceiptDocument:
        lines = await ReceiptLine.filter(receipt_id=receipt.id).order_by("position")
        account = await PersonalAccount.get(id=receipt.account_id).select_related("unit__building")
        company = await ManagementCompany.get(id=receipt.company_id).select_related("organization")
        return cls(receipt, lines, account, account.unit, account.unit.building, company, company.organization)

    def pay_link(self, public_url: str) -> str:
        """What the QR holds: the portal's pay page for this account and amount."""
        base = (public_url or "https://shanyraq.kz").rstrip("/")
        query = urlencode({"receipt": str(self.receipt.id), "amount": f"{max(self.receipt.total_to_pay, Decimal(0)):.2f}"})
        return f"{base}/cabinet/{self.account.id}/pay?{query}"


def render_receipt(doc: ReceiptDocument, language: str, public_url: str = "") -> bytes:
    t = TEXTS[language]
    r, a, c = doc.receipt, doc.account, doc.company
    pdf = FPDF(format="A4")
    pdf.set_title(f"{t['title_short']} №{r.number}")
    pdf.set_author(c.name)
    pdf.set_creator("Shanyraq")
    for style, path in _font_files().items():
        pdf.add_font(_FONT, style, path)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_margins(12, 12, 12)
    pdf.add_page()
    _draw_qr(pdf, doc.pay_link(public_url), t["qr"].format(amount=money(r.total_to_pay)))
    width = pdf.w - pdf.l_margin - pdf.r_margin - _QR_SIZE - 4

    pdf.set_text_color(15, 40, 70)
    pdf.set_font(_FONT, "B", 15)
    pdf.multi_cell(width, 7, f"{t['title']} №{r.number}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(_FONT, "", 9.5)
    pdf.multi_cell(width, 5, t["subtitle"], new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_text_color(20, 20, 20)

    def heading(text: str) -> None:
        pdf.ln(2)
        pdf.set_font(_FONT, "B", 10.5)
        pdf.set_fill_color(232, 238, 246)
        pdf.multi_cell(pdf.w - pdf.l_margin - pdf.r_margin, 6, text, fill=True, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(_FONT, "", 9)

    def lines_of(rows: list[tuple[str, str]], w: float) -> None:
        for label, value in rows:
            pdf.set_font(_FONT, "B", 9)
            pdf.write(4.8, f"{label}: ")
            pdf.set_font(_FONT, "", 9)
            pdf.write(4.8, value)
            pdf.ln(4.8)

    heading(t["s1"])
    period = MONTHS[language][r.period.month - 1]
    lines_of([
        (t["period"], t["period_value"].format(month=period, year=r.period.year)),
        (t["payer"], a.owner_name),
        (t["address"], account_address(doc.building.city, doc.building.street, doc.building.house, doc.unit.number)),
        (t["area"], t["area_value"].format(unit=number(doc.unit.area), account=number(a.account_area))),
        (t["people"], t["people_value"].format(living=a.living, registered=a.registered)),
    ], width)
    pdf.ln(1.5)
    lines_of([(t["provider"], c.name), (t["provider_address"], c.address or "—"), (t["phone"], c.phone or "—"),
              (t["hours"], c.hours or "—")], width)

    heading(t["s2"])
    pdf.set_font(_FONT, "", 8.5)
    with pdf.table(col_widths=(34, 56, 22, 40, 28), line_height=4.6, padding=1.2, text_align="LEFT",
                   headings_style=_bold(pdf)) as table:
        table.row(t["s2_columns"])
        table.row([c.name, t["bank"].format(bin=doc.organization.bin, iik=c.iik or "—", bik=c.bik or "—", bank=c.bank_name or "—"),
                   a.number, t["kinds"], money(r.charged + r.recalculation - r.benefits)])
    pdf.ln(2)
    pdf.set_font(_FONT, "", 9.5)
    pdf.write(5, f"{t['opening_debt']}: ")
    pdf.set_font(_FONT, "B", 9.5)
    pdf.write(5, f"{money(r.opening_debt)} ₸   ")
    pdf.set_font(_FONT, "", 9.5)
    pdf.write(5, f"{t['total_to_pay']}: ")
    pdf.set_font(_FONT, "B", 11)
    pdf.write(5, f"{money(r.total_to_pay)} ₸")
    pdf.ln(5.5)
    pdf.set_font(_FONT, "", 9.5)
    pdf.write(5, f"{t['paid_in_period']}: {money(r.paid_in_period)} ₸")
    pdf.ln(6)

    heading(t["s3"])
    pdf.set_font(_FONT, "", 7.5)
    right = ("LEFT", "CENTER", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "RIGHT")
    with pdf.table(col_widths=(40, 13, 18, 18, 20, 18, 17, 20, 22), line_height=3.8, padding=1, text_align=right,
                   headings_style=_bold(pdf)) as table:
        table.row(t["s3_columns"])
        for section in ReceiptSection:
            rows = [line for line in doc.lines if line.section is section]
            if not rows:
                continue
            table.row().cell(t["sections"][section.value], colspan=9, style=_bold(pdf), align="LEFT")
            for line in rows:
                table.row([line.service, line.unit, number(line.volume), number(line.tariff), money(line.charged),
                           _blank(line.recalculation), _blank(line.benefits), _blank(line.debt_advance), money(line.total)])
        table.row([t["total"], "", "", "", money(r.charged), _blank(r.recalculation), _blank(r.benefits),
                   _blank(r.opening_debt), money(r.total_to_pay)], style=_bold(pdf))
    pdf.ln(3)
    pdf.set_font(_FONT, "", 7.5)
    pdf.set_text_color(110, 110, 110)
    issued = r.issued_at.astimezone(dt.timezone(dt.timedelta(hours=5)))
    pdf.multi_cell(0, 4, t["footer"].format(issued=issued.strftime("%d.%m.%Y %H:%M")), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _blank(value: Decimal) -> str:
    return "" if value == 0 else money(value)


def _bold(pdf: FPDF):
    from fpdf.fonts import FontFace

    return FontFace(family=_FONT, emphasis="B")
