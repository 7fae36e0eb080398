"""Root fields of the equity-holder cabinet."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.schema.permissions import Allow
from backend.models.identity import Role
from backend.resolvers import contracts as r
from backend.schema.common import INPUT
from backend.schema.contracts import (
    Contract,
    ContractRefreshInput,
    ContractRefreshPayload,
    DocumentAttachInput,
    DocumentAttachPayload,
)


@strawberry.type
class ContractQuery:
    @strawberry.field(
        extensions=[Allow(Role.CITIZEN, Role.LEGAL_ENTITY)],
        description="The viewer's share-participation contracts (Менің шарттарым), oldest first.",
    )
    async def my_contracts(self, info: Info) -> list[Contract]:
        return await r.my_contracts(info)

    @strawberry.field(extensions=[Allow()], description="One contract the viewer may see, or null.")
    async def contract(self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="Contract id.")]) -> Contract | None:
        return await r.contract(info, id)


@strawberry.type
class ContractMutation:
    @strawberry.mutation(
        extensions=[Allow(Role.CITIZEN, Role.LEGAL_ENTITY)],
        description="Update data (Деректерді жаңарту): pull the contract from its source system; at most twice a minute.",
    )
    async def contract_refresh(self, info: Info, input: Annotated[ContractRefreshInput, INPUT]) -> ContractRefreshPayload:
        return await r.contract_refresh(info, input)

    @strawberry.mutation(
        extensions=[Allow(Role.CITIZEN, Role.LEGAL_ENTITY)],
        description="Attach a finished upload to one of the viewer's contracts.",
    )
    async def contract_document_attach(self, info: Info, input: Annotated[DocumentAttachInput, INPUT]) -> DocumentAttachPayload:
        return await r.contract_document_attach(info, input)


@strawberry.type
class ContractSubscription:
    @strawberry.subscription(description="A contract of the viewer, each time it changes (refresh, partner update, new document).")
    async def contract_updated(
        self,
        info: Info,
        contract_id: Annotated[strawberry.ID | None, strawberry.argument(description="Only this contract.")] = None,
    ) -> AsyncGenerator[Contract, None]:
        async for item in r.contract_updates(info, contract_id):
            yield item
