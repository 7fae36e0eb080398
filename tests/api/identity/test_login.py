"""Sign-in by IIN/BIN or email and password; lock-out; no account enumeration."""

from __future__ import annotations

from backend.models.notifications import Notification
from tests.helpers import PASSWORD, create_user

LOGIN = """
mutation Login($input: SessionLoginInput!) {
  sessionLogin(input: $input) {
    accessToken accessTokenExpiresAt
    user { id iinBin email roles }
    errors { field code message params }
  }
}
"""
ME = "query { me { id fullName roles } }"


async def test_login_by_iin_sets_refresh_cookie_and_returns_short_lived_token(anon):
    # given
    user = await create_user("citizen")
    # when
    response = await anon.raw(LOGIN, {"input": {"login": user.iin_bin, "password": PASSWORD}})
    # then
    payload = response.json()["data"]["sessionLogin"]
    assert payload["errors"] == []
    assert payload["user"]["iinBin"] == user.iin_bin and payload["user"]["roles"] == ["CITIZEN"]
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("__Host-shanyraq_refresh=")
    for attribute in ("HttpOnly", "Secure", "Path=/", "SameSite=strict"):
        assert attribute.lower() in cookie.lower()
    anon.token = payload["accessToken"]
    assert (await anon.data(ME))["me"]["id"] == str(user.id)


async def test_login_by_email_ignores_case_and_spaces(anon):
    user = await create_user("legal_entity")
    body = await anon.gql(LOGIN, {"input": {"login": f"  {user.email.upper()} ", "password": PASSWORD}})
    assert body["data"]["sessionLogin"]["user"]["id"] == str(user.id)


async def test_wrong_password_and_unknown_login_answer_identically(anon):
    user = await create_user("citizen")
    wrong = await anon.gql(LOGIN, {"input": {"login": user.email, "password": "Wrong-Passw0rd!"}})
    unknown = await anon.gql(LOGIN, {"input": {"login": "nobody@test.shanyraq.kz", "password": "Wrong-Passw0rd!"}})
    assert wrong["data"]["sessionLogin"]["errors"] == unknown["data"]["sessionLogin"]["errors"]
    assert wrong["data"]["sessionLogin"]["errors"][0]["code"] == "INVALID_CREDENTIALS"
    assert wrong["data"]["sessionLogin"]["accessToken"] is None


async def test_ten_consecutive_failures_lock_the_login_for_fifteen_minutes(anon):
    # given
    user = await create_user("citizen")
    for _ in range(10):
        body = await anon.gql(LOGIN, {"input": {"login": user.iin_bin, "password": "Wrong-Passw0rd!"}})
        assert body["data"]["sessionLogin"]["errors"][0]["code"] == "INVALID_CREDENTIALS"
    # when the right password comes after the tenth failure
    body = await anon.gql(LOGIN, {"input": {"login": user.iin_bin, "password": PASSWORD}})
    # then
    error = body["data"]["sessionLogin"]["errors"][0]
    assert error["code"] == "LOGIN_LOCKED"
    assert 14 * 60 < error["params"]["retryAfterSeconds"] <= 15 * 60
    # and the same identifier by email is a different login, not locked
    other = await anon.gql(LOGIN, {"input": {"login": user.email, "password": PASSWORD}})
    assert other["data"]["sessionLogin"]["errors"] == []


async def test_a_success_resets_the_consecutive_failure_count(anon):
    user = await create_user("citizen")
    for _ in range(9):
        await anon.gql(LOGIN, {"input": {"login": user.iin_bin, "password": "Wrong-Passw0rd!"}})
    assert (await anon.gql(LOGIN, {"input": {"login": user.iin_bin, "password": PASSWORD}}))["data"]["sessionLogin"]["errors"] == []
    for _ in range(9):
        await anon.gql(LOGIN, {"input": {"login": user.iin_bin, "password": "Wrong-Passw0rd!"}})
    assert (await anon.gql(LOGIN, {"input": {"login": user.iin_bin, "password": PASSWORD}}))["data"]["sessionLogin"]["errors"] == []


async def test_unknown_logins_lock_too_so_locking_reveals_nothing(anon):
    for _ in range(10):
        await anon.gql(LOGIN, {"input": {"login": "ghost@test.shanyraq.kz", "password": "Wrong-Passw0rd!"}})
    body = await anon.gql(LOGIN, {"input": {"login": "ghost@test.shanyraq.kz", "password": "Wrong-Passw0rd!"}})
    assert body["data"]["sessionLogin"]["errors"][0]["code"] == "LOGIN_LOCKED"


async def test_aliases_in_one_request_count_one_by_one(anon):
    # given ten guesses packed into one request as aliases
    user = await create_user("citizen")
    aliases = "\n".join(
        f'a{i}: sessionLogin(input: {{login: "{user.iin_bin}", password: "Wrong-{i}-Passw0rd!"}}) {{ errors {{ code }} }}'
        for i in range(10)
    )
    # when
    body = await anon.gql(f"mutation {{ {aliases} }}")
    # then each alias was a separate try and the account is now locked
    assert [body["data"][f"a{i}"]["errors"][0]["code"] for i in range(10)] == ["INVALID_CREDENTIALS"] * 10
    body = await anon.gql(LOGIN, {"input": {"login": user.iin_bin, "password": PASSWORD}})
    assert body["data"]["sessionLogin"]["errors"][0]["code"] == "LOGIN_LOCKED"


async def test_sign_in_creates_a_new_sign_in_notification(anon):
    user = await create_user("citizen")
    await anon.data(LOGIN, {"input": {"login": user.iin_bin, "password": PASSWORD}}, headers={"user-agent": "Firefox/140"})
    notification = await Notification.get(user_id=user.id)
    assert notification.kind == "NEW_SIGN_IN"
    assert notification.params["method"] == "password" and notification.params["userAgent"] == "Firefox/140"


async def test_inactive_account_cannot_sign_in(anon):
    user = await create_user("citizen", is_active=False)
    body = await anon.gql(LOGIN, {"input": {"login": user.iin_bin, "password": PASSWORD}})
    assert body["data"]["sessionLogin"]["errors"][0]["code"] == "INVALID_CREDENTIALS"


async def test_a_login_that_is_neither_an_iin_nor_an_email_is_just_wrong(anon):
    # found by schemathesis: a 15-character login used to reach the 12-character column check
    body = await anon.gql(LOGIN, {"input": {"login": "塾墳ï犉Hᯂ¨1ÐÄ㸬Y", "password": "x"}})
    assert body["data"]["sessionLogin"]["errors"][0]["code"] == "INVALID_CREDENTIALS"
