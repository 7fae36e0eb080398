"""Every change of a service request: its history entry, the live event and, when staff move it,
the author's in-app notification and SMS.

`changed(...)` runs inside the changing transaction; nothing leaves before it commits, and a failed
SMS never undoes the change. Live events go to the request's account channel (the resident's open
pages), its company's channel (the back office) and one channel for admins."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import AsyncIterator
from typing import Any

from backend.models.housing import ManagementCompany
from backend.models.identity import User
from backend.models.outages import ResidentPreferences
from backend.models.service_requests import ServiceRequest, ServiceRequestStatus
from backend.runtime import Runtime
from backend.services import history
from backend.services.notifications import NotificationKind, notify
from backend.services.tx import on_commit

log = logging.getLogger(__name__)

ENTITY = "service_request"
ALL_CHANNEL = "service_requests:all"


def account_channel(account_id: uuid.UUID | str) -> str:
    return f"service_requests:account:{account_id}"


def company_channel(company_id: uuid.UUID | str) -> str:
    return f"service_requests:company:{company_id}"


# What the author's SMS says when staff move the request; {number} is the request's number.
SMS_TEXTS: dict[str, dict[str, str]] = {
    ServiceRequestStatus.IN_WORK.value: {
        "kk": "Shanyraq: №{number} өтінішіңіз жұмысқа алынды. Толығырақ жеке кабинетте.",
        "ru": "Shanyraq: ваше обращение №{number} принято в работу. Подробнее в личном кабинете.",
        "en": "Shanyraq: your service request No. {number} was taken into work. Details in your cabinet.",
    },
    ServiceRequestStatus.CLOSED.value: {
        "kk": "Shanyraq: №{number} өтінішіңіз жабылды. Жұмысты жеке кабинетте бағалаңыз.",
        "ru": "Shanyraq: ваше обращение №{number} закрыто. Оцените работу в личном кабинете.",
        "en": "Shanyraq: your service request No. {number} was closed. Rate the work in your cabinet.",
    },
}


def sms_text(status: str, locale: str, number: int) -> str:
    texts = SMS_TEXTS[status]
    return (texts.get(locale) or texts["ru"]).replace("{number}", str(number))


async def changed(
    rt: Runtime,
    row: ServiceRequest,
    action: str,
    actor: User,
    *,
    comment: str = "",
    ip: str = "",
    tell_author: bool = False,
    **data: Any,
) -> None:
    """Records `action` by `actor` and announces it after commit. `tell_author`: staff moved the
    request (taken, closed), which its author learns in-app and, where they opted in, by SMS."""
    status = ServiceRequestStatus(row.status).value
    await history.record(
        ENTITY, row.id, action, actor_id=actor.id, ip=ip, actorName=actor.full_name or "", comment=comment,
        status=status, number=row.number, **data,
    )
    message = {"requestId": str(row.id), "accountId": str(row.account_id), "status": status, "action": action}
    channels = [account_channel(row.account_id), company_channel(row.company_id), ALL_CHANNEL]

    async def publish() -> None:
        for channel in channels:
            await rt.pubsub.publish(channel, message)

    on_commit(publish)
    if tell_author:
        await _tell_author(rt, row, status)


async def _tell_author(rt: Runtime, row: ServiceRequest, status: str) -> None:
    await notify(rt, row.author_id, NotificationKind.SERVICE_REQUEST_CHANGED, requestId=str(row.id),
                 accountId=str(row.account_id), number=row.number, status=status)
    if status not in SMS_TEXTS:
        return
    prefs = await ResidentPreferences.get_or_none(user_id=row.author_id)
    if prefs is None or not prefs.sms_requests:
        return
    author = await User.get_or_none(id=row.author_id)
    company_sms = await ManagementCompany.filter(id=row.company_id).values_list("sms_enabled", flat=True)
    if author is None or not author.phone or not company_sms or not company_sms[0]:
        return
    phone, text = author.phone, sms_text(status, author.locale, row.number)

    async def send() -> None:
        try:
            await rt.messenger.send_sms(phone, text)
        except Exception:  # noqa: BLE001 - a lost SMS must not undo a committed change
            log.exception("service request SMS to %s failed", phone[:5])

    on_commit(send)


@contextlib.asynccontextmanager
async def subscribe_many(rt: Runtime, channels: list[str]) -> AsyncIterator[AsyncIterator[dict[str, Any]]]:
    """The messages of several channels as one stream (a resident's accounts, a worker's companies)."""
    queue: asyncio.Queue = asyncio.Queue(256)
    async with contextlib.AsyncExitStack() as stack:
        streams = [await stack.enter_async_context(rt.pubsub.subscribe(c)) for c in dict.fromkeys(channels)]

        async def pump(stream) -> None:
            async for message in stream:
                await queue.put(message)

        tasks = [asyncio.create_task(pump(s)) for s in streams]

        async def merged() -> AsyncIterator[dict[str, Any]]:
            while True:
                yield await queue.get()

        try:
            yield merged()
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
