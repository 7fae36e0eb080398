"""Root fields of identity: the viewer, registration, sign-in, sessions, profile, roles."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.schema.permissions import Allow
from backend.models.identity import Role
from backend.resolvers import identity as r
from backend.schema.common import INPUT, Connection
from backend.schema.identity import (
    AuthPayload,
    CodeSentPayload,
    EmailChangeConfirmInput,
    EmailChangeStartInput,
    PasswordChangeInput,
    PasswordPolicy,
    PhoneChangeConfirmInput,
    PhoneChangeStartInput,
    PhoneCodeSendInput,
    PhoneLoginInput,
    ProfilePayload,
    ProfileUpdateInput,
    RegistrationCompleteInput,
    RegistrationResendInput,
    RegistrationStartInput,
    RegistrationStartPayload,
    RegistrationVerifyInput,
    RegistrationVerifyPayload,
    SessionEndPayload,
    SessionInfo,
    SessionLoginInput,
    SessionLogoutInput,
    SessionRevokeInput,
    UserRolesSetInput,
    UserType,
)


@strawberry.type
class IdentityQuery:
    @strawberry.field(description="The signed-in account, or null.")
    async def me(self, info: Info) -> UserType | None:
        return r.me(info)

    @strawberry.field(description="The password rules, for live feedback in forms.")
    def password_policy(self) -> PasswordPolicy:
        return r.password_policy()

    @strawberry.field(extensions=[Allow()], description="Devices signed in to the viewer's account.")
    async def my_sessions(self, info: Info) -> list[SessionInfo]:
        return await r.my_sessions(info)

    @strawberry.field(extensions=[Allow(Role.ADMIN)], description="Accounts, newest first (admin).")
    async def users(
        self,
        info: Info,
        search: Annotated[str | None, strawberry.argument(description="Part of a name, email, phone or IIN/BIN.")] = None,
        first: Annotated[int | None, strawberry.argument(description="Page size; at most 100 (more is served as 100).")] = 20,
        after: Annotated[str | None, strawberry.argument(description="`endCursor` of the previous page.")] = None,
    ) -> Connection[UserType]:
        return await r.users(info, search, first, after)


@strawberry.type
class IdentityMutation:
    @strawberry.mutation(description="Registration step 1: check the details and the contract, send an SMS code.")
    async def registration_start(self, info: Info, input: Annotated[RegistrationStartInput, INPUT]) -> RegistrationStartPayload:
        return await r.registration_start(info, input)

    @strawberry.mutation(description="Send a new registration code; the attempts left carry over.")
    async def registration_code_resend(self, info: Info, input: Annotated[RegistrationResendInput, INPUT]) -> RegistrationStartPayload:
        return await r.registration_code_resend(info, input)

    @strawberry.mutation(description="Registration step 2: check the SMS code.")
    async def registration_code_verify(self, info: Info, input: Annotated[RegistrationVerifyInput, INPUT]) -> RegistrationVerifyPayload:
        return await r.registration_code_verify(info, input)

    @strawberry.mutation(description="Registration step 3: set the password; the account is created and signed in.")
    async def registration_complete(self, info: Info, input: Annotated[RegistrationCompleteInput, INPUT]) -> AuthPayload:
        return await r.registration_complete(info, input)

    @strawberry.mutation(description="Sign in with IIN/BIN or email and password.")
    async def session_login(self, info: Info, input: Annotated[SessionLoginInput, INPUT]) -> AuthPayload:
        return await r.session_login(info, input)

    @strawberry.mutation(description="Send a four-digit sign-in code by SMS or voice call.")
    async def session_phone_code_send(self, info: Info, input: Annotated[PhoneCodeSendInput, INPUT]) -> CodeSentPayload:
        return await r.session_phone_code_send(info, input)

    @strawberry.mutation(description="Sign in with the phone code; an unknown number gets a new resident account.")
    async def session_phone_login(self, info: Info, input: Annotated[PhoneLoginInput, INPUT]) -> AuthPayload:
        return await r.session_phone_login(info, input)

    @strawberry.mutation(
        description="Rotate the refresh cookie and get a new access token; a reused refresh token ends its session."
    )
    async def session_refresh(self, info: Info) -> AuthPayload:
        return await r.session_refresh(info)

    @strawberry.mutation(description="End this session, or every session of the account with `everywhere`.")
    async def session_logout(self, info: Info, input: Annotated[SessionLogoutInput | None, INPUT] = None) -> SessionEndPayload:
        return await r.session_logout(info, input or SessionLogoutInput())

    @strawberry.mutation(extensions=[Allow()], description="End one of the viewer's sessions.")
    async def session_revoke(self, info: Info, input: Annotated[SessionRevokeInput, INPUT]) -> SessionEndPayload:
        return await r.session_revoke(info, input)

    @strawberry.mutation(extensions=[Allow()], description="Change name or language.")
    async def profile_update(self, info: Info, input: Annotated[ProfileUpdateInput, INPUT]) -> ProfilePayload:
        return await r.profile_update(info, input)

    @strawberry.mutation(extensions=[Allow()], description="Send a confirmation code to a new email.")
    async def profile_email_change_start(self, info: Info, input: Annotated[EmailChangeStartInput, INPUT]) -> CodeSentPayload:
        return await r.profile_email_change_start(info, input)

    @strawberry.mutation(extensions=[Allow()], description="Switch to the new email once its code is right.")
    async def profile_email_change_confirm(self, info: Info, input: Annotated[EmailChangeConfirmInput, INPUT]) -> ProfilePayload:
        return await r.profile_email_change_confirm(info, input)

    @strawberry.mutation(extensions=[Allow()], description="Send a confirmation code to a new phone.")
    async def profile_phone_change_start(self, info: Info, input: Annotated[PhoneChangeStartInput, INPUT]) -> CodeSentPayload:
        return await r.profile_phone_change_start(info, input)

    @strawberry.mutation(extensions=[Allow()], description="Switch to the new phone once its code is right.")
    async def profile_phone_change_confirm(self, info: Info, input: Annotated[PhoneChangeConfirmInput, INPUT]) -> ProfilePayload:
        return await r.profile_phone_change_confirm(info, input)

    @strawberry.mutation(extensions=[Allow()], description="Change the password; every other session ends.")
    async def profile_password_change(self, info: Info, input: Annotated[PasswordChangeInput, INPUT]) -> ProfilePayload:
        return await r.profile_password_change(info, input)

    @strawberry.mutation(extensions=[Allow(Role.ADMIN)], description="Replace the roles of an account (admin).")
    async def user_roles_set(self, info: Info, input: Annotated[UserRolesSetInput, INPUT]) -> ProfilePayload:
        return await r.user_roles_set(info, input)
