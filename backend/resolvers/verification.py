"""Resolver of the public document verification."""

from __future__ import annotations

from strawberry.types import Info

from backend.resolvers.errors import payload_or_errors
from backend.schema import verification as s
from backend.services import verification as service


async def document_verify(info: Info, input: s.DocumentVerifyInput) -> s.DocumentVerifyPayload:
    async def work():
        content = service.decode(input.file, "file", service.MAX_INLINE_BYTES)
        cms = service.decode(input.cms, "cms", 1024 * 1024) if input.cms else None
        result = await service.verify(info.context.rt, content, cms, info.context.ip)
        return s.DocumentVerifyPayload(
            kind=result.kind, sha256=result.sha256, size=float(result.size),
            signatures=[
                s.VerifiedSignature(
                    signer_name=v.signer.name if v.signer else None, iin=v.signer.iin if v.signer else None,
                    bin=v.signer.bin if v.signer else None, organization=v.signer.organization if v.signer else None,
                    certificate_serial=v.signer.serial if v.signer else None, issuer=v.signer.issuer if v.signer else None,
                    valid_from=v.signer.not_before if v.signer else None, valid_to=v.signer.not_after if v.signer else None,
                    signed_at=v.signing_time, intact=v.intact, trusted=v.trusted, revoked=v.revoked,
                    covers_whole_document=v.covers_whole_document, valid=v.valid, problem=v.problem,
                )
                for v in result.signatures
            ],
        )

    return await payload_or_errors(s.DocumentVerifyPayload, work)
