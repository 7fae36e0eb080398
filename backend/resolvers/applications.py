"""Resolvers of applications to KZhK: who is asking, what they may see, one service call each."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import uuid
from collections.abc import AsyncIterator

from strawberry.types import Info
from tortoise.expressions import Q

from backend.adapters.signatures import SignatureError, has_signing_authority, require_subject
from backend.auth.identifiers import IdentifierKind, classify_iin_bin
from backend.auth.permissions import denial
from backend.calendar import ALMATY, KZHK_HOURS
from backend.models.applications import (
    Application,
    ApplicationDocument,
    ApplicationFile,
    ApplicationSignature,
    ApplicationStatus as S,
    SignatureStage,
)
from backend.models.contracts import Contract
from backend.models.history import HistoryEvent
from backend.models.identity import Role
from backend.models.organizations import Organization
from backend.resolvers.contracts import contract_type, organization_type
from backend.resolvers.errors import graphql_error, payload_or_errors
from backend.schema import applications as s
from backend.schema.common import Connection, to_connection
from backend.services import application_review as review
from backend.services import application_types as types
from backend.services import applications as service
from backend.services import files, signing_sessions
from backend.services.application_events import QUEUE_CHANNEL, application_channel, organization_channel
from backend.services.application_route import EDITABLE, TRANSITIONS, ActorKind, RouteActor, Step, StepData
from backend.errors import DomainError
from backend.services.pagination import paginate
from backend.services.partners import ApiScope
from backend.services.sessions import session_alive

SA_VISIBLE = (S.SA_PARTIES_SIGNING, S.SA_KZHK_SIGNING, S.SA_SIGNED)
# Steps a person or system of KZhK takes; each one's action has the same name.
STAFF_STEPS = (Step.REGISTER, Step.START_REVIEW, Step.REQUEST_REVISION, Step.REJECT, Step.APPROVE,
               Step.ATTACH_SA_DRAFT, Step.SIGN_SA_BY_KZHK)


# Who is asking ---------------------------------------------------------------------------


def _is_staff(info: Info) -> bool:
    ctx = info.context
    if ctx.client is not None:
        return ctx.client.may(ApiScope.APPLICATIONS_BPMS)
    return ctx.viewer is not None and ctx.viewer.has(Role.KZHK_OPERATOR, Role.ADMIN)


async def _organization(info: Info) -> Organization | None:
    viewer = info.context.viewer
    if viewer is None or not viewer.has(Role.LEGAL_ENTITY):
        return None
    return await service.organization_of(viewer.user)


async def _visible(info: Info):
    """Every application this viewer may see: all for KZhK staff and the BPMS; its own for an
    applicant organization; those in the SA stage for the contract's construction company."""
    if _is_staff(info):
        return Application.all()
    org = await _organization(info)
    if org is None:
        return Application.filter(id__in=[])
    return Application.filter(Q(applicant_org_id=org.id) | Q(contract__developer_id=org.id, status__in=list(SA_VISIBLE)))


async def _get(info: Info, application_id: object) -> Application:
    try:
        key = uuid.UUID(str(application_id))
    except ValueError:
        raise DomainError("NOT_FOUND", field="applicationId") from None
    row = await (await _visible(info)).filter(id=key).first()
    if row is None:
        raise DomainError("NOT_FOUND", field="applicationId")
    return row


async def _own(info: Info, application_id: object) -> tuple[Application, Organization]:
    """An application of the viewer's own organization (the applicant), or NOT_FOUND."""
    org = await _organization(info)
    row = await _get(info, application_id)
    if org is None or row.applicant_org_id != org.id:
        raise DomainError("NOT_FOUND", field="applicationId")
    return row, org


def _staff_actor(info: Info) -> RouteActor:
    ctx = info.context
    if ctx.client is not None:
        return RouteActor(ActorKind.BPMS, client_id=ctx.client.client.id, label=ctx.client.client.name)
    return RouteActor(ActorKind.OPERATOR, user_id=ctx.viewer.user.id, label=ctx.viewer.user.full_name)


# Mapping ---------------------------------------------------------------------------------


def _overdue(row: Application) -> bool:
    today = dt.datetime.now(ALMATY).date()
    if row.status in (S.REGISTERED, S.IN_REVIEW) and row.review_deadline:
        return row.review_deadline < today
    if row.status is S.NEEDS_REVISION and row.revision_deadline:
        return row.revision_deadline < today
    return False


