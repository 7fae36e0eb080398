"""Resolvers of queue applications: who is asking, one service call, the row mapped by its type.
The rules — whose data are filled, what is checked, what a signature covers — are the service's."""

from __future__ import annotations

import base64

from strawberry.types import Info

from backend.errors import DomainError, DomainErrors
from backend.models.queue import Representation, SigningMethod
from backend.resolvers.errors import graphql_error, payload_or_errors
from backend.schema.common import Connection, to_connection
from backend.schema.identity import mask
from backend.schema.queue import applications as s
from backend.services import otp
from backend.services.pagination import paginate
from backend.services.queue import catalog, eligibility, filing, signing
from backend.services.queue.access import Scope, scope_for


def viewer_scope(info: Info) -> Scope:
    ctx = info.context
    return scope_for(ctx.viewer, ctx.locale)


def _bad_input(exc: DomainError | DomainErrors):
    first = exc.errors[0] if isinstance(exc, DomainErrors) else exc
    return graphql_error(first)


# Catalogues --------------------------------------------------------------------------------


def queue_localities(info: Info) -> list[s.QueueLocality]:
    return [s.QueueLocality.of(x.code, info.context.locale) for x in catalog.LOCALITIES]


def queue_categories(info: Info) -> list[s.QueueCategory]:
    return [s.QueueCategory.of(c.code, info.context.locale) for c in catalog.CATEGORIES]


def queue_reasons(info: Info) -> list[s.QueueReason]:
    return [s.QueueReason.titled(code, info.context.locale) for code in eligibility.REASON_CODES]


# Before filing -----------------------------------------------------------------------------


async def queue_prefill(info: Info, iin: str | None) -> s.QueuePrefill | None:
    ctx = info.context
    try:
        found = await filing.prefill(ctx.rt, viewer_scope(info), iin, ctx.viewer.user.phone)
    except (DomainError, DomainErrors) as exc:
        raise _bad_input(exc) from None
    return s.QueuePrefill(
        person=s.RegistryPerson.from_record(found.person, ctx.locale),
        categories=[s.QueueCategory.of(code, ctx.locale, from_registry=True) for code in found.categories],
        phone_registered=found.phone_registered,
    )


def _claim(input: s.QueueClaimInput) -> filing.ClaimInput:
    return filing.ClaimInput(representation=Representation(input.representation), person_iin=input.person_iin,
                             emergency=input.emergency, categories=tuple(input.categories))


async def queue_eligibility(info: Info, input: s.QueueClaimInput) -> s.QueueAssessment | None:
    scope = viewer_scope(info)
    try:
        assessment = await filing.check(info.context.rt, scope, _claim(input))
    except (DomainError, DomainErrors) as exc:
        raise _bad_input(exc) from None
    return s.QueueAssessment.of(assessment, info.context.locale)


def _application(input: s.QueueApplicationInput) -> filing.ApplicationInput:
    return filing.ApplicationInput(
        request_id=input.request_id, representation=Representation(input.representation), person_iin=input.person_iin,
        emergency=input.emergency,
        technical_conclusion_upload_id=str(input.technical_conclusion_upload_id) if input.technical_conclusion_upload_id else None,
        categories=tuple(input.categories), consents=frozenset(getattr(c, "value", c) for c in input.consents),
        phone=input.phone, email=input.email,
    )


async def queue_signing_payload(info: Info, input: s.QueueApplicationInput) -> s.QueueSigningPayload | None:
    scope = viewer_scope(info)
    try:
        content, digest = await filing.signing_payload(info.context.rt, scope, _application(input))
    except (DomainError, DomainErrors) as exc:
        raise _bad_input(exc) from None
    return s.QueueSigningPayload(payload=base64.b64encode(content).decode(), digest=digest)


# Signing and filing ------------------------------------------------------------------------


async def queue_sms_code_request(info: Info, input: s.QueueSmsCodeRequestInput) -> s.QueueSmsCodeRequestPayload:
    async def work():
        ctx = info.context
        row = await signing.request_code(ctx.rt, viewer_scope(info), input.phone, input.digest, ctx.req)
        return s.QueueSmsCodeRequestPayload(sent_to=mask(row.target), resend_available_at=otp.resend_available_at(ctx.rt, row))

    return await payload_or_errors(s.QueueSmsCodeRequestPayload, work)


async def queue_application_file(info: Info, input: s.QueueApplicationFileInput) -> s.QueueApplicationPayload:
    async def work():
        ctx = info.context
        sig = input.signature
        signature = filing.SignatureInput(method=SigningMethod(sig.method), cms=sig.cms, sms_code=sig.sms_code)
        row = await filing.file(ctx.rt, viewer_scope(info), _application(input.application), signature, ctx.req)
        return s.QueueApplicationPayload(application=s.QueueApplication.from_row(row))

    return await payload_or_errors(s.QueueApplicationPayload, work)


# Reading -----------------------------------------------------------------------------------


async def my_queue_applications(info: Info, first: int | None, after: str | None) -> Connection[s.QueueApplication]:
    try:
        page = await paginate(filing.mine(viewer_scope(info)), first, after)
    except DomainError as exc:
        raise graphql_error(exc) from None
    return Connection[s.QueueApplication](**to_connection(page, s.QueueApplication.from_row))


async def queue_application(info: Info, application_id: str) -> s.QueueApplication | None:
    try:
        return s.QueueApplication.from_row(await filing.get(viewer_scope(info), application_id))
    except DomainError:
        return None
