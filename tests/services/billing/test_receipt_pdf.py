"""The receipt PDF reads as seed 004's payment document, in Kazakh and Russian."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest

from backend.models.billing import Receipt
from backend.services.billing.charges_import import import_lines
from backend.services.billing.receipt_pdf import ReceiptDocument, money, render_receipt
from tests.cabinet_world import build_world
from tests.services.billing.charges import SEED_LINES

PERIOD = dt.date(2026, 11, 1)


def test_money_is_printed_with_thin_space_thousands_and_a_decimal_comma():
    # given / when / then
    assert money(Decimal("43367.61")) == "43\u2009367,61"
    assert money(Decimal("-1180.7")) == "-1\u2009180,70"
    assert money(Decimal("0")) == "0,00"


def _text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.mark.parametrize(("language", "words"), [
    ("ru", ["ПЛАТЕЖНЫЙ ДОКУМЕНТ", "Раздел 1", "Раздел 2", "Раздел 3", "Жилищные услуги", "Итого к оплате",
            "Задолженность на начало расчетного периода", "за ноябрь 2026 г.", "Водоотведение СОИ"]),
    ("kk", ["ТӨЛЕМ ҚҰЖАТЫ", "1-бөлім", "2-бөлім", "3-бөлім", "Тұрғын үй қызметтері", "Барлығы төлеуге",
            "2026 ж. қараша"]),
])
async def test_receipt_pdf_has_the_three_sections_in_its_language(rt, language, words):
    # given
    world = await build_world()
    await import_lines(rt, world.company_x, PERIOD, [dict(l) for l in SEED_LINES])
    receipt = await Receipt.get(account_id=world.account_x.id)
    doc = await ReceiptDocument.load(receipt)
    # when
    pdf = render_receipt(doc, language, "https://shanyraq.example")
    # then
    text = _text(pdf)
    assert pdf.startswith(b"%PDF")
    for word in words:
        assert word in text, word
    assert "5\u2009421,21" in text or "5 421,21" in text
    assert "10117" in text and "Мартынович Александр" in text


async def test_the_plain_snapshot_for_a_worker_process_renders_the_same_receipt(rt):
    # given
    import pickle

    world = await build_world()
    await import_lines(rt, world.company_x, PERIOD, [dict(l) for l in SEED_LINES])
    doc = await ReceiptDocument.load(await Receipt.get(account_id=world.account_x.id))
    # when
    plain = pickle.loads(pickle.dumps(doc.plain()))
    # then
    assert _text(render_receipt(plain, "ru")) == _text(render_receipt(doc, "ru"))
