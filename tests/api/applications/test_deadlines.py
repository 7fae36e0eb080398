"""The one deadline rule: which deadline runs in which status, when it is overdue and when it is
due soon (by the next working day of Kazakhstan) — what the card, the queue and its "overdue only"
filter all show."""

from __future__ import annotations

import datetime as dt

import pytest

from backend.models.applications import Application, ApplicationStatus as S
from backend.services.applications.access import DeadlineKind, Due, due, overdue, running_deadline

D = dt.date


def _row(status: S, review: dt.date | None = D(2026, 12, 4), revision: dt.date | None = D(2026, 11, 30)) -> Application:
    return Application(status=status, review_deadline=review, revision_deadline=revision)


def test_the_review_deadline_runs_while_kzhk_reviews_and_the_revision_deadline_while_the_applicant_revises():
    assert running_deadline(_row(S.REGISTERED)) == (DeadlineKind.REVIEW, D(2026, 12, 4))
    assert running_deadline(_row(S.IN_REVIEW)) == (DeadlineKind.REVIEW, D(2026, 12, 4))
    assert running_deadline(_row(S.NEEDS_REVISION)) == (DeadlineKind.REVISION, D(2026, 11, 30))
    for status in set(S) - {S.REGISTERED, S.IN_REVIEW, S.NEEDS_REVISION}:
        assert running_deadline(_row(status)) is None and due(_row(status), D(2027, 1, 1)) is None
    assert running_deadline(_row(S.IN_REVIEW, review=None)) is None


@pytest.mark.parametrize("deadline,today,expected", [
    (D(2026, 11, 18), D(2026, 11, 19), Due.OVERDUE),
    (D(2026, 11, 19), D(2026, 11, 19), Due.SOON),  # due today
    (D(2026, 11, 20), D(2026, 11, 19), Due.SOON),  # Thursday: due Friday
    (D(2026, 11, 23), D(2026, 11, 20), Due.SOON),  # Friday: Monday is the next working day
    (D(2026, 11, 24), D(2026, 11, 20), Due.OK),
    (D(2026, 12, 17), D(2026, 12, 15), Due.SOON),  # 16 December, Independence Day, is no working day
])
def test_past_is_overdue_and_by_the_next_working_day_is_soon(deadline, today, expected):
    assert due(_row(S.IN_REVIEW, review=deadline), today) is expected
    assert overdue(_row(S.IN_REVIEW, review=deadline), today) is (expected is Due.OVERDUE)


async def test_the_api_shows_the_same_verdict_on_the_card_and_in_the_overdue_filter(world, application_in):
    late = await application_in(S.IN_REVIEW)
    await Application.filter(id=late.id).update(review_deadline=D(2026, 1, 5))
    on_time = await application_in(S.NEEDS_REVISION)
    await Application.filter(id=on_time.id).update(revision_deadline=D(2099, 1, 5))
    query = "query { applicationQueue(overdueOnly: %s) { edges { node { id overdue deadline { kind date due } } } } }"
    everything = (await world.operator.data(query % "false"))["applicationQueue"]["edges"]
    by_id = {e["node"]["id"]: e["node"] for e in everything}
    assert by_id[str(late.id)] == {"id": str(late.id), "overdue": True, "deadline": {"kind": "REVIEW", "date": "2026-01-05", "due": "OVERDUE"}}
    assert by_id[str(on_time.id)]["overdue"] is False and by_id[str(on_time.id)]["deadline"]["kind"] == "REVISION"
    only_late = (await world.operator.data(query % "true"))["applicationQueue"]["edges"]
    assert [e["node"]["id"] for e in only_late] == [str(late.id)]
