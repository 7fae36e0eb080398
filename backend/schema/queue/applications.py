"""Applications to the housing queue (order No. 130, Appendix 2): the person to be registered with
their registry data, consents, signature, deadlines and history. Other parts of the domain add their
fields to `QueueApplication` (files and hearing, entry, complaints)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from backend.models.queue import QueueList, QueueStatus, Representation, SigningMethod
from backend.schema.common import UserError
from backend.services.queue import catalog, deadlines, persons
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


def _locale(info: Info) -> str:
    return info.context.locale


@strawberry.type(description="A locality whose lists the provider keeps.")
class QueueLocality:
    code: str = strawberry.field(description="Stable code, e.g. astana, karaganda.")
    name: str = strawberry.field(description="Name in the request's language.")
    republican: bool = strawberry.field(
        description="A city of republican significance or the capital: 3 years of registration there are required.")

    @classmethod
    def of(cls, code: str, locale: str) -> QueueLocality:
        return cls(code=code, name=catalog.locality_name(code, locale), republican=catalog.is_republican(code))


@strawberry.type(description="A social category of Law on Housing Relations art. 74 §1.")
class QueueCategory:
    code: str = strawberry.field(description="Stable code, e.g. disability_1_2.")
    name: str = strawberry.field(description="Name in the request's language.")
    from_registry: bool = strawberry.field(
        description="The registries confirm it for the person (set in queuePrefill; false elsewhere).")

    @classmethod
    def of(cls, code: str, locale: str, from_registry: bool = False) -> QueueCategory:
        return cls(code=code, name=catalog.category_name(code, locale), from_registry=from_registry)


@strawberry.type(description="One named eligibility check (order No. 130 §§6–11, 15) and its result.")
class QueueCheck:
    code: str = strawberry.field(description="Stable check code.")
    passed: bool = strawberry.field(description="The check passed (or does not apply).")
    applies: bool = strawberry.field(description="The check applies to this person and claim.")
    reason: str | None = strawberry.field(description="The refusal reason code when it failed.")
    explanation: str = strawberry.field(description="What the check found, in the request's language.")

    @classmethod
    def of(cls, result: Any, locale: str) -> QueueCheck:
        """From a check result of the eligibility service, or its stored form (a dict)."""
        get = result.get if isinstance(result, dict) else lambda key: getattr(result, key)
        return cls(code=get("code"), passed=bool(get("passed")), applies=bool(get("applies")), reason=get("reason"),
                   explanation=catalog.explain_check(result, locale))


def _detail_of(reason: str, checks: list) -> dict:
    for check in checks:
        get = check.get if isinstance(check, dict) else lambda key, c=check: getattr(c, key)
        if get("reason") == reason and not get("passed"):
            return dict(get("detail") or {})
    return {}


@strawberry.type(description="A ground of refusal with its explanation.")
class QueueReason:
    code: str = strawberry.field(description="Stable reason code, e.g. OWNED_HOUSING_5Y.")
    explanation: str = strawberry.field(description="The reason in the request's language.")

    @classmethod
    def of(cls, reason: Any, locale: str, checks: list | None = None) -> QueueReason:
        """A reason code (or {code, detail}); a bare code takes its details from the failed check that
        gave it, so that the text names the property, the dates, the settlement."""
        if isinstance(reason, dict):
            code, detail = reason["code"], reason.get("detail") or {}
        else:
            code = str(reason)
            detail = _detail_of(code, checks or [])
        return cls(code=code, explanation=catalog.explain(code, locale, **detail))

    @classmethod
    def titled(cls, code: str, locale: str) -> QueueReason:
        """The ground itself, without an application's details (its short title where the catalog has one)."""
        return cls(code=code, explanation=catalog.explain(code, locale, variant="title"))


@strawberry.type(description="\"Check before applying\": every check with its result; nothing is filed.")
class QueueAssessment:
    eligible: bool = strawberry.field(description="Every applicable check passed.")
    emergency: bool = strawberry.field(description="The emergency-housing path: an officer reviews within 3 working days.")
    list_kind: QueueListType = strawberry.field(description="The list it would go to.")  # type: ignore[valid-type]
    checks: list[QueueCheck] = strawberry.field(description="Every check, in order.")
    reasons: list[QueueReason] = strawberry.field(description="The grounds of refusal, if any.")

    @classmethod
    def of(cls, assessment: Any, locale: str) -> QueueAssessment:
        return cls(
            eligible=assessment.eligible, emergency=assessment.path == "emergency", list_kind=assessment.list_kind,
            checks=[QueueCheck.of(c, locale) for c in assessment.checks],
            reasons=[QueueReason.of(r, locale, assessment.checks) for r in assessment.reasons],
        )


