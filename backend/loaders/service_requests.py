"""Per-request loaders of the service requests domain (owned by that domain; see backend/loaders/__init__.py).

A list of requests with their type, photos and history costs the same statements for one request
or a hundred (tests/api/service_requests/test_query_count.py); the account and the people come
through the housing loaders and `user_by_id`."""

from __future__ import annotations

import uuid
from collections import defaultdict
from functools import cached_property

from strawberry.dataloader import DataLoader

from backend.loaders.base import _by_id, _grouped
from backend.models.history import HistoryEvent
from backend.models.housing import CompanyStaff
from backend.models.service_requests import RequestType, ServiceRequestPhoto


class ServiceRequestLoaders:
    @cached_property
    def type_by_id(self) -> DataLoader[uuid.UUID, RequestType | None]:
        return _by_id(RequestType)

    @cached_property
    def photos_by_request(self) -> DataLoader[uuid.UUID, list[ServiceRequestPhoto]]:
        return _grouped(ServiceRequestPhoto, "request_id", "created_at", "id", fields=(
            "id", "request_id", "title", "content_type", "size", "created_at"))

    @cached_property
    def history_by_request(self) -> DataLoader[uuid.UUID, list[HistoryEvent]]:
        # History rows name their entity by a string id.
        return _grouped(HistoryEvent, "entity_id", "created_at", "id", key=str, entity="service_request")

    @cached_property
    def companies_of_staff(self) -> DataLoader[uuid.UUID, frozenset[uuid.UUID]]:
        """The companies a user works for (who may see an author's phone)."""

        async def load(keys: list) -> list:
            found: dict = defaultdict(set)
            for user_id, company_id in await CompanyStaff.filter(user_id__in=keys).values_list("user_id", "company_id"):
                found[user_id].add(company_id)
            return [frozenset(found.get(k, ())) for k in keys]

        return DataLoader(load)
