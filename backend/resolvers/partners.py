"""Resolvers of the partner API and of its administration."""

from __future__ import annotations

import datetime as dt

from strawberry.types import Info

from backend.adapters.contract_source import ComplexData, ContractData, GuaranteeData, OrganizationData, PremisesData
from backend.models.contracts import DocumentKind
from backend.resolvers.errors import graphql_error, payload_or_errors
from backend.schema import contracts as cs
from backend.schema import partners as s
from backend.schema.common import Connection, UserError, to_connection
from backend.services import documents, partners
from backend.services import partner_contracts as upserts
from backend.errors import DomainError
from backend.services.pagination import paginate


# Administration


async def api_clients(info: Info) -> list[s.ApiClientType]:
    return [s.ApiClientType.from_row(row) for row in await partners.clients()]


async def api_client_create(info: Info, input: s.ApiClientCreateInput) -> s.ApiClientCreatePayload:
    async def work():
        ctx = info.context
        client, key = await partners.create_client(
            ctx.rt.settings.secret_key,
            input.name,
            input.organization_bin.strip(),
            input.organization_name,
            set(input.scopes),
            input.rate_limit_per_minute,
            ctx.req,
        )
        await client.fetch_related("organization")
        return s.ApiClientCreatePayload(client=s.ApiClientType.from_row(client), api_key=key)

    return await payload_or_errors(s.ApiClientCreatePayload, work)


async def api_client_revoke(info: Info, input: s.ApiClientRevokeInput) -> s.ApiClientRevokePayload:
    async def work():
        client = await partners.revoke_client(input.client_id, info.context.req)
        await client.fetch_related("organization")
        return s.ApiClientRevokePayload(client=s.ApiClientType.from_row(client))

    return await payload_or_errors(s.ApiClientRevokePayload, work)


# The calling partner


def partner_client(info: Info) -> s.ApiClientType | None:
    principal = info.context.client
    if principal is None:
        return None
    principal.client.organization = principal.organization
    return s.ApiClientType.from_row(principal.client)


async def partner_contracts(info: Info, updated_since: dt.datetime | None, first: int | None, after: str | None) -> Connection[cs.Contract]:
    try:
        page = await paginate(upserts.owned_contracts(info.context.client, updated_since), first, after)
    except DomainError as exc:
        raise graphql_error(exc) from None
    return Connection[cs.Contract](**to_connection(page, cs.Contract.from_row))


def _organization(value: s.OrganizationInput | None) -> OrganizationData | None:
    if value is None:
        return None
    return OrganizationData(bin=value.bin.strip(), name=value.name.strip(), phone=value.phone, email=value.email, website=value.website)


def contract_data(input: s.ContractUpsertInput) -> ContractData:
    complex_ = input.complex
    return ContractData(
        number=input.number.strip(),
        signed_on=input.signed_on,
        holder_iin_bin=input.holder_iin_bin.strip(),
        holder_name=input.holder_name.strip(),
        complex=ComplexData(
            name=complex_.name.strip(), address=complex_.address, website=complex_.website,
            commissioning_date=complex_.commissioning_date, external_id=complex_.external_id,
        ) if complex_ else None,
        premises=PremisesData(kind=input.premises.kind.value, number=input.premises.number.strip()) if input.premises else None,
        developer=_organization(input.developer),
        authorized_company=_organization(input.authorized_company),
        guarantee=GuaranteeData(kind=input.guarantee.kind.value, number=input.guarantee.number, date=input.guarantee.date)
        if input.guarantee else None,
        external_id=input.external_id.strip(),
    )


def _fingerprint(input) -> str:
    from dataclasses import asdict

    if isinstance(input, s.ContractBatchUpsertInput):
        return partners.request_fingerprint([asdict(contract_data(item)) for item in input.items])
    return partners.request_fingerprint(asdict(contract_data(input)))


def _errors_from_json(items: list[dict]) -> list[UserError]:
    return [UserError(field=e["field"], code=e["code"], message=e["message"], params=e.get("params")) for e in items]


