"""Resolvers of identity: registration, sessions, profile, admin of roles."""

from __future__ import annotations

import uuid

from strawberry.types import Info

from backend.auth.cookies import REFRESH_COOKIE, clear_refresh_cookie, set_refresh_cookie
from backend.models.otp import OtpChannel
from backend.resolvers.errors import graphql_error, payload_or_errors
from backend.schema import identity as s
from backend.schema.common import Connection, to_connection
from backend.services import accounts, profile, registration, sessions
from backend.errors import DomainError
from backend.services.pagination import paginate
from backend.services.registration import RegistrationDetails

MAX_ROLES = 8


def _uuid(value: object, field: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise DomainError("NOT_FOUND", field=field) from None


def signed_in(info: Info, result: sessions.AuthResult) -> s.AuthPayload:
    set_refresh_cookie(info.context.response, result.refresh_token, info.context.rt.settings.refresh_ttl_seconds)
    # The same request may have read this account's roles before it signed in.
    info.context.loaders.forget_roles(result.user.id)
    return s.AuthPayload.from_result(result)


# Queries


def me(info: Info) -> s.UserType | None:
    viewer = info.context.viewer
    if viewer is None:
        return None
    info.context.loaders.roles_by_user.prime(viewer.user.id, sorted(viewer.roles, key=lambda r: r.value))
    return s.UserType.from_row(viewer.user)


def password_policy() -> s.PasswordPolicy:
    return s.PasswordPolicy.current()


async def my_sessions(info: Info) -> list[s.SessionInfo]:
    viewer = info.context.viewer
    return [s.SessionInfo.from_row(row, viewer.session_id) for row in await sessions.active_sessions(viewer.user.id)]


async def users(info: Info, search: str | None, first: int | None, after: str | None) -> Connection[s.UserType]:
    try:
        page = await paginate(accounts.search_users(search), first, after)
    except DomainError as exc:
        raise graphql_error(exc) from None
    return Connection[s.UserType](**to_connection(page, s.UserType.from_row))


# Registration


async def registration_start(info: Info, input: s.RegistrationStartInput) -> s.RegistrationStartPayload:
    async def work():
        details = RegistrationDetails(
            iin_bin=input.iin_bin,
            email=input.email,
            contract_number=input.contract_number,
            contract_date=input.contract_date,
            phone=input.phone,
        )
        row = await registration.start(info.context.rt, details, info.context.req)
        return s.RegistrationStartPayload(registration_id=str(row.id), delivery=s.CodeDelivery.from_row(info, row))

    return await payload_or_errors(s.RegistrationStartPayload, work)


async def registration_code_resend(info: Info, input: s.RegistrationResendInput) -> s.RegistrationStartPayload:
    async def work():
        row = await registration.resend(info.context.rt, input.registration_id, info.context.req)
        return s.RegistrationStartPayload(registration_id=str(row.id), delivery=s.CodeDelivery.from_row(info, row))

    return await payload_or_errors(s.RegistrationStartPayload, work)


async def registration_code_verify(info: Info, input: s.RegistrationVerifyInput) -> s.RegistrationVerifyPayload:
    async def work():
        await registration.verify(info.context.rt, input.registration_id, input.code)
        return s.RegistrationVerifyPayload(verified=True)

    return await payload_or_errors(s.RegistrationVerifyPayload, work)


async def registration_complete(info: Info, input: s.RegistrationCompleteInput) -> s.AuthPayload:
    async def work():
        result = await registration.complete(
            info.context.rt,
            input.registration_id,
            input.password,
            input.password_confirmation,
            info.context.req,
        )
        return signed_in(info, result)

    return await payload_or_errors(s.AuthPayload, work)


# Sessions


async def session_login(info: Info, input: s.SessionLoginInput) -> s.AuthPayload:
    async def work():
        result = await sessions.login_with_password(info.context.rt, input.login, input.password, info.context.req)
        return signed_in(info, result)

    return await payload_or_errors(s.AuthPayload, work)


async def session_phone_code_send(info: Info, input: s.PhoneCodeSendInput) -> s.CodeSentPayload:
    async def work():
        row = await sessions.start_phone_login(
            info.context.rt, input.phone, OtpChannel(input.channel.value), input.accept_agreement, info.context.req
        )
        return s.CodeSentPayload(delivery=s.CodeDelivery.from_row(info, row))

    return await payload_or_errors(s.CodeSentPayload, work)


async def session_phone_login(info: Info, input: s.PhoneLoginInput) -> s.AuthPayload:
    async def work():
        result = await sessions.complete_phone_login(info.context.rt, input.phone, input.code, info.context.req)
        return signed_in(info, result)

    return await payload_or_errors(s.AuthPayload, work)


async def session_refresh(info: Info) -> s.AuthPayload:
    async def work():
        token = info.context.request.cookies.get(REFRESH_COOKIE)
        if not token:
            raise DomainError("UNAUTHENTICATED")
        try:
            result = await sessions.refresh(info.context.rt, token, info.context.req)
        except DomainError:
            clear_refresh_cookie(info.context.response)
            raise
        return signed_in(info, result)

    return await payload_or_errors(s.AuthPayload, work)


async def session_logout(info: Info, input: s.SessionLogoutInput) -> s.SessionEndPayload:
    async def work():
        clear_refresh_cookie(info.context.response)
        ended = await sessions.logout(info.context.rt, info.context.req, input.everywhere)
        return s.SessionEndPayload(ended=ended)

    return await payload_or_errors(s.SessionEndPayload, work)


async def session_revoke(info: Info, input: s.SessionRevokeInput) -> s.SessionEndPayload:
    async def work():
        viewer = info.context.viewer
        await sessions.revoke_own_session(viewer.user.id, _uuid(input.session_id, "sessionId"), info.context.req)
        return s.SessionEndPayload(ended=1)

    return await payload_or_errors(s.SessionEndPayload, work)


# Profile


async def profile_update(info: Info, input: s.ProfileUpdateInput) -> s.ProfilePayload:
    async def work():
        locale = input.locale.value if input.locale is not None else None
        user = await profile.update(info.context.viewer.user, input.full_name, locale, info.context.req)
        return s.ProfilePayload(user=s.UserType.from_row(user))

    return await payload_or_errors(s.ProfilePayload, work)


async def profile_email_change_start(info: Info, input: s.EmailChangeStartInput) -> s.CodeSentPayload:
    async def work():
        row = await profile.start_email_change(info.context.rt, info.context.viewer.user, input.email, info.context.req)
        return s.CodeSentPayload(delivery=s.CodeDelivery.from_row(info, row))

    return await payload_or_errors(s.CodeSentPayload, work)


async def profile_email_change_confirm(info: Info, input: s.EmailChangeConfirmInput) -> s.ProfilePayload:
    async def work():
        user = await profile.confirm_email_change(
            info.context.rt, info.context.viewer.user, input.email, input.code, info.context.req
        )
        return s.ProfilePayload(user=s.UserType.from_row(user))

    return await payload_or_errors(s.ProfilePayload, work)


async def profile_phone_change_start(info: Info, input: s.PhoneChangeStartInput) -> s.CodeSentPayload:
    async def work():
        row = await profile.start_phone_change(
            info.context.rt, info.context.viewer.user, input.phone, OtpChannel(input.channel.value), info.context.req
        )
        return s.CodeSentPayload(delivery=s.CodeDelivery.from_row(info, row))

    return await payload_or_errors(s.CodeSentPayload, work)


async def profile_phone_change_confirm(info: Info, input: s.PhoneChangeConfirmInput) -> s.ProfilePayload:
    async def work():
        user = await profile.confirm_phone_change(
            info.context.rt, info.context.viewer.user, input.phone, input.code, info.context.req
        )
        return s.ProfilePayload(user=s.UserType.from_row(user))

    return await payload_or_errors(s.ProfilePayload, work)


async def profile_password_change(info: Info, input: s.PasswordChangeInput) -> s.ProfilePayload:
    async def work():
        user = await profile.change_password(
            info.context.rt,
            info.context.viewer.user,
            input.current_password,
            input.new_password,
            input.new_password_confirmation,
            info.context.req,
        )
        return s.ProfilePayload(user=s.UserType.from_row(user))

    return await payload_or_errors(s.ProfilePayload, work)


async def user_roles_set(info: Info, input: s.UserRolesSetInput) -> s.ProfilePayload:
    async def work():
        if len(input.roles) > MAX_ROLES:
            raise DomainError("TOO_MANY", field="roles", max=MAX_ROLES)
        user = await accounts.set_roles(_uuid(input.user_id, "userId"), set(input.roles), info.context.req)
        info.context.loaders.forget_roles(user.id)
        return s.ProfilePayload(user=s.UserType.from_row(user))

    return await payload_or_errors(s.ProfilePayload, work)
