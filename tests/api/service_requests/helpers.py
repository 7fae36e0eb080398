"""Operations and small steps shared by the service requests' tests."""

from __future__ import annotations

import datetime as dt

from backend.models.service_requests import RequestType
from tests.helpers import ApiClient

FIELDS = """
  id number status content visitDate visitFrom visitTo closeComment rating ratingNotDone ratingComment
  canEdit canCancel canRate authorName authorPhone takenByName
  type { id code name } photos { id title contentType size url } account { id number }
  history { action actorName comment }
"""
ERRORS = "errors { field code params }"

CREATE = f"""mutation($input: ServiceRequestCreateInput!) {{
  serviceRequestCreate(input: $input) {{ serviceRequest {{ {FIELDS} }} {ERRORS} }} }}"""
UPDATE = f"""mutation($input: ServiceRequestUpdateInput!) {{
  serviceRequestUpdate(input: $input) {{ serviceRequest {{ {FIELDS} }} {ERRORS} }} }}"""
CANCEL = f"""mutation($input: ServiceRequestRefInput!) {{
  serviceRequestCancel(input: $input) {{ serviceRequest {{ {FIELDS} }} {ERRORS} }} }}"""
TAKE = f"""mutation($input: ServiceRequestRefInput!) {{
  serviceRequestTake(input: $input) {{ serviceRequest {{ {FIELDS} }} {ERRORS} }} }}"""
CLOSE = f"""mutation($input: ServiceRequestCloseInput!) {{
  serviceRequestClose(input: $input) {{ serviceRequest {{ {FIELDS} }} {ERRORS} }} }}"""
RATE = f"""mutation($input: ServiceRequestRateInput!) {{
  serviceRequestRate(input: $input) {{ serviceRequest {{ {FIELDS} }} {ERRORS} }} }}"""
ONE = f"query($id: ID!) {{ serviceRequest(id: $id) {{ {FIELDS} }} }}"
ACCOUNT_LIST = f"""query($accountId: ID!, $status: ServiceRequestStatus, $first: Int, $after: String) {{
  accountServiceRequests(accountId: $accountId, status: $status, first: $first, after: $after) {{
    totalCount pageInfo {{ hasNextPage endCursor }} edges {{ node {{ {FIELDS} }} }} }} }}"""
COMPANY_LIST = f"""query($filter: CompanyServiceRequestFilter, $first: Int) {{
  companyServiceRequests(filter: $filter, first: $first) {{
    totalCount edges {{ node {{ {FIELDS} }} }} }} }}"""
TYPES = "{ serviceRequestTypes { id code name } }"


def tomorrow() -> str:
    return (dt.date.today() + dt.timedelta(days=1)).isoformat()


async def type_id(code: str = "water") -> str:
    return str((await RequestType.get(code=code)).id)


async def file(client: ApiClient, account_id, content: str = "Прорвало трубы", **over) -> dict:
    """Files a request and returns it (the test fails if it was refused)."""
    data = {"accountId": str(getattr(account_id, "id", account_id)), "typeId": await type_id(over.pop("code", "water")), "content": content, **over}
    body = await client.data(CREATE, {"input": data})
    payload = body["serviceRequestCreate"]
    assert payload["errors"] == [], payload["errors"]
    return payload["serviceRequest"]


async def mutate(client: ApiClient, query: str, name: str, **data) -> dict:
    body = await client.data(query, {"input": data})
    return body[name]


def codes(payload: dict) -> list[str]:
    return [e["code"] for e in payload["errors"]]
