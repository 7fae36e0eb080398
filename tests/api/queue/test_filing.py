"""Filing an application to the housing queue over the API (Appendix 2, SPEC §5.1): signed by EDS
or by an SMS code bound to the data, for oneself or by a representative, with its deadlines and the
decision planned inside provider hours or for the next working day; bad input files nothing."""

from __future__ import annotations

import asyncio
import base64
import datetime as dt

import pytest

from backend import clock
from backend.adapters.registries import RegistryUnavailable
from backend.adapters.registry_personas import BY_NUMBER
from backend.calendar import ALMATY
from backend.models.history import HistoryEvent
from backend.models.jobs import ScheduledJob
from backend.models.otp import OneTimeCode
from backend.models.queue import QueueApplication, QueueFile, QueueFileKind, QueueSignature
from backend.pki.demo_ca import ensure_demo_ca
from backend.services import scheduler
from tests.files.tus import Tus, pdf, sha256
from tests.helpers import last_code
from tests.pki.cms_factory import sign

PAYLOAD = "query($i: QueueApplicationInput!) { queueSigningPayload(input: $i) { payload digest } }"
CODE = """mutation($i: QueueSmsCodeRequestInput!) { queueSmsCodeRequest(input: $i) {
  sentTo resendAvailableAt errors { field code params } } }"""
FILE = """mutation($i: QueueApplicationFileInput!) { queueApplicationFile(input: $i) {
  application { id number status businessDate filedAt signingMethod representation emergency phone email listKind
    person { iin fullName adult address { locality { code } } } representative { iin fullName }
    locality { code name republican } categories { code name } consents { consent givenAt signingMethod }
    deadlines { kind due workingDaysLeft overdue } history { at action actorName } checks { code passed applies } }
  errors { field code params } } }"""
ELIGIBILITY = """query($i: QueueClaimInput!) { queueEligibility(input: $i) {
  eligible emergency listKind checks { code passed applies reason explanation } reasons { code explanation } } }"""
PREFILL = """query($iin: String) { queuePrefill(iin: $iin) { phoneRegistered categories { code fromRegistry }
  person { iin fullName surname birthDate adult document { kind number } address { locality { code name } text } } } }"""

ALL_CONSENTS = ["PROPERTY_CHECK", "PERSONAL_DATA", "PUBLICATION", "NO_CATEGORY_ACK"]
# Tuesday 8 December 2026, 10:00 in Almaty: inside provider hours.
TUESDAY_10 = dt.datetime(2026, 12, 8, 10, 0, tzinfo=ALMATY)


@pytest.fixture
def demo_ca(settings):
    return ensure_demo_ca(settings.var_dir / "pki")


def application(phone: str, email: str = "filer@example.kz", **over) -> dict:
    return {"requestId": over.pop("requestId", "req-1"), "categories": [], "consents": list(ALL_CONSENTS),
            "phone": phone, "email": email, **over}


async def signing_payload(client, data: dict) -> tuple[bytes, str]:
    body = (await client.data(PAYLOAD, {"i": data}))["queueSigningPayload"]
    return base64.b64decode(body["payload"]), body["digest"]


async def file_by_sms(client, data: dict) -> dict:
    _, digest = await signing_payload(client, data)
    sent = (await client.data(CODE, {"i": {"phone": data["phone"], "digest": digest}}))["queueSmsCodeRequest"]
    assert sent["errors"] == [], sent
    code = await last_code(data["phone"])
    return (await client.data(FILE, {"i": {"application": data, "signature": {"method": "SMS", "smsCode": code}}}))[
        "queueApplicationFile"]


async def file_by_eds(client, demo_ca, data: dict, cert: str = "citizen-sign") -> dict:
    content, _ = await signing_payload(client, data)
    cms = base64.b64encode(sign(demo_ca, cert, content)).decode()
    return (await client.data(FILE, {"i": {"application": data, "signature": {"method": "EDS", "cms": cms}}}))[
        "queueApplicationFile"]


