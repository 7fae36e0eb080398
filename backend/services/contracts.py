"""Share-participation contracts: who sees which, and the one way their data changes.

Every change — a holder's "Update data", a partner's upsert — goes through `apply_contract_data`,
which records what changed, from where and when, and announces it to the holder's open pages.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import namedtuple
from dataclasses import dataclass
from typing import Any

from tortoise.expressions import F, Q
from tortoise.queryset import QuerySet

from backend.adapters.contract_source import (
    ContractData,
    ContractSource,
    ContractSourceError,
    OrganizationData,
)
from backend.models.contracts import Contract, GuaranteeKind, Premises, PremisesKind, ResidentialComplex, contract_number_key
from backend.models.identity import Role
from backend.models.organizations import Organization
from backend.runtime import Runtime
from backend.services import history
from backend.errors import DomainError
from backend.services.scoping import first_visible
from backend.services.tx import atomic, on_commit

REFRESH_INTERVAL = dt.timedelta(seconds=30)
HOLDER_ROLES = (Role.CITIZEN, Role.LEGAL_ENTITY)
STAFF_ROLES = (Role.KZHK_OPERATOR, Role.ADMIN)


async def find_held_contract(holder_iin_bin: str, number: str, signed_on: dt.date) -> Contract | None:
    return await Contract.get_or_none(
        holder_iin_bin=holder_iin_bin, number_key=contract_number_key(number), signed_on=signed_on
    )


def holder_channel(holder_iin_bin: str) -> str:
    return f"holder:{holder_iin_bin}:contracts"


def owner_channel(organization_id: uuid.UUID) -> str:
    return f"organization:{organization_id}:contracts"


# Who sees what -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """What one viewer may see of contracts: their own as holder, their organization's as partner,
    everything as KZhK staff."""

    holder_iin_bin: str | None = None
    organization_id: uuid.UUID | None = None
    everything: bool = False


def visible_contracts(scope: Scope) -> QuerySet[Contract]:
    if scope.everything:
        return Contract.all()
    condition = Q(id__in=[])
    if scope.holder_iin_bin:
        condition = Q(holder_iin_bin=scope.holder_iin_bin)
    if scope.organization_id:
        owned = Q(owner_id=scope.organization_id)
        condition = owned if not scope.holder_iin_bin else (condition | owned)
    return Contract.filter(condition)


async def get_visible(scope: Scope, contract_id: object) -> Contract:
    """The contract, or NOT_FOUND — also when it exists but is someone else's."""
    return await first_visible(visible_contracts(scope), contract_id, "contractId")


# What a list of contracts shows of each (schema/contracts.py Contract.from_row reads these).
CONTRACT_LIST_FIELDS = (
    "id", "number", "signed_on", "holder_iin_bin", "holder_name", "version", "refreshed_at", "updated_at",
    "guarantee_kind", "guarantee_number", "guarantee_date",
    "complex_id", "premises_id", "developer_id", "authorized_company_id",
)
ContractListRow = namedtuple("ContractListRow", CONTRACT_LIST_FIELDS)


async def holder_contracts(holder_iin_bin: str) -> list[ContractListRow]:
    """A holder's contracts, oldest first, as rows of CONTRACT_LIST_FIELDS read like a model's
    attributes: a holder may have a thousand, and model instances were a good part of the list's cost."""
    query = Contract.filter(holder_iin_bin=holder_iin_bin).order_by("signed_on", "number")
    return [ContractListRow._make(values) for values in await query.values_list(*CONTRACT_LIST_FIELDS)]


# The flattened view changes are computed on ----------------------------------------------------


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


async def snapshot(contract: Contract) -> dict[str, Any]:
    """What a holder sees of a contract, one key per displayed field."""
    complex_ = await ResidentialComplex.get_or_none(id=contract.complex_id) if contract.complex_id else None
    premises = await Premises.get_or_none(id=contract.premises_id) if contract.premises_id else None
    orgs = {o.id: o for o in await Organization.filter(id__in=[i for i in (contract.developer_id, contract.authorized_company_id) if i])}
    view: dict[str, Any] = {
        "number": contract.number,
        "signedOn": _iso(contract.signed_on),
        "holderName": contract.holder_name,
        "complex.name": complex_.name if complex_ else None,
        "complex.address": complex_.address if complex_ else None,
        "complex.website": complex_.website if complex_ else None,
        "complex.commissioningDate": _iso(complex_.commissioning_date) if complex_ else None,
        "premises.kind": premises.kind.value if premises else None,
        "premises.number": premises.number if premises else None,
        "guarantee.kind": contract.guarantee_kind.value if contract.guarantee_kind else None,
        "guarantee.number": contract.guarantee_number or None,
        "guarantee.date": _iso(contract.guarantee_date),
    }
    for prefix, org_id in (("developer", contract.developer_id), ("authorizedCompany", contract.authorized_company_id)):
        org = orgs.get(org_id)
        for attr in ("bin", "name", "phone", "email", "website"):
            view[f"{prefix}.{attr}"] = (getattr(org, attr) or None) if org else None
    return view


