"""The register's reads cost the same statements whatever the list's or the page's size."""

from __future__ import annotations

from tests.api.queue.conftest_register import moment, registered
from tests.sqlcount import statements

MY_NUMBER = "query($id: ID!) { myQueueNumber(applicationId: $id) }"
PUBLIC = """query($after: String) { queuePublicList(locality: "astana", listKind: GENERAL, first: 3, after: $after) {
  edges { cursor node { number maskedName applicationNumber registeredAt } } pageInfo { hasNextPage endCursor } } }"""
MINE = "query { myQueueApplications(first: 50) { edges { node { number entry { number active listKind } } } } }"


async def test_my_queue_number_is_one_lookup_after_the_session(citizen):
    apps = [(await registered(citizen.user, moment(i)))[0] for i in range(3)]
    await citizen.data(MY_NUMBER, {"id": str(apps[0].id)})  # warm: the query text is parsed once
    with statements() as sql:
        body = await citizen.data(MY_NUMBER, {"id": str(apps[2].id)})
    assert body["myQueueNumber"] == 3
    assert len(sql) == 2, sql  # the viewer's session, then the entry joined to its application
    assert "queue_entries" in sql[1] and "queue_applications" in sql[1]


async def test_a_public_page_is_one_statement_on_any_page(anon, citizen):
    for i in range(7):
        await registered(citizen.user, moment(i))
    first = (await anon.data(PUBLIC))["queuePublicList"]
    with statements() as sql:
        later = (await anon.data(PUBLIC, {"after": first["pageInfo"]["endCursor"]}))["queuePublicList"]
    assert [e["node"]["number"] for e in later["edges"]] == [4, 5, 6]
    assert len(sql) == 1, sql


async def test_entries_of_a_list_of_applications_load_in_one_statement(citizen):
    await registered(citizen.user, moment(0))
    await citizen.data(MINE)
    with statements() as one:
        await citizen.data(MINE)
    for i in range(1, 6):
        await registered(citizen.user, moment(i))
    with statements() as six:
        body = await citizen.data(MINE)
    numbers = sorted(e["node"]["entry"]["number"] for e in body["myQueueApplications"]["edges"])
    assert numbers == [1, 2, 3, 4, 5, 6]
    assert len(six) == len(one), six