async def partner_contract_upsert(info: Info, input: s.ContractUpsertInput) -> s.ContractUpsertPayload:
    async def work():
        ctx = info.context
        principal = ctx.client
        key = input.idempotency_key
        if key is not None:
            fingerprint = _fingerprint(input)
            stored = await partners.recall(principal.client, key, "contract_upsert", fingerprint)
            if stored is not None:
                contract = (await upserts.contracts_by_id([stored["contractId"]])).get(stored["contractId"])
                return s.ContractUpsertPayload(
                    contract=cs.Contract.from_row(contract) if contract else None,
                    created=stored["created"], changed_fields=stored["changedFields"], replayed=True,
                )
        applied = await upserts.upsert_contract(ctx.rt, principal, contract_data(input), ctx.req)
        changed = sorted(applied.changes) if not applied.created else []
        if key is not None:
            await partners.remember(
                principal.client, key, "contract_upsert", fingerprint,
                {"contractId": str(applied.contract.id), "created": applied.created, "changedFields": changed},
            )
        return s.ContractUpsertPayload(contract=cs.Contract.from_row(applied.contract), created=applied.created, changed_fields=changed)

    return await payload_or_errors(s.ContractUpsertPayload, work)


async def _batch_payload(results: list[dict], replayed: bool) -> s.ContractBatchPayload:
    contracts = await upserts.contracts_by_id([r["contractId"] for r in results])
    items = []
    for r in results:
        contract = contracts.get(r["contractId"]) if r["contractId"] else None
        items.append(
            s.ContractBatchResult(
                index=r["index"], external_id=r["externalId"], contract=cs.Contract.from_row(contract) if contract else None,
                created=r["created"], changed_fields=r["changedFields"], errors=_errors_from_json(r["errors"]),
            )
        )
    failed = sum(1 for r in results if r["errors"])
    created = sum(1 for r in results if r["created"])
    updated = sum(1 for r in results if not r["created"] and r["changedFields"])
    return s.ContractBatchPayload(
        results=items, created_count=created, updated_count=updated,
        unchanged_count=len(results) - failed - created - updated, failed_count=failed, replayed=replayed,
    )


async def partner_contracts_upsert(info: Info, input: s.ContractBatchUpsertInput) -> s.ContractBatchPayload:
    async def work():
        ctx = info.context
        principal = ctx.client
        if len(input.items) > upserts.MAX_BATCH:
            raise DomainError("TOO_MANY", field="items", max=upserts.MAX_BATCH)
        fingerprint = _fingerprint(input)
        stored = await partners.recall(principal.client, input.idempotency_key, "contracts_upsert", fingerprint)
        if stored is not None:
            return await _batch_payload(stored["results"], replayed=True)
        items = await upserts.upsert_contracts(ctx.rt, principal, [contract_data(i) for i in input.items], ctx.req)
        results = [upserts.result_json(item) for item in items]
        await partners.remember(principal.client, input.idempotency_key, "contracts_upsert", fingerprint, {"results": results})
        return await _batch_payload(results, replayed=False)

    return await payload_or_errors(s.ContractBatchPayload, work)


async def partner_complex_upsert(info: Info, input: s.ComplexUpsertInput) -> s.ComplexUpsertPayload:
    async def work():
        data = ComplexData(name=input.name, address=input.address, website=input.website,
                           commissioning_date=input.commissioning_date, external_id=input.external_id.strip())
        row, created = await upserts.upsert_complex(info.context.client, data, info.context.req)
        return s.ComplexUpsertPayload(
            complex=cs.ResidentialComplex.from_row(row),
            created=created,
        )

    return await payload_or_errors(s.ComplexUpsertPayload, work)


async def partner_document_attach(info: Info, input: s.PartnerDocumentAttachInput) -> cs.DocumentAttachPayload:
    async def work():
        ctx = info.context
        principal = ctx.client
        contract = await upserts.owned_contract(principal, input.contract_external_id)
        document = await documents.attach_upload(
            ctx.rt, contract, input.upload_id, input.title, DocumentKind(input.kind.value),
            client_id=principal.client.id, external_id=input.external_id, source=principal.source, ip=ctx.ip,
        )
        return cs.DocumentAttachPayload(document=await cs.ContractDocument.from_row(info, document))

    return await payload_or_errors(cs.DocumentAttachPayload, work)
