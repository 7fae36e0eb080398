"""Recording the append-only history of state changes."""

from __future__ import annotations

import uuid
from typing import Any

from backend.models.history import HistoryEvent


async def record(
    entity: str,
    entity_id: uuid.UUID | str,
    action: str,
    actor_id: uuid.UUID | None = None,
    ip: str = "",
    **data: Any,
) -> HistoryEvent:
    return await HistoryEvent.create(
        entity=entity, entity_id=str(entity_id), action=action, actor_id=actor_id, ip=ip, data=data
    )


async def events_for(entity: str, entity_id: uuid.UUID | str) -> list[HistoryEvent]:
    return await HistoryEvent.filter(entity=entity, entity_id=str(entity_id)).order_by("created_at", "id")
