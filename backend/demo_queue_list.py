"""A lived-in register for `make run`: a few hundred synthetic applicants registered since 2016 in
Astana, Almaty and Shymkent, on the general and the socially vulnerable lists, most of them
consenting to publication, and some leaving over the years (housing provided, on request, ...),
so the public lists have pages and the numbers have a history of changes.

They go through services/queue/register.py in time order (every registration and every leaving at
its own moment), exactly as real ones would. Names and IINs are synthetic (a fixed seed, so every
`make run` builds the same register); the filer is one inactive account that cannot sign in.
Idempotent: nothing is added once that account has applications."""

from __future__ import annotations

import datetime as dt
import random

from backend import clock
from backend.adapters.registry_personas import BY_IIN
from backend.auth.identifiers import iin_bin_checksum_ok
from backend.models.identity import AccountKind, User
from backend.models.queue import QueueApplication, QueueEntry, QueueList, QueueStatus, SigningMethod
from backend.services.queue import register
from backend.services.tx import atomic

FILER_EMAIL = "demo-register@demo.shanyraq.kz"
SEED = 130  # order No. 130
# (locality, list, how many): Almaty's general list is the longest, as it is in life.
LISTS = (
    ("almaty", QueueList.GENERAL, 170), ("almaty", QueueList.VULNERABLE, 50),
    ("astana", QueueList.GENERAL, 120), ("astana", QueueList.VULNERABLE, 40),
    ("shymkent", QueueList.GENERAL, 60), ("shymkent", QueueList.VULNERABLE, 25),
)
PUBLISHED_SHARE = 0.85
LEAVING_SHARE = 0.08
FIRST, LAST = dt.datetime(2016, 2, 1, 4, 0, tzinfo=dt.timezone.utc), dt.datetime(2025, 11, 28, 12, 0, tzinfo=dt.timezone.utc)
VULNERABLE_CATEGORIES = ("large_family", "disability_1_2", "disabled_child_family", "single_parent_family", "kandas",
                         "pensioner", "orphan")
LEAVING_REASONS = ("housing_provided", "housing_provided", "housing_provided", "removed_on_request", "moved_away",
                   "removed_by_decision", "deceased")

# Kazakh names take a patronymic in -ұлы/-қызы, Russian ones in -ович/-овна; surnames agree in gender.
KAZAKH_MEN = ("Нұржан", "Ерлан", "Асқар", "Дәурен", "Бауыржан", "Ержан", "Мұрат", "Серік", "Қайрат", "Арман", "Талғат",
              "Дархан", "Ғалым", "Жандос", "Нұрлан", "Әлібек", "Бекзат", "Ринат", "Азамат", "Олжас")
KAZAKH_WOMEN = ("Айгерім", "Гүлнар", "Әйгерім", "Динара", "Жанар", "Сәуле", "Мөлдір", "Ақмарал", "Назерке", "Гүлжан",
                "Айнұр", "Балжан", "Жансая", "Камила", "Әсел", "Ботагөз", "Перизат", "Дана", "Салтанат", "Іңкәр")
KAZAKH_SURNAMES = ("Жұмабек", "Сәрсенбай", "Оспан", "Нұрлан", "Бекмұхамед", "Қасым", "Әбдірахман", "Төлеген", "Серікбай",
                   "Ахмет", "Исабек", "Мұхтар", "Байжан", "Тоқтар", "Ержан", "Омар", "Әлім", "Сейіт", "Жақсылық", "Дәулет")
RUSSIAN_MEN = ("Александр", "Сергей", "Дмитрий", "Андрей", "Игорь", "Владимир", "Николай", "Олег", "Павел", "Виктор")
RUSSIAN_WOMEN = ("Ольга", "Елена", "Наталья", "Татьяна", "Ирина", "Светлана", "Анна", "Марина", "Юлия", "Екатерина")
RUSSIAN_SURNAMES = ("Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов", "Новиков", "Морозов",
                    "Волков", "Ким", "Пак", "Цой", "Шевченко", "Бондаренко")
RUSSIAN_FATHERS = ("Александр", "Сергей", "Владимир", "Николай", "Иван", "Пётр", "Михаил", "Виктор")


def _russian_patronymic(father: str, woman: bool) -> str:
    stem = {"Пётр": "Петр", "Михаил": "Михайл"}.get(father, father)
    return stem + ("овна" if woman else "ович")


def _russian_surname(surname: str, woman: bool) -> str:
    return surname + "а" if woman and surname.endswith(("ов", "ев", "ин")) else surname


