"""Official PDFs (contracts, extracts, notices, certificates) with an embedded font that covers
Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І), generated in memory."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import fontpkg_noto_sans
from fpdf import FPDF

_FONT = "NotoSans"


@lru_cache(maxsize=1)
def _font_file() -> str:
    folder = Path(fontpkg_noto_sans.__file__).parent / "files"
    return str(next(p for p in folder.glob("NotoSans[[]*.ttf") if "Italic" not in p.name))


@dataclass(frozen=True)
class OfficialDocument:
    """What an official document says; the layout is the same for every kind."""

    title: str
    subtitle: str = ""
    fields: list[tuple[str, str]] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    issuer: str = "Shanyraq — Тұрғын үй порталы"
    reference: str = ""
    issued_at: dt.datetime | None = None


def render_pdf(doc: OfficialDocument) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title(doc.title)
    pdf.set_author(doc.issuer)
    pdf.set_creator("Shanyraq")
    font = _font_file()
    pdf.add_font(_FONT, "", font)
    pdf.add_font(_FONT, "B", font, variations={"wght": 700})
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    pdf.set_font(_FONT, "", 9)
    pdf.set_text_color(90, 90, 90)
    pdf.cell(width, 5, doc.issuer, new_x="LMARGIN", new_y="NEXT")
    if doc.reference:
        pdf.cell(width, 5, doc.reference, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)

    pdf.set_text_color(15, 40, 70)
    pdf.set_font(_FONT, "B", 16)
    pdf.multi_cell(width, 8, doc.title, new_x="LMARGIN", new_y="NEXT")
    if doc.subtitle:
        pdf.set_font(_FONT, "", 11)
        pdf.multi_cell(width, 6, doc.subtitle, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)

    pdf.set_text_color(20, 20, 20)
    label_width = width * 0.38
    for label, value in doc.fields:
        pdf.set_font(_FONT, "B", 10)
        y = pdf.get_y()
        pdf.multi_cell(label_width, 6, label, new_x="RIGHT", new_y="TOP")
        label_bottom = pdf.get_y() if pdf.get_y() > y else y + 6
        pdf.set_xy(pdf.l_margin + label_width, y)
        pdf.set_font(_FONT, "", 10)
        pdf.multi_cell(width - label_width, 6, value or "—", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(max(pdf.get_y(), label_bottom))
        pdf.set_draw_color(220, 224, 230)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + width, pdf.get_y())
        pdf.ln(1)

    pdf.ln(4)
    pdf.set_font(_FONT, "", 10.5)
    for paragraph in doc.paragraphs:
        pdf.multi_cell(width, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)

    issued = doc.issued_at or dt.datetime.now(dt.timezone.utc)
    pdf.set_y(-25)
    pdf.set_font(_FONT, "", 8)
    pdf.set_text_color(110, 110, 110)
    pdf.cell(width, 5, f"{issued.strftime('%Y-%m-%d %H:%M')} UTC · {doc.reference}", align="R")
    return bytes(pdf.output())