async def nothing_filed() -> bool:
    return (await QueueApplication.all().count() == 0 and await QueueSignature.all().count() == 0
            and await QueueFile.all().count() == 0 and await ScheduledJob.all().count() == 0
            and await HistoryEvent.filter(entity="queue_application").count() == 0)


# Self-filing ---------------------------------------------------------------------------------


async def test_a_citizen_files_for_herself_signing_by_sms_and_the_decision_runs_at_once(persona, decisions):
    client = await persona("01")  # Сейітқали Нұрлан, Karaganda, never owned housing
    with clock.at(TUESDAY_10):
        filed = await file_by_sms(client, application("+77015550101", categories=["large_family"]))
    assert filed["errors"] == []
    app = filed["application"]
    assert app["number"] == "Q-2026-000001"
    assert app["status"] == "FILED" and app["signingMethod"] == "SMS" and app["representation"] == "SELF"
    assert app["person"]["iin"] == "920314301077" and app["person"]["fullName"] == "Сейітқали Нұрлан Болатұлы"
    assert app["representative"] is None
    assert app["locality"] == {"code": "karaganda", "name": "Қарағанды", "republican": False}  # kk: the account's locale
    assert [c["code"] for c in app["categories"]] == ["large_family"]
    assert app["businessDate"] == "2026-12-08"
    assert {c["consent"] for c in app["consents"]} == set(ALL_CONSENTS)
    assert {c["signingMethod"] for c in app["consents"]} == {"SMS"}
    assert [(d["kind"], d["due"]) for d in app["deadlines"]] == [("decision", "2026-12-08"), ("notify", "2026-12-10")]
    assert [h["action"] for h in app["history"]] == ["filed"]
    assert app["history"][0]["at"] == app["filedAt"]  # the queue's clock, also when a demo server moved it
    assert app["history"][0]["actorName"] == "Сейітқали Нұрлан Болатұлы"
    assert {c["code"] for c in app["checks"] if c["applies"] and not c["passed"]} == set()
    # Inside provider hours the automatic decision runs right after the filing commits.
    assert decisions == [app["id"]]
    job = await ScheduledJob.get(ref=app["id"])
    assert job.kind == "queue.decide" and job.status.value == "done"
    signature = await QueueSignature.get(application_id=app["id"])
    assert (signature.method.value, signature.purpose, signature.phone, signature.signer_iin) == (
        "sms", "application", "+77015550101", "920314301077")
    stored = await QueueApplication.get(id=app["id"])
    assert stored.signed_digest == signature.digest and len(stored.signed_digest) == 64


async def test_a_citizen_files_for_herself_signing_with_eds(persona, decisions, demo_ca):
    client = await persona("02")  # Садықова Әйгерім: the demo CA's citizen, Astana since 2012
    with clock.at(TUESDAY_10):
        filed = await file_by_eds(client, demo_ca, application("+77011234567"))
    assert filed["errors"] == []
    app = filed["application"]
    assert app["signingMethod"] == "EDS" and app["locality"]["code"] == "astana" and app["locality"]["republican"]
    signature = await QueueSignature.get(application_id=app["id"])
    assert signature.method.value == "eds" and signature.signer_iin == "900515300197" and signature.certificate_serial
    assert signature.cms  # the CMS itself is kept, hex
    assert decisions == [app["id"]]


