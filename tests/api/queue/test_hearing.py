"""The preliminary decision and the hearing (§17): the notice and the hearing's dates across a weekend
and Nauryz, the applicant's position with a file, the officer's result signed with EDS — a reasoned
refusal with its certificate, or a registration — and who may do what."""

from __future__ import annotations

import base64

import httpx
import pytest

from backend import clock
from backend.adapters.pdf_signing import verify_pdf
from backend.adapters.registry_personas import BY_NUMBER
from backend.models.messaging import OutboxMessage
from backend.models.notifications import Notification
from backend.models.queue import QueueSignature
from tests.api.queue.decisions_world import (
    APP,
    OFFICER_IIN,
    almaty,
    download,
    officer_cms,
    pdf_text,
)
from tests.api.queue.test_filing import application as application_input
from tests.api.queue.test_filing import file_by_sms
from tests.files.tus import Tus, pdf
from tests.helpers import ApiClient, make_account

PAYLOAD = """query($i: QueueDecisionInput!) { queueDecisionPayload(input: $i) { payload digest } }"""
RESULT = """mutation($i: QueueHearingResultInput!) { queueHearingResult(input: $i) {
  application { id status queueNumber decidedAt } errors { field code params } } }"""
POSITION = """mutation($i: QueueHearingPositionSubmitInput!) { queueHearingPositionSubmit(input: $i) {
  application { id status } errors { field code params } } }"""
CHECK = "query($id: ID!) { queueCertificateCheck(id: $id) { kind queueNumber sha256 applicationNumber } }"

# Persona 06 owns a flat in Pavlodar (bought 2021): refused for owned housing in the last 5 years.
PERSONA, PHONE = "06", "+77015550106"
(REASON,) = BY_NUMBER[PERSONA].reasons
# Friday 19 March 2027, 10:00: then the weekend and Nauryz (21–24 March off) come.
FRIDAY_BEFORE_NAURYZ = almaty(2027, 3, 19, 10, 0)


@pytest.fixture
async def officer(app, rt):
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as http:
        client = ApiClient(http)
        await make_account(rt, client, "queue_officer", iin_bin=OFFICER_IIN, full_name="ЖҰМАБЕКОВ ЕРЛАН")
        yield client


@pytest.fixture
def demo_ca(settings):
    from backend.pki.demo_ca import ensure_demo_ca

    return ensure_demo_ca(settings.var_dir / "pki")


async def _refused_preliminarily(persona):
    """Persona 06 files by SMS on the eve of Nauryz; the automatic decision runs at once."""
    client = await persona(PERSONA)
    with clock.at(FRIDAY_BEFORE_NAURYZ):
        filed = await file_by_sms(client, application_input(PHONE))
    assert filed["errors"] == [], filed
    return client, filed["application"]["id"]


async def _get(client, app_id) -> dict | None:
    return (await client.data(APP, {"id": app_id}))["queueApplication"]


async def _sign_result(officer, demo_ca, app_id, outcome, reasoning, *, cert=None, tamper: str | None = None):
    decision = {"applicationId": app_id, "outcome": outcome, "reasoning": reasoning}
    payload = (await officer.data(PAYLOAD, {"i": decision}))["queueDecisionPayload"]["payload"]
    cms = officer_cms(demo_ca, payload, **({"cert": cert} if cert else {}))
    if tamper is not None:
        decision = {**decision, "reasoning": tamper}
    return (await officer.data(RESULT, {"i": {"decision": decision, "cms": cms}}))["queueHearingResult"]


