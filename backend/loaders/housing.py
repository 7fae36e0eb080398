"""Per-request loaders of the housing domain (owned by that domain; see backend/loaders/__init__.py).

An account's header reads its premises, building and company: a list of twenty links costs the
same four statements as one (tests/api/housing/test_query_count.py)."""

from __future__ import annotations

import uuid
from functools import cached_property

from strawberry.dataloader import DataLoader

from backend.loaders.base import _by_id
from backend.models.housing import Building, HousingUnit, ManagementCompany, PersonalAccount


class HousingLoaders:
    @cached_property
    def account_by_id(self) -> DataLoader[uuid.UUID, PersonalAccount | None]:
        return _by_id(PersonalAccount)

    @cached_property
    def unit_by_id(self) -> DataLoader[uuid.UUID, HousingUnit | None]:
        return _by_id(HousingUnit, fields=("id", "building_id", "number", "area"))

    @cached_property
    def building_by_id(self) -> DataLoader[uuid.UUID, Building | None]:
        return _by_id(Building, fields=("id", "company_id", "city", "street", "house"))

    @cached_property
    def company_by_id(self) -> DataLoader[uuid.UUID, ManagementCompany | None]:
        return _by_id(ManagementCompany)