@pytest.mark.parametrize(("moment", "business_date", "decide_at", "notify_due"), [
    # Friday after 18:30: counts from Monday, decided on Monday at 09:00.
    (dt.datetime(2026, 12, 4, 19, 0, tzinfo=ALMATY), "2026-12-07", dt.datetime(2026, 12, 7, 9, 0, tzinfo=ALMATY), "2026-12-09"),
    # Saturday: the same.
    (dt.datetime(2026, 12, 5, 11, 0, tzinfo=ALMATY), "2026-12-07", dt.datetime(2026, 12, 7, 9, 0, tzinfo=ALMATY), "2026-12-09"),
    # Before opening on a working day: that day, at 09:00.
    (dt.datetime(2026, 12, 8, 7, 30, tzinfo=ALMATY), "2026-12-08", dt.datetime(2026, 12, 8, 9, 0, tzinfo=ALMATY), "2026-12-10"),
    # In the lunch break: that day, after lunch.
    (dt.datetime(2026, 12, 8, 13, 40, tzinfo=ALMATY), "2026-12-08", dt.datetime(2026, 12, 8, 14, 30, tzinfo=ALMATY), "2026-12-10"),
    # The eve of Independence Day after hours: Thursday 17 December, the notice by Monday 21 December.
    (dt.datetime(2026, 12, 15, 20, 0, tzinfo=ALMATY), "2026-12-17", dt.datetime(2026, 12, 17, 9, 0, tzinfo=ALMATY), "2026-12-21"),
])
async def test_an_after_hours_filing_counts_from_the_next_working_day(persona, decisions, rt, moment, business_date,
                                                                      decide_at, notify_due):
    client = await persona("08")
    with clock.at(moment):
        filed = await file_by_sms(client, application("+77015550108"))
    assert filed["errors"] == []
    app = filed["application"]
    assert app["businessDate"] == business_date
    assert dict((d["kind"], d["due"]) for d in app["deadlines"]) == {"decision": business_date, "notify": notify_due}
    job = await ScheduledJob.get(ref=app["id"])
    assert job.kind == "queue.decide" and job.run_at == decide_at.astimezone(dt.timezone.utc)
    assert decisions == []  # nothing ran outside provider hours
    with clock.at(decide_at - dt.timedelta(minutes=1)):
        assert await scheduler.run_due(rt) == 0
    with clock.at(decide_at + dt.timedelta(seconds=1)):
        assert await scheduler.run_due(rt) == 1
    assert decisions == [app["id"]]


async def test_the_emergency_path_attaches_the_conclusion_and_goes_to_an_officer(persona, decisions):
    client = await persona("11")  # her only house in Kyzylorda is declared in emergency condition
    conclusion = pdf(4096, seed=11)
    upload_id = await Tus(client.http, client.token).upload(conclusion, "conclusion.pdf")
    data = application("+77015550111", emergency=True, technicalConclusionUploadId=upload_id)
    content, _ = await signing_payload(client, data)
    assert sha256(conclusion).encode() in content  # the signature covers the conclusion's bytes
    with clock.at(TUESDAY_10):
        filed = await file_by_sms(client, data)
    assert filed["errors"] == []
    app = filed["application"]
    assert app["status"] == "IN_REVIEW" and app["emergency"] is True
    assert dict((d["kind"], d["due"]) for d in app["deadlines"]) == {"decision": "2026-12-10", "notify": "2026-12-10"}
    file = await QueueFile.get(application_id=app["id"])
    assert file.kind is QueueFileKind.TECHNICAL_CONCLUSION and file.sha256 == sha256(conclusion)
    assert await ScheduledJob.all().count() == 0 and decisions == []  # the officer decides


# Representatives -----------------------------------------------------------------------------


async def test_a_guardian_files_for_a_minor(persona, decisions):
    guardian = await persona("22")  # Мұратова Гүлнұр, the recorded guardian of #21
    with clock.at(TUESDAY_10):
        prefill = (await guardian.data(PREFILL, {"iin": "110404502474"}))["queuePrefill"]
        assert prefill["person"]["iin"] == "110404502474" and prefill["person"]["adult"] is False
        assert prefill["person"]["address"]["locality"]["code"] == "kokshetau"
        filed = await file_by_sms(guardian, application(
            "+77015550122", representation="LEGAL_REPRESENTATIVE", personIin="110404502474"))
    assert filed["errors"] == []
    app = filed["application"]
    assert app["representation"] == "LEGAL_REPRESENTATIVE"
    assert app["person"]["iin"] == "110404502474" and app["person"]["adult"] is False
    assert app["representative"] == {"iin": "800202402543", "fullName": "Мұратова Гүлнұр Сабитқызы"}
    assert app["locality"]["code"] == "kokshetau"
    # The SMS code went to the filer's own phone; the signature is the guardian's.
    signature = await QueueSignature.get(application_id=app["id"])
    assert signature.signer_iin == "800202402543" and signature.phone == "+77015550122"


