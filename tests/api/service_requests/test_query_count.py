"""A page of requests with their type, photos, account and history costs the same SQL statements for
one request as for twenty (every relation through a per-request DataLoader)."""

from __future__ import annotations

import pytest

from backend.models.service_requests import RequestType, ServiceRequest, ServiceRequestPhoto
from backend.services import history
from tests.sqlcount import statements

SELECTION = """totalCount edges { node { id number status authorName takenByName
  type { code name } photos { id title url } account { id number address }
  history { action actorName comment } } }"""
ACCOUNT_LIST = f"query($accountId: ID!) {{ accountServiceRequests(accountId: $accountId, first: 50) {{ {SELECTION} }} }}"
COMPANY_LIST = f"query {{ companyServiceRequests(first: 50) {{ {SELECTION} }} }}"


async def _requests(cast, n: int, start: int) -> None:
    types = await RequestType.all()
    for i in range(n):
        row = await ServiceRequest.create(
            company_id=cast.world.company_x.id, account=cast.world.account_x, author_id=cast.resident.user.id,
            number=start + i, type=types[i % len(types)], content=f"Заявка {i}", taken_by_id=cast.staff_x.user.id)
        await ServiceRequestPhoto.create(request=row, title=f"{i}.jpg", storage_key=f"k/{i}", size=10, sha256="0" * 64,
                                         content_type="image/jpeg")
        await history.record("service_request", row.id, "created", actor_id=cast.resident.user.id, actorName="Марат")


async def _count(client, query: str, variables: dict | None = None) -> tuple[int, int]:
    with statements() as sql:
        body = await client.data(query, variables)
    return len(sql), next(iter(body.values()))["totalCount"]


@pytest.mark.parametrize(("who", "query"), [("resident", ACCOUNT_LIST), ("staff_x", COMPANY_LIST)])
async def test_one_and_twenty_requests_cost_the_same_statements(cast, who, query):
    # given
    client = cast.by_name(who)
    variables = {"accountId": str(cast.world.account_x.id)} if query is ACCOUNT_LIST else None
    await _requests(cast, 1, 1)
    one, total_one = await _count(client, query, variables)
    # when
    await _requests(cast, 19, 2)
    twenty, total_twenty = await _count(client, query, variables)
    # then
    assert (total_one, total_twenty) == (1, 20)
    assert 0 < twenty == one
