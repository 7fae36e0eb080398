"""Who may be put on the register of those in need of housing (order No. 130 §§6–11, 15 and the
refusal grounds of its service standard), as pure functions: registry facts and the applicant's
claim in, named checks out. No database, no clock: `today` is the caller's business day.

Every rule is ONE check with a stable code and, when it fails, ONE stable reason code; `detail`
carries what the explanation names (ISO dates, locality codes), JSON-ready so the application can
store it (`Assessment.as_json()`), and `catalog.explain` turns either code into kk/ru/en text.

Decisions taken where the order is silent:
- A minor is registered only as an orphan / child without parental care (§11, Law art. 71 §3);
  otherwise NOT_ADULT (§7 speaks of adults).
- FALSE_DATA (§15 6), standard ground 1): the applicant types nothing but categories, so untrue data
  means the registry marks the identity document the application rests on invalid (lost, replaced).
- Deliberate worsening (standard ground 3) within the 5 years: alienation of owned housing other
  than a buyout by the akimat (sale, gift), exchange, destruction by the owner's fault, and moving out
  of housing (a state-fund or akimat tenancy ended by the tenant moving out).
- A chosen category the registries do not confirm is not a refusal (§10): it is ignored and the
  applicant is queued on the general list (VULNERABLE needs at least one confirmed category).
  The kandas and orphan (under 29) categories are also confirmed by the status itself.
- `path` is "emergency" when the emergency exception is claimed and a registry declaration for a
  family home exists: an officer reviews within 3 working days; otherwise "auto".
- `consents=None` / `has_technical_conclusion=None` mean "not given yet" (check before applying):
  those checks do not apply then; at filing the caller passes what was given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable, Literal

from backend.adapters.registries import (
    Citizenship,
    Disposal,
    EmergencyDeclaration,
    Property,
    RegistryFacts,
)
from backend.models.queue import QueueList
from backend.services.queue import catalog

ADULT_AGE = 18
ORPHAN_EXCEPTION_AGE = 29  # §6: "жиырма тоғыз жасқа толмаған" — the exception ends on the 29th birthday
OWNERSHIP_YEARS = 5
RESIDENCE_YEARS = 3
WORSENING_DISPOSALS = frozenset({Disposal.SALE, Disposal.GIFT, Disposal.EXCHANGE, Disposal.DAMAGE_BY_OWNER})

# The checks in the order they are shown; each with the one reason it fails with.
CHECK_REASONS: dict[str, tuple[str, ...]] = {
    "ADULT_CITIZEN": ("NOT_CITIZEN", "NOT_ADULT"),
    "DATA_TRUE": ("FALSE_DATA",),
    "CONSENTS": ("NO_CONSENT",),
    "NOT_IN_BASE": ("ALREADY_IN_BASE",),
    "NO_HOUSING_5Y": ("OWNED_HOUSING_5Y",),
    "EMERGENCY_HOUSING": ("EMERGENCY_NOT_CONFIRMED",),
    "EMERGENCY_CONCLUSION": ("TECHNICAL_CONCLUSION_MISSING",),
    "EMERGENCY_SAME_SETTLEMENT": ("EMERGENCY_OTHER_SETTLEMENT",),
    "OWNED_IN_SETTLEMENT": ("OWNED_HOUSING_IN_SETTLEMENT",),
    "OWNED_IN_KAZAKHSTAN": ("OWNED_HOUSING_IN_KAZAKHSTAN",),
    "RESIDENCE_3Y": ("RESIDENCE_LESS_THAN_3Y",),
    "NO_STATE_HOUSING": ("STATE_HOUSING",),
    "NOT_PRIVATIZED": ("PRIVATIZED_STATE_HOUSING",),
    "NO_STATE_MORTGAGE": ("STATE_MORTGAGE",),
    "NO_DELIBERATE_WORSENING": ("DELIBERATE_WORSENING",),
    "CATEGORIES": (),
}
CHECK_CODES = tuple(CHECK_REASONS)
# Reasons an officer may give beyond the automatic ones (standard ground 2).
OFFICER_REASONS = ("REQUIREMENTS_NOT_MET",)
REASON_CODES = tuple(r for rs in CHECK_REASONS.values() for r in rs) + OFFICER_REASONS


@dataclass(frozen=True)
class Claim:
    """What the applicant asks for; everything else comes from the registries."""

    locality: str
    emergency: bool = False
    categories: tuple[str, ...] | frozenset[str] = ()
    consents: frozenset[str] | None = None  # None: not given yet (check before applying)
    has_technical_conclusion: bool | None = None  # None: not uploaded yet (check before applying)
    representation: str = "self"  # self | trustee | legal_representative (or the model's enum)
    fund: str = "common"  # common | state_institution (§15 3)) | state_enterprise (§15 4))


@dataclass(frozen=True)
class CheckResult:
    code: str
    passed: bool
    applies: bool
    reason: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Assessment:
    checks: list[CheckResult]
    eligible: bool
    reasons: list[str]
    path: Literal["auto", "emergency"]
    list_kind: QueueList

    def check(self, code: str) -> CheckResult:
        return next(c for c in self.checks if c.code == code)

    def detail_for(self, reason: str) -> dict[str, Any]:
        return next((c.detail for c in self.checks if c.reason == reason), {})

    @property
    def confirmed_categories(self) -> list[str]:
        return list(self.check("CATEGORIES").detail.get("confirmed", []))

    def as_json(self) -> list[dict[str, Any]]:
        """The form `QueueApplication.checks` keeps."""
        return [c.as_json() for c in self.checks]


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _ok(code: str, **detail: Any) -> CheckResult:
    return CheckResult(code, True, True, None, detail)


def _fail(code: str, reason: str, **detail: Any) -> CheckResult:
    return CheckResult(code, False, True, reason, detail)


def _skip(code: str, **detail: Any) -> CheckResult:
    return CheckResult(code, True, False, None, detail)


def _enum_value(value: Any) -> str:
    return str(getattr(value, "value", value))


class _Facts:
    """The facts seen from one day: whose housing counts and what they owned when."""

    def __init__(self, facts: RegistryFacts, today: dt.date):
        self.facts = facts
        self.today = today
        self.person = facts.person
        self.age = age_on(self.person.birth_date, today)
        self.counted = facts.counted_iins(today)
        self.spouses = set(facts.spouse_iins)
        self.window_from = years_before(today, OWNERSHIP_YEARS)
        self.properties = [p for p in facts.properties if p.owner_iin in self.counted]
        self.declarations = [d for d in facts.emergency_declarations if d.owner_iin in self.counted]

    def owner(self, iin: str) -> str:
        if iin == self.person.iin:
            return "applicant"
        return "spouse" if iin in self.spouses else "child"

    def owned_in_window(self, p: Property) -> bool:
        # Owned on some day of [window_from, today]: ownership runs from acquisition up to the disposal day.
        return p.acquired_on <= self.today and (p.disposed_on is None or p.disposed_on > self.window_from)

    def owned_now(self, p: Property) -> bool:
        return p.owned_on(self.today)

    def declared(self, p: Property) -> EmergencyDeclaration | None:
        return next((d for d in self.declarations if d.owner_iin == p.owner_iin and d.address == p.address), None)

    def property_detail(self, p: Property) -> dict[str, Any]:
        return {"owner": self.owner(p.owner_iin), "kind": p.kind, "property_locality": p.locality,
                "address": p.address, "acquired_on": _iso(p.acquired_on), "disposed_on": _iso(p.disposed_on),
                "disposal": p.disposal.value if p.disposal else None, "state_mortgage": p.state_mortgage,
                "programme": p.programme}


def _most_relevant(items: list[Property], f: _Facts) -> Property:
    """What to name first: a home owned today, else the one let go most recently."""
    return max(items, key=lambda p: (f.owned_now(p), p.disposed_on or dt.date.max, p.acquired_on))


def check_adult_citizen(f: _Facts) -> CheckResult:
    code = "ADULT_CITIZEN"
    person = f.person
    detail = {"citizenship": person.citizenship.value, "age": f.age, "birth_date": _iso(person.birth_date)}
    if person.citizenship not in (Citizenship.CITIZEN, Citizenship.KANDAS):
        return _fail(code, "NOT_CITIZEN", **detail)
    if f.age < ADULT_AGE:
        if f.facts.orphan:
            return _ok(code, variant="orphan_minor", **detail)
        return _fail(code, "NOT_ADULT", **detail)
    return _ok(code, **detail)


def check_data_true(f: _Facts) -> CheckResult:
    document = f.person.document
    if document is None:
        return _fail("DATA_TRUE", "FALSE_DATA", document="—", status="missing")
    detail = {"document": document.number, "document_kind": document.kind, "status": document.status}
    return _ok("DATA_TRUE", **detail) if document.valid else _fail("DATA_TRUE", "FALSE_DATA", **detail)


def check_consents(claim: Claim) -> CheckResult:
    if claim.consents is None:
        return _skip("CONSENTS")
    given = {_enum_value(c).lower() for c in claim.consents}
    missing = [c for c in catalog.CONSENT_CODES if c not in given]
    if missing:
        return _fail("CONSENTS", "NO_CONSENT", missing=missing)
    return _ok("CONSENTS")


def check_not_in_base(f: _Facts) -> CheckResult:
    base = f.facts.unified_base
    if base is not None:
        return _fail("NOT_IN_BASE", "ALREADY_IN_BASE", base_locality=base.locality, since=_iso(base.since))
    return _ok("NOT_IN_BASE")


def _emergency_homes(f: _Facts) -> list[tuple[Property, EmergencyDeclaration]]:
    return [(p, d) for p in f.properties if f.owned_now(p) and (d := f.declared(p)) is not None]


def check_emergency_housing(f: _Facts, claim: Claim) -> CheckResult:
    if not claim.emergency:
        return _skip("EMERGENCY_HOUSING")
    homes = _emergency_homes(f)
    if not homes:
        return _fail("EMERGENCY_HOUSING", "EMERGENCY_NOT_CONFIRMED")
    _, d = homes[0]
    return _ok("EMERGENCY_HOUSING", address=d.address, emergency_locality=d.locality,
               declared_on=_iso(d.declared_on), number=d.number)


def check_no_housing(f: _Facts, emergency_path: bool) -> CheckResult:
    excluded = {id(p) for p, _ in _emergency_homes(f)} if emergency_path else set()
    owned = [p for p in f.properties if id(p) not in excluded and f.owned_in_window(p)]
    base = {"window_from": _iso(f.window_from)}
    if emergency_path:
        base["variant"] = "emergency"
    if owned:
        first = _most_relevant(owned, f)
        return _fail("NO_HOUSING_5Y", "OWNED_HOUSING_5Y", **base, **f.property_detail(first),
                     properties=[f.property_detail(p) for p in owned])
    return _ok("NO_HOUSING_5Y", **base)


def check_emergency_conclusion(claim: Claim) -> CheckResult:
    if not claim.emergency or claim.has_technical_conclusion is None:
        return _skip("EMERGENCY_CONCLUSION")
    if not claim.has_technical_conclusion:
        return _fail("EMERGENCY_CONCLUSION", "TECHNICAL_CONCLUSION_MISSING")
    return _ok("EMERGENCY_CONCLUSION")


def check_emergency_settlement(f: _Facts, claim: Claim) -> CheckResult:
    homes = _emergency_homes(f)
    elsewhere = [(p, d) for p, d in homes if d.locality != claim.locality]
    if not homes or not (claim.emergency or elsewhere):
        return _skip("EMERGENCY_SAME_SETTLEMENT", locality=claim.locality)
    if elsewhere:
        _, d = elsewhere[0]
        return _fail("EMERGENCY_SAME_SETTLEMENT", "EMERGENCY_OTHER_SETTLEMENT", locality=claim.locality,
                     emergency_locality=d.locality, address=d.address, declared_on=_iso(d.declared_on),
                     number=d.number)
    _, d = homes[0]
    return _ok("EMERGENCY_SAME_SETTLEMENT", locality=claim.locality, emergency_locality=d.locality,
               address=d.address)


def check_owned_in_settlement(f: _Facts, claim: Claim, emergency_path: bool) -> CheckResult:
    if claim.fund != "state_institution":
        return _skip("OWNED_IN_SETTLEMENT", locality=claim.locality)
    owned = [p for p in f.properties if f.owned_now(p) and p.locality == claim.locality
             and not (emergency_path and f.declared(p))]
    if owned:
        return _fail("OWNED_IN_SETTLEMENT", "OWNED_HOUSING_IN_SETTLEMENT", locality=claim.locality,
                     **f.property_detail(owned[0]))
    return _ok("OWNED_IN_SETTLEMENT", locality=claim.locality)


def check_owned_in_kazakhstan(f: _Facts, claim: Claim, emergency_path: bool) -> CheckResult:
    if claim.fund != "state_enterprise":
        return _skip("OWNED_IN_KAZAKHSTAN")
    owned = [p for p in f.properties if f.owned_now(p) and not (emergency_path and f.declared(p))]
    if owned:
        return _fail("OWNED_IN_KAZAKHSTAN", "OWNED_HOUSING_IN_KAZAKHSTAN", **f.property_detail(owned[0]))
    return _ok("OWNED_IN_KAZAKHSTAN")


def registered_since(f: _Facts, locality: str) -> dt.date | None:
    """The start of the unbroken registration in `locality` that holds today (None: not registered there)."""
    periods = sorted((r for r in f.person.registrations if r.locality == locality and r.registered_from <= f.today),
                     key=lambda r: r.registered_from)
    start: dt.date | None = None
    end: dt.date | None = None
    for r in periods:
        r_end = r.registered_to or dt.date.max
        if start is not None and end is not None and r.registered_from <= end + dt.timedelta(days=1):
            end = max(end, r_end)
        else:
            start, end = r.registered_from, r_end
    return start if end is not None and end >= f.today else None


def check_residence(f: _Facts, claim: Claim) -> CheckResult:
    code = "RESIDENCE_3Y"
    if not catalog.is_republican(claim.locality):
        return _skip(code, variant="not_applicable", locality=claim.locality)
    required = years_before(f.today, RESIDENCE_YEARS)
    since = registered_since(f, claim.locality)
    detail = {"locality": claim.locality, "required_since": _iso(required), "registered_since": _iso(since),
              "age": f.age, "orphan": f.facts.orphan}
    if f.facts.orphan and f.age < ORPHAN_EXCEPTION_AGE:
        return _ok(code, variant="orphan", **detail)
    if since is not None and since <= required:
        return _ok(code, **detail)
    variant = "orphan_too_old" if f.facts.orphan and since is not None else ("none" if since is None else None)
    return _fail(code, "RESIDENCE_LESS_THAN_3Y", **({"variant": variant} if variant else {}), **detail)


def check_state_housing(f: _Facts) -> CheckResult:
    current = [t for t in f.facts.tenancies if t.holder_iin in f.counted and t.tenancy_from <= f.today
               and (t.tenancy_to is None or t.tenancy_to >= f.today)]
    if current:
        t = current[0]
        return _fail("NO_STATE_HOUSING", "STATE_HOUSING", tenancy_kind=t.kind.value, address=t.address,
                     tenancy_locality=t.locality, tenancy_from=_iso(t.tenancy_from))
    return _ok("NO_STATE_HOUSING")


def check_privatized(f: _Facts) -> CheckResult:
    done = [x for x in f.facts.privatizations if x.holder_iin in f.counted]
    if done:
        x = done[0]
        return _fail("NOT_PRIVATIZED", "PRIVATIZED_STATE_HOUSING", address=x.address,
                     privatized_locality=x.locality, privatized_on=_iso(x.privatized_on))
    return _ok("NOT_PRIVATIZED")


def check_state_mortgage(f: _Facts) -> CheckResult:
    bought = [p for p in f.properties if p.state_mortgage]
    if bought:
        return _fail("NO_STATE_MORTGAGE", "STATE_MORTGAGE", **f.property_detail(bought[0]))
    return _ok("NO_STATE_MORTGAGE")


def check_worsening(f: _Facts) -> CheckResult:
    def in_window(day: dt.date | None) -> bool:
        return day is not None and f.window_from < day <= f.today

    acts: list[dict[str, Any]] = [
        {"act": p.disposal.value, "address": p.address, "act_locality": p.locality, "act_on": p.disposed_on,
         "owner": f.owner(p.owner_iin)}
        for p in f.properties if p.disposal in WORSENING_DISPOSALS and in_window(p.disposed_on)
    ] + [
        {"act": "moved_out", "address": t.address, "act_locality": t.locality, "act_on": t.tenancy_to,
         "owner": f.owner(t.holder_iin)}
        for t in f.facts.tenancies
        if t.holder_iin in f.counted and t.ended_by == "moved_out" and in_window(t.tenancy_to)
    ]
    if acts:
        latest = max(acts, key=lambda a: a["act_on"])
        shown = [{**a, "act_on": _iso(a["act_on"])} for a in acts]
        return _fail("NO_DELIBERATE_WORSENING", "DELIBERATE_WORSENING", window_from=_iso(f.window_from),
                     **{**latest, "act_on": _iso(latest["act_on"])}, acts=shown)
    return _ok("NO_DELIBERATE_WORSENING", window_from=_iso(f.window_from))


def confirmed_categories(facts: RegistryFacts, today: dt.date) -> set[str]:
    """The art. 74 §1 categories the registries confirm on `today`."""
    confirmed = set(facts.categories)
    if facts.person.citizenship is Citizenship.KANDAS:
        confirmed.add("kandas")
    if facts.orphan:
        confirmed.add("orphan")
    if age_on(facts.person.birth_date, today) >= ORPHAN_EXCEPTION_AGE:
        confirmed.discard("orphan")  # the category itself ends at 29
    return confirmed & set(catalog.CATEGORY_BY_CODE)


def check_categories(f: _Facts, claim: Claim) -> CheckResult:
    chosen = list(dict.fromkeys(claim.categories))
    if not chosen:
        return _skip("CATEGORIES", confirmed=[], unconfirmed=[])
    registry = confirmed_categories(f.facts, f.today)
    confirmed = [c for c in chosen if c in registry]
    unconfirmed = [c for c in chosen if c not in registry]
    variant = "partial" if confirmed and unconfirmed else ("confirmed" if confirmed else "unconfirmed")
    return _ok("CATEGORIES", variant=variant, confirmed=confirmed, unconfirmed=unconfirmed)


def assess(facts: RegistryFacts, claim: Claim, today: dt.date) -> Assessment:
    f = _Facts(facts, today)
    emergency = check_emergency_housing(f, claim)
    emergency_path = claim.emergency and emergency.applies and emergency.passed
    checks = [
        check_adult_citizen(f),
        check_data_true(f),
        check_consents(claim),
        check_not_in_base(f),
        check_no_housing(f, emergency_path),
        emergency,
        check_emergency_conclusion(claim),
        check_emergency_settlement(f, claim),
        check_owned_in_settlement(f, claim, emergency_path),
        check_owned_in_kazakhstan(f, claim, emergency_path),
        check_residence(f, claim),
        check_state_housing(f),
        check_privatized(f),
        check_state_mortgage(f),
        check_worsening(f),
        check_categories(f, claim),
    ]
    reasons = [c.reason for c in checks if c.applies and not c.passed and c.reason]
    categories = checks[-1].detail.get("confirmed") or []
    return Assessment(
        checks=checks,
        eligible=not reasons,
        reasons=reasons,
        path="emergency" if emergency_path else "auto",
        list_kind=QueueList.VULNERABLE if categories else QueueList.GENERAL,
    )


def explain_all(assessment: Assessment, locale: str) -> Iterable[tuple[CheckResult, str]]:
    """Each check with its text in `locale` (what passed, or why it failed)."""
    return [(c, catalog.explain_check(c, locale)) for c in assessment.checks]