async def test_a_trustee_files_for_the_person_who_gave_the_power_of_attorney(persona, decisions):
    trustee = await persona("25")
    with clock.at(TUESDAY_10):
        filed = await file_by_sms(trustee, application(
            "+77015550126", representation="TRUSTEE", personIin="551010402688", categories=["pensioner"]))
    assert filed["errors"] == []
    app = filed["application"]
    assert app["representation"] == "TRUSTEE" and app["person"]["iin"] == "551010402688"
    assert app["representative"]["iin"] == "820505302756"
    assert app["listKind"] == "VULNERABLE"


async def test_the_represented_person_sees_the_application_filed_for_them(persona, decisions):
    trustee = await persona("25")
    with clock.at(TUESDAY_10):
        filed = await file_by_sms(trustee, application("+77015550126", representation="TRUSTEE", personIin="551010402688"))
    principal = await persona("24")
    mine = (await principal.data("query { myQueueApplications { edges { node { id representation } } } }"))
    assert [e["node"]["id"] for e in mine["myQueueApplications"]["edges"]] == [filed["application"]["id"]]


# Bad input files nothing -----------------------------------------------------------------------

BAD = [
    ("consent missing", "01", {"consents": ["PROPERTY_CHECK", "PERSONAL_DATA", "NO_CATEGORY_ACK"]},
     [("consents", "CONSENT_REQUIRED", {"consent": "publication"})]),
    ("no consents", "01", {"consents": []}, [("consents", "CONSENT_REQUIRED", None)] * 4),
    ("bad phone", "01", {"phone": "12345"}, [("phone", "INVALID_PHONE", None)]),
    ("foreign phone", "01", {"phone": "+12025550123"}, [("phone", "INVALID_PHONE", None)]),
    ("bad email", "01", {"email": "not-an-email"}, [("email", "INVALID_EMAIL", None)]),
    ("unknown category", "01", {"categories": ["astronaut"]}, [("categories", "INVALID", {"unknown": ["astronaut"]})]),
    ("emergency without a conclusion", "11", {"emergency": True}, [("technicalConclusionUploadId", "TECHNICAL_CONCLUSION_REQUIRED", None)]),
    ("a conclusion that is no upload", "11", {"emergency": True, "technicalConclusionUploadId": "nope"},
     [("technicalConclusionUploadId", "UPLOAD_NOT_FOUND", None)]),
    ("no request id", "01", {"requestId": " "}, [("requestId", "REQUIRED", None)]),
    ("self with another IIN", "01", {"personIin": "551010402688"}, [("personIin", "INVALID", {"cause": "self_with_other_iin"})]),
    ("representative without IIN", "25", {"representation": "TRUSTEE"}, [("personIin", "REQUIRED", None)]),
    ("IIN that is no IIN", "25", {"representation": "TRUSTEE", "personIin": "123"}, [("personIin", "INVALID", None)]),
    # Someone the registry does not know looks like someone one does not represent: IINs cannot be probed.
    ("person unknown to the registry", "25", {"representation": "TRUSTEE", "personIin": "900515300286"},
     [("personIin", "NOT_A_REPRESENTATIVE", None)]),
    ("not the recorded trustee", "01", {"representation": "TRUSTEE", "personIin": "551010402688"},
     [("personIin", "NOT_A_REPRESENTATIVE", None)]),
    ("a parent is no trustee", "01", {"representation": "TRUSTEE", "personIin": "160820602618"},
     [("personIin", "NOT_A_REPRESENTATIVE", None)]),
    ("legal representative of an adult", "25", {"representation": "LEGAL_REPRESENTATIVE", "personIin": "551010402688"},
     [("personIin", "NOT_A_MINOR", None)]),
    ("legal representative of an adult one does not represent", "01",
     {"representation": "LEGAL_REPRESENTATIVE", "personIin": "551010402688"}, [("personIin", "NOT_A_REPRESENTATIVE", None)]),
    ("legal representative not recorded", "22", {"representation": "LEGAL_REPRESENTATIVE", "personIin": "160820602618"},
     [("personIin", "NOT_A_REPRESENTATIVE", None)]),
]


