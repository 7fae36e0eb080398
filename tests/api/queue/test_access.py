"""Who reads and does what with queue applications, per role: anonymous, a citizen, another
citizen, a company, a queue officer and an admin. "Not yours" looks exactly like "not found"."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from backend.models.queue import QueueApplication, QueueStatus, SigningMethod
from tests.helpers import ApiClient, make_account

GET = "query($id: ID!) { queueApplication(id: $id) { id number status person { iin fullName adult } history { action } } }"
MINE = "query { myQueueApplications(first: 50) { totalCount edges { node { id number } } } }"
MISSING = "00000000-0000-4000-8000-000000000000"


async def _client(app, rt, role: str, **fields) -> ApiClient:
    client = ApiClient(httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver"))
    await make_account(rt, client, role, **fields)
    return client


@pytest.fixture
async def people(app, rt):
    clients = {
        "citizen": await _client(app, rt, "citizen"),
        "other": await _client(app, rt, "citizen"),
        "company": await _client(app, rt, "legal_entity"),
        "officer": await _client(app, rt, "queue_officer"),
        "admin": await _client(app, rt, "admin"),
        "anon": ApiClient(httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver")),
    }
    yield clients
    for client in clients.values():
        await client.http.aclose()


async def stored_application(filer, person_iin_: str | None = None, number: str = "Q-2026-000001") -> QueueApplication:
    """An application as filing leaves it, written directly so that reading is tested on its own."""
    now = dt.datetime(2026, 3, 3, 5, 0, tzinfo=dt.timezone.utc)
    iin = person_iin_ or filer.iin_bin
    return await QueueApplication.create(
        number=number, filed_by=filer, person_iin=iin,
        person={"iin": iin, "surname": "Бекова", "name": "Айгерім", "patronymic": "", "birthDate": "1990-05-15",
                "document": None, "address": None},
        locality="astana", consents={}, phone="+77010000000", email="a@example.kz", status=QueueStatus.FILED,
        filed_at=now, business_date=now.date(), decision_due=now.date(), notify_due=now.date(),
        signing_method=SigningMethod.SMS,
    )


async def test_one_citizen_never_sees_anothers_application(people):
    mine = await stored_application(people["citizen"].user)
    body = await people["citizen"].data(GET, {"id": str(mine.id)})
    assert body["queueApplication"]["number"] == "Q-2026-000001"
    assert body["queueApplication"]["person"] == {"iin": people["citizen"].user.iin_bin, "fullName": "Бекова Айгерім", "adult": True}
    listed = (await people["citizen"].data(MINE))["myQueueApplications"]
    assert listed["totalCount"] == 1 and listed["edges"][0]["node"]["id"] == str(mine.id)

    for who in ("other", "company", "anon"):
        by_id = await people[who].gql(GET, {"id": str(mine.id)})
        assert by_id == await people[who].gql(GET, {"id": MISSING})
        assert by_id["data"]["queueApplication"] is None
    assert (await people["other"].data(MINE))["myQueueApplications"]["totalCount"] == 0


async def test_an_application_filed_for_a_person_is_theirs_too(people):
    filed_for = await stored_application(people["other"].user, person_iin_=people["citizen"].user.iin_bin)
    assert (await people["citizen"].data(GET, {"id": str(filed_for.id)}))["queueApplication"]["id"] == str(filed_for.id)
    for who in ("citizen", "other"):
        assert (await people[who].data(MINE))["myQueueApplications"]["totalCount"] == 1


@pytest.mark.parametrize("who", ["officer", "admin"])
async def test_the_office_reads_any_application_but_has_none_of_its_own(people, who):
    app = await stored_application(people["citizen"].user)
    assert (await people[who].data(GET, {"id": str(app.id)}))["queueApplication"]["id"] == str(app.id)
    body = await people[who].gql(MINE)
    assert body["data"]["myQueueApplications"]["totalCount"] == 0
    assert body["extensions"]["denied"][0]["code"] == "FORBIDDEN"


async def test_anonymous_and_companies_are_refused_my_applications(people):
    await stored_application(people["citizen"].user)
    assert (await people["anon"].gql(MINE))["extensions"]["denied"][0]["code"] == "UNAUTHENTICATED"
    assert (await people["company"].gql(MINE))["extensions"]["denied"][0]["code"] == "FORBIDDEN"


# Every query and mutation of filing, per role ------------------------------------------------------

LOCALITIES = "query { queueLocalities { code name republican } queueCategories { code name fromRegistry } }"
PREFILL = "query { queuePrefill { person { iin } } }"
ELIGIBILITY = "query { queueEligibility(input: {}) { eligible } }"
PAYLOAD = """query($i: QueueApplicationInput!) { queueSigningPayload(input: $i) { digest } }"""
CODE = "mutation($i: QueueSmsCodeRequestInput!) { queueSmsCodeRequest(input: $i) { sentTo errors { code } } }"
FILE = """mutation($i: QueueApplicationFileInput!) { queueApplicationFile(input: $i) { application { id } errors { code } } }"""
CONSENTS = ["PROPERTY_CHECK", "PERSONAL_DATA", "PUBLICATION", "NO_CATEGORY_ACK"]
DIGEST = "ab" * 32


def _input(phone: str = "+77015550101") -> dict:
    return {"requestId": "r-1", "categories": [], "consents": CONSENTS, "phone": phone, "email": "a@example.kz"}


@pytest.mark.parametrize("who", ["anon", "citizen", "company", "officer", "admin"])
async def test_the_catalogues_are_open_to_anyone_in_their_language(people, who):
    body = await people[who].data(LOCALITIES, headers={"x-locale": "ru"})
    assert {"code": "oskemen", "name": "Усть-Каменогорск", "republican": False} in body["queueLocalities"]
    assert {"code": "astana", "name": "Астана", "republican": True} in body["queueLocalities"]
    assert {"code": "pensioner", "name": "пенсионеры по возрасту", "fromRegistry": False} in body["queueCategories"]
    english = await people[who].data(LOCALITIES, headers={"x-locale": "en"})
    assert {"code": "oskemen", "name": "Oskemen", "republican": False} in english["queueLocalities"]
    reasons = (await people[who].data("query { queueReasons { code explanation } }", headers={"x-locale": "en"}))
    by_code = {r["code"]: r["explanation"] for r in reasons["queueReasons"]}
    assert {"OWNED_HOUSING_5Y", "ALREADY_IN_BASE", "EMERGENCY_OTHER_SETTLEMENT", "REQUIREMENTS_NOT_MET"} <= set(by_code)
    assert "5 years" in by_code["OWNED_HOUSING_5Y"]


@pytest.mark.parametrize(("who", "code"), [("anon", "UNAUTHENTICATED"), ("company", "FORBIDDEN"), ("officer", "FORBIDDEN"),
                                           ("admin", "FORBIDDEN")])
async def test_only_citizens_prepare_sign_and_file(people, who, code):
    client = people[who]
    prefill = await client.gql(PREFILL)
    assert prefill["data"]["queuePrefill"] is None and prefill["extensions"]["denied"][0]["code"] == code
    for query, variables, name in ((ELIGIBILITY, None, "queueEligibility"), (PAYLOAD, {"i": _input()}, "queueSigningPayload")):
        body = await client.gql(query, variables)
        assert body["data"][name] is None and body["extensions"]["denied"][0]["code"] == code
    sent = (await client.data(CODE, {"i": {"phone": "+77015550101", "digest": DIGEST}}))["queueSmsCodeRequest"]
    assert sent == {"sentTo": None, "errors": [{"code": code}]}
    filed = (await client.data(FILE, {"i": {"application": _input(), "signature": {"method": "SMS", "smsCode": "1"}}}))
    assert filed["queueApplicationFile"] == {"application": None, "errors": [{"code": code}]}
    assert await QueueApplication.all().count() == 0


async def test_a_citizen_the_registry_does_not_know_gets_person_not_found(people):
    # The accounts of `people` carry IINs that no demo persona has.
    client = people["citizen"]
    assert (await client.gql(PREFILL))["errors"][0]["extensions"]["reason"] == "PERSON_NOT_FOUND"
    assert (await client.gql(ELIGIBILITY))["errors"][0]["extensions"]["reason"] == "PERSON_NOT_FOUND"
    filed = await client.data(FILE, {"i": {"application": _input(), "signature": {"method": "SMS", "smsCode": "1"}}})
    assert filed["queueApplicationFile"]["errors"] == [{"code": "PERSON_NOT_FOUND"}]


async def test_a_citizen_may_not_ask_a_code_to_another_persons_phone(persona):
    client = await persona("02")
    sent = (await client.data(CODE, {"i": {"phone": "+77015550101", "digest": DIGEST}}))["queueSmsCodeRequest"]
    assert sent["errors"] == [{"code": "PHONE_NOT_IN_MOBILE_BASE"}]
    sent = (await client.data(CODE, {"i": {"phone": "+77011234567", "digest": DIGEST}}))["queueSmsCodeRequest"]
    assert sent["errors"] == [] and sent["sentTo"].startswith("+770")


async def test_a_citizen_may_not_see_data_of_a_person_they_do_not_represent(persona):
    stranger = await persona("01")
    body = await stranger.gql("query { queuePrefill(iin: \"110404502474\") { person { iin fullName } } }")
    assert body["data"]["queuePrefill"] is None
    assert body["errors"][0]["extensions"]["reason"] == "NOT_A_REPRESENTATIVE"
    assert "Мұратов" not in str(body)
    # An IIN the registry does not know gets the very same answer: nobody learns who is in the registries.
    unknown = await stranger.gql("query { queuePrefill(iin: \"900515300286\") { person { iin fullName } } }")
    assert unknown["errors"][0]["extensions"] == body["errors"][0]["extensions"]