async def test_the_notice_and_the_hearing_dates_across_the_weekend_and_nauryz(persona, rt):
    client, app_id = await _refused_preliminarily(persona)
    with clock.at(FRIDAY_BEFORE_NAURYZ):
        app = await _get(client, app_id)
    assert app["status"] == "HEARING"
    hearing = app["hearing"]
    assert [r["code"] for r in hearing["reasons"]] == [REASON]
    assert "2021" in hearing["reasons"][0]["explanation"]  # the text names the flat the registry holds
    # Notice on Friday 19th; the hearing within 2 working days: Thursday 25th is the first working day
    # after the weekend and Nauryz, Friday 26th the second; the result is due on Monday 29th.
    assert (hearing["noticeDate"], hearing["hearingDue"], hearing["finalDecisionDue"]) == (
        "2027-03-19", "2027-03-26", "2027-03-29")
    assert hearing["workingDaysLeft"] == 2 and hearing["outcome"] is None
    assert [(d["kind"], d["due"], d["workingDaysLeft"]) for d in app["deadlines"]] == [
        ("hearing", "2027-03-26", 2), ("final_decision", "2027-03-29", 3)]
    actions = [h["action"] for h in app["history"]]
    assert actions[:1] == ["filed"] and "decided" in actions and "preliminary_refusal" in actions

    # The notice: a signed PDF in the applicant's language (kk) with the grounds and the hearing day.
    notice = next(f for f in app["files"] if f["kind"] == "preliminary_notice")
    content = (await download(client, notice["url"])).content
    text = pdf_text(content)
    assert "алдын ала шешім" in text and REASON in text and "26.03.2027" in text
    assert [s.valid for s in await verify_pdf(rt.signatures, content)] == [True]
    # In the cabinet and by SMS.
    note = await Notification.filter(kind="QUEUE_APPLICATION_CHANGED").first()
    assert note.params["status"] == "hearing" and note.params["applicationId"] == app_id
    sms = await OutboxMessage.filter(recipient=PHONE, body__contains="алдын ала").first()
    assert sms is not None and "26.03.2027" in sms.body


async def test_the_position_with_a_file_then_a_reasoned_refusal_signed_by_the_officer(persona, officer, demo_ca, rt):
    client, app_id = await _refused_preliminarily(persona)
    with clock.at(almaty(2027, 3, 25, 11, 0)):
        upload_id = await Tus(client.http, client.token).upload(pdf(3000, seed=7), "шарт.pdf")
        sent = (await client.data(POSITION, {"i": {
            "applicationId": app_id, "text": "Пәтерді 2021 жылы ипотекамен алдым, ол кепілде.", "uploadIds": [upload_id]}}))
        assert sent["queueHearingPositionSubmit"]["errors"] == []
        hearing = (await _get(client, app_id))["hearing"]
    assert hearing["positionText"].startswith("Пәтерді") and hearing["positionSubmittedAt"]
    assert [(f["kind"], f["title"]) for f in hearing["files"]] == [("hearing_position", "шарт.pdf")]
    assert (await download(client, hearing["files"][0]["url"])).status_code == 200

    with clock.at(almaty(2027, 3, 26, 10, 0)):  # the hearing day
        done = await _sign_result(officer, demo_ca, app_id, "refused",
                                  "The flat bought in 2021 is owned now; a mortgage does not change ownership.")
    assert done["errors"] == [], done
    assert done["application"]["status"] == "REFUSED" and done["application"]["queueNumber"] is None
    signature = await QueueSignature.get(purpose="hearing_result")
    assert signature.signer_iin == OFFICER_IIN and signature.method.value == "eds"

    app = await _get(client, app_id)
    assert app["hearing"]["outcome"] == "refused" and app["hearing"]["heldAt"]
    assert app["deadlines"] == []
    certificates = {f["kind"]: f for f in app["files"] if f["kind"].startswith("certificate")}
    assert set(certificates) == {"certificate_kk", "certificate_ru"}
    ru = (await download(client, certificates["certificate_ru"]["url"])).content
    text = pdf_text(ru)
    assert "Справка об отказе" in text and REASON in text and "ЖҰМАБЕКОВ" in text
    assert "mortgage does not change ownership" in text
    assert "26.03.2027 10:00" in text  # heard and signed on the hearing day
    assert [s.valid for s in await verify_pdf(rt.signatures, ru)] == [True]
    check = (await client.data(CHECK, {"id": certificates["certificate_ru"]["id"]}))["queueCertificateCheck"]
    assert check["kind"] == "refusal" and check["queueNumber"] is None


async def test_the_hearing_may_end_in_registration(persona, officer, demo_ca):
    client, app_id = await _refused_preliminarily(persona)
    with clock.at(almaty(2027, 3, 25, 9, 30)):  # before the hearing day: registering harms nobody
        done = await _sign_result(officer, demo_ca, app_id, "registered", "")
    assert done["errors"] == [], done
    assert done["application"]["status"] == "REGISTERED" and done["application"]["queueNumber"] == 1
    app = await _get(client, app_id)
    assert {f["kind"] for f in app["files"]} >= {"certificate_kk", "certificate_ru", "preliminary_notice"}


