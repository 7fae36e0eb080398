"""The steps every decision on a queue application shares: a status change that only one decider
can win, registration with a queue number, and the papers and messages that follow.

Call them inside the deciding `atomic()`. A status changes by a conditional UPDATE from the status
the decider saw, so the job, an officer and a retry racing for one application cannot both act:
the loser gets WRONG_STATUS and its transaction rolls back."""

from __future__ import annotations

import datetime as dt
import uuid

from backend import clock
from backend.errors import DomainError
from backend.models.queue import QueueApplication, QueueEntry, QueueStatus
from backend.runtime import Runtime
from backend.services import history, scheduler
from backend.services.queue import events, register

ENTITY = "queue_application"
DOCUMENTS_JOB = "queue.documents"


async def move(app: QueueApplication, expected: QueueStatus, to: QueueStatus, actor_id: uuid.UUID | None,
               action: str, *, final: bool = False, **data) -> None:
    """`expected` -> `to`, recorded as `action`; `final` marks the decision (decidedAt/decidedBy)."""
    now = clock.now().astimezone(dt.timezone.utc)
    updates: dict = {"status": to, "status_changed_at": now}
    if final:
        updates.update(decided_at=now, decided_by_id=actor_id)
    taken = await QueueApplication.filter(id=app.id, status=expected).update(**updates)
    if not taken:
        raise DomainError("WRONG_STATUS", field="applicationId")
    for name, value in updates.items():
        setattr(app, name, value)
    await history.record(ENTITY, app.id, action, actor_id, **{"from": expected.value, "to": to.value}, **data)


async def plan_documents(rt: Runtime, app: QueueApplication) -> None:
    """The papers of the new state (notice, certificates) are made right after commit."""
    job = await scheduler.schedule(DOCUMENTS_JOB, str(app.id), clock.now())
    scheduler.run_after_commit(rt, job)


async def register_application(rt: Runtime, app: QueueApplication, expected: QueueStatus,
                               actor_id: uuid.UUID | None, action: str, **data) -> QueueEntry:
    """On the register with the next number of its list; the certificate and the messages follow."""
    await move(app, expected, QueueStatus.REGISTERED, actor_id, action, final=True, **data)
    entry = await register.register(app, actor_id=actor_id)
    await plan_documents(rt, app)
    await events.changed(rt, app, decision=True)
    return entry


async def refuse(rt: Runtime, app: QueueApplication, expected: QueueStatus, actor_id: uuid.UUID | None,
                 action: str, **data) -> None:
    await move(app, expected, QueueStatus.REFUSED, actor_id, action, final=True, **data)
    await plan_documents(rt, app)
    await events.changed(rt, app, decision=True)