@strawberry.type(description="A registration address as the registry holds it.")
class RegistryAddress:
    locality: QueueLocality = strawberry.field(description="The locality.")
    text: str = strawberry.field(description="The address.")
    registered_from: dt.date | None = strawberry.field(description="Registered there since.")
    registered_to: dt.date | None = strawberry.field(description="Registered there until; null = now.")


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
    address: RegistryAddress | None = strawberry.field(description="The current residence registration.")
    adult: bool = strawberry.field(description="18 or older today.")
    data: strawberry.Private[dict]

    @classmethod
    def from_stored(cls, person: dict[str, Any], locale: str = "kk") -> RegistryPerson:
        """From the stored form (`services/queue/persons.py`)."""
        doc = person.get("document")
        address = person.get("address")
        birth = persons.date_of(person.get("birthDate"))
        return cls(
            iin=person.get("iin", ""), full_name=persons.full_name(person), surname=person.get("surname", ""),
            name=person.get("name", ""), patronymic=person.get("patronymic", ""), birth_date=birth,
            document=None if not doc else RegistryDocument(
                kind=doc.get("kind", ""), number=doc.get("number", ""), issued_on=persons.date_of(doc.get("issuedOn")),
                issuer=doc.get("issuer", ""),
            ),
            address=None if not address else RegistryAddress(
                locality=QueueLocality.of(address.get("locality", ""), locale), text=address.get("text", ""),
                registered_from=persons.date_of(address.get("registeredFrom")),
                registered_to=persons.date_of(address.get("registeredTo")),
            ),
            adult=persons.is_adult(birth, _today()), data=person,
        )

    @classmethod
    def from_record(cls, record: Any, locale: str) -> RegistryPerson:
        """From the registry's `PersonRecord` (prefill: nothing is stored yet)."""
        return cls.from_stored(persons.stored(record), locale)


@strawberry.type(description="The application form's data from the registries, shown read-only.")
class QueuePrefill:
    person: RegistryPerson = strawberry.field(description="The person to be registered: the viewer, or the one they represent.")
    categories: list[QueueCategory] = strawberry.field(
        description="The categories of art. 74 §1 the registries confirm for the person (fromRegistry = true).")
    phone_registered: bool = strawberry.field(
        description="The viewer's account phone is in the mobile citizens' base, so signing by SMS code is possible.")


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
        # The queue's own time (`clock.now()`, recorded as data["at"]) where given: on a demo server whose clock
        # was moved it is what filedAt and decidedAt show too; the row's real creation time otherwise.
        at = dt.datetime.fromisoformat(row.data["at"]) if row.data.get("at") else row.created_at
        return cls(at=at, action=row.action, actor_name=str(row.data.get("actorName") or ""))


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
    representation: QueueRepresentationType = strawberry.field(description="For oneself or by a representative.")  # type: ignore[valid-type]
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
            filed_at=row.filed_at, business_date=row.business_date, representation=row.representation, list_kind=row.list_kind, emergency=row.emergency,
            consents=[
                QueueConsentRecord(consent=Consent(code), given_at=dt.datetime.fromisoformat(given["at"]),
                                   signing_method=SigningMethod(given["signature"]))
                for code, given in sorted(row.consents.items()) if code in Consent._value2member_map_
            ],
            phone=row.phone, email=row.email, signing_method=row.signing_method, decided_at=row.decided_at,
            registered_at=row.registered_at, queue_number=row.queue_number, row=row,
        )

    @strawberry.field(description="Who is to be registered, from the registries at filing time.")
    def person(self, info: Info) -> RegistryPerson:
        return RegistryPerson.from_stored(self.row.person, _locale(info))

    @strawberry.field(description="The trustee or legal representative who filed, from the registries at filing time.")
    def representative(self, info: Info) -> RegistryPerson | None:
        return RegistryPerson.from_stored(self.row.representative, _locale(info)) if self.row.representative else None

    @strawberry.field(description="The locality of the person's registration, whose list it is for.")
    def locality(self, info: Info) -> QueueLocality:
        return QueueLocality.of(self.row.locality, _locale(info))

    @strawberry.field(description="The categories of art. 74 §1 the applicant indicated.")
    def categories(self, info: Info) -> list[QueueCategory]:
        return [QueueCategory.of(code, _locale(info)) for code in self.row.categories]

    @strawberry.field(description="The eligibility checks: at filing, then as decided.")
    def checks(self, info: Info) -> list[QueueCheck]:
        return [QueueCheck.of(c, _locale(info)) for c in self.row.checks]

    @strawberry.field(description="The grounds of a (preliminary) refusal.")
    def reasons(self, info: Info) -> list[QueueReason]:
        return [QueueReason.of(r, _locale(info), self.row.checks) for r in self.row.reasons]

    @strawberry.field(description="The deadlines running now, with countdowns.")
    async def deadlines(self, info: Info) -> list[QueueDeadline]:
        hearing = None
        if self.row.status is QueueStatus.HEARING:
            hearing = await info.context.loaders.queue_latest_hearing.load(self.row.id)
        return [QueueDeadline.from_row(d) for d in deadlines.application_deadlines(self.row, hearing)]

    @strawberry.field(description="The history, oldest first.")
    async def history(self, info: Info) -> list[QueueHistoryEntry]:
        return [QueueHistoryEntry.from_row(e) for e in await info.context.loaders.queue_application_history.load(self.row.id)]

    # D (decisions): the types live in schema/queue/decisions.py, which imports this module.
    @strawberry.field(description="Its files: the certificates (kk, ru), the preliminary notice, the technical "
                                  "conclusion and the applicant's hearing files.")
    async def files(self, info: Info) -> list[Annotated["QueueFile", strawberry.lazy("backend.schema.queue.decisions")]]:
        from backend.schema.queue.decisions import application_files

        return await application_files(info, self.row)

    @strawberry.field(description="The latest preliminary decision and its hearing, if there was one.")
    async def hearing(self, info: Info) -> Annotated["QueueHearing", strawberry.lazy("backend.schema.queue.decisions")] | None:
        from backend.schema.queue.decisions import application_hearing

        return await application_hearing(info, self.row)

    # Q (register): the types live in schema/queue/register.py, which imports this module.
    @strawberry.field(description="Its place on the register: today's number and why it changed; null until registered.")
    async def entry(self, info: Info) -> Annotated["QueueEntry", strawberry.lazy("backend.schema.queue.register")] | None:
        from backend.schema.queue.register import application_entry

        return await application_entry(info, self.row)

    # K (complaints): the types live in schema/queue/complaints.py, which imports this module.
    @strawberry.field(description="The complaints against its decision that the viewer may see (the author's, the "
                                  "back office's), oldest first.")
    async def complaints(self, info: Info) -> list[Annotated["QueueComplaint", strawberry.lazy("backend.schema.queue.complaints")]]:
        from backend.schema.queue.complaints import application_complaints

        return await application_complaints(info, self.row)


