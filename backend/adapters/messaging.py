"""SMS, voice calls and email: the dev outbox (stored, never sent) and real gateways."""

from __future__ import annotations

import asyncio
import logging
import smtplib
from email.message import EmailMessage
from typing import Protocol

import httpx

from backend.models.messaging import OutboxMessage

log = logging.getLogger(__name__)


class MessagingError(Exception):
    """The gateway did not take the message."""


class Messenger(Protocol):
    async def send_sms(self, to: str, text: str) -> None: ...

    async def call(self, to: str, spoken_text: str) -> None: ...

    async def send_email(self, to: str, subject: str, body: str) -> None: ...


class DevOutbox:
    """Keeps every message in the database for developers and tests; nothing leaves the machine."""

    async def send_sms(self, to: str, text: str) -> None:
        await OutboxMessage.create(channel="sms", recipient=to, body=text)

    async def call(self, to: str, spoken_text: str) -> None:
        await OutboxMessage.create(channel="call", recipient=to, body=spoken_text)

    async def send_email(self, to: str, subject: str, body: str) -> None:
        await OutboxMessage.create(channel="email", recipient=to, subject=subject, body=body)


class HttpGateway:
    """A JSON-over-HTTP SMS and voice gateway, with email over SMTP.

    The wire format is the common shape of Kazakh SMS aggregators: POST {to, text, sender}
    with a bearer token; voice codes go to `/call` with the text to speak.
    """

    def __init__(
        self,
        base_url: str,
        token: str,
        sender: str,
        smtp_host: str = "",
        smtp_port: int = 25,
        smtp_from: str = "noreply@shanyraq.kz",
        transport: httpx.AsyncBaseTransport | None = None,
    ):
        self._client = httpx.AsyncClient(
            base_url=base_url,
            headers={"Authorization": f"Bearer {token}"},
            timeout=httpx.Timeout(10.0),
            transport=transport,
        )
        self._sender = sender
        self._smtp = (smtp_host, smtp_port, smtp_from)

    async def _post(self, path: str, payload: dict) -> None:
        try:
            response = await self._client.post(path, json=payload)
        except httpx.HTTPError as exc:
            raise MessagingError(str(exc)) from exc
        if response.status_code >= 300:
            raise MessagingError(f"gateway answered {response.status_code}")

    async def send_sms(self, to: str, text: str) -> None:
        await self._post("/sms", {"to": to, "text": text, "sender": self._sender})

    async def call(self, to: str, spoken_text: str) -> None:
        await self._post("/call", {"to": to, "text": spoken_text})

    async def send_email(self, to: str, subject: str, body: str) -> None:
        host, port, sender = self._smtp
        if not host:
            raise MessagingError("SMTP is not configured")
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = sender, to, subject
        message.set_content(body)

        def deliver() -> None:
            with smtplib.SMTP(host, port, timeout=10) as smtp:
                smtp.send_message(message)

        await asyncio.to_thread(deliver)

    async def aclose(self) -> None:
        await self._client.aclose()