def _diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {k: {"old": before.get(k), "new": v} for k, v in after.items() if before.get(k) != v}


# Applying data ---------------------------------------------------------------------------------


_CAMEL = {"commissioning_date": "commissioningDate"}


def _changes(row, values: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        _CAMEL.get(k, k): {"old": _iso(v) if isinstance(v, dt.date) else v,
                           "new": _iso(values[k]) if isinstance(values[k], dt.date) else values[k]}
        for k, v in ((k, getattr(row, k)) for k in values) if v != values[k]
    }


@dataclass
class _Shared:
    """Changes to records that other contracts share too (a complex, a company)."""

    complexes: dict[uuid.UUID, dict[str, dict[str, Any]]]
    organizations: dict[uuid.UUID, dict[str, dict[str, Any]]]


async def _organization(data: OrganizationData | None, shared: _Shared) -> Organization | None:
    if data is None:
        return None
    org = await Organization.get_or_none(bin=data.bin)
    values = {"name": data.name, "phone": data.phone, "email": data.email, "website": data.website}
    if org is None:
        return await Organization.create(bin=data.bin, **values)
    changed = {k: v for k, v in values.items() if v and getattr(org, k) != v}
    if changed:
        shared.organizations.setdefault(org.id, {}).update(_changes(org, changed))
        await Organization.filter(id=org.id).update(**changed)
        await org.refresh_from_db()
    return org


async def _complex(
    contract: Contract | None, data: ContractData, owner: Organization | None, shared: _Shared
) -> ResidentialComplex | None:
    if data.complex is None:
        return None
    c = data.complex
    existing = None
    if c.external_id and owner is not None:
        existing = await ResidentialComplex.get_or_none(owner_id=owner.id, external_id=c.external_id)
    if existing is None and contract is not None and contract.complex_id:
        existing = await ResidentialComplex.get_or_none(id=contract.complex_id)
    if existing is None:
        existing = await ResidentialComplex.filter(name=c.name, address=c.address).first()
    values = {"name": c.name, "address": c.address, "website": c.website, "commissioning_date": c.commissioning_date}
    said = {k: v for k, v in values.items() if v is not None}
    if existing is None:
        return await ResidentialComplex.create(
            owner=owner, external_id=c.external_id, **{"address": "", "website": "", **said}
        )
    if any(getattr(existing, k) != v for k, v in said.items()):
        shared.complexes.setdefault(existing.id, {}).update(_changes(existing, said))
        await ResidentialComplex.filter(id=existing.id).update(**said)
        await existing.refresh_from_db()
    return existing


async def _premises(complex_: ResidentialComplex | None, data: ContractData) -> Premises | None:
    if complex_ is None or data.premises is None:
        return None
    try:
        kind = PremisesKind(data.premises.kind)
    except ValueError:
        raise DomainError("INVALID_PREMISES_KIND", field="premises.kind") from None
    premises, _ = await Premises.get_or_create(complex=complex_, kind=kind, number=data.premises.number)
    return premises


def _guarantee(data: ContractData) -> tuple[GuaranteeKind | None, str, dt.date | None]:
    if data.guarantee is None:
        return None, "", None
    try:
        kind = GuaranteeKind(data.guarantee.kind)
    except ValueError:
        raise DomainError("INVALID_GUARANTEE_KIND", field="guarantee.kind") from None
    return kind, data.guarantee.number, data.guarantee.date


@dataclass(frozen=True)
class Applied:
    contract: Contract
    created: bool
    changes: dict[str, dict[str, Any]]


