"""Per-request DataLoaders: one SQL statement per relation per request, whatever the row count."""

from __future__ import annotations

import uuid
from collections import defaultdict
from functools import cached_property

from strawberry.dataloader import DataLoader

from backend.models.identity import Role, User, UserRole


async def _roles_by_user(keys: list[uuid.UUID]) -> list[list[Role]]:
    found: dict[uuid.UUID, list[Role]] = defaultdict(list)
    for user_id, role in await UserRole.filter(user_id__in=keys).order_by("role").values_list("user_id", "role"):
        found[uuid.UUID(str(user_id))].append(Role(role))
    return [found.get(k, []) for k in keys]


async def _users_by_id(keys: list[uuid.UUID]) -> list[User | None]:
    users = {u.id: u for u in await User.filter(id__in=keys)}
    return [users.get(k) for k in keys]


class Loaders:
    @cached_property
    def roles_by_user(self) -> DataLoader[uuid.UUID, list[Role]]:
        return DataLoader(_roles_by_user)

    @cached_property
    def user_by_id(self) -> DataLoader[uuid.UUID, User | None]:
        return DataLoader(_users_by_id)

    def forget_roles(self, user_id: uuid.UUID) -> None:
        # After a role change within the same request; DataLoader.clear raises on a cold key.
        if "roles_by_user" in self.__dict__:
            self.roles_by_user.cache_map.pop(user_id, None)
