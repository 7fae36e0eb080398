"""The equity-holder cabinet: contracts, their complex, developer, documents and history (seed 000)."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.auth.permissions import Allow
from backend.models.contracts import DocumentKind, GuaranteeKind, PremisesKind
from backend.models.identity import Role
from backend.resolvers import contracts as r
from backend.schema.common import INPUT, UserError

PremisesKindType = strawberry.enum(PremisesKind, name="PremisesKind", description="Type of premises (seed 000: үй-жай түрі).")
GuaranteeKindType = strawberry.enum(
    GuaranteeKind, name="GuaranteeKind",
    description="AKIMAT_PERMIT: permit of the local executive body (ЖАО); KZHK_GUARANTEE: guarantee of the Kazakhstan Housing Company.",
)
DocumentKindType = strawberry.enum(DocumentKind, name="DocumentKind", description="What a contract document is.")


@strawberry.type(description="A company: construction company, authorized company, or another party.")
class Organization:
    id: strawberry.ID = strawberry.field(description="Organization id.")
    bin: str = strawberry.field(description="BIN, 12 digits.")
    name: str = strawberry.field(description="Name.")
    phone: str = strawberry.field(description="Phone, E.164 or as published.")
    email: str = strawberry.field(description="Email.")
    website: str = strawberry.field(description="Website.")


@strawberry.type(description="A residential complex (kk ТК, ru ЖК).")
class ResidentialComplex:
    id: strawberry.ID = strawberry.field(description="Complex id.")
    name: str = strawberry.field(description="Name.")
    address: str = strawberry.field(description="Address.")
    website: str = strawberry.field(description="Website.")
    commissioning_date: dt.date | None = strawberry.field(description="Commissioning date (пайдалануға берілген күні).")


@strawberry.type(description="The premises a contract is about.")
class Premises:
    kind: PremisesKindType = strawberry.field(description="Flat, non-residential, parking…")  # type: ignore[valid-type]
    number: str = strawberry.field(description="Premises number.")


@strawberry.type(description="The local executive body's permit or the KZhK guarantee behind a contract.")
class ContractGuarantee:
    kind: GuaranteeKindType = strawberry.field(description="Permit or guarantee.")  # type: ignore[valid-type]
    number: str = strawberry.field(description="Its number.")
    date: dt.date | None = strawberry.field(description="Its date.")


@strawberry.type(name="Document", description="A file of a contract; links are personal and expire in minutes.")
class ContractDocument:
    id: strawberry.ID = strawberry.field(description="Document id.")
    kind: DocumentKindType = strawberry.field(description="DDU, registration extract, supplementary agreement, other.")  # type: ignore[valid-type]
    title: str = strawberry.field(description="Title shown to people.")
    size: float = strawberry.field(description="Size in bytes.")
    sha256: str = strawberry.field(description="SHA-256 of the content, hex.")
    content_type: str = strawberry.field(description="application/pdf, image/jpeg or image/png, from the content itself.")
    created_at: dt.datetime = strawberry.field(description="When it was added.")
    added_by: str = strawberry.field(
        description="Who added it: the person's name, the partner organization's name, or `source` for the source system."
    )
    view_url: str | None = strawberry.field(description="A link to view it in the page (PDF and images); for the viewer only.")
    download_url: str = strawberry.field(description="A link to download it; for the viewer only.")


@strawberry.type(description="One field that changed.")
class FieldChange:
    field: str = strawberry.field(description="Which field, e.g. `complex.commissioningDate`, `developer.phone`.")
    old: str | None = strawberry.field(description="The value before.")
    new: str | None = strawberry.field(description="The value after.")


@strawberry.type(description="The document an entry is about.")
class EventDocument:
    id: strawberry.ID = strawberry.field(description="Document id.")
    title: str = strawberry.field(description="Its title when it was added.")
    kind: DocumentKindType = strawberry.field(description="What it is.")  # type: ignore[valid-type]


@strawberry.type(description="An entry of a contract's history: what changed, from where, when.")
class ContractEvent:
    at: dt.datetime = strawberry.field(description="When.")
    action: str = strawberry.field(description="created, updated, refreshed, document_added.")
    source: str = strawberry.field(description="Where from: refresh (the source system), partner:<client>, holder, demo.")
    changes: list[FieldChange] = strawberry.field(description="Fields that changed; empty when nothing did.")
    document: EventDocument | None = strawberry.field(default=None, description="For document_added: which document.")


@strawberry.type(description="A share-participation contract (DDU, kk ҮҚШ) with everything the cabinet shows.")
class Contract:
    id: strawberry.ID = strawberry.field(description="Contract id.")
    number: str = strawberry.field(description="DDU number, e.g. Н-3-67/44-АФ.")
    signed_on: dt.date = strawberry.field(description="DDU date.")
    holder_iin_bin: str = strawberry.field(description="IIN/BIN of the equity holder.")
    holder_name: str = strawberry.field(description="Name of the equity holder.")
    version: int = strawberry.field(description="Grows by one with every change.")
    refreshed_at: dt.datetime | None = strawberry.field(description="When it was last pulled from its source system.")
    updated_at: dt.datetime = strawberry.field(description="When it last changed.")
    guarantee: ContractGuarantee | None = strawberry.field(description="Permit of the local executive body or KZhK guarantee.")
    complex_id: strawberry.Private[object]
    premises_id: strawberry.Private[object]
    developer_id: strawberry.Private[object]
    authorized_company_id: strawberry.Private[object]

    @strawberry.field(description="The residential complex.")
    async def complex(self, info: Info) -> ResidentialComplex | None:
        return await r.complex_of(info, self.complex_id)

    @strawberry.field(description="The premises.")
    async def premises(self, info: Info) -> Premises | None:
        return await r.premises_of(info, self.premises_id)

    @strawberry.field(description="The construction company (құрылыс салушы).")
    async def developer(self, info: Info) -> Organization | None:
        return await r.organization_of(info, self.developer_id)

    @strawberry.field(description="The authorized company (уәкілетті компания).")
    async def authorized_company(self, info: Info) -> Organization | None:
        return await r.organization_of(info, self.authorized_company_id)

    @strawberry.field(description="The DDU, the registration extract, supplementary agreements and other files.")
    async def documents(self, info: Info) -> list[ContractDocument]:
        return await r.documents_of(info, self.id)

    @strawberry.field(description="Every change, oldest first.")
    async def history(self, info: Info) -> list[ContractEvent]:
        return await r.history_of(info, self.id)


@strawberry.type(description="Result of pulling a contract from its source system.")
class ContractRefreshPayload:
    contract: Contract | None = strawberry.field(default=None, description="The contract after the refresh.")
    changed_fields: list[str] = strawberry.field(default_factory=list, description="Fields the refresh changed.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why nothing was pulled.")


@strawberry.type(description="Result of attaching an uploaded file to a contract.")
class DocumentAttachPayload:
    document: ContractDocument | None = strawberry.field(default=None, description="The new document.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="What to fix.")


@strawberry.input(description="Which contract to refresh.")
class ContractRefreshInput:
    contract_id: strawberry.ID = strawberry.field(description="The contract.")


@strawberry.input(description="A finished upload (see /uploads, tus) to attach to a contract.")
class DocumentAttachInput:
    contract_id: strawberry.ID = strawberry.field(description="The contract.")
    upload_id: str = strawberry.field(description="The tus upload id (last segment of its Location).")
    title: str = strawberry.field(description="Title shown to people, at most 300 characters.")
    kind: DocumentKindType = strawberry.field(default=DocumentKind.OTHER, description="What it is; holders add OTHER.")  # type: ignore[valid-type]


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
