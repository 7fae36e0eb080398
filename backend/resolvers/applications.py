"""Resolvers of applications to KZhK: who is asking, one service call, the row mapped by its type.
The rules — what a viewer sees, every transition, whose signature counts — are the service's."""

from __future__ import annotations

from collections.abc import AsyncIterator

from strawberry.types import Info

from backend.schema.permissions import denial
from backend.calendar import KZHK_HOURS
from backend.errors import DomainError
from backend.resolvers.errors import graphql_error, payload_or_errors
from backend.schema import applications as s
from backend.schema.common import Connection, to_connection
from backend.schema.contracts import Contract
from backend.services import signing_sessions
from backend.services.applications import access, drafts, review, signing
from backend.services.applications import types as catalogue
from backend.services.applications.events import QUEUE_CHANNEL, application_channel, organization_channel
from backend.services.applications.route import StepData
from backend.services.pagination import paginate
from backend.services.sessions import session_alive

viewer_scope = s.viewer_scope


# Queries ---------------------------------------------------------------------------------


def application_types() -> list[s.ApplicationTypeInfo]:
    return [s.ApplicationTypeInfo.from_row(t) for t in catalogue.TYPES.values()]


def application_terms(info: Info) -> s.ApplicationTerms:
    hours = KZHK_HOURS
    return s.ApplicationTerms(
        version=catalogue.TERMS_VERSION,
        working_hours=f"Mon–Fri {hours.opens:%H:%M}–{hours.closes:%H:%M} Asia/Almaty",
        max_file_bytes=float(info.context.rt.settings.upload_max_bytes),
        form_fields=[s.FormFieldInfo(name=k, required=v) for k, v in catalogue.FORM_FIELDS.items()],
    )


async def kzhk_contracts(info: Info) -> list[Contract]:
    return [Contract.from_row(c) for c in await drafts.kzhk_contracts(await viewer_scope(info))]


async def _page(query, first, after) -> Connection[s.Application]:
    try:
        page = await paginate(query, first, after)
    except DomainError as exc:
        raise graphql_error(exc) from None
    return Connection[s.Application](**to_connection(page, s.Application.from_row))


async def my_applications(info: Info, status, first, after) -> Connection[s.Application]:
    return await _page(access.mine(await viewer_scope(info), status), first, after)


async def application_queue(info: Info, status, overdue_only: bool, search: str | None, first, after) -> Connection[s.Application]:
    query = access.queue(await viewer_scope(info), status, overdue_only=overdue_only, search=search)
    return await _page(query, first, after)


async def application(info: Info, application_id: str) -> s.Application | None:
    try:
        return s.Application.from_row(await access.get_visible(await viewer_scope(info), application_id))
    except DomainError:
        return None


# Applicant mutations ---------------------------------------------------------------------


async def application_create(info: Info, input: s.ApplicationCreateInput) -> s.ApplicationPayload:
    async def work():
        ctx = info.context
        row = await drafts.create(await viewer_scope(info), ctx.viewer.user, input.contract_id, input.type, input.category,
                                  input.category_other, input.form, input.request_id, ctx.req)
        return s.ApplicationPayload.from_row(row)

    return await payload_or_errors(s.ApplicationPayload, work)


async def application_update(info: Info, input: s.ApplicationUpdateInput) -> s.ApplicationPayload:
    async def work():
        ctx = info.context
        row = await drafts.update(ctx.rt, await viewer_scope(info), input.application_id, ctx.viewer.user,
                                  category=input.category, category_other=input.category_other, form=input.form, req=ctx.req)
        return s.ApplicationPayload.from_row(row)

    return await payload_or_errors(s.ApplicationPayload, work)


async def application_document_add(info: Info, input: s.ApplicationDocumentAddInput) -> s.ApplicationPayload:
    async def work():
        ctx = info.context
        row = await drafts.add_document(ctx.rt, await viewer_scope(info), input.application_id, ctx.viewer.user,
                                        input.upload_id, input.requirement, input.title, ctx.req)
        return s.ApplicationPayload.from_row(row)

    return await payload_or_errors(s.ApplicationPayload, work)


async def application_document_remove(info: Info, input: s.ApplicationDocumentRemoveInput) -> s.ApplicationPayload:
    async def work():
        ctx = info.context
        row = await drafts.remove_document(ctx.rt, await viewer_scope(info), input.application_id, ctx.viewer.user,
                                           input.document_id, ctx.req)
        return s.ApplicationPayload.from_row(row)

    return await payload_or_errors(s.ApplicationPayload, work)


async def application_delete(info: Info, input: s.ApplicationRefInput) -> s.ApplicationPayload:
    async def work():
        ctx = info.context
        await drafts.delete_draft(await viewer_scope(info), input.application_id, ctx.viewer.user, ctx.req)
        return s.ApplicationPayload()

    return await payload_or_errors(s.ApplicationPayload, work)


