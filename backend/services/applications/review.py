"""The KZhK side of the route (seed 001): registration, review, revision, rejection, approval and
the supplementary agreement — made by operators in the back office or by the BPMS through the API.
Each step checks its data and produces its documents; `route.move` changes the status."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid

from backend.adapters.pdf import OfficialDocument, render_pdf
from backend.calendar import ALMATY, KZHK_HOURS, add_working_days
from backend.errors import DomainError
from backend.models.applications import (
    Application,
    ApplicationFile,
    ApplicationFileKind,
    ApplicationSignature,
    SignatureStage,
)
from backend.models.contracts import Contract
from backend.models.organizations import Organization
from backend.runtime import Runtime
from backend.services import uploads
from backend.services.applications import types
from backend.services.applications.access import Scope, get_visible
from backend.services.applications.route import RouteActor, Step, StepData, check, move, require
from backend.services.applications.signing import sa_draft
from backend.services.documents import put_bytes
from backend.services.request_info import RequestInfo
from backend.services.tx import atomic


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


async def _kzhk_signed(rt: Runtime, pdf: bytes, reason: str) -> bytes:
    """Official PDFs carry KZhK's EDS; without a configured signing key none can be issued."""
    if rt.pdf_signer is None:
        raise DomainError("PDF_SIGNER_UNAVAILABLE")
    return await rt.pdf_signer.sign(pdf, reason=reason, location="Астана")


def _today() -> dt.date:
    return _now().astimezone(ALMATY).date()


async def _as_staff(scope: Scope, application_id: object) -> tuple[Application, RouteActor]:
    return await get_visible(scope, application_id), scope.staff_actor()


def _kind(application: Application) -> types.ApplicationType:
    kind = types.application_type(application.type)
    assert kind is not None, application.type
    return kind


async def register(rt: Runtime, scope: Scope, application_id: object, data: StepData, req: RequestInfo) -> Application:
    """Registered in the BPMS: a number, the registration date (the next working day when sent
    outside KZhK's hours) and the review deadline in working days."""
    application, actor = await _as_staff(scope, application_id)
    require(Step.REGISTER, data)
    if len(data.registration_number) > 64:
        raise DomainError("TOO_LONG", field="registrationNumber", max=64)
    sent_at = application.sent_at or _now()
    registered_on = data.registered_on or KZHK_HOURS.business_date(sent_at)
    deadline = data.review_deadline or add_working_days(registered_on, _kind(application).review_working_days)
    if deadline < registered_on:
        raise DomainError("DEADLINE_BEFORE_REGISTRATION", field="reviewDeadline")
    return await move(rt, application, Step.REGISTER, actor, req, comment=data.comment, updates={
        "registration_number": data.registration_number.strip(), "registered_on": registered_on, "review_deadline": deadline,
    })


async def start_review(rt: Runtime, scope: Scope, application_id: object, data: StepData, req: RequestInfo) -> Application:
    application, actor = await _as_staff(scope, application_id)
    require(Step.START_REVIEW, data)
    if len(data.executor_name) > 200 or len(data.executor_phone) > 32:
        raise DomainError("TOO_LONG", field="executorName" if len(data.executor_name) > 200 else "executorPhone")
    return await move(rt, application, Step.START_REVIEW, actor, req, comment=data.comment, updates={
        "executor_name": data.executor_name.strip(), "executor_phone": data.executor_phone.strip(),
    })


async def _notice(rt: Runtime, application: Application, kind: ApplicationFileKind, data: StepData, deadline: dt.date | None) -> tuple[str, bytes]:
    """An official notice as a PDF signed with EDS (PAdES) by KZhK."""
    contract = await Contract.get(id=application.contract_id)
    org = await Organization.get(id=application.applicant_org_id)
    revision = kind is ApplicationFileKind.REVISION_NOTICE
    title = ("Өтінімді пысықтау туралы хабарлама / Уведомление о доработке заявки" if revision
             else "Өтінімді қабылдамау туралы хабарлама / Уведомление об отказе")
    fields = [
        ("Өтінім / Заявка", f"{application.number} ({application.registration_number or '—'})"),
        ("Өтініш беруші / Заявитель", f"{org.name}, БСН {org.bin}"),
        ("Шарт / Договор", f"{contract.number} от {contract.signed_on:%d.%m.%Y}"),
        ("Орындаушы / Исполнитель", f"{application.executor_name} ({application.executor_phone})"),
    ]
    if deadline:
        fields.append(("Пысықтау мерзімі / Срок доработки", f"{deadline:%d.%m.%Y}"))
    pdf = render_pdf(OfficialDocument(
        title=title, subtitle="«Қазақстан тұрғын үй компаниясы» АҚ / АО «Казахстанская жилищная компания»",
        reference=f"{application.number} · {kind.value}", fields=fields, paragraphs=[data.comment],
        issuer="«ҚТК» АҚ / АО «КЖК» — Shanyraq",
    ))
    return title, await _kzhk_signed(rt, pdf, title)


