"""Complaints against queue decisions (§§18–19): the applicant files one to the provider (5 working
days, 3 to satisfy it) or to the quality authority (15), across weekends, Nauryz and decree days;
the officer takes it up, satisfies, rejects or forwards it; only the author and the office see it."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from backend import calendar, clock
from backend.models.calendar import CalendarOverride, DayKind
from backend.models.history import HistoryEvent
from backend.models.notifications import Notification
from backend.models.queue import QueueComplaint, QueueFile, QueueStatus
from backend.services import calendar_days
from backend.services.queue.events import user_channel
from backend.adapters.pdf_signing import verify_pdf
from tests.api.queue.decisions_world import almaty, download, make_application, pdf_text, world  # noqa: F401 - fixture
from tests.files.tus import Tus, pdf
from tests.helpers import ApiClient, codes, make_account

COMPLAINT = """id number applicationId applicationNumber addressee text status registeredOn answer answeredAt
  deadlines { kind due workingDaysLeft overdue } files { id kind title size contentType url }"""
FILE = f"""mutation($i: QueueComplaintFileInput!) {{ queueComplaintFile(input: $i) {{
  complaint {{ {COMPLAINT} }} errors {{ code field params }} }} }}"""
ANSWER = f"""mutation($i: QueueComplaintAnswerInput!) {{ queueComplaintAnswer(input: $i) {{
  complaint {{ {COMPLAINT} }} errors {{ code field params }} }} }}"""
MINE = f"query {{ myQueueComplaints {{ {COMPLAINT} }} }}"
OFFICE = f"query($s: QueueComplaintStatus) {{ queueOfficeComplaints(status: $s) {{ {COMPLAINT} }} }}"
APP = "query($id: ID!) { queueApplication(id: $id) { id complaints { id number status } } }"
DAY_OFF = "mutation($i: CalendarOverrideAddInput!) { calendarOverrideAdd(input: $i) { errors { code } } }"
TEXT = "Мен шешіммен келіспеймін: тіркеу мекенжайы дұрыс есептелмеген."


@pytest.fixture(autouse=True)
def no_leaked_overrides():
    calendar.set_overrides({})
    yield
    calendar.set_overrides({})


def complaint_input(app_id, addressee: str = "PROVIDER", request_id: str = "c-1", **over) -> dict:
    return {"i": {"applicationId": str(app_id), "addressee": addressee, "text": TEXT, "uploadIds": [],
                  "requestId": request_id, **over}}


async def file_complaint(client: ApiClient, app_id, **kw) -> dict:
    body = (await client.data(FILE, complaint_input(app_id, **kw)))["queueComplaintFile"]
    assert body["errors"] == [], body["errors"]
    return body["complaint"]


async def answer(client: ApiClient, complaint_id: str, status: str, text: str = "") -> dict:
    return (await client.data(ANSWER, {"i": {"complaintId": complaint_id, "status": status, "answer": text}}))["queueComplaintAnswer"]


def terms(complaint: dict) -> dict[str, tuple[str, int]]:
    return {d["kind"]: (d["due"], d["workingDaysLeft"]) for d in complaint["deadlines"]}


async def refused(world) -> object:
    return await make_application(world.citizen.user, status=QueueStatus.REFUSED, filed_at=almaty(2026, 3, 2, 10, 0))


async def test_a_provider_complaint_over_nauryz_runs_5_working_days_and_3_to_satisfy(world):
    # given a refusal, and a complaint on Thursday 19 March 2026 at 10:00, before Nauryz (21–25 March)
    app = await refused(world)
    with clock.at(almaty(2026, 3, 19, 10, 0)):
        complaint = await file_complaint(world.citizen, app.id)
        # then it is registered that day; 5 working days are 20, 26, 27, 30, 31 March; 3 end on 27 March
        assert complaint["number"].startswith("C-2026-") and complaint["status"] == "REGISTERED"
        assert complaint["registeredOn"] == "2026-03-19" and complaint["applicationNumber"] == app.number
        assert terms(complaint) == {"complaint": ("2026-03-31", 5), "complaint_satisfy": ("2026-03-27", 3)}


async def test_after_hours_on_friday_and_a_decree_day_off_move_the_terms(world, app, rt):
    # given the admin recorded the government's decree: Tuesday 24 November 2026 is a day off
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver")
    admin = ApiClient(http)
    await make_account(rt, admin, "admin")
    added = await admin.data(DAY_OFF, {"i": {"day": "2026-11-24", "kind": "DAY_OFF", "decree": "Decree No. 5"}})
    assert added["calendarOverrideAdd"]["errors"] == []
    await http.aclose()
    app = await refused(world)
    # when complaints arrive on Friday 20 November at 19:00, after the provider's 18:30
    with clock.at(almaty(2026, 11, 20, 19, 0)):
        provider = await file_complaint(world.citizen, app.id, request_id="p")
        authority = await file_complaint(world.citizen, app.id, addressee="QUALITY_AUTHORITY", request_id="q")
    # then both count from Monday 23; the Tuesday off is skipped
    assert provider["registeredOn"] == authority["registeredOn"] == "2026-11-23"
    assert {k: v[0] for k, v in terms(provider).items()} == {"complaint": "2026-12-01", "complaint_satisfy": "2026-11-27"}
    assert {k: v[0] for k, v in terms(authority).items()} == {"complaint": "2026-12-15"}
    # and seen on Saturday, the provider's satisfy term has 4 working days left (23, 25, 26, 27)
    with clock.at(almaty(2026, 11, 21, 12, 0)):
        seen = {c["id"]: c for c in (await world.citizen.data(MINE))["myQueueComplaints"]}
    assert terms(seen[provider["id"]])["complaint_satisfy"] == ("2026-11-27", 4)


async def test_without_the_decree_the_same_complaint_is_due_a_day_earlier(world):
    app = await refused(world)
    with clock.at(almaty(2026, 11, 20, 19, 0)):
        provider = await file_complaint(world.citizen, app.id, request_id="p")
        authority = await file_complaint(world.citizen, app.id, addressee="QUALITY_AUTHORITY", request_id="q")
    assert {k: v[0] for k, v in terms(provider).items()} == {"complaint": "2026-11-30", "complaint_satisfy": "2026-11-26"}
    assert terms(authority)["complaint"][0] == "2026-12-14"


async def test_the_officer_takes_it_up_and_forwards_it_then_records_the_authoritys_answer(world, rt):
    app = await refused(world)
    with clock.at(almaty(2026, 11, 16, 10, 0)):
        complaint = await file_complaint(world.citizen, app.id)
    # when the officer opens it, then forwards it on Wednesday 18 November
    with clock.at(almaty(2026, 11, 17, 10, 0)):
        opened = await answer(world.officer, complaint["id"], "IN_REVIEW")
    assert opened["errors"] == [] and opened["complaint"]["status"] == "IN_REVIEW"
    with clock.at(almaty(2026, 11, 18, 11, 0)):
        forwarded = await answer(world.officer, complaint["id"], "FORWARDED", "Жіберілді / Направлено в уполномоченный орган")
    # then the authority's 15 working days run from that day (16 December is Independence Day)
    assert forwarded["errors"] == [] and forwarded["complaint"]["status"] == "FORWARDED"
    assert {k: v[0] for k, v in terms(forwarded["complaint"]).items()} == {"complaint": "2026-12-09"}
    # and the authority's answer is recorded; nothing runs any more
    rejected = await answer(world.officer, complaint["id"], "REJECTED", "Шешім заңды / Решение законно")
    assert rejected["complaint"]["status"] == "REJECTED" and rejected["complaint"]["deadlines"] == []
    assert rejected["complaint"]["answer"] == "Шешім заңды / Решение законно" and rejected["complaint"]["answeredAt"]
    assert (await QueueComplaint.get(id=complaint["id"])).answered_by_id == world.officer.user.id
    again = await world.officer.gql(ANSWER, {"i": {"complaintId": complaint["id"], "status": "SATISFIED", "answer": "x"}})
    assert codes(again, "queueComplaintAnswer") == ["WRONG_STATUS"]
    # every step is in the history and reached the author in the cabinet
    actions = await HistoryEvent.filter(entity="queue_complaint", entity_id=complaint["id"]).order_by("created_at", "id").values_list("action", flat=True)
    assert list(actions) == ["filed", "in_review", "forwarded", "rejected"]
    notes = await Notification.filter(user_id=world.citizen.user.id, kind="QUEUE_COMPLAINT_CHANGED").order_by("created_at")
    assert [n.params["status"] for n in notes] == ["registered", "in_review", "forwarded", "rejected"]


async def test_the_provider_satisfies_it(world):
    app = await make_application(world.citizen.user, status=QueueStatus.REGISTERED, filed_at=almaty(2026, 3, 2, 10, 0))
    complaint = await file_complaint(world.citizen, app.id)
    done = await answer(world.officer, complaint["id"], "SATISFIED", "Нөмір түзетілді / Номер исправлен")
    assert done["errors"] == [] and done["complaint"]["status"] == "SATISFIED" and done["complaint"]["deadlines"] == []


async def test_the_answer_is_a_signed_pdf_the_author_downloads(world, rt):
    app = await refused(world)
    complaint = await file_complaint(world.citizen, app.id)
    opened = await answer(world.officer, complaint["id"], "IN_REVIEW")
    assert opened["complaint"]["files"] == []  # taking it up answers nothing
    done = await answer(world.officer, complaint["id"], "REJECTED", "Тіркеу мекенжайы тізілім бойынша тексерілді.")
    [answer_file] = done["complaint"]["files"]
    assert answer_file["kind"] == "complaint_answer" and answer_file["contentType"] == "application/pdf"
    assert answer_file["title"] == f"Шағымға жауап / Ответ на жалобу № {complaint['number']}"
    # the author opens it from the complaint: signed by the provider, with the number and the answer
    [seen] = (await world.citizen.data(MINE))["myQueueComplaints"]
    response = await download(world.citizen, next(f for f in seen["files"] if f["kind"] == "complaint_answer")["url"])
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert complaint["number"] in text and app.number in text and "Тіркеу мекенжайы тізілім бойынша тексерілді." in text
    assert [s.valid for s in await verify_pdf(rt.signatures, response.content)] == [True]


async def test_answers_that_are_refused(world):
    app = await refused(world)
    provider = await file_complaint(world.citizen, app.id, request_id="p")
    authority = await file_complaint(world.citizen, app.id, addressee="QUALITY_AUTHORITY", request_id="q")
    cases = [
        (provider["id"], "REJECTED", "", "REQUIRED"),  # a rejection gives its reasons
        (provider["id"], "SATISFIED", "  ", "REQUIRED"),
        (provider["id"], "REGISTERED", "x", "INVALID"),
        (provider["id"], "REJECTED", "x" * 10_001, "TOO_LONG"),
        (authority["id"], "FORWARDED", "Sent on", "WRONG_STATUS"),  # it is at the authority already
        ("not-an-id", "REJECTED", "x", "NOT_FOUND"),
    ]
    for complaint_id, status, text, code in cases:
        body = await world.officer.gql(ANSWER, {"i": {"complaintId": complaint_id, "status": status, "answer": text}})
        assert codes(body, "queueComplaintAnswer") == [code], (status, text)
    assert await QueueComplaint.filter(status="registered").count() == 2


@pytest.mark.parametrize("status", [QueueStatus.FILED, QueueStatus.IN_REVIEW, QueueStatus.HEARING])
async def test_only_a_decision_can_be_complained_about(world, status):
    app = await make_application(world.citizen.user, status=status, filed_at=almaty(2026, 3, 2, 10, 0))
    body = await world.citizen.gql(FILE, complaint_input(app.id))
    assert codes(body, "queueComplaintFile") == ["WRONG_STATUS"]


async def test_bad_complaints_are_refused(world):
    app = await refused(world)
    cases = [
        ({"text": " "}, "REQUIRED", "text"),
        ({"text": "Too short"}, "TOO_SHORT", "text"),
        ({"text": "x" * 10_001}, "TOO_LONG", "text"),
        ({"requestId": ""}, "REQUIRED", "requestId"),
        ({"uploadIds": ["no-such-upload"]}, "UPLOAD_NOT_FOUND", "uploadIds"),
    ]
    for over, code, field in cases:
        body = await world.citizen.gql(FILE, complaint_input(app.id, request_id=over.pop("requestId", "r"), **over))
        [error] = body["data"]["queueComplaintFile"]["errors"]
        assert (error["code"], error["field"]) == (code, field), over
    assert await QueueComplaint.all().count() == 0


async def test_a_retried_request_files_one_complaint(world):
    app = await refused(world)
    first = await file_complaint(world.citizen, app.id, request_id="same")
    second = await file_complaint(world.citizen, app.id, request_id="same")
    assert first["id"] == second["id"] and await QueueComplaint.all().count() == 1


async def test_attached_files_are_the_authors_to_download(world):
    app = await refused(world)
    upload_id = await Tus(world.citizen.http, world.citizen.token).upload(pdf(2500, seed=3), "шешім.pdf")
    complaint = await file_complaint(world.citizen, app.id, uploadIds=[upload_id])
    [attached] = complaint["files"]
    assert attached["kind"] == "complaint" and attached["title"] == "шешім.pdf" and attached["size"] == 2500
    assert (await download(world.citizen, attached["url"])).status_code == 200
    # the link is personal, and the file is not among the application's own files
    assert (await download(world.other, attached["url"])).status_code in (403, 404)
    assert await QueueFile.filter(complaint_id=complaint["id"]).count() == 1


async def test_a_decree_day_recorded_in_another_worker_is_used_once_noticed(world):
    # given another worker recorded Monday 23 November a day off (a row this process did not write)
    await CalendarOverride.create(day=dt.date(2026, 11, 23), kind=DayKind.DAY_OFF, decree="Decree")
    assert await calendar_days.refresh_if_changed()
    app = await refused(world)
    with clock.at(almaty(2026, 11, 20, 19, 0)):
        complaint = await file_complaint(world.citizen, app.id)
    assert complaint["registeredOn"] == "2026-11-24"


async def test_the_author_hears_of_it_live(world, rt):
    app = await refused(world)
    async with rt.pubsub.subscribe(user_channel(world.citizen.user.id)) as messages:
        complaint = await file_complaint(world.citizen, app.id)
        message = await anext(aiter(messages))
    assert message == {"applicationId": str(app.id), "status": "refused", "complaintId": complaint["id"],
                       "complaintStatus": "registered"}


# Who may do what -----------------------------------------------------------------------------


async def test_the_author_sees_it_and_another_citizen_does_not(world):
    app = await refused(world)
    complaint = await file_complaint(world.citizen, app.id)
    assert [c["id"] for c in (await world.citizen.data(MINE))["myQueueComplaints"]] == [complaint["id"]]
    assert (await world.citizen.data(APP, {"id": str(app.id)}))["queueApplication"]["complaints"][0]["id"] == complaint["id"]
    # another citizen: nothing to see, and the application is not there to complain about
    assert (await world.other.data(MINE))["myQueueComplaints"] == []
    assert (await world.other.data(APP, {"id": str(app.id)}))["queueApplication"] is None
    assert codes(await world.other.gql(FILE, complaint_input(app.id, request_id="x")), "queueComplaintFile") == ["NOT_FOUND"]
    # nor answer it
    body = await world.other.gql(ANSWER, {"i": {"complaintId": complaint["id"], "status": "SATISFIED", "answer": "Mine now"}})
    assert codes(body, "queueComplaintAnswer") == ["FORBIDDEN"]
    office = await world.other.gql(OFFICE)
    assert office["data"]["queueOfficeComplaints"] == [] and office["extensions"]["denied"][0]["code"] == "FORBIDDEN"


async def test_the_person_an_application_was_filed_for_sees_the_application_not_the_complaint(world, app, rt):
    # given a trustee's application for the citizen
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver")
    trustee = ApiClient(http)
    await make_account(rt, trustee, "citizen")
    filed = await make_application(trustee.user, status=QueueStatus.REFUSED, filed_at=almaty(2026, 3, 2, 10, 0),
                                   person_iin_=world.citizen.user.iin_bin)
    complaint = await file_complaint(trustee, filed.id)
    # then the person sees the application, without the trustee's complaint, and cannot complain themselves
    seen = (await world.citizen.data(APP, {"id": str(filed.id)}))["queueApplication"]
    assert seen["id"] == str(filed.id) and seen["complaints"] == []
    assert (await world.citizen.data(MINE))["myQueueComplaints"] == []
    assert codes(await world.citizen.gql(FILE, complaint_input(filed.id)), "queueComplaintFile") == ["NOT_ALLOWED"]
    assert (await trustee.data(MINE))["myQueueComplaints"][0]["id"] == complaint["id"]
    await http.aclose()


async def test_the_office_lists_and_answers(world, app, rt):
    refusal = await refused(world)
    first = await file_complaint(world.citizen, refusal.id, request_id="a")
    second = await file_complaint(world.citizen, refusal.id, addressee="QUALITY_AUTHORITY", request_id="b")
    listed = (await world.officer.data(OFFICE))["queueOfficeComplaints"]
    assert [c["id"] for c in listed] == [first["id"], second["id"]]  # the nearest deadline first
    await answer(world.officer, first["id"], "IN_REVIEW")
    assert [c["id"] for c in (await world.officer.data(OFFICE, {"s": "IN_REVIEW"}))["queueOfficeComplaints"]] == [first["id"]]
    assert (await world.officer.data(APP, {"id": str(refusal.id)}))["queueApplication"]["complaints"][0]["status"] == "IN_REVIEW"
    # an admin works them too
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver")
    admin = ApiClient(http)
    await make_account(rt, admin, "admin")
    done = await answer(admin, second["id"], "SATISFIED", "Қанағаттандырылды / Удовлетворена")
    assert done["errors"] == [] and done["complaint"]["status"] == "SATISFIED"
    await http.aclose()


async def test_the_citizen_cannot_answer_and_the_officer_cannot_complain(world):
    app = await refused(world)
    complaint = await file_complaint(world.citizen, app.id)
    body = await world.citizen.gql(ANSWER, {"i": {"complaintId": complaint["id"], "status": "SATISFIED", "answer": "Fine"}})
    assert codes(body, "queueComplaintAnswer") == ["FORBIDDEN"]
    assert codes(await world.officer.gql(FILE, complaint_input(app.id)), "queueComplaintFile") == ["FORBIDDEN"]


async def test_anonymous_callers_are_refused(world):
    app = await refused(world)
    complaint = await file_complaint(world.citizen, app.id)
    assert codes(await world.anon.gql(FILE, complaint_input(app.id)), "queueComplaintFile") == ["UNAUTHENTICATED"]
    body = await world.anon.gql(ANSWER, {"i": {"complaintId": complaint["id"], "status": "SATISFIED", "answer": "x"}})
    assert codes(body, "queueComplaintAnswer") == ["UNAUTHENTICATED"]
    assert (await world.anon.gql(MINE))["data"]["myQueueComplaints"] == []
    assert (await world.anon.gql(OFFICE))["data"]["queueOfficeComplaints"] == []
