"""GET /files/{token}: signed, expiring links bound to one user; by bearer or refresh cookie; ranges."""

from __future__ import annotations

import datetime as dt
import time
from urllib.parse import quote

import pytest

from backend.models.identity import Session
from backend.services import files, uploads
from backend.services.request_info import RequestInfo
from backend.services.sessions import open_session
from backend.services.tx import atomic
from backend.uploads.principal import REFRESH_COOKIE
from tests.files.documents import contract_for, document_from
from tests.files.tus import jpeg, pdf, _storage

TITLE = "Үлестік қатысу шарты № Н-3-67/44-АФ"


@pytest.fixture
async def document(tus, citizen):
    data = pdf(150_000, seed=3)
    upload_id = await tus.upload(data)
    async with atomic():
        upload = await uploads.claim(upload_id, user_id=citizen.user.id, storage=_storage())
        row = await document_from(upload, await contract_for(citizen.user.iin_bin), TITLE)
    row.data = data  # type: ignore[attr-defined]
    return row


def _bearer(client) -> dict[str, str]:
    return {"Authorization": f"Bearer {client.token}"}


async def _cookie_for(rt, user) -> str:
    async with atomic():
        auth = await open_session(rt, user, "password", RequestInfo(ip="127.0.0.1"), announce=False)
    return auth.refresh_token


async def test_inline_link_works_for_its_user_by_bearer(citizen, settings, document):
    # given
    link = files.document_link(settings, document.id, citizen.user.id, inline=True)
    # when
    response = await citizen.http.get(link, headers=_bearer(citizen))
    # then
    assert response.status_code == 200
    assert response.content == document.data
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Length"] == str(len(document.data))
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "private, no-store"
    assert response.headers["Accept-Ranges"] == "bytes"
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("inline; ")
    assert f"filename*=UTF-8''{quote(TITLE.replace('/', '_') + '.pdf', safe='')}" in disposition
    assert 'filename="document.pdf"' in disposition


async def test_attachment_link_asks_to_save(citizen, settings, document):
    link = files.document_link(settings, document.id, citizen.user.id, inline=False)
    response = await citizen.http.get(link, headers=_bearer(citizen))
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment; ")


async def test_link_works_by_the_refresh_cookie_of_the_users_live_session(anon, rt, citizen, settings, document):
    # given: a browser navigation: no bearer, the HttpOnly refresh cookie only
    cookie = await _cookie_for(rt, citizen.user)
    link = files.document_link(settings, document.id, citizen.user.id, inline=True)
    # when
    response = await anon.http.get(link, headers={"Cookie": f"{REFRESH_COOKIE}={cookie}"})
    # then
    assert response.status_code == 200
    assert response.content == document.data
    # and the cookie was not rotated: it still works
    again = await anon.http.get(link, headers={"Cookie": f"{REFRESH_COOKIE}={cookie}"})
    assert again.status_code == 200


