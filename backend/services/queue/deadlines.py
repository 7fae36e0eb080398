"""Countdowns of the queue's deadlines in working days of Kazakhstan (order No. 130 §§13, 16, 17).

Semantics of `working_days_left(due, today)`, what the cabinet and the back office show:
- positive N: N working days remain after today ("2 working days left" on Monday for a Wednesday
  deadline; a deadline on Monday seen on Saturday is 1);
- 0: the deadline is today (it ends at the provider's closing time);
- negative: overdue by that many working days, at least -1 (a Friday deadline seen on Saturday
  is -1, not 0, so that 0 always means "today").

The deadlines of an application (`application_deadlines`) are those still running in its status:
- FILED / IN_REVIEW: `decision` (1 working day, 3 on the emergency path, from the business date)
  and `notify` (the decision reaches the applicant within 3 working days of filing, §16);
- HEARING: `hearing` (held within 2 working days of the notice, §17) and `final_decision` (the
  result of the hearing; see `hearing.final_decision_due` for why it is 3 working days after the
  notice);
- decided (REGISTERED, REFUSED, REMOVED): none — nothing is due from the provider any more.
Every date comes from backend/calendar.py, so decree overrides apply to all of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from backend import clock
from backend.calendar import ALMATY, add_working_days, is_working_day
from backend.models.queue import QueueApplication, QueueHearing, QueueStatus

DECISION = "decision"
NOTIFY = "notify"
HEARING = "hearing"
FINAL_DECISION = "final_decision"

# §17: the hearing within 2 working days of the notice; the notice at least 3 working days before
# the service deadline, which after a preliminary decision is therefore 3 working days after it.
HEARING_WORKING_DAYS = 2
NOTICE_BEFORE_DEADLINE_WORKING_DAYS = 3


@dataclass(frozen=True)
class Deadline:
    kind: str  # decision | notify | hearing | final_decision (K adds complaint, complaint_satisfy)
    due: dt.date
    working_days_left: int
    overdue: bool


def today() -> dt.date:
    """Today in Almaty, where the provider's working days are counted."""
    return clock.now().astimezone(ALMATY).date()


def _working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days in (start, end]."""
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def working_days_left(due: dt.date, today: dt.date) -> int:
    """See the module docstring: >0 working days remain, 0 due today, <0 overdue (at least -1)."""
    if due == today:
        return 0
    if due > today:
        return _working_days_between(today, due)
    return -max(1, _working_days_between(due, today))


def deadline(kind: str, due: dt.date, on: dt.date | None = None) -> Deadline:
    on = on or today()
    return Deadline(kind=kind, due=due, working_days_left=working_days_left(due, on), overdue=due < on)


def hearing_due(notice_date: dt.date) -> dt.date:
    return add_working_days(notice_date, HEARING_WORKING_DAYS)


def final_decision_due(notice_date: dt.date) -> dt.date:
    return add_working_days(notice_date, NOTICE_BEFORE_DEADLINE_WORKING_DAYS)


def application_deadlines(
    app: QueueApplication, hearing: QueueHearing | None = None, on: dt.date | None = None
) -> list[Deadline]:
    """The deadlines running now for `app`; `hearing` is its latest hearing, if any."""
    on = on or today()
    status = QueueStatus(app.status)
    if status in (QueueStatus.FILED, QueueStatus.IN_REVIEW):
        return [deadline(DECISION, app.decision_due, on), deadline(NOTIFY, app.notify_due, on)]
    if status is QueueStatus.HEARING and hearing is not None:
        return [
            deadline(HEARING, hearing.hearing_due, on),
            deadline(FINAL_DECISION, final_decision_due(hearing.notice_date), on),
        ]
    return []
