"""Filing an application to the housing queue (order No. 130, Appendix 2; SPEC §5.1)."""

from __future__ import annotations

import dataclasses

from tortoise.queryset import QuerySet

from backend.models.queue import QueueApplication
from backend.services.queue.access import Scope, get_application, visible_applications


def mine(scope: Scope) -> QuerySet[QueueApplication]:
    """"My applications": those the viewer filed and those filed for them, even for an officer."""
    return visible_applications(dataclasses.replace(scope, office=False))


async def get(scope: Scope, application_id: object) -> QueueApplication:
    return await get_application(scope, application_id, field="id")
