"""Resolvers of the equity-holder cabinet."""

from __future__ import annotations

from collections.abc import AsyncIterator

from strawberry.types import Info

from backend.schema.permissions import denial
from backend.models.contracts import DocumentKind
from backend.models.identity import Role
from backend.resolvers.errors import payload_or_errors
from backend.schema import contracts as s
from backend.services import contracts as service
from backend.services import documents
from backend.errors import DomainError
from backend.services.sessions import Viewer, session_alive


def scope_for(viewer: Viewer | None) -> service.Scope:
    if viewer is None:
        return service.Scope()
    return service.Scope(
        holder_iin_bin=viewer.user.iin_bin if viewer.has(*service.HOLDER_ROLES) else None,
        everything=viewer.has(*service.STAFF_ROLES),
    )


async def my_contracts(info: Info) -> list[s.Contract]:
    viewer = info.context.viewer
    if not viewer.user.iin_bin:
        return []
    rows = await service.holder_contracts(viewer.user.iin_bin)
    await s.prime(info, rows)
    return [s.Contract.from_row(c) for c in rows]


async def contract(info: Info, contract_id: str) -> s.Contract | None:
    try:
        row = await service.get_visible(scope_for(info.context.viewer), contract_id)
    except DomainError:
        return None
    return s.Contract.from_row(row)


async def contract_refresh(info: Info, input: s.ContractRefreshInput) -> s.ContractRefreshPayload:
    async def work():
        ctx = info.context
        row = await service.get_visible(service.Scope(holder_iin_bin=ctx.viewer.user.iin_bin), input.contract_id)
        applied = await service.refresh_from_source(ctx.rt, ctx.rt.contract_source, row, ctx.viewer.user.id, ctx.ip)
        return s.ContractRefreshPayload(contract=s.Contract.from_row(applied.contract), changed_fields=sorted(applied.changes))

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
        return s.DocumentAttachPayload(document=await s.ContractDocument.from_row(info, document))

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
            yield s.Contract.from_row(row)