async def test_cookie_of_a_revoked_session_is_refused(anon, rt, citizen, settings, document):
    cookie = await _cookie_for(rt, citizen.user)
    await Session.filter(user_id=citizen.user.id).update(revoked_at=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    link = files.document_link(settings, document.id, citizen.user.id, inline=True)
    response = await anon.http.get(link, headers={"Cookie": f"{REFRESH_COOKIE}={cookie}"})
    assert response.status_code == 401


async def test_another_users_bearer_or_cookie_gets_nothing(anon, resident, rt, citizen, settings, document):
    link = files.document_link(settings, document.id, citizen.user.id, inline=True)
    by_bearer = await resident.http.get(link, headers=_bearer(resident))
    cookie = await _cookie_for(rt, resident.user)
    by_cookie = await anon.http.get(link, headers={"Cookie": f"{REFRESH_COOKIE}={cookie}"})
    assert by_bearer.status_code == 404
    assert by_cookie.status_code == 404
    assert document.data[:100] not in by_bearer.content + by_cookie.content


async def test_without_credentials_the_link_asks_to_sign_in(anon, citizen, settings, document):
    link = files.document_link(settings, document.id, citizen.user.id, inline=True)
    response = await anon.http.get(link)
    assert response.status_code == 401
    assert (await anon.http.get(link, headers={"Authorization": "Bearer nonsense"})).status_code == 401


async def test_an_expired_link_is_refused(citizen, settings, document, monkeypatch):
    # given: a link minted ten minutes ago with the default five-minute life
    class TenMinutesAgo:
        @staticmethod
        def time() -> float:
            return time.time() - 600

    monkeypatch.setattr(files, "time", TenMinutesAgo)
    link = files.document_link(settings, document.id, citizen.user.id, inline=True)
    monkeypatch.undo()
    # when
    response = await citizen.http.get(link, headers=_bearer(citizen))
    # then
    assert response.status_code == 410


@pytest.mark.parametrize("position", [0, 10, 20, 40, -1])
async def test_a_tampered_link_is_refused(citizen, settings, document, position):
    link = files.document_link(settings, document.id, citizen.user.id, inline=True)
    token = link.rsplit("/", 1)[1]
    flipped = token[:position % len(token)] + ("A" if token[position] != "A" else "B") + token[position % len(token) + 1 :]
    response = await citizen.http.get(f"/files/{flipped}", headers=_bearer(citizen))
    assert response.status_code == 404


async def test_a_link_signed_with_another_key_is_refused(citizen, settings, document):
    import dataclasses

    other = dataclasses.replace(settings, secret_key="another-secret-key-that-is-long-enough-0123456789abcdef")
    link = files.document_link(other, document.id, citizen.user.id, inline=True)
    assert (await citizen.http.get(link, headers=_bearer(citizen))).status_code == 404


async def test_garbage_tokens_are_not_found(citizen):
    for token in ["x", "A" * 78, "%00", "...."]:
        assert (await citizen.http.get(f"/files/{token}", headers=_bearer(citizen))).status_code == 404


async def test_a_link_to_a_deleted_document_is_not_found(citizen, settings, document):
    link = files.document_link(settings, document.id, citizen.user.id, inline=True)
    await document.delete()
    assert (await citizen.http.get(link, headers=_bearer(citizen))).status_code == 404


@pytest.mark.parametrize(
    "header, start, end",
    [("bytes=0-99", 0, 99), ("bytes=1000-", 1000, 149_999), ("bytes=-500", 149_500, 149_999),
     ("bytes=149999-200000", 149_999, 149_999)],
)
async def test_ranges(citizen, settings, document, header, start, end):
    link = files.document_link(settings, document.id, citizen.user.id, inline=True)
    response = await citizen.http.get(link, headers={**_bearer(citizen), "Range": header})
    assert response.status_code == 206
    assert response.headers["Content-Range"] == f"bytes {start}-{end}/150000"
    assert response.headers["Content-Length"] == str(end - start + 1)
    assert response.content == document.data[start : end + 1]


async def test_unsatisfiable_and_ignored_ranges(citizen, settings, document):
    link = files.document_link(settings, document.id, citizen.user.id, inline=True)
    beyond = await citizen.http.get(link, headers={**_bearer(citizen), "Range": "bytes=150000-"})
    assert beyond.status_code == 416
    assert beyond.headers["Content-Range"] == "bytes */150000"
    several = await citizen.http.get(link, headers={**_bearer(citizen), "Range": "bytes=0-1,5-6"})
    assert several.status_code == 200 and len(several.content) == 150_000
    stale = await citizen.http.get(link, headers={**_bearer(citizen), "Range": "bytes=0-9", "If-Range": '"old"'})
    assert stale.status_code == 200
    fresh = await citizen.http.get(
        link, headers={**_bearer(citizen), "Range": "bytes=0-9", "If-Range": f'"{document.sha256}"'}
    )
    assert fresh.status_code == 206 and fresh.content == document.data[:10]


async def test_head_tells_the_size_without_the_body(citizen, settings, document):
    link = files.document_link(settings, document.id, citizen.user.id, inline=True)
    response = await citizen.http.head(link, headers=_bearer(citizen))
    assert response.status_code == 200
    assert response.headers["Content-Length"] == "150000"
    assert response.content == b""


async def test_images_keep_their_type_and_get_their_extension(tus, citizen, settings):
    upload_id = await tus.upload(jpeg(5000), filename="photo")
    async with atomic():
        upload = await uploads.claim(upload_id, user_id=citizen.user.id, storage=_storage())
        row = await document_from(upload, await contract_for(citizen.user.iin_bin), "Фото")
    response = await citizen.http.get(
        files.document_link(settings, row.id, citizen.user.id, inline=False), headers=_bearer(citizen)
    )
    assert response.headers["Content-Type"] == "image/jpeg"
    assert "filename*=UTF-8''%D0%A4%D0%BE%D1%82%D0%BE.jpg" in response.headers["Content-Disposition"]


def test_content_disposition_has_an_ascii_fallback():
    header = files.content_disposition(files.download_name('Шарт "1"; x', "application/pdf"), inline=False)
    header.encode("ascii")
    assert header == "attachment; filename=\"document.pdf\"; filename*=UTF-8''%D0%A8%D0%B0%D1%80%D1%82%201%3B%20x.pdf"
    plain = files.content_disposition("Contract 44.pdf", inline=True)
    assert plain == "inline; filename=\"Contract 44.pdf\"; filename*=UTF-8''Contract%2044.pdf"


def test_a_client_link_is_not_a_user_link(settings):
    import uuid

    doc, principal = uuid.uuid4(), uuid.uuid4()
    as_user = files.read_link(settings, files.document_link(settings, doc, principal, inline=True).rsplit("/", 1)[1])
    as_client = files.read_link(
        settings, files.client_document_link(settings, doc, principal, inline=False).rsplit("/", 1)[1]
    )
    assert (as_user.user_id, as_user.client_id, as_user.inline) == (principal, None, True)
    assert (as_client.user_id, as_client.client_id, as_client.inline) == (None, principal, False)
