"""Deferred jobs: planned in the database, run when due, retried after a failure, and found again
by a scheduler that starts after a restart."""

from __future__ import annotations

import datetime as dt

from backend import clock
from backend.calendar import ALMATY
from backend.models.jobs import JobStatus, ScheduledJob
from backend.services import scheduler
from backend.services.tx import atomic

RAN: list[str] = []


@scheduler.handler("test.record")
async def _record(rt, ref: str) -> None:
    RAN.append(ref)


@scheduler.handler("test.fail")
async def _fail(rt, ref: str) -> None:
    raise RuntimeError("registry timeout")


MONDAY_9 = dt.datetime(2026, 12, 7, 9, 0, tzinfo=ALMATY)


async def test_a_job_runs_only_when_due_and_only_once(rt):
    # given a job for Monday 09:00, planned on Saturday
    RAN.clear()
    with clock.at(MONDAY_9 - dt.timedelta(days=2)):
        await scheduler.schedule("test.record", "a", MONDAY_9)
        # when the loop looks on Saturday
        assert await scheduler.run_due(rt) == 0
    # then nothing ran; on Monday it runs once, and a second pass finds nothing
    with clock.at(MONDAY_9 + dt.timedelta(minutes=1)):
        assert await scheduler.run_due(rt) == 1
        assert await scheduler.run_due(rt) == 0
    assert RAN == ["a"]
    job = await ScheduledJob.get(kind="test.record", ref="a")
    assert job.status == JobStatus.DONE and job.attempts == 1


async def test_planning_the_same_work_again_moves_it_instead_of_doubling(rt):
    await scheduler.schedule("test.record", "b", MONDAY_9)
    await scheduler.schedule("test.record", "b", MONDAY_9 + dt.timedelta(days=1))
    jobs = await ScheduledJob.filter(kind="test.record", ref="b")
    assert len(jobs) == 1 and jobs[0].run_at == MONDAY_9 + dt.timedelta(days=1)


async def test_a_failing_job_is_retried_later_and_keeps_its_error(rt):
    with clock.at(MONDAY_9):
        await scheduler.schedule("test.fail", "c", MONDAY_9)
        assert await scheduler.run_due(rt) == 0
    job = await ScheduledJob.get(kind="test.fail", ref="c")
    assert job.status == JobStatus.PENDING and job.attempts == 1
    assert "registry timeout" in job.last_error and job.run_at > MONDAY_9


async def test_work_due_now_runs_right_after_its_transaction_commits(rt):
    RAN.clear()
    with clock.at(MONDAY_9):
        async with atomic():
            job = await scheduler.schedule("test.record", "d", clock.now())
            scheduler.run_after_commit(rt, job)
            assert RAN == []  # not inside the transaction
    assert RAN == ["d"]


async def test_a_job_held_by_a_dead_worker_runs_after_its_lease(rt):
    # given a worker claimed the job and died (its lease is in the database, nothing else)
    RAN.clear()
    await scheduler.schedule("test.record", "e", MONDAY_9)
    await ScheduledJob.filter(ref="e").update(locked_until=(MONDAY_9 + scheduler.LEASE).astimezone(dt.timezone.utc))
    with clock.at(MONDAY_9 + dt.timedelta(minutes=1)):
        assert await scheduler.run_due(rt) == 0  # still leased
    # when a new process starts after the lease ran out
    with clock.at(MONDAY_9 + scheduler.LEASE + dt.timedelta(seconds=1)):
        assert await scheduler.run_due(rt) == 1
    assert RAN == ["e"]