def application_type(row: Application) -> s.Application:
    return s.Application(
        id=str(row.id), number=row.number, status=row.status, type=row.type, category=row.category,
        category_other=row.category_other, form=row.form, version=row.version, created_at=row.created_at,
        sent_at=row.sent_at, registration_number=row.registration_number, registered_on=row.registered_on,
        review_deadline=row.review_deadline, executor_name=row.executor_name, executor_phone=row.executor_phone,
        revision_deadline=row.revision_deadline, sa_number=row.sa_number, sa_date=row.sa_date,
        status_changed_at=row.status_changed_at, overdue=_overdue(row), contract_id=row.contract_id,
        applicant_org_id=row.applicant_org_id, row=row,
    )


def _link(info: Info, object_id, *, inline: bool) -> str | None:
    ctx = info.context
    settings = ctx.rt.settings
    if ctx.viewer is not None:
        return files.document_link(settings, object_id, ctx.viewer.user.id, inline=inline)
    if ctx.client is not None:
        return files.client_document_link(settings, object_id, ctx.client.client.id, inline=inline)
    return None


async def contract_of(info: Info, contract_id) -> s.Contract | None:
    row = await Contract.get_or_none(id=contract_id)
    return contract_type(row) if row else None


async def applicant_of(info: Info, org_id) -> s.Organization | None:
    row = await info.context.loaders.organization_by_id.load(org_id)
    return organization_type(row) if row else None


async def documents_of(info: Info, application_id: str) -> list[s.ApplicationDocumentType]:
    rows = await ApplicationDocument.filter(application_id=application_id).order_by("created_at")
    return [
        s.ApplicationDocumentType(
            id=str(d.id), requirement=d.requirement, title=d.title, size=float(d.size), sha256=d.sha256,
            content_type=d.content_type, created_at=d.created_at, download_url=_link(info, d.id, inline=False),
        )
        for d in rows
    ]


def _file(info: Info, f: ApplicationFile) -> s.ApplicationFileType:
    return s.ApplicationFileType(
        id=str(f.id), kind=f.kind, title=f.title, size=float(f.size), sha256=f.sha256, signed=f.signed,
        created_at=f.created_at, download_url=_link(info, f.id, inline=False), view_url=_link(info, f.id, inline=True),
    )


async def files_of(info: Info, application_id: str) -> list[s.ApplicationFileType]:
    return [_file(info, f) for f in await ApplicationFile.filter(application_id=application_id).order_by("created_at")]


async def signatures_of(info: Info, row: Application) -> list[s.ApplicationSignatureType]:
    current = service.digest(await service.signing_content(row))
    sa_current = None
    if row.status in SA_VISIBLE:
        sa_current = service.digest(await review.sa_signing_content(row))
    result = []
    for sig in await ApplicationSignature.filter(application_id=row.id).order_by("signed_at"):
        expected = current if sig.stage is SignatureStage.APPLICATION else sa_current
        result.append(s.ApplicationSignatureType(
            stage=sig.stage, role=sig.role, version=sig.version, method=sig.method, signer_name=sig.signer_name,
            signer_iin=sig.signer_iin, signer_bin=sig.signer_bin, certificate_serial=sig.certificate_serial,
            certificate_issuer=sig.certificate_issuer, signed_at=sig.signed_at, matches_current=sig.digest == expected,
        ))
    return result


async def history_of(info: Info, application_id: str) -> list[s.ApplicationEvent]:
    events = await HistoryEvent.filter(entity="application", entity_id=str(application_id)).order_by("created_at", "id")
    out = []
    for e in events:
        data = e.data
        out.append(s.ApplicationEvent(
            at=e.created_at, action=e.action,
            from_status=S(data["from"]) if data.get("from") else None,
            to_status=S(data["to"]) if data.get("to") else None,
            actor=data.get("actor", "applicant"), actor_label=data.get("actorLabel", ""), comment=data.get("comment", ""),
            files=[s.HistoryFile(id=f["id"], kind=f["kind"], title=f["title"], signed=f.get("signed", f["kind"] != "sa_draft"),
                                 download_url=_link(info, f["id"], inline=False))
                   for f in data.get("files") or []],
        ))
    return out


async def available_actions(info: Info, row: Application) -> list[s.ApplicationAction]:
    actions: list[s.ApplicationAction] = []
    if _is_staff(info):
        return [s.ApplicationAction(step.value) for step in STAFF_STEPS if row.status in TRANSITIONS[step].source]
    org = await _organization(info)
    if org is None:
        return actions
    if org.id == row.applicant_org_id and row.status in EDITABLE:
        actions += [s.ApplicationAction.EDIT, s.ApplicationAction.SUBMIT]
        if row.status is S.DRAFT:
            actions.append(s.ApplicationAction.DELETE)
    if row.status is S.SA_PARTIES_SIGNING:
        role = await review.party_role(row, info.context.viewer.user)
        signed = await ApplicationSignature.filter(application_id=row.id, stage=SignatureStage.SUPPLEMENTARY_AGREEMENT).values_list("role", flat=True)
        if role is not None and role.value not in {getattr(x, "value", x) for x in signed}:
            actions.append(s.ApplicationAction.SIGN_SA)
    return actions


