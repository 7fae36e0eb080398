"""What partner systems write: complexes and contracts of their own organization, one by one or
in batches, safely retried."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from tortoise.exceptions import IntegrityError, ValidationError
from tortoise.expressions import Q
from tortoise.models import Model

from backend.adapters.contract_source import ComplexData, ContractData, OrganizationData
from backend.auth.identifiers import IdentifierKind, classify_iin_bin
from backend.models.contracts import Contract, Premises, ResidentialComplex
from backend.models.organizations import Organization
from backend.runtime import Runtime
from backend.services import history
from backend.services.contracts import Applied, apply_contract_data, contract_number_key
from backend.errors import DomainError, DomainErrors
from backend.services.partners import ApiScope, ClientPrincipal
from backend.services.request_info import RequestInfo
from backend.services.tx import atomic

MAX_BATCH = 500
# The Republic's independence: no share-participation contract under its law, nor a permit or a
# complex of one, is older. Complexes are planned years ahead, but not further than this.
EARLIEST_DATE = dt.date(1991, 12, 16)
FUTURE_YEARS = 20


def _max(model: type[Model], name: str) -> int:
    return model._meta.fields_map[name].max_length


MAX_EXTERNAL_ID = _max(Contract, "external_id")
# Input field -> model column, so that each limit is the column's own.
_CONTRACT_TEXT = {"externalId": (Contract, "external_id"), "number": (Contract, "number"), "holderName": (Contract, "holder_name")}
_COMPLEX_TEXT = {f: (ResidentialComplex, c) for f, c in (("externalId", "external_id"), ("name", "name"), ("address", "address"), ("website", "website"))}
_ORGANIZATION_TEXT = {f: (Organization, f) for f in ("name", "phone", "email", "website")}


def _check_texts(values: dict[str, str | None], limits: dict[str, tuple[type[Model], str]], prefix: str, errors: list[DomainError]) -> None:
    for name, (model, column) in limits.items():
        value, limit = values.get(name), _max(model, column)
        if value is not None and len(value) > limit:
            errors.append(DomainError("TOO_LONG", field=prefix + name, max=limit))


def _check_date(value: dt.date | None, latest: dt.date, field_name: str, errors: list[DomainError]) -> None:
    if value is not None and not EARLIEST_DATE <= value <= latest:
        errors.append(DomainError("OUT_OF_RANGE", field=field_name, min=EARLIEST_DATE.isoformat(), max=latest.isoformat()))


def _check_organization(org: OrganizationData | None, field_name: str, errors: list[DomainError]) -> None:
    if org is None:
        return
    try:
        if classify_iin_bin(org.bin) is not IdentifierKind.COMPANY:
            errors.append(DomainError("NOT_A_BIN", field=f"{field_name}.bin"))
    except DomainError:
        errors.append(DomainError("INVALID_IIN_BIN", field=f"{field_name}.bin"))
    if not org.name.strip():
        errors.append(DomainError("REQUIRED", field=f"{field_name}.name"))
    _check_texts(vars(org), _ORGANIZATION_TEXT, f"{field_name}.", errors)


def _check_complex(data: ComplexData, prefix: str, errors: list[DomainError]) -> None:
    if not data.name.strip():
        errors.append(DomainError("REQUIRED", field=f"{prefix}name"))
    values = {"externalId": data.external_id, "name": data.name, "address": data.address, "website": data.website}
    _check_texts(values, _COMPLEX_TEXT, prefix, errors)
    _check_date(data.commissioning_date, _latest_planned(), f"{prefix}commissioningDate", errors)


def _latest_planned() -> dt.date:
    return dt.date.today() + dt.timedelta(days=365 * FUTURE_YEARS)


def validate(data: ContractData) -> None:
    """Every field against its column and a plausible range, before anything is written: a refused
    item leaves no trace, and no database error ever echoes a value back."""
    errors: list[DomainError] = []
    if not data.external_id:
        errors.append(DomainError("REQUIRED", field="externalId", max=MAX_EXTERNAL_ID))
    if not data.number.strip():
        errors.append(DomainError("REQUIRED", field="number"))
    _check_texts({"externalId": data.external_id, "number": data.number, "holderName": data.holder_name}, _CONTRACT_TEXT, "", errors)
    if data.signed_on > dt.date.today():
        errors.append(DomainError("DATE_IN_FUTURE", field="signedOn"))
    else:
        _check_date(data.signed_on, dt.date.today(), "signedOn", errors)
    try:
        classify_iin_bin(data.holder_iin_bin)
    except DomainError:
        errors.append(DomainError("INVALID_IIN_BIN", field="holderIinBin"))
    if data.complex is not None:
        _check_complex(data.complex, "complex.", errors)
    if data.premises is not None:
        if data.complex is None:
            # Premises are stored under their complex: without one they would be dropped unseen.
            errors.append(DomainError("REQUIRED", field="complex"))
        if not data.premises.number.strip():
            errors.append(DomainError("REQUIRED", field="premises.number"))
        _check_texts({"number": data.premises.number}, {"number": (Premises, "number")}, "premises.", errors)
    _check_organization(data.developer, "developer", errors)
    _check_organization(data.authorized_company, "authorizedCompany", errors)
    if data.guarantee is not None:
        _check_texts({"number": data.guarantee.number}, {"number": (Contract, "guarantee_number")}, "guarantee.", errors)
        _check_date(data.guarantee.date, _latest_planned(), "guarantee.date", errors)
    if errors:
        raise DomainErrors(errors)


def _may_write(principal: ClientPrincipal, data: ContractData) -> bool:
    if principal.may(ApiScope.CONTRACTS_WRITE_ANY):
        return True
    own = principal.organization.bin
    return any(org is not None and org.bin == own for org in (data.developer, data.authorized_company))


async def _target(principal: ClientPrincipal, data: ContractData) -> Contract | None:
    org_id = principal.organization.id
    contract = await Contract.get_or_none(owner_id=org_id, external_id=data.external_id)
    if contract is not None:
        return contract
    candidate = await Contract.get_or_none(holder_iin_bin=data.holder_iin_bin, number_key=contract_number_key(data.number))
    if candidate is not None and candidate.owner_id not in (None, org_id):
        # Kept by another partner: never overwritten, whatever this partner sends.
        raise DomainError("CONTRACT_CONFLICT", field="number")
    return candidate


async def upsert_contract(rt: Runtime, principal: ClientPrincipal, data: ContractData, req: RequestInfo) -> Applied:
    validate(data)
    if not _may_write(principal, data):
        raise DomainError("NOT_YOUR_ORGANIZATION", field="developer")
    try:
        async with atomic():
            contract = await _target(principal, data)
            return await apply_contract_data(
                rt, contract, data, source=principal.source, owner=principal.organization, actor_id=None, ip=req.ip
            )
    except IntegrityError:
        # The holder already has another contract under this number (say, a renumbering onto one
        # of the partner's other contracts). The database's message names columns and values.
        raise DomainError("CONTRACT_CONFLICT", field="number") from None
    except ValidationError:
        raise DomainError("INVALID_VALUE") from None


@dataclass
class BatchItem:
    index: int
    external_id: str | None
    applied: Applied | None = None
    errors: list[DomainError] = field(default_factory=list)


async def upsert_contracts(rt: Runtime, principal: ClientPrincipal, items: list[ContractData], req: RequestInfo) -> list[BatchItem]:
    """Each item on its own (a savepoint each): a bad item is reported and the rest still apply,
    in one commit. Upserts are idempotent, so re-running a batch (after a crash, before its
    answer was stored) changes nothing twice."""
    if len(items) > MAX_BATCH:
        raise DomainError("TOO_MANY", field="items", max=MAX_BATCH)
    async with atomic():
        return await _each(rt, principal, items, req)


async def _each(rt: Runtime, principal: ClientPrincipal, items: list[ContractData], req: RequestInfo) -> list[BatchItem]:
    seen: set[str] = set()
    results: list[BatchItem] = []
    for index, data in enumerate(items):
        item = BatchItem(index=index, external_id=data.external_id)
        if data.external_id in seen:
            item.errors.append(DomainError("DUPLICATE_IN_BATCH", field="externalId"))
        else:
            seen.add(data.external_id or "")
            try:
                item.applied = await upsert_contract(rt, principal, data, req)
            except DomainErrors as exc:
                item.errors.extend(exc.errors)
            except DomainError as exc:
                item.errors.append(exc)
        results.append(item)
    return results


async def upsert_complex(principal: ClientPrincipal, data: ComplexData, req: RequestInfo) -> tuple[ResidentialComplex, bool]:
    errors: list[DomainError] = []
    if not data.external_id:
        errors.append(DomainError("REQUIRED", field="externalId"))
    _check_complex(data, "", errors)
    if errors:
        raise DomainErrors(errors)
    async with atomic():
        values = {"name": data.name.strip(), "address": data.address, "website": data.website,
                  "commissioning_date": data.commissioning_date}
        existing = await ResidentialComplex.get_or_none(owner_id=principal.organization.id, external_id=data.external_id)
        if existing is None:
            created = await ResidentialComplex.create(owner_id=principal.organization.id, external_id=data.external_id, **values)
            await history.record("complex", created.id, "created", ip=req.ip, source=principal.source)
            return created, True
        changes = {k: {"old": str(getattr(existing, k)), "new": str(v)} for k, v in values.items() if getattr(existing, k) != v}
        if changes:
            await ResidentialComplex.filter(id=existing.id).update(**values)
            await history.record("complex", existing.id, "updated", ip=req.ip, source=principal.source, changes=changes)
            await existing.refresh_from_db()
        return existing, False


def owned_contracts(principal: ClientPrincipal, updated_since: dt.datetime | None = None):
    query = Contract.filter(Q(owner_id=principal.organization.id))
    if updated_since is not None:
        query = query.filter(updated_at__gte=updated_since)
    return query


async def owned_contract(principal: ClientPrincipal, external_id: str) -> Contract:
    contract = await Contract.get_or_none(owner_id=principal.organization.id, external_id=external_id)
    if contract is None:
        raise DomainError("NOT_FOUND", field="contractExternalId")
    return contract


def result_json(item: BatchItem) -> dict[str, Any]:
    """A batch item as stored for idempotent replay."""
    return {
        "index": item.index,
        "externalId": item.external_id,
        "contractId": str(item.applied.contract.id) if item.applied else None,
        "created": bool(item.applied and item.applied.created),
        "changedFields": sorted(item.applied.changes) if item.applied and not item.applied.created else [],
        "errors": [{"field": e.field, "code": e.code, "message": e.message, "params": e.params or None} for e in item.errors],
    }


async def contracts_by_id(ids: list[str]) -> dict[str, Contract]:
    """The contracts a batch answer names, by id, in one statement."""
    return {str(c.id): c for c in await Contract.filter(id__in=[i for i in ids if i])}
