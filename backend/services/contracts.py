"""Share-participation contracts: matching what a person types against what is held."""

from __future__ import annotations

import datetime as dt
import re

from backend.models.contracts import Contract

# People type DDU numbers like "Н-3-67/44-АФ" with Latin look-alikes and stray spaces.
_LATIN_TO_CYRILLIC = str.maketrans("ABCEHKMOPTXY", "АВСЕНКМОРТХУ")
_SPACES = re.compile(r"\s+")


def contract_number_key(number: str) -> str:
    return _SPACES.sub("", (number or "").upper()).translate(_LATIN_TO_CYRILLIC).replace("—", "-").replace("–", "-")


async def find_held_contract(holder_iin_bin: str, number: str, signed_on: dt.date) -> Contract | None:
    key = contract_number_key(number)
    for contract in await Contract.filter(holder_iin_bin=holder_iin_bin, signed_on=signed_on):
        if contract_number_key(contract.number) == key:
            return contract
    return None
