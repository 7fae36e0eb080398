""""My applications" and the operators' queue, with every relation the SPA's list and card select,
cost the same number of SQL statements for 1, 10 or 100 applications."""

from __future__ import annotations

import re
from pathlib import Path

from backend.models.applications import ApplicationStatus as S
from backend.services import history
from tests.sqlcount import statements

SPA_OPERATIONS = Path(__file__).parents[3] / "frontend/src/features/applications/applications.graphql"
FRAGMENTS = ("ApplicationFields", "ApplicationRowFields", "ApplicationContractFields", "ApplicationOrganizationFields",
             "ApplicationEventFields")
# Every status an operator sees, in turn, so that each branch of each field is on the list.
STATUSES = [s for s in S if s is not S.DRAFT]


def _fragments() -> str:
    # The SPA's own fragments: when the card selects more, this test asks for more.
    text = SPA_OPERATIONS.read_text()
    return "\n".join(re.search(rf"fragment {name} on .*?\n}}\n", text, re.S).group(0) for name in FRAGMENTS)


def _list(field: str) -> str:
    return (f"query {{ {field}(first: 100) {{ totalCount edges {{ node {{ ...ApplicationFields signingPayload "
            f"saSigningPayload }} }} }} }}\n{_fragments()}")


MINE, QUEUE = _list("myApplications"), _list("applicationQueue")


async def test_the_statement_count_does_not_grow_with_applications(world, application_in):
    counts: dict[str, list[int]] = {"myApplications": [], "applicationQueue": []}
    made = 0
    for size in (1, 10, 100):
        for i in range(made, size):
            application = await application_in(STATUSES[i % len(STATUSES)])
            await history.record("application", application.id, "edited", actor="applicant", actorLabel="Aliya")
        made = size
        for field, query, client in (("myApplications", MINE, world.applicant), ("applicationQueue", QUEUE, world.operator)):
            await client.data(query)  # warm-up: validation cache, the session's first lookups
            with statements() as sql:
                body = await client.data(query)
            nodes = [e["node"] for e in body[field]["edges"]]
            assert len(nodes) == size and all(n["documents"] and n["history"] and n["contract"] for n in nodes)
            counts[field].append(len(sql))
    print("SQL statements at 1/10/100 applications:", counts)
    for field, seen in counts.items():
        assert len(set(seen)) == 1, (field, seen)
