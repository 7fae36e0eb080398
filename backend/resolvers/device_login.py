"""Resolvers of the personal QR sign-in: thin, the rules are in services/device_login.py."""

from __future__ import annotations

from strawberry.types import Info

from backend.auth.cookies import set_refresh_cookie
from backend.resolvers.errors import payload_or_errors
from backend.schema import device_login as s
from backend.schema.identity import AuthPayload
from backend.services import device_login


async def device_login_token_create(info: Info, input: s.DeviceLoginTokenCreateInput) -> s.DeviceLoginTokenPayload:
    async def work():
        issued = await device_login.issue(info.context.rt, info.context.viewer.user, info.context.req)
        return s.DeviceLoginTokenPayload(token=issued.token, url=issued.url, qr_svg=issued.qr_svg, expires_at=issued.expires_at)

    return await payload_or_errors(s.DeviceLoginTokenPayload, work)


async def device_login_exchange(info: Info, input: s.DeviceLoginExchangeInput) -> AuthPayload:
    async def work():
        result = await device_login.exchange(info.context.rt, input.token, input.device_name, info.context.req)
        # As every sign-in answers (resolvers/identity.signed_in): the refresh token only in the
        # HttpOnly cookie, the access token in the payload.
        set_refresh_cookie(info.context.response, result.refresh_token, info.context.rt.settings.refresh_ttl_seconds)
        info.context.loaders.forget_roles(result.user.id)
        return AuthPayload.from_result(result)

    return await payload_or_errors(AuthPayload, work)
