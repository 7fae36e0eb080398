"""Administration of accounts: finding them and granting roles."""

from __future__ import annotations

import uuid

from tortoise.expressions import Q

from backend.models.identity import Role, User, UserRole
from backend.services import history
from backend.errors import DomainError
from backend.services.request_info import RequestInfo
from backend.services.tx import atomic

MAX_SEARCH = 100


def search_users(text: str | None):
    query = User.all()
    if text:
        text = text.strip()[:MAX_SEARCH]
        query = query.filter(
            Q(full_name__icontains=text) | Q(email__icontains=text) | Q(iin_bin__startswith=text) | Q(phone__contains=text)
        )
    return query


async def set_roles(user_id: uuid.UUID, roles: set[Role], req: RequestInfo) -> User:
    user = await User.get_or_none(id=user_id)
    if user is None:
        raise DomainError("NOT_FOUND", field="userId")
    if user.id == req.user_id and Role.ADMIN not in roles:
        # An admin cannot lock the last door behind themselves.
        raise DomainError("CANNOT_REMOVE_OWN_ADMIN", field="roles")
    async with atomic():
        current = set(Role(r) for r in await UserRole.filter(user=user).values_list("role", flat=True))
        for role in current - roles:
            await UserRole.filter(user=user, role=role).delete()
        for role in roles - current:
            await UserRole.create(user=user, role=role)
        if current != roles:
            await history.record(
                "user", user.id, "roles_changed", actor_id=req.user_id, ip=req.ip,
                old=sorted(r.value for r in current), new=sorted(r.value for r in roles),
            )
    return user