@pytest.mark.parametrize(("case", "who", "change", "expected"), BAD, ids=[b[0] for b in BAD])
async def test_bad_input_is_a_clear_error_and_files_nothing(persona, decisions, case, who, change, expected):
    client = await persona(who)
    data = {**application(BY_NUMBER[who].account_phone or ""), **change}
    body = await client.data(FILE, {"i": {"application": data, "signature": {"method": "SMS", "smsCode": "123456"}}})
    errors = body["queueApplicationFile"]["errors"]
    assert body["queueApplicationFile"]["application"] is None
    assert [(e["field"], e["code"]) for e in errors] == [(f, c) for f, c, _ in expected]
    for error, (_, _, params) in zip(errors, expected):
        if params:
            assert {k: error["params"][k] for k in params} == params
    assert await nothing_filed()
    # The signing payload refuses the same input the same way, as a BAD_USER_INPUT with the code as reason.
    refused = await client.gql(PAYLOAD, {"i": data})
    assert refused["errors"][0]["extensions"]["reason"] == expected[0][1]


async def test_the_sms_code_goes_only_to_a_phone_of_the_mobile_base(persona):
    client = await persona("26")  # eligible, but his phone is not in the mobile citizens' base
    data = application("+77015550127")
    _, digest = await signing_payload(client, data)
    body = (await client.data(CODE, {"i": {"phone": data["phone"], "digest": digest}}))["queueSmsCodeRequest"]
    assert [(e["field"], e["code"]) for e in body["errors"]] == [("phone", "PHONE_NOT_IN_MOBILE_BASE")]
    assert body["sentTo"] is None and await OneTimeCode.all().count() == 0
    # Another citizen's registered phone is not his either.
    body = (await client.data(CODE, {"i": {"phone": "+77015550101", "digest": digest}}))["queueSmsCodeRequest"]
    assert [e["code"] for e in body["errors"]] == ["PHONE_NOT_IN_MOBILE_BASE"]
    body = (await client.data(CODE, {"i": {"phone": data["phone"], "digest": "abc"}}))["queueSmsCodeRequest"]
    assert [(e["field"], e["code"]) for e in body["errors"]] == [("digest", "INVALID")]


async def test_a_code_sent_for_other_data_does_not_sign_this(persona, decisions):
    client = await persona("01")
    first = application("+77015550101", categories=["large_family"])
    _, digest = await signing_payload(client, first)
    await client.data(CODE, {"i": {"phone": first["phone"], "digest": digest}})
    code = await last_code(first["phone"])
    changed = {**first, "categories": []}
    body = (await client.data(FILE, {"i": {"application": changed, "signature": {"method": "SMS", "smsCode": code}}}))
    assert [(e["field"], e["code"]) for e in body["queueApplicationFile"]["errors"]] == [("smsCode", "OTP_INVALID")]
    assert await nothing_filed()
    # A wrong code for the right data is refused too, and the right one still files.
    body = await client.data(FILE, {"i": {"application": first, "signature": {"method": "SMS", "smsCode": "000000" if code != "000000" else "111111"}}})
    assert [e["code"] for e in body["queueApplicationFile"]["errors"]] == ["OTP_INVALID"]
    body = await client.data(FILE, {"i": {"application": first, "signature": {"method": "SMS", "smsCode": code}}})
    assert body["queueApplicationFile"]["errors"] == []


@pytest.mark.parametrize(("cert", "mangle", "code"), [
    ("bayterek-director-sign", None, "SIGNER_MISMATCH"),  # somebody else's certificate
    ("citizen-sign", "other-bytes", "SIGNATURE_INVALID"),  # her certificate over other data
    ("citizen-sign", "garbage", "CMS_MALFORMED"),
])
async def test_an_eds_signature_counts_only_by_the_filers_certificate_over_these_bytes(persona, decisions, demo_ca, cert, mangle, code):
    client = await persona("02")
    data = application("+77011234567")
    content, _ = await signing_payload(client, data)
    if mangle == "garbage":
        cms = "not base64!"
    else:
        signed = content + b" " if mangle == "other-bytes" else content
        cms = base64.b64encode(sign(demo_ca, cert, signed)).decode()
    body = await client.data(FILE, {"i": {"application": data, "signature": {"method": "EDS", "cms": cms}}})
    assert [(e["field"], e["code"]) for e in body["queueApplicationFile"]["errors"]] == [("cms", code)]
    assert await nothing_filed()