async def test_a_refusal_waits_until_the_applicant_was_heard(persona, officer, demo_ca):
    client, app_id = await _refused_preliminarily(persona)
    decision = {"applicationId": app_id, "outcome": "refused", "reasoning": "No position was sent."}
    with clock.at(almaty(2027, 3, 26, 18, 0)):  # the hearing day, before its close, no position yet
        asked = await officer.gql(PAYLOAD, {"i": decision})
        assert asked["errors"][0]["extensions"]["reason"] == "HEARING_PENDING"
        early = (await officer.data(RESULT, {"i": {"decision": decision, "cms": "AAAA"}}))["queueHearingResult"]
    assert [e["code"] for e in early["errors"]] == ["HEARING_PENDING"]
    with clock.at(almaty(2027, 3, 26, 18, 31)):  # too late for a position now
        late = (await client.data(POSITION, {"i": {"applicationId": app_id, "text": "Late", "uploadIds": []}}))
        assert [e["code"] for e in late["queueHearingPositionSubmit"]["errors"]] == ["DEADLINE_PASSED"]
    with clock.at(almaty(2027, 3, 29, 10, 0)):
        done = await _sign_result(officer, demo_ca, app_id, "refused", "No position was sent by the hearing day.")
    assert done["errors"] == [] and done["application"]["status"] == "REFUSED"


async def test_only_the_officers_own_signature_over_this_decision_counts(persona, officer, demo_ca):
    client, app_id = await _refused_preliminarily(persona)
    with clock.at(almaty(2027, 3, 29, 10, 0)):
        other = await _sign_result(officer, demo_ca, app_id, "refused", "Owns a flat.", cert="citizen-sign")
        assert [e["code"] for e in other["errors"]] == ["SIGNER_MISMATCH"]
        tampered = await _sign_result(officer, demo_ca, app_id, "refused", "Owns a flat.", tamper="Something else.")
        assert [e["code"] for e in tampered["errors"]] == ["SIGNATURE_INVALID"]
        no_reason = (await officer.data(RESULT, {"i": {"decision": {"applicationId": app_id, "outcome": "refused",
                                                                      "reasoning": " "}, "cms": "AAAA"}}))
        assert [e["code"] for e in no_reason["queueHearingResult"]["errors"]] == ["REQUIRED"]
        bad = (await officer.data(RESULT, {"i": {"decision": {"applicationId": app_id, "outcome": "maybe",
                                                                "reasoning": "x"}, "cms": "AAAA"}}))
        assert [e["code"] for e in bad["queueHearingResult"]["errors"]] == ["INVALID"]
        assert (await _get(client, app_id))["status"] == "HEARING"
    assert await QueueSignature.filter(purpose="hearing_result").count() == 0


async def test_who_may_send_a_position_and_who_may_record_the_result(persona, officer, demo_ca, anon):
    client, app_id = await _refused_preliminarily(persona)
    stranger = await persona("01")
    position = {"i": {"applicationId": app_id, "text": "My position", "uploadIds": []}}
    decision = {"applicationId": app_id, "outcome": "registered", "reasoning": ""}
    with clock.at(almaty(2027, 3, 25, 10, 0)):
        # Another citizen: the application does not exist for them.
        assert [e["code"] for e in (await stranger.data(POSITION, position))["queueHearingPositionSubmit"]["errors"]] == ["NOT_FOUND"]
        assert await _get(stranger, app_id) is None
        # The officer hears; the applicant speaks.
        assert [e["code"] for e in (await officer.data(POSITION, position))["queueHearingPositionSubmit"]["errors"]] == ["FORBIDDEN"]
        assert [e["code"] for e in (await anon.data(POSITION, position))["queueHearingPositionSubmit"]["errors"]] == ["UNAUTHENTICATED"]
        # Only an officer records the result or gets its payload.
        for somebody in (client, stranger, anon):
            result = await somebody.data(RESULT, {"i": {"decision": decision, "cms": "AAAA"}})
            assert result["queueHearingResult"]["errors"][0]["code"] in ("FORBIDDEN", "UNAUTHENTICATED")
            body = await somebody.gql(PAYLOAD, {"i": decision})
            assert body["data"]["queueDecisionPayload"] is None
            assert body["extensions"]["denied"][0]["code"] in ("FORBIDDEN", "UNAUTHENTICATED")
        ok = (await client.data(POSITION, position))["queueHearingPositionSubmit"]
        assert ok["errors"] == [] and ok["application"]["status"] == "HEARING"
        payload = (await officer.data(PAYLOAD, {"i": decision}))["queueDecisionPayload"]
    decoded = base64.b64decode(payload["payload"]).decode()
    assert '"outcome":"registered"' in decoded and app_id in decoded
