"""The receipt as a PDF, laid out as seed 004's "Платежный документ": the title, section 1 (payer
and provider), section 2 (recipient, bank details, account, kinds of services, charged; debt at
the start, total to pay, paid in the period), section 3 (the calculation table with the housing,
utilities and other sub-headers) and a payment QR for the total. Kazakh or Russian.

Pure and synchronous (fpdf2, the embedded Noto Sans of adapters/pdf that covers Kazakh letters):
callers render it off the event loop (asyncio.to_thread). `ReceiptDocument.load` reads what it
needs in four statements."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from types import SimpleNamespace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

from fpdf import FPDF
from fpdf.enums import WrapMode

from backend.adapters.pdf import _FONT, _QR_SIZE, _font_files
from backend.models.billing import Receipt, ReceiptLine, ReceiptSection
from backend.models.housing import Building, HousingUnit, ManagementCompany, PersonalAccount
from backend.models.organizations import Organization
from backend.services.billing.receipt_texts import MONTHS, TEXTS
from backend.services.housing.addresses import account_address

THIN = "\u2009"
# What a receipt prints: Latin, Latin-1, Cyrillic with the Kazakh letters, and a few signs (№ ₸ « » – ·).
_UNICODES = [*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x400, 0x530), 0x2009, 0x202F, 0x2013, 0x2014, 0x2019,
             0x201C, 0x201D, 0x201E, 0x2022, 0x2026, 0x2116, 0x20B8]


@lru_cache(maxsize=1)
def _receipt_fonts() -> dict[str, str]:
    """adapters/pdf's Noto Sans cut to the receipt's letters and without layout tables (fpdf2 does
    no shaping here): embedding a receipt's glyphs then costs a fifth of the whole font's. Made
    once per machine next to the other cached fonts."""
    from fontTools import subset

    files = {}
    for style, path in _font_files().items():
        target = Path(path).with_name(Path(path).stem + "-receipt.ttf")
        if not target.exists():
            options = subset.Options()
            options.layout_features = []
            options.name_IDs = ["*"]
            options.notdef_outline = True
            options.drop_tables += ["GSUB", "GPOS", "GDEF", "STAT", "HVAR", "MVAR"]
            font = subset.load_font(path, options)
            cutter = subset.Subsetter(options)
            cutter.populate(unicodes=_UNICODES)
            cutter.subset(font)
            partial = target.with_suffix(f".{os.getpid()}.tmp")
            subset.save_font(font, str(partial), options)
            partial.replace(target)  # atomic: a concurrent process never reads half a font
        files[style] = str(target)
    return files


def _draw_qr(pdf: FPDF, url: str, caption: str) -> None:
    """As adapters/pdf draws its QR (vector squares, top right), with a fixed mask: choosing the
    best of eight was a seventh of a receipt's rendering time, and any mask scans."""
    import segno

    matrix = segno.make(url, error="m", mask=2, micro=False).matrix
    module = _QR_SIZE / len(matrix)
    left, top = pdf.w - pdf.r_margin - _QR_SIZE, pdf.t_margin
    pdf.set_fill_color(0, 0, 0)
    for row, line in enumerate(matrix):
        col = 0
        while col < len(line):
            if line[col]:
                start = col
                while col < len(line) and line[col]:
                    col += 1
                pdf.rect(left + start * module, top + row * module, (col - start) * module, module, style="F")
            else:
                col += 1
    pdf.set_font(_FONT, "", 7)
    pdf.set_text_color(90, 90, 90)
    pdf.set_xy(left - 6, top + _QR_SIZE + 1)
    pdf.multi_cell(_QR_SIZE + 6, 3, caption, align="C")
    pdf.set_xy(pdf.l_margin, pdf.t_margin)


def _cells(pdf: FPDF, widths, texts, aligns, height: float, bold: bool = False, size: float = 7.5) -> None:
    """One row of section 3 in plain cells (a table's line breaking was half the rendering): a
    text too wide for its column is set smaller, down to 5.5 pt."""
    style = "B" if bold else ""
    for w, text, align in zip(widths, texts, aligns):
        pdf.set_font(_FONT, style, size)
        fitted = size
        while fitted > 5.5 and pdf.get_string_width(text) > w - 1.5:
            fitted -= 0.5
            pdf.set_font(_FONT, style, fitted)
        pdf.cell(w, height, text, border=1, align=align[0])
    pdf.ln(height)


