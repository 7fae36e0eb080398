"""Root fields of the partner API and of its administration."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.schema.permissions import Allow, AllowClient
from backend.models.identity import Role
from backend.resolvers import partners as r
from backend.schema.common import INPUT, Connection
from backend.schema.contracts import Contract, DocumentAttachPayload
from backend.schema.partners import (
    ApiClientCreateInput,
    ApiClientCreatePayload,
    ApiClientRevokeInput,
    ApiClientRevokePayload,
    ApiClientType,
    ComplexUpsertInput,
    ComplexUpsertPayload,
    ContractBatchPayload,
    ContractBatchUpsertInput,
    ContractUpsertInput,
    ContractUpsertPayload,
    PartnerDocumentAttachInput,
)
from backend.services.partners import ApiScope


@strawberry.type
class PartnerQuery:
    @strawberry.field(extensions=[Allow(Role.ADMIN)], description="Every partner API client (admin).")
    async def api_clients(self, info: Info) -> list[ApiClientType]:
        return await r.api_clients(info)

    @strawberry.field(description="The API client making this request (X-Api-Key), or null.")
    async def partner_client(self, info: Info) -> ApiClientType | None:
        return r.partner_client(info)

    @strawberry.field(extensions=[AllowClient(ApiScope.CONTRACTS_READ)], description="Contracts kept by the caller's organization.")
    async def partner_contracts(
        self,
        info: Info,
        updated_since: Annotated[dt.datetime | None, strawberry.argument(description="Only those changed since.")] = None,
        first: Annotated[int | None, strawberry.argument(description="Page size; at most 100 (more is served as 100).")] = 20,
        after: Annotated[str | None, strawberry.argument(description="`endCursor` of the previous page.")] = None,
    ) -> Connection[Contract]:
        return await r.partner_contracts(info, updated_since, first, after)


@strawberry.type
class PartnerMutation:
    @strawberry.mutation(extensions=[Allow(Role.ADMIN)], description="Create a partner API client; the key is shown once.")
    async def api_client_create(self, info: Info, input: Annotated[ApiClientCreateInput, INPUT]) -> ApiClientCreatePayload:
        return await r.api_client_create(info, input)

    @strawberry.mutation(extensions=[Allow(Role.ADMIN)], description="Revoke a partner API client.")
    async def api_client_revoke(self, info: Info, input: Annotated[ApiClientRevokeInput, INPUT]) -> ApiClientRevokePayload:
        return await r.api_client_revoke(info, input)

    @strawberry.mutation(extensions=[AllowClient(ApiScope.CONTRACTS_WRITE)], description="Create or update a complex of the caller's organization.")
    async def partner_complex_upsert(self, info: Info, input: Annotated[ComplexUpsertInput, INPUT]) -> ComplexUpsertPayload:
        return await r.partner_complex_upsert(info, input)

    @strawberry.mutation(
        extensions=[AllowClient(ApiScope.CONTRACTS_WRITE)],
        description="Create or update a contract where the caller's organization is the developer or authorized company.",
    )
    async def partner_contract_upsert(self, info: Info, input: Annotated[ContractUpsertInput, INPUT]) -> ContractUpsertPayload:
        return await r.partner_contract_upsert(info, input)

    @strawberry.mutation(extensions=[AllowClient(ApiScope.CONTRACTS_WRITE)], description="Create or update up to 500 contracts.")
    async def partner_contracts_upsert(self, info: Info, input: Annotated[ContractBatchUpsertInput, INPUT]) -> ContractBatchPayload:
        return await r.partner_contracts_upsert(info, input)

    @strawberry.mutation(
        extensions=[AllowClient(ApiScope.DOCUMENTS_WRITE)],
        description="Attach a finished upload to a contract of the caller's organization.",
    )
    async def partner_document_attach(self, info: Info, input: Annotated[PartnerDocumentAttachInput, INPUT]) -> DocumentAttachPayload:
        return await r.partner_document_attach(info, input)
