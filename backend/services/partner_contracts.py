"""What partner systems write: complexes and contracts of their own organization, one by one or
in batches, safely retried."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from tortoise.expressions import Q

from backend.adapters.contract_source import ComplexData, ContractData, OrganizationData
from backend.auth.identifiers import IdentifierKind, classify_iin_bin
from backend.models.contracts import Contract, ResidentialComplex
from backend.runtime import Runtime
from backend.services import history
from backend.services.contracts import Applied, apply_contract_data, contract_number_key
from backend.errors import DomainError, DomainErrors
from backend.services.partners import ApiScope, ClientPrincipal
from backend.services.request_info import RequestInfo
from backend.services.tx import atomic

MAX_BATCH = 500
MAX_EXTERNAL_ID = 100


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


def validate(data: ContractData) -> None:
    errors: list[DomainError] = []
    if not data.external_id or len(data.external_id) > MAX_EXTERNAL_ID:
        errors.append(DomainError("REQUIRED" if not data.external_id else "TOO_LONG", field="externalId", max=MAX_EXTERNAL_ID))
    if not data.number.strip():
        errors.append(DomainError("REQUIRED", field="number"))
    elif len(data.number) > 64:
        errors.append(DomainError("TOO_LONG", field="number", max=64))
    if data.signed_on > dt.date.today():
        errors.append(DomainError("DATE_IN_FUTURE", field="signedOn"))
    try:
        classify_iin_bin(data.holder_iin_bin)
    except DomainError:
        errors.append(DomainError("INVALID_IIN_BIN", field="holderIinBin"))
    if data.complex is not None and not data.complex.name.strip():
        errors.append(DomainError("REQUIRED", field="complex.name"))
    if data.premises is not None and not data.premises.number.strip():
        errors.append(DomainError("REQUIRED", field="premises.number"))
    _check_organization(data.developer, "developer", errors)
    _check_organization(data.authorized_company, "authorizedCompany", errors)
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
    async with atomic():
        contract = await _target(principal, data)
        return await apply_contract_data(
            rt, contract, data, source=principal.source, owner=principal.organization, actor_id=None, ip=req.ip
        )


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
    if not data.external_id or len(data.external_id) > MAX_EXTERNAL_ID:
        raise DomainError("REQUIRED", field="externalId")
    if not data.name.strip():
        raise DomainError("REQUIRED", field="name")
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
