"""Deferred work that survives a restart: jobs are rows, a loop inside the app runs the due ones.

A job is claimed by moving its `locked_until` forward in one conditional UPDATE, which works the
same on SQLite and PostgreSQL and lets several workers share the table: a worker that dies holding
a job only delays it by the lease. Handlers must be idempotent (a job may run again after a crash
between its work and its DONE mark), which the queue's handlers are by checking the state first.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib
import logging
from collections.abc import Awaitable, Callable

from tortoise.expressions import Q

from backend import clock
from backend.models.jobs import JobStatus, ScheduledJob
from backend.runtime import Runtime
from backend.services.tx import on_commit

log = logging.getLogger(__name__)

Handler = Callable[[Runtime, str], Awaitable[None]]
_handlers: dict[str, Handler] = {}

# Modules whose import registers handlers; read lazily so that the scheduler imports no domain.
HANDLER_MODULES = ("backend.services.queue.jobs", "backend.services.payments.jobs", "backend.services.meetings.manage")
LEASE = dt.timedelta(minutes=5)
MAX_ATTEMPTS = 8


def handler(kind: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        _handlers[kind] = fn
        return fn

    return register


def _load_handlers() -> None:
    for name in HANDLER_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise


async def schedule(kind: str, ref: str, run_at: dt.datetime) -> ScheduledJob:
    """Plans `kind` for `ref` at `run_at`; planning the same work again moves it, never doubles it."""
    # SQLite compares the stored text: `update()` would keep a +05:00 offset that `create()` turns
    # into UTC, so every moment is made UTC here.
    run_at = run_at.astimezone(dt.timezone.utc)
    job = await ScheduledJob.get_or_none(kind=kind, ref=ref)
    if job is None:
        return await ScheduledJob.create(kind=kind, ref=ref, run_at=run_at)
    await ScheduledJob.filter(id=job.id).update(run_at=run_at, status=JobStatus.PENDING, attempts=0, last_error="")
    return await ScheduledJob.get(id=job.id)


def run_after_commit(rt: Runtime, job: ScheduledJob) -> None:
    """Work that is due at once runs right after the transaction that planned it commits; if the
    process dies first, the loop finds the job due and runs it."""
    job_id = job.id

    async def run() -> None:
        await run_job(rt, job_id)

    on_commit(run)


async def _claim(job_id, now: dt.datetime) -> ScheduledJob | None:
    taken = await ScheduledJob.filter(
        Q(locked_until__isnull=True) | Q(locked_until__lt=now), id=job_id, status=JobStatus.PENDING, run_at__lte=now
    ).update(locked_until=now + LEASE)
    return await ScheduledJob.get(id=job_id) if taken else None


async def run_job(rt: Runtime, job_id) -> bool:
    """Runs one job if it is due and nobody else holds it; True when it ran to the end."""
    _load_handlers()
    now = clock.now()
    job = await _claim(job_id, now)
    if job is None:
        return False
    fn = _handlers.get(job.kind)
    attempts = job.attempts + 1
    try:
        if fn is None:
            raise LookupError(f"no handler for job kind {job.kind!r}")
        await fn(rt, job.ref)
    except Exception as exc:  # noqa: BLE001 - one failing job must not stop the others
        log.exception("job %s %s failed", job.kind, job.ref)
        failed = attempts >= MAX_ATTEMPTS
        await ScheduledJob.filter(id=job.id).update(
            attempts=attempts,
            last_error=f"{type(exc).__name__}: {exc}"[:2000],
            locked_until=None,
            status=JobStatus.FAILED if failed else JobStatus.PENDING,
            run_at=now + dt.timedelta(seconds=min(3600, 30 * 2**attempts)),
        )
        return False
    await ScheduledJob.filter(id=job.id).update(
        attempts=attempts, status=JobStatus.DONE, done_at=clock.now(), locked_until=None
    )
    return True


async def run_due(rt: Runtime, limit: int = 100) -> int:
    """Runs the jobs due now, oldest first; returns how many ran to the end."""
    now = clock.now()
    due = await ScheduledJob.filter(
        Q(locked_until__isnull=True) | Q(locked_until__lt=now), status=JobStatus.PENDING, run_at__lte=now
    ).order_by("run_at").limit(limit).values_list("id", flat=True)
    done = 0
    for job_id in due:
        done += await run_job(rt, job_id)
    return done


async def loop(rt: Runtime, interval_seconds: float) -> None:
    while True:
        try:
            await run_due(rt)
        except Exception:  # noqa: BLE001 - a database hiccup must not end the loop for good
            log.exception("scheduler pass failed")
        await asyncio.sleep(interval_seconds)
