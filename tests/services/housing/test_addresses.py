"""The address key a resident's typing is matched on (services/housing/addresses.py)."""

from __future__ import annotations

import pytest

from backend.services.housing.addresses import (
    account_address,
    address_key,
    building_address,
    normalize_address,
    normalize_flat,
)

KEY = address_key("Астана", "Тұран даңғылы", "1")


@pytest.mark.parametrize("typed", [
    "г. Астана, ул. Тұран, 1",
    "Астана, Тұран даңғылы 1",
    "астана туран д.1",
    "Астана қ., Тұран даңғылы, үй 1",
    "АСТАНА ТҰРАН Д1",
    "город Астана, проспект Туран, дом 1",
    "Астана, Тұран, 1, кв. 17",
])
def test_the_ways_people_type_one_building_agree(typed):
    # when / then
    assert normalize_address(typed) == KEY == "астана туран 1"


@pytest.mark.parametrize("typed", [
    "Астана, Тұран, 11",
    "Астана, Тұран, 1а",
    "Алматы, Тұран, 1",
    "Астана, Тұран, 1/2",
])
def test_other_buildings_do_not(typed):
    assert normalize_address(typed) != KEY


def test_a_house_letter_is_kept_however_it_is_written():
    # when / then: "1д" is house 1 letter д, not "house 1"
    assert normalize_address("Тұран 1д") == normalize_address("Тұран 1 Д") == normalize_address("Тұран, 1-д") == "туран 1 д"
    assert normalize_address("пр-т Абая, 5") == normalize_address("Абая даңғылы, 5") == "абая 5"


@pytest.mark.parametrize("typed, flat", [("17", "17"), ("кв. 17", "17"), ("17А", "17а"), ("пәтер 17", "17"), (" 17 а ", "17а")])
def test_flats(typed, flat):
    assert normalize_flat(typed) == flat


def test_how_addresses_are_shown():
    assert building_address("Астана", "Тұран даңғылы", "1") == "г. Астана, Тұран даңғылы, 1"
    assert building_address("Астана қ.", "Тұран даңғылы", "1") == "Астана қ., Тұран даңғылы, 1"
    assert account_address("Астана", "Тұран даңғылы", "1", "17") == "г. Астана, Тұран даңғылы, 1, кв. 17"
