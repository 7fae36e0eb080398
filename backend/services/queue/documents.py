"""The `queue.documents` job: the papers an application's state calls for and does not have yet —
the preliminary notice of its open hearing, the certificates of its decision. Planned by every
decision (outcomes.plan_documents) and run right after it commits; after a crash the scheduler
runs it again, and it issues nothing twice."""

from __future__ import annotations

import datetime as dt

from backend import clock
from backend.models.queue import QueueApplication, QueueFile, QueueFileKind, QueueStatus
from backend.runtime import Runtime
from backend.services import scheduler
from backend.services.queue import certificate, hearing
from backend.services.queue.outcomes import DOCUMENTS_JOB


async def issue_due(rt: Runtime, application_id: object) -> list[QueueFile]:
    app = await QueueApplication.get_or_none(id=application_id)
    if app is None:
        return []
    status = QueueStatus(app.status)
    if status is QueueStatus.HEARING:
        open_hearing = await hearing.latest(app)
        if open_hearing is None or await QueueFile.filter(
                hearing_id=open_hearing.id, kind=QueueFileKind.PRELIMINARY_NOTICE).exists():
            return []
        return [await hearing.issue_notice(rt, app, open_hearing)]
    if status in (QueueStatus.REGISTERED, QueueStatus.REFUSED) and not await certificate.has_current_certificate(app):
        return await certificate.issue(rt, app, clock.now().astimezone(dt.timezone.utc))
    return []


@scheduler.handler(DOCUMENTS_JOB)
async def documents_job(rt: Runtime, ref: str) -> None:
    # A decision taken while this run made the previous state's papers re-plans this same job, which
    # the end of this run then marks done: look again until the state asks for nothing more.
    for _ in range(3):
        if not await issue_due(rt, ref):
            return
