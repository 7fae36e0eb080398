"""The partner API: keys for partner systems (admin) and what those systems write (seed 000 data)."""

from __future__ import annotations

import datetime as dt

import strawberry

from backend.schema.common import UserError
from backend.schema.contracts import (
    Contract,
    DocumentKindType,
    GuaranteeKindType,
    Organization,
    PremisesKindType,
    ResidentialComplex,
)
from backend.services.partners import ApiScope

ApiScopeType = strawberry.enum(
    ApiScope, name="ApiScope",
    description="What a partner key may do. CONTRACTS_WRITE_ANY is for the housing company's own systems.",
)


@strawberry.type(name="ApiClient", description="A partner system with an API key, acting for one organization.")
class ApiClientType:
    id: strawberry.ID = strawberry.field(description="Client id.")
    name: str = strawberry.field(description="Name, e.g. the CRM it is.")
    key_prefix: str = strawberry.field(description="The visible part of its key (shq_<prefix>_…), to tell keys apart.")
    organization: Organization = strawberry.field(description="The organization it acts for.")
    scopes: list[ApiScopeType] = strawberry.field(description="What it may do.")  # type: ignore[valid-type]
    rate_limit_per_minute: int = strawberry.field(description="Requests per minute before 429.")
    is_active: bool = strawberry.field(description="False once revoked.")
    created_at: dt.datetime = strawberry.field(description="When it was created.")
    last_used_at: dt.datetime | None = strawberry.field(description="Last request, to the minute.")

    @classmethod
    def from_row(cls, row) -> ApiClientType:
        """`row.organization` must be fetched already: a client is never shown without it."""
        return cls(
            id=str(row.id),
            name=row.name,
            key_prefix=row.key_prefix,
            organization=Organization.from_row(row.organization),
            # A scope retired from the enum stays in old rows; it is simply not shown.
            scopes=[ApiScope(v) for v in row.scopes if v in ApiScope._value2member_map_],
            rate_limit_per_minute=row.rate_limit_per_minute,
            is_active=row.is_active,
            created_at=row.created_at,
            last_used_at=row.last_used_at,
        )


