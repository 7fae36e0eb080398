"""What a legal entity may ask KZhK (seed 001): application types, correction categories,
required supporting documents, the filing conditions and the review terms shown before signing.

Texts are keys the SPA translates (kk, ru, en); the API exposes codes and numbers only.
"""

from __future__ import annotations

from dataclasses import dataclass

OFFICIAL_LETTER = "OFFICIAL_LETTER"
TERMS_VERSION = "2026-11"
OTHER = "OTHER"


@dataclass(frozen=True)
class Requirement:
    code: str
    required: bool


@dataclass(frozen=True)
class ApplicationType:
    code: str
    categories: tuple[str, ...]
    documents: tuple[Requirement, ...]
    review_working_days: int
    revision_working_days: int


# The scan of the official letter signed by the authorized person and sealed is always required.
_LETTER = Requirement(OFFICIAL_LETTER, True)

TYPES: dict[str, ApplicationType] = {
    t.code: t
    for t in (
        ApplicationType(
            code="GUARANTEE_AGREEMENT_AMENDMENT",
            categories=("COMMISSIONING_DATE", "CONSTRUCTION_SCHEDULE", "PREMISES_AREA", "BANK_DETAILS", "AUTHORIZED_COMPANY", OTHER),
            documents=(_LETTER, Requirement("DRAFT_AMENDMENTS", True), Requirement("JUSTIFICATION", False)),
            review_working_days=10,
            revision_working_days=5,
        ),
        ApplicationType(
            code="CONSTRUCTION_PERIOD_EXTENSION",
            categories=("COMMISSIONING_DATE", "CONSTRUCTION_SCHEDULE", OTHER),
            documents=(_LETTER, Requirement("REVISED_SCHEDULE", True), Requirement("TECHNICAL_SUPERVISION_REPORT", True)),
            review_working_days=15,
            revision_working_days=5,
        ),
        ApplicationType(
            code="PROJECT_DOCUMENTATION_CHANGE",
            categories=("PREMISES_AREA", "APARTMENT_MIX", "PROJECT_EXPERTISE", OTHER),
            documents=(_LETTER, Requirement("REVISED_PROJECT", True), Requirement("EXPERTISE_CONCLUSION", True)),
            review_working_days=15,
            revision_working_days=10,
        ),
    )
}

# Fields of the "Contract information" tab: prefilled from the contract, the applicant states what
# must change. Required ones carry the red asterisk in the form.
FORM_FIELDS: dict[str, bool] = {
    "currentValue": True,
    "requestedValue": True,
    "justification": True,
    "contactName": True,
    "contactPhone": True,
    "contactEmail": False,
}
MAX_FIELD = 4000


def application_type(code: str) -> ApplicationType | None:
    return TYPES.get(code)
