"""Administration of accounts: only admins list accounts and set roles."""

from __future__ import annotations

import pytest

from backend.models.history import HistoryEvent
from tests.conftest import ROLES

USERS = "query($s: String, $first: Int, $after: String) { users(search: $s, first: $first, after: $after) { totalCount edges { cursor node { id email roles } } pageInfo { hasNextPage endCursor } } }"
SET_ROLES = "mutation($i: UserRolesSetInput!) { userRolesSet(input: $i) { user { id roles } errors { field code } } }"


async def test_anonymous_sees_no_accounts_and_is_told_why(anon, citizen):
    body = await anon.gql(USERS)
    assert "errors" not in body
    assert body["data"]["users"] == {"totalCount": 0, "edges": [], "pageInfo": {"hasNextPage": False, "endCursor": None}}
    assert body["extensions"]["denied"] == [{"path": ["users"], "code": "UNAUTHENTICATED"}]


@pytest.mark.parametrize("as_role", [r for r in ROLES if r != "admin"], indirect=True)
async def test_no_role_but_admin_lists_accounts(as_role):
    client = as_role
    body = await client.gql(USERS)
    assert body["data"]["users"]["totalCount"] == 0
    assert body["extensions"]["denied"] == [{"path": ["users"], "code": "FORBIDDEN"}]


async def test_admin_lists_and_searches_accounts_page_by_page(admin, citizen, legal_entity):
    body = await admin.data(USERS, {"first": 2})
    assert body["users"]["totalCount"] == 3 and body["users"]["pageInfo"]["hasNextPage"] is True
    rest = await admin.data(USERS, {"first": 2, "after": body["users"]["pageInfo"]["endCursor"]})
    ids = [e["node"]["id"] for e in body["users"]["edges"] + rest["users"]["edges"]]
    assert len(set(ids)) == 3
    found = await admin.data(USERS, {"s": citizen.user.email})
    assert [e["node"]["id"] for e in found["users"]["edges"]] == [str(citizen.user.id)]


async def test_a_bad_cursor_is_a_clear_error(admin):
    extensions = (await admin.gql(USERS, {"after": "!!"}))["errors"][0]["extensions"]
    assert extensions["code"] == "BAD_USER_INPUT" and extensions["reason"] == "INVALID_CURSOR"


async def test_page_sizes_are_capped_at_one_hundred(admin):
    body = await admin.data(USERS, {"first": 1000})
    assert body["users"]["totalCount"] == 1 and len(body["users"]["edges"]) == 1
    assert (await admin.data(USERS, {"first": -5}))["users"]["edges"] == []


@pytest.mark.parametrize("as_role", [r for r in ROLES if r != "admin"], indirect=True)
async def test_no_role_but_admin_sets_roles(as_role, anon):
    client = as_role
    body = await client.data(SET_ROLES, {"i": {"userId": str(client.user.id), "roles": ["ADMIN"]}})
    assert body["userRolesSet"]["errors"] == [{"field": None, "code": "FORBIDDEN"}]
    body = await anon.data(SET_ROLES, {"i": {"userId": str(client.user.id), "roles": ["ADMIN"]}})
    assert body["userRolesSet"]["errors"] == [{"field": None, "code": "UNAUTHENTICATED"}]


async def test_admin_sets_roles_and_the_change_is_recorded(admin, citizen):
    body = await admin.data(SET_ROLES, {"i": {"userId": str(citizen.user.id), "roles": ["CITIZEN", "RESIDENT"]}})
    assert body["userRolesSet"]["user"]["roles"] == ["CITIZEN", "RESIDENT"]
    event = await HistoryEvent.get(entity_id=str(citizen.user.id), action="roles_changed")
    assert event.data == {"old": ["citizen"], "new": ["citizen", "resident"]} and event.actor_id == admin.user.id
    assert (await citizen.data("query { me { roles } }"))["me"]["roles"] == ["CITIZEN", "RESIDENT"]


async def test_an_admin_cannot_remove_their_own_admin_role(admin):
    body = await admin.data(SET_ROLES, {"i": {"userId": str(admin.user.id), "roles": ["CITIZEN"]}})
    assert body["userRolesSet"]["errors"] == [{"field": "roles", "code": "CANNOT_REMOVE_OWN_ADMIN"}]


async def test_unknown_account_is_not_found(admin):
    body = await admin.data(SET_ROLES, {"i": {"userId": "nope", "roles": []}})
    assert body["userRolesSet"]["errors"] == [{"field": "userId", "code": "NOT_FOUND"}]
