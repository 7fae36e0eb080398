"""The certificate (анықтама / справка, seed 002) of a decision on a queue application: of
registration, with its date and time and the queue number, or of the refusal with its reasons —
one PDF in Kazakh and one in Russian, PAdES-signed by the portal, with a QR code to the "Verify a
document" page (`/verify?certificate=<file id>`, where `certificate_check` tells what was issued
under that id so the page can compare a dropped file with it).

Documents are produced by the `queue.documents` job, planned in the deciding transaction and run
right after it commits: rendering and signing a PDF takes a while and must not hold the list's
lock, and a crash between the decision and its papers only delays them (the scheduler runs the
job again; it issues only what the application's state calls for and does not have yet)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass

from backend.adapters.pdf import OfficialDocument, render_pdf
from backend.calendar import ALMATY
from backend.errors import DomainError
from backend.models.history import HistoryEvent
from backend.models.queue import (
    HearingOutcome,
    QueueApplication,
    QueueFile,
    QueueFileKind,
    QueueHearing,
    QueueList,
    QueueSignature,
    QueueStatus,
)
from backend.runtime import Runtime
from backend.services import history
from backend.services.documents import put_bytes
from backend.services.queue import catalog, events
from backend.services.tx import atomic

ENTITY = "queue_application"
ISSUER = "«Отбасы банк» АҚ / АО «Отбасы банк» — Shanyraq"
CERTIFICATE_KINDS = {"kk": QueueFileKind.CERTIFICATE_KK, "ru": QueueFileKind.CERTIFICATE_RU}
CERTIFICATE_FILE_KINDS = frozenset(CERTIFICATE_KINDS.values())

_T: dict[str, dict[str, str]] = {
    "title.registered": {
        "kk": "Тұрғынжайға мұқтаждар есебіне қою туралы анықтама",
        "ru": "Справка о постановке на учёт нуждающихся в жилище",
    },
    "title.refused": {
        "kk": "Тұрғынжайға мұқтаждар есебіне қоюдан бас тарту туралы анықтама",
        "ru": "Справка об отказе в постановке на учёт нуждающихся в жилище",
    },
    "subtitle": {
        "kk": "«Тұрғын үймен қамтамасыз ету орталығы» электрондық базасы",
        "ru": "Электронная база «Центр обеспечения жильём»",
    },
    "certificate": {"kk": "Анықтама", "ru": "Справка"},
    "application": {"kk": "Өтініш", "ru": "Заявление"},
    "filed": {"kk": "Өтініш берілген күні", "ru": "Дата подачи заявления"},
    "applicant": {"kk": "Өтініш беруші", "ru": "Заявитель"},
    "iin": {"kk": "ЖСН", "ru": "ИИН"},
    "locality": {"kk": "Елді мекен", "ru": "Населённый пункт"},
    "list": {"kk": "Тізім", "ru": "Список"},
    "list.general": {"kk": "Жалпы тізім", "ru": "Общий список"},
    "list.vulnerable": {"kk": "Әлеуметтік осал топтар тізімі", "ru": "Список социально уязвимых слоёв населения"},
    "registered_at": {"kk": "Есепке қойылған күні мен уақыты", "ru": "Дата и время постановки на учёт"},
    "queue_number": {"kk": "Кезек нөмірі", "ru": "Номер в очереди"},
    "decided": {"kk": "Шешім күні", "ru": "Дата решения"},
    "hearing": {"kk": "Тыңдау", "ru": "Заслушивание"},
    "signed_by": {"kk": "ЭЦҚ қойған", "ru": "Подписано ЭЦП"},
    "reasons": {"kk": "Бас тарту негіздері", "ru": "Основания отказа"},
    "reasoning": {"kk": "Уәжі", "ru": "Мотивировка"},
    "registered.text": {
        "kk": "Өтініш беруші Қазақстан Республикасының тұрғынжайға мұқтаж азаматтарын «Тұрғын үймен қамтамасыз ету "
              "орталығы» электрондық базасына есепке қою қағидаларына сәйкес жоғарыда көрсетілген күні мен уақытта "
              "тұрғынжайға мұқтаждар есебіне қойылды. Кезек нөмірі алда тұрғандар есептен шыққан сайын өзгереді; "
              "өзгерістер мен олардың себептері жеке кабинетте көрсетіледі.",
        "ru": "Заявитель поставлен на учёт нуждающихся в жилище в указанные выше дату и время в соответствии с "
              "Правилами постановки на учёт в электронной базе «Центр обеспечения жильём». Номер в очереди меняется, "
              "когда стоящие впереди снимаются с учёта; изменения и их причины видны в личном кабинете.",
    },
    "refused.text": {
        "kk": "Тыңдау нәтижелері бойынша өтініш берушіге тұрғынжайға мұқтаждар есебіне қоюдан жоғарыда көрсетілген "
              "негіздер бойынша уәжді бас тартылды (Қағидалардың 15, 17-тармақтары). Шешімге көрсетілетін қызметті "
              "берушінің басшысына (5 жұмыс күні ішінде қаралады) немесе мемлекеттік қызметтер көрсету сапасын "
              "бағалау жөніндегі уәкілетті органға (15 жұмыс күні) шағым жасауға болады.",
        "ru": "По результатам заслушивания заявителю мотивированно отказано в постановке на учёт нуждающихся в "
              "жилище по указанным выше основаниям (пункты 15, 17 Правил). Решение можно обжаловать руководителю "
              "услугодателя (рассматривается в течение 5 рабочих дней) или в уполномоченный орган по оценке "
              "качества оказания государственных услуг (15 рабочих дней).",
    },
    "qr": {"kk": "Тексеру: QR кодты сканерлеңіз", "ru": "Проверка: отсканируйте QR-код"},
    "zone": {"kk": "Астана уақыты", "ru": "время Астаны"},
}


def text(key: str, locale: str) -> str:
    texts = _T[key]
    return texts.get(locale) or texts["ru"]


def verify_url(settings, file_id: uuid.UUID | str) -> str:
    return f"{settings.public_url}/verify?certificate={file_id}"


def _local(moment: dt.datetime, locale: str) -> str:
    return f"{moment.astimezone(ALMATY):%d.%m.%Y %H:%M} ({text('zone', locale)})"


def reason_explanations(app: QueueApplication, reasons: list[str], locale: str) -> list[str]:
    """Each reason code with its text, filled with the details its check recorded."""
    details = {c.get("reason"): c.get("detail") or {} for c in app.checks or [] if c.get("reason")}
    return [catalog.explain(code, locale, **details.get(code, {})) for code in reasons]


def _person_fields(app: QueueApplication, locale: str) -> list[tuple[str, str]]:
    person = app.person or {}
    name = person.get("fullName") or " ".join(
        p for p in (person.get("surname"), person.get("name"), person.get("patronymic")) if p)
    list_key = "list.vulnerable" if QueueList(app.list_kind) is QueueList.VULNERABLE else "list.general"
    return [
        (text("application", locale), f"№ {app.number}"),
        (text("filed", locale), _local(app.filed_at, locale)),
        (text("applicant", locale), f"{name}, {text('iin', locale)} {app.person_iin}"),
        (text("locality", locale), catalog.locality_name(app.locality, locale)),
        (text("list", locale), text(list_key, locale)),
    ]


@dataclass(frozen=True)
class Signer:
    name: str
    iin: str
    serial: str
    at: dt.datetime


def certificate_document(app: QueueApplication, locale: str, file_id: uuid.UUID, settings, *,
                         reasons: list[str] | None = None, reasoning: str = "", signer: Signer | None = None,
                         hearing: QueueHearing | None = None, issued_at: dt.datetime) -> OfficialDocument:
    registered = QueueStatus(app.status) is not QueueStatus.REFUSED
    fields = [(text("certificate", locale), str(file_id))] + _person_fields(app, locale)
    if registered:
        fields += [
            (text("registered_at", locale), _local(app.registered_at, locale)),
            (text("queue_number", locale), str(app.queue_number)),
        ]
        paragraphs = [text("registered.text", locale)]
    else:
        fields.append((text("decided", locale), _local(app.decided_at or issued_at, locale)))
        if hearing is not None and hearing.held_at is not None:
            fields.append((text("hearing", locale), _local(hearing.held_at, locale)))
        fields.append((text("reasons", locale), "\n".join(
            f"{code}: {explained}" for code, explained in zip(reasons or [], reason_explanations(app, reasons or [], locale)))))
        if reasoning:
            fields.append((text("reasoning", locale), reasoning))
        if signer is not None:
            fields.append((text("signed_by", locale), f"{signer.name}, {text('iin', locale)} {signer.iin}, "
                                                      f"серт. {signer.serial}, {_local(signer.at, locale)}"))
        paragraphs = [text("refused.text", locale)]
    return OfficialDocument(
        title=text("title.registered" if registered else "title.refused", locale),
        subtitle=text("subtitle", locale), fields=fields, paragraphs=paragraphs, issuer=ISSUER,
        reference=f"{app.number} · {file_id}", issued_at=issued_at,
        qr_url=verify_url(settings, file_id), qr_caption=text("qr", locale),
    )


async def signed_pdf(rt: Runtime, doc: OfficialDocument) -> bytes:
    """Official PDFs carry the provider's EDS; without a configured signing key none is issued
    (the job fails and is retried once one is configured)."""
    if rt.pdf_signer is None:
        raise DomainError("PDF_SIGNER_UNAVAILABLE")
    return await rt.pdf_signer.sign(render_pdf(doc), reason=doc.title, location="Астана")


async def store_pdf(rt: Runtime, app: QueueApplication, file_id: uuid.UUID, kind: QueueFileKind, title: str,
                    content: bytes, hearing: QueueHearing | None = None) -> QueueFile:
    """Stores a PDF the portal made; run the row's creation inside the caller's `atomic()`."""
    key = f"queue/{app.id}/{file_id}.pdf"
    await put_bytes(rt, key, content)
    return await QueueFile.create(
        id=file_id, application=app, kind=kind, title=title, storage_key=key, size=len(content),
        sha256=hashlib.sha256(content).hexdigest(), content_type="application/pdf", hearing=hearing,
    )


async def latest_hearing(app: QueueApplication) -> QueueHearing | None:
    return await QueueHearing.filter(application_id=app.id).order_by("-created_at").first()


async def _result_signer(app: QueueApplication) -> Signer | None:
    sig = await QueueSignature.filter(application_id=app.id, purpose="hearing_result").order_by("-signed_at").first()
    if sig is None:
        return None
    return Signer(name=sig.signer_name, iin=sig.signer_iin, serial=sig.certificate_serial, at=sig.signed_at)


def _decision_key(app: QueueApplication) -> str:
    """Which decision a certificate is of. Rows' created_at is the machine's time while decisions
    read the queue's clock (which tests and demo servers move), so the two are never compared."""
    return app.decided_at.astimezone(dt.timezone.utc).isoformat() if app.decided_at else ""