async def test_one_open_application_per_person(persona, decisions):
    client = await persona("01")
    with clock.at(TUESDAY_10):
        assert (await file_by_sms(client, application("+77015550101", requestId="first")))["errors"] == []
        # The code's resend interval has to pass before another code is sent to the same phone.
        await OneTimeCode.all().update(created_at=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
        data = application("+77015550101", requestId="second")
        body = await client.data(FILE, {"i": {"application": data, "signature": {"method": "SMS", "smsCode": "123456"}}})
    assert [e["code"] for e in body["queueApplicationFile"]["errors"]] == ["ALREADY_FILED"]
    assert await QueueApplication.all().count() == 1


async def test_a_repeated_request_id_files_once(persona, decisions):
    client = await persona("01")
    data = application("+77015550101", requestId="double-click")
    with clock.at(TUESDAY_10):
        first = await file_by_sms(client, data)
        # The retry carries the same (now used) code: it gets the application it filed, not an error.
        code = await last_code(data["phone"])
        again = (await client.data(FILE, {"i": {"application": data, "signature": {"method": "SMS", "smsCode": code}}}))[
            "queueApplicationFile"]
    assert first["errors"] == [] and again["errors"] == []
    assert again["application"]["id"] == first["application"]["id"]
    assert await QueueApplication.all().count() == 1 and await QueueSignature.all().count() == 1
    assert await HistoryEvent.filter(entity="queue_application").count() == 1
    assert decisions == [first["application"]["id"]]


# Before filing ---------------------------------------------------------------------------------


async def test_checking_before_applying_shows_the_reasons_and_stores_nothing(persona):
    client = await persona("06")  # owns a flat bought in 2021
    before = (await HistoryEvent.all().count(), await OneTimeCode.all().count())
    with clock.at(TUESDAY_10):
        result = (await client.data(ELIGIBILITY, {"i": {}}))["queueEligibility"]
    assert result["eligible"] is False and result["emergency"] is False
    assert "OWNED_HOUSING_5Y" in [r["code"] for r in result["reasons"]]
    failed = [c for c in result["checks"] if c["applies"] and not c["passed"]]
    assert [c["reason"] for c in failed] == ["OWNED_HOUSING_5Y"] and all(c["explanation"] for c in result["checks"])
    assert (await HistoryEvent.all().count(), await OneTimeCode.all().count()) == before
    assert await nothing_filed()


async def test_checking_for_a_represented_person_uses_their_registry_data(persona):
    guardian = await persona("22")
    with clock.at(TUESDAY_10):
        result = (await guardian.data(ELIGIBILITY, {"i": {"representation": "LEGAL_REPRESENTATIVE",
                                                          "personIin": "110404502474"}}))["queueEligibility"]
        refused = await guardian.gql(ELIGIBILITY, {"i": {"representation": "TRUSTEE", "personIin": "110404502474"}})
    assert result["eligible"] is True
    assert refused["errors"][0]["extensions"]["reason"] == "NOT_A_REPRESENTATIVE"
    assert await nothing_filed()


async def test_the_prefill_is_the_registrys_own_data(persona):
    client = await persona("19")  # disability group II confirmed by the registry
    with clock.at(TUESDAY_10):
        body = (await client.data(PREFILL))["queuePrefill"]
    assert body["person"]["iin"] == "771201402334" and body["person"]["adult"] is True
    assert body["person"]["document"]["kind"] == "id_card"
    assert body["categories"] == [{"code": "disability_1_2", "fromRegistry": True}]
    assert body["phoneRegistered"] is True
    lacking = await persona("26")
    assert (await lacking.data(PREFILL))["queuePrefill"]["phoneRegistered"] is False
    refused = await client.gql(PREFILL, {"iin": "551010402688"})  # she represents nobody
    assert refused["data"]["queuePrefill"] is None
    assert refused["errors"][0]["extensions"]["reason"] == "NOT_A_REPRESENTATIVE"


async def test_filings_at_the_same_time_file_once_per_person(persona, decisions, demo_ca):
    client = await persona("02")
    with clock.at(TUESDAY_10):
        same = application("+77011234567", requestId="same")
        other = application("+77011234567", requestId="other")
        results = await asyncio.gather(*(file_by_eds(client, demo_ca, data) for data in (same, same, other)))
    outcome = [r["application"]["id"] if r["application"] else [e["code"] for e in r["errors"]] for r in results]
    assert await QueueApplication.all().count() == 1 and await QueueSignature.all().count() == 1
    # Whichever request won, the double click's two answers are the same, and the other request for
    # the same person is ALREADY_FILED.
    assert outcome[0] == outcome[1]
    assert sorted([isinstance(outcome[0], str), isinstance(outcome[2], str)]) == [False, True]
    assert ["ALREADY_FILED"] in (outcome[0], outcome[2])


async def test_without_the_registries_nothing_is_filed_and_the_code_stays_usable(persona, decisions, rt, monkeypatch):
    client = await persona("01")
    data = application("+77015550101")
    _, digest = await signing_payload(client, data)
    await client.data(CODE, {"i": {"phone": data["phone"], "digest": digest}})
    code = await last_code(data["phone"])

    async def down(*args):
        raise RegistryUnavailable("timeout")

    with monkeypatch.context() as patch:
        patch.setattr(rt.registry, "person", down)
        body = await client.data(FILE, {"i": {"application": data, "signature": {"method": "SMS", "smsCode": code}}})
        assert [e["code"] for e in body["queueApplicationFile"]["errors"]] == ["REGISTRY_UNAVAILABLE"]
        assert await nothing_filed()
    with clock.at(TUESDAY_10):
        body = await client.data(FILE, {"i": {"application": data, "signature": {"method": "SMS", "smsCode": code}}})
    assert body["queueApplicationFile"]["errors"] == []


async def test_explanations_follow_the_request_language(persona):
    client = await persona("06")
    with clock.at(TUESDAY_10):
        ru = (await client.data(ELIGIBILITY, {"i": {}}, headers={"x-locale": "ru"}))["queueEligibility"]
        en = (await client.data(ELIGIBILITY, {"i": {}}, headers={"x-locale": "en"}))["queueEligibility"]
    assert [r["code"] for r in ru["reasons"]] == [r["code"] for r in en["reasons"]]
    assert ru["reasons"][0]["explanation"] != en["reasons"][0]["explanation"]
    # The reason's text names what the failed check found: the flat, the dates.
    assert "Pavlodar" in en["reasons"][0]["explanation"] and "2021-04-12" in en["reasons"][0]["explanation"]
    assert "пять лет" in ru["reasons"][0]["explanation"] and "12.04.2021" in ru["reasons"][0]["explanation"]


async def test_filed_in_provider_hours_it_is_decided_before_the_answer_and_after_hours_on_the_next_morning(persona, rt):
    now = await persona("01")
    with clock.at(TUESDAY_10):
        filed = (await file_by_sms(now, application("+77015550101")))["application"]
    assert filed["status"] == "REGISTERED"  # the real decision ran right after the filing committed

    later = await persona("08")
    # Codes from one address are rate-limited: the first one is made old enough not to count.
    await OneTimeCode.all().update(created_at=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    with clock.at(dt.datetime(2026, 12, 8, 19, 0, tzinfo=ALMATY)):  # the same Tuesday, after hours
        filed = (await file_by_sms(later, application("+77015550108")))["application"]
    assert filed["status"] == "FILED"
    with clock.at(dt.datetime(2026, 12, 9, 9, 0, 5, tzinfo=ALMATY)):
        assert await scheduler.run_due(rt) == 1
    assert (await QueueApplication.get(id=filed["id"])).status.value == "registered"
