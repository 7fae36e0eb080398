"""The personal QR code that signs the mobile app in (seed 004)."""

from __future__ import annotations

import datetime as dt

import strawberry

from backend.schema.common import UserError


@strawberry.input(description="Nothing to fill: the token is for the signed-in person.")
class DeviceLoginTokenCreateInput:
    # GraphQL input objects need a field; this one only lets clients send `input: {}`.
    note: str | None = strawberry.field(default=None, description="Ignored; reserved.")


@strawberry.type(description="A one-time sign-in token for another device, valid for two minutes.")
class DeviceLoginTokenPayload:
    token: str | None = strawberry.field(default=None, description="The token; shown only now, only its hash is kept.")
    url: str | None = strawberry.field(default=None, description="What the QR code says: <site>/device-login#<token>.")
    qr_svg: str | None = strawberry.field(default=None, description="The QR code of `url` as an SVG document.")
    expires_at: dt.datetime | None = strawberry.field(default=None, description="When the token stops working.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why no token was made.")


@strawberry.input(description="The token read from the QR code, exchanged for a session on this device.")
class DeviceLoginExchangeInput:
    token: str = strawberry.field(description="The token after '#' in the QR code's URL.")
    device_name: str | None = strawberry.field(default=None, description='How "My sessions" shall name this device, e.g. "iPhone".')