async def apply_contract_data(
    rt: Runtime,
    contract: Contract | None,
    data: ContractData,
    *,
    source: str,
    owner: Organization | None = None,
    actor_id: uuid.UUID | None = None,
    ip: str = "",
) -> Applied:
    """Writes `data` into `contract` (or a new one), recording and announcing what changed.
    Runs in its own transaction (nested in the caller's, if any)."""
    async with atomic():
        before = await snapshot(contract) if contract is not None else {}
        shared = _Shared(complexes={}, organizations={})
        developer = await _organization(data.developer, shared)
        authorized = await _organization(data.authorized_company, shared)
        complex_ = await _complex(contract, data, owner, shared)
        premises = await _premises(complex_, data)
        kind, number, date = _guarantee(data)
        values = dict(
            number=data.number.strip(),
            signed_on=data.signed_on,
            holder_iin_bin=data.holder_iin_bin,
            holder_name=data.holder_name or (contract.holder_name if contract else ""),
            complex_id=complex_.id if complex_ else None,
            premises_id=premises.id if premises else None,
            developer_id=developer.id if developer else None,
            authorized_company_id=authorized.id if authorized else None,
            guarantee_kind=kind,
            guarantee_number=number,
            guarantee_date=date,
        )
        created = contract is None
        if created:
            contract = await Contract.create(
                owner_id=owner.id if owner else None, external_id=data.external_id, **values
            )
        else:
            for key, value in values.items():
                setattr(contract, key, value)
            if owner is not None and contract.owner_id is None:
                contract.owner_id = owner.id
            if data.external_id and not contract.external_id:
                contract.external_id = data.external_id
        after = await snapshot(contract)
        changes = _diff(before, after)
        if source == "refresh":
            contract.refreshed_at = dt.datetime.now(dt.timezone.utc)
        if changes and not created:
            contract.version += 1
        await contract.save()
        if created or changes or source == "refresh":
            action = "created" if created else ("updated" if changes else "refreshed")
            await history.record("contract", contract.id, action, actor_id=actor_id, ip=ip, source=source, changes=changes)
        if created or changes:
            holder, org_id, cid = contract.holder_iin_bin, contract.owner_id, str(contract.id)

            async def announce() -> None:
                message = {"contractId": cid}
                await rt.pubsub.publish(holder_channel(holder), message)
                if org_id:
                    await rt.pubsub.publish(owner_channel(org_id), message)

            on_commit(announce)
        await _ripple(rt, contract, shared, source=source, actor_id=actor_id, ip=ip)
    return Applied(contract=contract, created=created, changes=changes)


async def _ripple(rt: Runtime, contract: Contract, shared: _Shared, *, source: str, actor_id, ip: str) -> None:
    """A complex or a company changed through one contract: every other contract that shows it
    records the change in its own history, and its holder's open page hears of it."""
    affected: dict[uuid.UUID, dict[str, dict[str, Any]]] = {}
    links = [("complex", Q(complex_id__in=list(shared.complexes)), "complex_id", shared.complexes)]
    links += [
        (prefix, Q(**{f"{column}__in": list(shared.organizations)}), column, shared.organizations)
        for prefix, column in (("developer", "developer_id"), ("authorizedCompany", "authorized_company_id"))
    ]
    for prefix, condition, column, changes in links:
        if not changes:
            continue
        for row in await Contract.filter(condition).exclude(id=contract.id).values("id", column):
            for field, change in changes[row[column]].items():
                affected.setdefault(row["id"], {})[f"{prefix}.{field}"] = change
    if not affected:
        return
    holders: dict[uuid.UUID, str] = dict(await Contract.filter(id__in=list(affected)).values_list("id", "holder_iin_bin"))
    for contract_id, changes in affected.items():
        await history.record("contract", contract_id, "updated", actor_id=actor_id, ip=ip, source=source,
                             changes=changes, via=str(contract.id))
    await Contract.filter(id__in=list(affected)).update(
        updated_at=dt.datetime.now(dt.timezone.utc), version=F("version") + 1
    )

    async def announce() -> None:
        for contract_id, holder in holders.items():
            await rt.pubsub.publish(holder_channel(holder), {"contractId": str(contract_id)})

    on_commit(announce)


async def refresh_from_source(rt: Runtime, source: ContractSource, contract: Contract, actor_id: uuid.UUID, ip: str) -> Applied:
    """"Update data" (seed 000): pull the contract from its source system and apply what differs."""
    now = dt.datetime.now(dt.timezone.utc)
    if contract.refreshed_at and contract.refreshed_at + REFRESH_INTERVAL > now:
        wait = int((contract.refreshed_at + REFRESH_INTERVAL - now).total_seconds()) + 1
        raise DomainError("REFRESH_TOO_SOON", retryAfterSeconds=wait)
    try:
        data = await source.fetch(contract.holder_iin_bin, contract.number)
    except ContractSourceError:
        raise DomainError("SOURCE_UNAVAILABLE") from None
    if data is None:
        async with atomic():
            await Contract.filter(id=contract.id).update(refreshed_at=now)
            await history.record("contract", contract.id, "refreshed", actor_id=actor_id, ip=ip, source="refresh", changes={})
        await contract.refresh_from_db()
        return Applied(contract=contract, created=False, changes={})
    if data.holder_iin_bin != contract.holder_iin_bin or contract_number_key(data.number) != contract_number_key(contract.number):
        # A source must not move a contract to another holder through a refresh.
        raise DomainError("SOURCE_MISMATCH")
    return await apply_contract_data(rt, contract, data, source="refresh", actor_id=actor_id, ip=ip)


async def contract_history(contract_id: uuid.UUID) -> list[dict[str, Any]]:
    events = await history.events_for("contract", contract_id)
    return [
        {"at": e.created_at, "action": e.action, "source": e.data.get("source", ""), "changes": e.data.get("changes", {}), "actor_id": e.actor_id}
        for e in events
    ]
