"""Root fields of the personal QR sign-in (seed 004)."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.resolvers import device_login as r
from backend.schema.common import INPUT
from backend.schema.device_login import DeviceLoginExchangeInput, DeviceLoginTokenCreateInput, DeviceLoginTokenPayload
from backend.schema.identity import AuthPayload
from backend.schema.permissions import Allow


@strawberry.type
class DeviceLoginMutation:
    @strawberry.mutation(extensions=[Allow()],
                         description="A one-time token for the personal QR code that signs the mobile app in; valid for 2 minutes.")
    async def device_login_token_create(
        self, info: Info, input: Annotated[DeviceLoginTokenCreateInput | None, INPUT] = None
    ) -> DeviceLoginTokenPayload:
        return await r.device_login_token_create(info, input or DeviceLoginTokenCreateInput())

    @strawberry.mutation(description="Sign this device in with a token from a personal QR code; a used or expired one: TOKEN_INVALID.")
    async def device_login_exchange(self, info: Info, input: Annotated[DeviceLoginExchangeInput, INPUT]) -> AuthPayload:
        return await r.device_login_exchange(info, input)
