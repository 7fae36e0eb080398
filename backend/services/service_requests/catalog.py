"""The catalogue of request types (seed 004's "Тип обращения" plus what every company is asked about).

The codes and names live here, in the code, and reach the table by `ensure_catalog()`: idempotent
(adds the missing codes, brings names and order up to date), race-safe, and called lazily by the
first read that finds the table short of the catalogue — so a fresh database, a test database
emptied between tests and a demo server all get the same types without a data migration. The
demo calls it too, so that its requests have their types before anyone lists them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError

from backend.errors import DomainError
from backend.models.service_requests import RequestType
from backend.services.tx import atomic

LOCALES = ("kk", "ru", "en")


@dataclass(frozen=True)
class TypeSpec:
    code: str
    kk: str
    ru: str
    en: str


CATALOG: tuple[TypeSpec, ...] = (
    TypeSpec("water", "Суық және ыстық сумен жабдықтау жүйелері", "Системы холодного и горячего водоснабжения",
             "Cold and hot water supply systems"),
    TypeSpec("heating", "Жылумен жабдықтау жүйесі", "Система теплоснабжения", "Heating system"),
    TypeSpec("sewerage", "Су бұру жүйесі", "Система водоотведения", "Sewerage system"),
    TypeSpec("engineering", "Үйішілік инженерлік жабдықтар және техникалық құрылғылар",
             "Внутридомовое инженерное оборудование и технические устройства",
             "In-house engineering equipment and technical devices"),
    TypeSpec("key", "Кілт жасау", "Изготовление ключа", "Key making"),
    TypeSpec("electricity", "Электрмен жабдықтау", "Электроснабжение", "Electricity supply"),
    TypeSpec("lifts", "Лифтілер", "Лифты", "Lifts"),
    TypeSpec("cleaning", "Тазалау және аумақты абаттандыру", "Уборка и благоустройство территории",
             "Cleaning and grounds upkeep"),
    TypeSpec("other", "Басқа", "Другое", "Other"),
)
CODES = tuple(spec.code for spec in CATALOG)


def name_of(row, locale: str) -> str:
    """The type's name in `locale` (kk, ru or en; anything else reads Russian, as the seed does)."""
    return getattr(row, f"name_{locale if locale in LOCALES else 'ru'}")


async def ensure_catalog() -> None:
    """Adds the catalogue's missing types and refreshes the names and order of those present."""
    present = {row.code: row for row in await RequestType.filter(code__in=CODES)}
    for position, spec in enumerate(CATALOG, start=1):
        values = {"name_kk": spec.kk, "name_ru": spec.ru, "name_en": spec.en, "position": position}
        row = present.get(spec.code)
        if row is None:
            try:
                async with atomic():
                    await RequestType.create(id=uuid.uuid4(), code=spec.code, is_active=True, **values)
            except IntegrityError:
                pass  # another request created it at the same moment
        elif any(getattr(row, k) != v for k, v in values.items()):
            await RequestType.filter(id=row.id).update(**values)


async def active_types() -> list[RequestType]:
    """The types a resident may choose, in the catalogue's order."""
    rows = await RequestType.filter(is_active=True).order_by("position", "code")
    if not set(CODES) <= {row.code for row in rows}:
        await ensure_catalog()
        rows = await RequestType.filter(is_active=True).order_by("position", "code")
    return rows


async def get_active(type_id: object, field: str = "typeId") -> RequestType:
    """An active type by id, or NOT_FOUND on `field`."""
    try:
        key = uuid.UUID(str(type_id))
    except ValueError:
        raise DomainError("NOT_FOUND", field=field) from None
    row = await RequestType.get_or_none(id=key, is_active=True)
    if row is None:
        raise DomainError("NOT_FOUND", field=field)
    return row


async def by_code(code: str) -> RequestType:
    row = await RequestType.get_or_none(code=code)
    if row is None:
        await ensure_catalog()
        row = await RequestType.get(code=code)
    return row
