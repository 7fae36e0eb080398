"""Portal accounts for the housing queue's demo personas (backend/adapters/registry_personas.py) and
the queue officer, so that `make run` can show every eligibility outcome by signing in as somebody.

Idempotent: an account found by its IIN or email is left as the person changed it; only a missing
role is added. Minors have no account: their representative files for them.
"""

from __future__ import annotations

import datetime as dt

from backend.adapters.registry_personas import PERSONAS, Persona
from backend.auth.passwords import hash_password
from backend.models.identity import AccountKind, Role, User, UserRole
from backend.services.tx import atomic

QUEUE_OFFICER_EMAIL = "officer@demo.shanyraq.kz"  # the queue officer of backend/demo.py
QUEUE_OFFICER_NAME = "Жұмабеков Ерлан (Отбасы банк)"
QUEUE_OFFICER_PHONE = "+77011110002"


def persona_accounts() -> tuple[Persona, ...]:
    return tuple(p for p in PERSONAS if p.account_phone)


async def _ensure(password_hash: str, *, lookup: dict, role: Role, **data) -> User:
    user = None
    for key, value in lookup.items():
        user = await User.get_or_none(**{key: value})
        if user is not None:
            break
    if user is None:
        user = await User.create(password_hash=password_hash, password_changed_at=dt.datetime.now(dt.timezone.utc),
                                 locale="kk", kind=AccountKind.PERSON, **data)
    await UserRole.get_or_create(user=user, role=role)
    return user


async def seed_demo_queue(password: str) -> None:
    """Creates what is missing: one citizen account per adult persona and the queue officer."""
    password_hash = hash_password(password)
    async with atomic():
        for p in persona_accounts():
            person = p.facts.person
            await _ensure(password_hash, lookup={"iin_bin": p.iin, "email": p.email, "phone": p.account_phone},
                          role=Role.CITIZEN, iin_bin=p.iin, email=p.email, phone=p.account_phone,
                          full_name=person.full_name)
        await _ensure(password_hash, lookup={"email": QUEUE_OFFICER_EMAIL}, role=Role.QUEUE_OFFICER,
                      email=QUEUE_OFFICER_EMAIL, phone=QUEUE_OFFICER_PHONE, full_name=QUEUE_OFFICER_NAME)
