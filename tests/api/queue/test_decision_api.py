"""The decision over the API, from filing on: inside provider hours decided at once, after hours by
the job on the next working day (after a restart), and the decision arriving live by subscription
to the applicant and the office, and to nobody else."""

from __future__ import annotations

import asyncio

import pytest

from backend import clock
from backend.adapters.messaging import DevOutbox
from backend.adapters.pubsub import InProcessPubSub
from backend.adapters.registry_personas import BY_IIN, PERSONAS
from backend.models.messaging import OutboxMessage
from backend.runtime import Runtime
from backend.services import scheduler
from tests.api.queue.decisions_world import APP, almaty
from tests.api.queue.test_filing import application as application_input
from tests.api.queue.test_filing import file_by_sms
from tests.files.tus import Tus, pdf
from tests.ws import GraphQLWebSocket

PHONE_01 = "+77015550101"  # persona 01: eligible, Karaganda
CHECKS = "query($id: ID!) { queueApplication(id: $id) { checks { passed applies reason } } }"
REVIEW = """mutation($i: QueueOfficeReviewInput!) { queueOfficeReview(input: $i) { errors { field code } } }"""
LIVE = "subscription { queueApplicationChanged { applicationId status application { number queueNumber } } }"


@pytest.fixture
def demo_ca(settings):
    from backend.pki.demo_ca import ensure_demo_ca

    return ensure_demo_ca(settings.var_dir / "pki")


async def _get(client, app_id):
    return (await client.data(APP, {"id": app_id}))["queueApplication"]


async def test_inside_provider_hours_the_decision_is_taken_at_once(persona):
    client = await persona("01")
    with clock.at(almaty(2026, 12, 8, 10, 0)):  # Tuesday inside provider hours: the job runs right after filing
        filed = await file_by_sms(client, application_input(PHONE_01))
        assert filed["errors"] == []
        app = await _get(client, filed["application"]["id"])
    assert app["status"] == "REGISTERED" and app["queueNumber"] == 1
    assert app["deadlines"] == []  # nothing is due any more
    assert {f["kind"] for f in app["files"]} == {"certificate_kk", "certificate_ru"}
    actions = [h["action"] for h in app["history"]]
    assert actions[0] == "filed" and {"decided", "queue_registered", "certificate_issued"} <= set(actions)
    sms = await OutboxMessage.filter(recipient=PHONE_01, body__contains="кезек нөміріңіз 1").first()
    assert sms is not None


async def test_after_hours_the_job_decides_on_the_next_working_day_even_after_a_restart(persona, settings):
    client = await persona("01")
    with clock.at(almaty(2026, 12, 11, 19, 5)):  # Friday after closing
        filed = await file_by_sms(client, application_input(PHONE_01))
        app_id = filed["application"]["id"]
        assert (await _get(client, app_id))["status"] == "FILED"
    with clock.at(almaty(2026, 12, 12, 11, 0)):  # Saturday: still filed, the decision is due Monday
        app = await _get(client, app_id)
        assert app["status"] == "FILED"
        assert [(d["kind"], d["due"], d["workingDaysLeft"]) for d in app["deadlines"]] == [
            ("decision", "2026-12-14", 1), ("notify", "2026-12-17", 3)]  # 16 December: Independence Day

    # The process that filed is gone; a new one starts on Monday morning and runs what is due.
    restarted = Runtime(settings=settings, messenger=DevOutbox(), pubsub=InProcessPubSub())
    with clock.at(almaty(2026, 12, 14, 9, 0, 5)):
        assert await scheduler.run_due(restarted) >= 1
    await restarted.close()
    with clock.at(almaty(2026, 12, 14, 9, 1)):
        app = await _get(client, app_id)
    assert app["status"] == "REGISTERED" and app["queueNumber"] == 1
    assert app["decidedAt"].startswith("2026-12-14T04:00")  # 09:00 Almaty, within the notify deadline


async def test_the_decision_arrives_live_to_the_applicant_and_the_office_only(persona, live_server, queue_officer):
    client = await persona("01")
    stranger = await persona("03")
    mine = await GraphQLWebSocket.connect(live_server, client.token)
    office = await GraphQLWebSocket.connect(live_server, queue_officer.token)
    other = await GraphQLWebSocket.connect(live_server, stranger.token)
    for socket in (mine, office, other):
        await socket.subscribe(LIVE)
    await asyncio.sleep(0.2)
    with clock.at(almaty(2026, 12, 8, 10, 0)):
        filed = await file_by_sms(client, application_input(PHONE_01))
    app_id = filed["application"]["id"]

    async def registered(socket):
        while True:
            event = (await socket.next_message())["payload"]["data"]["queueApplicationChanged"]
            assert event["applicationId"] == app_id
            if event["status"] == "REGISTERED":
                return event

    event = await registered(mine)
    assert event["application"] == {"number": filed["application"]["number"], "queueNumber": 1}
    assert (await registered(office))["application"]["queueNumber"] == 1
    with pytest.raises(TimeoutError):
        await other.next_message(timeout=0.5)
    for socket in (mine, office, other):
        await socket.close()


async def test_a_subscription_needs_a_signed_in_viewer(live_server):
    socket = await GraphQLWebSocket.connect(live_server, None)
    await socket.subscribe(LIVE)
    message = await socket.next_message()
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"
    await socket.close()


def _files_by_api(p) -> bool:
    # Persona 26 has no phone in the mobile base (signs by EDS only; A's filing tests cover it).
    return p.expected in ("registered", "refused", "emergency") and p.number != "26"


@pytest.mark.parametrize("persona_row", [p for p in PERSONAS if _files_by_api(p)],
                         ids=lambda p: f"{p.number}-{'+'.join(p.reasons) or p.expected}")
async def test_every_persona_filed_over_the_api_is_decided_with_its_reason_codes(persona, persona_row, demo_ca,
                                                                                 queue_officer):
    """Filed -> decided -> registered, or a preliminary refusal with exactly the persona's reason codes."""
    filer_iin = persona_row.filed_by or persona_row.iin
    filer_row = BY_IIN[filer_iin]
    client = await persona(filer_iin)
    extra: dict = {"categories": list(persona_row.categories)}
    if persona_row.filed_by:
        extra.update(representation=persona_row.representation.upper(), personIin=persona_row.iin)
    with clock.at(almaty(2026, 12, 8, 10, 0)):
        if persona_row.emergency:
            extra.update(emergency=True, technicalConclusionUploadId=await Tus(client.http, client.token).upload(
                pdf(4000, seed=3), "conclusion.pdf"))
        filed = await file_by_sms(client, application_input(filer_row.mobile_phones[0], **extra))
        assert filed["errors"] == [], filed
        app = await _get(client, filed["application"]["id"])
        if persona_row.emergency:
            assert app["status"] == "IN_REVIEW"
            # The officer reads the checks made at filing, as the back office shows them.
            checks = (await queue_officer.data(CHECKS, {"id": app["id"]}))["queueApplication"]["checks"]
            codes = [c["reason"] for c in checks if c["applies"] and not c["passed"]]
            body = await queue_officer.data(REVIEW, {"i": {"applicationId": app["id"], "eligible": not codes,
                                                           "reasons": codes, "comment": "per the registry checks"}})
            assert body["queueOfficeReview"]["errors"] == []
            app = await _get(client, app["id"])
    if persona_row.reasons:
        assert app["status"] == "HEARING"
        assert [r["code"] for r in app["hearing"]["reasons"]] == list(persona_row.reasons)
    else:
        assert app["status"] == "REGISTERED" and app["queueNumber"] == 1
