"""Helpers of the register tests: queue applications written directly, the way filing and the
decision leave them, so the register is tested on its own (not a pytest conftest: imported)."""

from __future__ import annotations

import datetime as dt
import itertools

from backend.models.identity import User
from backend.models.queue import QueueApplication, QueueList, QueueStatus, SigningMethod
from backend.services.queue import register
from backend.services.tx import atomic
from tests.helpers import person_iin

_serial = itertools.count(1)
CONSENTS = ("property_check", "personal_data", "publication", "no_category_ack")


async def make_application(filer: User, *, locality: str = "astana", list_kind: QueueList = QueueList.GENERAL,
                           published: bool = True, name: str = "Айгерім", surname: str = "Бекова",
                           person_iin_: str | None = None, number: str | None = None) -> QueueApplication:
    n = next(_serial)
    now = dt.datetime(2026, 3, 2, 5, 0, tzinfo=dt.timezone.utc)
    consents = {c: {"at": now.isoformat(), "signature": "sms"} for c in CONSENTS if published or c != "publication"}
    return await QueueApplication.create(
        number=number or f"Q-2026-{n:06d}", filed_by=filer, person_iin=person_iin_ or person_iin(500 + n),
        person={"surname": surname, "name": name, "patronymic": "Нұрланқызы", "fullName": f"{surname} {name} Нұрланқызы"},
        locality=locality, list_kind=list_kind, consents=consents, phone="+77010000000", email="a@example.kz",
        status=QueueStatus.REGISTERED, filed_at=now, business_date=now.date(), decision_due=now.date(),
        notify_due=now.date(), signing_method=SigningMethod.SMS,
    )


async def registered(filer: User, at: dt.datetime, **kw) -> tuple[QueueApplication, int]:
    app = await make_application(filer, **kw)
    async with atomic():
        entry = await register.register(app, at)
    return app, entry.position


def moment(minutes: int) -> dt.datetime:
    """Registration moments in order: 2 March 2026 10:00 Almaty plus `minutes`."""
    return dt.datetime(2026, 3, 2, 5, 0, tzinfo=dt.timezone.utc) + dt.timedelta(minutes=minutes)
