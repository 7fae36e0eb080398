"""The state registries the housing queue asks about a person (order No. 130, §13: "through the state
information systems"): the person and their registration history, family, property, state housing,
privatization, emergency declarations, the unified republican base, social categories, the mobile
citizens' base.

Two implementations: `DemoRegistry`, the embedded default reading the synthetic citizens of
`registry_personas`, and `HttpRegistry`, a gateway (e.g. an "electronic government" shlyuz adapter)
spoken to over JSON.

HTTP gateway contract (all answers JSON, dates ISO `YYYY-MM-DD`, `Authorization: Bearer <token>`):

    GET {base}/persons/{iin}                 200 -> person object, 404 -> no such person
    GET {base}/persons/{iin}/facts           200 -> facts object,  404 -> no such person
    GET {base}/persons/{iin}/mobile-base?phone=+7701...   200 -> {"registered": true|false}
                                                         404 -> not registered

    person = {"iin", "surname", "name", "patronymic", "birthDate", "citizenship": citizen|kandas|foreigner,
              "document": {"kind", "number", "issuedOn", "issuer", "validUntil", "status": valid|invalid|lost|replaced},
              "registrations": [{"locality", "address", "from", "to"|null}],      # the history, any order
              "representatives": [{"iin", "kind": parent|guardian|trustee, "from", "to"|null, "document"}]}
    facts  = {"person": person,
              "family": [{"iin", "relation": spouse|child, "birthDate"}],
              "properties": [{"ownerIin", "kind", "locality", "address", "acquiredOn", "disposedOn"|null,
                              "disposal": sale|exchange|gift|demolition|akimat_buyout|damage_by_owner|court|null,
                              "stateMortgage": bool, "programme"}],              # the family's, not just the person's
              "tenancies": [{"holderIin", "kind": state_fund|akimat_rented, "locality", "address", "from", "to"|null,
                             "endedBy": moved_out|provided_housing|contract_expired|null}],
              "privatizations": [{"holderIin", "locality", "address", "privatizedOn"}],
              "emergencyDeclarations": [{"ownerIin", "locality", "address", "declaredOn", "number"}],
              "unifiedBase": {"locality", "since"} | null,
              "categories": ["disability_1_2", ...],                           # art. 74 §1 codes (catalog)
              "orphan": bool}                                                  # orphan / without parental care

Any other status, a timeout, a refused connection or an unreadable body raises `RegistryUnavailable`
(code REGISTRY_UNAVAILABLE, `cause` timeout | status | unreachable | bad_response): the caller must not
decide anything on missing data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol

import httpx

from backend.errors import DomainError


class Citizenship(str, Enum):
    CITIZEN = "citizen"
    KANDAS = "kandas"  # an ethnic Kazakh granted the status (order §3 4))
    FOREIGNER = "foreigner"  # foreigners and stateless persons


class RepresentativeKind(str, Enum):
    PARENT = "parent"  # legal representative of a minor
    GUARDIAN = "guardian"  # legal representative of a minor without parental care
    TRUSTEE = "trustee"  # by a power of attorney


class Disposal(str, Enum):
    """How an owner stopped owning: the service standard counts some of these as deliberate worsening."""

    SALE = "sale"
    EXCHANGE = "exchange"
    GIFT = "gift"
    DEMOLITION = "demolition"  # demolished, not by the owner's fault
    AKIMAT_BUYOUT = "akimat_buyout"  # bought out by the local executive body (not a worsening)
    DAMAGE_BY_OWNER = "damage_by_owner"  # destroyed or damaged by the owner's fault
    COURT = "court"  # taken by a court decision


class TenancyKind(str, Enum):
    STATE_FUND = "state_fund"  # housing of the state housing fund
    AKIMAT_RENTED = "akimat_rented"  # rented by the akimat in the private fund


@dataclass(frozen=True)
class IdentityDocument:
    kind: str  # id_card | passport | residence_permit | stateless_certificate
    number: str
    issued_on: dt.date | None
    issuer: str
    valid_until: dt.date | None = None
    status: str = "valid"  # valid | invalid | lost | replaced

    @property
    def valid(self) -> bool:
        return self.status == "valid"


@dataclass(frozen=True)
class Registration:
    """One period of residence registration; `registered_to` None = registered there now."""

    locality: str
    address: str
    registered_from: dt.date
    registered_to: dt.date | None = None


@dataclass(frozen=True)
class Representative:
    iin: str
    kind: RepresentativeKind
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None  # a power of attorney's end; None = open
    document: str = ""  # the power of attorney's or guardianship decision's number

    def valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class PersonRecord:
    iin: str
    surname: str
    name: str
    patronymic: str
    birth_date: dt.date
    citizenship: Citizenship
    document: IdentityDocument | None
    registrations: tuple[Registration, ...] = ()
    representatives: tuple[Representative, ...] = ()

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.surname, self.name, self.patronymic) if p)

    @property
    def address(self) -> Registration | None:
        """The current registration (the latest open one; else the latest)."""
        ordered = sorted(self.registrations, key=lambda r: r.registered_from)
        current = [r for r in ordered if r.registered_to is None]
        return (current or ordered or [None])[-1]

    def age_on(self, day: dt.date) -> int:
        years = day.year - self.birth_date.year
        return years - ((day.month, day.day) < (self.birth_date.month, self.birth_date.day))

    def adult_on(self, day: dt.date) -> bool:
        return self.age_on(day) >= 18

    def representative(self, iin: str, day: dt.date) -> Representative | None:
        return next((r for r in self.representatives if r.iin == iin and r.valid_on(day)), None)


@dataclass(frozen=True)
class FamilyMember:
    iin: str
    relation: str  # spouse | child
    birth_date: dt.date | None = None


@dataclass(frozen=True)
class Property:
    owner_iin: str
    kind: str  # flat | house | share
    locality: str
    address: str
    acquired_on: dt.date
    disposed_on: dt.date | None = None
    disposal: Disposal | None = None
    state_mortgage: bool = False  # bought with a mortgage loan of a state programme (§15 9))
    programme: str = ""

    def owned_on(self, day: dt.date) -> bool:
        return self.acquired_on <= day and (self.disposed_on is None or day < self.disposed_on)


@dataclass(frozen=True)
class Tenancy:
    holder_iin: str
    kind: TenancyKind
    locality: str
    address: str
    tenancy_from: dt.date
    tenancy_to: dt.date | None = None
    ended_by: str | None = None  # moved_out | provided_housing | contract_expired


@dataclass(frozen=True)
class Privatization:
    holder_iin: str
    locality: str
    address: str
    privatized_on: dt.date


@dataclass(frozen=True)
class EmergencyDeclaration:
    owner_iin: str
    locality: str
    address: str
    declared_on: dt.date
    number: str


@dataclass(frozen=True)
class BaseMembership:
    """Membership in the unified republican electronic base of the akimats (§3 1), §15 1))."""

    locality: str
    since: dt.date


@dataclass(frozen=True)
class RegistryFacts:
    """Everything the eligibility checks read, for the person and the family whose property counts."""

    person: PersonRecord
    family: tuple[FamilyMember, ...] = ()
    properties: tuple[Property, ...] = ()
    tenancies: tuple[Tenancy, ...] = ()
    privatizations: tuple[Privatization, ...] = ()
    emergency_declarations: tuple[EmergencyDeclaration, ...] = ()
    unified_base: BaseMembership | None = None
    categories: tuple[str, ...] = ()  # art. 74 §1 codes the registries confirm
    orphan: bool = False  # orphan or left without parental care before coming of age

    @property
    def iin(self) -> str:
        return self.person.iin

    @property
    def spouse_iins(self) -> tuple[str, ...]:
        return tuple(m.iin for m in self.family if m.relation == "spouse")

    def minor_children_iins(self, day: dt.date) -> tuple[str, ...]:
        return tuple(
            m.iin for m in self.family
            if m.relation == "child" and m.birth_date is not None and _age(m.birth_date, day) < 18
        )

    def counted_iins(self, day: dt.date) -> frozenset[str]:
        """Whose housing counts: the person, the spouse and the minor children (Appendix 2, the first consent)."""
        return frozenset((self.person.iin, *self.spouse_iins, *self.minor_children_iins(day)))


def _age(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class RegistryUnavailable(DomainError):
    """The registries could not answer; nothing may be decided without them."""

    def __init__(self, cause: str, detail: str = ""):
        super().__init__("REGISTRY_UNAVAILABLE", cause=cause)
        self.cause = cause  # timeout | status | unreachable | bad_response
        self.detail = detail


class Registry(Protocol):
    async def person(self, iin: str) -> PersonRecord | None: ...

    async def facts(self, iin: str) -> RegistryFacts | None: ...

    async def phone_registered(self, iin: str, phone: str) -> bool: ...


# --- the embedded demo registry


class DemoRegistry:
    """Answers from the synthetic citizens; a test may hand it its own personas."""

    def __init__(self, personas: "tuple | None" = None):
        if personas is None:
            from backend.adapters.registry_personas import PERSONAS

            personas = PERSONAS
        self._facts = {p.facts.iin: p.facts for p in personas}
        self._phones = {p.facts.iin: frozenset(p.mobile_phones) for p in personas}

    async def person(self, iin: str) -> PersonRecord | None:
        facts = self._facts.get(iin)
        return facts.person if facts else None

    async def facts(self, iin: str) -> RegistryFacts | None:
        return self._facts.get(iin)

    async def phone_registered(self, iin: str, phone: str) -> bool:
        return phone in self._phones.get(iin, frozenset())


# --- JSON mapping (the HTTP gateway's format; the demo data round-trip through it in tests)


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def person_from_json(data: dict) -> PersonRecord:
    doc = data.get("document")
    return PersonRecord(
        iin=data["iin"], surname=data.get("surname") or "", name=data.get("name") or "",
        patronymic=data.get("patronymic") or "", birth_date=dt.date.fromisoformat(data["birthDate"]),
        citizenship=Citizenship(data.get("citizenship") or "citizen"),
        document=IdentityDocument(
            kind=doc.get("kind") or "", number=doc.get("number") or "", issued_on=_date(doc.get("issuedOn")),
            issuer=doc.get("issuer") or "", valid_until=_date(doc.get("validUntil")), status=doc.get("status") or "valid",
        ) if doc else None,
        registrations=tuple(
            Registration(r["locality"], r.get("address") or "", dt.date.fromisoformat(r["from"]), _date(r.get("to")))
            for r in data.get("registrations") or ()
        ),
        representatives=tuple(
            Representative(r["iin"], RepresentativeKind(r["kind"]), _date(r.get("from")), _date(r.get("to")),
                           r.get("document") or "")
            for r in data.get("representatives") or ()
        ),
    )


def person_to_json(p: PersonRecord) -> dict:
    d = p.document
    return {
        "iin": p.iin, "surname": p.surname, "name": p.name, "patronymic": p.patronymic,
        "birthDate": p.birth_date.isoformat(), "citizenship": p.citizenship.value,
        "document": {"kind": d.kind, "number": d.number, "issuedOn": _iso(d.issued_on), "issuer": d.issuer,
                     "validUntil": _iso(d.valid_until), "status": d.status} if d else None,
        "registrations": [{"locality": r.locality, "address": r.address, "from": r.registered_from.isoformat(),
                           "to": _iso(r.registered_to)} for r in p.registrations],
        "representatives": [{"iin": r.iin, "kind": r.kind.value, "from": _iso(r.valid_from), "to": _iso(r.valid_to),
                             "document": r.document} for r in p.representatives],
    }


def facts_from_json(data: dict) -> RegistryFacts:
    base = data.get("unifiedBase")
    return RegistryFacts(
        person=person_from_json(data["person"]),
        family=tuple(FamilyMember(m["iin"], m["relation"], _date(m.get("birthDate"))) for m in data.get("family") or ()),
        properties=tuple(
            Property(owner_iin=x["ownerIin"], kind=x.get("kind") or "flat", locality=x.get("locality") or "",
                     address=x.get("address") or "", acquired_on=dt.date.fromisoformat(x["acquiredOn"]),
                     disposed_on=_date(x.get("disposedOn")),
                     disposal=Disposal(x["disposal"]) if x.get("disposal") else None,
                     state_mortgage=bool(x.get("stateMortgage")), programme=x.get("programme") or "")
            for x in data.get("properties") or ()
        ),
        tenancies=tuple(
            Tenancy(x["holderIin"], TenancyKind(x["kind"]), x.get("locality") or "", x.get("address") or "",
                    dt.date.fromisoformat(x["from"]), _date(x.get("to")), x.get("endedBy"))
            for x in data.get("tenancies") or ()
        ),
        privatizations=tuple(
            Privatization(x["holderIin"], x.get("locality") or "", x.get("address") or "",
                          dt.date.fromisoformat(x["privatizedOn"]))
            for x in data.get("privatizations") or ()
        ),
        emergency_declarations=tuple(
            EmergencyDeclaration(x["ownerIin"], x.get("locality") or "", x.get("address") or "",
                                 dt.date.fromisoformat(x["declaredOn"]), x.get("number") or "")
            for x in data.get("emergencyDeclarations") or ()
        ),
        unified_base=BaseMembership(base["locality"], dt.date.fromisoformat(base["since"])) if base else None,
        categories=tuple(data.get("categories") or ()),
        orphan=bool(data.get("orphan")),
    )


def facts_to_json(f: RegistryFacts) -> dict:
    return {
        "person": person_to_json(f.person),
        "family": [{"iin": m.iin, "relation": m.relation, "birthDate": _iso(m.birth_date)} for m in f.family],
        "properties": [{"ownerIin": x.owner_iin, "kind": x.kind, "locality": x.locality, "address": x.address,
                        "acquiredOn": x.acquired_on.isoformat(), "disposedOn": _iso(x.disposed_on),
                        "disposal": x.disposal.value if x.disposal else None, "stateMortgage": x.state_mortgage,
                        "programme": x.programme} for x in f.properties],
        "tenancies": [{"holderIin": x.holder_iin, "kind": x.kind.value, "locality": x.locality, "address": x.address,
                       "from": x.tenancy_from.isoformat(), "to": _iso(x.tenancy_to), "endedBy": x.ended_by}
                      for x in f.tenancies],
        "privatizations": [{"holderIin": x.holder_iin, "locality": x.locality, "address": x.address,
                            "privatizedOn": x.privatized_on.isoformat()} for x in f.privatizations],
        "emergencyDeclarations": [{"ownerIin": x.owner_iin, "locality": x.locality, "address": x.address,
                                   "declaredOn": x.declared_on.isoformat(), "number": x.number}
                                  for x in f.emergency_declarations],
        "unifiedBase": {"locality": f.unified_base.locality, "since": f.unified_base.since.isoformat()}
        if f.unified_base else None,
        "categories": list(f.categories),
        "orphan": f.orphan,
    }


# --- the HTTP gateway


class HttpRegistry:
    def __init__(self, base_url: str, token: str = "", timeout_seconds: float = 10.0,
                 transport: httpx.AsyncBaseTransport | None = None):
        headers = {"Accept": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self._client = httpx.AsyncClient(base_url=base_url.rstrip("/"), headers=headers,
                                         timeout=timeout_seconds, transport=transport)

    async def _get(self, path: str, params: dict | None = None) -> Any | None:
        """The decoded body, or None on 404."""
        try:
            response = await self._client.get(path, params=params)
        except httpx.TimeoutException as exc:
            raise RegistryUnavailable("timeout", str(exc)) from exc
        except httpx.HTTPError as exc:
            raise RegistryUnavailable("unreachable", str(exc)) from exc
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise RegistryUnavailable("status", f"registry answered {response.status_code}")
        try:
            return response.json()
        except ValueError as exc:
            raise RegistryUnavailable("bad_response", str(exc)) from exc

    async def person(self, iin: str) -> PersonRecord | None:
        data = await self._get(f"/persons/{iin}")
        return self._parse(person_from_json, data)

    async def facts(self, iin: str) -> RegistryFacts | None:
        data = await self._get(f"/persons/{iin}/facts")
        return self._parse(facts_from_json, data)

    async def phone_registered(self, iin: str, phone: str) -> bool:
        data = await self._get(f"/persons/{iin}/mobile-base", params={"phone": phone})
        if data is None:
            return False
        if not isinstance(data, dict) or not isinstance(data.get("registered"), bool):
            raise RegistryUnavailable("bad_response", "mobile-base answer without a boolean 'registered'")
        return data["registered"]

    @staticmethod
    def _parse(parse, data):
        if data is None:
            return None
        try:
            return parse(data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise RegistryUnavailable("bad_response", f"unreadable registry answer: {exc!r}") from exc

    async def aclose(self) -> None:
        await self._client.aclose()

    close = aclose
