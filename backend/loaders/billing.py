"""Per-request loaders of the billing domain (owned by that domain; see backend/loaders/__init__.py).

A page of receipts with their lines costs the same statements for one receipt or a hundred
(tests/api/billing/test_query_count.py)."""

from __future__ import annotations

import uuid
from functools import cached_property

from strawberry.dataloader import DataLoader

from backend.loaders.base import _by_id, _grouped
from backend.models.billing import ReceiptLine
from backend.models.organizations import Organization

LINE_FIELDS = ("id", "receipt_id", "position", "section", "service", "unit", "volume", "tariff", "charged",
               "recalculation", "benefits", "debt_advance", "total")


class BillingLoaders:
    @cached_property
    def lines_by_receipt(self) -> DataLoader[uuid.UUID, list[ReceiptLine]]:
        return _grouped(ReceiptLine, "receipt_id", "position", fields=LINE_FIELDS)

    @cached_property
    def organization_by_id(self) -> DataLoader[uuid.UUID, Organization | None]:
        # The recipient's BIN is its organization's.
        return _by_id(Organization, fields=("id", "bin", "name"))
