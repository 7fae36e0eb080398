"""Helpers for API tests: a GraphQL client bound to one identity, accounts per role, the outbox."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from typing import Any

import httpx

from backend.auth.passwords import hash_password
from backend.models.identity import AccountKind, Role, User, UserRole
from backend.models.messaging import OutboxMessage
from backend.runtime import Runtime
from backend.services.request_info import RequestInfo
from backend.services.sessions import open_session
from backend.services.tx import atomic

PASSWORD = "Test-Passw0rd!x"
_serial = itertools.count(1)


def valid_iin(prefix: str) -> str:
    """Completes an 11-digit prefix with the national check digit."""
    from backend.auth.identifiers import iin_bin_checksum_ok

    for digit in "0123456789":
        if iin_bin_checksum_ok(prefix + digit):
            return prefix + digit
    raise ValueError(f"no valid check digit for {prefix}")


def _nth_valid(prefix: str, width: int, n: int, _found: dict[str, list[str]] = {}) -> str:  # noqa: B006
    """The n-th number (from 1) of `prefix` + a serial of `width` digits that has a check digit.
    Serials without one are skipped rather than replaced by the next serial, which the next n
    would also get (two accounts with one IIN)."""
    found = _found.setdefault(prefix, [])
    serial = int(found[-1][len(prefix):-1]) + 1 if found else 1
    while len(found) < n:
        try:
            found.append(valid_iin(f"{prefix}{serial:0{width}d}"))
        except ValueError:
            pass
        serial += 1
    return found[n - 1]


def person_iin(n: int) -> str:
    # Born 1990-05-15: always a person's IIN.
    return _nth_valid("9005153", 4, n)


def company_bin(n: int) -> str:
    return _nth_valid("150940", 5, n)


def phone(n: int) -> str:
    return f"+7705{n:07d}"


class ApiClient:
    """GraphQL over HTTP as one identity; `token` is the bearer access token (None for anonymous)."""

    def __init__(self, http: httpx.AsyncClient, token: str | None = None):
        self.http = http
        self.token = token
        self.user: User | None = None

    async def raw(self, query: str, variables: dict[str, Any] | None = None, headers: dict | None = None) -> httpx.Response:
        hdrs = {"content-type": "application/json"}
        if self.token:
            hdrs["authorization"] = f"Bearer {self.token}"
        hdrs.update(headers or {})
        return await self.http.post("/graphql", content=json.dumps({"query": query, "variables": variables or {}}), headers=hdrs)

    async def gql(self, query: str, variables: dict[str, Any] | None = None, **kw) -> dict[str, Any]:
        response = await self.raw(query, variables, **kw)
        assert response.status_code == 200, response.text
        return response.json()

    async def data(self, query: str, variables: dict[str, Any] | None = None, **kw) -> dict[str, Any]:
        body = await self.gql(query, variables, **kw)
        assert not body.get("errors"), body["errors"]
        return body["data"]


async def create_user(role: str, *, password: str | None = PASSWORD, **fields: Any) -> User:
    n = next(_serial)
    kind = AccountKind.COMPANY if role in ("legal_entity", "partner") else AccountKind.PERSON
    defaults = {
        "kind": kind,
        "iin_bin": company_bin(n) if kind is AccountKind.COMPANY else person_iin(n),
        "email": f"{role}{n}@test.shanyraq.kz",
        "phone": phone(1000 + n),
        "full_name": f"Test {role} {n}",
        "password_hash": hash_password(password) if password else None,
        "password_changed_at": dt.datetime.now(dt.timezone.utc),
    }
    defaults.update(fields)
    user = await User.create(**defaults)
    await UserRole.create(user=user, role=Role(role))
    return user


async def make_account(rt: Runtime, client: ApiClient, role: str, **fields: Any) -> User:
    user = await create_user(role, **fields)
    async with atomic():
        result = await open_session(rt, user, "password", RequestInfo(ip="127.0.0.1"), announce=False)
    client.token = result.access_token
    client.user = user
    return user


async def last_code(target: str) -> str:
    message = await OutboxMessage.filter(recipient=target).order_by("-created_at").first()
    assert message is not None, f"no message to {target}"
    found = re.findall(r"\d(?:[\d, ]*\d)?", message.body)
    digits = [re.sub(r"\D", "", f) for f in found if len(re.sub(r"\D", "", f)) in (4, 6)]
    assert digits, message.body
    return digits[0]


def codes(body: dict, name: str) -> list[str]:
    return [e["code"] for e in body["data"][name]["errors"]]


async def make_contract(rt: Runtime, holder_iin_bin: str, number: str = "Н-1-01/01-АФ", **over: Any):
    """A contract with its complex, premises, developer and authorized company, as a source would send it."""
    from backend.adapters.contract_source import ComplexData, ContractData, GuaranteeData, OrganizationData, PremisesData
    from backend.services.contracts import apply_contract_data

    n = next(_serial)
    data = ContractData(
        number=number,
        signed_on=over.pop("signed_on", dt.date(2024, 1, 15)),
        holder_iin_bin=holder_iin_bin,
        holder_name=over.pop("holder_name", "Test Holder"),
        complex=over.pop("complex", ComplexData(name=f"ТК «Тест {n}»", address="Астана", commissioning_date=dt.date(2026, 6, 30))),
        premises=over.pop("premises", PremisesData("flat", str(n))),
        developer=over.pop("developer", OrganizationData(bin=company_bin(3000 + n), name=f"Developer {n}", phone="+77170000000")),
        authorized_company=over.pop("authorized_company", OrganizationData(bin=company_bin(4000 + n), name=f"Seller {n}")),
        guarantee=over.pop("guarantee", GuaranteeData("kzhk_guarantee", f"G-{n}", dt.date(2023, 1, 1))),
        external_id=over.pop("external_id", None),
    )
    applied = await apply_contract_data(rt, None, data, source=over.pop("source", "test"), owner=over.pop("owner", None))
    return applied.contract


class PartnerClient(ApiClient):
    """GraphQL as a partner system: the X-Api-Key header instead of a bearer token."""

    def __init__(self, http: httpx.AsyncClient, api_key: str, organization_bin: str):
        super().__init__(http)
        self.api_key = api_key
        self.organization_bin = organization_bin

    async def raw(self, query: str, variables: dict[str, Any] | None = None, headers: dict | None = None) -> httpx.Response:
        return await super().raw(query, variables, {"x-api-key": self.api_key, **(headers or {})})


async def make_partner(settings, http: httpx.AsyncClient, organization_bin: str, scopes=None, name="CRM", rate=600) -> PartnerClient:
    from backend.services.partners import ApiScope, create_client

    scopes = scopes or {ApiScope.CONTRACTS_READ, ApiScope.CONTRACTS_WRITE, ApiScope.DOCUMENTS_WRITE}
    _, key = await create_client(settings.secret_key, name, organization_bin, f"Org {organization_bin}", set(scopes), rate, RequestInfo())
    return PartnerClient(http, key, organization_bin)


def contract_input(external_id: str, developer_bin: str, holder: str, number: str | None = None, **over: Any) -> dict:
    item = {
        "externalId": external_id,
        "number": number or f"N-{external_id}",
        "signedOn": "2024-05-01",
        "holderIinBin": holder,
        "holderName": "Holder Name",
        "complex": {"externalId": "cx-1", "name": "ТК «Партнер»", "address": "Астана", "commissioningDate": "2026-10-01"},
        "premises": {"kind": "FLAT", "number": "12"},
        "developer": {"bin": developer_bin, "name": "Partner Developer", "phone": "+77170001122"},
        "guarantee": {"kind": "AKIMAT_PERMIT", "number": "KZ-1", "date": "2023-01-01"},
    }
    item.update(over)
    return item
