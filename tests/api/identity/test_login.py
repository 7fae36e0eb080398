"""Sign-in by IIN/BIN or email and password; backoff per login and address; no account enumeration."""

from __future__ import annotations

from contextlib import asynccontextmanager

import httpx

from backend.models.notifications import Notification
from tests.helpers import PASSWORD, ApiClient, create_user

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


WRONG = "Wrong-Passw0rd!"
ATTACKER_IP, OWNER_IP = "203.0.113.7", "198.51.100.2"


@asynccontextmanager
async def client_at(app, ip: str):
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=(ip, 40000)), base_url="https://testserver") as http:
        yield ApiClient(http)


async def _login(client: ApiClient, login: str, password: str = WRONG) -> list[dict]:
    return (await client.gql(LOGIN, {"input": {"login": login, "password": password}}))["data"]["sessionLogin"]["errors"]


async def test_past_five_failures_each_one_doubles_the_wait(anon, clock):
    # given five free failures and a sixth that starts the backoff
    user = await create_user("citizen")
    for _ in range(6):
        assert (await _login(anon, user.iin_bin))[0]["code"] == "INVALID_CREDENTIALS"
    # when the right password comes at once, then the wait grows 1 s, 2 s, 4 s with each failure
    waits = []
    for _ in range(3):
        error = (await _login(anon, user.iin_bin, PASSWORD))[0]
        assert error["code"] == "LOGIN_LOCKED"
        waits.append(error["params"]["retryAfterSeconds"])
        clock.advance(waits[-1])
        assert (await _login(anon, user.iin_bin))[0]["code"] == "INVALID_CREDENTIALS"
    # then
    assert waits == [1, 2, 4]
    # and the same account by email is another login, not slowed
    assert await _login(anon, user.email, PASSWORD) == []


async def test_a_success_resets_the_pair(anon, clock):
    user = await create_user("citizen")
    for _ in range(6):
        await _login(anon, user.iin_bin)
    clock.advance(1)
    assert await _login(anon, user.iin_bin, PASSWORD) == []
    # five failures are free again, and the sixth still lets the right password in without a wait
    for _ in range(5):
        assert (await _login(anon, user.iin_bin))[0]["code"] == "INVALID_CREDENTIALS"
    assert await _login(anon, user.iin_bin, PASSWORD) == []


async def test_an_attackers_address_is_slowed_but_the_owner_elsewhere_signs_in_at_once(app):
    # given twenty guesses at one account from one address, packed as aliases
    user = await create_user("citizen")
    aliases = "\n".join(
        f'a{i}: sessionLogin(input: {{login: "{user.iin_bin}", password: "Wrong-{i}-Passw0rd!"}}) {{ errors {{ code }} }}'
        for i in range(20)
    )
    async with client_at(app, ATTACKER_IP) as attacker, client_at(app, OWNER_IP) as owner:
        body = await attacker.gql(f"mutation {{ {aliases} }}")
        codes = [body["data"][f"a{i}"]["errors"][0]["code"] for i in range(20)]
        assert codes == ["INVALID_CREDENTIALS"] * 6 + ["LOGIN_LOCKED"] * 14
        # when
        at_attacker = await _login(attacker, user.iin_bin, PASSWORD)
        at_owner = await _login(owner, user.iin_bin, PASSWORD)
    # then the attacker's address waits even with the right password; the owner's does not
    assert at_attacker[0]["code"] == "LOGIN_LOCKED"
    assert at_owner == []


async def test_one_address_trying_many_logins_is_slowed_across_them(app):
    # given fifty-one different logins failing from one address (password spraying)
    user = await create_user("citizen")
    async with client_at(app, ATTACKER_IP) as sprayer, client_at(app, OWNER_IP) as owner:
        for first in range(0, 51, 17):
            aliases = "\n".join(
                f'a{n}: sessionLogin(input: {{login: "user{n}@test.shanyraq.kz", password: "{WRONG}"}}) {{ errors {{ code }} }}'
                for n in range(first, first + 17)
            )
            body = await sprayer.gql(f"mutation {{ {aliases} }}")
            assert {body["data"][f"a{n}"]["errors"][0]["code"] for n in range(first, first + 17)} == {"INVALID_CREDENTIALS"}
        # when a fresh login is tried from that address, and from another one
        from_sprayer = await _login(sprayer, user.iin_bin, PASSWORD)
        from_elsewhere = await _login(owner, user.iin_bin, PASSWORD)
    # then
    assert from_sprayer[0]["code"] == "LOGIN_LOCKED"
    assert from_elsewhere == []


async def test_unknown_logins_lock_too_so_locking_reveals_nothing(anon):
    for _ in range(10):
        await anon.gql(LOGIN, {"input": {"login": "ghost@test.shanyraq.kz", "password": "Wrong-Passw0rd!"}})
    body = await anon.gql(LOGIN, {"input": {"login": "ghost@test.shanyraq.kz", "password": "Wrong-Passw0rd!"}})
    assert body["data"]["sessionLogin"]["errors"][0]["code"] == "LOGIN_LOCKED"


async def test_aliases_in_one_request_count_one_by_one(anon):
    # given ten guesses packed into one request as aliases
    user = await create_user("citizen")
    aliases = "\n".join(
        f'a{i}: sessionLogin(input: {{login: "{user.iin_bin}", password: "Wrong-{i}-Passw0rd!"}}) {{ errors {{ code params }} }}'
        for i in range(10)
    )
    # when
    body = await anon.gql(f"mutation {{ {aliases} }}")
    # then each alias was a separate try: six were checked, the rest refused at once with the wait
    errors = [body["data"][f"a{i}"]["errors"][0] for i in range(10)]
    assert [e["code"] for e in errors] == ["INVALID_CREDENTIALS"] * 6 + ["LOGIN_LOCKED"] * 4
    assert all(e["params"]["retryAfterSeconds"] == 1 for e in errors[6:])
    assert (await _login(anon, user.iin_bin, PASSWORD))[0]["code"] == "LOGIN_LOCKED"


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
