"""GET /receipts/<token>: the receipt's PDF for the viewer its link was minted for, nobody else."""

from __future__ import annotations

import io

from pypdf import PdfReader

from tests.api.billing.conftest import seed_receipt
from tests.services.billing.charges import SEED_LINES

PDF_URL = "query($id: ID!, $locale: Locale) { accountReceipts(accountId: $id) { edges { node { pdfUrl(locale: $locale) } } } }"


async def _url(client, account_id, locale="RU") -> str:
    data = await client.data(PDF_URL, {"id": str(account_id), "locale": locale})
    return data["accountReceipts"]["edges"][0]["node"]["pdfUrl"]


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages).split())


async def test_the_resident_downloads_the_kazakh_receipt_by_bearer_token(rt, cast):
    # given
    await seed_receipt(rt, cast.world.company_x, SEED_LINES)
    url = await _url(cast.resident, cast.world.account_x.id, "KK")
    # when
    response = await cast.resident.http.get(url, headers={"authorization": f"Bearer {cast.resident.token}"})
    # then
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    assert "ТӨЛЕМ ҚҰЖАТЫ" in _text(response.content)
    assert "inline" in response.headers["content-disposition"]


async def test_english_gives_the_russian_receipt(rt, cast):
    # given
    await seed_receipt(rt, cast.world.company_x, SEED_LINES)
    url = await _url(cast.staff_x, cast.world.account_x.id, "EN")
    # when
    response = await cast.staff_x.http.get(url, headers={"authorization": f"Bearer {cast.staff_x.token}"})
    # then
    assert url.endswith("locale=ru") and "ПЛАТЕЖНЫЙ ДОКУМЕНТ" in _text(response.content)


async def test_another_person_with_the_link_gets_404_and_anonymous_401(rt, cast):
    # given
    await seed_receipt(rt, cast.world.company_x, SEED_LINES)
    url = await _url(cast.resident, cast.world.account_x.id)
    # when
    other = await cast.staff_x.http.get(url, headers={"authorization": f"Bearer {cast.staff_x.token}"})
    nobody = await cast.anon.http.get(url)
    forged = await cast.resident.http.get(url.replace("/receipts/", "/receipts/A"),
                                          headers={"authorization": f"Bearer {cast.resident.token}"})
    # then
    assert (other.status_code, nobody.status_code, forged.status_code) == (404, 401, 404)
