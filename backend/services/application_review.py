"""The KZhK side of the route (seed 001): registration, review, revision, rejection, approval and
the supplementary agreement — made by operators in the back office or by the BPMS through the API.
`move` is the one function that changes an application's status."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from typing import Any

from backend.adapters.pdf import OfficialDocument, render_pdf
from backend.calendar import ALMATY, KZHK_HOURS, add_working_days
from backend.models.applications import (
    Application,
    ApplicationFile,
    ApplicationFileKind,
    ApplicationSignature,
    ApplicationStatus as S,
    SignatureStage,
    SignerRole,
)
from backend.models.contracts import Contract
from backend.models.identity import User
from backend.models.organizations import Organization
from backend.runtime import Runtime
from backend.services import application_types as types
from backend.services import history, uploads
from backend.services.application_events import announce_change
from backend.services.application_route import TRANSITIONS, ActorKind, RouteActor, Step, StepData
from backend.services.documents import put_bytes
from backend.errors import DomainError, DomainErrors
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


async def move(
    rt: Runtime,
    application: Application,
    step: Step,
    actor: RouteActor,
    req: RequestInfo,
    *,
    updates: dict[str, Any] | None = None,
    comment: str = "",
    files: list[ApplicationFile] | None = None,
    record: dict[str, Any] | None = None,
) -> Application:
    """One transition in one transaction: checked against the route, recorded in the history,
    announced after commit. A concurrent second transition of the same application loses."""
    transition = TRANSITIONS[step]
    if actor.kind not in transition.actors:
        raise DomainError("NOT_ALLOWED", step=step.value)
    async with atomic():
        current = await Application.get(id=application.id)
        if current.status not in transition.source:
            raise DomainError("WRONG_STATUS", status=current.status.value, step=step.value)
        changed = await Application.filter(id=current.id, status=current.status).update(
            status=transition.target, status_changed_at=_now(), **(updates or {})
        )
        if not changed:
            raise DomainError("WRONG_STATUS", status=(await Application.get(id=current.id)).status.value, step=step.value)
        await history.record(
            "application", current.id, step.value, actor_id=actor.user_id, ip=req.ip,
            **{"from": current.status.value, "to": transition.target.value},
            actor=actor.kind.value, actorLabel=actor.label, clientId=str(actor.client_id) if actor.client_id else None,
            comment=comment,
            files=[{"id": str(f.id), "kind": f.kind.value, "title": f.title, "signed": f.signed} for f in files or []],
            **(record or {}),
        )
        fresh = await Application.get(id=current.id)
        await announce_change(rt, fresh, transition.target)
    return fresh


def _require(step: Step, data: StepData) -> None:
    missing = [DomainError("REQUIRED", field=name) for name in TRANSITIONS[step].required if not str(data.value(name)).strip()]
    if missing:
        raise DomainErrors(missing)


def _kind(application: Application) -> types.ApplicationType:
    kind = types.application_type(application.type)
    assert kind is not None, application.type
    return kind


async def register(rt: Runtime, application: Application, actor: RouteActor, data: StepData, req: RequestInfo) -> Application:
    """Registered in the BPMS: a number, the registration date (the next working day when sent
    outside KZhK's hours) and the review deadline in working days."""
    _require(Step.REGISTER, data)
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


async def start_review(rt: Runtime, application: Application, actor: RouteActor, data: StepData, req: RequestInfo) -> Application:
    _require(Step.START_REVIEW, data)
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


async def request_revision(rt: Runtime, application: Application, actor: RouteActor, data: StepData, req: RequestInfo) -> Application:
    _require(Step.REQUEST_REVISION, data)
    deadline = data.revision_deadline or add_working_days(_today(), _kind(application).revision_working_days)
    if deadline < _today():
        raise DomainError("DATE_IN_PAST", field="revisionDeadline")
    _check_status(application, Step.REQUEST_REVISION, actor)
    title, pdf = await _notice(rt, application, ApplicationFileKind.REVISION_NOTICE, data, deadline)
    async with atomic():
        notice = await _store_file(rt, application, ApplicationFileKind.REVISION_NOTICE, title, pdf, True)
        return await move(rt, application, Step.REQUEST_REVISION, actor, req, comment=data.comment, files=[notice],
                          updates={"revision_deadline": deadline})


async def reject(rt: Runtime, application: Application, actor: RouteActor, data: StepData, req: RequestInfo) -> Application:
    _require(Step.REJECT, data)
    _check_status(application, Step.REJECT, actor)
    title, pdf = await _notice(rt, application, ApplicationFileKind.REJECTION_NOTICE, data, None)
    async with atomic():
        notice = await _store_file(rt, application, ApplicationFileKind.REJECTION_NOTICE, title, pdf, True)
        return await move(rt, application, Step.REJECT, actor, req, comment=data.comment, files=[notice])


async def approve(rt: Runtime, application: Application, actor: RouteActor, data: StepData, req: RequestInfo) -> Application:
    return await move(rt, application, Step.APPROVE, actor, req, comment=data.comment)


def _check_status(application: Application, step: Step, actor: RouteActor) -> None:
    """Early refusal before expensive work (PDFs); `move` checks again inside its transaction."""
    transition = TRANSITIONS[step]
    if actor.kind not in transition.actors:
        raise DomainError("NOT_ALLOWED", step=step.value)
    if application.status not in transition.source:
        raise DomainError("WRONG_STATUS", status=application.status.value, step=step.value)


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


async def _store_file(rt: Runtime, application: Application, kind: ApplicationFileKind, title: str, content: bytes, signed: bool) -> ApplicationFile:
    file_id = uuid.uuid4()
    key = f"applications/{application.id}/{file_id}.pdf"
    await put_bytes(rt, key, content)
    return await ApplicationFile.create(
        id=file_id, application=application, kind=kind, title=title, storage_key=key, size=len(content),
        sha256=hashlib.sha256(content).hexdigest(), signed=signed,
    )


async def attach_sa_draft(
    rt: Runtime, application: Application, actor: RouteActor, data: StepData, req: RequestInfo, upload_id: str | None = None
) -> Application:
    """The SA draft goes to the parties: an uploaded PDF, or one generated from the application."""
    _check_status(application, Step.ATTACH_SA_DRAFT, actor)
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
            draft = await _store_file(rt, application, ApplicationFileKind.SA_DRAFT, title, await _sa_draft_pdf(application), False)
        return await move(rt, application, Step.ATTACH_SA_DRAFT, actor, req, comment=data.comment, files=[draft])


async def sa_draft(application: Application) -> ApplicationFile:
    draft = await ApplicationFile.filter(application_id=application.id, kind=ApplicationFileKind.SA_DRAFT).order_by("-created_at").first()
    if draft is None:
        raise DomainError("SA_DRAFT_MISSING")
    return draft


async def sa_signing_content(application: Application) -> bytes:
    """What each party signs for the SA: the draft's SHA-256 bound to this application."""
    draft = await sa_draft(application)
    content = {"schema": "shanyraq.supplementary-agreement/1", "application": str(application.id),
               "number": application.number, "draft": {"id": str(draft.id), "sha256": draft.sha256}}
    return json.dumps(content, sort_keys=True, separators=(",", ":")).encode()


async def parties_needed(application: Application) -> set[SignerRole]:
    contract = await Contract.get(id=application.contract_id)
    # When the applicant is the construction company itself, its one signature is both parties'.
    if contract.developer_id is None or contract.developer_id == application.applicant_org_id:
        return {SignerRole.APPLICANT}
    return {SignerRole.APPLICANT, SignerRole.DEVELOPER}


async def party_role(application: Application, user: User) -> SignerRole | None:
    org = await Organization.get_or_none(bin=user.iin_bin) if user.iin_bin else None
    if org is None:
        return None
    if org.id == application.applicant_org_id:
        return SignerRole.APPLICANT
    contract = await Contract.get(id=application.contract_id)
    return SignerRole.DEVELOPER if org.id == contract.developer_id else None


async def sign_sa_as_party(
    rt: Runtime, application: Application, user: User, role: SignerRole, *, signed_content: bytes, cms: bytes,
    signer: Any, method: str, req: RequestInfo,
) -> Application:
    if application.status is not S.SA_PARTIES_SIGNING:
        raise DomainError("WRONG_STATUS", status=application.status.value)
    if signed_content != await sa_signing_content(application):
        raise DomainError("CONTENT_CHANGED")
    digest = hashlib.sha256(signed_content).hexdigest()
    async with atomic():
        done = await ApplicationSignature.filter(
            application_id=application.id, stage=SignatureStage.SUPPLEMENTARY_AGREEMENT, digest=digest
        ).values_list("role", flat=True)
        if role.value in {getattr(r, "value", r) for r in done}:
            return application  # signed already: a retry changes nothing
        await ApplicationSignature.create(
            application=application, stage=SignatureStage.SUPPLEMENTARY_AGREEMENT, role=role, version=application.version,
            digest=digest, cms=cms.hex(), method=method, signer_name=signer.name, signer_iin=signer.iin or "",
            signer_bin=signer.bin or "", certificate_serial=signer.serial, certificate_issuer=signer.issuer, signed_by=user,
        )
        await history.record("application", application.id, "sa_signed_by_party", actor_id=user.id, ip=req.ip,
                             role=role.value, signer=signer.name, method=method,
                             actor=role.value, actorLabel=signer.name)
        signed_roles = {getattr(r, "value", r) for r in done} | {role.value}
        if {r.value for r in await parties_needed(application)} <= signed_roles:
            actor = RouteActor(ActorKind.APPLICANT if role is SignerRole.APPLICANT else ActorKind.DEVELOPER, user_id=user.id, label=signer.name)
            return await move(rt, application, Step.SA_PARTIES_SIGNED, actor, req)
        await announce_change(rt, application, None)
    return await Application.get(id=application.id)


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


async def sign_sa_by_kzhk(rt: Runtime, application: Application, actor: RouteActor, data: StepData, req: RequestInfo) -> Application:
    """KZhK signs last: the SA gets its number and date and a PDF signed by KZhK (PAdES)."""
    _require(Step.SIGN_SA_BY_KZHK, data)
    _check_status(application, Step.SIGN_SA_BY_KZHK, actor)
    sa_date = data.sa_date or _today()
    draft = await sa_draft(application)
    pdf = await _final_sa_pdf(application, data.sa_number.strip(), sa_date, draft)
    signed = await _kzhk_signed(rt, pdf, f"Қосымша келісім № {data.sa_number}")
    async with atomic():
        final = await _store_file(rt, application, ApplicationFileKind.SA_SIGNED,
                                  f"Қосымша келісім № {data.sa_number.strip()} / Дополнительное соглашение", signed, True)
        return await move(rt, application, Step.SIGN_SA_BY_KZHK, actor, req, comment=data.comment, files=[final],
                          updates={"sa_number": data.sa_number.strip(), "sa_date": sa_date})
