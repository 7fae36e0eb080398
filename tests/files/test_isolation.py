"""Every tus request is authenticated; one owner's uploads do not exist for anyone else."""

from __future__ import annotations

import datetime as dt

import pytest

from backend.models.uploads import Upload
from backend.uploads.principal import REFRESH_COOKIE
from tests.files.tus import Tus, pdf


@pytest.mark.parametrize("method", ["POST", "HEAD", "PATCH", "DELETE"])
async def test_anonymous_requests_are_refused(anon, tus, method):
    url = (await tus.create(100)).headers["Location"]
    target = "/uploads" if method == "POST" else url
    response = await anon.http.request(
        method, target, headers={"Tus-Resumable": "1.0.0", "Upload-Length": "100", "Upload-Offset": "0",
                                 "Content-Type": "application/offset+octet-stream"},
        content=pdf(100) if method == "PATCH" else b"",
    )
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert await Upload.filter().count() == 1
    assert (await Upload.get()).received == 0


@pytest.mark.parametrize("token", ["", "not-a-jwt", "eyJhbGciOiJIUzI1NiJ9.e30.x"])
async def test_invalid_tokens_are_refused(anon, token):
    response = await anon.http.post(
        "/uploads", headers={"Tus-Resumable": "1.0.0", "Upload-Length": "10", "Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 401


async def test_a_revoked_session_cannot_upload(tus, citizen):
    from backend.models.identity import Session

    await Session.filter(user_id=citizen.user.id).update(revoked_at=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    assert (await tus.create(10)).status_code == 401


async def test_the_refresh_cookie_is_no_credential_for_uploads(anon, rt, citizen):
    from backend.services.request_info import RequestInfo
    from backend.services.sessions import open_session
    from backend.services.tx import atomic

    async with atomic():
        auth = await open_session(rt, citizen.user, "password", RequestInfo(ip="127.0.0.1"), announce=False)
    response = await anon.http.post(
        "/uploads", headers={"Tus-Resumable": "1.0.0", "Upload-Length": "10", "Cookie": f"{REFRESH_COOKIE}={auth.refresh_token}"}
    )
    assert response.status_code == 401


async def test_another_users_upload_is_not_found(tus, other: Tus, rt):
    # given
    data = pdf(2000)
    url = (await tus.create(len(data))).headers["Location"]
    await tus.patch(url, 0, data[:1000])
    # when / then
    assert (await other.head(url)).status_code == 404
    assert (await other.patch(url, 1000, data[1000:])).status_code == 404
    assert (await other.delete(url)).status_code == 404
    # and nothing changed for the owner
    head = await tus.head(url)
    assert head.status_code == 200 and head.headers["Upload-Offset"] == "1000"


async def test_unknown_upload_is_not_found(tus):
    assert (await tus.head("/uploads/nope")).status_code == 404


def test_the_refresh_cookie_name_is_the_one_identity_sets():
    import backend.app  # noqa: F401 - the resolvers import in the app's order
    from backend.resolvers.identity import REFRESH_COOKIE as SET_BY_IDENTITY

    assert REFRESH_COOKIE == SET_BY_IDENTITY
