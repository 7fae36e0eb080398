"""Resolvers of decisions on queue applications: who is asking, one service call, the row mapped by
its type. The rules — who may review, hear or sign, and when — are the services'."""

from __future__ import annotations

from collections.abc import AsyncIterator

from strawberry.types import Info

from backend.errors import DomainError
from backend.models.queue import QueueStatus
from backend.resolvers.errors import graphql_error, payload_or_errors
from backend.schema.common import Connection, to_connection
from backend.schema.permissions import denial
from backend.schema.queue import applications as a
from backend.schema.queue import decisions as s
from backend.services.pagination import paginate
from backend.services.queue import certificate, hearing, review
from backend.services.queue.access import Scope, get_application, scope_for, visible_applications
from backend.services.queue.events import OFFICE_CHANNEL, user_channel
from backend.services.sessions import session_alive


def viewer_scope(info: Info) -> Scope:
    ctx = info.context
    return scope_for(ctx.viewer, ctx.locale)


async def queue_office_applications(info: Info, status: QueueStatus | None, first: int | None,
                                    after: str | None) -> Connection[a.QueueApplication]:
    scope = viewer_scope(info)
    query = visible_applications(scope)
    if status is not None:
        query = query.filter(status=status)
    try:
        page = await paginate(query, first, after)
    except DomainError as exc:
        raise graphql_error(exc) from None
    return Connection[a.QueueApplication](**to_connection(page, a.QueueApplication.from_row))


def _decision(input: s.QueueDecisionInput) -> hearing.Decision:
    return hearing.Decision(application_id=input.application_id, outcome=input.outcome, reasoning=input.reasoning)


async def queue_decision_payload(info: Info, input: s.QueueDecisionInput) -> a.QueueSigningPayload:
    try:
        payload = await hearing.decision_payload(viewer_scope(info), _decision(input))
    except DomainError as exc:
        raise graphql_error(exc) from None
    return a.QueueSigningPayload(payload=payload.payload, digest=payload.digest)


async def queue_certificate_check(info: Info, certificate_id: str) -> s.QueueCertificateCheck | None:
    found = await certificate.certificate_check(certificate_id)
    return s.QueueCertificateCheck.from_check(found) if found else None


async def queue_office_review(info: Info, input: s.QueueOfficeReviewInput) -> s.QueueOfficeReviewPayload:
    async def work():
        ctx = info.context
        data = review.Review(application_id=input.application_id, eligible=input.eligible,
                             reasons=list(input.reasons), comment=input.comment)
        row = await review.review(ctx.rt, viewer_scope(info), data, ctx.req)
        return s.QueueOfficeReviewPayload(application=a.QueueApplication.from_row(row))

    return await payload_or_errors(s.QueueOfficeReviewPayload, work)


async def queue_hearing_position_submit(info: Info, input: s.QueueHearingPositionSubmitInput) -> s.QueueHearingPositionSubmitPayload:
    async def work():
        ctx = info.context
        row = await hearing.submit_position(ctx.rt, viewer_scope(info), input.application_id, input.text,
                                            [str(u) for u in input.upload_ids], ctx.req)
        return s.QueueHearingPositionSubmitPayload(application=a.QueueApplication.from_row(row))

    return await payload_or_errors(s.QueueHearingPositionSubmitPayload, work)


async def queue_hearing_result(info: Info, input: s.QueueHearingResultInput) -> s.QueueHearingResultPayload:
    async def work():
        ctx = info.context
        row = await hearing.record_result(ctx.rt, viewer_scope(info), _decision(input.decision), input.cms, ctx.req)
        return s.QueueHearingResultPayload(application=a.QueueApplication.from_row(row))

    return await payload_or_errors(s.QueueHearingResultPayload, work)


async def queue_application_changed(info: Info) -> AsyncIterator[s.QueueApplicationEvent]:
    """The viewer's applications (a citizen: filed by or for them) or all of them (the office)."""
    viewer = info.context.viewer
    if viewer is None:
        raise denial("UNAUTHENTICATED")
    scope = viewer_scope(info)
    channel = OFFICE_CHANNEL if scope.office else user_channel(viewer.user.id)
    async with info.context.rt.pubsub.subscribe(channel) as messages:
        async for message in messages:
            if not await session_alive(viewer.session_id):
                return
            try:
                row = await get_application(scope, message.get("applicationId"))
            except DomainError:
                continue
            # Each event is a fresh read: loaders must not serve what the previous event cached.
            info.context.loaders = type(info.context.loaders)()
            yield s.QueueApplicationEvent(application_id=str(row.id), status=row.status,
                                          application=a.QueueApplication.from_row(row))
