"""Where "Update data" pulls a contract from: the developer's or KZhK's system.

The embedded demo source holds its own, newer truth for the demo contracts, so a refresh
visibly changes something; the HTTP source asks a partner system over JSON.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Protocol

import httpx


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@dataclass(frozen=True)
class OrganizationData:
    bin: str
    name: str
    phone: str = ""
    email: str = ""
    website: str = ""

    @classmethod
    def from_json(cls, data: dict | None) -> "OrganizationData | None":
        if not data:
            return None
        return cls(bin=data["bin"], name=data["name"], phone=data.get("phone") or "",
                   email=data.get("email") or "", website=data.get("website") or "")


@dataclass(frozen=True)
class ComplexData:
    """None means "not said": the stored value stays (a partner may send only what it knows)."""

    name: str
    address: str | None = None
    website: str | None = None
    commissioning_date: dt.date | None = None
    external_id: str | None = None

    @classmethod
    def from_json(cls, data: dict | None) -> "ComplexData | None":
        if not data:
            return None
        return cls(name=data["name"], address=data.get("address"), website=data.get("website"),
                   commissioning_date=_date(data.get("commissioningDate")), external_id=data.get("externalId"))


@dataclass(frozen=True)
class PremisesData:
    kind: str
    number: str


@dataclass(frozen=True)
class GuaranteeData:
    kind: str  # akimat_permit | kzhk_guarantee
    number: str
    date: dt.date | None


@dataclass(frozen=True)
class ContractData:
    """A contract as a source system describes it: everything "My contracts" shows."""

    number: str
    signed_on: dt.date
    holder_iin_bin: str
    holder_name: str = ""
    complex: ComplexData | None = None
    premises: PremisesData | None = None
    developer: OrganizationData | None = None
    authorized_company: OrganizationData | None = None
    guarantee: GuaranteeData | None = None
    external_id: str | None = None
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict) -> "ContractData":
        premises = data.get("premises")
        guarantee = data.get("guarantee")
        return cls(
            number=data["number"],
            signed_on=dt.date.fromisoformat(data["signedOn"]),
            holder_iin_bin=data["holderIinBin"],
            holder_name=data.get("holderName") or "",
            complex=ComplexData.from_json(data.get("complex")),
            premises=PremisesData(kind=premises["kind"], number=premises["number"]) if premises else None,
            developer=OrganizationData.from_json(data.get("developer")),
            authorized_company=OrganizationData.from_json(data.get("authorizedCompany")),
            guarantee=GuaranteeData(kind=guarantee["kind"], number=guarantee["number"], date=_date(guarantee.get("date")))
            if guarantee else None,
            external_id=data.get("externalId"),
        )


class ContractSourceError(Exception):
    """The source could not be reached or answered nonsense."""


class ContractSource(Protocol):
    async def fetch(self, holder_iin_bin: str, number: str) -> ContractData | None: ...


def _demo_truth() -> dict[tuple[str, str], ContractData]:
    bayterek = OrganizationData(bin="040640406657", name="ТОО «Байтерек Девелопмент»", phone="+77172550101",
                                email="info@bayterek-dev.kz", website="https://bayterek-dev.kz")
    alatau = OrganizationData(bin="150940012342", name="ТОО «Алатау Құрылыс»", phone="+77272660202",
                              email="sales@alatau-qurylys.kz", website="https://alatau-qurylys.kz")
    nursaya = ComplexData(name="ТК «Нұрсая»", address="Астана қ., Тұран даңғылы, 55",
                          website="https://nursaya.kz", commissioning_date=dt.date(2026, 12, 25))
    return {
        ("900515300197", "Н-3-67/44-АФ"): ContractData(
            number="Н-3-67/44-АФ", signed_on=dt.date(2023, 6, 14), holder_iin_bin="900515300197",
            holder_name="Садықова Әйгерім Нұрланқызы", complex=nursaya,
            premises=PremisesData(kind="flat", number="44"), developer=bayterek, authorized_company=alatau,
            guarantee=GuaranteeData(kind="kzhk_guarantee", number="ҚК-2023/118", date=dt.date(2023, 5, 2)),
        ),
    }


class DemoContractSource:
    """A stand-in for the partners' systems with synthetic data (what `make run` and tests use)."""

    def __init__(self, truth: dict[tuple[str, str], ContractData] | None = None):
        self._truth = truth if truth is not None else _demo_truth()

    async def fetch(self, holder_iin_bin: str, number: str) -> ContractData | None:
        return self._truth.get((holder_iin_bin, number))


class HttpContractSource:
    """GET {base}/contracts?holder=<IIN/BIN>&number=<DDU number> → the contract as JSON (the same
    shape partners send to `partnerContractUpsert`)."""

    def __init__(self, base_url: str, token: str, transport: httpx.AsyncBaseTransport | None = None):
        self._client = httpx.AsyncClient(
            base_url=base_url, headers={"Authorization": f"Bearer {token}"}, timeout=10.0, transport=transport
        )

    async def fetch(self, holder_iin_bin: str, number: str) -> ContractData | None:
        try:
            response = await self._client.get("/contracts", params={"holder": holder_iin_bin, "number": number})
        except httpx.HTTPError as exc:
            raise ContractSourceError(str(exc)) from exc
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise ContractSourceError(f"source answered {response.status_code}")
        try:
            return ContractData.from_json(response.json())
        except (KeyError, TypeError, ValueError) as exc:
            raise ContractSourceError(f"unreadable contract: {exc}") from exc

    async def aclose(self) -> None:
        await self._client.aclose()
