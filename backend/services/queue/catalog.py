"""What the housing queue names: localities (with the cities of republican significance and the
capital, where §6 asks for 3 years of registration), the social categories of Law on Housing
Relations art. 74 §1, and the texts of every eligibility check and refusal reason in kk/ru/en.

`explain(code, locale, **detail)` takes a check code (the text says what passed) or a reason code
(the text says why it failed), filled with the check's `detail`: dates (ISO strings) are shown as
dd.mm.yyyy in kk/ru, locality codes by their name, owners/kinds/acts/consents/categories by their
words. `detail["variant"]` picks a variant text of the same code. `explain_check(result)` picks the
right one for a `CheckResult`-like dict.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from dataclasses import dataclass
from typing import Any, Mapping

LOCALES = ("kk", "ru", "en")


@dataclass(frozen=True)
class Locality:
    code: str
    kk: str
    ru: str
    en: str
    republican: bool = False  # a city of republican significance or the capital (§6)

    def name(self, locale: str) -> str:
        return getattr(self, locale if locale in LOCALES else "ru")


LOCALITIES: tuple[Locality, ...] = (
    Locality("astana", "Астана", "Астана", "Astana", True),
    Locality("almaty", "Алматы", "Алматы", "Almaty", True),
    Locality("shymkent", "Шымкент", "Шымкент", "Shymkent", True),
    # The regional centres.
    Locality("kokshetau", "Көкшетау", "Кокшетау", "Kokshetau"),
    Locality("aktobe", "Ақтөбе", "Актобе", "Aktobe"),
    Locality("konayev", "Қонаев", "Конаев", "Konayev"),
    Locality("atyrau", "Атырау", "Атырау", "Atyrau"),
    Locality("oskemen", "Өскемен", "Усть-Каменогорск", "Oskemen"),
    Locality("taraz", "Тараз", "Тараз", "Taraz"),
    Locality("oral", "Орал", "Уральск", "Oral"),
    Locality("karaganda", "Қарағанды", "Караганда", "Karaganda"),
    Locality("kostanay", "Қостанай", "Костанай", "Kostanay"),
    Locality("kyzylorda", "Қызылорда", "Кызылорда", "Kyzylorda"),
    Locality("aktau", "Ақтау", "Актау", "Aktau"),
    Locality("pavlodar", "Павлодар", "Павлодар", "Pavlodar"),
    Locality("petropavl", "Петропавл", "Петропавловск", "Petropavl"),
    Locality("turkistan", "Түркістан", "Туркестан", "Turkistan"),
    Locality("semey", "Семей", "Семей", "Semey"),
    Locality("taldykorgan", "Талдықорған", "Талдыкорган", "Taldykorgan"),
    Locality("zhezkazgan", "Жезқазған", "Жезказган", "Zhezkazgan"),
)
LOCALITY_BY_CODE: dict[str, Locality] = {x.code: x for x in LOCALITIES}


def locality_name(code: str, locale: str) -> str:
    found = LOCALITY_BY_CODE.get(code)
    return found.name(locale) if found else code


def is_republican(code: str) -> bool:
    found = LOCALITY_BY_CODE.get(code)
    return bool(found and found.republican)


@dataclass(frozen=True)
class Category:
    code: str
    kk: str
    ru: str
    en: str

    def name(self, locale: str) -> str:
        return getattr(self, locale if locale in LOCALES else "ru")


# Law on Housing Relations art. 74 §1 keeps the socially vulnerable layers of the population
# (listed in art. 68) on their own list; the order's seeds do not repeat the list, so the codes
# follow the law's sub-items.
CATEGORIES: tuple[Category, ...] = (
    Category("war_veteran", "Ұлы Отан соғысының ардагерлері", "ветераны Великой Отечественной войны",
             "Veterans of the Great Patriotic War"),
    Category("veteran_equal", "Жеңілдіктер бойынша Ұлы Отан соғысының ардагерлеріне теңестірілген ардагерлер",
             "ветераны, приравненные по льготам к ветеранам Великой Отечественной войны",
             "Veterans with the benefits of Great Patriotic War veterans"),
    Category("combat_veteran", "Басқа мемлекеттердің аумағындағы ұрыс қимылдарының ардагерлері",
             "ветераны боевых действий на территории других государств",
             "Veterans of combat operations on the territory of other states"),
    Category("disability_1_2", "Бірінші және екінші топтағы мүгедектігі бар адамдар",
             "лица с инвалидностью первой и второй групп", "Persons with a disability of group I or II"),
    Category("disabled_child_family", "Мүгедектігі бар балалары бар немесе оларды тәрбиелеп отырған отбасылар",
             "семьи, имеющие или воспитывающие детей с инвалидностью",
             "Families having or raising children with disabilities"),
    Category("chronic_disease", "Кейбір созылмалы аурулардың ауыр нысандарымен ауыратын адамдар",
             "лица, страдающие тяжёлыми формами некоторых хронических заболеваний",
             "Persons with severe forms of certain chronic diseases"),
    Category("pensioner", "Жасына байланысты зейнеткерлер", "пенсионеры по возрасту", "Old-age pensioners"),
    Category("orphan", "Кәмелетке толғанға дейін ата-анасынан айырылған, жиырма тоғыз жасқа толмаған жетім балалар "
             "және ата-аналарының қамқорлығынсыз қалған балалар",
             "дети-сироты и дети, оставшиеся без попечения родителей, не достигшие двадцати девяти лет, "
             "потерявшие родителей до совершеннолетия",
             "Orphans and children left without parental care, under 29, who lost their parents before adulthood"),
    Category("kandas", "Қандастар", "кандасы", "Kandas"),
    Category("disaster_victim", "Экологиялық зілзалалар, табиғи және техногендік сипаттағы төтенше жағдайлар "
             "салдарынан тұрғынжайынан айырылған адамдар",
             "лица, лишившиеся жилища в результате экологических бедствий, чрезвычайных ситуаций природного "
             "и техногенного характера",
             "Persons who lost their home to an ecological disaster or a natural or man-made emergency"),
    Category("large_family", "Көп балалы отбасылар", "многодетные семьи", "Large families"),
    Category("fallen_family", "Мемлекеттік немесе қоғамдық міндеттерін, әскери қызметін орындау кезінде қаза "
             "тапқан (қайтыс болған) адамдардың отбасылары",
             "семьи лиц, погибших (умерших) при исполнении государственных или общественных обязанностей, "
             "воинской службы",
             "Families of persons who died performing state or public duties or military service"),
    Category("single_parent_family", "Толық емес отбасылар", "неполные семьи", "Single-parent families"),
)
CATEGORY_BY_CODE: dict[str, Category] = {c.code: c for c in CATEGORIES}


def category_name(code: str, locale: str) -> str:
    found = CATEGORY_BY_CODE.get(code)
    return found.name(locale) if found else code


CONSENT_CODES = ("property_check", "personal_data", "publication", "no_category_ack")

# Words that detail values are shown by.
_WORDS: dict[str, dict[str, dict[str, str]]] = {
    "owner": {
        "applicant": {"kk": "өтініш беруші", "ru": "заявитель", "en": "the applicant"},
        "spouse": {"kk": "жұбайы", "ru": "супруг(а)", "en": "the spouse"},
        "child": {"kk": "кәмелетке толмаған баласы", "ru": "несовершеннолетний ребёнок", "en": "a minor child"},
    },
    "kind": {
        "flat": {"kk": "пәтер", "ru": "квартира", "en": "flat"},
        "house": {"kk": "тұрғын үй", "ru": "жилой дом", "en": "house"},
        "share": {"kk": "тұрғынжайдағы үлес", "ru": "доля в жилище", "en": "share in housing"},
    },
    "tenancy_kind": {
        "state_fund": {"kk": "мемлекеттік тұрғын үй қорынан тұрғынжай",
                       "ru": "жилище из государственного жилищного фонда",
                       "en": "housing of the state housing fund"},
        "akimat_rented": {"kk": "жеке тұрғын үй қорынан жергілікті атқарушы орган жалдаған тұрғынжай",
                          "ru": "жилище, арендованное местным исполнительным органом в частном жилищном фонде",
                          "en": "housing rented by the local executive body (akimat) in the private fund"},
    },
    "act": {
        "sale": {"kk": "меншіктегі тұрғын үйді иеліктен шығару (сату)",
                 "ru": "отчуждение (продажа) принадлежавшего на праве собственности жилища",
                 "en": "alienation (sale) of owned housing"},
        "gift": {"kk": "меншіктегі тұрғын үйді иеліктен шығару (сыйға тарту)",
                 "ru": "отчуждение (дарение) принадлежавшего на праве собственности жилища",
                 "en": "alienation (gift) of owned housing"},
        "exchange": {"kk": "тұрғын үй-жайды ауыстыру", "ru": "обмен жилого помещения",
                     "en": "exchange of the dwelling"},
        "damage_by_owner": {"kk": "оның кінәсінен тұрғын үйдің бұзылуы немесе бүлінуі",
                            "ru": "разрушение или порча жилища по его вине",
                            "en": "destruction or damage of the housing by the owner's fault"},
        "moved_out": {"kk": "тұрғынжайға мұқтаж болмаған кезде тұрғын үйден шығу",
                      "ru": "выезд из жилища при отсутствии нуждаемости в нём",
                      "en": "moving out of housing while not in need"},
    },
    "consent": {
        "property_check": {"kk": "тұрғынжайдың бар-жоғын тексеруге келісім",
                           "ru": "согласие на проверку наличия жилища у заявителя и членов семьи",
                           "en": "consent to check the housing of the applicant and the family"},
        "personal_data": {"kk": "заңмен қорғалатын құпияны құрайтын мәліметтерді жинауға және өңдеуге келісім",
                          "ru": "согласие на сбор и обработку сведений, составляющих охраняемую законом тайну",
                          "en": "consent to collect and process data protected by law"},
        "publication": {"kk": "деректерді «Отбасы банк» АҚ интернет-ресурсында жариялауға келісім",
                        "ru": "согласие на публикацию данных на интернет-ресурсе АО «Отбасы банк»",
                        "en": "consent to publish the data on the Otbasy bank website"},
        "no_category_ack": {"kk": "санат туралы мәліметтер болмаса, санатсыз есепке қоюға келісім",
                            "ru": "согласие на постановку на учёт без категории при отсутствии сведений о ней",
                            "en": "agreement to be registered without a category if no data confirm it"},
    },
}
_NOW = {"kk": "қазірге дейін", "ru": "настоящее время", "en": "now"}

# code or "code:variant" -> {locale: text}
TEXTS: dict[str, dict[str, str]] = {
    # --- checks (what passed)
    "ADULT_CITIZEN": {
        "kk": "Өтініш беруші — Қазақстан Республикасының кәмелетке толған азаматы немесе қандас "
              "(Қағидалардың 7-тармағы).",
        "ru": "Заявитель — совершеннолетний гражданин Республики Казахстан или кандас (пункт 7 Правил).",
        "en": "The applicant is an adult citizen of Kazakhstan or a kandas (§7 of the Rules).",
    },
    "ADULT_CITIZEN:orphan_minor": {
        "kk": "Өтініш беруші — ата-анасының қамқорлығынсыз қалған кәмелетке толмаған бала: заңды өкілінің "
              "өтініші бойынша Қағидалардың 11-тармағына (Заңның 71-бабының 3-тармағы) сәйкес есепке қойылады.",
        "ru": "Заявитель — несовершеннолетний, оставшийся без попечения родителей: ставится на учёт по заявлению "
              "законного представителя согласно пункту 11 Правил (пункт 3 статьи 71 Закона).",
        "en": "The applicant is a minor left without parental care: registered on the legal representative's "
              "application under §11 of the Rules (Law art. 71 §3).",
    },
    "DATA_TRUE": {
        "kk": "Өтініш берушінің деректері мемлекеттік дерекқорлармен расталды: жеке басын куәландыратын "
              "№ {document} құжат жарамды.",
        "ru": "Данные заявителя подтверждены государственными базами данных: документ, удостоверяющий личность, "
              "№ {document} действителен.",
        "en": "The applicant's data are confirmed by the state databases: the identity document № {document} "
              "is valid.",
    },
    "CONSENTS": {
        "kk": "Өтініштің барлық төрт келісімі берілді (Қағидалардың 12-тармағы, 2-қосымша).",
        "ru": "Даны все четыре согласия заявления (пункт 12 Правил, приложение 2).",
        "en": "All four consents of the application are given (§12 of the Rules, Appendix 2).",
    },
    "NOT_IN_BASE": {
        "kk": "Өтініш беруші тұрғынжайға мұқтаждардың бірыңғай республикалық электрондық базасында тұрмайды "
              "(Қағидалардың 15-тармағының 1) тармақшасы).",
        "ru": "Заявитель не состоит в единой республиканской электронной базе нуждающихся в жилище "
              "(подпункт 1) пункта 15 Правил).",
        "en": "The applicant is not in the unified republican electronic base of those in need of housing "
              "(§15 1) of the Rules).",
    },
    "NO_HOUSING_5Y": {
        "kk": "Өтініш берушіде, жұбайында және кәмелетке толмаған балаларында соңғы бес жылда ({window_from} бастап) "
              "Қазақстан Республикасының аумағында меншік құқығында тұрғынжай болмаған "
              "(Қағидалардың 7-тармағының 1) тармақшасы).",
        "ru": "У заявителя, супруга (супруги) и несовершеннолетних детей не было жилища на праве собственности "
              "на территории Республики Казахстан за последние пять лет (с {window_from}; подпункт 1) пункта 7 Правил).",
        "en": "Neither the applicant nor the spouse or minor children have owned housing in Kazakhstan in the "
              "last 5 years (since {window_from}; §7 1) of the Rules).",
    },
    "NO_HOUSING_5Y:emergency": {
        "kk": "Апатты деп танылған жалғыз тұрғынжайдан басқа, өтініш берушіде, жұбайында және кәмелетке толмаған "
              "балаларында соңғы бес жылда ({window_from} бастап) Қазақстан Республикасында меншік құқығында "
              "тұрғынжай болмаған.",
        "ru": "Кроме единственного жилища, признанного аварийным, у заявителя, супруга (супруги) и несовершеннолетних "
              "детей не было жилища на праве собственности в Республике Казахстан за последние пять лет "
              "(с {window_from}).",
        "en": "Apart from the only home declared emergency, neither the applicant nor the spouse or minor children "
              "have owned housing in Kazakhstan in the last 5 years (since {window_from}).",
    },
    "EMERGENCY_HOUSING": {
        "kk": "Жалғыз тұрғынжай апатты деп танылған: {address}, {emergency_locality}, {declared_on} № {number} шешім "
              "(Қағидалардың 7-тармағының 2) тармақшасы). Өтінішті маман сарапшының техникалық қорытындысын "
              "ескере отырып 3 жұмыс күні ішінде қарайды.",
        "ru": "Единственное жилище признано аварийным: {address}, {emergency_locality}, решение № {number} "
              "от {declared_on} (подпункт 2) пункта 7 Правил). Заявление рассматривает специалист в течение "
              "3 рабочих дней с учётом технического заключения эксперта.",
        "en": "The only home is declared emergency: {address}, {emergency_locality}, declaration № {number} of "
              "{declared_on} (§7 2) of the Rules). A queue officer reviews the application within 3 working days "
              "with the expert's technical conclusion.",
    },
    "EMERGENCY_CONCLUSION": {
        "kk": "Аттестатталған сарапшының техникалық қорытындысы қоса берілді (Қағидалардың 13-тармағы).",
        "ru": "Приложено техническое заключение аттестованного эксперта (пункт 13 Правил).",
        "en": "The technical conclusion of a certified expert is attached (§13 of the Rules).",
    },
    "EMERGENCY_SAME_SETTLEMENT": {
        "kk": "Апатты тұрғынжай өтініш берілген елді мекенде орналасқан: {locality}.",
        "ru": "Аварийное жилище находится в том населённом пункте, где подано заявление: {locality}.",
        "en": "The home declared emergency is in the settlement where the application is filed: {locality}.",
    },
    "OWNED_IN_SETTLEMENT": {
        "kk": "Мемлекеттік мекеменің тұрғын үй қоры бойынша: {locality} елді мекенінде меншік құқығында "
              "тұрғынжай жоқ (Қағидалардың 15-тармағының 3) тармақшасы).",
        "ru": "Для жилищного фонда государственного учреждения: жилища на праве собственности в населённом пункте "
              "{locality} нет (подпункт 3) пункта 15 Правил).",
        "en": "For the housing fund of a state institution: no owned housing in {locality} (§15 3) of the Rules).",
    },
    "OWNED_IN_KAZAKHSTAN": {
        "kk": "Мемлекеттік кәсіпорынның тұрғын үй қоры бойынша: Қазақстан Республикасында меншік құқығында "
              "тұрғынжай жоқ (Қағидалардың 15-тармағының 4) тармақшасы).",
        "ru": "Для жилищного фонда государственного предприятия: жилища на праве собственности в Республике "
              "Казахстан нет (подпункт 4) пункта 15 Правил).",
        "en": "For the housing fund of a state enterprise: no owned housing in Kazakhstan (§15 4) of the Rules).",
    },
    "RESIDENCE_3Y": {
        "kk": "Тұрғылықты жері бойынша тіркеу: {locality}, {registered_since} бастап — соңғы үш жылда үздіксіз "
              "(Қағидалардың 6-тармағы).",
        "ru": "Регистрация по месту жительства: {locality}, с {registered_since} — непрерывно за последние три года "
              "(пункт 6 Правил).",
        "en": "Residence registration: {locality}, since {registered_since} — continuous for the last 3 years "
              "(§6 of the Rules).",
    },
    "RESIDENCE_3Y:orphan": {
        "kk": "Үш жыл тіркеу талабы ({locality}) қолданылмайды: өтініш беруші — кәмелетке толғанға дейін "
              "ата-анасынан айырылған, жиырма тоғыз жасқа толмаған жетім бала немесе ата-анасының қамқорлығынсыз "
              "қалған бала (жасы: {age}; Қағидалардың 6-тармағы).",
        "ru": "Требование о регистрации за последние три года ({locality}) не применяется: заявитель — ребёнок-сирота "
              "или ребёнок, оставшийся без попечения родителей, не достигший двадцати девяти лет (возраст: {age}; "
              "пункт 6 Правил).",
        "en": "The 3-year registration rule ({locality}) does not apply: the applicant is an orphan or was left "
              "without parental care before adulthood and is under 29 (aged {age}; §6 of the Rules).",
    },
    "RESIDENCE_3Y:not_applicable": {
        "kk": "{locality} республикалық маңызы бар қала немесе астана емес: үш жыл тіркеу талабы қолданылмайды.",
        "ru": "{locality} — не город республиканского значения и не столица: требование о трёхлетней регистрации "
              "не применяется.",
        "en": "{locality} is neither a city of republican significance nor the capital: the 3-year registration "
              "rule does not apply.",
    },
    "NO_STATE_HOUSING": {
        "kk": "Өтініш беруші мемлекеттік тұрғын үй қорынан тұрғынжайды немесе жергілікті атқарушы орган жалдаған "
              "тұрғынжайды пайдаланбайды (Қағидалардың 15-тармағының 5) тармақшасы).",
        "ru": "Заявитель не пользуется жилищем из государственного жилищного фонда или жилищем, арендованным местным "
              "исполнительным органом (подпункт 5) пункта 15 Правил).",
        "en": "The applicant does not use housing of the state fund or housing rented by the akimat "
              "(§15 5) of the Rules).",
    },
    "NOT_PRIVATIZED": {
        "kk": "Өтініш беруші бұрын мемлекеттік тұрғын үй қорынан тұрғынжай алып, оны жекешелендірмеген "
              "(Қағидалардың 15-тармағының 7) тармақшасы).",
        "ru": "Заявитель ранее не получал и не приватизировал жилище из государственного жилищного фонда "
              "(подпункт 7) пункта 15 Правил).",
        "en": "The applicant has not received and privatized housing of the state fund (§15 7) of the Rules).",
    },
    "NO_STATE_MORTGAGE": {
        "kk": "Өтініш беруші мемлекеттік бағдарламалар шеңберіндегі ипотекалық тұрғын үй қарызымен тұрғынжай "
              "сатып алмаған (Қағидалардың 15-тармағының 9) тармақшасы).",
        "ru": "Заявитель не приобретал жилище с использованием ипотечного жилищного займа в рамках государственных "
              "программ (подпункт 9) пункта 15 Правил).",
        "en": "The applicant has not bought housing with a mortgage loan of a state programme (§15 9) of the Rules).",
    },
    "NO_DELIBERATE_WORSENING": {
        "kk": "Соңғы бес жылда ({window_from} бастап) тұрғын үй жағдайын әдейі нашарлату анықталған жоқ "
              "(мемлекеттік көрсетілетін қызмет стандарты, бас тарту негіздерінің 3-тармағы).",
        "ru": "Намеренного ухудшения жилищных условий за последние пять лет (с {window_from}) не выявлено "
              "(стандарт государственной услуги, пункт 3 оснований для отказа).",
        "en": "No deliberate worsening of housing conditions in the last 5 years (since {window_from}; service "
              "standard, refusal ground 3).",
    },
    "CATEGORIES": {
        "kk": "Әлеуметтік санат таңдалмады: жалпы тізім.",
        "ru": "Социальная категория не выбрана: общий список.",
        "en": "No social category chosen: the general list.",
    },
    "CATEGORIES:confirmed": {
        "kk": "Мемлекеттік дерекқорлар растаған санаттар: {confirmed} — әлеуметтік осал топтардың тізімі "
              "(Заңның 74-бабының 1-тармағы).",
        "ru": "Категории, подтверждённые государственными базами данных: {confirmed} — список социально уязвимых "
              "слоёв населения (пункт 1 статьи 74 Закона).",
        "en": "Categories confirmed by the state databases: {confirmed} — the list of the socially vulnerable "
              "(Law art. 74 §1).",
    },
    "CATEGORIES:unconfirmed": {
        "kk": "Дерекқорларда мәліметтер жоқ санаттар: {unconfirmed} — өтініш беруші санатсыз, жалпы тізімге "
              "қойылады; бұл бас тарту негізі емес (Қағидалардың 10-тармағы). Түзету үшін тиісті уәкілетті "
              "мемлекеттік органға жүгінуге болады (9-тармақ).",
        "ru": "Нет сведений в базах данных о категориях: {unconfirmed} — заявитель ставится на учёт без категории, "
              "в общий список; это не основание для отказа (пункт 10 Правил). Для исправления можно обратиться "
              "в уполномоченный государственный орган (пункт 9).",
        "en": "No data in the databases for: {unconfirmed} — the applicant is queued without a category, on the "
              "general list; this is not a ground for refusal (§10 of the Rules). The data can be corrected at the "
              "competent state body (§9).",
    },
    "CATEGORIES:partial": {
        "kk": "Расталған санаттар: {confirmed} — әлеуметтік осал топтардың тізімі (Заңның 74-бабының 1-тармағы). "
              "Мәліметтері жоқ санаттар ескерілмейді: {unconfirmed} (Қағидалардың 9, 10-тармақтары).",
        "ru": "Подтверждённые категории: {confirmed} — список социально уязвимых слоёв населения (пункт 1 статьи 74 "
              "Закона). Категории без сведений не учитываются: {unconfirmed} (пункты 9, 10 Правил).",
        "en": "Confirmed categories: {confirmed} — the list of the socially vulnerable (Law art. 74 §1). Categories "
              "without data are not counted: {unconfirmed} (§§9–10 of the Rules).",
    },
    # --- reasons (why it failed)
    "NOT_CITIZEN": {
        "kk": "Есепке тек Қазақстан Республикасының азаматтары мен қандастар қойылады (Қағидалардың 7-тармағы); "
              "мемлекеттік дерекқорлар бойынша өтініш беруші шетел азаматы немесе азаматтығы жоқ адам.",
        "ru": "На учёт ставятся только граждане Республики Казахстан и кандасы (пункт 7 Правил); по данным "
              "государственных баз заявитель — иностранец или лицо без гражданства.",
        "en": "Only citizens of Kazakhstan and kandas are registered (§7 of the Rules); the state databases record "
              "the applicant as a foreigner or a stateless person.",
    },
    "NOT_ADULT": {
        "kk": "Есепке кәмелетке толған адамдар қойылады (Қағидалардың 7-тармағы): өтініш берушінің жасы — {age} "
              "(туған күні {birth_date}). Кәмелетке толмаған бала тек жетім бала немесе ата-анасының "
              "қамқорлығынсыз қалған бала ретінде есепке қойылады (11-тармақ).",
        "ru": "На учёт ставятся совершеннолетние (пункт 7 Правил): возраст заявителя — {age} (дата рождения "
              "{birth_date}). Несовершеннолетний ставится на учёт только как ребёнок-сирота или ребёнок, оставшийся "
              "без попечения родителей (пункт 11).",
        "en": "Only adults are registered (§7 of the Rules): the applicant is {age} (born {birth_date}). A minor is "
              "registered only as an orphan or a child left without parental care (§11).",
    },
    "FALSE_DATA": {
        "kk": "Ұсынылған құжаттарда және (немесе) мәліметтерде анық емес деректер анықталды (Қағидалардың "
              "15-тармағының 6) тармақшасы): жеке басын куәландыратын № {document} құжат мемлекеттік дерекқорда "
              "жарамсыз деп көрсетілген.",
        "ru": "В представленных документах и (или) сведениях выявлены недостоверные данные (подпункт 6) пункта 15 "
              "Правил): документ, удостоверяющий личность, № {document} значится в государственной базе "
              "недействительным.",
        "en": "The application holds untrue data (§15 6) of the Rules): the identity document № {document} is "
              "recorded as invalid in the state database.",
    },
    "NO_CONSENT": {
        "kk": "Міндетті келісімдер берілмеді: {missing} (Қағидалардың 12-тармағы; «Дербес деректер және оларды "
              "қорғау туралы» Заңның 8-бабы).",
        "ru": "Не даны обязательные согласия: {missing} (пункт 12 Правил; статья 8 Закона «О персональных данных "
              "и их защите»).",
        "en": "Required consents are missing: {missing} (§12 of the Rules; Law on Personal Data art. 8).",
    },
    "ALREADY_IN_BASE": {
        "kk": "Өтініш беруші бірыңғай республикалық электрондық базада тұр: {base_locality}, {since} бастап "
              "(Қағидалардың 15-тармағының 1) тармақшасы).",
        "ru": "Заявитель уже состоит в единой республиканской электронной базе: {base_locality}, с {since} "
              "(подпункт 1) пункта 15 Правил).",
        "en": "The applicant is already in the unified republican electronic base: {base_locality}, since {since} "
              "(§15 1) of the Rules).",
    },
    "OWNED_HOUSING_5Y": {
        "kk": "Соңғы бес жылда ({window_from} бастап) меншік құқығында тұрғынжай болған — {owner}: {kind}, "
              "{property_locality}, {address}, меншікте {acquired_on} – {disposed_on} "
              "(Қағидалардың 15-тармағының 2) тармақшасы).",
        "ru": "За последние пять лет (с {window_from}) было жилище на праве собственности — {owner}: {kind}, "
              "{property_locality}, {address}, в собственности с {acquired_on} по {disposed_on} "
              "(подпункт 2) пункта 15 Правил).",
        "en": "Housing owned in the last 5 years (since {window_from}) — {owner}: {kind}, {property_locality}, "
              "{address}, owned from {acquired_on} to {disposed_on} (§15 2) of the Rules).",
    },
    "EMERGENCY_NOT_CONFIRMED": {
        "kk": "Мемлекеттік дерекқорларда өтініш берушінің жалғыз тұрғынжайы апатты деп танылғаны туралы "
              "мәліметтер жоқ (Қағидалардың 7-тармағының 2) тармақшасы).",
        "ru": "В государственных базах данных нет сведений о признании единственного жилища заявителя аварийным "
              "(подпункт 2) пункта 7 Правил).",
        "en": "The state databases hold no declaration that the applicant's only home is in emergency condition "
              "(§7 2) of the Rules).",
    },
    "TECHNICAL_CONCLUSION_MISSING": {
        "kk": "Тұрғынжай апатты деп танылған жағдайда сәулет, қала құрылысы және құрылыс қызметі саласындағы "
              "аттестатталған сарапшының техникалық қорытындысының электрондық көшірмесі қажет "
              "(Қағидалардың 13-тармағы, стандарттың 8-тармағы).",
        "ru": "При признании жилища аварийным требуется электронная копия технического заключения аттестованного "
              "эксперта в сфере архитектуры, градостроительства и строительства (пункт 13 Правил, пункт 8 стандарта).",
        "en": "On the emergency path the electronic copy of a certified expert's technical conclusion (architecture, "
              "urban planning and construction) is required (§13 of the Rules, item 8 of the standard).",
    },
    "EMERGENCY_OTHER_SETTLEMENT": {
        "kk": "Апатты деп танылған жалғыз тұрғынжай ({address}) өтініш берілген елді мекеннен ({locality}) басқа "
              "елді мекенде орналасқан: {emergency_locality} (Қағидалардың 15-тармағының 8) тармақшасы).",
        "ru": "Единственное жилище, признанное аварийным ({address}), находится в другом населённом пункте "
              "({emergency_locality}), а не там, где подано заявление ({locality}) (подпункт 8) пункта 15 Правил).",
        "en": "The only home declared emergency ({address}) is in another settlement ({emergency_locality}) than "
              "the one the application is filed in ({locality}) (§15 8) of the Rules).",
    },
    "OWNED_HOUSING_IN_SETTLEMENT": {
        "kk": "Мемлекеттік мекеменің тұрғын үй қорынан есепке қою кезінде өтініш берушінің осы елді мекенде "
              "({locality}) меншік құқығында тұрғынжайы бар: {address} (Қағидалардың 15-тармағының 3) тармақшасы).",
        "ru": "При постановке на учёт из жилищного фонда государственного учреждения у заявителя есть жилище на праве "
              "собственности в этом населённом пункте ({locality}): {address} (подпункт 3) пункта 15 Правил).",
        "en": "For the housing fund of a state institution: the applicant owns housing in this settlement "
              "({locality}): {address} (§15 3) of the Rules).",
    },
    "OWNED_HOUSING_IN_KAZAKHSTAN": {
        "kk": "Мемлекеттік кәсіпорынның тұрғын үй қорынан есепке қою кезінде өтініш берушінің Қазақстан "
              "Республикасында меншік құқығында тұрғынжайы бар: {address}, {property_locality} "
              "(Қағидалардың 15-тармағының 4) тармақшасы).",
        "ru": "При постановке на учёт из жилищного фонда государственного предприятия у заявителя есть жилище на "
              "праве собственности в Республике Казахстан: {address}, {property_locality} (подпункт 4) пункта 15 Правил).",
        "en": "For the housing fund of a state enterprise: the applicant owns housing in Kazakhstan: {address}, "
              "{property_locality} (§15 4) of the Rules).",
    },
    "RESIDENCE_LESS_THAN_3Y": {
        "kk": "Республикалық маңызы бар қалаларда және астанада ({locality}) соңғы үш жылда тұрғылықты жері "
              "бойынша тіркеу талап етіледі ({required_since} бастап); өтініш беруші онда тек {registered_since} "
              "бастап үздіксіз тіркелген (Қағидалардың 6-тармағы).",
        "ru": "В городах республиканского значения и столице ({locality}) требуется регистрация по месту жительства "
              "за последние три года (с {required_since}); заявитель зарегистрирован там непрерывно только "
              "с {registered_since} (пункт 6 Правил).",
        "en": "In the cities of republican significance and the capital ({locality}) residence registration for the "
              "last 3 years is required (since {required_since}); the applicant is registered there continuously only "
              "since {registered_since} (§6 of the Rules).",
    },
    "RESIDENCE_LESS_THAN_3Y:none": {
        "kk": "Республикалық маңызы бар қалаларда және астанада ({locality}) соңғы үш жылда тұрғылықты жері "
              "бойынша тіркеу талап етіледі ({required_since} бастап); өтініш беруші онда тіркелмеген "
              "(Қағидалардың 6-тармағы).",
        "ru": "В городах республиканского значения и столице ({locality}) требуется регистрация по месту жительства "
              "за последние три года (с {required_since}); заявитель там не зарегистрирован (пункт 6 Правил).",
        "en": "In the cities of republican significance and the capital ({locality}) residence registration for the "
              "last 3 years is required (since {required_since}); the applicant is not registered there (§6 of the Rules).",
    },
    "RESIDENCE_LESS_THAN_3Y:orphan_too_old": {
        "kk": "Республикалық маңызы бар қалаларда және астанада ({locality}) соңғы үш жылда тұрғылықты жері "
              "бойынша тіркеу талап етіледі ({required_since} бастап); өтініш беруші онда тек {registered_since} "
              "бастап тіркелген. Жетім балаларға арналған ерекшелік жиырма тоғыз жасқа дейін ғана қолданылады "
              "(өтініш берушінің жасы: {age}; Қағидалардың 6-тармағы).",
        "ru": "В городах республиканского значения и столице ({locality}) требуется регистрация по месту жительства "
              "за последние три года (с {required_since}); заявитель зарегистрирован там только с {registered_since}. "
              "Исключение для детей-сирот действует лишь до двадцати девяти лет (возраст заявителя: {age}; "
              "пункт 6 Правил).",
        "en": "In the cities of republican significance and the capital ({locality}) residence registration for the "
              "last 3 years is required (since {required_since}); the applicant is registered there only since "
              "{registered_since}. The exception for orphans holds only under 29 (the applicant is {age}; §6 of the Rules).",
    },
    "STATE_HOUSING": {
        "kk": "Өтініш беруші пайдаланады: {tenancy_kind} — {address}, {tenancy_locality}, {tenancy_from} бастап "
              "(Қағидалардың 15-тармағының 5) тармақшасы).",
        "ru": "Заявитель пользуется: {tenancy_kind} — {address}, {tenancy_locality}, с {tenancy_from} "
              "(подпункт 5) пункта 15 Правил).",
        "en": "The applicant uses {tenancy_kind}: {address}, {tenancy_locality}, since {tenancy_from} "
              "(§15 5) of the Rules).",
    },
    "PRIVATIZED_STATE_HOUSING": {
        "kk": "Өтініш беруші бұрын мемлекеттік тұрғын үй қорынан тұрғынжай алып, оны жекешелендірген: {address}, "
              "{privatized_locality}, {privatized_on} (Қағидалардың 15-тармағының 7) тармақшасы).",
        "ru": "Заявитель ранее получил и приватизировал жилище из государственного жилищного фонда: {address}, "
              "{privatized_locality}, {privatized_on} (подпункт 7) пункта 15 Правил).",
        "en": "The applicant received and privatized housing of the state fund: {address}, {privatized_locality}, "
              "on {privatized_on} (§15 7) of the Rules).",
    },
    "STATE_MORTGAGE": {
        "kk": "Өтініш беруші «{programme}» мемлекеттік бағдарламасы шеңберінде ипотекалық тұрғын үй қарызын "
              "пайдаланып тұрғынжай сатып алған: {address}, {property_locality}, {acquired_on} "
              "(Қағидалардың 15-тармағының 9) тармақшасы).",
        "ru": "Заявитель приобрёл жилище с использованием ипотечного жилищного займа в рамках государственной "
              "программы «{programme}»: {address}, {property_locality}, {acquired_on} (подпункт 9) пункта 15 Правил).",
        "en": "The applicant bought housing with a mortgage loan of the state programme «{programme}»: {address}, "
              "{property_locality}, on {acquired_on} (§15 9) of the Rules).",
    },
    "DELIBERATE_WORSENING": {
        "kk": "Соңғы бес жылда ({window_from} бастап) тұрғын үй жағдайы әдейі нашарлатылған: {act} — {address}, "
              "{act_locality}, {act_on} (мемлекеттік көрсетілетін қызмет стандарты, бас тарту негіздерінің 3-тармағы).",
        "ru": "За последние пять лет (с {window_from}) жилищные условия намеренно ухудшены: {act} — {address}, "
              "{act_locality}, {act_on} (стандарт государственной услуги, пункт 3 оснований для отказа).",
        "en": "Housing conditions were deliberately worsened in the last 5 years (since {window_from}): {act} — "
              "{address}, {act_locality}, on {act_on} (service standard, refusal ground 3).",
    },
    "REQUIREMENTS_NOT_MET": {
        "kk": "Өтініш беруші және (немесе) ұсынылған материалдар, деректер мен мәліметтер Қағидаларда белгіленген "
              "талаптарға сәйкес келмейді (стандарттың бас тарту негіздерінің 2-тармағы).",
        "ru": "Заявитель и (или) представленные материалы, данные и сведения не соответствуют требованиям, "
              "установленным Правилами (стандарт, пункт 2 оснований для отказа).",
        "en": "The applicant and/or the materials, data and information provided do not meet the requirements of "
              "the Rules (service standard, refusal ground 2).",
    },
    "NOT_APPLICABLE": {
        "kk": "Бұл тексеру осы өтінішке қолданылмайды.",
        "ru": "Эта проверка к данному заявлению не применяется.",
        "en": "This check does not apply to this application.",
    },
}

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LOCALITY_KEYS = ("locality",)  # any key ending so is a locality code


class _Filled(dict):
    def __missing__(self, key: str) -> str:
        return "—"


def _show(key: str, value: Any, locale: str) -> str:
    if value is None or value == "":
        return _NOW[locale] if key == "disposed_on" else "—"
    if isinstance(value, (list, tuple)):
        return "; ".join(_show(key, v, locale) for v in value) or "—"
    if isinstance(value, dt.date):
        value = value.isoformat()
    if key in ("confirmed", "unconfirmed", "categories"):
        return category_name(str(value), locale)
    if key == "missing":
        return _WORDS["consent"].get(str(value), {}).get(locale, str(value))
    if key in _WORDS:
        return _WORDS[key].get(str(value), {}).get(locale, str(value))
    if key.endswith(_LOCALITY_KEYS):
        return locality_name(str(value), locale)
    if isinstance(value, str) and _ISO_DATE.match(value) and locale != "en":
        return f"{value[8:10]}.{value[5:7]}.{value[0:4]}"
    return str(value)


def _nested(value: Any) -> bool:
    return isinstance(value, dict) or (isinstance(value, (list, tuple)) and any(isinstance(v, dict) for v in value))


def has_text(code: str) -> bool:
    return code in TEXTS


def explain(code: str, locale: str, **detail: Any) -> str:
    """The text of a check or reason code in kk/ru/en, filled with the check's detail."""
    locale = locale if locale in LOCALES else "ru"
    variant = detail.get("variant")
    texts = TEXTS.get(f"{code}:{variant}") if variant else None
    texts = texts or TEXTS.get(code)
    if texts is None:
        return code
    values = _Filled({k: _show(k, v, locale) for k, v in detail.items() if not _nested(v)})
    return string.Formatter().vformat(texts[locale], (), values)


def explain_check(result: Mapping[str, Any] | Any, locale: str) -> str:
    """A check's explanation: its reason's text when it failed, what passed otherwise."""
    get = result.get if isinstance(result, Mapping) else lambda k: getattr(result, k)
    detail = dict(get("detail") or {})
    if not get("applies"):
        if detail.get("variant") and f"{get('code')}:{detail['variant']}" in TEXTS:
            return explain(get("code"), locale, **detail)
        return explain("NOT_APPLICABLE", locale)
    if not get("passed") and get("reason"):
        return explain(get("reason"), locale, **detail)
    return explain(get("code"), locale, **detail)
