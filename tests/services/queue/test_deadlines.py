"""Countdowns of the queue's deadlines in working days (weekends, Nauryz 2026: 21–25 March off)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from backend.models.queue import QueueStatus
from backend.services.queue import deadlines
from backend.services.queue.deadlines import application_deadlines, final_decision_due, hearing_due, working_days_left

D = dt.date


@pytest.mark.parametrize(
    "due,today,left",
    [
        (D(2026, 11, 25), D(2026, 11, 23), 2),   # Wednesday seen on Monday: "2 working days left"
        (D(2026, 11, 23), D(2026, 11, 23), 0),   # due today
        (D(2026, 11, 23), D(2026, 11, 21), 1),   # Monday seen on Saturday
        (D(2026, 11, 24), D(2026, 11, 20), 2),   # Tuesday seen on Friday: the weekend does not count
        (D(2026, 3, 26), D(2026, 3, 20), 1),     # across Nauryz: Friday -> Thursday after the holidays
        (D(2026, 3, 27), D(2026, 3, 19), 3),
        (D(2026, 11, 20), D(2026, 11, 21), -1),  # Friday's deadline seen on Saturday: overdue, never 0
        (D(2026, 11, 20), D(2026, 11, 23), -1),
        (D(2026, 11, 20), D(2026, 11, 24), -2),
        (D(2026, 3, 20), D(2026, 3, 26), -1),    # overdue across the holidays counts working days only
    ],
)
def test_working_days_left(due, today, left):
    assert working_days_left(due, today) == left


def test_overdue_only_after_the_day():
    assert not deadlines.deadline("decision", D(2026, 11, 23), D(2026, 11, 23)).overdue
    assert deadlines.deadline("decision", D(2026, 11, 23), D(2026, 11, 24)).overdue


@pytest.mark.parametrize(
    "notice,hearing,final",
    [
        (D(2026, 11, 23), D(2026, 11, 25), D(2026, 11, 26)),  # Monday: Wednesday, Thursday
        (D(2026, 11, 19), D(2026, 11, 23), D(2026, 11, 24)),  # Thursday: over the weekend
        (D(2026, 3, 19), D(2026, 3, 26), D(2026, 3, 27)),     # Thursday before Nauryz: Fri, then Thu 26th
        (D(2026, 3, 20), D(2026, 3, 27), D(2026, 3, 30)),
    ],
)
def test_hearing_and_final_decision_dates(notice, hearing, final):
    assert hearing_due(notice) == hearing
    assert final_decision_due(notice) == final


def _app(status, **kw):
    return SimpleNamespace(status=status.value, decision_due=D(2026, 11, 23), notify_due=D(2026, 11, 25), **kw)


def test_the_deadlines_running_in_each_status():
    filed = application_deadlines(_app(QueueStatus.FILED), None, D(2026, 11, 23))
    assert [(d.kind, d.due, d.working_days_left, d.overdue) for d in filed] == [
        ("decision", D(2026, 11, 23), 0, False), ("notify", D(2026, 11, 25), 2, False)]
    late = application_deadlines(_app(QueueStatus.IN_REVIEW), None, D(2026, 11, 24))
    assert [(d.kind, d.overdue) for d in late] == [("decision", True), ("notify", False)]

    hearing = SimpleNamespace(notice_date=D(2026, 11, 23), hearing_due=D(2026, 11, 25))
    running = application_deadlines(_app(QueueStatus.HEARING), hearing, D(2026, 11, 24))
    assert [(d.kind, d.due, d.working_days_left) for d in running] == [
        ("hearing", D(2026, 11, 25), 1), ("final_decision", D(2026, 11, 26), 2)]

    for status in (QueueStatus.REGISTERED, QueueStatus.REFUSED, QueueStatus.REMOVED):
        assert application_deadlines(_app(status), hearing, D(2026, 11, 24)) == []