async def signing_payload(info: Info, row: Application) -> str | None:
    org = await _organization(info)
    if org is None or org.id != row.applicant_org_id or row.status not in EDITABLE:
        return None
    return base64.b64encode(await service.signing_content(row)).decode()


async def sa_signing_payload(info: Info, row: Application) -> str | None:
    if row.status is not S.SA_PARTIES_SIGNING or info.context.viewer is None:
        return None
    if await review.party_role(row, info.context.viewer.user) is None:
        return None
    return base64.b64encode(await review.sa_signing_content(row)).decode()


# Queries ---------------------------------------------------------------------------------


def application_types() -> list[s.ApplicationTypeInfo]:
    return [
        s.ApplicationTypeInfo(
            code=t.code, categories=list(t.categories),
            documents=[s.DocumentRequirement(code=d.code, required=d.required) for d in t.documents],
            review_working_days=t.review_working_days, revision_working_days=t.revision_working_days,
        )
        for t in types.TYPES.values()
    ]


def application_terms() -> s.ApplicationTerms:
    hours = KZHK_HOURS
    return s.ApplicationTerms(
        version=types.TERMS_VERSION,
        working_hours=f"Mon–Fri {hours.opens:%H:%M}–{hours.closes:%H:%M} Asia/Almaty",
        max_file_bytes=float(700 * 1024 * 1024),
        form_fields=[s.FormFieldInfo(name=k, required=v) for k, v in types.FORM_FIELDS.items()],
    )


async def kzhk_contracts(info: Info) -> list[s.Contract]:
    org = await _organization(info)
    if org is None:
        return []
    return [contract_type(c) for c in await service.kzhk_contracts(org)]


def _statuses(status) -> list[S] | None:
    return [S(x.value if hasattr(x, "value") else x) for x in status] if status else None


async def _page(query, first, after) -> Connection[s.Application]:
    try:
        page = await paginate(query, first, after)
    except DomainError as exc:
        raise graphql_error(exc) from None
    return Connection[s.Application](**to_connection(page, application_type))


async def my_applications(info: Info, status, first, after) -> Connection[s.Application]:
    query = await _visible(info)
    statuses = _statuses(status)
    if statuses:
        query = query.filter(status__in=statuses)
    return await _page(query, first, after)


async def application_queue(info: Info, status, overdue_only: bool, search: str | None, first, after) -> Connection[s.Application]:
    query = Application.exclude(status=S.DRAFT)
    statuses = _statuses(status)
    if statuses:
        query = query.filter(status__in=statuses)
    if search and search.strip():
        text = search.strip()[:64]
        query = query.filter(Q(number__icontains=text) | Q(registration_number__icontains=text)
                             | Q(applicant_org__bin__startswith=text) | Q(contract__number__icontains=text))
    if overdue_only:
        today = dt.datetime.now(ALMATY).date()
        query = query.filter(
            Q(status__in=[S.REGISTERED, S.IN_REVIEW], review_deadline__lt=today)
            | Q(status=S.NEEDS_REVISION, revision_deadline__lt=today)
        )
    return await _page(query, first, after)


async def application(info: Info, application_id: str) -> s.Application | None:
    try:
        return application_type(await _get(info, application_id))
    except DomainError:
        return None


# Applicant mutations ---------------------------------------------------------------------


def _payload(row: Application) -> s.ApplicationPayload:
    return s.ApplicationPayload(application=application_type(row))


async def application_create(info: Info, input: s.ApplicationCreateInput) -> s.ApplicationPayload:
    async def work():
        org = await _organization(info)
        if org is None:
            raise DomainError("NO_ORGANIZATION")
        row = await service.create(info.context.viewer.user, org, input.contract_id, input.type, input.category,
                                   input.category_other, input.form, input.request_id, info.context.req)
        return _payload(row)

    return await payload_or_errors(s.ApplicationPayload, work)


async def application_update(info: Info, input: s.ApplicationUpdateInput) -> s.ApplicationPayload:
    async def work():
        row, _ = await _own(info, input.application_id)
        row = await service.update(info.context.rt, row, info.context.viewer.user, category=input.category,
                                   category_other=input.category_other, form=input.form, req=info.context.req)
        return _payload(row)

    return await payload_or_errors(s.ApplicationPayload, work)


