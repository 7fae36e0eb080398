"""The four consents of the application form (order No. 130, Appendix 2), each required."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from backend.models.queue import SigningMethod


class Consent(str, Enum):
    PROPERTY_CHECK = "property_check"  # checking housing owned by the applicant and the family
    PERSONAL_DATA = "personal_data"  # collecting and processing protected personal data
    PUBLICATION = "publication"  # publishing the queue data (Law on Housing Relations arts. 71, 78)
    NO_CATEGORY_ACK = "no_category_ack"  # without registry data on a category, queued without one


ALL = frozenset(c.value for c in Consent)


def missing(given: frozenset[str]) -> list[Consent]:
    return [c for c in Consent if c.value not in given]


def records(given: frozenset[str], at: dt.datetime, method: SigningMethod) -> dict[str, dict[str, str]]:
    """What is stored: for each consent, when it was given and the signature that covered it."""
    return {c.value: {"at": at.isoformat(), "signature": method.value} for c in Consent if c.value in given}