async def application_submit(info: Info, input: s.ApplicationSubmitInput) -> s.ApplicationPayload:
    async def work():
        ctx = info.context
        proof = signing.Proof(cms=input.cms, signing_session_id=input.signing_session_id)
        row = await signing.submit(ctx.rt, await viewer_scope(info), input.application_id, ctx.viewer.user, proof,
                                   terms_accepted=input.terms_accepted, req=ctx.req)
        return s.ApplicationPayload.from_row(row)

    return await payload_or_errors(s.ApplicationPayload, work)


async def application_sa_sign(info: Info, input: s.ApplicationSaSignInput) -> s.ApplicationPayload:
    async def work():
        ctx = info.context
        proof = signing.Proof(cms=input.cms, signing_session_id=input.signing_session_id)
        row = await signing.sign_sa(ctx.rt, await viewer_scope(info), input.application_id, ctx.viewer.user, proof, ctx.req)
        return s.ApplicationPayload.from_row(row)

    return await payload_or_errors(s.ApplicationPayload, work)


async def application_signing_session_create(info: Info, input: s.ApplicationSigningSessionInput) -> s.SigningSessionStart:
    async def work():
        ctx = info.context
        session, token = await signing.open_signing_session(
            ctx.rt, await viewer_scope(info), input.application_id, ctx.viewer.user, input.stage, ctx.req
        )
        return s.SigningSessionStart(
            session_id=str(session.id), sign_url=signing_sessions.signing_url(ctx.rt.settings, session, token),
            expires_at=session.expires_at,
        )

    return await payload_or_errors(s.SigningSessionStart, work)


# Staff mutations -------------------------------------------------------------------------


async def _staff(info: Info, input, step, data: StepData, **extra) -> s.ApplicationPayload:
    async def work():
        ctx = info.context
        row = await step(ctx.rt, await viewer_scope(info), input.application_id, data, ctx.req, **extra)
        return s.ApplicationPayload.from_row(row)

    return await payload_or_errors(s.ApplicationPayload, work)


async def application_register(info: Info, input: s.ApplicationRegisterInput) -> s.ApplicationPayload:
    data = StepData(registration_number=input.registration_number, registered_on=input.registered_on,
                    review_deadline=input.review_deadline, comment=input.comment)
    return await _staff(info, input, review.register, data)


async def application_start_review(info: Info, input: s.ApplicationStartReviewInput) -> s.ApplicationPayload:
    data = StepData(executor_name=input.executor_name, executor_phone=input.executor_phone, comment=input.comment)
    return await _staff(info, input, review.start_review, data)


async def application_request_revision(info: Info, input: s.ApplicationDecisionInput) -> s.ApplicationPayload:
    return await _staff(info, input, review.request_revision, StepData(comment=input.comment, revision_deadline=input.revision_deadline))


async def application_reject(info: Info, input: s.ApplicationDecisionInput) -> s.ApplicationPayload:
    return await _staff(info, input, review.reject, StepData(comment=input.comment))


async def application_approve(info: Info, input: s.ApplicationDecisionInput) -> s.ApplicationPayload:
    return await _staff(info, input, review.approve, StepData(comment=input.comment))


async def application_sa_draft_attach(info: Info, input: s.ApplicationSaDraftInput) -> s.ApplicationPayload:
    return await _staff(info, input, review.attach_sa_draft, StepData(comment=input.comment), upload_id=input.upload_id)


async def application_sa_sign_by_kzhk(info: Info, input: s.ApplicationSaFinalInput) -> s.ApplicationPayload:
    data = StepData(sa_number=input.sa_number, sa_date=input.sa_date, comment=input.comment)
    return await _staff(info, input, review.sign_sa_by_kzhk, data)


# Live ------------------------------------------------------------------------------------


async def _stream(info: Info, scope: access.Scope, channel: str, application_id: str | None) -> AsyncIterator[s.Application]:
    viewer = info.context.viewer
    async with info.context.rt.pubsub.subscribe(channel) as messages:
        async for message in messages:
            if viewer is not None and not await session_alive(viewer.session_id):
                return
            if application_id is not None and message.get("applicationId") != str(application_id):
                continue
            try:
                row = await access.get_visible(scope, message["applicationId"])
            except DomainError:
                continue
            # Each event is a fresh read: loaders must not serve what the previous event cached.
            info.context.loaders = type(info.context.loaders)()
            yield s.Application.from_row(row)


async def application_updates(info: Info, application_id: str) -> AsyncIterator[s.Application]:
    if info.context.viewer is None:
        raise denial("UNAUTHENTICATED")
    scope = await viewer_scope(info)
    try:
        row = await access.get_visible(scope, application_id)
    except DomainError:
        raise denial("FORBIDDEN") from None
    async for item in _stream(info, scope, application_channel(row.id), str(row.id)):
        yield item


async def applications_changed(info: Info) -> AsyncIterator[s.Application]:
    if info.context.viewer is None:
        raise denial("UNAUTHENTICATED")
    scope = await viewer_scope(info)
    if scope.staff is not None:
        channel = QUEUE_CHANNEL
    elif scope.organization_id is not None:
        channel = organization_channel(scope.organization_id)
    else:
        raise denial("FORBIDDEN")
    async for item in _stream(info, scope, channel, None):
        yield item
