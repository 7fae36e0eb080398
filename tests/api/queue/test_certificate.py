"""The certificate (анықтама / справка) of a decision: Kazakh and Russian PDFs with the registration
date and time and the queue number (or the refusal with its reasons), PAdES-signed by the portal,
with a QR code to "Verify a document"; downloadable only by who sees the application."""

from __future__ import annotations

import hashlib
import re

from backend import clock
from backend.adapters.pdf_signing import verify_pdf
from backend.models.queue import QueueStatus
from tests.api.queue.decisions_world import (  # noqa: F401 - fixtures
    almaty,
    application,
    demo_ca,
    download,
    make_application,
    pdf_text,
    world,
)

REVIEW = """mutation($i: QueueOfficeReviewInput!) { queueOfficeReview(input: $i) {
  application { id status queueNumber } errors { field code } } }"""
CHECK = """query($id: ID!) { queueCertificateCheck(id: $id) {
  id kind language applicationNumber queueNumber registeredAt issuedAt sha256 size } }"""


async def _registered(world, rt):
    """An emergency-path application that the officer found eligible (Tuesday 1 December 2026, 11:00)."""
    with clock.at(almaty(2026, 12, 1, 10, 0)):
        app = await make_application(world.citizen.user, status=QueueStatus.IN_REVIEW, emergency=True,
                                     filed_at=clock.now())
    with clock.at(almaty(2026, 12, 1, 11, 0)):
        body = await world.officer.data(REVIEW, {"i": {"applicationId": str(app.id), "eligible": True, "reasons": [],
                                                        "comment": "The expert's conclusion is in order."}})
    assert body["queueOfficeReview"]["errors"] == []
    assert body["queueOfficeReview"]["application"]["status"] == "REGISTERED"
    return app, body["queueOfficeReview"]["application"]["queueNumber"]


async def test_the_certificate_in_kazakh_and_russian_holds_the_number_and_is_signed(world, rt):
    app, number = await _registered(world, rt)
    assert number == 1
    seen = await application(world.citizen, app.id)
    files = {f["kind"]: f for f in seen["files"]}
    assert set(files) == {"certificate_kk", "certificate_ru"}
    assert "certificate_issued" in [h["action"] for h in seen["history"]]

    texts = {}
    for kind, file in files.items():
        response = await download(world.citizen, file["url"])
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/pdf"
        content = response.content
        assert hashlib.sha256(content).hexdigest() == file["sha256"]
        texts[kind] = pdf_text(content)
        signatures = await verify_pdf(rt.signatures, content)
        assert len(signatures) == 1 and signatures[0].valid and signatures[0].covers_whole_document

        check = (await world.anon.data(CHECK, {"id": file["id"]}))["queueCertificateCheck"]
        assert check["kind"] == "registration" and check["queueNumber"] == 1
        assert check["applicationNumber"] == app.number and check["sha256"] == file["sha256"]
        assert check["language"] == kind[-2:]
        assert check["issuedAt"].startswith("2026-12-01T06:00")  # the queue's clock, as printed

    kk, ru = texts["certificate_kk"], texts["certificate_ru"]
    assert "Тұрғынжайға мұқтаждар есебіне қою туралы анықтама" in kk and "Кезек нөмірі" in kk
    assert "Справка о постановке на учёт" in ru and "Номер в очереди" in ru
    for text in (kk, ru):
        assert app.number in text
        assert "01.12.2026 11:00" in text  # the registration date and time, Almaty
        assert re.search(r"(Кезек нөмірі|Номер в очереди) 1 ", text), text


async def test_only_who_sees_the_application_gets_its_certificate(world, rt):
    app, _ = await _registered(world, rt)
    url = (await application(world.citizen, app.id))["files"][0]["url"]
    assert await application(world.other, app.id) is None
    assert await application(world.anon, app.id) is None
    # The citizen's personal link opens for nobody else.
    assert (await download(world.other, url)).status_code == 404
    assert (await download(world.anon, url)).status_code == 401
    # The officer sees the application and gets a link of their own.
    officer_files = (await application(world.officer, app.id))["files"]
    assert (await download(world.officer, officer_files[0]["url"])).status_code == 200


async def test_the_public_check_knows_only_certificates(world, rt):
    app, _ = await _registered(world, rt)
    assert (await world.anon.data(CHECK, {"id": str(app.id)}))["queueCertificateCheck"] is None
    assert (await world.anon.data(CHECK, {"id": "not-a-uuid"}))["queueCertificateCheck"] is None


async def test_the_certificates_are_issued_once_whatever_the_queues_clock_says(world, rt):
    """The queue's clock may run ahead of the machine's (tests, demo servers): papers are still issued once."""
    from backend.models.queue import QueueFile
    from backend.services.queue import documents

    with clock.at(almaty(2027, 6, 1, 10, 0)):
        app = await make_application(world.citizen.user, status=QueueStatus.IN_REVIEW, emergency=True,
                                     filed_at=clock.now())
        body = await world.officer.data(REVIEW, {"i": {"applicationId": str(app.id), "eligible": True, "reasons": [],
                                                        "comment": ""}})
        assert body["queueOfficeReview"]["errors"] == []
        assert await documents.issue_due(rt, app.id) == []  # a second run finds nothing to do
    kinds = sorted(await QueueFile.filter(application_id=app.id).values_list("kind", flat=True))
    assert [k.value for k in kinds] == ["certificate_kk", "certificate_ru"]
