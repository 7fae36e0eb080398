"""Resolvers of EDS sign-in and of signing sessions on a second device."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import datetime as dt
from collections.abc import AsyncIterator

from strawberry.types import Info

from backend.auth.cookies import set_refresh_cookie
from backend.schema.permissions import denial
from backend.pki.cms import from_text
from backend.resolvers.errors import payload_or_errors
from backend.schema import eds as s
from backend.schema.identity import AuthPayload
from backend.services import eds, signing_sessions as service
from backend.errors import DomainError
from backend.services.sessions import session_alive


def _signed_in(info: Info, result) -> AuthPayload:
    # Ends like a password sign-in; resolvers never import each other, so identity's helper is repeated here.
    set_refresh_cookie(info.context.response, result.refresh_token, info.context.rt.settings.refresh_ttl_seconds)
    info.context.loaders.forget_roles(result.user.id)
    return AuthPayload.from_result(result)


# EDS sign-in


async def session_eds_challenge(info: Info) -> s.EdsChallengePayload:
    async def work():
        row = await eds.issue_challenge(info.context.rt, info.context.req)
        return s.EdsChallengePayload(
            challenge_id=str(row.id),
            data=base64.b64encode(eds.challenge_bytes(row)).decode("ascii"),
            expires_at=row.expires_at,
        )

    return await payload_or_errors(s.EdsChallengePayload, work)


async def session_eds_login(info: Info, input: s.EdsLoginInput) -> AuthPayload:
    async def work():
        result = await eds.login(info.context.rt, str(input.challenge_id), from_text(input.cms), info.context.req)
        return _signed_in(info, result)

    return await payload_or_errors(AuthPayload, work)


# Signing sessions


async def signing_session(info: Info, session_id: str, token: str) -> s.SigningSessionType | None:
    try:
        row = await service.open_for_signer(session_id, token)
    except DomainError:
        return None
    return s.SigningSessionType.from_row(row)


async def signing_session_complete(info: Info, input: s.SigningSessionCompleteInput) -> s.SigningSessionPayload:
    async def work():
        row = await service.complete(
            info.context.rt, str(input.id), input.token, from_text(input.cms), info.context.req
        )
        return s.SigningSessionPayload(session=s.SigningSessionType.from_row(row))

    return await payload_or_errors(s.SigningSessionPayload, work)


async def signing_session_cancel(info: Info, input: s.SigningSessionCancelInput) -> s.SigningSessionPayload:
    async def work():
        viewer = info.context.viewer
        row = await service.cancel(
            info.context.rt, str(input.id), info.context.req,
            user_id=viewer.user.id if viewer else None, token=input.token,
        )
        return s.SigningSessionPayload(session=s.SigningSessionType.from_row(row))

    return await payload_or_errors(s.SigningSessionPayload, work)


async def signing_session_updates(info: Info, session_id: str) -> AsyncIterator[s.SigningSessionType]:
    viewer = info.context.viewer
    if viewer is None:
        raise denial("UNAUTHENTICATED")
    rt = info.context.rt
    async with rt.pubsub.subscribe(service.channel_for(session_id)) as messages:
        # Subscribed first, read second: a change between the two is not lost.
        row = await service.for_creator(session_id, viewer.user.id)
        if row is None:
            return  # not the viewer's looks like not there: the stream simply ends
        row = await service.expire_if_due(rt, row, info.context.req)
        yield s.SigningSessionType.from_row(row)
        iterator = messages.__aiter__()
        pending: asyncio.Future | None = None
        try:
            while row.status not in service.FINAL:
                if pending is None:
                    pending = asyncio.ensure_future(iterator.__anext__())
                # Nobody announces an expiry: wake up at the deadline and say it ourselves.
                remaining = (row.expires_at - dt.datetime.now(dt.timezone.utc)).total_seconds()
                done, _ = await asyncio.wait({pending}, timeout=max(remaining, 0) + 0.2)
                if pending in done:
                    if pending.exception() is not None:
                        return
                    pending = None
                if not await session_alive(viewer.session_id):
                    return
                row = await service.reloaded(row)
                row = await service.expire_if_due(rt, row, info.context.req)
                yield s.SigningSessionType.from_row(row)
        finally:
            if pending is not None and not pending.done():
                pending.cancel()
                with contextlib.suppress(asyncio.CancelledError, StopAsyncIteration):
                    await pending