async def has_current_certificate(app: QueueApplication) -> bool:
    """A certificate was issued for the application's last decision."""
    issued = await HistoryEvent.filter(entity=ENTITY, entity_id=str(app.id), action="certificate_issued").values_list(
        "data", flat=True)
    return any((data or {}).get("decision") == _decision_key(app) for data in issued)


async def issue(rt: Runtime, app: QueueApplication, issued_at: dt.datetime) -> list[QueueFile]:
    """The Kazakh and Russian certificates of the application's decision (REGISTERED or REFUSED)."""
    status = QueueStatus(app.status)
    if status not in (QueueStatus.REGISTERED, QueueStatus.REFUSED):
        return []
    hearing = await latest_hearing(app)
    reasons = list(app.reasons or [])
    reasoning, signer = "", None
    if status is QueueStatus.REFUSED:
        signer = await _result_signer(app)
        if hearing is not None and hearing.outcome is HearingOutcome.REFUSED:
            reasons = list(hearing.reasons or reasons)
            reasoning = hearing.outcome_reasoning
            if signer is not None and hearing.held_at is not None:
                # The signature row's time is the machine's; the decision's is the queue's clock.
                signer = dataclasses.replace(signer, at=hearing.held_at)
    made = []
    for locale, kind in CERTIFICATE_KINDS.items():
        file_id = uuid.uuid4()
        doc = certificate_document(app, locale, file_id, rt.settings, reasons=reasons, reasoning=reasoning,
                                   signer=signer, hearing=hearing, issued_at=issued_at)
        made.append((file_id, kind, doc.title, await signed_pdf(rt, doc)))
    async with atomic():
        rows = [await store_pdf(rt, app, file_id, kind, title, content) for file_id, kind, title, content in made]
        await history.record(ENTITY, app.id, "certificate_issued", None, decision=_decision_key(app),
                             issuedAt=issued_at.astimezone(dt.timezone.utc).isoformat(),
                             files=[{"id": str(r.id), "kind": r.kind.value, "sha256": r.sha256} for r in rows])
        await events.changed(rt, app)
    return rows


