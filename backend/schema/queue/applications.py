"""Applications to the housing queue (order No. 130, Appendix 2): the person to be registered with
their registry data, consents, signature, deadlines and history. Other parts of the domain add their
fields to `QueueApplication` (files and hearing, entry, complaints)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry
from strawberry.types import Info

from backend.models.queue import QueueList, QueueStatus, Representation, SigningMethod
from backend.schema.common import UserError
from backend.services.queue import deadlines, persons
from backend.services.queue.consents import Consent

QueueListType = strawberry.enum(
    QueueList, name="QueueList",
    description="GENERAL: the general list; VULNERABLE: the list of socially vulnerable categories (Law art. 74 §1).",
)
QueueRepresentationType = strawberry.enum(
    Representation, name="QueueRepresentation",
    description="SELF: for oneself; TRUSTEE: by a power of attorney; LEGAL_REPRESENTATIVE: a parent or guardian of a minor.",
)
QueueStatusType = strawberry.enum(
    QueueStatus, name="QueueStatus",
    description="FILED: accepted, the automatic check runs at once or on the next working day; IN_REVIEW: the emergency "
    "path, an officer reviews; HEARING: a preliminary refusal was sent and the hearing is pending; REGISTERED: on the "
    "register with a date and a number; REFUSED: a reasoned refusal signed with EDS; REMOVED: taken off the register.",
)
QueueSigningMethodType = strawberry.enum(
    SigningMethod, name="QueueSigningMethod",
    description="EDS: a detached CMS by the filer's certificate; SMS: a one-time code sent to the filer's phone "
    "registered in the mobile citizens' base.",
)
QueueConsentType = strawberry.enum(
    Consent, name="QueueConsent",
    description="PROPERTY_CHECK: to checking housing of the applicant and the family; PERSONAL_DATA: to collecting and "
    "processing protected personal data; PUBLICATION: to publishing the queue data (Law arts. 71, 78); NO_CATEGORY_ACK: "
    "without registry data on a category of art. 74 §1 the applicant is queued without one.",
)


def _today() -> dt.date:
    return deadlines.today()


@strawberry.type(description="An identity document as the registry holds it.")
class RegistryDocument:
    kind: str = strawberry.field(description="Document kind code, e.g. id_card, passport.")
    number: str = strawberry.field(description="Document number.")
    issued_on: dt.date | None = strawberry.field(description="Date of issue.")
    issuer: str = strawberry.field(description="Issuing authority.")


@strawberry.type(description="A person's registry data: filled from the state registries, never typed.")
class RegistryPerson:
    iin: str = strawberry.field(description="IIN.")
    full_name: str = strawberry.field(description="Surname, name and patronymic.")
    surname: str = strawberry.field(description="Surname.")
    name: str = strawberry.field(description="Name.")
    patronymic: str = strawberry.field(description="Patronymic; empty when the person has none.")
    birth_date: dt.date | None = strawberry.field(description="Date of birth.")
    document: RegistryDocument | None = strawberry.field(description="Identity document.")
    adult: bool = strawberry.field(description="18 or older today.")
    data: strawberry.Private[dict]

    @classmethod
    def from_stored(cls, person: dict[str, Any]) -> RegistryPerson:
        """From the stored form (`services/queue/persons.py`)."""
        doc = person.get("document")
        birth = persons.date_of(person.get("birthDate"))
        return cls(
            iin=person.get("iin", ""), full_name=persons.full_name(person), surname=person.get("surname", ""),
            name=person.get("name", ""), patronymic=person.get("patronymic", ""), birth_date=birth,
            document=None if not doc else RegistryDocument(
                kind=doc.get("kind", ""), number=doc.get("number", ""), issued_on=persons.date_of(doc.get("issuedOn")),
                issuer=doc.get("issuer", ""),
            ),
            adult=persons.is_adult(birth, _today()), data=person,
        )


@strawberry.type(description="Consent given in the application, with the time and the signature that covered it.")
class QueueConsentRecord:
    consent: QueueConsentType = strawberry.field(description="Which consent.")  # type: ignore[valid-type]
    given_at: dt.datetime = strawberry.field(description="When it was given (the filing time).")
    signing_method: QueueSigningMethodType = strawberry.field(description="The signature that covered it.")  # type: ignore[valid-type]


@strawberry.type(description="A deadline of the route with its countdown in working days of Kazakhstan.")
class QueueDeadline:
    kind: str = strawberry.field(
        description="decision, notify, hearing, final_decision, complaint or complaint_satisfy.")
    due: dt.date = strawberry.field(description="The last day (it ends at the provider's closing time).")
    working_days_left: int = strawberry.field(
        description="Working days left after today: 0 = due today, negative = overdue by that many working days.")
    overdue: bool = strawberry.field(description="The day has passed.")

    @classmethod
    def from_row(cls, row: deadlines.Deadline) -> QueueDeadline:
        return cls(kind=row.kind, due=row.due, working_days_left=row.working_days_left, overdue=row.overdue)


@strawberry.type(description="A step of the application's history.")
class QueueHistoryEntry:
    at: dt.datetime = strawberry.field(description="When.")
    action: str = strawberry.field(description="filed, decided, registered, hearing_opened, … (stable codes).")
    actor_name: str = strawberry.field(description="Who, as shown to people; empty for the system.")

    @classmethod
    def from_row(cls, row) -> QueueHistoryEntry:
        return cls(at=row.created_at, action=row.action, actor_name=str(row.data.get("actorName") or ""))


@strawberry.type(description="An application to be put on the register of those in need of housing.")
class QueueApplication:
    id: strawberry.ID = strawberry.field(description="Application id.")
    number: str = strawberry.field(description="Application number, e.g. Q-2026-000001; the public list is searched by it.")
    status: QueueStatusType = strawberry.field(description="Where it is.")  # type: ignore[valid-type]
    status_changed_at: dt.datetime | None = strawberry.field(description="When the status last changed.")
    filed_at: dt.datetime = strawberry.field(description="When it was signed and filed.")
    business_date: dt.date = strawberry.field(
        description="The working day it counts from: the filing day, or the next working day when filed after 18:30 "
        "or on a day off.")
    person: RegistryPerson = strawberry.field(description="Who is to be registered, from the registries at filing time.")
    representation: QueueRepresentationType = strawberry.field(description="For oneself or by a representative.")  # type: ignore[valid-type]
    representative: RegistryPerson | None = strawberry.field(description="The trustee or legal representative who filed.")
    list_kind: QueueListType = strawberry.field(description="The list it is for.")  # type: ignore[valid-type]
    emergency: bool = strawberry.field(description="The only home is declared in emergency condition (reviewed by an officer).")
    consents: list[QueueConsentRecord] = strawberry.field(description="The four consents with time and signature.")
    phone: str = strawberry.field(description="The applicant's mobile phone, E.164.")
    email: str = strawberry.field(description="The applicant's email.")
    signing_method: QueueSigningMethodType = strawberry.field(description="How it was signed.")  # type: ignore[valid-type]
    decided_at: dt.datetime | None = strawberry.field(description="When decided.")
    registered_at: dt.datetime | None = strawberry.field(description="Registration date and time, which order the queue.")
    queue_number: int | None = strawberry.field(description="The number given at registration (today's is in `entry`).")
    row: strawberry.Private[Any]

    @classmethod
    def from_row(cls, row) -> QueueApplication:
        return cls(
            id=str(row.id), number=row.number, status=row.status, status_changed_at=row.status_changed_at,
            filed_at=row.filed_at, business_date=row.business_date, person=RegistryPerson.from_stored(row.person),
            representation=row.representation,
            representative=RegistryPerson.from_stored(row.representative) if row.representative else None,
            list_kind=row.list_kind, emergency=row.emergency,
            consents=[
                QueueConsentRecord(consent=Consent(code), given_at=dt.datetime.fromisoformat(given["at"]),
                                   signing_method=SigningMethod(given["signature"]))
                for code, given in sorted(row.consents.items()) if code in Consent._value2member_map_
            ],
            phone=row.phone, email=row.email, signing_method=row.signing_method, decided_at=row.decided_at,
            registered_at=row.registered_at, queue_number=row.queue_number, row=row,
        )

    @strawberry.field(description="The deadlines running now, with countdowns.")
    async def deadlines(self, info: Info) -> list[QueueDeadline]:
        hearing = None
        if self.row.status is QueueStatus.HEARING:
            hearing = await info.context.loaders.queue_latest_hearing.load(self.row.id)
        return [QueueDeadline.from_row(d) for d in deadlines.application_deadlines(self.row, hearing)]

    @strawberry.field(description="The history, oldest first.")
    async def history(self, info: Info) -> list[QueueHistoryEntry]:
        return [QueueHistoryEntry.from_row(e) for e in await info.context.loaders.queue_application_history.load(self.row.id)]


@strawberry.type(description="What to sign: the exact bytes (base64) and their SHA-256.")
class QueueSigningPayload:
    payload: str = strawberry.field(description="Base64 of the bytes to sign with EDS (a detached CMS over them).")
    digest: str = strawberry.field(description="SHA-256 of those bytes, hex; an SMS code is requested for this digest.")


@strawberry.type(description="Result of filing an application.")
class QueueApplicationPayload:
    application: QueueApplication | None = strawberry.field(default=None, description="The filed application.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="What to fix; nothing was filed.")
