"""The synthetic citizens of the demo registry: one for every refusal ground and every exception of
order No. 130 (§§6–11, 15 and the service standard), plus plain eligible ones.

The IINs are valid (checksum, birth date and century/sex digit agree with the birth date below) and
stable: tests, the e2e specs and the README name them. Dates are chosen so that the expected outcome
holds for any "today" from 2026-09 to 2028-06 (the 5- and 3-year windows); `expected` and `reasons`
say what `eligibility.assess` decides for the persona's own claim.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from backend.adapters.registries import (
    BaseMembership,
    Citizenship,
    Disposal,
    EmergencyDeclaration,
    FamilyMember,
    IdentityDocument,
    PersonRecord,
    Privatization,
    Property,
    Registration,
    RegistryFacts,
    Representative,
    RepresentativeKind,
    Tenancy,
    TenancyKind,
)

D = dt.date
MIA = "ҚР ІІМ"  # the Ministry of Internal Affairs issues identity cards


@dataclass(frozen=True)
class Persona:
    number: str  # "01".. — the README's numbering; account emails are queue<number>@demo.shanyraq.kz
    facts: RegistryFacts
    locality: str  # where the persona applies
    demonstrates: str
    expected: str  # registered | emergency | refused
    reasons: tuple[str, ...] = ()  # the refusal reason codes assess() gives
    mobile_phones: tuple[str, ...] = ()  # registered in the mobile citizens' base
    account_phone: str | None = None  # the portal account's phone; None = no account (a minor)
    emergency: bool = False  # claims the emergency-housing exception
    categories: tuple[str, ...] = ()  # what the persona picks from art. 74 §1
    filed_by: str | None = None  # the representative's IIN when somebody else files
    representation: str = "self"  # self | trustee | legal_representative
    list_kind: str = "general"  # with `categories` picked
    account_email: str | None = None  # when the account exists elsewhere (backend/demo.py)

    @property
    def iin(self) -> str:
        return self.facts.iin

    @property
    def email(self) -> str:
        return self.account_email or f"queue{self.number}@demo.shanyraq.kz"


def birth_date_of(iin: str) -> dt.date:
    century = {"1": 1800, "2": 1800, "3": 1900, "4": 1900, "5": 2000, "6": 2000}[iin[6]]
    return D(century + int(iin[:2]), int(iin[2:4]), int(iin[4:6]))


def _person(iin: str, surname: str, name: str, patronymic: str, *registrations: Registration,
            citizenship: Citizenship = Citizenship.CITIZEN, representatives: tuple[Representative, ...] = (),
            document: IdentityDocument | None = None) -> PersonRecord:
    born = birth_date_of(iin)
    if document is None:
        issued = max(born.replace(year=born.year + 16), D(2016, 1, 1))
        document = IdentityDocument("id_card", f"0{iin[6:]}{iin[:2]}"[:9], issued, MIA,
                                    issued.replace(year=issued.year + 10))
    return PersonRecord(iin, surname, name, patronymic, born, citizenship, document, registrations, representatives)


def _reg(locality: str, address: str, since: dt.date, until: dt.date | None = None) -> Registration:
    return Registration(locality, address, since, until)


def _phone(n: str) -> str:
    return f"+770155501{n}"


# The plain and the family personas are referred to by other personas.
P01 = "920314301077"
P02 = "900515300197"  # the demo citizen of backend/demo.py (she has the demo EDS certificates)
P20 = "870606302407"
P20S = "890909402434"
P21 = "110404502474"
P22 = "800202402543"
P23 = "160820602618"
P24 = "551010402688"
P25 = "820505302756"

_SPOUSE_FLAT = Property(P20S, "flat", "oral", "Орал қ., Достық даңғылы, 180, 34-пәтер", D(2022, 2, 14))

PERSONAS: tuple[Persona, ...] = (
    Persona(
        "01",
        RegistryFacts(
            _person(P01, "Сейітқали", "Нұрлан", "Болатұлы",
                    _reg("karaganda", "Қарағанды қ., Бұқар жырау даңғылы, 45, 12-пәтер", D(2010, 8, 1))),
            family=(FamilyMember(P23, "child", birth_date_of(P23)),),
        ),
        "karaganda", "Plain eligible: never owned housing; Karaganda (no 3-year rule there).", "registered",
        mobile_phones=(_phone("01"),), account_phone=_phone("01"),
    ),
    Persona(
        "02",
        RegistryFacts(_person(P02, "Садықова", "Әйгерім", "Нұрланқызы",
                              _reg("almaty", "Алматы қ., Абай даңғылы, 10, 5-пәтер", D(2008, 9, 1), D(2012, 8, 31)),
                              _reg("astana", "Астана қ., Кенесары көшесі, 40, 77-пәтер", D(2012, 9, 1)))),
        "astana", "Eligible in Astana: registered there since 2012, more than 3 years (§6).", "registered",
        mobile_phones=("+77011234567",), account_phone="+77011234567", account_email="aigerim@demo.shanyraq.kz",
    ),
    Persona(
        "03",
        RegistryFacts(_person("940702401214", "Жақыпова", "Дана", "Ерланқызы",
                              _reg("taraz", "Тараз қ., Төле би көшесі, 12", D(2008, 1, 10), D(2025, 9, 30)),
                              _reg("almaty", "Алматы қ., Сатпаев көшесі, 90, 41-пәтер", D(2025, 10, 1)))),
        "almaty", "Registered in Almaty only since 2025-10-01: the 3-year rule of a republican city (§6).", "refused",
        ("RESIDENCE_LESS_THAN_3Y",), mobile_phones=(_phone("03"),), account_phone=_phone("03"),
    ),
    Persona(
        "04",
        RegistryFacts(_person("020510601281", "Әбенова", "Айсұлу", "Маратқызы",
                              _reg("turkistan", "Түркістан қ., Тәуке хан даңғылы, 7", D(2002, 5, 20), D(2025, 8, 31)),
                              _reg("shymkent", "Шымкент қ., Тәуке хан даңғылы, 31, 8-пәтер", D(2025, 9, 1))),
                      categories=("orphan",), orphan=True),
        "shymkent", "Orphan aged 24, one year in Shymkent: the 3-year rule does not apply under 29 (§6).", "registered",
        mobile_phones=(_phone("04"),), account_phone=_phone("04"), categories=("orphan",), list_kind="vulnerable",
    ),
    Persona(
        "05",
        RegistryFacts(_person("950315301355", "Тұрсынов", "Ерасыл", "Қайратұлы",
                              _reg("kostanay", "Қостанай қ., Әл-Фараби даңғылы, 65", D(2013, 3, 20), D(2025, 7, 31)),
                              _reg("almaty", "Алматы қ., Төле би көшесі, 180, 3-пәтер", D(2025, 8, 1))),
                      categories=("orphan",), orphan=True),
        "almaty", "Orphan aged 31, one year in Almaty: the orphan exception ends at 29, the 3-year rule applies.",
        "refused", ("RESIDENCE_LESS_THAN_3Y",), mobile_phones=(_phone("05"),), account_phone=_phone("05"),
    ),
    Persona(
        "06",
        RegistryFacts(_person("851123301422", "Бекмұхамбетов", "Арман", "Серікұлы",
                              _reg("pavlodar", "Павлодар қ., Кутузов көшесі, 200, 15-пәтер", D(2005, 6, 1))),
                      properties=(Property("851123301422", "flat", "pavlodar",
                                           "Павлодар қ., Кутузов көшесі, 200, 15-пәтер", D(2021, 4, 12)),)),
        "pavlodar", "Owns a flat now (bought 2021-04-12).", "refused", ("OWNED_HOUSING_5Y",),
        mobile_phones=(_phone("06"),), account_phone=_phone("06"),
    ),
    Persona(
        "07",
        RegistryFacts(_person("880130401499", "Оразбаева", "Гүлмира", "Асанқызы",
                              _reg("aktobe", "Ақтөбе қ., Абылай хан даңғылы, 22", D(2009, 2, 1))),
                      properties=(Property("880130401499", "flat", "aktobe", "Ақтөбе қ., Маресьев көшесі, 4, 9-пәтер",
                                           D(2015, 3, 3), D(2024, 10, 15), Disposal.SALE),)),
        "aktobe", "Sold her flat on 2024-10-15, within the last 5 years.", "refused",
        ("OWNED_HOUSING_5Y", "DELIBERATE_WORSENING"), mobile_phones=(_phone("07"),), account_phone=_phone("07"),
    ),
    Persona(
        "08",
        RegistryFacts(_person("790618301566", "Қасымов", "Дәурен", "Жанұлы",
                              _reg("karaganda", "Қарағанды қ., Ерубаев көшесі, 50, 2-пәтер", D(2000, 4, 1))),
                      properties=(Property("790618301566", "flat", "karaganda", "Қарағанды қ., Гоголь көшесі, 31, 40-пәтер",
                                           D(2008, 5, 5), D(2020, 9, 1), Disposal.SALE),)),
        "karaganda", "Sold his last flat on 2020-09-01, more than 5 years ago: eligible.", "registered",
        mobile_phones=(_phone("08"),), account_phone=_phone("08"),
    ),
    Persona(
        "09",
        RegistryFacts(_person("830905301635", "Нұрпейісов", "Бауыржан", "Ғаниұлы",
                              _reg("kostanay", "Қостанай қ., Байтұрсынов көшесі, 71", D(2004, 10, 1))),
                      properties=(Property("830905301635", "flat", "kostanay", "Қостанай қ., Баймағамбетов көшесі, 2, 17-пәтер",
                                           D(2012, 7, 7), D(2023, 9, 12), Disposal.GIFT),)),
        "kostanay", "Gifted his flat to his brother on 2023-09-12: deliberate worsening (service standard).",
        "refused", ("OWNED_HOUSING_5Y", "DELIBERATE_WORSENING"), mobile_phones=(_phone("09"),),
        account_phone=_phone("09"),
    ),
    Persona(
        "10",
        RegistryFacts(_person("901212401701", "Есенова", "Жанар", "Төлеуқызы",
                              _reg("taldykorgan", "Талдықорған қ., Жансүгіров көшесі, 110", D(2016, 3, 1))),
                      tenancies=(Tenancy("901212401701", TenancyKind.AKIMAT_RENTED, "taldykorgan",
                                         "Талдықорған қ., Шевченко көшесі, 128, 6-пәтер", D(2019, 5, 1), D(2024, 3, 1),
                                         "moved_out"),)),
        "taldykorgan", "Moved out of an akimat-rented flat on 2024-03-01 while still needing it; owns nothing.",
        "refused", ("DELIBERATE_WORSENING",), mobile_phones=(_phone("10"),), account_phone=_phone("10"),
    ),
    Persona(
        "11",
        RegistryFacts(_person("680427401773", "Құдайбергенова", "Раушан", "Әлімқызы",
                              _reg("kyzylorda", "Қызылорда қ., Желтоқсан көшесі, 19", D(1990, 7, 1))),
                      properties=(Property("680427401773", "house", "kyzylorda", "Қызылорда қ., Желтоқсан көшесі, 19",
                                           D(1995, 6, 1)),),
                      emergency_declarations=(EmergencyDeclaration("680427401773", "kyzylorda",
                                                                   "Қызылорда қ., Желтоқсан көшесі, 19", D(2024, 6, 20),
                                                                   "ҚО-АВ-2024/117"),)),
        "kyzylorda", "Her only home, in Kyzylorda, is declared emergency: the emergency path (an officer reviews "
        "within 3 working days; the expert's conclusion is required).", "emergency",
        mobile_phones=(_phone("11"),), account_phone=_phone("11"), emergency=True,
    ),
    Persona(
        "12",
        RegistryFacts(_person("750808301849", "Мырзахметов", "Талғат", "Оңалбекұлы",
                              _reg("turkistan", "Түркістан қ., Есім хан көшесі, 3", D(1993, 9, 1), D(2015, 2, 28)),
                              _reg("shymkent", "Шымкент қ., Байтұрсынов көшесі, 14, 60-пәтер", D(2015, 3, 1))),
                      properties=(Property("750808301849", "house", "turkistan", "Түркістан қ., Есім хан көшесі, 3",
                                           D(1998, 4, 4)),),
                      emergency_declarations=(EmergencyDeclaration("750808301849", "turkistan",
                                                                   "Түркістан қ., Есім хан көшесі, 3", D(2023, 11, 2),
                                                                   "ТҮР-АВ-2023/58"),)),
        "shymkent", "His only home is declared emergency but it is in Turkistan; he applies in Shymkent.", "refused",
        ("EMERGENCY_OTHER_SETTLEMENT",), mobile_phones=(_phone("12"),), account_phone=_phone("12"), emergency=True,
    ),
    Persona(
        "13",
        RegistryFacts(_person("860219401915", "Ахметова", "Сәуле", "Бақытқызы",
                              _reg("taraz", "Тараз қ., Абай даңғылы, 120, 11-пәтер", D(2004, 9, 1))),
                      unified_base=BaseMembership("taraz", D(2019, 3, 11))),
        "taraz", "Already in the unified republican electronic base (Taraz, since 2019-03-11).", "refused",
        ("ALREADY_IN_BASE",), mobile_phones=(_phone("13"),), account_phone=_phone("13"),
    ),
    Persona(
        "14",
        RegistryFacts(_person("811003301988", "Ибраев", "Қанат", "Рүстемұлы",
                              _reg("oskemen", "Өскемен қ., Ушанов көшесі, 64, 23-пәтер", D(2000, 1, 15))),
                      tenancies=(Tenancy("811003301988", TenancyKind.STATE_FUND, "oskemen",
                                         "Өскемен қ., Ушанов көшесі, 64, 23-пәтер", D(2018, 2, 1)),)),
        "oskemen", "Lives in a flat of the state housing fund since 2018.", "refused", ("STATE_HOUSING",),
        mobile_phones=(_phone("14"),), account_phone=_phone("14"),
    ),
    Persona(
        "15",
        RegistryFacts(_person("930521402059", "Сапарова", "Индира", "Нұрболқызы",
                              _reg("semey", "Семей қ., Шәкәрім даңғылы, 33, 50-пәтер", D(2011, 8, 20))),
                      tenancies=(Tenancy("930521402059", TenancyKind.AKIMAT_RENTED, "semey",
                                         "Семей қ., Шәкәрім даңғылы, 33, 50-пәтер", D(2022, 10, 1)),)),
        "semey", "Lives in a flat the akimat rents for her in the private fund since 2022.", "refused",
        ("STATE_HOUSING",), mobile_phones=(_phone("15"),), account_phone=_phone("15"),
    ),
    Persona(
        "16",
        RegistryFacts(_person("720309302125", "Жүсіпов", "Серік", "Амангелдіұлы",
                              _reg("petropavl", "Петропавл қ., Конституция көшесі, 15", D(1990, 5, 1))),
                      properties=(Property("720309302125", "flat", "petropavl", "Петропавл қ., Жамбыл көшесі, 9, 4-пәтер",
                                           D(1998, 11, 20), D(2012, 6, 30), Disposal.SALE),),
                      privatizations=(Privatization("720309302125", "petropavl", "Петропавл қ., Жамбыл көшесі, 9, 4-пәтер",
                                                    D(1998, 11, 20)),)),
        "petropavl", "Privatized a state flat in 1998 (sold in 2012).", "refused", ("PRIVATIZED_STATE_HOUSING",),
        mobile_phones=(_phone("16"),), account_phone=_phone("16"),
    ),
    Persona(
        "17",
        RegistryFacts(_person("840716402199", "Байжанова", "Ләззат", "Қуатқызы",
                              _reg("astana", "Астана қ., Мәңгілік Ел даңғылы, 20, 102-пәтер", D(2010, 1, 10))),
                      properties=(Property("840716402199", "flat", "astana", "Астана қ., Сығанақ көшесі, 25, 8-пәтер",
                                           D(2013, 8, 15), D(2019, 5, 20), Disposal.SALE, True,
                                           "Қолжетімді баспана — 2020"),)),
        "astana", "Bought a flat with a mortgage of the state programme «Қолжетімді баспана — 2020» (2013; sold 2019).",
        "refused", ("STATE_MORTGAGE",), mobile_phones=(_phone("17"),), account_phone=_phone("17"),
    ),
    Persona(
        "18",
        RegistryFacts(_person("910125302264", "Сұлтанов", "Ержан", "Маратұлы",
                              _reg("atyrau", "Атырау қ., Сәтбаев даңғылы, 6, 31-пәтер", D(2009, 11, 1)),
                              document=IdentityDocument("id_card", "045612378", D(2017, 2, 1), MIA, D(2027, 2, 1),
                                                        "invalid"))),
        "atyrau", "His identity document is recorded invalid (declared lost and replaced): the data are not true.",
        "refused", ("FALSE_DATA",), mobile_phones=(_phone("18"),), account_phone=_phone("18"),
    ),
    Persona(
        "19",
        RegistryFacts(_person("771201402334", "Өтегенова", "Мәдина", "Сейітқызы",
                              _reg("atyrau", "Атырау қ., Құлманов көшесі, 107, 2-пәтер", D(1995, 4, 1))),
                      categories=("disability_1_2",)),
        "atyrau", "Disability group II confirmed by the registry: the socially vulnerable list.", "registered",
        mobile_phones=(_phone("19"),), account_phone=_phone("19"), categories=("disability_1_2",),
        list_kind="vulnerable",
    ),
    Persona(
        "20",
        RegistryFacts(_person(P20, "Төлегенов", "Азамат", "Нұржанұлы",
                              _reg("oral", "Орал қ., Евразия даңғылы, 44", D(2006, 9, 1))),
                      family=(FamilyMember(P20S, "spouse", birth_date_of(P20S)),), properties=(_SPOUSE_FLAT,)),
        "oral", "His wife (20s) owns a flat bought in 2022: the family's housing counts.", "refused",
        ("OWNED_HOUSING_5Y",), mobile_phones=(_phone("20"),), account_phone=_phone("20"),
    ),
    Persona(
        "20s",
        RegistryFacts(_person(P20S, "Төлегенова", "Айгүл", "Бекқызы",
                              _reg("oral", "Орал қ., Достық даңғылы, 180, 34-пәтер", D(2008, 3, 1))),
                      family=(FamilyMember(P20, "spouse", birth_date_of(P20)),), properties=(_SPOUSE_FLAT,)),
        "oral", "The wife of 20; owns a flat.", "refused", ("OWNED_HOUSING_5Y",),
        mobile_phones=(_phone("25"),), account_phone=_phone("25"),
    ),
    Persona(
        "21",
        RegistryFacts(_person(P21, "Мұратов", "Әлихан", "Ерболұлы",
                              _reg("kokshetau", "Көкшетау қ., Абай көшесі, 96, 14-пәтер", D(2011, 4, 10)),
                              representatives=(Representative(P22, RepresentativeKind.GUARDIAN, D(2019, 9, 1), None,
                                                              "Көкшетау қ. әкімдігінің қаулысы № 412"),),
                              document=IdentityDocument("birth_certificate", "I-КЖ 0402113", D(2011, 4, 12), "АХАЖ")),
                      categories=("orphan",), orphan=True),
        "kokshetau", "A minor left without parental care; his guardian (22) files as legal representative (§11).",
        "registered", account_phone=None, categories=("orphan",), list_kind="vulnerable",
        filed_by=P22, representation="legal_representative",
    ),
    Persona(
        "22",
        RegistryFacts(_person(P22, "Мұратова", "Гүлнұр", "Сабитқызы",
                              _reg("kokshetau", "Көкшетау қ., Абай көшесі, 96, 14-пәтер", D(1998, 6, 1)))),
        "kokshetau", "Guardian (legal representative) of the minor 21; eligible herself.", "registered",
        mobile_phones=(_phone("22"),), account_phone=_phone("22"),
    ),
    Persona(
        "23",
        RegistryFacts(_person(P23, "Сейітқали", "Аяла", "Нұрланқызы",
                              _reg("karaganda", "Қарағанды қ., Бұқар жырау даңғылы, 45, 12-пәтер", D(2016, 8, 25)),
                              representatives=(Representative(P01, RepresentativeKind.PARENT, D(2016, 8, 20)),),
                              document=IdentityDocument("birth_certificate", "I-ҚР 0815520", D(2016, 8, 24), "АХАЖ"))),
        "karaganda", "A minor whose father (01) is her legal representative: filing by a representative works, "
        "but only adults are registered (§7); §11 covers orphans only.", "refused", ("NOT_ADULT",),
        account_phone=None, filed_by=P01, representation="legal_representative",
    ),
    Persona(
        "24",
        RegistryFacts(_person(P24, "Әлиева", "Күләш", "Тұрарқызы",
                              _reg("turkistan", "Түркістан қ., Қожанов көшесі, 21", D(1975, 10, 1)),
                              representatives=(Representative(P25, RepresentativeKind.TRUSTEE, D(2026, 1, 15),
                                                              D(2029, 1, 15), "Сенімхат № 2026/0115-ТҮР"),)),
                      categories=("pensioner",)),
        "turkistan", "A pensioner whose son (25) files for her by a power of attorney (trustee).", "registered",
        mobile_phones=(_phone("24"),), account_phone=_phone("24"), categories=("pensioner",),
        list_kind="vulnerable", filed_by=P25, representation="trustee",
    ),
    Persona(
        "25",
        RegistryFacts(_person(P25, "Әлиев", "Бекзат", "Серікұлы",
                              _reg("turkistan", "Түркістан қ., Сауран көшесі, 8, 3-пәтер", D(2000, 2, 1))),
                      properties=(Property(P25, "flat", "turkistan", "Түркістан қ., Сауран көшесі, 8, 3-пәтер",
                                           D(2017, 5, 30)),)),
        "turkistan", "Trustee of 24 by a power of attorney; owns a flat himself.", "refused", ("OWNED_HOUSING_5Y",),
        mobile_phones=(_phone("26"),), account_phone=_phone("26"),
    ),
    Persona(
        "26",
        RegistryFacts(_person("961111302824", "Ниязов", "Тимур", "Асқарұлы",
                              _reg("karaganda", "Қарағанды қ., Строителей даңғылы, 3, 77-пәтер", D(2014, 9, 1)))),
        "karaganda", "Eligible, but no phone in the mobile citizens' base: SMS signing is refused "
        "(PHONE_NOT_IN_MOBILE_BASE); EDS works.", "registered", mobile_phones=(), account_phone=_phone("27"),
    ),
    Persona(
        "27",
        RegistryFacts(_person("900303302894", "Смирнов", "Алексей", "Викторович",
                              _reg("almaty", "Алматы қ., Гоголь көшесі, 75, 9-пәтер", D(2019, 4, 1)),
                              citizenship=Citizenship.FOREIGNER,
                              document=IdentityDocument("residence_permit", "F01234567", D(2019, 3, 20), MIA,
                                                        D(2029, 3, 20)))),
        "almaty", "A foreigner (citizen of the Russian Federation, residence permit): the service is for citizens "
        "and kandas only.", "refused", ("NOT_CITIZEN",), mobile_phones=(_phone("28"),), account_phone=_phone("28"),
    ),
    Persona(
        "28",
        RegistryFacts(_person("780707302962", "Батбаяр", "Ерлан", "",
                              _reg("kostanay", "Қостанай қ., Тәуелсіздік көшесі, 88", D(2023, 6, 1)),
                              citizenship=Citizenship.KANDAS,
                              document=IdentityDocument("residence_permit", "K07070296", D(2023, 5, 25), MIA,
                                                        D(2033, 5, 25))),
                      categories=("kandas",)),
        "kostanay", "A kandas (from Mongolia, 2023): eligible like a citizen; the kandas category is confirmed.",
        "registered", mobile_phones=(_phone("29"),), account_phone=_phone("29"), categories=("kandas",),
        list_kind="vulnerable",
    ),
)

BY_IIN: dict[str, Persona] = {p.iin: p for p in PERSONAS}
BY_NUMBER: dict[str, Persona] = {p.number: p for p in PERSONAS}
