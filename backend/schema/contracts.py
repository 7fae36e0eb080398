"""The equity-holder cabinet: contracts, their complex, developer, documents and history (seed 000)."""

from __future__ import annotations

import datetime as dt
import uuid

import strawberry
from strawberry.types import Info
from strawberry.types.nodes import SelectedField

from backend.models.contracts import DocumentKind, GuaranteeKind, PremisesKind
from backend.schema.common import UserError
from backend.services.files import document_link

# Browsers show these in the page; anything else is only downloaded.
VIEWABLE_TYPES = ("application/pdf", "image/jpeg", "image/png")

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

    @classmethod
    def from_row(cls, row) -> Organization:
        return cls(id=str(row.id), bin=row.bin, name=row.name, phone=row.phone, email=row.email, website=row.website)


@strawberry.type(description="A residential complex (kk ТК, ru ЖК).")
class ResidentialComplex:
    id: strawberry.ID = strawberry.field(description="Complex id.")
    name: str = strawberry.field(description="Name.")
    address: str = strawberry.field(description="Address.")
    website: str = strawberry.field(description="Website.")
    commissioning_date: dt.date | None = strawberry.field(description="Commissioning date (пайдалануға берілген күні).")

    @classmethod
    def from_row(cls, row) -> ResidentialComplex:
        return cls(
            id=str(row.id), name=row.name, address=row.address, website=row.website, commissioning_date=row.commissioning_date
        )


@strawberry.type(description="The premises a contract is about.")
class Premises:
    kind: PremisesKindType = strawberry.field(description="Flat, non-residential, parking…")  # type: ignore[valid-type]
    number: str = strawberry.field(description="Premises number.")

    @classmethod
    def from_row(cls, row) -> Premises:
        return cls(kind=row.kind, number=row.number)


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
    # Who added it and the signed links are worked out only when asked for: a list of a holder's
    # contracts carries thousands of documents, and two HMAC links each were most of their cost.
    row: strawberry.Private[object]

    @strawberry.field(
        description="Who added it: the person's name, the partner organization's name, or `source` for the source system."
    )
    async def added_by(self, info: Info) -> str:
        return await _added_by(info, self.row)

    @strawberry.field(description="A link to view it in the page (PDF and images); for the viewer only.")
    def view_url(self, info: Info) -> str | None:
        # Links are signed for the viewer: whoever else gets them cannot open them.
        viewer = info.context.viewer
        if viewer is None or self.content_type not in VIEWABLE_TYPES:
            return None
        return document_link(info.context.rt.settings, self.row.id, viewer.user.id, inline=True)

    @strawberry.field(description="A link to download it; for the viewer only.")
    def download_url(self, info: Info) -> str:
        viewer = info.context.viewer
        return document_link(info.context.rt.settings, self.row.id, viewer.user.id, inline=False) if viewer else ""

    @classmethod
    def from_row_now(cls, row) -> ContractDocument:
        return cls(
            id=str(row.id),
            kind=row.kind,
            title=row.title,
            size=float(row.size),
            sha256=row.sha256,
            content_type=row.content_type,
            created_at=row.created_at,
            row=row,
        )

    @classmethod
    async def from_row(cls, info: Info, row) -> ContractDocument:
        return cls.from_row_now(row)


async def _added_by(info: Info, row) -> str:
    loaders = info.context.loaders
    if row.added_by_client_id is not None:
        return await loaders.organization_name_by_client.load(row.added_by_client_id) or "partner"
    if row.added_by_id is not None:
        user = await loaders.user_by_id.load(row.added_by_id)
        return user.full_name if user else ""
    return "source"


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

    @classmethod
    def from_data(cls, data: dict | None) -> EventDocument | None:
        if not data:
            return None
        return cls(id=data["id"], title=data.get("title", ""), kind=DocumentKind(data.get("kind", "other")))


@strawberry.type(description="An entry of a contract's history: what changed, from where, when.")
class ContractEvent:
    at: dt.datetime = strawberry.field(description="When.")
    action: str = strawberry.field(description="created, updated, refreshed, document_added.")
    source: str = strawberry.field(description="Where from: refresh (the source system), partner:<client>, holder, demo.")
    changes: list[FieldChange] = strawberry.field(description="Fields that changed; empty when nothing did.")
    document: EventDocument | None = strawberry.field(default=None, description="For document_added: which document.")

    @classmethod
    def from_row(cls, row) -> ContractEvent:
        data = row.data
        return cls(
            at=row.created_at,
            action=row.action,
            source=data.get("source", ""),
            changes=[
                FieldChange(field=k, old=_text(v.get("old")), new=_text(v.get("new")))
                for k, v in (data.get("changes") or {}).items()
            ],
            document=EventDocument.from_data(data.get("document")),
        )


