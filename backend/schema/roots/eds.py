"""Root fields of EDS: sign-in with a signature, and signing sessions on a second device."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.resolvers import eds as r
from backend.schema.common import INPUT
from backend.schema.eds import (
    EdsChallengePayload,
    EdsLoginInput,
    SigningSessionCancelInput,
    SigningSessionCompleteInput,
    SigningSessionPayload,
    SigningSessionType,
)
from backend.schema.identity import AuthPayload


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