async def application_document_add(info: Info, input: s.ApplicationDocumentAddInput) -> s.ApplicationPayload:
    async def work():
        row, _ = await _own(info, input.application_id)
        await service.add_document(info.context.rt, row, info.context.viewer.user, input.upload_id, input.requirement,
                                   input.title, info.context.req)
        return _payload(await Application.get(id=row.id))

    return await payload_or_errors(s.ApplicationPayload, work)


async def application_document_remove(info: Info, input: s.ApplicationDocumentRemoveInput) -> s.ApplicationPayload:
    async def work():
        row, _ = await _own(info, input.application_id)
        await service.remove_document(info.context.rt, row, info.context.viewer.user, input.document_id, info.context.req)
        return _payload(await Application.get(id=row.id))

    return await payload_or_errors(s.ApplicationPayload, work)


async def application_delete(info: Info, input: s.ApplicationRefInput) -> s.ApplicationPayload:
    async def work():
        row, _ = await _own(info, input.application_id)
        await service.delete_draft(row, info.context.viewer.user, info.context.req)
        return s.ApplicationPayload()

    return await payload_or_errors(s.ApplicationPayload, work)


async def _signature(info: Info, content: bytes, cms_b64: str | None, session_id, purpose: str, subject_id: str, expected_bin: str):
    """The verified signer of `content`: from a CMS sent now, or from a QR session signed on another device."""
    ctx = info.context
    try:
        if session_id is not None:
            cms, signer = await signing_sessions.take_signed(
                session_id, ctx.viewer.user.id, purpose, subject_id, payload=content, req=ctx.req
            )
            method = "qr"
        elif cms_b64:
            try:
                cms = base64.b64decode(cms_b64, validate=True)
            except (binascii.Error, ValueError):
                raise DomainError("CMS_MALFORMED", field="cms") from None
            method = "eds"
        else:
            raise DomainError("REQUIRED", field="cms")
        signer = await ctx.rt.signatures.verify_detached(content, cms, purpose="sign")
        if classify_iin_bin(expected_bin) is IdentifierKind.COMPANY:
            require_subject(signer, bin=expected_bin)
            if not has_signing_authority(signer):
                # An employee certificate without the right to sign for the company (NCA role).
                raise DomainError("NO_SIGNING_AUTHORITY", field="cms")
        else:
            require_subject(signer, iin=expected_bin)
    except SignatureError as exc:
        raise DomainError(exc.code, field="cms", **exc.params) from None
    return cms, signer, method


async def application_submit(info: Info, input: s.ApplicationSubmitInput) -> s.ApplicationPayload:
    async def work():
        row, org = await _own(info, input.application_id)
        if row.status is S.SENT:
            return _payload(row)  # sent already: a repeated click changes nothing
        if row.status not in EDITABLE:
            raise DomainError("WRONG_STATUS", status=row.status.value)
        content = await service.signing_content(row)
        cms, signer, method = await _signature(info, content, input.cms, input.signing_session_id, "application", str(row.id), org.bin)
        row = await service.submit(info.context.rt, row, info.context.viewer.user, signed_content=content, cms=cms,
                                   signer=signer, method=method, terms_accepted=input.terms_accepted, req=info.context.req)
        return _payload(row)

    return await payload_or_errors(s.ApplicationPayload, work)


async def application_sa_sign(info: Info, input: s.ApplicationSaSignInput) -> s.ApplicationPayload:
    async def work():
        row = await _get(info, input.application_id)
        user = info.context.viewer.user
        role = await review.party_role(row, user)
        if role is None:
            raise DomainError("NOT_A_PARTY")
        if row.status is not S.SA_PARTIES_SIGNING:
            raise DomainError("WRONG_STATUS", status=row.status.value)
        content = await review.sa_signing_content(row)
        cms, signer, method = await _signature(info, content, input.cms, input.signing_session_id,
                                               "supplementary_agreement", str(row.id), user.iin_bin)
        row = await review.sign_sa_as_party(info.context.rt, row, user, role, signed_content=content, cms=cms,
                                            signer=signer, method=method, req=info.context.req)
        return _payload(row)

    return await payload_or_errors(s.ApplicationPayload, work)


