"""Complaint lists cost the same number of SQL statements for 2, 20 or 60 complaints (their files,
their application's number and the application's complaints come through loaders)."""

from __future__ import annotations

import datetime as dt

from backend.models.queue import ComplaintAddressee, ComplaintStatus, QueueComplaint, QueueFile, QueueFileKind, QueueStatus
from tests.api.queue.decisions_world import almaty, make_application, world  # noqa: F401 - fixture
from tests.sqlcount import statements

FIELDS = """id number applicationId applicationNumber addressee text status registeredOn answer answeredAt
  deadlines { kind due workingDaysLeft overdue } files { id kind title size contentType url }"""
MINE = f"query {{ myQueueComplaints {{ {FIELDS} }} }}"
OFFICE = f"query {{ queueOfficeComplaints {{ {FIELDS} }} }}"
APPS = """query { myQueueApplications(first: 100) { edges { node { id complaints { id number status } } } } }"""


async def _complaints(author, n: int, start: int) -> None:
    for i in range(start, n):
        app = await make_application(author, status=QueueStatus.REFUSED, filed_at=almaty(2026, 3, 2, 10, 0))
        addressee = ComplaintAddressee.PROVIDER if i % 2 else ComplaintAddressee.QUALITY_AUTHORITY
        row = await QueueComplaint.create(
            number=f"C-2026-{i + 1:06d}", application=app, author=author, addressee=addressee, text="Complaint text",
            status=list(ComplaintStatus)[i % len(ComplaintStatus)], registered_on=dt.date(2026, 3, 3),
            due=dt.date(2026, 3, 10), satisfy_due=dt.date(2026, 3, 6) if i % 2 else None,
        )
        await QueueFile.create(application=app, complaint=row, kind=QueueFileKind.COMPLAINT, title="f.pdf",
                               storage_key=f"k{i}", size=10, sha256="0" * 64)


async def test_the_statement_count_does_not_grow_with_complaints(world):
    counts: dict[str, list[int]] = {"mine": [], "office": [], "apps": []}
    made = 0
    for size in (2, 20, 60):
        await _complaints(world.citizen.user, size, made)
        made = size
        for name, client, query in (("mine", world.citizen, MINE), ("office", world.officer, OFFICE), ("apps", world.citizen, APPS)):
            await client.data(query)  # warm-up
            with statements() as sql:
                body = await client.data(query)
            counts[name].append(len(sql))
            rows = next(iter(body.values()))
            if name == "apps":
                assert sum(len(e["node"]["complaints"]) for e in rows["edges"]) == size
            else:
                assert len(rows) == size and all(c["files"] and c["applicationNumber"] for c in rows)
    print("SQL statements at 2/20/60 complaints:", counts)
    assert all(len(set(c)) == 1 for c in counts.values()), counts
