"""Demo data for `make run`: one account per role and contracts to register with (idempotent).

The README lists these accounts; change them together.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from backend.auth.passwords import hash_password
from backend.db import close_db, init_db
from backend.models.contracts import Contract
from backend.models.identity import AccountKind, Role, User, UserRole
from backend.settings import Settings
from backend.services.tx import atomic

DEMO_PASSWORD = "Shanyraq-Demo-2026!"


@dataclass(frozen=True)
class DemoAccount:
    key: str
    kind: AccountKind
    full_name: str
    roles: tuple[Role, ...]
    iin_bin: str | None = None
    email: str | None = None
    phone: str | None = None
    password: bool = True


ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("citizen", AccountKind.PERSON, "Садықова Әйгерім Нұрланқызы", (Role.CITIZEN,),
                iin_bin="900515300197", email="aigerim@demo.shanyraq.kz", phone="+77011234567"),
    DemoAccount("legal_entity", AccountKind.COMPANY, "ТОО «Байтерек Девелопмент»", (Role.LEGAL_ENTITY,),
                iin_bin="040640406657", email="office@bayterek-dev.demo.shanyraq.kz", phone="+77021234567"),
    DemoAccount("resident", AccountKind.PERSON, "Ахметов Марат Серікұлы", (Role.RESIDENT,),
                phone="+77071234567", password=False),
    DemoAccount("kzhk_operator", AccountKind.PERSON, "Оспанова Гүлнар (ҚТК операторы)", (Role.KZHK_OPERATOR,),
                email="operator@demo.shanyraq.kz", phone="+77011110001"),
    DemoAccount("queue_officer", AccountKind.PERSON, "Жұмабеков Ерлан (Отбасы банк)", (Role.QUEUE_OFFICER,),
                email="officer@demo.shanyraq.kz", phone="+77011110002"),
    DemoAccount("uk_staff", AccountKind.PERSON, "Ким Светлана (УК «Жайлы үй»)", (Role.UK_STAFF,),
                email="uk@demo.shanyraq.kz", phone="+77011110003"),
    DemoAccount("admin", AccountKind.PERSON, "Portal administrator", (Role.ADMIN,),
                email="admin@demo.shanyraq.kz", phone="+77011110004"),
    DemoAccount("partner", AccountKind.COMPANY, "ТОО «Алатау Құрылыс» (partner)", (Role.PARTNER,),
                iin_bin="150940012342", email="api@alatau-qurylys.demo.shanyraq.kz", phone="+77011110005"),
)


@dataclass(frozen=True)
class DemoContract:
    holder_iin_bin: str
    holder_name: str
    number: str
    signed_on: dt.date


CONTRACTS: tuple[DemoContract, ...] = (
    DemoContract("900515300197", "Садықова Әйгерім Нұрланқызы", "Н-3-67/44-АФ", dt.date(2023, 6, 14)),
    DemoContract("900515300197", "Садықова Әйгерім Нұрланқызы", "Н-3-71/12-АФ", dt.date(2024, 2, 9)),
    DemoContract("040640406657", "ТОО «Байтерек Девелопмент»", "К-1-05/2024", dt.date(2024, 4, 22)),
    # Not registered yet: register with these to see the seed 000 wizard.
    DemoContract("850614301092", "Ерболов Данияр Асқарұлы", "Н-5-12/08-АФ", dt.date(2024, 3, 15)),
    DemoContract("951202401230", "Төлеуова Мадина Бекқызы", "Н-7-02/19-АФ", dt.date(2025, 1, 20)),
    DemoContract("120540049966", "ТОО «Есіл Инвест»", "К-2-11/2025", dt.date(2025, 5, 5)),
)


async def seed_demo() -> None:
    """Creates what is missing; never changes what a person already changed."""
    async with atomic():
        password_hash = hash_password(DEMO_PASSWORD)
        for account in ACCOUNTS:
            lookup = {"email": account.email} if account.email else {"phone": account.phone}
            user = await User.get_or_none(**lookup)
            if user is None:
                user = await User.create(
                    kind=account.kind,
                    iin_bin=account.iin_bin,
                    email=account.email,
                    phone=account.phone,
                    full_name=account.full_name,
                    password_hash=password_hash if account.password else None,
                    password_changed_at=dt.datetime.now(dt.timezone.utc) if account.password else None,
                )
            for role in account.roles:
                await UserRole.get_or_create(user=user, role=role)
        for contract in CONTRACTS:
            await Contract.get_or_create(
                holder_iin_bin=contract.holder_iin_bin,
                number=contract.number,
                defaults={"signed_on": contract.signed_on, "holder_name": contract.holder_name},
            )


async def load_demo(settings: Settings | None = None) -> None:
    settings = settings or Settings.from_env()
    await init_db(settings)
    try:
        await seed_demo()
    finally:
        await close_db()