async def request_revision(rt: Runtime, scope: Scope, application_id: object, data: StepData, req: RequestInfo) -> Application:
    application, actor = await _as_staff(scope, application_id)
    require(Step.REQUEST_REVISION, data)
    deadline = data.revision_deadline or add_working_days(_today(), _kind(application).revision_working_days)
    if deadline < _today():
        raise DomainError("DATE_IN_PAST", field="revisionDeadline")
    check(application, Step.REQUEST_REVISION, actor.kind)
    title, pdf = await _notice(rt, application, ApplicationFileKind.REVISION_NOTICE, data, deadline)
    async with atomic():
        notice = await store_file(rt, application, ApplicationFileKind.REVISION_NOTICE, title, pdf, True)
        return await move(rt, application, Step.REQUEST_REVISION, actor, req, comment=data.comment, files=[notice],
                          updates={"revision_deadline": deadline})


async def reject(rt: Runtime, scope: Scope, application_id: object, data: StepData, req: RequestInfo) -> Application:
    application, actor = await _as_staff(scope, application_id)
    require(Step.REJECT, data)
    check(application, Step.REJECT, actor.kind)
    title, pdf = await _notice(rt, application, ApplicationFileKind.REJECTION_NOTICE, data, None)
    async with atomic():
        notice = await store_file(rt, application, ApplicationFileKind.REJECTION_NOTICE, title, pdf, True)
        return await move(rt, application, Step.REJECT, actor, req, comment=data.comment, files=[notice])


async def approve(rt: Runtime, scope: Scope, application_id: object, data: StepData, req: RequestInfo) -> Application:
    application, actor = await _as_staff(scope, application_id)
    return await move(rt, application, Step.APPROVE, actor, req, comment=data.comment)


# The supplementary agreement ---------------------------------------------------------------


async def _sa_draft_pdf(application: Application) -> bytes:
    contract = await Contract.get(id=application.contract_id)
    org = await Organization.get(id=application.applicant_org_id)
    form = application.form
    return render_pdf(OfficialDocument(
        title=f"Қосымша келісім (жоба) / Дополнительное соглашение (проект) к договору {contract.number}",
        subtitle="«Қазақстан тұрғын үй компаниясы» АҚ / АО «Казахстанская жилищная компания»",
        reference=f"{application.number} · SA draft",
        fields=[
            ("Өтінім / Заявка", f"{application.number} ({application.registration_number})"),
            ("Тараптар / Стороны", f"АО «КЖК»; {org.name} (БСН {org.bin})"),
            ("Шарт / Договор", f"{contract.number} от {contract.signed_on:%d.%m.%Y}"),
            ("Қазіргі редакция / Действующая редакция", form.get("currentValue", "")),
            ("Жаңа редакция / Новая редакция", form.get("requestedValue", "")),
        ],
        paragraphs=["Тараптар шартқа жоғарыда көрсетілген өзгерістерді енгізуге келісті. "
                    "Стороны договорились внести в договор указанные выше изменения."],
        issuer="«ҚТК» АҚ / АО «КЖК» — Shanyraq",
    ))


async def store_file(rt: Runtime, application: Application, kind: ApplicationFileKind, title: str, content: bytes, signed: bool) -> ApplicationFile:
    file_id = uuid.uuid4()
    key = f"applications/{application.id}/{file_id}.pdf"
    await put_bytes(rt, key, content)
    return await ApplicationFile.create(
        id=file_id, application=application, kind=kind, title=title, storage_key=key, size=len(content),
        sha256=hashlib.sha256(content).hexdigest(), signed=signed,
    )


