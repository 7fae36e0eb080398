"""The register: numbers per locality and list in registration order, leaving, the movement log and
"why my number changed" (services.queue.register, on SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from backend import clock
from backend.errors import DomainError
from backend.models.history import HistoryEvent
from backend.models.queue import QueueApplication, QueueEntry, QueueList, QueueListHead, QueueMovement, QueueStatus
from backend.services.queue import register
from backend.services.queue.access import Scope
from backend.services.tx import atomic
from tests.api.queue.conftest_register import make_application, moment, registered
from tests.helpers import create_user


async def _positions(locality: str, list_kind: QueueList) -> list[tuple[int, dt.datetime]]:
    rows = await QueueEntry.filter(locality=locality, list_kind=list_kind, position__isnull=False).order_by("position")
    return [(r.position, r.registered_at) for r in rows]


async def _leave(app: QueueApplication, reason: str, at: dt.datetime, actor=None) -> None:
    entry = await QueueEntry.get(application_id=app.id)
    with clock.at(at):
        async with atomic():
            await register.leave(entry, reason, actor.id if actor else None)


def _minute(at: dt.datetime) -> dt.datetime:
    # clock.at() lets time run on from the moment given: compare to the minute.
    return at.replace(second=0, microsecond=0)


async def _number(app: QueueApplication) -> int | None:
    return await register.my_number(Scope(office=True), app.id)


async def test_numbers_per_locality_and_list_follow_registration_time():
    filer = await create_user("citizen")
    plan = [("astana", QueueList.GENERAL), ("almaty", QueueList.GENERAL), ("astana", QueueList.VULNERABLE),
            ("astana", QueueList.GENERAL), ("almaty", QueueList.GENERAL), ("astana", QueueList.GENERAL)]
    given = []
    for minute, (locality, kind) in enumerate(plan):
        app, number = await registered(filer, moment(minute), locality=locality, list_kind=kind)
        given.append((locality, kind, number))
        app = await QueueApplication.get(id=app.id)
        assert app.queue_number == number and app.registered_at == moment(minute)
    assert [g[2] for g in given] == [1, 1, 1, 2, 2, 3]
    for locality, kind in {(g[0], g[1]) for g in given}:
        rows = await _positions(locality, kind)
        assert [p for p, _ in rows] == list(range(1, len(rows) + 1))
        assert [t for _, t in rows] == sorted(t for _, t in rows)  # number order is registration order
        head = await QueueListHead.get(locality=locality, list_kind=kind)
        assert head.length == len(rows)
    event = await HistoryEvent.filter(entity="queue_application", action="queue_registered").first()
    assert event.data["number"] >= 1 and event.data["locality"] in ("astana", "almaty")


async def test_an_earlier_registration_time_is_refused_and_an_entry_is_given_once():
    filer = await create_user("citizen")
    app, _ = await registered(filer, moment(10))
    late = await make_application(filer)
    with pytest.raises(DomainError) as refused:
        async with atomic():
            await register.register(late, moment(5))
    assert refused.value.code == "INVALID"
    with pytest.raises(DomainError) as again:
        async with atomic():
            await register.register(app, moment(20))
    assert again.value.code == "WRONG_STATUS"
    assert await QueueEntry.all().count() == 1


async def test_a_number_changes_when_someone_ahead_leaves_and_not_when_someone_behind_does():
    filer, officer = await create_user("citizen"), await create_user("queue_officer")
    apps = [(await registered(filer, moment(i)))[0] for i in range(5)]
    other_list, _ = await registered(filer, moment(6), list_kind=QueueList.VULNERABLE)

    await _leave(apps[4], "moved_away", moment(100), officer)  # behind apps[2]
    assert await _number(apps[2]) == 3
    await _leave(apps[0], "housing_provided", moment(200), officer)  # ahead of everyone
    assert [await _number(a) for a in apps] == [None, 1, 2, 3, None]
    assert await _number(other_list) == 1  # another list is another queue

    assert await _positions("astana", QueueList.GENERAL) == [(1, moment(1)), (2, moment(2)), (3, moment(3))]
    assert (await QueueListHead.get(locality="astana", list_kind=QueueList.GENERAL)).length == 3
    left = await QueueEntry.get(application_id=apps[0].id)
    assert left.position is None and left.left_reason == "housing_provided" and _minute(left.left_at) == moment(200)
    assert (await QueueApplication.get(id=apps[0].id)).status is QueueStatus.REMOVED

    # Every change is recorded with its reason: one movement per leaving, history on the application.
    movements = await QueueMovement.all().order_by("id").values_list("vacated_position", "reason")
    assert movements == [(5, "moved_away"), (1, "housing_provided")]
    event = await HistoryEvent.get(entity="queue_application", entity_id=str(apps[0].id), action="queue_left")
    assert event.data["reason"] == "housing_provided" and event.data["number"] == 1 and event.actor_id == officer.id


async def test_why_my_number_changed_across_several_movements():
    filer = await create_user("citizen")
    apps = [(await registered(filer, moment(i)))[0] for i in range(8)]  # numbers 1..8
    mine = apps[5]  # number 6
    await _leave(apps[2], "housing_provided", moment(100))   # 3 freed: 6 -> 5
    await _leave(apps[7], "moved_away", moment(110))         # behind: no change
    await _leave(apps[0], "deceased", moment(120))           # 1 freed: 5 -> 4
    later, _ = await registered(filer, moment(130))          # registered after: number 6 of the list now
    await _leave(apps[6], "removed_on_request", moment(140)) # behind (was 7, now 5): no change
    await _leave(apps[3], "removed_by_decision", moment(150))  # ahead (was 4, now 2): 4 -> 3

    entry = await QueueEntry.get(application_id=mine.id)
    assert entry.position == 3
    changes = await register.number_changes(entry)
    assert [(_minute(c.at), c.from_number, c.to_number, c.reason) for c in changes] == [
        (moment(150), 4, 3, "removed_by_decision"),
        (moment(120), 5, 4, "deceased"),
        (moment(100), 6, 5, "housing_provided"),
    ]
    # The walk back ends at the number given at registration.
    assert changes[-1].from_number == (await QueueApplication.get(id=mine.id)).queue_number == 6

    # Registered after the first leavings: only what happened since counts.
    later_entry = await QueueEntry.get(application_id=later.id)
    assert [(c.from_number, c.to_number, c.reason) for c in await register.number_changes(later_entry)] == [
        (5, 4, "removed_by_decision"), (6, 5, "removed_on_request"),
    ]
    assert later_entry.position == 4

    # A former entry: its changes up to its own leaving, none after.
    await _leave(mine, "housing_provided", moment(160))
    await _leave(apps[1], "moved_away", moment(170))
    gone = await QueueEntry.get(application_id=mine.id)
    assert [(c.from_number, c.to_number) for c in await register.number_changes(gone)] == [(4, 3), (5, 4), (6, 5)]

    texts = {locale: register.explain("deceased", locale, 5, 4) for locale in ("kk", "ru", "en")}
    assert all("5" in t and "4" in t for t in texts.values()) and len(set(texts.values())) == 3


async def test_leaving_is_checked():
    filer = await create_user("citizen")
    app, _ = await registered(filer, moment(0))
    entry = await QueueEntry.get(application_id=app.id)
    with pytest.raises(DomainError) as bad:
        await register.leave(entry, "bored")
    assert bad.value.code == "INVALID" and bad.value.field == "reason"
    await _leave(app, "moved_away", moment(10))
    with pytest.raises(DomainError) as twice:
        async with atomic():
            await register.leave(entry, "moved_away")
    assert twice.value.code == "WRONG_STATUS"
    assert await QueueMovement.all().count() == 1


async def test_masked_names_reveal_no_full_name():
    assert register.masked_name({"name": "Айгерім", "surname": "Бекова"}) == "А***м Б."
    assert register.masked_name({"fullName": "Иванов Пётр Сергеевич"}) == "П***р И."
    assert register.masked_name({"name": "Ян", "surname": "Ли"}) == "Я*** Л."
    assert register.masked_name({}) == "***"
    filer = await create_user("citizen")
    app, _ = await registered(filer, moment(0), name="Нұржан", surname="Сәрсенбаев")
    entry = await QueueEntry.get(application_id=app.id)
    assert entry.masked_name == "Н***н С." and "Нұржан" not in entry.masked_name and entry.published


async def test_concurrent_registrations_get_distinct_dense_numbers():
    filer = await create_user("citizen")
    apps = [await make_application(filer, locality="shymkent") for _ in range(12)]
    start = clock.now()

    async def one(i: int, app: QueueApplication) -> int:
        async with atomic():
            # Each decision in its own transaction; the time is taken after the lock, as the decision does.
            entry = await register.register(app, None)
            return entry.position

    numbers = await asyncio.gather(*(one(i, a) for i, a in enumerate(apps)))
    assert sorted(numbers) == list(range(1, 13))
    rows = await _positions("shymkent", QueueList.GENERAL)
    assert [p for p, _ in rows] == list(range(1, 13))
    assert [t for _, t in rows] == sorted(t for _, t in rows) and rows[0][1] >= start
    assert (await QueueListHead.get(locality="shymkent", list_kind=QueueList.GENERAL)).length == 12


async def test_concurrent_leavings_and_registrations_keep_the_list_dense_and_explained():
    filer = await create_user("citizen")
    apps = [(await registered(filer, moment(i), locality="aktobe"))[0] for i in range(10)]
    newcomers = [await make_application(filer, locality="aktobe") for _ in range(4)]
    entries = {a.id: await QueueEntry.get(application_id=a.id) for a in apps}

    async def leave(app: QueueApplication, reason: str) -> str:
        try:
            async with atomic():
                await register.leave(entries[app.id], reason)
            return "left"
        except DomainError as exc:
            return exc.code

    async def join(app: QueueApplication) -> str:
        async with atomic():
            await register.register(app, None)
        return "joined"

    outcomes = await asyncio.gather(
        leave(apps[1], "housing_provided"), join(newcomers[0]), leave(apps[4], "moved_away"), join(newcomers[1]),
        leave(apps[4], "deceased"), leave(apps[7], "removed_on_request"), join(newcomers[2]), join(newcomers[3]),
    )
    assert sorted(outcomes) == ["WRONG_STATUS", "joined", "joined", "joined", "joined", "left", "left", "left"]
    rows = await _positions("aktobe", QueueList.GENERAL)
    assert [p for p, _ in rows] == list(range(1, 12))  # 10 - 3 + 4, dense
    assert [t for _, t in rows] == sorted(t for _, t in rows)
    assert await QueueMovement.filter(locality="aktobe").count() == 3
    # Every entry's walk back from today's number ends at the number it was given.
    for entry in await QueueEntry.filter(locality="aktobe", position__isnull=False):
        app = await QueueApplication.get(id=entry.application_id)
        changes = await register.number_changes(entry)
        assert (changes[-1].from_number if changes else entry.position) == app.queue_number
