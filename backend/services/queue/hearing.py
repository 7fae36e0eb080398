"""The preliminary decision and the hearing before any refusal (order No. 130 §17; APPC art. 73).

The timing rule, read from §17 and the service term of Appendix 1:
- The notice goes out at the moment the grounds for a refusal are found (by the automatic check or
  the officer); its date (`notice_date`) is the provider's business date of that moment, so a
  notice made after hours or on a day off is dated the next working day.
- The hearing is held no later than 2 working days from the notice: `hearing_due` = notice date
  + 2 working days. It is held online, in the portal: the applicant sends a position (text and
  files) until the end of that day (18:30 Almaty, the provider's closing time).
- The notice must go at least 3 working days before the end of the service term. The term of 1
  (or 3) working days cannot leave that room, so a preliminary decision sets the term's end at
  exactly 3 working days after the notice (`final_decision_due`), the earliest end the rule
  allows: the hearing day, then the day the result is recorded.
- The officer records the result, signed with EDS: registration at any time, a refusal only once
  the applicant has been heard — their position is in, or the hearing day has closed without one.

Every step runs in `atomic()` and is recorded in the application's history."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass

from backend import clock
from backend.adapters.pdf import OfficialDocument
from backend.adapters.signatures import has_signing_authority
from backend.calendar import ALMATY, OTBASY_HOURS
from backend.errors import DomainError
from backend.models.identity import User
from backend.models.queue import (
    HearingOutcome,
    QueueApplication,
    QueueFile,
    QueueFileKind,
    QueueHearing,
    QueueList,
    QueueSignature,
    QueueStatus,
    SigningMethod,
)
from backend.runtime import Runtime
from backend.services import history, uploads
from backend.services.queue import certificate, deadlines, events, outcomes, signing
from backend.services.queue.access import Scope, get_application
from backend.services.request_info import RequestInfo
from backend.services.tx import atomic

ENTITY = "queue_application"
MAX_POSITION_TEXT = 10_000
MAX_POSITION_FILES = 10
MAX_REASONING = 5_000
RESULT_PURPOSE = "hearing_result"


def closes(day: dt.date) -> dt.datetime:
    """The end of a working day at the provider."""
    return dt.datetime.combine(day, OTBASY_HOURS.closes, tzinfo=ALMATY)


async def latest(app: QueueApplication) -> QueueHearing | None:
    return await QueueHearing.filter(application_id=app.id).order_by("-created_at").first()


async def _open_hearing(app: QueueApplication) -> QueueHearing:
    hearing = await latest(app)
    if QueueStatus(app.status) is not QueueStatus.HEARING or hearing is None or hearing.held_at is not None:
        raise DomainError("WRONG_STATUS", field="applicationId")
    return hearing


# The preliminary decision ----------------------------------------------------------------


async def open_preliminary(rt: Runtime, app: QueueApplication, reasons: list[str], *, expected: QueueStatus,
                           actor_id: uuid.UUID | None, action: str, **data) -> QueueHearing:
    """The preliminary refusal on `reasons` with the hearing's dates; inside the caller's `atomic()`.
    The notice PDF follows right after commit (outcomes.plan_documents), the in-app message and the
    SMS on commit."""
    if not reasons:
        raise DomainError("REQUIRED", field="reasons")
    now = clock.now()
    notice_date = OTBASY_HOURS.business_date(now)
    due = deadlines.hearing_due(notice_date)
    await outcomes.move(app, expected, QueueStatus.HEARING, actor_id, action, reasons=list(reasons),
                        noticeDate=notice_date.isoformat(), hearingDue=due.isoformat(), **data)
    app.reasons = list(reasons)
    await QueueApplication.filter(id=app.id).update(reasons=app.reasons)
    hearing = await QueueHearing.create(application=app, reasons=list(reasons), notice_sent_at=now,
                                        notice_date=notice_date, hearing_due=due, officer_id=actor_id)
    await history.record(ENTITY, app.id, "preliminary_refusal", actor_id, hearingId=str(hearing.id),
                         reasons=list(reasons), noticeDate=notice_date.isoformat(), hearingDue=due.isoformat(),
                         finalDecisionDue=deadlines.final_decision_due(notice_date).isoformat())
    await outcomes.plan_documents(rt, app)
    await events.changed(rt, app, decision=True, hearing_due=f"{due:%d.%m.%Y} 18:30")
    return hearing


_N: dict[str, dict[str, str]] = {
    "title": {
        "kk": "Мемлекеттік қызмет көрсетуден бас тарту туралы алдын ала шешім және тыңдау туралы хабарлама",
        "ru": "Предварительное решение об отказе в оказании государственной услуги и уведомление о заслушивании",
        "en": "Preliminary decision to refuse the public service and notice of the hearing",
    },
    "application": {"kk": "Өтініш", "ru": "Заявление", "en": "Application"},
    "applicant": {"kk": "Өтініш беруші", "ru": "Заявитель", "en": "Applicant"},
    "notice_date": {"kk": "Хабарлама күні", "ru": "Дата уведомления", "en": "Date of the notice"},
    "reasons": {"kk": "Бас тарту негіздері", "ru": "Основания для отказа", "en": "Grounds for refusal"},
    "hearing": {"kk": "Тыңдау", "ru": "Заслушивание", "en": "Hearing"},
    "hearing.value": {
        "kk": "{date}, онлайн — Shanyraq порталында (жеке кабинет). Ұстанымыңызды {date} сағат 18:30-ға дейін жіберіңіз.",
        "ru": "{date}, онлайн — на портале Shanyraq (личный кабинет). Направьте свою позицию до 18:30 {date}.",
        "en": "{date}, online in the Shanyraq portal (your cabinet). Send your position by 18:30 on {date}.",
    },
    "final": {"kk": "Түпкілікті шешім мерзімі", "ru": "Срок окончательного решения", "en": "Final decision due"},
    "text": {
        "kk": "Қазақстан Республикасы Әкімшілік рәсімдік-процестік кодексінің 73-бабына және Қағидалардың 17-тармағына "
              "сәйкес сізге жоғарыда көрсетілген негіздер бойынша тұрғынжайға мұқтаждар есебіне қоюдан бас тарту туралы "
              "алдын ала шешім туралы хабарлаймыз. Алдын ала шешім бойынша ұстанымыңызды (мәтін мен құжаттар) тыңдауға "
              "дейін жеке кабинет арқылы білдіре аласыз. Тыңдау нәтижелері бойынша уәкілетті тұлғаның ЭЦҚ-сы қойылған "
              "оң шешім немесе уәжді бас тарту жіберіледі.",
        "ru": "В соответствии со статьёй 73 Административного процедурно-процессуального кодекса Республики Казахстан "
              "и пунктом 17 Правил уведомляем вас о предварительном решении об отказе в постановке на учёт нуждающихся "
              "в жилище по указанным выше основаниям. Вы можете выразить свою позицию по предварительному решению "
              "(текст и документы) в личном кабинете до заслушивания. По результатам заслушивания направляется "
              "положительное решение или мотивированный отказ, подписанный ЭЦП уполномоченного лица.",
        "en": "Under article 73 of the Administrative Procedure Code of Kazakhstan and §17 of the Rules we inform you "
              "of the preliminary decision to refuse registration on the grounds above. You may state your position "
              "(text and documents) in your cabinet before the hearing. After the hearing you receive a positive "
              "decision or a reasoned refusal signed with the EDS of an authorized person.",
    },
}


def _n(key: str, locale: str) -> str:
    return _N[key].get(locale) or _N[key]["kk"]


def notice_document(app: QueueApplication, hearing: QueueHearing, locale: str) -> OfficialDocument:
    person = app.person or {}
    name = person.get("fullName") or " ".join(
        p for p in (person.get("surname"), person.get("name"), person.get("patronymic")) if p)
    reasons = hearing.reasons or []
    explained = certificate.reason_explanations(app, reasons, locale)
    day = f"{hearing.hearing_due:%d.%m.%Y}"
    return OfficialDocument(
        title=_n("title", locale), subtitle=certificate.text("subtitle", "ru" if locale == "ru" else "kk"),
        fields=[
            (_n("application", locale), f"№ {app.number}"),
            (_n("applicant", locale), f"{name}, {app.person_iin}"),
            (_n("notice_date", locale), f"{hearing.notice_date:%d.%m.%Y}"),
            (_n("reasons", locale), "\n".join(f"{c}: {e}" for c, e in zip(reasons, explained))),
            (_n("hearing", locale), _n("hearing.value", locale).replace("{date}", day)),
            (_n("final", locale), f"{deadlines.final_decision_due(hearing.notice_date):%d.%m.%Y}"),
        ],
        paragraphs=[_n("text", locale)], issuer=certificate.ISSUER,
        reference=f"{app.number} · {hearing.id}", issued_at=hearing.notice_sent_at,
    )


async def issue_notice(rt: Runtime, app: QueueApplication, hearing: QueueHearing) -> QueueFile:
    """The notice as a signed PDF in the language of the applicant (the filer's)."""
    filer = await User.get(id=app.filed_by_id)
    doc = notice_document(app, hearing, filer.locale)
    content = await certificate.signed_pdf(rt, doc)
    async with atomic():
        row = await certificate.store_pdf(rt, app, uuid.uuid4(), QueueFileKind.PRELIMINARY_NOTICE, doc.title,
                                          content, hearing=hearing)
        await history.record(ENTITY, app.id, "notice_issued", None, hearingId=str(hearing.id),
                             file={"id": str(row.id), "kind": row.kind.value, "sha256": row.sha256})
        await events.changed(rt, app)
    return row


# The applicant's position ----------------------------------------------------------------


def _is_applicant(scope: Scope, app: QueueApplication) -> bool:
    return scope.user_id == app.filed_by_id or (bool(scope.iin) and scope.iin == app.person_iin)


async def submit_position(rt: Runtime, scope: Scope, application_id: object, text: str, upload_ids: list[str],
                          req: RequestInfo) -> QueueApplication:
    """The applicant's position before the hearing: text and files (finished tus uploads). Sent
    again, it replaces the text and adds the new files."""
    app = await get_application(scope, application_id)
    if not _is_applicant(scope, app):
        raise DomainError("NOT_ALLOWED", field="applicationId")
    hearing = await _open_hearing(app)
    if clock.now() >= closes(hearing.hearing_due):
        raise DomainError("DEADLINE_PASSED", field="applicationId", due=hearing.hearing_due.isoformat())
    text = (text or "").strip()
    ids = list(dict.fromkeys(u for u in upload_ids or [] if u))
    if not text and not ids:
        raise DomainError("REQUIRED", field="text")
    if len(text) > MAX_POSITION_TEXT:
        raise DomainError("TOO_LONG", field="text", max=MAX_POSITION_TEXT)
    if len(ids) > MAX_POSITION_FILES:
        raise DomainError("TOO_MANY", field="uploadIds", max=MAX_POSITION_FILES)
    now = clock.now().astimezone(dt.timezone.utc)
    async with atomic():
        taken = await QueueHearing.filter(id=hearing.id, held_at__isnull=True).update(
            position_text=text, position_submitted_at=now)
        if not taken:
            raise DomainError("WRONG_STATUS", field="applicationId")
        files = []
        for upload_id in ids:
            upload = await uploads.claim(upload_id, storage=rt.storage, user_id=scope.user_id)
            files.append(await QueueFile.create(
                application=app, hearing=hearing, kind=QueueFileKind.HEARING_POSITION, title=upload.filename or "file",
                storage_key=upload.storage_key, size=upload.length, sha256=upload.sha256,
                content_type=upload.content_type or "application/octet-stream", added_by_id=scope.user_id,
            ))
        await history.record(ENTITY, app.id, "hearing_position", scope.user_id, ip=req.ip, hearingId=str(hearing.id),
                             textLength=len(text), files=[{"id": str(f.id), "title": f.title, "sha256": f.sha256}
                                                          for f in files])
        await events.changed(rt, app)
    return app


# The result, signed by the officer -------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    application_id: object
    outcome: str  # registered | refused
    reasoning: str


def _outcome(value: str) -> HearingOutcome:
    try:
        return HearingOutcome((value or "").strip().lower())
    except ValueError:
        raise DomainError("INVALID", field="outcome", allowed=[o.value for o in HearingOutcome]) from None


async def _checked(scope: Scope, decision: Decision) -> tuple[QueueApplication, QueueHearing, HearingOutcome, str]:
    scope.require_office()
    app = await get_application(scope, decision.application_id)
    hearing = await _open_hearing(app)
    outcome = _outcome(decision.outcome)
    reasoning = (decision.reasoning or "").strip()
    if outcome is HearingOutcome.REFUSED:
        if not reasoning:
            raise DomainError("REQUIRED", field="reasoning")
        if hearing.position_submitted_at is None and clock.now() < closes(hearing.hearing_due):
            # The applicant has until the hearing day's close to be heard.
            raise DomainError("HEARING_PENDING", field="applicationId", due=hearing.hearing_due.isoformat())
    if len(reasoning) > MAX_REASONING:
        raise DomainError("TOO_LONG", field="reasoning", max=MAX_REASONING)
    return app, hearing, outcome, reasoning


def decision_content(app: QueueApplication, hearing: QueueHearing, outcome: HearingOutcome, reasoning: str) -> bytes:
    """The canonical bytes the officer signs: what is decided, about whom, on which grounds.
    Sorted keys, no spaces, UTF-8: the same decision always gives the same bytes."""
    body = {
        "document": "queue.hearing_result",
        "application": {"id": str(app.id), "number": app.number, "personIin": app.person_iin,
                        "locality": app.locality, "listKind": QueueList(app.list_kind).value},
        "hearing": {"id": str(hearing.id), "noticeDate": hearing.notice_date.isoformat(),
                    "hearingDue": hearing.hearing_due.isoformat(), "reasons": list(hearing.reasons or []),
                    "positionSubmittedAt": hearing.position_submitted_at.astimezone(dt.timezone.utc).isoformat()
                    if hearing.position_submitted_at else None},
        "outcome": outcome.value,
        "reasoning": reasoning,
    }
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


@dataclass(frozen=True)
class SigningPayload:
    payload: str  # base64 of the bytes to sign
    digest: str  # their SHA-256, hex


async def decision_payload(scope: Scope, decision: Decision) -> SigningPayload:
    app, hearing, outcome, reasoning = await _checked(scope, decision)
    content = decision_content(app, hearing, outcome, reasoning)
    return SigningPayload(payload=base64.b64encode(content).decode(), digest=hashlib.sha256(content).hexdigest())


async def record_result(rt: Runtime, scope: Scope, decision: Decision, cms_b64: str, req: RequestInfo) -> QueueApplication:
    """The hearing's result: registration, or a reasoned refusal on the preliminary decision's
    grounds, as the officer signed it (a detached CMS over `decision_payload`)."""
    app, hearing, outcome, reasoning = await _checked(scope, decision)
    content = decision_content(app, hearing, outcome, reasoning)
    # The officer's own certificate: a signature of anybody else decides nothing.
    cms, signer = await signing.verify_eds(rt, content, cms_b64, scope.iin or "-")
    if not has_signing_authority(signer):
        raise DomainError("NO_SIGNING_AUTHORITY", field="cms")
    now = clock.now().astimezone(dt.timezone.utc)
    async with atomic():
        taken = await QueueHearing.filter(id=hearing.id, held_at__isnull=True).update(
            outcome=outcome, outcome_reasoning=reasoning, held_at=now, officer_id=scope.user_id)
        if not taken:
            raise DomainError("WRONG_STATUS", field="applicationId")
        signature = await QueueSignature.create(
            application=app, purpose=RESULT_PURPOSE, method=SigningMethod.EDS, digest=hashlib.sha256(content).hexdigest(),
            cms=base64.b64encode(cms).decode(), signer_name=signer.name, signer_iin=signer.iin or "",
            certificate_serial=signer.serial, signed_by_id=scope.user_id,
        )
        data = {"hearingId": str(hearing.id), "outcome": outcome.value, "reasoning": reasoning,
                "signatureId": str(signature.id), "certificateSerial": signer.serial}
        if outcome is HearingOutcome.REGISTERED:
            await outcomes.register_application(rt, app, QueueStatus.HEARING, scope.user_id, "hearing_result", **data)
        else:
            await outcomes.refuse(rt, app, QueueStatus.HEARING, scope.user_id, "hearing_result",
                                  reasons=list(hearing.reasons or []), **data)
    return app