async def attach_sa_draft(
    rt: Runtime, scope: Scope, application_id: object, data: StepData, req: RequestInfo, upload_id: str | None = None
) -> Application:
    """The SA draft goes to the parties: an uploaded PDF, or one generated from the application."""
    application, actor = await _as_staff(scope, application_id)
    check(application, Step.ATTACH_SA_DRAFT, actor.kind)
    title = "Қосымша келісімнің жобасы / Проект дополнительного соглашения"
    async with atomic():
        if upload_id:
            upload = await uploads.claim(upload_id, storage=rt.storage, user_id=actor.user_id, client_id=actor.client_id)
            if upload.content_type != "application/pdf":
                raise DomainError("PDF_REQUIRED", field="uploadId")
            draft = await ApplicationFile.create(
                application=application, kind=ApplicationFileKind.SA_DRAFT, title=title, storage_key=upload.storage_key,
                size=upload.length, sha256=upload.sha256,
            )
        else:
            draft = await store_file(rt, application, ApplicationFileKind.SA_DRAFT, title, await _sa_draft_pdf(application), False)
        return await move(rt, application, Step.ATTACH_SA_DRAFT, actor, req, comment=data.comment, files=[draft])


async def _final_sa_pdf(application: Application, sa_number: str, sa_date: dt.date, draft: ApplicationFile) -> bytes:
    signatures = await ApplicationSignature.filter(
        application_id=application.id, stage=SignatureStage.SUPPLEMENTARY_AGREEMENT
    ).order_by("signed_at")
    contract = await Contract.get(id=application.contract_id)
    fields = [
        ("Нөмірі / Номер", sa_number),
        ("Күні / Дата", f"{sa_date:%d.%m.%Y}"),
        ("Шарт / Договор", f"{contract.number} от {contract.signed_on:%d.%m.%Y}"),
        ("Жоба / Проект (SHA-256)", draft.sha256),
    ]
    for sig in signatures:
        party = {"applicant": "Өтініш беруші / Заявитель", "developer": "Құрылыс салушы / Застройщик"}.get(sig.role.value, sig.role.value)
        fields.append((party, f"{sig.signer_name}, ИИН {sig.signer_iin or '—'}, БИН {sig.signer_bin or '—'}, "
                              f"серт. {sig.certificate_serial}, {sig.signed_at.astimezone(ALMATY):%d.%m.%Y %H:%M}"))
    return render_pdf(OfficialDocument(
        title=f"Қосымша келісім № {sa_number} / Дополнительное соглашение № {sa_number}",
        subtitle=f"{contract.number} шартына / к договору {contract.number}",
        reference=f"{application.number} · SA {sa_number}", fields=fields,
        paragraphs=["Тараптар қол қойған жобаның мәтіні осы келісімнің ажырамас бөлігі болып табылады; тараптардың "
                    "ЭЦҚ-лары жоғарыда көрсетілген. Текст подписанного сторонами проекта является неотъемлемой частью "
                    "настоящего соглашения; ЭЦП сторон указаны выше."],
        issuer="«ҚТК» АҚ / АО «КЖК» — Shanyraq",
    ))


async def sign_sa_by_kzhk(rt: Runtime, scope: Scope, application_id: object, data: StepData, req: RequestInfo) -> Application:
    """KZhK signs last: the SA gets its number and date and a PDF signed by KZhK (PAdES)."""
    application, actor = await _as_staff(scope, application_id)
    require(Step.SIGN_SA_BY_KZHK, data)
    check(application, Step.SIGN_SA_BY_KZHK, actor.kind)
    sa_date = data.sa_date or _today()
    draft = await sa_draft(application)
    pdf = await _final_sa_pdf(application, data.sa_number.strip(), sa_date, draft)
    signed = await _kzhk_signed(rt, pdf, f"Қосымша келісім № {data.sa_number}")
    async with atomic():
        final = await store_file(rt, application, ApplicationFileKind.SA_SIGNED,
                                  f"Қосымша келісім № {data.sa_number.strip()} / Дополнительное соглашение", signed, True)
        return await move(rt, application, Step.SIGN_SA_BY_KZHK, actor, req, comment=data.comment, files=[final],
                          updates={"sa_number": data.sa_number.strip(), "sa_date": sa_date})
