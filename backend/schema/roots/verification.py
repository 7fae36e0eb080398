"""Root field of the public document verification."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.resolvers import verification as r
from backend.schema.common import INPUT
from backend.schema.verification import (
    DocumentVerifyInput,
    DocumentVerifyPayload,
)


@strawberry.type
class VerificationMutation:
    @strawberry.mutation(description="Verify a signed document: who signed, when, with which certificate, unchanged or not. No sign-in needed.")
    async def document_verify(self, info: Info, input: Annotated[DocumentVerifyInput, INPUT]) -> DocumentVerifyPayload:
        return await r.document_verify(info, input)
