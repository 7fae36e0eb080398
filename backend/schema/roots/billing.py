"""Root fields of the cabinet's money: receipts and the companies' charge imports."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.models.identity import Role
from backend.resolvers import billing as r
from backend.schema.billing import ChargeImport, ChargeImportConnection, ChargesImportInput, ChargesImportPayload, Receipt, ReceiptConnection
from backend.schema.common import INPUT
from backend.schema.permissions import Allow, AllowClient, AllowEither
from backend.services.partners import ApiScope

FIRST = strawberry.argument(description="Page size, at most 100 (default 20).")
AFTER = strawberry.argument(description="The endCursor of the previous page.")


@strawberry.type
class BillingQuery:
    @strawberry.field(extensions=[Allow()], description="An account's receipts the viewer may see, newest period first.")
    async def account_receipts(
        self, info: Info, account_id: Annotated[strawberry.ID, strawberry.argument(description="Personal account id.")],
        first: Annotated[int | None, FIRST] = None, after: Annotated[str | None, AFTER] = None,
    ) -> ReceiptConnection:
        return await r.account_receipts(info, account_id, first, after)

    @strawberry.field(extensions=[Allow()], description="One receipt the viewer may see, or null.")
    async def receipt(self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="Receipt id.")]) -> Receipt | None:
        return await r.receipt(info, id)

    @strawberry.field(
        extensions=[AllowEither(Allow(Role.UK_STAFF, Role.ADMIN), AllowClient(ApiScope.BILLING_WRITE))],
        description="Charge imports of the viewer's management company (staff) or the key's (partner), newest first.",
    )
    async def charge_imports(
        self, info: Info, first: Annotated[int | None, FIRST] = None, after: Annotated[str | None, AFTER] = None,
    ) -> ChargeImportConnection:
        return await r.charge_imports(info, first, after)

    @strawberry.field(
        extensions=[AllowEither(Allow(Role.UK_STAFF, Role.ADMIN), AllowClient(ApiScope.BILLING_WRITE))],
        description="One charge import of the viewer's company, or null.",
    )
    async def charge_import(self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="Import id.")]) -> ChargeImport | None:
        return await r.charge_import(info, id)


@strawberry.type
class BillingMutation:
    @strawberry.mutation(
        extensions=[AllowClient(ApiScope.BILLING_WRITE)],
        description="A month's charges from the company's billing (≤ 5000 lines): each valid account's receipt of the "
                    "month is written or replaced; line errors come in import.errors. Larger: POST /partner/billing/charges (CSV).",
    )
    async def partner_charges_import(self, info: Info, input: Annotated[ChargesImportInput, INPUT]) -> ChargesImportPayload:
        return await r.partner_charges_import(info, input)
