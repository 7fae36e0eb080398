"""The demo register of `make run` (backend/demo_queue_list.py): built through the register's own
service, in time order, idempotent, and consistent with "why my number changed"."""

from __future__ import annotations

from backend.demo_queue_list import LISTS, seed_demo_queue_list
from backend.models.queue import QueueApplication, QueueEntry, QueueListHead
from backend.services.queue import register


async def test_the_demo_register_is_dense_masked_and_explains_every_number():
    added = await seed_demo_queue_list()
    assert added == sum(count for _, _, count in LISTS) and added >= 300
    assert await seed_demo_queue_list() == 0  # a second `make run` adds nothing
    assert await QueueEntry.all().count() == added

    for locality, kind, _ in LISTS:
        rows = await QueueEntry.filter(locality=locality, list_kind=kind, position__isnull=False).order_by("position")
        assert [r.position for r in rows] == list(range(1, len(rows) + 1))
        assert [r.registered_at for r in rows] == sorted(r.registered_at for r in rows)
        assert (await QueueListHead.get(locality=locality, list_kind=kind)).length == len(rows)
        published = [r for r in rows if r.published]
        assert 0.7 * len(rows) <= len(published) < len(rows)
        page = await register.public_page(locality, kind, None, 100, None)
        assert [r.position for r in page.rows] == [r.position for r in published][:100]

    apps = {a.id: a for a in await QueueApplication.all()}
    moved = 0
    for entry in await QueueEntry.filter(position__isnull=False):
        app = apps[entry.application_id]
        assert entry.masked_name.split()[0].count("*") == 3 and app.person["name"] not in entry.masked_name
        changes = await register.number_changes(entry, app.queue_number)
        # Walking back from today's number ends at the number given at registration.
        assert (changes[-1].from_number if changes else entry.position) == app.queue_number
        moved += bool(changes)
    assert moved > 50  # people left over the years, so many numbers have a history
