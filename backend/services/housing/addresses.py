"""Addresses of buildings: how they are shown, and the key an address typed by a resident is matched on.

Seed 004 asks the resident for "город, улица, дом" in one field. People type the same building in many
ways — "г. Астана, ул. Тұран, 1", "Астана, Тұран даңғылы 1", "астана туран д.1" — so both the stored
address and what is typed are reduced to one key (`address_key`):

1. lower-case; ё → е, and the Kazakh letters folded to their Russian look-alikes (ә→а, ғ→г, қ→к, ң→н,
   ө→о, ұ/ү→у, һ→х, і→и), because many type Kazakh names on a Russian keyboard;
2. "пр-т" and "б-р" become "прт" and "бр"; every other character that is not a letter or a digit
   becomes a space;
3. words that only say what kind of place follows are dropped: city (г, гор, город, қ, қаласы),
   street (ул, улица, көше, көшесі, пр, пр-т, проспект, даңғылы, даң, пер, переулок, бульвар, б-р,
   шоссе, мкр, микрорайон, шағын, ауданы) and house (д, дом, үй), also glued to a number ("д1");
   anything after a flat word (кв, квартира, пәтер) is dropped too — the flat has its own field;
4. a number and a letter touching each other are split ("1а" → "1 а"), so "1а", "1 а" and "1-а"
   agree — a house letter is never taken for a kind word: "1д", "1 д" and "1-д" keep their "д" (a
   one-letter kind word right after a number is read as the house's letter);
5. the remaining words are joined by one space.

The street kind is dropped on purpose: a resident who writes "ул." for an avenue (даңғылы) still
means the same building; the account number and the flat must match as well, so the looser address
cannot link anyone to a stranger's account.
"""

from __future__ import annotations

import re

_FOLD = str.maketrans({"ё": "е", "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и"})

# Folded spellings (see _FOLD): "көшесі" is listed as "кошеси", "қ" as "к".
_KIND_WORDS = frozenset({
    # city
    "г", "гор", "город", "к", "каласы", "кала",
    # street, avenue, lane, boulevard, highway, district
    "ул", "улица", "коше", "кошеси", "пр", "прт", "просп", "проспект", "дангылы", "данг", "дан",
    "пер", "переулок", "бульвар", "бул", "бр", "шоссе", "мкр", "микрорайон", "шагын", "ауданы",
    # house
    "д", "дом", "уй", "уйи",
})
_FLAT_WORDS = frozenset({"кв", "квартира", "патер", "пат"})
_NOT_WORD = re.compile(r"[^0-9a-zа-я]+")
_DIGIT_LETTER = re.compile(r"(?<=\d)(?=[a-zа-я])|(?<=[a-zа-я])(?=\d)")


_HYPHENATED = re.compile(r"\b(пр|б)-(т|р)\b")
_KIND_GLUED = re.compile(r"^([a-zа-я]+)(\d.*)$")


def _words(text: str) -> list[str]:
    lowered = _HYPHENATED.sub(r"\1\2", (text or "").lower().translate(_FOLD))
    kept: list[str] = []
    for word in _NOT_WORD.sub(" ", lowered).split():
        if word in _FLAT_WORDS:
            break
        # A lone letter right after a number is the house's letter ("1 д", "1-г"), not "дом"/"город".
        after_number = bool(kept) and kept[-1].isdigit()
        if word in _KIND_WORDS and not (len(word) == 1 and after_number):
            continue
        glued = _KIND_GLUED.match(word)
        if glued and glued.group(1) in _KIND_WORDS:
            word = glued.group(2)
        kept.extend(_DIGIT_LETTER.sub(" ", word).split())
    return kept


def normalize_address(text: str) -> str:
    """The key of an address typed in one field ("город, улица, дом")."""
    return " ".join(_words(text))


def address_key(city: str, street: str, house: str) -> str:
    """The key stored in Building.address_key for a building's parts."""
    return normalize_address(f"{city} {street} {house}")


def street_key(street: str, house: str) -> str:
    """The key without the city: a resident may leave the city out ("Тұран 1")."""
    return normalize_address(f"{street} {house}")


def normalize_flat(text: str) -> str:
    """A flat number as typed ("кв. 17", "17", "17А") → "17а"."""
    folded = _NOT_WORD.sub(" ", (text or "").lower().translate(_FOLD)).split()
    return "".join(word for word in folded if word not in _FLAT_WORDS)


_CITY_WORDS = ("г.", "г ", "город ", "қ.", "қаласы")


def building_address(city: str, street: str, house: str) -> str:
    """How a building's address is shown: "г. Астана, Тұран даңғылы, 1"."""
    shown_city = city.strip()
    if shown_city and not any(word in shown_city.lower() for word in _CITY_WORDS):
        shown_city = f"г. {shown_city}"
    return ", ".join(part for part in (shown_city, street.strip(), house.strip()) if part)


def account_address(city: str, street: str, house: str, flat: str) -> str:
    """A premises' address: the building's and ", кв. 17"."""
    base = building_address(city, street, house)
    return f"{base}, кв. {flat}" if flat else base
