"""The public "Verify a document" check."""

from __future__ import annotations

import datetime as dt

import strawberry

from backend.schema.common import UserError


@strawberry.type(description="One signature found on the document, and what was checked.")
class VerifiedSignature:
    signer_name: str | None = strawberry.field(description="From the certificate; rely on it only when `valid`.")
    iin: str | None = strawberry.field(description="The signer's IIN.")
    bin: str | None = strawberry.field(description="The organization's BIN, for a company certificate.")
    organization: str | None = strawberry.field(description="The organization, for a company certificate.")
    certificate_serial: str | None = strawberry.field(description="Certificate serial number, hex.")
    issuer: str | None = strawberry.field(description="Issuing CA.")
    valid_from: dt.datetime | None = strawberry.field(description="Certificate validity start.")
    valid_to: dt.datetime | None = strawberry.field(description="Certificate validity end.")
    signed_at: dt.datetime | None = strawberry.field(description="When it was signed (timestamp, or the signer's claim).")
    intact: bool = strawberry.field(description="The signed content is unchanged.")
    trusted: bool = strawberry.field(description="The certificate chains to a trusted root, is valid and fit for signing.")
    revoked: bool = strawberry.field(description="The certificate is revoked.")
    covers_whole_document: bool = strawberry.field(description="Nothing was added to the PDF after this signature.")
    valid: bool = strawberry.field(description="All checks passed.")
    problem: str | None = strawberry.field(description="The first reason not to rely on it, as an error code.")

    @classmethod
    def from_verdict(cls, v) -> VerifiedSignature:
        # Without a parsed certificate every "who" field is unknown, not empty.
        signer = v.signer
        return cls(
            signer_name=signer.name if signer else None,
            iin=signer.iin if signer else None,
            bin=signer.bin if signer else None,
            organization=signer.organization if signer else None,
            certificate_serial=signer.serial if signer else None,
            issuer=signer.issuer if signer else None,
            valid_from=signer.not_before if signer else None,
            valid_to=signer.not_after if signer else None,
            signed_at=v.signing_time,
            intact=v.intact,
            trusted=v.trusted,
            revoked=v.revoked,
            covers_whole_document=v.covers_whole_document,
            valid=v.valid,
            problem=v.problem,
        )


@strawberry.type(description="The verdict on a document.")
class DocumentVerifyPayload:
    kind: str | None = strawberry.field(default=None, description="pdf (PAdES) or detached (file + CMS).")
    sha256: str | None = strawberry.field(default=None, description="SHA-256 of the checked file.")
    size: float | None = strawberry.field(default=None, description="Bytes.")
    signatures: list[VerifiedSignature] = strawberry.field(default_factory=list, description="Every signature found.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why nothing could be checked.")

    @classmethod
    def from_result(cls, result) -> DocumentVerifyPayload:
        return cls(
            kind=result.kind,
            sha256=result.sha256,
            size=float(result.size),
            signatures=[VerifiedSignature.from_verdict(v) for v in result.signatures],
        )


@strawberry.input(description="A signed PDF, or any file with its detached CMS; base64, at most 20 MB.")
class DocumentVerifyInput:
    file: str = strawberry.field(description="The file, base64.")
    cms: str | None = strawberry.field(default=None, description="Its detached CMS signature (base64 or PEM); omit for a signed PDF.")