async def application_signing_session_create(info: Info, input: s.ApplicationSigningSessionInput) -> s.SigningSessionStart:
    async def work():
        row = await _get(info, input.application_id)
        user = info.context.viewer.user
        if input.stage is SignatureStage.APPLICATION:
            row, org = await _own(info, input.application_id)
            if row.status not in EDITABLE:
                raise DomainError("WRONG_STATUS", status=row.status.value)
            content, purpose, expected = await service.signing_content(row), "application", org.bin
            description = f"{row.number}"
        else:
            if row.status is not S.SA_PARTIES_SIGNING or await review.party_role(row, user) is None:
                raise DomainError("WRONG_STATUS", status=row.status.value)
            content, purpose, expected = await review.sa_signing_content(row), "supplementary_agreement", user.iin_bin
            description = f"{row.number} SA"
        session, token = await signing_sessions.create_session(
            purpose, str(row.id), content, description, expected, user, req=info.context.req
        )
        return s.SigningSessionStart(
            session_id=str(session.id), sign_url=signing_sessions.signing_url(info.context.rt.settings, session, token),
            expires_at=session.expires_at,
        )

    return await payload_or_errors(s.SigningSessionStart, work)


# Staff mutations -------------------------------------------------------------------------


async def _staff(info: Info, input, action) -> s.ApplicationPayload:
    async def work():
        row = await _get(info, input.application_id)
        return _payload(await action(row, _staff_actor(info)))

    return await payload_or_errors(s.ApplicationPayload, work)


async def application_register(info: Info, input: s.ApplicationRegisterInput) -> s.ApplicationPayload:
    data = StepData(registration_number=input.registration_number, registered_on=input.registered_on,
                    review_deadline=input.review_deadline, comment=input.comment)
    return await _staff(info, input, lambda row, actor: review.register(info.context.rt, row, actor, data, info.context.req))


async def application_start_review(info: Info, input: s.ApplicationStartReviewInput) -> s.ApplicationPayload:
    data = StepData(executor_name=input.executor_name, executor_phone=input.executor_phone, comment=input.comment)
    return await _staff(info, input, lambda row, actor: review.start_review(info.context.rt, row, actor, data, info.context.req))


async def application_request_revision(info: Info, input: s.ApplicationDecisionInput) -> s.ApplicationPayload:
    data = StepData(comment=input.comment, revision_deadline=input.revision_deadline)
    return await _staff(info, input, lambda row, actor: review.request_revision(info.context.rt, row, actor, data, info.context.req))


async def application_reject(info: Info, input: s.ApplicationDecisionInput) -> s.ApplicationPayload:
    data = StepData(comment=input.comment)
    return await _staff(info, input, lambda row, actor: review.reject(info.context.rt, row, actor, data, info.context.req))


async def application_approve(info: Info, input: s.ApplicationDecisionInput) -> s.ApplicationPayload:
    data = StepData(comment=input.comment)
    return await _staff(info, input, lambda row, actor: review.approve(info.context.rt, row, actor, data, info.context.req))


async def application_sa_draft_attach(info: Info, input: s.ApplicationSaDraftInput) -> s.ApplicationPayload:
    data = StepData(comment=input.comment)
    return await _staff(info, input, lambda row, actor: review.attach_sa_draft(info.context.rt, row, actor, data, info.context.req, input.upload_id))


async def application_sa_sign_by_kzhk(info: Info, input: s.ApplicationSaFinalInput) -> s.ApplicationPayload:
    data = StepData(sa_number=input.sa_number, sa_date=input.sa_date, comment=input.comment)
    return await _staff(info, input, lambda row, actor: review.sign_sa_by_kzhk(info.context.rt, row, actor, data, info.context.req))


# Live ------------------------------------------------------------------------------------


async def _stream(info: Info, channel: str, application_id: str | None) -> AsyncIterator[s.Application]:
    viewer = info.context.viewer
    async with info.context.rt.pubsub.subscribe(channel) as messages:
        async for message in messages:
            if viewer is not None and not await session_alive(viewer.session_id):
                return
            if application_id is not None and message.get("applicationId") != str(application_id):
                continue
            try:
                row = await _get(info, message["applicationId"])
            except DomainError:
                continue
            info.context.loaders = type(info.context.loaders)()
            yield application_type(row)


async def application_updates(info: Info, application_id: str) -> AsyncIterator[s.Application]:
    if info.context.viewer is None:
        raise denial("UNAUTHENTICATED")
    try:
        row = await _get(info, application_id)
    except DomainError:
        raise denial("FORBIDDEN") from None
    async for item in _stream(info, application_channel(row.id), str(row.id)):
        yield item


async def applications_changed(info: Info) -> AsyncIterator[s.Application]:
    if info.context.viewer is None:
        raise denial("UNAUTHENTICATED")
    if _is_staff(info):
        channel = QUEUE_CHANNEL
    else:
        org = await _organization(info)
        if org is None:
            raise denial("FORBIDDEN")
        channel = organization_channel(org.id)
    async for item in _stream(info, channel, None):
        yield item