def _person(rng: random.Random) -> dict:
    woman = rng.random() < 0.55
    if rng.random() < 0.75:
        name = rng.choice(KAZAKH_WOMEN if woman else KAZAKH_MEN)
        base = rng.choice(KAZAKH_SURNAMES)
        surname = base + ("ова" if woman else "ов") if rng.random() < 0.6 else base + ("қызы" if woman else "ұлы")
        father = rng.choice(KAZAKH_MEN)
        patronymic = father + ("қызы" if woman else "ұлы")
    else:
        name = rng.choice(RUSSIAN_WOMEN if woman else RUSSIAN_MEN)
        surname = _russian_surname(rng.choice(RUSSIAN_SURNAMES), woman)
        patronymic = _russian_patronymic(rng.choice(RUSSIAN_FATHERS), woman)
    born = dt.date(1955, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 45))
    return {"iin": _iin(rng, born, woman), "surname": surname, "name": name, "patronymic": patronymic,
            "birthDate": born.isoformat(), "citizenship": "kz", "document": None, "address": None}


def _iin(rng: random.Random, born: dt.date, woman: bool) -> str:
    century = (3 if born.year < 2000 else 5) + (1 if woman else 0)
    while True:
        # Serials from 7000 up: the demo personas of registry_personas use low ones.
        prefix = f"{born:%y%m%d}{century}{rng.randrange(7000, 9999):04d}"
        for digit in "0123456789":
            iin = prefix + digit
            if iin_bin_checksum_ok(iin) and iin not in BY_IIN:
                return iin


def _plan(rng: random.Random) -> list[tuple[dt.datetime, str, QueueList]]:
    span = (LAST - FIRST).total_seconds()
    moments = [(FIRST + dt.timedelta(seconds=rng.random() * span), locality, kind)
               for locality, kind, count in LISTS for _ in range(count)]
    return sorted(moments, key=lambda m: m[0])


async def _filer() -> tuple[User, bool]:
    user = await User.get_or_none(email=FILER_EMAIL)
    if user is not None:
        return user, await QueueApplication.exists(filed_by_id=user.id)
    user = await User.create(kind=AccountKind.PERSON, email=FILER_EMAIL, full_name="Демо тізім / Demo register",
                             password_hash=None, is_active=False)
    return user, False


async def seed_demo_queue_list() -> int:
    """Registers the synthetic applicants unless already there; returns how many were added."""
    rng = random.Random(SEED)
    async with atomic():
        filer, done = await _filer()
        if done:
            return 0
        serials: dict[int, int] = {}
        active: dict[tuple[str, QueueList], list[QueueEntry]] = {}
        previous = FIRST
        for at, locality, kind in _plan(rng):
            # Someone of this list may leave between the previous registration and this one: every
            # event in time order, as in life, so "why my number changed" reads them right.
            entries = active.setdefault((locality, kind), [])
            if entries and rng.random() < LEAVING_SHARE:
                leaving = entries.pop(rng.randrange(len(entries)))
                with clock.at(previous + (at - previous) / 2):
                    await register.leave(leaving, rng.choice(LEAVING_REASONS))
            previous = at
            serials[at.year] = serials.get(at.year, 0) + 1
            app = await _application(filer, rng, at, locality, kind, serials[at.year])
            entries.append(await register.register(app, at))
    return sum(count for _, _, count in LISTS)


async def _application(filer: User, rng: random.Random, at: dt.datetime, locality: str, kind: QueueList,
                       serial: int) -> QueueApplication:
    filed = at - dt.timedelta(hours=rng.randrange(2, 20))
    method = SigningMethod.SMS if rng.random() < 0.6 else SigningMethod.EDS
    consents = ["property_check", "personal_data", "no_category_ack"]
    if rng.random() < PUBLISHED_SHARE:
        consents.append("publication")
    person = _person(rng)
    return await QueueApplication.create(
        # Q-<year>-9xxxxx: past years and a serial range the portal's own numbering does not reach.
        number=f"Q-{at.year}-{900000 + serial}", filed_by=filer, person=person,
        person_iin=person["iin"], locality=locality, list_kind=kind,
        categories=[rng.choice(VULNERABLE_CATEGORIES)] if kind is QueueList.VULNERABLE else [],
        consents={c: {"at": filed.isoformat(), "signature": method.value} for c in consents},
        phone=f"+7701{rng.randrange(10**6, 10**7):07d}", email="", status=QueueStatus.REGISTERED,
        status_changed_at=at, filed_at=filed, business_date=filed.date(), decision_due=at.date(), notify_due=at.date(),
        signing_method=method, decided_at=at,
    )
