"""Refresh-token rotation with reuse detection, sign-out, and the viewer's sessions."""

from __future__ import annotations

from backend.models.history import HistoryEvent
from backend.models.identity import Session
from tests.helpers import PASSWORD, ApiClient, create_user

LOGIN = "mutation($i: SessionLoginInput!) { sessionLogin(input: $i) { accessToken errors { code } } }"
REFRESH = "mutation { sessionRefresh { accessToken user { id } errors { code } } }"
LOGOUT = "mutation($i: SessionLogoutInput) { sessionLogout(input: $i) { ended errors { code } } }"
SESSIONS = "query { mySessions { id method current } }"
REVOKE = "mutation($i: SessionRevokeInput!) { sessionRevoke(input: $i) { ended errors { code } } }"
ME = "query { me { id } }"
COOKIE = "__Host-shanyraq_refresh"


async def _refresh(client: ApiClient, cookie: str | None = None) -> dict:
    """As a browser does it: the cookie, and no bearer (the access token may be dead already)."""
    token, client.token = client.token, None
    try:
        if cookie is None:
            return await client.data(REFRESH)
        saved = dict(client.http.cookies)
        client.http.cookies.clear()
        try:
            return await client.data(REFRESH, headers={"cookie": f"{COOKIE}={cookie}"})
        finally:
            for name, value in saved.items():
                client.http.cookies.set(name, value)
    finally:
        client.token = token


async def _sign_in(client: ApiClient, user) -> str:
    body = await client.data(LOGIN, {"i": {"login": user.iin_bin, "password": PASSWORD}})
    client.token = body["sessionLogin"]["accessToken"]
    return client.http.cookies[COOKIE]


async def test_refresh_rotates_the_cookie_and_issues_a_new_access_token(anon):
    user = await create_user("citizen")
    first_cookie = await _sign_in(anon, user)
    body = await _refresh(anon)
    assert body["sessionRefresh"]["errors"] == [] and body["sessionRefresh"]["user"]["id"] == str(user.id)
    assert anon.http.cookies[COOKIE] != first_cookie
    anon.token = body["sessionRefresh"]["accessToken"]
    assert (await anon.data(ME))["me"]["id"] == str(user.id)


async def test_reusing_a_rotated_refresh_token_revokes_the_whole_family(anon):
    # given a session whose refresh token was rotated once
    user = await create_user("citizen")
    stolen = await _sign_in(anon, user)
    await _refresh(anon)
    body = await _refresh(anon)
    current = anon.http.cookies[COOKIE]
    anon.token = body["sessionRefresh"]["accessToken"]
    # when the old token is presented again
    body = await _refresh(anon, stolen)
    # then it is refused and the session is over for everyone holding any of its tokens
    assert body["sessionRefresh"]["errors"] == [{"code": "REFRESH_TOKEN_REUSED"}]
    session = await Session.get(user_id=user.id)
    assert session.revoked_reason == "refresh_reuse"
    assert (await _refresh(anon, current))["sessionRefresh"]["errors"] == [{"code": "SESSION_REVOKED"}]
    assert (await anon.raw(ME)).status_code == 401


async def test_refresh_without_a_cookie_is_refused(anon):
    body = await _refresh(anon)
    assert body["sessionRefresh"]["errors"] == [{"code": "UNAUTHENTICATED"}]


async def test_a_garbage_refresh_cookie_is_refused_and_cleared(anon):
    response = await anon.raw(REFRESH, headers={"cookie": f"{COOKIE}=garbage"})
    assert response.json()["data"]["sessionRefresh"]["errors"] == [{"code": "INVALID_TOKEN"}]
    assert 'max-age=0' in response.headers["set-cookie"].lower()


async def test_logout_ends_this_session_only(app, anon):
    import httpx

    user = await create_user("citizen")
    await _sign_in(anon, user)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as http:
        other = ApiClient(http)
        await _sign_in(other, user)
        response = await anon.raw(LOGOUT)
        assert response.json()["data"]["sessionLogout"] == {"ended": 1, "errors": []}
        assert "max-age=0" in response.headers["set-cookie"].lower()
        assert (await anon.raw(ME)).status_code == 401
        assert (await _refresh(anon))["sessionRefresh"]["errors"][0]["code"] in ("UNAUTHENTICATED", "SESSION_REVOKED")
        assert (await other.data(ME))["me"]["id"] == str(user.id)


async def test_logout_everywhere_ends_every_session(app, anon):
    import httpx

    user = await create_user("citizen")
    await _sign_in(anon, user)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as http:
        other = ApiClient(http)
        await _sign_in(other, user)
        body = await anon.data(LOGOUT, {"i": {"everywhere": True}})
        assert body["sessionLogout"]["ended"] == 2
        assert (await other.raw(ME)).status_code == 401
        assert (await _refresh(other))["sessionRefresh"]["errors"] == [{"code": "SESSION_REVOKED"}]


async def test_anonymous_logout_ends_nothing(anon):
    assert (await anon.data(LOGOUT))["sessionLogout"] == {"ended": 0, "errors": []}


async def test_my_sessions_lists_devices_and_marks_the_current_one(citizen):
    body = await citizen.data(SESSIONS)
    assert len(body["mySessions"]) == 1 and body["mySessions"][0]["current"] is True


async def test_my_sessions_is_empty_for_an_anonymous_viewer(anon):
    body = await anon.gql(SESSIONS)
    assert body["data"]["mySessions"] == []
    assert body["extensions"]["denied"][0]["code"] == "UNAUTHENTICATED"


async def test_revoking_another_session_of_mine(app, citizen, rt):
    from backend.services.request_info import RequestInfo
    from backend.services.sessions import open_session
    from backend.services.tx import atomic

    async with atomic():
        other = await open_session(rt, citizen.user, "phone", RequestInfo(), announce=False)
    body = await citizen.data(REVOKE, {"i": {"sessionId": str(other.session.id)}})
    assert body["sessionRevoke"] == {"ended": 1, "errors": []}
    assert (await Session.get(id=other.session.id)).revoked_at is not None
    assert await HistoryEvent.filter(entity="session", entity_id=str(other.session.id), action="revoked").exists()


async def test_someone_elses_session_looks_not_found(citizen, legal_entity):
    theirs = await Session.get(user_id=legal_entity.user.id)
    body = await citizen.data(REVOKE, {"i": {"sessionId": str(theirs.id)}})
    assert body["sessionRevoke"]["errors"] == [{"code": "NOT_FOUND"}]
    missing = await citizen.data(REVOKE, {"i": {"sessionId": "00000000-0000-4000-8000-000000000000"}})
    assert missing["sessionRevoke"]["errors"] == body["sessionRevoke"]["errors"]
    assert (await Session.get(id=theirs.id)).revoked_at is None


async def test_revoking_needs_a_signed_in_viewer(anon):
    body = await anon.data(REVOKE, {"i": {"sessionId": "00000000-0000-4000-8000-000000000000"}})
    assert body["sessionRevoke"]["errors"] == [{"code": "UNAUTHENTICATED"}]
