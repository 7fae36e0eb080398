"""API clients: created by an admin, the key shown once and stored hashed, scoped, revocable, rate-limited."""

from __future__ import annotations

import httpx
import pytest

from backend.models.history import HistoryEvent
from backend.models.partners import ApiClient
from tests.conftest import ROLES
from tests.helpers import company_bin, make_partner

CREATE = """
mutation($i: ApiClientCreateInput!) {
  apiClientCreate(input: $i) { apiKey client { id name keyPrefix scopes rateLimitPerMinute isActive organization { bin name } } errors { field code } }
}
"""
REVOKE = "mutation($i: ApiClientRevokeInput!) { apiClientRevoke(input: $i) { client { isActive } errors { field code } } }"
WHOAMI = "query { partnerClient { name organization { bin } scopes } }"
CLIENTS = "query { apiClients { id name keyPrefix } }"


def _input(**over):
    value = {"name": "Bayterek CRM", "organizationBin": company_bin(9000), "organizationName": "ТОО «Байтерек»",
             "scopes": ["CONTRACTS_READ", "CONTRACTS_WRITE"]}
    value.update(over)
    return value


async def test_an_admin_creates_a_client_and_sees_its_key_once(admin, anon):
    body = await admin.data(CREATE, {"i": _input()})
    payload = body["apiClientCreate"]
    assert payload["errors"] == []
    key = payload["apiKey"]
    assert key.startswith(f"shq_{payload['client']['keyPrefix']}_")
    stored = await ApiClient.get(id=payload["client"]["id"])
    assert key not in (stored.key_hash, stored.key_prefix) and len(stored.key_hash) == 64
    assert "apiKey" not in str(await admin.data(CLIENTS))
    assert await HistoryEvent.filter(entity="api_client", action="created", actor_id=admin.user.id).exists()
    # the key works
    whoami = await anon.data(WHOAMI, headers={"x-api-key": key})
    assert whoami["partnerClient"] == {"name": "Bayterek CRM", "organization": {"bin": company_bin(9000)}, "scopes": ["CONTRACTS_READ", "CONTRACTS_WRITE"]}


@pytest.mark.parametrize("as_role", [r for r in ROLES if r != "admin"], indirect=True)
async def test_only_admins_create_clients(as_role):
    body = await as_role.data(CREATE, {"i": _input()})
    assert body["apiClientCreate"]["errors"] == [{"field": None, "code": "FORBIDDEN"}]
    assert not await ApiClient.exists()


async def test_anonymous_cannot_create_or_list_clients(anon):
    assert (await anon.data(CREATE, {"i": _input()}))["apiClientCreate"]["errors"][0]["code"] == "UNAUTHENTICATED"
    body = await anon.gql(CLIENTS)
    assert body["data"]["apiClients"] == [] and body["extensions"]["denied"][0]["code"] == "UNAUTHENTICATED"


async def test_bad_client_input_is_reported(admin):
    body = await admin.data(CREATE, {"i": _input(name=" ", organizationBin="900515300197", scopes=[])})
    assert {(e["field"], e["code"]) for e in body["apiClientCreate"]["errors"]} <= {("name", "REQUIRED"), ("organizationBin", "NOT_A_BIN"), ("scopes", "REQUIRED")}
    assert body["apiClientCreate"]["errors"]


async def test_a_new_organization_needs_a_name(admin):
    body = await admin.data(CREATE, {"i": _input(organizationName=None)})
    assert body["apiClientCreate"]["errors"] == [{"field": "organizationName", "code": "REQUIRED"}]


async def test_a_revoked_key_stops_working_at_once(admin, anon):
    created = (await admin.data(CREATE, {"i": _input()}))["apiClientCreate"]
    body = await admin.data(REVOKE, {"i": {"clientId": created["client"]["id"]}})
    assert body["apiClientRevoke"] == {"client": {"isActive": False}, "errors": []}
    response = await anon.raw(WHOAMI, headers={"x-api-key": created["apiKey"]})
    assert response.status_code == 401 and response.json()["errors"][0]["extensions"]["code"] == "INVALID_API_KEY"


@pytest.mark.parametrize("key", ["shq_deadbeef_nope", "garbage", "shq_x_y", ""])
async def test_unknown_or_malformed_keys_are_401(anon, key):
    response = await anon.raw(WHOAMI, headers={"x-api-key": key})
    assert response.status_code == 401


async def test_a_right_prefix_with_a_wrong_secret_is_401(admin, anon):
    key = (await admin.data(CREATE, {"i": _input()}))["apiClientCreate"]["apiKey"]
    forged = key[: key.rindex("_") + 1] + "A" * 43
    assert (await anon.raw(WHOAMI, headers={"x-api-key": forged})).status_code == 401


async def test_a_key_and_a_bearer_together_are_refused(admin):
    key = (await admin.data(CREATE, {"i": _input()}))["apiClientCreate"]["apiKey"]
    response = await admin.raw(WHOAMI, headers={"x-api-key": key})
    assert response.status_code == 400


async def test_each_client_has_its_own_rate_limit(app, settings):
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as http:
        slow = await make_partner(settings, http, company_bin(9100), rate=3)
        fast = await make_partner(settings, http, company_bin(9200), rate=100)
        statuses = [(await slow.raw(WHOAMI)).status_code for _ in range(5)]
        assert statuses == [200, 200, 200, 429, 429]
        limited = await slow.raw(WHOAMI)
        assert limited.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
        assert 1 <= int(limited.headers["retry-after"]) <= 60
        assert (await fast.raw(WHOAMI)).status_code == 200


async def test_a_person_is_not_a_partner_client(citizen):
    assert (await citizen.data(WHOAMI))["partnerClient"] is None


async def test_partner_keys_do_not_open_personal_fields(partner_x_key_client):
    body = await partner_x_key_client.gql("query { me { id } myContracts { id } }")
    assert body["data"]["me"] is None and body["data"]["myContracts"] == []


@pytest.fixture
async def partner_x_key_client(app, settings):
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as http:
        yield await make_partner(settings, http, company_bin(9300))


async def test_a_new_organizations_name_longer_than_its_column_is_refused(admin):
    body = await admin.data(CREATE, {"i": _input(organizationName="О" * 301)})
    assert body["apiClientCreate"]["errors"] == [{"field": "organizationName", "code": "TOO_LONG"}]
    assert not await ApiClient.exists()
