"""Service history (seed 002, Қызметтерді алу тарихы): every housing-queue service the citizen
requested — applications for themselves or as a representative, applications filed for them,
complaints — with status, result in words and downloads; nobody else's."""

from __future__ import annotations

import hashlib

import httpx

from backend.models.queue import QueueFile, QueueFileKind, QueueStatus
from backend.services.documents import put_bytes
from tests.api.queue.decisions_world import almaty, download, make_application, world  # noqa: F401 - fixture
from tests.helpers import ApiClient, make_account

HISTORY = """query { myServiceHistory { id service number requestedAt status result applicationId
  files { id kind title size contentType url } } }"""
FILE = """mutation($i: QueueComplaintFileInput!) { queueComplaintFile(input: $i) { complaint { id number } errors { code } } }"""


async def certificate(rt, app, kind: QueueFileKind, title: str) -> QueueFile:
    content = f"%PDF-1.7 certificate {app.number} {kind.value}".encode()
    key = f"queue/{app.id}/{kind.value}.pdf"
    await put_bytes(rt, key, content)
    return await QueueFile.create(application=app, kind=kind, title=title, storage_key=key, size=len(content),
                                  sha256=hashlib.sha256(content).hexdigest())


async def history(client: ApiClient, locale: str | None = None) -> list[dict]:
    headers = {"x-locale": locale} if locale else None
    return (await client.data(HISTORY, headers=headers))["myServiceHistory"]


async def test_every_service_with_its_status_result_and_downloads(world, app, rt):
    # given a registered application with its certificates, a newer refused one with a complaint,
    # and one a trustee filed for the citizen
    registered = await make_application(world.citizen.user, status=QueueStatus.REGISTERED, filed_at=almaty(2026, 1, 12, 10, 0))
    await registered.filter(id=registered.id).update(queue_number=17)
    kk = await certificate(rt, registered, QueueFileKind.CERTIFICATE_KK, "Анықтама")
    ru = await certificate(rt, registered, QueueFileKind.CERTIFICATE_RU, "Справка")
    await QueueFile.create(application=registered, kind=QueueFileKind.TECHNICAL_CONCLUSION, title="own upload",
                           storage_key="x", size=1, sha256="0" * 64)
    refusal = await make_application(world.citizen.user, status=QueueStatus.REFUSED, filed_at=almaty(2026, 2, 2, 10, 0))
    filed = await world.citizen.data(FILE, {"i": {"applicationId": str(refusal.id), "addressee": "PROVIDER",
                                                  "text": "Шешіммен келіспеймін, қайта қараңыз.", "uploadIds": [], "requestId": "h1"}})
    complaint = filed["queueComplaintFile"]["complaint"]
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver")
    trustee = ApiClient(http)
    await make_account(rt, trustee, "citizen")
    for_me = await make_application(trustee.user, status=QueueStatus.FILED, filed_at=almaty(2026, 1, 20, 10, 0),
                                    person_iin_=world.citizen.user.iin_bin)

    # when the citizen opens the service history in Russian
    items = await history(world.citizen, "ru")

    # then every service is there, newest first, with its result and the provider's documents only
    assert [(i["service"], i["number"], i["status"]) for i in items] == [
        ("queue_complaint", complaint["number"], "REGISTERED"),
        ("queue_application", refusal.number, "REFUSED"),
        ("queue_application", for_me.number, "FILED"),
        ("queue_application", registered.number, "REGISTERED"),
    ]
    by_number = {i["number"]: i for i in items}
    assert by_number[registered.number]["result"] == "Поставлен на учёт, порядковый номер очереди 17"
    assert by_number[refusal.number]["result"] == "Отказано в постановке на учёт"
    assert by_number[for_me.number]["result"] == "На рассмотрении"
    assert by_number[complaint["number"]]["result"] == "Жалоба на рассмотрении"
    assert by_number[complaint["number"]]["applicationId"] == str(refusal.id)
    files = by_number[registered.number]["files"]
    assert [(f["id"], f["kind"]) for f in files] == [(str(kk.id), "certificate_kk"), (str(ru.id), "certificate_ru")]
    response = await download(world.citizen, files[0]["url"])
    assert response.status_code == 200 and response.content.startswith(b"%PDF")

    # and in Kazakh the result reads in Kazakh
    kazakh = {i["number"]: i for i in await history(world.citizen, "kk")}
    assert kazakh[registered.number]["result"] == "Есепке қойылды, кезектің реттік нөмірі 17"

    # the trustee sees the application they filed, not the citizen's own services
    assert [i["number"] for i in await history(trustee)] == [for_me.number]
    await http.aclose()


async def test_nobody_elses_services(world):
    await make_application(world.citizen.user, status=QueueStatus.REFUSED, filed_at=almaty(2026, 2, 2, 10, 0))
    assert await history(world.other) == []
    # an officer's history is their own, not the office's
    assert await history(world.officer) == []
    body = await world.anon.gql(HISTORY)
    assert body["data"]["myServiceHistory"] == [] and body["extensions"]["denied"][0]["code"] == "UNAUTHENTICATED"


async def test_from_filing_to_a_complaint_with_the_real_decision_and_certificates(persona, rt):
    # given persona 01 files by SMS on a Tuesday at 10:00 and is decided at once (registration,
    # certificates in kk and ru issued right after)
    from backend import clock
    from tests.api.queue.test_filing import TUESDAY_10, file_by_sms
    from tests.api.queue.test_filing import application as application_input

    client = await persona("01")
    with clock.at(TUESDAY_10):
        filed = await file_by_sms(client, application_input("+77015550101"))
        assert filed["errors"] == []
        app_id = filed["application"]["id"]
        [item] = await history(client, "ru")
        assert item["status"] == "REGISTERED" and item["result"].startswith("Поставлен на учёт, порядковый номер очереди")
        assert sorted(f["kind"] for f in item["files"]) == ["certificate_kk", "certificate_ru"]
        response = await download(client, item["files"][0]["url"])
        assert response.status_code == 200 and response.content.startswith(b"%PDF")
        # when the applicant complains about the registration
        body = await client.data(FILE, {"i": {"applicationId": app_id, "addressee": "QUALITY_AUTHORITY",
                                              "text": "Кезек нөмірі дұрыс емес деп санаймын.", "uploadIds": [], "requestId": "c"}})
        assert body["queueComplaintFile"]["errors"] == []
        # then the history holds both, the complaint first
        items = await history(client, "en")
    assert [(i["service"], i["status"]) for i in items] == [("queue_complaint", "REGISTERED"), ("queue_application", "REGISTERED")]
    assert items[0]["applicationId"] == app_id and items[0]["result"] == "The complaint is being considered"
