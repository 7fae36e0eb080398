""""My queue applications" with every field of the application (person, representative, consents,
checks, reasons, deadlines, history) costs the same number of SQL statements for 5 (one of each status), 20 or 100."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from graphql import FragmentSpreadNode, parse, print_ast, visit
from graphql.language import Visitor

from backend.models.queue import QueueHearing, QueueStatus
from backend.services import history
from tests.api.queue.test_access import stored_application
from tests.sqlcount import statements

MINE = """query { myQueueApplications(first: 100) { totalCount edges { node {
  id number status statusChangedAt filedAt businessDate representation listKind emergency phone email signingMethod
  decidedAt registeredAt queueNumber
  person { iin fullName surname name patronymic birthDate adult document { kind number issuedOn issuer }
           address { locality { code name republican } text registeredFrom registeredTo } }
  representative { iin fullName }
  locality { code name republican } categories { code name fromRegistry }
  consents { consent givenAt signingMethod }
  checks { code passed applies reason explanation } reasons { code explanation }
  deadlines { kind due workingDaysLeft overdue }
  history { at action actorName } } } } }"""
# Every status in turn, so that each branch of each field is on the list (HEARING reads its hearing).
STATUSES = [QueueStatus.FILED, QueueStatus.IN_REVIEW, QueueStatus.HEARING, QueueStatus.REGISTERED, QueueStatus.REFUSED]
NOW = dt.datetime(2026, 12, 8, 5, 0, tzinfo=dt.timezone.utc)
SPA_OPERATIONS = Path(__file__).parents[3] / "frontend/src/features/queue/queue.graphql"


def spa_operation(name: str) -> str:
    """The SPA's own operation with the fragments it uses: when its list selects more, this test asks for more."""
    document = parse(SPA_OPERATIONS.read_text())
    operations = {d.name.value: d for d in document.definitions if d.kind == "operation_definition"}
    fragments = {d.name.value: d for d in document.definitions if d.kind == "fragment_definition"}
    needed: list = [operations[name]]
    seen: set[str] = set()

    class Spreads(Visitor):
        def enter_fragment_spread(self, node: FragmentSpreadNode, *_):
            if node.name.value not in seen:
                seen.add(node.name.value)
                needed.append(fragments[node.name.value])
                visit(fragments[node.name.value], self)

    visit(operations[name], Spreads())
    return "\n".join(print_ast(d) for d in needed)


async def _application(filer, n: int):
    status = STATUSES[n % len(STATUSES)]
    app = await stored_application(filer, number=f"Q-2026-{n + 1:06d}")
    person = {**app.person, "address": {"locality": "astana", "text": "Астана, Мәңгілік Ел 1", "registeredFrom": "2012-01-01",
                                        "registeredTo": None}}
    checks = [{"code": "NO_HOUSING_5Y", "passed": n % 2 == 0, "applies": True,
               "reason": None if n % 2 == 0 else "OWNED_HOUSING_5Y", "detail": {"window_from": "2021-12-08"}}]
    await type(app).filter(id=app.id).update(
        status=status, person=person, categories=["pensioner"], checks=checks,
        reasons=["OWNED_HOUSING_5Y"] if status in (QueueStatus.HEARING, QueueStatus.REFUSED) else [],
        consents={c: {"at": NOW.isoformat(), "signature": "sms"} for c in ("property_check", "personal_data")},
    )
    if status is QueueStatus.HEARING:
        await QueueHearing.create(application_id=app.id, reasons=["OWNED_HOUSING_5Y"], notice_sent_at=NOW,
                                  notice_date=NOW.date(), hearing_due=NOW.date() + dt.timedelta(days=2))
    await history.record("queue_application", app.id, "filed", actorName="Бекова Айгерім")


async def test_the_statement_count_does_not_grow_with_applications(citizen):
    client = citizen
    counts: list[int] = []
    made = 0
    for size in (len(STATUSES), 20, 100):
        for n in range(made, size):
            await _application(client.user, n)
        made = size
        await client.data(MINE)  # warm-up: validation cache, the session's first lookups
        with statements() as sql:
            body = await client.data(MINE)
        nodes = [e["node"] for e in body["myQueueApplications"]["edges"]]
        assert len(nodes) == size and all(n["history"] and n["checks"] and n["person"]["address"] for n in nodes)
        assert any(n["deadlines"] and n["status"] == "HEARING" for n in nodes)
        counts.append(len(sql))
    print("SQL statements at 5/20/100 queue applications:", counts)
    assert len(set(counts)) == 1, counts


async def test_the_spas_list_of_my_applications_costs_the_same_whatever_its_length(citizen):
    query = spa_operation("MyQueueApplications")
    counts: list[int] = []
    made = 0
    for size in (len(STATUSES), 20, 100):
        for n in range(made, size):
            await _application(citizen.user, n)
        made = size
        await citizen.data(query, {"first": 100})
        with statements() as sql:
            body = await citizen.data(query, {"first": 100})
        assert len(body["myQueueApplications"]["edges"]) == size
        counts.append(len(sql))
    print("SQL statements of the SPA's MyQueueApplications at 5/20/100:", counts)
    assert len(set(counts)) == 1, counts
