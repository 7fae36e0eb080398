"""Every role may use its own account; only admins administer accounts."""

from __future__ import annotations

import pytest

from tests.conftest import ROLES

ME = "query { me { id roles } mySessions { current } unreadNotificationCount }"
UPDATE = "mutation($i: ProfileUpdateInput!) { profileUpdate(input: $i) { user { fullName } errors { code } } }"
USERS = "query { users { totalCount } }"


@pytest.mark.parametrize("as_role", ROLES, indirect=True)
async def test_every_role_reads_and_edits_its_own_profile(as_role):
    body = await as_role.gql(ME)
    assert "errors" not in body and "denied" not in body.get("extensions", {})
    assert body["data"]["me"]["id"] == str(as_role.user.id)
    assert body["data"]["mySessions"] == [{"current": True}]
    changed = await as_role.data(UPDATE, {"i": {"fullName": "Renamed Person"}})
    assert changed["profileUpdate"] == {"user": {"fullName": "Renamed Person"}, "errors": []}


@pytest.mark.parametrize("as_role", ROLES, indirect=True)
async def test_only_admins_see_the_account_list(as_role):
    body = await as_role.gql(USERS)
    if as_role.user.full_name.startswith("Test admin"):
        assert body["data"]["users"]["totalCount"] >= 1 and "extensions" not in body
    else:
        assert body["extensions"]["denied"] == [{"path": ["users"], "code": "FORBIDDEN"}]
