"""Official PDFs (contracts, extracts, notices, certificates) with an embedded font that covers
Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І), generated in memory."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import fontpkg_noto_sans
from fpdf import FPDF

_FONT = "NotoSans"


_WEIGHTS = {"": 400, "B": 700}


@lru_cache(maxsize=1)
def _font_files() -> dict[str, str]:
    """Static regular and bold instances of the variable Noto Sans. Instancing takes seconds, so it
    is done once per machine and kept in the user's cache folder."""
    folder = Path(fontpkg_noto_sans.__file__).parent / "files"
    variable = next(p for p in folder.glob("NotoSans[[]*.ttf") if "Italic" not in p.name)
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "shanyraq" / "fonts"
    files = {}
    for style, weight in _WEIGHTS.items():
        target = cache / f"NotoSans-{fontpkg_version()}-{weight}.ttf"
        if not target.exists():
            from fontTools.ttLib import TTFont
            from fontTools.varLib.instancer import instantiateVariableFont

            cache.mkdir(parents=True, exist_ok=True)
            static = instantiateVariableFont(TTFont(variable), {"wght": weight, "wdth": 100})
            partial = target.with_suffix(f".{os.getpid()}.tmp")
            static.save(partial)
            partial.replace(target)  # atomic: a concurrent process never reads half a font
        files[style] = str(target)
    return files


def fontpkg_version() -> str:
    from importlib.metadata import version

    return version("fontpkg-noto-sans")


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
    # A link printed as a QR code in the top right corner (e.g. to the "Verify a document" page),
    # with `qr_caption` under it.
    qr_url: str = ""
    qr_caption: str = ""


_QR_SIZE = 30.0  # mm


def _draw_qr(pdf: FPDF, url: str, caption: str) -> None:
    """The QR code as vector squares (sharp at any zoom, no image library needed)."""
    import segno

    matrix = segno.make(url, error="m").matrix
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
    if caption:
        pdf.set_font(_FONT, "", 7)
        pdf.set_text_color(90, 90, 90)
        pdf.set_xy(left - 6, top + _QR_SIZE + 1)
        pdf.multi_cell(_QR_SIZE + 6, 3, caption, align="C")
    pdf.set_xy(pdf.l_margin, pdf.t_margin)


def render_pdf(doc: OfficialDocument) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title(doc.title)
    pdf.set_author(doc.issuer)
    pdf.set_creator("Shanyraq")
    for style, path in _font_files().items():
        pdf.add_font(_FONT, style, path)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    if doc.qr_url:
        width -= _QR_SIZE + 4  # the header and title wrap beside the code, never under it
        _draw_qr(pdf, doc.qr_url, doc.qr_caption)

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
    if doc.qr_url:
        pdf.set_y(max(pdf.get_y(), pdf.t_margin + _QR_SIZE + 10))
        width = pdf.w - pdf.l_margin - pdf.r_margin
    if doc.fields:
        # A table wraps long labels and values and keeps each row as tall as its tallest cell.
        pdf.set_font(_FONT, "", 10)
        pdf.set_draw_color(220, 224, 230)
        with pdf.table(col_widths=(38, 62), first_row_as_headings=False, line_height=5.5,
                       padding=(1.5, 2, 1.5, 0), borders_layout="HORIZONTAL_LINES", text_align="LEFT") as table:
            for label, value in doc.fields:
                row = table.row()
                pdf.set_font(_FONT, "B", 10)
                row.cell(label)
                pdf.set_font(_FONT, "", 10)
                row.cell(value or "—")

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
