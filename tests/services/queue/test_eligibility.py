"""Eligibility (order No. 130 §§6–11, 15, the service standard): every persona of the demo registry
decided right with its reason codes, the exceptions, and the day-exact 5-year, 3-year and age-29
boundaries. Pure functions: no clock, `today` is given."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from backend.adapters.registries import (
    BaseMembership,
    Citizenship,
    Disposal,
    EmergencyDeclaration,
    IdentityDocument,
    PersonRecord,
    Property,
    Registration,
    RegistryFacts,
    Tenancy,
    TenancyKind,
)
from backend.adapters.registry_personas import BY_NUMBER, PERSONAS, Persona, birth_date_of
from backend.models.queue import QueueList
from backend.services.queue import catalog, eligibility
from backend.services.queue.eligibility import Claim, assess

D = dt.date
TODAY = D(2026, 12, 3)
ALL_CONSENTS = frozenset(catalog.CONSENT_CODES)


def claim_of(p: Persona, **changes) -> Claim:
    base = Claim(p.locality, p.emergency, p.categories, ALL_CONSENTS, True if p.emergency else None, p.representation)
    return dataclasses.replace(base, **changes)


def outcome(a: eligibility.Assessment) -> str:
    if not a.eligible:
        return "refused"
    return "emergency" if a.path == "emergency" else "registered"


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda p: f"{p.number}-{p.iin}")
@pytest.mark.parametrize("today", [D(2026, 12, 3), D(2027, 6, 1)])
def test_every_persona_is_decided_as_the_table_says(persona: Persona, today: dt.date):
    a = assess(persona.facts, claim_of(persona), today)
    assert (outcome(a), tuple(a.reasons), a.list_kind.value) == (persona.expected, persona.reasons, persona.list_kind)
    failed = [c for c in a.checks if c.applies and not c.passed]
    assert [c.reason for c in failed] == list(persona.reasons)


def test_the_personas_cover_every_reason_of_an_automatic_check_and_every_exception():
    seen = {r for p in PERSONAS for r in p.reasons}
    automatic = set(eligibility.REASON_CODES) - set(eligibility.OFFICER_REASONS)
    # Shown with changed claims below: a missing consent or conclusion, an unconfirmed emergency,
    # and the two §15 3)–4) funds a claim names explicitly.
    by_claim = {"NO_CONSENT", "TECHNICAL_CONCLUSION_MISSING", "EMERGENCY_NOT_CONFIRMED",
                "OWNED_HOUSING_IN_SETTLEMENT", "OWNED_HOUSING_IN_KAZAKHSTAN"}
    assert automatic - by_claim <= seen
    assert {p.number for p in PERSONAS if p.expected == "emergency"} == {"11"}
    assert BY_NUMBER["04"].facts.orphan and BY_NUMBER["21"].facts.orphan


def test_personas_have_valid_iins_that_encode_their_birth_dates():
    from backend.auth.identifiers import IdentifierKind, classify_iin_bin

    assert len({p.iin for p in PERSONAS}) == len(PERSONAS)
    for p in PERSONAS:
        assert classify_iin_bin(p.iin) is IdentifierKind.PERSON
        assert p.facts.person.birth_date == birth_date_of(p.iin)
        assert p.facts.person.iin == p.iin
        # Filing takes the locality from the current registration address, so each persona applies where it lives.
        assert p.facts.person.address.locality == p.locality


def test_every_check_is_reported_once_in_a_stable_order():
    a = assess(BY_NUMBER["01"].facts, claim_of(BY_NUMBER["01"]), TODAY)
    assert [c.code for c in a.checks] == list(eligibility.CHECK_CODES)
    assert a.as_json()[0] == {"code": "ADULT_CITIZEN", "passed": True, "applies": True, "reason": None,
                              "detail": {"citizenship": "citizen", "age": 34, "birth_date": "1992-03-14"}}


# --- consents, emergency claims, funds


def test_a_missing_consent_is_a_refusal_naming_it_but_the_check_before_applying_does_not_ask():
    p = BY_NUMBER["01"]
    a = assess(p.facts, claim_of(p, consents=frozenset({"property_check", "publication", "no_category_ack"})), TODAY)
    assert a.reasons == ["NO_CONSENT"]
    assert a.detail_for("NO_CONSENT")["missing"] == ["personal_data"]
    assert "охраняемую законом тайну" in catalog.explain("NO_CONSENT", "ru", **a.detail_for("NO_CONSENT"))
    before = assess(p.facts, claim_of(p, consents=None), TODAY)
    assert before.eligible and not before.check("CONSENTS").applies


def test_consents_may_come_as_enum_values_in_any_case():
    p = BY_NUMBER["01"]
    a = assess(p.facts, claim_of(p, consents=frozenset(c.upper() for c in catalog.CONSENT_CODES)), TODAY)
    assert a.eligible


def test_emergency_claimed_without_a_registry_declaration_is_not_confirmed():
    p = BY_NUMBER["01"]
    a = assess(p.facts, claim_of(p, emergency=True, has_technical_conclusion=True), TODAY)
    assert (a.reasons, a.path) == (["EMERGENCY_NOT_CONFIRMED"], "auto")


def test_emergency_path_needs_the_technical_conclusion_once_filed():
    p = BY_NUMBER["11"]
    assert assess(p.facts, claim_of(p, has_technical_conclusion=False), TODAY).reasons == ["TECHNICAL_CONCLUSION_MISSING"]
    before = assess(p.facts, claim_of(p, has_technical_conclusion=None), TODAY)
    assert before.eligible and before.path == "emergency"
    assert not before.check("EMERGENCY_CONCLUSION").applies


def test_the_emergency_home_without_the_claim_is_owned_housing():
    p = BY_NUMBER["11"]
    a = assess(p.facts, claim_of(p, emergency=False, has_technical_conclusion=None), TODAY)
    assert (a.reasons, a.path) == (["OWNED_HOUSING_5Y"], "auto")


def test_emergency_path_still_refuses_other_housing_owned_in_the_five_years():
    p = BY_NUMBER["11"]
    other = Property(p.iin, "flat", "kyzylorda", "Қызылорда қ., Әйтеке би көшесі, 1", D(2020, 1, 1), D(2024, 1, 1),
                     Disposal.SALE)
    facts = dataclasses.replace(p.facts, properties=p.facts.properties + (other,))
    a = assess(facts, claim_of(p), TODAY)
    assert a.reasons == ["OWNED_HOUSING_5Y", "DELIBERATE_WORSENING"]
    assert a.detail_for("OWNED_HOUSING_5Y")["address"] == other.address


def test_emergency_home_in_another_settlement_is_refused_even_without_the_claim():
    p = BY_NUMBER["12"]
    a = assess(p.facts, claim_of(p, emergency=False, has_technical_conclusion=None), TODAY)
    assert a.reasons == ["OWNED_HOUSING_5Y", "EMERGENCY_OTHER_SETTLEMENT"]
    d = a.detail_for("EMERGENCY_OTHER_SETTLEMENT")
    assert (d["locality"], d["emergency_locality"]) == ("shymkent", "turkistan")


def test_the_state_institution_and_enterprise_funds_of_section_15():
    owner = BY_NUMBER["06"]
    institution = assess(owner.facts, claim_of(owner, fund="state_institution"), TODAY)
    assert institution.reasons == ["OWNED_HOUSING_5Y", "OWNED_HOUSING_IN_SETTLEMENT"]
    elsewhere = assess(owner.facts, claim_of(owner, locality="karaganda", fund="state_institution"), TODAY)
    assert "OWNED_HOUSING_IN_SETTLEMENT" not in elsewhere.reasons
    enterprise = assess(owner.facts, claim_of(owner, locality="karaganda", fund="state_enterprise"), TODAY)
    assert enterprise.reasons == ["OWNED_HOUSING_5Y", "OWNED_HOUSING_IN_KAZAKHSTAN"]
    assert not assess(owner.facts, claim_of(owner), TODAY).check("OWNED_IN_KAZAKHSTAN").applies


# --- the 5-year window, day exact


def _seller(disposed_on: dt.date, disposal: Disposal = Disposal.DEMOLITION) -> RegistryFacts:
    p = BY_NUMBER["08"]
    flat = dataclasses.replace(p.facts.properties[0], disposed_on=disposed_on, disposal=disposal)
    return dataclasses.replace(p.facts, properties=(flat,))


@pytest.mark.parametrize(
    "disposed_on,today,eligible",
    [
        (D(2021, 12, 3), D(2026, 12, 3), True),   # let go exactly 5 years ago: not owned on any day of the window
        (D(2021, 12, 4), D(2026, 12, 3), False),  # one day later: owned on the window's first day
        (D(2020, 9, 1), D(2025, 9, 1), True),     # persona 08 on the day the 5 years are over
        (D(2020, 9, 1), D(2025, 8, 31), False),   # ... and the day before
        (D(2023, 2, 28), D(2028, 2, 29), True),   # seen on a leap day: the window starts 28 February
        (D(2023, 3, 1), D(2028, 2, 29), False),
    ],
)
def test_five_years_without_owned_housing_is_counted_to_the_day(disposed_on, today, eligible):
    a = assess(_seller(disposed_on), claim_of(BY_NUMBER["08"]), today)
    assert a.eligible is eligible
    assert a.reasons == ([] if eligible else ["OWNED_HOUSING_5Y"])


def test_persona_08_was_refused_before_the_five_years_were_over():
    p = BY_NUMBER["08"]
    a = assess(p.facts, claim_of(p), D(2025, 3, 1))
    assert a.reasons == ["OWNED_HOUSING_5Y", "DELIBERATE_WORSENING"]
    assert a.detail_for("OWNED_HOUSING_5Y")["disposed_on"] == "2020-09-01"
    assert catalog.explain("OWNED_HOUSING_5Y", "en", **a.detail_for("OWNED_HOUSING_5Y")) == (
        "Housing owned in the last 5 years (since 2020-03-01) — the applicant: flat, Karaganda, "
        "Қарағанды қ., Гоголь көшесі, 31, 40-пәтер, owned from 2008-05-05 to 2020-09-01 (§15 2) of the Rules)."
    )


def test_a_buyout_by_the_akimat_is_not_a_deliberate_worsening():
    a = assess(_seller(D(2024, 5, 5), Disposal.AKIMAT_BUYOUT), claim_of(BY_NUMBER["08"]), TODAY)
    assert a.reasons == ["OWNED_HOUSING_5Y"]


@pytest.mark.parametrize("disposal", [Disposal.GIFT, Disposal.EXCHANGE, Disposal.SALE, Disposal.DAMAGE_BY_OWNER])
def test_alienation_exchange_and_damage_in_the_five_years_are_deliberate_worsening(disposal):
    a = assess(_seller(D(2023, 9, 12), disposal), claim_of(BY_NUMBER["08"]), TODAY)
    assert "DELIBERATE_WORSENING" in a.reasons
    assert a.detail_for("DELIBERATE_WORSENING")["act"] == disposal.value


def test_the_gift_of_persona_09_is_explained_with_its_date_and_place():
    p = BY_NUMBER["09"]
    detail = assess(p.facts, claim_of(p), TODAY).detail_for("DELIBERATE_WORSENING")
    assert catalog.explain("DELIBERATE_WORSENING", "ru", **detail) == (
        "За последние пять лет (с 03.12.2021) жилищные условия намеренно ухудшены: отчуждение (дарение) "
        "принадлежавшего на праве собственности жилища — Қостанай қ., Баймағамбетов көшесі, 2, 17-пәтер, "
        "Костанай, 12.09.2023 (стандарт государственной услуги, пункт 3 оснований для отказа)."
    )


def test_moving_out_counts_only_inside_the_five_years():
    p = BY_NUMBER["10"]
    assert assess(p.facts, claim_of(p), D(2029, 2, 28)).reasons == ["DELIBERATE_WORSENING"]
    assert assess(p.facts, claim_of(p), D(2029, 3, 1)).eligible  # moved out on 2024-03-01: 5 years ago


def test_housing_of_a_minor_child_counts_and_of_an_adult_child_does_not():
    parent = BY_NUMBER["01"]
    child_flat = Property(BY_NUMBER["23"].iin, "share", "karaganda", "Қарағанды қ., Шахтёров даңғылы, 8", D(2020, 5, 5))
    facts = dataclasses.replace(parent.facts, properties=(child_flat,))
    refused = assess(facts, claim_of(parent), TODAY)
    assert refused.reasons == ["OWNED_HOUSING_5Y"] and refused.detail_for("OWNED_HOUSING_5Y")["owner"] == "child"
    # The daughter (born 2016-08-20) comes of age on 2034-08-20: from then on her housing is her own.
    assert assess(facts, claim_of(parent), D(2034, 8, 20)).eligible


# --- the 3-year registration of the republican cities, and the orphans' exception


def _resident(since: dt.date, locality: str = "almaty", orphan: bool = False, born: dt.date = D(1990, 1, 1)):
    p = BY_NUMBER["03"]
    person = dataclasses.replace(p.facts.person, birth_date=born,
                                 registrations=(Registration(locality, "Алматы қ., Абай даңғылы, 1", since),))
    return dataclasses.replace(p.facts, person=person, orphan=orphan)


@pytest.mark.parametrize(
    "since,today,eligible",
    [
        (D(2023, 12, 3), D(2026, 12, 3), True),   # exactly three years
        (D(2023, 12, 4), D(2026, 12, 3), False),  # a day short
        (D(2025, 10, 1), D(2028, 10, 1), True),   # persona 03 becomes eligible on this day
        (D(2025, 10, 1), D(2028, 9, 30), False),
    ],
)
def test_three_years_of_registration_in_a_republican_city_to_the_day(since, today, eligible):
    a = assess(_resident(since), Claim("almaty", consents=ALL_CONSENTS), today)
    assert a.reasons == ([] if eligible else ["RESIDENCE_LESS_THAN_3Y"])


def test_registration_periods_that_join_count_as_one_and_a_gap_breaks_them():
    p = BY_NUMBER["03"]
    joined = (Registration("almaty", "a", D(2020, 1, 1), D(2024, 5, 31)), Registration("almaty", "b", D(2024, 6, 1)))
    broken = (Registration("almaty", "a", D(2020, 1, 1), D(2024, 5, 30)), Registration("almaty", "b", D(2024, 6, 1)))
    for regs, reasons, since in ((joined, [], "2020-01-01"), (broken, ["RESIDENCE_LESS_THAN_3Y"], "2024-06-01")):
        facts = dataclasses.replace(p.facts, person=dataclasses.replace(p.facts.person, registrations=regs))
        a = assess(facts, Claim("almaty", consents=ALL_CONSENTS), TODAY)
        assert a.reasons == reasons
        assert a.check("RESIDENCE_3Y").detail["registered_since"] == since


def test_somebody_not_registered_in_the_city_at_all_is_told_so():
    a = assess(BY_NUMBER["01"].facts, Claim("astana", consents=ALL_CONSENTS), TODAY)
    assert a.reasons == ["RESIDENCE_LESS_THAN_3Y"]
    detail = a.detail_for("RESIDENCE_LESS_THAN_3Y")
    assert detail["variant"] == "none"
    assert catalog.explain("RESIDENCE_LESS_THAN_3Y", "kk", **detail).endswith(
        "(03.12.2023 бастап); өтініш беруші онда тіркелмеген (Қағидалардың 6-тармағы).")


def test_other_localities_have_no_three_year_rule():
    a = assess(_resident(D(2026, 11, 1), "karaganda"), Claim("karaganda", consents=ALL_CONSENTS), TODAY)
    assert a.eligible and not a.check("RESIDENCE_3Y").applies


@pytest.mark.parametrize(
    "today,eligible",
    [(D(2031, 5, 9), True), (D(2031, 5, 10), False)],  # born 2002-05-10: 29 on 2031-05-10
)
def test_the_orphans_exception_ends_on_the_29th_birthday(today, eligible):
    facts = _resident(today - dt.timedelta(days=200), "shymkent", orphan=True, born=D(2002, 5, 10))
    a = assess(facts, Claim("shymkent", consents=ALL_CONSENTS, categories=("orphan",)), today)
    assert a.reasons == ([] if eligible else ["RESIDENCE_LESS_THAN_3Y"])
    # The category itself ends with the exception: from 29 the orphan is on the general list.
    assert a.list_kind is (QueueList.VULNERABLE if eligible else QueueList.GENERAL)
    if not eligible:
        assert a.detail_for("RESIDENCE_LESS_THAN_3Y")["variant"] == "orphan_too_old"


# --- who may be registered


def test_adults_only_unless_left_without_parental_care():
    minor = BY_NUMBER["23"]
    a = assess(minor.facts, claim_of(minor), TODAY)
    assert a.reasons == ["NOT_ADULT"] and a.detail_for("NOT_ADULT")["age"] == 10
    ward = BY_NUMBER["21"]
    b = assess(ward.facts, claim_of(ward), TODAY)
    assert b.eligible and b.check("ADULT_CITIZEN").detail["variant"] == "orphan_minor"
    # The day she turns 18 the daughter may be registered herself.
    assert assess(minor.facts, claim_of(minor), D(2034, 8, 20)).eligible


def test_kandas_are_citizens_here_and_foreigners_are_not():
    assert assess(BY_NUMBER["28"].facts, claim_of(BY_NUMBER["28"]), TODAY).eligible
    foreigner = assess(BY_NUMBER["27"].facts, claim_of(BY_NUMBER["27"]), TODAY)
    assert foreigner.reasons[0] == "NOT_CITIZEN"


def test_an_invalid_identity_document_is_false_data():
    p = BY_NUMBER["01"]
    for status in ("invalid", "lost", "replaced"):
        document = dataclasses.replace(p.facts.person.document, status=status)
        facts = dataclasses.replace(p.facts, person=dataclasses.replace(p.facts.person, document=document))
        assert assess(facts, claim_of(p), TODAY).reasons == ["FALSE_DATA"]


def test_a_state_tenancy_that_ended_normally_is_no_refusal():
    p = BY_NUMBER["14"]
    ended = dataclasses.replace(p.facts.tenancies[0], tenancy_to=D(2025, 1, 31), ended_by="contract_expired")
    assert assess(dataclasses.replace(p.facts, tenancies=(ended,)), claim_of(p), TODAY).eligible


# --- categories (§§8–10)


def test_an_unconfirmed_category_is_no_refusal_and_queues_on_the_general_list():
    p = BY_NUMBER["01"]
    a = assess(p.facts, claim_of(p, categories=("large_family",)), TODAY)
    assert a.eligible and a.list_kind is QueueList.GENERAL
    check = a.check("CATEGORIES")
    assert check.detail == {"variant": "unconfirmed", "confirmed": [], "unconfirmed": ["large_family"]}
    assert "пункт 10 Правил" in catalog.explain_check(check, "ru")


def test_a_confirmed_category_beside_an_unconfirmed_one_makes_the_vulnerable_list():
    p = BY_NUMBER["19"]
    a = assess(p.facts, claim_of(p, categories=("disability_1_2", "large_family")), TODAY)
    assert a.list_kind is QueueList.VULNERABLE and a.confirmed_categories == ["disability_1_2"]
    assert a.check("CATEGORIES").detail["variant"] == "partial"


def test_a_registry_category_not_chosen_leaves_the_general_list():
    p = BY_NUMBER["19"]
    assert assess(p.facts, claim_of(p, categories=()), TODAY).list_kind is QueueList.GENERAL


# --- texts


_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


@pytest.mark.parametrize("code", sorted(set(eligibility.CHECK_CODES) | set(eligibility.REASON_CODES)))
def test_every_check_and_reason_has_a_text_in_every_language(code):
    for locale in catalog.LOCALES:
        assert catalog.TEXTS[code][locale].strip()
    assert {t.split(":")[0] for t in catalog.TEXTS} >= {code}


def test_variant_texts_name_the_same_placeholders_in_every_language():
    for key, texts in catalog.TEXTS.items():
        names = {locale: set(_PLACEHOLDER.findall(text)) for locale, text in texts.items()}
        assert names["kk"] == names["ru"] == names["en"], key


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda p: p.number)
def test_every_explanation_of_every_persona_is_filled(persona):
    a = assess(persona.facts, claim_of(persona), TODAY)
    for check in a.checks:
        for locale in catalog.LOCALES:
            text = catalog.explain_check(check, locale)
            assert text and "{" not in text and " — —" not in text, (check.code, locale, text)
            if check.reason:
                assert catalog.explain(check.reason, locale, **check.detail) == text


def test_explain_localizes_dates_localities_and_words():
    detail = {"tenancy_kind": "akimat_rented", "address": "Семей қ., Шәкәрім даңғылы, 33", "tenancy_locality": "oskemen",
              "tenancy_from": "2022-10-01"}
    assert catalog.explain("STATE_HOUSING", "ru", **detail) == (
        "Заявитель пользуется: жилище, арендованное местным исполнительным органом в частном жилищном фонде — "
        "Семей қ., Шәкәрім даңғылы, 33, Усть-Каменогорск, с 01.10.2022 (подпункт 5) пункта 15 Правил)."
    )
    assert "since 2022-10-01" in catalog.explain("STATE_HOUSING", "en", **detail)
    assert "Өскемен, 01.10.2022 бастап" in catalog.explain("STATE_HOUSING", "kk", **detail)
    assert catalog.explain("NO_SUCH_CODE", "kk") == "NO_SUCH_CODE"
    assert catalog.explain("ALREADY_IN_BASE", "de", base_locality="taraz", since="2019-03-11").startswith(
        "Заявитель уже состоит")


def test_catalog_localities_and_categories():
    assert {x.code for x in catalog.LOCALITIES if x.republican} == {"astana", "almaty", "shymkent"}
    assert len(catalog.LOCALITIES) == 20 and catalog.locality_name("oral", "ru") == "Уральск"
    assert all(c.kk and c.ru and c.en for c in catalog.CATEGORIES)
    assert {p.locality for p in PERSONAS} <= set(catalog.LOCALITY_BY_CODE)
    assert {c for p in PERSONAS for c in p.facts.categories} <= set(catalog.CATEGORY_BY_CODE)


def test_facts_built_by_hand_need_only_the_person():
    person = PersonRecord("920314301077", "A", "B", "", D(1992, 3, 14), Citizenship.CITIZEN,
                          IdentityDocument("id_card", "1", None, "МВД"), (Registration("taraz", "x", D(2000, 1, 1)),))
    a = assess(RegistryFacts(person), Claim("taraz", consents=ALL_CONSENTS), TODAY)
    assert a.eligible and a.list_kind is QueueList.GENERAL and a.path == "auto"
    # Everything else of §15 turns the same person down, each for its own reason.
    facts = RegistryFacts(
        person,
        properties=(Property(person.iin, "flat", "taraz", "y", D(2010, 1, 1), D(2015, 1, 1), Disposal.SALE, True, "Нұрлы жер"),),
        tenancies=(Tenancy(person.iin, TenancyKind.STATE_FUND, "taraz", "z", D(2020, 1, 1)),),
        emergency_declarations=(EmergencyDeclaration(person.iin, "taraz", "w", D(2024, 1, 1), "1"),),
        unified_base=BaseMembership("taraz", D(2021, 1, 1)),
    )
    assert assess(facts, Claim("taraz", consents=ALL_CONSENTS), TODAY).reasons == [
        "ALREADY_IN_BASE", "STATE_HOUSING", "STATE_MORTGAGE"]