def _text(value) -> str | None:
    return None if value is None else str(value)


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
    row_id: strawberry.Private[uuid.UUID]

    @classmethod
    def from_row(cls, row) -> Contract:
        guarantee = None
        if row.guarantee_kind is not None:
            guarantee = ContractGuarantee(kind=row.guarantee_kind, number=row.guarantee_number, date=row.guarantee_date)
        return cls(
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
            row_id=row.id if isinstance(row.id, uuid.UUID) else uuid.UUID(str(row.id)),
        )

    # The relations below answer synchronously when their loader already holds the value (the
    # list resolver primes the loaders of the relations a query selects, see `prime`): graphql-core
    # then builds each contract without a coroutine and a gather per field. Otherwise they return
    # the loader's awaitable, as an async resolver would.

    @strawberry.field(description="The residential complex.")
    def complex(self, info: Info) -> ResidentialComplex | None:
        if self.complex_id is None:
            return None
        return _one(info.context.loaders.complex_by_id, self.complex_id, ResidentialComplex.from_row)

    @strawberry.field(description="The premises.")
    def premises(self, info: Info) -> Premises | None:
        if self.premises_id is None:
            return None
        return _one(info.context.loaders.premises_by_id, self.premises_id, Premises.from_row)

    @strawberry.field(description="The construction company (құрылыс салушы).")
    def developer(self, info: Info) -> Organization | None:
        if self.developer_id is None:
            return None
        return _one(info.context.loaders.organization_by_id, self.developer_id, Organization.from_row)

    @strawberry.field(description="The authorized company (уәкілетті компания).")
    def authorized_company(self, info: Info) -> Organization | None:
        if self.authorized_company_id is None:
            return None
        return _one(info.context.loaders.organization_by_id, self.authorized_company_id, Organization.from_row)

    @strawberry.field(description="The DDU, the registration extract, supplementary agreements and other files.")
    def documents(self, info: Info) -> list[ContractDocument]:
        return _many(info.context.loaders.documents_by_contract, self.row_id, ContractDocument.from_row_now)

    @strawberry.field(description="Every change, oldest first.")
    def history(self, info: Info) -> list[ContractEvent]:
        return _many(info.context.loaders.contract_history, self.row_id, ContractEvent.from_row)


_MISSING = object()


def _known(loader, key):
    """The loader's value for `key` if it has one already (not a pending or failed load), else _MISSING."""
    future = loader.cache_map.get(key)
    if future is None or not future.done() or future.cancelled() or future.exception() is not None:
        return _MISSING
    return future.result()


def _one(loader, key, build):
    row = _known(loader, key)
    if row is _MISSING:
        return _one_later(loader.load(key), build)
    return build(row) if row else None


async def _one_later(pending, build):
    row = await pending
    return build(row) if row else None


def _many(loader, key, build):
    rows = _known(loader, key)
    if rows is _MISSING:
        return _many_later(loader.load(key), build)
    return [build(row) for row in rows]


async def _many_later(pending, build):
    return [build(row) for row in await pending]


# Contract fields read through a loader: the loader and the keys its field reads by.
_PRIMED = {
    "complex": lambda loaders, rows: (loaders.complex_by_id, {r.complex_id for r in rows} - {None}),
    "premises": lambda loaders, rows: (loaders.premises_by_id, {r.premises_id for r in rows} - {None}),
    "developer": lambda loaders, rows: (loaders.organization_by_id, {r.developer_id for r in rows} - {None}),
    "authorizedCompany": lambda loaders, rows: (loaders.organization_by_id, {r.authorized_company_id for r in rows} - {None}),
    "documents": lambda loaders, rows: (loaders.documents_by_contract, {r.id for r in rows}),
    "history": lambda loaders, rows: (loaders.contract_history, {r.id for r in rows}),
}


def _selected_names(selections, names: set[str]) -> None:
    # A field under @include/@skip may not run: it is left to load on demand (no statement it
    # would not have cost); fragments are looked into.
    for selection in selections:
        if selection.directives:
            continue
        if isinstance(selection, SelectedField):
            names.add(selection.name)
        else:
            _selected_names(selection.selections, names)


async def prime(info: Info, rows) -> None:
    """Loads, in the same statements the relation fields would cost, what the selected relations
    of these contracts need, so that those fields answer without awaiting. A load that fails is
    left for its fields to raise, as they would have."""
    if not rows:
        return
    names: set[str] = set()
    for field in info.selected_fields:
        _selected_names(field.selections, names)
    # Every key is queued before the first await, so each loader sends one batch; once it has
    # answered, awaiting its other futures does not suspend (cheaper than gathering thousands).
    pending = []
    for name, wanted in _PRIMED.items():
        if name in names:
            loader, keys = wanted(info.context.loaders, rows)
            pending.extend(loader.load(key) for key in keys)
    for future in pending:
        try:
            await future
        except Exception:  # noqa: BLE001 - raised again by the fields that read it
            pass


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
