"""Demo data of the cabinet: meetings (owned by that domain).

In the demo resident's building (Астана, Тұран даңғылы, 1 of ТОО «Жайлы үй»):
- OPEN «Жылу жүйесін жөндеу / Ремонт системы отопления»: three questions, the estimate as a PDF,
  voting from 3 days before the seeding's clock to 21 days after it (the e2e server's clock,
  SHANYRAQ_CLOCK_START, 2026-12-08 by default, is inside); two neighbours have voted, the demo
  resident (account 10117) has not — the e2e votes;
- CLOSED «Аулаға балалар алаңын орнату / Установка детской площадки»: two months ago, with the
  neighbours' and the resident's votes; question 1 adopted (183.80 of 337.60 m² for), question 2 not.
Opening goes through services/meetings (MEETING_OPENED to the building's residents, the closing
job planned); the closed one is closed by the same code as the scheduler's job.

Idempotent: a meeting with one of these titles in the building is not made again."""

from __future__ import annotations

import datetime as dt
import hashlib

from backend import clock
from backend.adapters.pdf import OfficialDocument, render_pdf
from backend.demo_cabinet.accounts import STAFF_EMAIL, ZHAILY_UY
from backend.models.housing import Building, PersonalAccount
from backend.models.identity import User
from backend.models.meetings import Meeting, MeetingDocument, MeetingQuestion, MeetingStatus, MeetingVote, VoteChoice
from backend.runtime import Runtime
from backend.services import history
from backend.services.documents import put_bytes
from backend.services.housing.access import staff_scope
from backend.services.meetings import manage
from backend.services.meters.window import ALMATY
from backend.services.tx import atomic

F, A, X = VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN

OPEN_TITLE = "Жылу жүйесін жөндеу / Ремонт системы отопления"
OPEN_DESCRIPTION = (
    "Үйдің жылу жүйесінің құбырлары мен радиаторлары тозған. Басқарушы компания күрделі жөндеуді ұсынады; "
    "смета қоса берілген.\n"
    "Трубы и радиаторы системы отопления дома изношены. Управляющая компания предлагает капитальный ремонт; "
    "смета во вложении.")
OPEN_QUESTIONS = (
    "Жылу жүйесін күрделі жөндеу сметасын бекіту (4 850 000 ₸) / "
    "Утвердить смету капитального ремонта системы отопления (4 850 000 ₸)",
    "Мердігер ретінде «ЖылуСервис» ЖШС-ын таңдау / Выбрать подрядчиком ТОО «ЖылуСервис»",
    "Жұмыстарды 2027 жылғы мамыр–тамыз айларында жүргізу / Провести работы в мае–августе 2027 года",
)
# flat account number → choices on the open meeting's questions (the demo resident's 10117 has not voted)
OPEN_VOTES = {"10116": (F, F, A), "10119": (A, X, F)}

CLOSED_TITLE = "Аулаға балалар алаңын орнату / Установка детской площадки во дворе"
CLOSED_QUESTIONS = (
    "Аулаға балалар алаңын орнату (1 200 000 ₸, күрделі жөндеу қорынан) / "
    "Установить детскую площадку во дворе (1 200 000 ₸ из фонда капремонта)",
    "Алаңды күтіп-ұстауға айына 15 ₸/м² жарна / Взнос 15 ₸/м² в месяц на содержание площадки",
)
CLOSED_VOTES = {"10115": (F, F), "10116": (F, A), "10117": (F, F), "10119": (A, A), "10120": (X, X)}


def _estimate_pdf(now: dt.datetime) -> bytes:
    return render_pdf(OfficialDocument(
        title="Жылу жүйесін күрделі жөндеу сметасы / Смета капитального ремонта системы отопления",
        subtitle="Астана қ., Тұран даңғылы, 1",
        issuer=ZHAILY_UY.name, reference="DEMO · СМ-2026-117", issued_at=now,
        fields=[("Құбырларды ауыстыру / Замена стояков", "2 300 000 ₸"),
                ("Радиаторлар / Радиаторы (64 дана / шт.)", "1 920 000 ₸"),
                ("Жылу торабы / Тепловой узел", "630 000 ₸"),
                ("Барлығы / Итого", "4 850 000 ₸")],
        paragraphs=["Демонстрациялық құжат. Демонстрационный документ."]))


def _day(now: dt.datetime, days: int, hour: int) -> dt.datetime:
    local = (now + dt.timedelta(days=days)).astimezone(ALMATY)
    return dt.datetime(local.year, local.month, local.day, hour, tzinfo=ALMATY)


async def _meeting(building: Building, staff: User | None, title: str, description: str, questions, opens_at, closes_at,
                   votes: dict, resident: User | None) -> Meeting:
    meeting = await Meeting.create(company_id=building.company_id, building=building, title=title, description=description,
                                   opens_at=opens_at, closes_at=closes_at, status=MeetingStatus.DRAFT,
                                   created_by_id=staff.id if staff else None)
    rows = [await MeetingQuestion.create(meeting=meeting, position=i + 1, text=text) for i, text in enumerate(questions)]
    await history.record("meeting", meeting.id, "created", actor_id=meeting.created_by_id, source="demo", title=title,
                         buildingId=str(building.id), questions=len(rows), documents=[])
    accounts = {a.number: a for a in await PersonalAccount.filter(number__in=list(votes), company_id=building.company_id)
                .prefetch_related("unit")}
    for number, choices in votes.items():
        account = accounts.get(number)
        if account is None:
            continue
        user = resident if number == "10117" else None
        for question, choice in zip(rows, choices):
            await MeetingVote.create(question=question, unit_id=account.unit_id, account=account, choice=choice,
                                     weight=account.unit.area, user_id=user.id if user else None,
                                     created_at=opens_at + dt.timedelta(days=1))
    return meeting


async def seed(rt: Runtime) -> None:
    clock.start_from_env()  # dated by the clock the demo server runs on (backend/clock.py)
    now = clock.now()
    building = await Building.get_or_none(external_id="ZU-001", company__organization__bin=ZHAILY_UY.bin)
    if building is None:
        return
    staff = await User.get_or_none(email=STAFF_EMAIL)
    resident = await User.get_or_none(phone="+77071234567")
    scope = staff_scope(building.company_id)
    if not await Meeting.exists(building_id=building.id, title=CLOSED_TITLE):
        async with atomic():
            closed = await _meeting(building, staff, CLOSED_TITLE, "", CLOSED_QUESTIONS, _day(now, -75, 9),
                                    _day(now, -60, 18), CLOSED_VOTES, resident)
            await Meeting.filter(id=closed.id).update(status=MeetingStatus.OPEN)
        await manage.close_when_due(rt, str(closed.id))
    if not await Meeting.exists(building_id=building.id, title=OPEN_TITLE):
        async with atomic():
            meeting = await _meeting(building, staff, OPEN_TITLE, OPEN_DESCRIPTION, OPEN_QUESTIONS, _day(now, -3, 9),
                                     _day(now, 21, 18), OPEN_VOTES, resident)
            content = _estimate_pdf(now)
            key = f"meetings/{meeting.id}/smeta.pdf"
            await put_bytes(rt, key, content)
            await MeetingDocument.create(meeting=meeting, title="Смета — жылу жүйесі / отопление.pdf", storage_key=key,
                                         size=len(content), sha256=hashlib.sha256(content).hexdigest(),
                                         content_type="application/pdf")
            await manage.open_meeting(rt, scope, staff.id if staff else None, meeting.id)
