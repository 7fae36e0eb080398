"""Resolvers of the equity-holder cabinet."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

from strawberry.types import Info

from backend.auth.permissions import denial
from backend.models.contracts import Contract, Document, DocumentKind
from backend.models.identity import Role
from backend.resolvers.errors import payload_or_errors
from backend.schema import contracts as s
from backend.services import contracts as service
from backend.services import documents, files
from backend.errors import DomainError
from backend.services.sessions import Viewer, session_alive

VIEWABLE_TYPES = ("application/pdf", "image/jpeg", "image/png")


def scope_for(viewer: Viewer | None) -> service.Scope:
    if viewer is None:
        return service.Scope()
    return service.Scope(
        holder_iin_bin=viewer.user.iin_bin if viewer.has(*service.HOLDER_ROLES) else None,
        everything=viewer.has(*service.STAFF_ROLES),
    )


def contract_type(row: Contract) -> s.Contract:
    guarantee = None
    if row.guarantee_kind is not None:
        guarantee = s.ContractGuarantee(kind=row.guarantee_kind, number=row.guarantee_number, date=row.guarantee_date)
    return s.Contract(
        id=str(row.id),
        number=row.number,
        signed_on=row.signed_on,
        holder_iin_bin=row.holder_iin_bin,
        holder_name=row.holder_name,
        version=row.version,
        refreshed_at=row.refreshed_at,
        updated_at=row.updated_at,
        guarantee=guarantee,
        complex_id=row.complex_id,
        premises_id=row.premises_id,
        developer_id=row.developer_id,
        authorized_company_id=row.authorized_company_id,
    )


async def my_contracts(info: Info) -> list[s.Contract]:
    viewer = info.context.viewer
    if not viewer.user.iin_bin:
        return []
    return [contract_type(c) for c in await service.holder_contracts(viewer.user.iin_bin)]


async def contract(info: Info, contract_id: str) -> s.Contract | None:
    try:
        row = await service.get_visible(scope_for(info.context.viewer), contract_id)
    except DomainError:
        return None
    return contract_type(row)


async def complex_of(info: Info, complex_id) -> s.ResidentialComplex | None:
    if complex_id is None:
        return None
    row = await info.context.loaders.complex_by_id.load(complex_id)
    if row is None:
        return None
    return s.ResidentialComplex(
        id=str(row.id), name=row.name, address=row.address, website=row.website, commissioning_date=row.commissioning_date
    )


async def premises_of(info: Info, premises_id) -> s.Premises | None:
    if premises_id is None:
        return None
    row = await info.context.loaders.premises_by_id.load(premises_id)
    return s.Premises(kind=row.kind, number=row.number) if row else None


def organization_type(row) -> s.Organization:
    return s.Organization(id=str(row.id), bin=row.bin, name=row.name, phone=row.phone, email=row.email, website=row.website)


async def organization_of(info: Info, organization_id) -> s.Organization | None:
    if organization_id is None:
        return None
    row = await info.context.loaders.organization_by_id.load(organization_id)
    return organization_type(row) if row else None


async def _added_by(info: Info, row: Document) -> str:
    if row.added_by_client_id is not None:
        return await info.context.loaders.organization_name_by_client.load(row.added_by_client_id) or "partner"
    if row.added_by_id is not None:
        user = await info.context.loaders.user_by_id.load(row.added_by_id)
        return user.full_name if user else ""
    return "source"


async def document_type(info: Info, row: Document) -> s.ContractDocument:
    viewer = info.context.viewer
    settings = info.context.rt.settings
    user_id = viewer.user.id if viewer else None
    view_url = (
        files.document_link(settings, row.id, user_id, inline=True)
        if user_id and row.content_type in VIEWABLE_TYPES
        else None
    )
    return s.ContractDocument(
        id=str(row.id),
        kind=row.kind,
        title=row.title,
        size=float(row.size),
        sha256=row.sha256,
        content_type=row.content_type,
        created_at=row.created_at,
        added_by=await _added_by(info, row),
        view_url=view_url,
        download_url=files.document_link(settings, row.id, user_id, inline=False) if user_id else "",
    )


async def documents_of(info: Info, contract_id: str) -> list[s.ContractDocument]:
    rows = await info.context.loaders.documents_by_contract.load(uuid.UUID(str(contract_id)))
    return [await document_type(info, row) for row in rows]


async def history_of(info: Info, contract_id: str) -> list[s.ContractEvent]:
    events = await info.context.loaders.contract_history.load(uuid.UUID(str(contract_id)))
    return [
        s.ContractEvent(
            at=e.created_at,
            action=e.action,
            source=e.data.get("source", ""),
            changes=[
                s.FieldChange(field=k, old=_text(v.get("old")), new=_text(v.get("new")))
                for k, v in (e.data.get("changes") or {}).items()
            ],
            document=_event_document(e.data.get("document")),
        )
        for e in events
    ]


def _event_document(data: dict | None) -> s.EventDocument | None:
    if not data:
        return None
    return s.EventDocument(id=data["id"], title=data.get("title", ""), kind=DocumentKind(data.get("kind", "other")))


def _text(value) -> str | None:
    return None if value is None else str(value)


async def contract_refresh(info: Info, input: s.ContractRefreshInput) -> s.ContractRefreshPayload:
    async def work():
        ctx = info.context
        row = await service.get_visible(service.Scope(holder_iin_bin=ctx.viewer.user.iin_bin), input.contract_id)
        applied = await service.refresh_from_source(ctx.rt, ctx.rt.contract_source, row, ctx.viewer.user.id, ctx.ip)
        return s.ContractRefreshPayload(contract=contract_type(applied.contract), changed_fields=sorted(applied.changes))

    return await payload_or_errors(s.ContractRefreshPayload, work)


async def contract_document_attach(info: Info, input: s.DocumentAttachInput) -> s.DocumentAttachPayload:
    async def work():
        ctx = info.context
        row = await service.get_visible(service.Scope(holder_iin_bin=ctx.viewer.user.iin_bin), input.contract_id)
        if input.kind is not DocumentKind.OTHER:
            # The DDU, extracts and agreements come from their issuers, not from the holder.
            raise DomainError("KIND_NOT_ALLOWED", field="kind")
        document = await documents.attach_upload(
            ctx.rt, row, input.upload_id, input.title, input.kind, user_id=ctx.viewer.user.id, source="holder", ip=ctx.ip
        )
        return s.DocumentAttachPayload(document=await document_type(info, document))

    return await payload_or_errors(s.DocumentAttachPayload, work)


async def contract_updates(info: Info, contract_id: str | None) -> AsyncIterator[s.Contract]:
    viewer = info.context.viewer
    if viewer is None:
        raise denial("UNAUTHENTICATED")
    if not viewer.has(Role.CITIZEN, Role.LEGAL_ENTITY) or not viewer.user.iin_bin:
        raise denial("FORBIDDEN")
    scope = scope_for(viewer)
    async with info.context.rt.pubsub.subscribe(service.holder_channel(viewer.user.iin_bin)) as messages:
        async for message in messages:
            if not await session_alive(viewer.session_id):
                return
            if contract_id is not None and message.get("contractId") != str(contract_id):
                continue
            try:
                row = await service.get_visible(scope, message["contractId"])
            except DomainError:
                continue
            # Each event is a fresh read: loaders must not serve what the previous event cached.
            info.context.loaders = type(info.context.loaders)()
            yield contract_type(row)