def money(value: Decimal) -> str:
    """43 367,61 — thin-space thousands, comma decimals (as the seed prints tenge)."""
    sign = "-" if value < 0 else ""
    whole, _, cents = f"{abs(value):.2f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{sign}{THIN.join(groups)},{cents}"


def number(value: Decimal, places: int = 0) -> str:
    """A volume, tariff or area: as many decimals as it has (at least `places`), trailing zeros
    dropped, comma decimals — 9,944482; 30,10; 61,00."""
    text = format(value.normalize(), "f") if value else "0"
    whole, _, decimals = text.partition(".")
    decimals = decimals.ljust(places, "0")
    return f"{whole},{decimals}" if decimals else whole


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

    def plain(self) -> ReceiptDocument:
        """The same document of plain values, to render in another process (picklable)."""

        def snap(row, *names):
            return SimpleNamespace(**{n: getattr(row, n) for n in names})

        money_fields = ("charged", "recalculation", "benefits")
        return ReceiptDocument(
            receipt=snap(self.receipt, "id", "number", "period", "issued_at", "opening_debt", *money_fields,
                         "paid_in_period", "total_to_pay"),
            lines=[snap(l, "section", "service", "unit", "volume", "tariff", *money_fields, "debt_advance", "total")
                   for l in self.lines],
            account=snap(self.account, "id", "number", "owner_name", "account_area", "living", "registered"),
            unit=snap(self.unit, "number", "area"),
            building=snap(self.building, "city", "street", "house"),
            company=snap(self.company, "name", "address", "phone", "hours", "iik", "bik", "bank_name"),
            organization=snap(self.organization, "bin"),
        )

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
    for style, path in _receipt_fonts().items():
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
        (t["area"], t["area_value"].format(unit=number(doc.unit.area, 2), account=number(a.account_area, 2))),
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
    widths = (40, 13, 18, 18, 20, 18, 17, 20, 22)
    right = ("LEFT", "CENTER", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "RIGHT")
    pdf.set_font(_FONT, "", 6.5)
    with pdf.table(col_widths=widths, line_height=3.2, padding=0.8, text_align="CENTER", headings_style=_bold(pdf, 6.5),
                   wrapmode=WrapMode.WORD) as table:
        table.row(t["s3_columns"])
    pdf.set_draw_color(0, 0, 0)
    for section in ReceiptSection:
        rows = [line for line in doc.lines if line.section is section]
        if not rows:
            continue
        pdf.set_font(_FONT, "B", 7.5)
        pdf.cell(sum(widths), 5, t["sections"][section.value], border=1, new_x="LMARGIN", new_y="NEXT")
        for line in rows:
            _cells(pdf, widths, [line.service, line.unit, number(line.volume), number(line.tariff, 2), money(line.charged),
                                 _blank(line.recalculation), _blank(line.benefits), _blank(line.debt_advance),
                                 money(line.total)], right, 5)
    _cells(pdf, widths, [t["total"], "", "", "", money(r.charged), _blank(r.recalculation), _blank(r.benefits),
                         _blank(r.opening_debt), money(r.total_to_pay)], right, 5.5, bold=True)
    pdf.ln(3)
    pdf.set_font(_FONT, "", 7.5)
    pdf.set_text_color(110, 110, 110)
    issued = r.issued_at.astimezone(dt.timezone(dt.timedelta(hours=5)))
    pdf.multi_cell(0, 4, t["footer"].format(issued=issued.strftime("%d.%m.%Y %H:%M")), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _blank(value: Decimal) -> str:
    return "" if value == 0 else money(value)


def _bold(pdf: FPDF, size: float | None = None):
    from fpdf.fonts import FontFace

    return FontFace(family=_FONT, emphasis="B", size_pt=size)
