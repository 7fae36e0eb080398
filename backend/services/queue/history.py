"""The citizen's "Service history" (seed 002, Қызметтерді алу тарихы): every housing-queue service
they requested — applications they filed for themselves or as a representative, applications filed
for them, and their complaints — with its status, its result in words, and the files to download
(certificates and notices of an application; a complaint's attachments and answer).

Only the viewer's own services: an officer sees their own history here, not everyone's."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections import defaultdict

from backend.models.queue import (
    ComplaintStatus,
    QueueApplication,
    QueueComplaint,
    QueueFile,
    QueueFileKind,
    QueueStatus,
)
from backend.services.queue.access import Scope, visible_applications

APPLICATION = "queue_application"
COMPLAINT = "queue_complaint"

# What an applicant downloads: the provider's documents, not what they attached themselves.
APPLICATION_FILES = (QueueFileKind.CERTIFICATE_KK, QueueFileKind.CERTIFICATE_RU, QueueFileKind.PRELIMINARY_NOTICE)
COMPLAINT_FILES = (QueueFileKind.COMPLAINT, QueueFileKind.COMPLAINT_ANSWER)

_RESULTS: dict[str, dict[str, str]] = {
    "application.pending": {
        "kk": "Қаралуда", "ru": "На рассмотрении", "en": "Being considered",
    },
    "application.hearing": {
        "kk": "Бас тарту туралы алдын ала шешім: тыңдау күтілуде", "ru": "Предварительное решение об отказе: ожидается заслушивание",
        "en": "Preliminary refusal: the hearing is pending",
    },
    "application.registered": {
        "kk": "Есепке қойылды, кезектің реттік нөмірі {queue}", "ru": "Поставлен на учёт, порядковый номер очереди {queue}",
        "en": "Registered, queue number {queue}",
    },
    "application.refused": {
        "kk": "Есепке қоюдан бас тартылды", "ru": "Отказано в постановке на учёт", "en": "Registration refused",
    },
    "application.removed": {
        "kk": "Есептен шығарылды", "ru": "Снят с учёта", "en": "Removed from the register",
    },
    "complaint.pending": {
        "kk": "Шағым қаралуда", "ru": "Жалоба на рассмотрении", "en": "The complaint is being considered",
    },
    "complaint.satisfied": {
        "kk": "Шағым қанағаттандырылды", "ru": "Жалоба удовлетворена", "en": "The complaint was satisfied",
    },
    "complaint.rejected": {
        "kk": "Шағым қанағаттандырусыз қалдырылды", "ru": "В удовлетворении жалобы отказано", "en": "The complaint was rejected",
    },
    "complaint.forwarded": {
        "kk": "Шағым қарайтын органға жіберілді", "ru": "Жалоба направлена в орган по рассмотрению жалоб",
        "en": "The complaint was forwarded to the quality authority",
    },
}


def result_text(key: str, locale: str, **params: object) -> str:
    texts = _RESULTS[key]
    text = texts.get(locale) or texts["kk"]
    for name, value in params.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def application_result(app: QueueApplication, locale: str) -> str:
    status = QueueStatus(app.status)
    if status is QueueStatus.REGISTERED:
        return result_text("application.registered", locale, queue=app.queue_number if app.queue_number is not None else "—")
    if status is QueueStatus.REFUSED:
        return result_text("application.refused", locale)
    if status is QueueStatus.REMOVED:
        return result_text("application.removed", locale)
    if status is QueueStatus.HEARING:
        return result_text("application.hearing", locale)
    return result_text("application.pending", locale)


def complaint_result(row: QueueComplaint, locale: str) -> str:
    status = ComplaintStatus(row.status)
    key = {
        ComplaintStatus.SATISFIED: "complaint.satisfied",
        ComplaintStatus.REJECTED: "complaint.rejected",
        ComplaintStatus.FORWARDED: "complaint.forwarded",
    }.get(status, "complaint.pending")
    return result_text(key, locale)


@dataclasses.dataclass(frozen=True)
class ServiceItem:
    id: uuid.UUID
    service: str  # queue_application | queue_complaint
    number: str
    requested_at: dt.datetime
    status: str  # the GraphQL enum name of its status (QueueStatus or QueueComplaintStatus)
    result: str
    files: list[QueueFile]
    application_id: uuid.UUID | None


async def service_history(scope: Scope) -> list[ServiceItem]:
    """Newest first. Four statements whatever the number of services."""
    if scope.user_id is None:
        return []
    own = dataclasses.replace(scope, office=False)
    apps = await visible_applications(own)
    complaints = await QueueComplaint.filter(author_id=scope.user_id)
    files_by_app: dict = defaultdict(list)
    files_by_complaint: dict = defaultdict(list)
    if apps:
        for f in await QueueFile.filter(application_id__in=[a.id for a in apps], kind__in=APPLICATION_FILES,
                                        complaint_id__isnull=True).order_by("created_at", "id"):
            files_by_app[f.application_id].append(f)
    if complaints:
        for f in await QueueFile.filter(complaint_id__in=[c.id for c in complaints], kind__in=COMPLAINT_FILES
                                        ).order_by("created_at", "id"):
            files_by_complaint[f.complaint_id].append(f)
    items = [
        ServiceItem(id=a.id, service=APPLICATION, number=a.number, requested_at=a.filed_at,
                    status=QueueStatus(a.status).name, result=application_result(a, scope.locale),
                    files=files_by_app.get(a.id, []), application_id=a.id)
        for a in apps
    ]
    items += [
        ServiceItem(id=c.id, service=COMPLAINT, number=c.number, requested_at=c.created_at,
                    status=ComplaintStatus(c.status).name, result=complaint_result(c, scope.locale),
                    files=files_by_complaint.get(c.id, []), application_id=c.application_id)
        for c in complaints
    ]
    items.sort(key=lambda i: (i.requested_at, str(i.id)), reverse=True)
    return items
