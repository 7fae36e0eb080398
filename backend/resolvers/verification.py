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
        return s.DocumentVerifyPayload.from_result(result)

    return await payload_or_errors(s.DocumentVerifyPayload, work)
