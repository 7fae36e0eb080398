"""Electronic signatures in the API: sign-in with EDS, and signing on a second device (QR)."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.models.signatures import SigningStatus
from backend.resolvers import eds as r
from backend.schema.common import INPUT, UserError
from backend.schema.identity import AuthPayload

SigningSessionStatus = strawberry.enum(
    SigningStatus,
    name="SigningSessionStatus",
    description="PENDING until signed; SIGNED, FAILED (see `errorCode`), EXPIRED or CANCELLED are final.",
)


@strawberry.type(description="Who signed, read from a verified certificate (NCA profile).")
class EdsSigner:
    name: str = strawberry.field(description="The holder's common name, e.g. `САДЫҚОВА ӘЙГЕРІМ`.")
    iin: str | None = strawberry.field(description="The holder's IIN (SERIALNUMBER=IIN…).")
    bin: str | None = strawberry.field(description="The company's BIN for an employee's certificate (OU=BIN…).")
    organization: str | None = strawberry.field(description="The company of an employee's certificate.")
    certificate_serial: str = strawberry.field(description="Serial number of the certificate, lower-case hex.")
    issuer: str = strawberry.field(description="Who issued the certificate, e.g. the NCA.")
    not_before: dt.datetime = strawberry.field(description="The certificate is valid from…")
    not_after: dt.datetime = strawberry.field(description="…until.")
    signing_time: dt.datetime | None = strawberry.field(description="The signing time the signer's software claims.")
    algorithm: str = strawberry.field(description="E.g. RSA-SHA256, RSASSA-PSS-SHA256, ECDSA-SHA384, or a GOST name.")


@strawberry.type(name="SigningSession", description="Data waiting for a signature from a second device (QR signing).")
class SigningSessionType:
    id: strawberry.ID = strawberry.field(description="Session id; the QR code carries it with the token.")
    purpose: str = strawberry.field(description="What is being signed, e.g. `application`, `supplementary_agreement`.")
    description: str = strawberry.field(description="What the signer is asked to sign, for people to read.")
    payload: str = strawberry.field(description="Base64 of the exact bytes to sign as a detached CMS.")
    payload_sha256: str = strawberry.field(description="SHA-256 of the payload, hex, to show next to the QR code.")
    expected_signer: str = strawberry.field(description="The IIN or BIN whose certificate must sign.")
    status: SigningSessionStatus = strawberry.field(description="Where the session stands.")  # type: ignore[valid-type]
    expires_at: dt.datetime = strawberry.field(description="A pending session expires at this moment.")
    completed_at: dt.datetime | None = strawberry.field(description="When it was signed, failed or cancelled.")
    error_code: str | None = strawberry.field(description="Why it FAILED, e.g. SIGNER_MISMATCH, CERT_EXPIRED.")
    signer: EdsSigner | None = strawberry.field(description="Who signed, once SIGNED.")


@strawberry.type(description="Bytes to sign with the AUTH certificate to sign in.")
class EdsChallengePayload:
    challenge_id: strawberry.ID | None = strawberry.field(default=None, description="Send it back with the CMS.")
    data: str | None = strawberry.field(
        default=None, description="Base64 of the bytes to sign as a detached CMS (CAdES-BES), without changing them."
    )
    expires_at: dt.datetime | None = strawberry.field(default=None, description="Sign and send before this moment.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why no challenge was issued.")


@strawberry.type(description="Result of a change to a signing session.")
class SigningSessionPayload:
    session: SigningSessionType | None = strawberry.field(default=None, description="The session after the change.")
    errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why not: a signature error code (CERT_EXPIRED, SIGNER_MISMATCH…) or the session's state."
    )


@strawberry.input(description="A signed sign-in challenge.")
class EdsLoginInput:
    challenge_id: strawberry.ID = strawberry.field(description="From `sessionEdsChallenge`.")
    cms: str = strawberry.field(description="Detached CMS over the challenge's bytes, base64 of DER (or PEM), AUTH key.")


@strawberry.input(description="The second device's signature.")
class SigningSessionCompleteInput:
    id: strawberry.ID = strawberry.field(description="The session id from the QR code.")
    token: str = strawberry.field(description="The token from the QR code (the URL fragment).")
    cms: str = strawberry.field(description="Detached CMS over the payload, base64 of DER (or PEM), signing (RSA) key.")


@strawberry.input(description="Give up a pending signing session.")
class SigningSessionCancelInput:
    id: strawberry.ID = strawberry.field(description="The session id.")
    token: str | None = strawberry.field(
        default=None, description="The QR token, when the second device declines; omit when its creator cancels."
    )


@strawberry.type
class EdsQuery:
    @strawberry.field(description="A signing session for the device that scanned its QR code; the token is the key. Null when unknown.")
    async def signing_session(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The session id from the QR code.")],  # noqa: A002
        token: Annotated[str, strawberry.argument(description="The token from the QR code.")],
    ) -> SigningSessionType | None:
        return await r.signing_session(info, id, token)


@strawberry.type
class EdsMutation:
    @strawberry.mutation(description="Start signing in with EDS: bytes to sign with the AUTH certificate, valid for 2 minutes, once.")
    async def session_eds_challenge(self, info: Info) -> EdsChallengePayload:
        return await r.session_eds_challenge(info)

    @strawberry.mutation(
        description="Sign in with the signed challenge: the certificate's IIN opens the person's account, "
        "an employee's BIN the company's. Refresh token in an HttpOnly cookie, as with password sign-in."
    )
    async def session_eds_login(self, info: Info, input: Annotated[EdsLoginInput, INPUT]) -> AuthPayload:
        return await r.session_eds_login(info, input)

    @strawberry.mutation(description="The second device sends its signature; the session becomes SIGNED or FAILED.")
    async def signing_session_complete(
        self, info: Info, input: Annotated[SigningSessionCompleteInput, INPUT]
    ) -> SigningSessionPayload:
        return await r.signing_session_complete(info, input)

    @strawberry.mutation(description="Cancel a pending signing session: its creator (signed in) or the device holding the token.")
    async def signing_session_cancel(
        self, info: Info, input: Annotated[SigningSessionCancelInput, INPUT]
    ) -> SigningSessionPayload:
        return await r.signing_session_cancel(info, input)


@strawberry.type
class EdsSubscription:
    @strawberry.subscription(
        description="The viewer's own signing session: its state now, then each change until it is final (or expires)."
    )
    async def signing_session_updated(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The session id.")],  # noqa: A002
    ) -> AsyncGenerator[SigningSessionType, None]:
        async for item in r.signing_session_updates(info, id):
            yield item
