"""Identity in the API: accounts, registration, sign-in, sessions, profile."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import Enum

import strawberry
from strawberry.types import Info

from backend.auth.passwords import MAX_LENGTH, MIN_LENGTH, RULES
from backend.models.identity import AccountKind, Role
from backend.schema.common import UserError
from backend.services import otp

AccountKindType = strawberry.enum(
    AccountKind, name="AccountKind", description="A person (IIN) or a company (BIN)."
)
RoleType = strawberry.enum(Role, name="Role", description="What an account may do in the portal.")


@strawberry.enum(description="Interface language.")
class Locale(Enum):
    KK = "kk"
    RU = "ru"
    EN = "en"


@strawberry.enum(description="How a one-time code reaches a phone (seed 004: SMS or a voice call).")
class CodeChannel(Enum):
    SMS = "sms"
    CALL = "call"


@strawberry.type(name="User", description="An account of the portal: a person or a company.")
class UserType:
    id: strawberry.ID = strawberry.field(description="Opaque account id.")
    kind: AccountKindType = strawberry.field(description="Person or company.")  # type: ignore[valid-type]
    iin_bin: str | None = strawberry.field(description="IIN of a person or BIN of a company; 12 digits.")
    email: str | None = strawberry.field(description="Email, lower-cased.")
    phone: str | None = strawberry.field(description="Mobile phone in E.164, e.g. +77011234567.")
    full_name: str = strawberry.field(description="Full name of the person or name of the company.")
    locale: Locale = strawberry.field(description="The language the account prefers for SMS and email.")
    has_password: bool = strawberry.field(description="Whether a password is set (phone-only accounts have none).")
    created_at: dt.datetime = strawberry.field(description="When the account was created.")

    @classmethod
    def from_row(cls, user) -> UserType:
        return cls(
            id=str(user.id),
            kind=user.kind,
            iin_bin=user.iin_bin,
            email=user.email,
            phone=user.phone,
            full_name=user.full_name,
            # An account stored with a language we no longer offer reads as Kazakh.
            locale=Locale(user.locale if user.locale in ("kk", "ru", "en") else "kk"),
            has_password=bool(user.password_hash),
            created_at=user.created_at,
        )

    @strawberry.field(description="Roles granted to the account.")
    async def roles(self, info: Info) -> list[RoleType]:  # type: ignore[valid-type]
        return await info.context.loaders.roles_by_user.load(uuid.UUID(str(self.id)))


@strawberry.type(description="One signed-in device of the viewer.")
class SessionInfo:
    id: strawberry.ID = strawberry.field(description="Session id.")
    method: str = strawberry.field(description="How it signed in: password, phone, registration, eds.")
    ip: str = strawberry.field(description="The address it signed in from.")
    user_agent: str = strawberry.field(description="The browser or app that signed in.")
    created_at: dt.datetime = strawberry.field(description="When it signed in.")
    last_seen_at: dt.datetime | None = strawberry.field(description="When its tokens were last refreshed.")
    current: bool = strawberry.field(description="This is the session making the request.")

    @classmethod
    def from_row(cls, row, current: uuid.UUID | None) -> SessionInfo:
        return cls(
            id=str(row.id),
            method=row.method,
            ip=row.ip,
            user_agent=row.user_agent,
            created_at=row.created_at,
            last_seen_at=row.last_seen_at,
            current=row.id == current,
        )


@strawberry.type(description="One rule of the password policy.")
class PasswordRuleInfo:
    code: str = strawberry.field(description="The error code when the rule is broken.")
    description: str = strawberry.field(description="The rule in English.")


@strawberry.type(description="What a password must satisfy (seed 000 plus a blocklist).")
class PasswordPolicy:
    min_length: int = strawberry.field(description="Fewest characters.")
    max_length: int = strawberry.field(description="Most characters.")
    rules: list[PasswordRuleInfo] = strawberry.field(description="Every rule, in the order they are checked.")

    @classmethod
    def current(cls) -> PasswordPolicy:
        return cls(
            min_length=MIN_LENGTH,
            max_length=MAX_LENGTH,
            rules=[PasswordRuleInfo(code=rule.code, description=rule.description) for rule in RULES],
        )


@strawberry.type(description="Where and how a one-time code was sent.")
class CodeDelivery:
    channel: str = strawberry.field(description="sms, call or email.")
    sent_to: str = strawberry.field(description="The phone or email, partly masked.")
    code_length: int = strawberry.field(description="How many digits the code has.")
    expires_at: dt.datetime = strawberry.field(description="The code is refused after this moment.")
    resend_available_at: dt.datetime = strawberry.field(description="The earliest moment a new code may be asked for.")

    @classmethod
    def from_row(cls, info: Info, row) -> CodeDelivery:
        return cls(
            channel=row.channel.value,
            sent_to=mask(row.target),
            code_length=otp.CODE_LENGTH[row.purpose],
            expires_at=row.expires_at,
            resend_available_at=otp.resend_available_at(info.context.rt, row),
        )


def mask(target: str) -> str:
    # Enough to recognize one's own phone or email, not enough to learn someone else's.
    if "@" in target:
        name, domain = target.split("@", 1)
        return f"{name[:2]}***@{domain}"
    return f"{target[:-7]} *** ** {target[-2:]}" if len(target) > 7 else target


@strawberry.type(description="Result of a step that sends a one-time code.")
class CodeSentPayload:
    delivery: CodeDelivery | None = strawberry.field(default=None, description="Set when a code was sent.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why nothing was sent.")


@strawberry.type(description="Result of the first registration step.")
class RegistrationStartPayload:
    registration_id: strawberry.ID | None = strawberry.field(
        default=None, description="Pass to the next registration steps; changes when the code is resent."
    )
    delivery: CodeDelivery | None = strawberry.field(default=None, description="Where the SMS code went.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="What to fix.")


@strawberry.type(description="Result of checking the registration code.")
class RegistrationVerifyPayload:
    verified: bool = strawberry.field(default=False, description="The code was right; set the password next.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why the code was refused.")


@strawberry.type(description="A signed-in session: a short-lived access token; the refresh token is an HttpOnly cookie.")
class AuthPayload:
    access_token: str | None = strawberry.field(
        default=None, description="Send as `Authorization: Bearer …`; valid for at most 15 minutes."
    )
    access_token_expires_at: dt.datetime | None = strawberry.field(default=None, description="When to refresh.")
    user: UserType | None = strawberry.field(default=None, description="The signed-in account.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why sign-in failed.")

    @classmethod
    def from_result(cls, result) -> AuthPayload:
        # The refresh token is not here: it travels only in the HttpOnly cookie.
        return cls(
            access_token=result.access_token,
            access_token_expires_at=result.access_expires_at,
            user=UserType.from_row(result.user),
        )


@strawberry.type(description="Result of a change to the viewer's account.")
class ProfilePayload:
    user: UserType | None = strawberry.field(default=None, description="The account after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="What to fix.")


@strawberry.type(description="Result of ending sessions.")
class SessionEndPayload:
    ended: int = strawberry.field(default=0, description="How many sessions ended.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why nothing ended.")


@strawberry.input(description="Seed 000 registration form of an equity holder.")
class RegistrationStartInput:
    iin_bin: str = strawberry.field(description="IIN of a person or BIN of a company (12 digits).")
    email: str = strawberry.field(description="Email address.")
    contract_number: str = strawberry.field(description="Number of the share-participation contract (DDU), e.g. Н-3-67/44-АФ.")
    contract_date: dt.date = strawberry.field(description="Date of the DDU.")
    phone: str = strawberry.field(description="Mobile phone that receives the SMS code.")


@strawberry.input(description="Which registration to act on.")
class RegistrationResendInput:
    registration_id: strawberry.ID = strawberry.field(description="From `registrationStart`.")


@strawberry.input(description="The SMS code of a registration.")
class RegistrationVerifyInput:
    registration_id: strawberry.ID = strawberry.field(description="From `registrationStart` or the last resend.")
    code: str = strawberry.field(description="The code from the SMS.")


@strawberry.input(description="The password of the new account, twice.")
class RegistrationCompleteInput:
    registration_id: strawberry.ID = strawberry.field(description="A registration whose code was verified.")
    password: str = strawberry.field(description="See `passwordPolicy`.")
    password_confirmation: str = strawberry.field(description="The same password again.")


@strawberry.input(description="Sign in with IIN/BIN or email and password.")
class SessionLoginInput:
    login: str = strawberry.field(description="IIN/BIN or email.")
    password: str = strawberry.field(description="Password.")


@strawberry.input(description="Ask for a four-digit sign-in code by SMS or call (seed 004).")
class PhoneCodeSendInput:
    phone: str = strawberry.field(description="Mobile phone.")
    channel: CodeChannel = strawberry.field(default=CodeChannel.SMS, description="SMS or a voice call.")
    accept_agreement: bool = strawberry.field(description="The person accepts the user agreement; required.")


@strawberry.input(description="Sign in with the phone code.")
class PhoneLoginInput:
    phone: str = strawberry.field(description="The same phone the code went to.")
    code: str = strawberry.field(description="The four-digit code.")


@strawberry.input(description="How widely to sign out.")
class SessionLogoutInput:
    everywhere: bool = strawberry.field(default=False, description="End every session of the account, not only this one.")


@strawberry.input(description="A session of the viewer to end.")
class SessionRevokeInput:
    session_id: strawberry.ID = strawberry.field(description="From `mySessions`.")


@strawberry.input(description="Profile fields to change; omitted ones stay.")
class ProfileUpdateInput:
    full_name: str | None = strawberry.field(default=None, description="Full name or company name.")
    locale: Locale | None = strawberry.field(default=None, description="Preferred language.")


@strawberry.input(description="A new email; a code goes to it.")
class EmailChangeStartInput:
    email: str = strawberry.field(description="The new email.")


@strawberry.input(description="Confirm the new email with its code.")
class EmailChangeConfirmInput:
    email: str = strawberry.field(description="The new email.")
    code: str = strawberry.field(description="The code sent to it.")


@strawberry.input(description="A new phone; a code goes to it.")
class PhoneChangeStartInput:
    phone: str = strawberry.field(description="The new mobile phone.")
    channel: CodeChannel = strawberry.field(default=CodeChannel.SMS, description="SMS or a voice call.")


@strawberry.input(description="Confirm the new phone with its code.")
class PhoneChangeConfirmInput:
    phone: str = strawberry.field(description="The new mobile phone.")
    code: str = strawberry.field(description="The code sent to it.")


@strawberry.input(description="Change the password; every other session ends.")
class PasswordChangeInput:
    current_password: str | None = strawberry.field(default=None, description="Required when a password is set.")
    new_password: str = strawberry.field(description="See `passwordPolicy`.")
    new_password_confirmation: str = strawberry.field(description="The new password again.")


@strawberry.input(description="Replace the roles of an account (admin).")
class UserRolesSetInput:
    user_id: strawberry.ID = strawberry.field(description="The account.")
    roles: list[RoleType] = strawberry.field(description="Every role it should have, at most 8.")  # type: ignore[valid-type]
