"""The answer to a complaint as an official document: one PDF in Kazakh and Russian, signed with the
provider's EDS (PAdES) like the certificates, kept as a QueueFile of kind complaint_answer so that
the applicant downloads it with the complaint and from the service history."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid

from backend.adapters.pdf import OfficialDocument
from backend.calendar import ALMATY
from backend.models.queue import (
    ComplaintAddressee,
    ComplaintStatus,
    QueueApplication,
    QueueComplaint,
    QueueFile,
    QueueFileKind,
)
from backend.runtime import Runtime
from backend.services.documents import put_bytes
from backend.services.queue import certificate

_ADDRESSEE = {
    ComplaintAddressee.PROVIDER: "Көрсетілетін қызметті берушінің басшысы / Руководитель услугодателя",
    ComplaintAddressee.QUALITY_AUTHORITY: "Сапаны бағалау және бақылау жөніндегі уәкілетті орган / "
                                          "Уполномоченный орган по оценке и контролю за качеством",
}
_DECISION = {
    ComplaintStatus.SATISFIED: "Шағым қанағаттандырылды / Жалоба удовлетворена",
    ComplaintStatus.REJECTED: "Шағым қанағаттандырусыз қалдырылды / В удовлетворении жалобы отказано",
    ComplaintStatus.FORWARDED: "Шағым қарайтын органға жіберілді / Жалоба направлена в орган по рассмотрению жалоб",
}
TITLE = "Шағымға жауап / Ответ на жалобу"


def title(row: QueueComplaint) -> str:
    return f"{TITLE} № {row.number}"


def document(row: QueueComplaint, app: QueueApplication, status: ComplaintStatus, answer: str,
             officer_name: str, answered_at: dt.datetime) -> OfficialDocument:
    local = answered_at.astimezone(ALMATY)
    return OfficialDocument(
        title=title(row),
        subtitle="«Отбасы банк» АҚ / АО «Отбасы банк»",
        reference=f"{row.number} · {app.number} · {status.value}",
        fields=[
            ("Шағым / Жалоба", f"№ {row.number}, {row.registered_on:%d.%m.%Y}"),
            ("Өтініш / Заявление", f"№ {app.number}"),
            ("Кімге / Кому", _ADDRESSEE[ComplaintAddressee(row.addressee)]),
            ("Шешім / Решение", _DECISION[status]),
            ("Жауап берген / Ответил", officer_name or "—"),
            ("Күні / Дата", f"{local:%d.%m.%Y %H:%M}"),
        ],
        paragraphs=[answer],
        issuer=certificate.ISSUER,
        issued_at=answered_at,
    )


async def render(rt: Runtime, doc: OfficialDocument) -> bytes:
    """The signed PDF (PDF_SIGNER_UNAVAILABLE without the provider's signing key, as for certificates)."""
    return await certificate.signed_pdf(rt, doc)


async def store(rt: Runtime, row: QueueComplaint, content: bytes, officer_id: uuid.UUID | None) -> QueueFile:
    """Inside the answering transaction: the bytes, then the row that makes them downloadable."""
    file_id = uuid.uuid4()
    key = f"queue/{row.application_id}/complaints/{row.id}/{file_id}.pdf"
    await put_bytes(rt, key, content)
    return await QueueFile.create(
        id=file_id, application_id=row.application_id, complaint=row, kind=QueueFileKind.COMPLAINT_ANSWER,
        title=title(row), storage_key=key, size=len(content), sha256=hashlib.sha256(content).hexdigest(),
        content_type="application/pdf", added_by_id=officer_id,
    )