# The public check behind the QR code -----------------------------------------------------


@dataclass(frozen=True)
class CertificateCheck:
    id: uuid.UUID
    kind: str  # registration | refusal
    language: str  # kk | ru
    application_number: str
    queue_number: int | None
    registered_at: dt.datetime | None
    issued_at: dt.datetime
    sha256: str
    size: int


async def certificate_check(certificate_id: object) -> CertificateCheck | None:
    """What the portal issued under this id (printed in the certificate's QR code), for anyone
    holding the paper: no name and no IIN, only what lets a reader compare the file."""
    try:
        file_id = uuid.UUID(str(certificate_id))
    except ValueError:
        return None
    row = await QueueFile.filter(id=file_id, kind__in=list(CERTIFICATE_FILE_KINDS)).select_related("application").first()
    if row is None:
        return None
    app = row.application
    language = "kk" if row.kind is QueueFileKind.CERTIFICATE_KK else "ru"
    # The title says which decision a certificate is of; the application may have moved on since.
    refusal = row.title == text("title.refused", language)
    # The time printed on the certificate is the queue's clock; the row's created_at is the machine's.
    issued_at = row.created_at
    for data in await HistoryEvent.filter(entity=ENTITY, entity_id=str(app.id), action="certificate_issued").values_list(
            "data", flat=True):
        if any(f.get("id") == str(row.id) for f in (data or {}).get("files", [])) and data.get("issuedAt"):
            issued_at = dt.datetime.fromisoformat(data["issuedAt"])
    return CertificateCheck(
        id=row.id, kind="refusal" if refusal else "registration",
        language=language,
        application_number=app.number, queue_number=None if refusal else app.queue_number,
        registered_at=None if refusal else app.registered_at, issued_at=issued_at, sha256=row.sha256, size=row.size,
    )

