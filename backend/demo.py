"""Demo data for `make run`: one account per role and contracts to register with (idempotent).

The README lists these accounts; change them together.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass

from backend.adapters.contract_source import ComplexData, ContractData, GuaranteeData, OrganizationData, PremisesData
from backend.adapters.pdf import OfficialDocument, render_pdf
from backend.auth.passwords import hash_password
from backend.db import close_db, init_db
from backend.models.contracts import Contract, Document, DocumentKind
from backend.models.identity import AccountKind, Role, User, UserRole
from backend.models.organizations import Organization
from backend.models.partners import ApiClient
from backend.pki.demo_ca import ensure_demo_ca
from backend.demo_applications import seed_demo_applications
from backend.demo_cabinet import seed_demo_cabinet
from backend.demo_queue import seed_demo_queue
from backend.demo_queue_list import seed_demo_queue_list
from backend.runtime import Runtime, build_runtime
from backend.services import partners
from backend.services.contracts import apply_contract_data
from backend.services.documents import store_generated
from backend.services.partners import ApiScope
from backend.services.tx import atomic
from backend.settings import Settings

DEMO_PASSWORD = "Shanyraq-Demo-2026!"
# A partner key for the playground, documented in the README; real keys come from `apiClientCreate`.
DEMO_PARTNER_KEY = "shq_a1a7a0c1_demo-partner-key-for-the-playground-only"


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
                iin_bin="880321400453", email="operator@demo.shanyraq.kz", phone="+77011110001"),
    DemoAccount("queue_officer", AccountKind.PERSON, "Жұмабеков Ерлан (Отбасы банк)", (Role.QUEUE_OFFICER,),
                iin_bin="870911300002", email="officer@demo.shanyraq.kz", phone="+77011110002"),
    DemoAccount("uk_staff", AccountKind.PERSON, "Ким Светлана (УК «Жайлы үй»)", (Role.UK_STAFF,),
                email="uk@demo.shanyraq.kz", phone="+77011110003"),
    DemoAccount("admin", AccountKind.PERSON, "Portal administrator", (Role.ADMIN,),
                email="admin@demo.shanyraq.kz", phone="+77011110004"),
    # The authorized company of the Nursaya contracts: it files applications to KZhK, and its systems
    # use the partner API.
    DemoAccount("partner", AccountKind.COMPANY, "ТОО «Алатау Құрылыс»", (Role.LEGAL_ENTITY, Role.PARTNER),
                iin_bin="150940012342", email="api@alatau-qurylys.demo.shanyraq.kz", phone="+77011110005"),
)


BAYTEREK = OrganizationData(bin="040640406657", name="ТОО «Байтерек Девелопмент»", phone="+77172550100",
                            email="info@bayterek-dev.kz", website="https://bayterek-dev.kz")
ALATAU = OrganizationData(bin="150940012342", name="ТОО «Алатау Құрылыс»", phone="+77272660202",
                          email="sales@alatau-qurylys.kz", website="https://alatau-qurylys.kz")
ESIL = OrganizationData(bin="120540049966", name="ТОО «Есіл Инвест»", phone="+77172440303", email="office@esil-invest.kz")
NURSAYA = ComplexData(name="ТК «Нұрсая»", address="Астана қ., Тұран даңғылы, 55", website="https://nursaya.kz",
                      commissioning_date=dt.date(2026, 9, 30))
ALMA = ComplexData(name="ЖК «Алма Сити»", address="Алматы қ., Әл-Фараби даңғылы, 140", website="https://almacity.kz",
                   commissioning_date=dt.date(2027, 3, 31))
GUARANTEE = GuaranteeData(kind="kzhk_guarantee", number="ҚК-2023/118", date=dt.date(2023, 5, 2))
PERMIT = GuaranteeData(kind="akimat_permit", number="KZ12REA00012345", date=dt.date(2023, 11, 20))

# The demo source (backend/adapters/contract_source.py) holds newer data for Н-3-67/44-АФ:
# "Update data" moves its commissioning date and the developer's phone.
CONTRACTS: tuple[ContractData, ...] = (
    ContractData("Н-3-67/44-АФ", dt.date(2023, 6, 14), "900515300197", "Садықова Әйгерім Нұрланқызы", NURSAYA,
                 PremisesData("flat", "44"), BAYTEREK, ALATAU, GUARANTEE),
    ContractData("Н-3-71/12-АФ", dt.date(2024, 2, 9), "900515300197", "Садықова Әйгерім Нұрланқызы", ALMA,
                 PremisesData("parking", "P-12"), ALATAU, ALATAU, PERMIT),
    ContractData("К-1-05/2024", dt.date(2024, 4, 22), "040640406657", "ТОО «Байтерек Девелопмент»", NURSAYA,
                 PremisesData("non_residential", "НП-5"), BAYTEREK, ALATAU, GUARANTEE),
    # Not registered yet: register with these to see the seed 000 wizard.
    ContractData("Н-5-12/08-АФ", dt.date(2024, 3, 15), "850614301092", "Ерболов Данияр Асқарұлы", NURSAYA,
                 PremisesData("flat", "108"), BAYTEREK, ALATAU, GUARANTEE),
    ContractData("Н-7-02/19-АФ", dt.date(2025, 1, 20), "951202401230", "Төлеуова Мадина Бекқызы", ALMA,
                 PremisesData("flat", "219"), ALATAU, ALATAU, PERMIT),
    ContractData("К-2-11/2025", dt.date(2025, 5, 5), "120540049966", "ТОО «Есіл Инвест»", ALMA,
                 PremisesData("storage", "К-11"), ALATAU, ESIL, PERMIT),
)


async def seed_demo(rt: Runtime) -> None:
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
    for data in CONTRACTS:
        contract = await Contract.get_or_none(holder_iin_bin=data.holder_iin_bin, number=data.number)
        if contract is None:
            contract = (await apply_contract_data(rt, None, data, source="demo")).contract
        if not await Document.exists(contract_id=contract.id):
            await _seed_documents(rt, contract, data)
    await _seed_partner_client(rt)
    await seed_demo_applications(rt)
    await seed_demo_queue(DEMO_PASSWORD)
    await seed_demo_queue_list()
    await seed_demo_cabinet(rt, DEMO_PASSWORD)


PREMISES_LABELS = {
    "flat": "Пәтер / Квартира", "non_residential": "Тұрғын емес үй-жай / Нежилое помещение",
    "parking": "Паркинг орны / Машиноместо", "storage": "Қойма / Кладовая", "other": "Басқа / Другое",
}


def _ddu(data: ContractData) -> OfficialDocument:
    premises = f"{PREMISES_LABELS[data.premises.kind]} № {data.premises.number}" if data.premises else "—"
    guarantee = f"{data.guarantee.number} ({data.guarantee.date:%d.%m.%Y})" if data.guarantee and data.guarantee.date else "—"
    return OfficialDocument(
        title=f"Үлестік қатысу туралы шарт № {data.number}",
        subtitle="Договор о долевом участии в жилищном строительстве",
        reference=f"DEMO · ДДУ {data.number}",
        fields=[
            ("ҮҚШ күні / Дата ДДУ", f"{data.signed_on:%d.%m.%Y}"),
            ("Үлескер / Дольщик", f"{data.holder_name}, ЖСН/БСН {data.holder_iin_bin}"),
            ("ТК / ЖК", f"{data.complex.name}, {data.complex.address}" if data.complex else "—"),
            ("Үй-жай / Помещение", premises),
            ("Құрылыс салушы / Застройщик", f"{data.developer.name} (БСН {data.developer.bin})" if data.developer else "—"),
            ("Уәкілетті компания / Уполномоченная компания",
             f"{data.authorized_company.name} (БСН {data.authorized_company.bin})" if data.authorized_company else "—"),
            ("ЖАО рұқсаты немесе ҚТК кепілдігі / Разрешение МИО или гарантия КЖК", guarantee),
        ],
        paragraphs=[
            "Демонстрациялық құжат: Shanyraq порталының демо деректері үшін жасалды, заңды күші жоқ.",
            "Демонстрационный документ для демо-данных портала Shanyraq, юридической силы не имеет.",
        ],
    )


def _extract(data: ContractData) -> OfficialDocument:
    return OfficialDocument(
        title="Есепке қою туралы үзінді",
        subtitle="Выписка о постановке на учёт договора долевого участия",
        reference=f"DEMO · үзінді {data.number}",
        fields=[("ҮҚШ нөмірі / Номер ДДУ", data.number), ("Үлескер / Дольщик", data.holder_name),
                ("Тіркелген күні / Дата учёта", f"{data.signed_on:%d.%m.%Y}")],
        paragraphs=["Демонстрациялық құжат. Демонстрационный документ."],
    )


async def _seed_documents(rt: Runtime, contract: Contract, data: ContractData) -> None:
    await store_generated(rt, contract, DocumentKind.DDU, f"Үлестік қатысу туралы шарт № {data.number}",
                          render_pdf(_ddu(data)), source="demo")
    if data.guarantee and data.guarantee.kind == "kzhk_guarantee":
        await store_generated(rt, contract, DocumentKind.REGISTRATION_EXTRACT, "Есепке қою туралы үзінді",
                              render_pdf(_extract(data)), source="demo")


async def _seed_partner_client(rt: Runtime) -> None:
    prefix = DEMO_PARTNER_KEY.split("_")[1]
    if await ApiClient.exists(key_prefix=prefix):
        return
    organization = await Organization.get(bin=ALATAU.bin)
    await ApiClient.create(
        name="Алатау Құрылыс CRM (demo)",
        organization=organization,
        key_prefix=prefix,
        key_hash=partners.key_hash(rt.settings.secret_key, DEMO_PARTNER_KEY),
        scopes=[ApiScope.CONTRACTS_READ.value, ApiScope.CONTRACTS_WRITE.value, ApiScope.DOCUMENTS_WRITE.value],
    )


async def load_demo(settings: Settings | None = None) -> None:
    settings = settings or Settings.from_env()
    # The demo EDS certificates (var/pki, passwords in its README.txt) sign in and sign as the accounts below.
    await asyncio.to_thread(ensure_demo_ca, settings.var_dir / "pki")
    await init_db(settings)
    rt = build_runtime(settings)
    try:
        await seed_demo(rt)
    finally:
        await rt.close()
        await close_db()