@strawberry.type(description="What to sign: the exact bytes (base64) and their SHA-256.")
class QueueSigningPayload:
    payload: str = strawberry.field(description="Base64 of the bytes to sign with EDS (a detached CMS over them).")
    digest: str = strawberry.field(description="SHA-256 of those bytes, hex; an SMS code is requested for this digest.")


@strawberry.type(description="Result of filing an application.")
class QueueApplicationPayload:
    application: QueueApplication | None = strawberry.field(default=None, description="The filed application.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="What to fix; nothing was filed.")


@strawberry.type(description="Result of asking for an SMS code to sign an application.")
class QueueSmsCodeRequestPayload:
    sent_to: str | None = strawberry.field(default=None, description="The phone the code went to, partly hidden.")
    resend_available_at: dt.datetime | None = strawberry.field(default=None, description="A new code can be asked for from then.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why no code was sent.")


@strawberry.input(description="Who the check is for and what is claimed (\"check before applying\").")
class QueueClaimInput:
    representation: QueueRepresentationType = strawberry.field(  # type: ignore[valid-type]
        default=Representation.SELF, description="For oneself or as a representative.")
    person_iin: str | None = strawberry.field(default=None, description="The represented person's IIN; omitted for oneself.")
    emergency: bool = strawberry.field(default=False, description="The only home is declared in emergency condition.")
    categories: list[str] = strawberry.field(default_factory=list, description="Codes from queueCategories.")


@strawberry.input(description="The application (Appendix 2). Personal data are not sent: they come from the registries.")
class QueueApplicationInput:
    request_id: str = strawberry.field(description="The client's id of this filing: retries file one application.")
    representation: QueueRepresentationType = strawberry.field(  # type: ignore[valid-type]
        default=Representation.SELF, description="For oneself or as a representative.")
    person_iin: str | None = strawberry.field(default=None, description="The represented person's IIN; omitted for oneself.")
    emergency: bool = strawberry.field(default=False, description="The only home is declared in emergency condition.")
    technical_conclusion_upload_id: strawberry.ID | None = strawberry.field(
        default=None, description="tus upload id of the expert's technical conclusion; required on the emergency path.")
    categories: list[str] = strawberry.field(description="Codes from queueCategories; none is no ground for refusal.")
    consents: list[QueueConsentType] = strawberry.field(description="All four are required.")  # type: ignore[valid-type]
    phone: str = strawberry.field(description="Mobile phone, +7…")
    email: str = strawberry.field(description="Email.")


@strawberry.input(description="The filer's signature over queueSigningPayload: a detached CMS, or the SMS code.")
class QueueSignatureInput:
    method: QueueSigningMethodType = strawberry.field(description="EDS or SMS.")  # type: ignore[valid-type]
    cms: str | None = strawberry.field(default=None, description="EDS: base64 DER of a detached CMS over the payload's bytes.")
    sms_code: str | None = strawberry.field(default=None, description="SMS: the code sent by queueSmsCodeRequest for this digest.")


@strawberry.input(description="Send a one-time code that signs the application data of `digest`.")
class QueueSmsCodeRequestInput:
    phone: str = strawberry.field(description="The application's phone; it must be the filer's in the mobile citizens' base.")
    digest: str = strawberry.field(description="`digest` of queueSigningPayload: the code signs exactly that data.")


@strawberry.input(description="File a signed application.")
class QueueApplicationFileInput:
    application: QueueApplicationInput = strawberry.field(description="The application, as it was signed.")
    signature: QueueSignatureInput = strawberry.field(description="The signature.")