@strawberry.type(description="A new API client and its key — shown this once, stored only as a hash.")
class ApiClientCreatePayload:
    client: ApiClientType | None = strawberry.field(default=None, description="The client.")
    api_key: str | None = strawberry.field(default=None, description="Send as the X-Api-Key header. Not shown again.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="What to fix.")


@strawberry.type(description="Result of revoking a client.")
class ApiClientRevokePayload:
    client: ApiClientType | None = strawberry.field(default=None, description="The revoked client.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="What to fix.")


@strawberry.input(description="A new partner system.")
class ApiClientCreateInput:
    name: str = strawberry.field(description="Name, at most 200 characters.")
    organization_bin: str = strawberry.field(description="BIN of the organization it acts for.")
    organization_name: str | None = strawberry.field(default=None, description="Needed when the organization is new.")
    scopes: list[ApiScopeType] = strawberry.field(description="What it may do.")  # type: ignore[valid-type]
    rate_limit_per_minute: int | None = strawberry.field(default=None, description="Default 600.")


@strawberry.input(description="Which client to revoke; its key stops working at once.")
class ApiClientRevokeInput:
    client_id: strawberry.ID = strawberry.field(description="The client.")


@strawberry.input(description="A company as the partner's system knows it.")
class OrganizationInput:
    bin: str = strawberry.field(description="BIN.")
    name: str = strawberry.field(description="Name.")
    phone: str = strawberry.field(default="", description="Phone.")
    email: str = strawberry.field(default="", description="Email.")
    website: str = strawberry.field(default="", description="Website.")


@strawberry.input(description="A residential complex as the partner's system knows it.")
class ComplexInput:
    external_id: str | None = strawberry.field(default=None, description="The partner's own id of the complex.")
    name: str = strawberry.field(description="Name.")
    address: str | None = strawberry.field(default=None, description="Address; omitted keeps the stored one.")
    website: str | None = strawberry.field(default=None, description="Website; omitted keeps the stored one.")
    commissioning_date: dt.date | None = strawberry.field(default=None, description="Commissioning date; omitted keeps the stored one.")


@strawberry.input(description="The premises of a contract.")
class PremisesInput:
    kind: PremisesKindType = strawberry.field(description="Flat, non-residential, parking…")  # type: ignore[valid-type]
    number: str = strawberry.field(description="Number.")


@strawberry.input(description="The permit of the local executive body or the KZhK guarantee.")
class GuaranteeInput:
    kind: GuaranteeKindType = strawberry.field(description="Permit or guarantee.")  # type: ignore[valid-type]
    number: str = strawberry.field(description="Number.")
    date: dt.date | None = strawberry.field(default=None, description="Date.")


@strawberry.input(description="A share-participation contract, matched by the partner's `externalId`.")
class ContractUpsertInput:
    external_id: str = strawberry.field(description="The partner's own id of the contract; at most 100 characters.")
    number: str = strawberry.field(description="DDU number.")
    signed_on: dt.date = strawberry.field(description="DDU date.")
    holder_iin_bin: str = strawberry.field(description="IIN/BIN of the equity holder.")
    holder_name: str = strawberry.field(default="", description="Name of the equity holder.")
    complex: ComplexInput | None = strawberry.field(default=None, description="The residential complex.")
    premises: PremisesInput | None = strawberry.field(default=None, description="The premises.")
    developer: OrganizationInput | None = strawberry.field(default=None, description="The construction company.")
    authorized_company: OrganizationInput | None = strawberry.field(default=None, description="The authorized company.")
    guarantee: GuaranteeInput | None = strawberry.field(default=None, description="Permit or guarantee.")
    idempotency_key: str | None = strawberry.field(
        default=None, description="Optional: a retry with the same key returns the first answer and changes nothing."
    )


@strawberry.input(description="Up to 500 contracts at once.")
class ContractBatchUpsertInput:
    idempotency_key: str = strawberry.field(description="Unique per batch; a retry with the same key changes nothing twice.")
    items: list[ContractUpsertInput] = strawberry.field(description="At most 500 contracts; each succeeds or fails on its own.")


@strawberry.input(description="A residential complex, matched by the partner's `externalId`.")
class ComplexUpsertInput:
    external_id: str = strawberry.field(description="The partner's own id of the complex.")
    name: str = strawberry.field(description="Name.")
    address: str = strawberry.field(default="", description="Address.")
    website: str = strawberry.field(default="", description="Website.")
    commissioning_date: dt.date | None = strawberry.field(default=None, description="Commissioning date.")


@strawberry.input(description="A finished upload (tus, with the API key) to attach to one of the partner's contracts.")
class PartnerDocumentAttachInput:
    contract_external_id: str = strawberry.field(description="The partner's id of the contract.")
    upload_id: str = strawberry.field(description="The tus upload id.")
    kind: DocumentKindType = strawberry.field(description="DDU, registration extract, supplementary agreement, other.")  # type: ignore[valid-type]
    title: str = strawberry.field(description="Title shown to the holder.")
    external_id: str | None = strawberry.field(default=None, description="The partner's own id of the document.")


@strawberry.type(description="Result of upserting one contract.")
class ContractUpsertPayload:
    contract: Contract | None = strawberry.field(default=None, description="The contract as stored.")
    created: bool = strawberry.field(default=False, description="It was new.")
    changed_fields: list[str] = strawberry.field(default_factory=list, description="Fields changed by this call.")
    replayed: bool = strawberry.field(default=False, description="The answer of an earlier call with this idempotency key.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="What to fix; nothing was written.")


@strawberry.type(description="The outcome of one item of a batch.")
class ContractBatchResult:
    index: int = strawberry.field(description="Position in `items`.")
    external_id: str | None = strawberry.field(description="The item's externalId.")
    contract: Contract | None = strawberry.field(description="The contract as stored, when the item succeeded.")
    created: bool = strawberry.field(description="It was new.")
    changed_fields: list[str] = strawberry.field(description="Fields this item changed.")
    errors: list[UserError] = strawberry.field(description="Why this item failed.")


@strawberry.type(description="Result of a batch upsert.")
class ContractBatchPayload:
    results: list[ContractBatchResult] = strawberry.field(default_factory=list, description="One per item, in order.")
    created_count: int = strawberry.field(default=0, description="Items that created a contract.")
    updated_count: int = strawberry.field(default=0, description="Items that changed a contract.")
    unchanged_count: int = strawberry.field(default=0, description="Items that matched what was stored.")
    failed_count: int = strawberry.field(default=0, description="Items with errors.")
    replayed: bool = strawberry.field(default=False, description="The stored answer of an earlier call with this key.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why the whole batch was refused.")


@strawberry.type(description="Result of upserting a complex.")
class ComplexUpsertPayload:
    complex: ResidentialComplex | None = strawberry.field(default=None, description="The complex as stored.")
    created: bool = strawberry.field(default=False, description="It was new.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="What to fix.")
