"""Per-request DataLoaders: one SQL statement per relation per request, whatever the row count."""

from __future__ import annotations

import uuid
from collections import defaultdict
from functools import cached_property

from strawberry.dataloader import DataLoader

from backend.loaders.base import _by_id, _grouped
from backend.models.applications import ApplicationDocument, ApplicationFile, ApplicationSignature
from backend.models.contracts import Contract, Document, Premises, ResidentialComplex
from backend.models.history import HistoryEvent
from backend.models.identity import Role, User, UserRole
from backend.models.organizations import Organization
from backend.models.partners import ApiClient
from backend.models.queue import QueueApplication as QueueApplicationRow, QueueComplaint
from backend.models.queue import QueueEntry
from backend.models.queue import QueueFile, QueueHearing


async def _roles_by_user(keys: list[uuid.UUID]) -> list[list[Role]]:
    found: dict[uuid.UUID, list[Role]] = defaultdict(list)
    for user_id, role in await UserRole.filter(user_id__in=keys).order_by("role").values_list("user_id", "role"):
        found[uuid.UUID(str(user_id))].append(Role(role))
    return [found.get(k, []) for k in keys]


class Loaders:
    @cached_property
    def roles_by_user(self) -> DataLoader[uuid.UUID, list[Role]]:
        return DataLoader(_roles_by_user)

    @cached_property
    def user_by_id(self) -> DataLoader[uuid.UUID, User | None]:
        return _by_id(User)

    # Contracts: "my contracts with documents" costs the same statements for one contract or a hundred.

    @cached_property
    def complex_by_id(self) -> DataLoader[uuid.UUID, ResidentialComplex | None]:
        # Here and for premises and documents: rows of the columns schema/contracts.py reads, not instances.
        return _by_id(ResidentialComplex, fields=("id", "name", "address", "website", "commissioning_date"))

    @cached_property
    def premises_by_id(self) -> DataLoader[uuid.UUID, Premises | None]:
        return _by_id(Premises, fields=("id", "kind", "number"))

    @cached_property
    def organization_by_id(self) -> DataLoader[uuid.UUID, Organization | None]:
        return _by_id(Organization)

    @cached_property
    def documents_by_contract(self) -> DataLoader[uuid.UUID, list[Document]]:
        return _grouped(Document, "contract_id", "created_at", "id", fields=(
            "id", "contract_id", "kind", "title", "size", "sha256", "content_type", "created_at",
            "added_by_id", "added_by_client_id",
        ))

    @cached_property
    def contract_history(self) -> DataLoader[uuid.UUID, list[HistoryEvent]]:
        # History rows name their entity by a string id.
        return _grouped(HistoryEvent, "entity_id", "created_at", "id", key=str, entity="contract")

    @cached_property
    def organization_name_by_client(self) -> DataLoader[uuid.UUID, str | None]:
        async def load(keys: list) -> list:
            rows = dict(await ApiClient.filter(id__in=keys).values_list("id", "organization__name"))
            return [rows.get(k) for k in keys]

        return DataLoader(load)

    # Applications: a list of them with their contract, documents, files, signatures and history
    # costs the same statements for one application or a hundred.

    @cached_property
    def contract_by_id(self) -> DataLoader[uuid.UUID, Contract | None]:
        return _by_id(Contract)

    @cached_property
    def organization_by_bin(self) -> DataLoader[str, Organization | None]:
        async def load(keys: list) -> list:
            rows = {row.bin: row for row in await Organization.filter(bin__in=keys)}
            return [rows.get(k) for k in keys]

        return DataLoader(load)

    @cached_property
    def documents_by_application(self) -> DataLoader[uuid.UUID, list[ApplicationDocument]]:
        return _grouped(ApplicationDocument, "application_id", "created_at", "id")

    @cached_property
    def files_by_application(self) -> DataLoader[uuid.UUID, list[ApplicationFile]]:
        return _grouped(ApplicationFile, "application_id", "created_at", "id")

    @cached_property
    def signatures_by_application(self) -> DataLoader[uuid.UUID, list[ApplicationSignature]]:
        return _grouped(ApplicationSignature, "application_id", "signed_at", "id")

    @cached_property
    def application_history(self) -> DataLoader[uuid.UUID, list[HistoryEvent]]:
        return _grouped(HistoryEvent, "entity_id", "created_at", "id", key=str, entity="application")

    # --- queue: filing

    @cached_property
    def queue_application_history(self) -> DataLoader[uuid.UUID, list[HistoryEvent]]:
        return _grouped(HistoryEvent, "entity_id", "created_at", "id", key=str, entity="queue_application")

    @cached_property
    def queue_latest_hearing(self) -> DataLoader[uuid.UUID, QueueHearing | None]:
        """The application's latest hearing (a new preliminary decision opens a new one)."""

        async def load(keys: list) -> list:
            latest: dict = {}
            for row in await QueueHearing.filter(application_id__in=keys).order_by("created_at", "id"):
                latest[row.application_id] = row
            return [latest.get(k) for k in keys]

        return DataLoader(load)

    # --- queue: decisions

    @cached_property
    def queue_files_by_application(self) -> DataLoader[uuid.UUID, list[QueueFile]]:
        return _grouped(QueueFile, "application_id", "created_at", "id")

    @cached_property
    def queue_files_by_hearing(self) -> DataLoader[uuid.UUID, list[QueueFile]]:
        return _grouped(QueueFile, "hearing_id", "created_at", "id")

    # --- queue: register

    @cached_property
    def queue_entry_by_application(self) -> DataLoader[uuid.UUID, QueueEntry | None]:
        async def load(keys: list) -> list:
            rows = {row.application_id: row for row in await QueueEntry.filter(application_id__in=keys)}
            return [rows.get(k) for k in keys]

        return DataLoader(load)

    # --- queue: complaints

    @cached_property
    def queue_complaints_by_application(self) -> DataLoader[uuid.UUID, list[QueueComplaint]]:
        return _grouped(QueueComplaint, "application_id", "created_at", "id")

    @cached_property
    def queue_files_by_complaint(self) -> DataLoader[uuid.UUID, list[QueueFile]]:
        return _grouped(QueueFile, "complaint_id", "created_at", "id")

    @cached_property
    def queue_application_number_by_id(self) -> DataLoader[uuid.UUID, str | None]:
        async def load(keys: list) -> list:
            rows = dict(await QueueApplicationRow.filter(id__in=keys).values_list("id", "number"))
            return [rows.get(k) for k in keys]

        return DataLoader(load)

    # --- the resident cabinet: one loader class per domain, each in its own module

    @cached_property
    def housing(self):
        from backend.loaders.housing import HousingLoaders

        return HousingLoaders()

    @cached_property
    def billing(self):
        from backend.loaders.billing import BillingLoaders

        return BillingLoaders()

    @cached_property
    def service_requests(self):
        from backend.loaders.service_requests import ServiceRequestLoaders

        return ServiceRequestLoaders()

    @cached_property
    def meters(self):
        from backend.loaders.meters import MeterLoaders

        return MeterLoaders()

    @cached_property
    def meetings(self):
        from backend.loaders.meetings import MeetingLoaders

        return MeetingLoaders()

    def forget_roles(self, user_id: uuid.UUID) -> None:
        # After a role change within the same request; DataLoader.clear raises on a cold key.
        if "roles_by_user" in self.__dict__:
            self.roles_by_user.cache_map.pop(user_id, None)
