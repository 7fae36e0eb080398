"""Electronic signatures in the API: sign-in with EDS, and signing on a second device (QR)."""

from __future__ import annotations

import datetime as dt

import strawberry

from backend.models.signatures import SigningStatus
from backend.pki.certinfo import SignerInfo
from backend.schema.common import UserError
from backend.services import signing_sessions

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

    @classmethod
    def from_signer(cls, signer: SignerInfo | None) -> EdsSigner | None:
        if signer is None:
            return None
        return cls(
            name=signer.name,
            iin=signer.iin,
            bin=signer.bin,
            organization=signer.organization,
            certificate_serial=signer.serial,
            issuer=signer.issuer,
            not_before=signer.not_before,
            not_after=signer.not_after,
            signing_time=signer.signing_time,
            algorithm=signer.algorithm,
        )


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

    @classmethod
    def from_row(cls, row) -> SigningSessionType:
        # The status as of now: a stored PENDING past its deadline already reads EXPIRED.
        status = signing_sessions.status_of(row)
        return cls(
            id=str(row.id),
            purpose=row.purpose,
            description=row.description,
            payload=row.payload,
            payload_sha256=row.digest,
            expected_signer=row.expected_iin_bin,
            status=status,
            expires_at=row.expires_at,
            completed_at=row.completed_at,
            error_code=signing_sessions.error_of(row) if status is SigningStatus.FAILED else None,
            signer=EdsSigner.from_signer(signing_sessions.signer_of(row)) if status is SigningStatus.SIGNED else None,
        )


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
