"""Filing an application to the housing queue (order No. 130, Appendix 2; SPEC §5.1): the data
filled from the registries for oneself or for the represented person, "check before applying",
the exact data to sign, and the filing itself with its deadlines and the planned decision.

Nothing a person types reaches the application's personal data: the person (and the representative)
are read from the registry by IIN at every step, and what was read at filing time is stored."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet

from backend import clock
from backend.adapters.registries import PersonRecord, RegistryFacts, RepresentativeKind
from backend.auth.identifiers import IdentifierKind, classify_iin_bin, normalize_email
from backend.calendar import ALMATY, OTBASY_HOURS
from backend.errors import DomainError, DomainErrors
from backend.models.queue import (
    QueueApplication,
    QueueFile,
    QueueFileKind,
    QueueSignature,
    QueueStatus,
    Representation,
    SigningMethod,
)
from backend.models.uploads import UploadStatus
from backend.runtime import Runtime
from backend.services import history, scheduler, uploads
from backend.services.queue import catalog, consents, eligibility, numbers, persons, signing
from backend.services.queue.access import Scope, get_application, visible_applications
from backend.services.request_info import RequestInfo
from backend.services.tx import atomic

ENTITY = "queue_application"
DECIDE_JOB = "queue.decide"
MAX_REQUEST_ID = 64
# One person, one application in progress or on the register; after a refusal or removal anew.
OPEN = (QueueStatus.FILED, QueueStatus.IN_REVIEW, QueueStatus.HEARING, QueueStatus.REGISTERED)
LEGAL_KINDS = (RepresentativeKind.PARENT, RepresentativeKind.GUARDIAN)
AUTO_WORKING_DAYS, EMERGENCY_WORKING_DAYS, NOTIFY_WORKING_DAYS = 1, 3, 3


# Reading -----------------------------------------------------------------------------------


def mine(scope: Scope) -> QuerySet[QueueApplication]:
    """"My applications": those the viewer filed and those filed for them, even for an officer."""
    return visible_applications(dataclasses.replace(scope, office=False))


async def get(scope: Scope, application_id: object) -> QueueApplication:
    return await get_application(scope, application_id, field="id")


def today() -> dt.date:
    return clock.now().astimezone(ALMATY).date()


# Who files for whom ------------------------------------------------------------------------


def _person_iin_arg(value: str, field: str) -> str:
    value = (value or "").strip()
    try:
        if classify_iin_bin(value) is not IdentifierKind.PERSON:
            raise DomainError("INVALID", field=field)
    except DomainError:
        raise DomainError("INVALID", field=field) from None
    return value


async def _person(rt: Runtime, iin: str, field: str | None) -> PersonRecord:
    record = await rt.registry.person(iin)
    if record is None:
        raise DomainError("PERSON_NOT_FOUND", field=field)
    return record


@dataclass(frozen=True)
class Parties:
    person: PersonRecord  # who is to be registered
    filer: PersonRecord  # who files: the person themself or their representative
    representation: Representation

    @property
    def represented(self) -> bool:
        return self.representation is not Representation.SELF


async def parties(rt: Runtime, scope: Scope, representation: Representation, person_iin: str | None, day: dt.date) -> Parties:
    """The person and the filer from the registry. A representative must be recorded there as the
    person's representative of that kind, and a legal representative acts only for a minor."""
    scope.require_person()
    person_iin = (person_iin or "").strip() or None
    if representation is Representation.SELF:
        if person_iin not in (None, scope.iin):
            raise DomainError("INVALID", field="personIin", cause="self_with_other_iin")
        own = await _person(rt, scope.iin, None)
        return Parties(own, own, representation)
    if person_iin is None:
        raise DomainError("REQUIRED", field="personIin")
    person_iin = _person_iin_arg(person_iin, "personIin")
    if person_iin == scope.iin:
        raise DomainError("INVALID", field="personIin", cause="represents_self")
    person = await _represented(rt, scope, person_iin, "personIin", day)
    filer = await _person(rt, scope.iin, None)
    recorded = person.representative(scope.iin, day)
    if representation is Representation.LEGAL_REPRESENTATIVE:
        if person.adult_on(day):
            raise DomainError("NOT_A_MINOR", field="personIin")
        if recorded.kind not in LEGAL_KINDS:
            raise DomainError("NOT_A_REPRESENTATIVE", field="personIin")
    elif recorded.kind is not RepresentativeKind.TRUSTEE:
        raise DomainError("NOT_A_REPRESENTATIVE", field="personIin")
    return Parties(person, filer, representation)


async def _represented(rt: Runtime, scope: Scope, iin: str, field: str, day: dt.date) -> PersonRecord:
    """The person the viewer is recorded as representing (of any kind). Someone the registry does not
    know answers the same as someone the viewer does not represent, so that trying IINs tells nobody
    who is in the state registries."""
    person = await rt.registry.person(iin)
    if person is None or person.representative(scope.iin, day) is None:
        raise DomainError("NOT_A_REPRESENTATIVE", field=field)
    return person


# Prefill -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Prefill:
    person: PersonRecord
    categories: tuple[str, ...]  # art. 74 §1 codes the registries confirm
    phone_registered: bool  # the filer's account phone is in the mobile citizens' base


async def prefill(rt: Runtime, scope: Scope, iin: str | None, account_phone: str | None = None) -> Prefill:
    """The registry's data of the viewer, or of the person they represent (any recorded kind)."""
    scope.require_person()
    day = today()
    iin = (iin or "").strip() or None
    if iin is None or iin == scope.iin:
        person = await _person(rt, scope.iin, None)
    else:
        person = await _represented(rt, scope, _person_iin_arg(iin, "iin"), "iin", day)
        recorded = person.representative(scope.iin, day)
        if recorded.kind in LEGAL_KINDS and person.adult_on(day):
            raise DomainError("NOT_A_MINOR", field="iin")
    facts = await rt.registry.facts(person.iin)
    registered = bool(account_phone) and await rt.registry.phone_registered(scope.iin, account_phone or "")
    return Prefill(person=person, categories=tuple(facts.categories) if facts else (), phone_registered=registered)


# Check before applying ---------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimInput:
    representation: Representation = Representation.SELF
    person_iin: str | None = None
    emergency: bool = False
    categories: tuple[str, ...] = ()


def _categories(codes: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    known = {c.code for c in catalog.CATEGORIES}
    unknown = sorted({c for c in codes if c not in known})
    if unknown:
        raise DomainError("INVALID", field="categories", unknown=unknown)
    return tuple(sorted(set(codes)))


def _locality(person: PersonRecord) -> str:
    address = person.address
    if address is None:
        # Without a registration address there is no locality whose list to join.
        raise DomainError("REGISTRATION_ADDRESS_MISSING", field="personIin")
    return address.locality


async def _facts(rt: Runtime, iin: str) -> RegistryFacts:
    facts = await rt.registry.facts(iin)
    if facts is None:
        raise DomainError("PERSON_NOT_FOUND", field="personIin")
    return facts


async def check(rt: Runtime, scope: Scope, claim: ClaimInput) -> eligibility.Assessment:
    """"Check before applying": every check on today's registry data; consents and the technical
    conclusion are not given yet, and their checks say so without failing. Nothing is stored."""
    day = today()
    who = await parties(rt, scope, claim.representation, claim.person_iin, day)
    categories = _categories(claim.categories)
    facts = await _facts(rt, who.person.iin)
    return eligibility.assess(facts, eligibility.Claim(
        locality=_locality(who.person), emergency=claim.emergency, categories=categories, consents=None,
        has_technical_conclusion=None, representation=claim.representation.value,
    ), day)


# What is signed ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ApplicationInput:
    request_id: str
    categories: tuple[str, ...]
    consents: frozenset[str]
    phone: str
    email: str
    representation: Representation = Representation.SELF
    person_iin: str | None = None
    emergency: bool = False
    technical_conclusion_upload_id: str | None = None


@dataclass(frozen=True)
class Prepared:
    """An application checked and ready to sign: nothing of it is stored yet."""

    parties: Parties
    locality: str
    categories: tuple[str, ...]
    consents: frozenset[str]
    phone: str
    email: str
    emergency: bool
    conclusion_upload_id: str | None
    conclusion_sha256: str | None
    content: bytes

    @property
    def digest(self) -> str:
        return signing.digest(self.content)


def _request_id(value: str | None) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError("REQUIRED", field="requestId")
    if len(value) > MAX_REQUEST_ID:
        raise DomainError("INVALID", field="requestId", max=MAX_REQUEST_ID)
    return value


async def _conclusion_sha256(scope: Scope, upload_id: str) -> str:
    """The SHA-256 of the filer's finished upload, which the signature covers."""
    field = "technicalConclusionUploadId"
    try:
        upload = await uploads.get_owned(uploads.Owner(user_id=scope.user_id), upload_id)
    except DomainError as exc:
        raise DomainError(exc.code, field=field, **exc.params) from None
    if upload.status is not UploadStatus.COMPLETE:
        raise DomainError("UPLOAD_INCOMPLETE", field=field, received=upload.received, length=upload.length)
    return upload.sha256


async def prepare(rt: Runtime, scope: Scope, data: ApplicationInput) -> Prepared:
    """Every check of the input that needs no signature, all field errors at once; then the bytes to sign."""
    _request_id(data.request_id)
    who = await parties(rt, scope, data.representation, data.person_iin, today())
    errors: list[DomainError] = []

    def collect(check, *args):
        try:
            return check(*args)
        except DomainError as exc:
            errors.append(exc)
        except DomainErrors as exc:
            errors.extend(exc.errors)
        return None

    categories = collect(_categories, data.categories)
    errors += [DomainError("CONSENT_REQUIRED", field="consents", consent=c.value) for c in consents.missing(data.consents)]
    phone = collect(signing.kz_mobile, data.phone, "phone")
    email = collect(normalize_email, data.email, "email")
    upload_id = (data.technical_conclusion_upload_id or "").strip() or None
    sha256 = None
    if data.emergency and upload_id is None:
        errors.append(DomainError("TECHNICAL_CONCLUSION_REQUIRED", field="technicalConclusionUploadId"))
    elif not data.emergency and upload_id is not None:
        errors.append(DomainError("INVALID", field="technicalConclusionUploadId", cause="not_emergency"))
    elif upload_id is not None:
        try:
            sha256 = await _conclusion_sha256(scope, upload_id)
        except DomainError as exc:
            errors.append(exc)
    locality = collect(_locality, who.person)
    if errors:
        raise DomainErrors(errors)
    signed = {
        "filerIin": who.filer.iin, "personIin": who.person.iin, "representation": who.representation.value,
        "locality": locality, "emergency": data.emergency, "categories": list(categories),
        "consents": sorted(data.consents), "phone": phone, "email": email,
    }
    return Prepared(
        parties=who, locality=locality, categories=categories, consents=frozenset(data.consents), phone=phone,
        email=email, emergency=data.emergency, conclusion_upload_id=upload_id, conclusion_sha256=sha256,
        content=signing.content(signed, sha256),
    )


async def signing_payload(rt: Runtime, scope: Scope, data: ApplicationInput) -> tuple[bytes, str]:
    prepared = await prepare(rt, scope, data)
    return prepared.content, prepared.digest


# Filing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignatureInput:
    method: SigningMethod | None
    cms: str | None = None
    sms_code: str | None = None


@dataclass(frozen=True)
class Signed:
    method: SigningMethod
    cms: bytes = b""
    signer_name: str = ""
    signer_iin: str = ""
    certificate_serial: str = ""


async def _sign(rt: Runtime, scope: Scope, prepared: Prepared, signature: SignatureInput) -> Signed:
    filer = prepared.parties.filer
    if signature.method is SigningMethod.EDS:
        cms, signer = await signing.verify_eds(rt, prepared.content, signature.cms, scope.iin)
        return Signed(SigningMethod.EDS, cms, signer.name, signer.iin or "", signer.serial)
    if signature.method is SigningMethod.SMS:
        await signing.check_code(rt, scope, prepared.phone, prepared.digest, signature.sms_code)
        return Signed(SigningMethod.SMS, signer_name=filer.full_name, signer_iin=filer.iin)
    raise DomainError("REQUIRED", field="method")


async def _open_application(person_iin: str) -> QueueApplication | None:
    return await QueueApplication.filter(person_iin=person_iin, status__in=list(OPEN)).first()


def decide_at(moment: dt.datetime) -> dt.datetime:
    """When the automatic decision runs for a filing at `moment`: at once inside provider hours,
    else when the provider next opens (after lunch, at 09:00, or on the next working day)."""
    hours = OTBASY_HOURS
    if hours.is_open(moment):
        return moment
    local = moment.astimezone(ALMATY)
    day = hours.business_date(moment)
    if day == local.date():
        if local.time() < hours.opens:
            return dt.datetime.combine(day, hours.opens, tzinfo=ALMATY)
        if hours.lunch and hours.lunch[0] <= local.time() < hours.lunch[1]:
            return dt.datetime.combine(day, hours.lunch[1], tzinfo=ALMATY)
    return dt.datetime.combine(day, hours.opens, tzinfo=ALMATY)


def _check_rows(assessment: eligibility.Assessment) -> list[dict[str, Any]]:
    return [{"code": c.code, "passed": c.passed, "applies": c.applies, "reason": c.reason, "detail": c.detail}
            for c in assessment.checks]


async def file(rt: Runtime, scope: Scope, data: ApplicationInput, signature: SignatureInput, req: RequestInfo) -> QueueApplication:
    """Files the signed application. A repeated `requestId` returns what it filed the first time."""
    scope.require_person()
    request_id = _request_id(data.request_id)
    existing = await QueueApplication.get_or_none(filed_by_id=scope.user_id, request_id=request_id)
    if existing is not None:
        return existing
    prepared = await prepare(rt, scope, data)
    person = prepared.parties.person
    if await _open_application(person.iin) is not None:
        raise DomainError("ALREADY_FILED", field="personIin" if prepared.parties.represented else None)
    facts = await _facts(rt, person.iin)
    try:
        signed = await _sign(rt, scope, prepared, signature)
    except DomainError as exc:
        # A double click by SMS: the twin request used the code up and has filed by now.
        if exc.code == "OTP_INVALID":
            twin = await QueueApplication.get_or_none(filed_by_id=scope.user_id, request_id=request_id)
            if twin is not None:
                return twin
        raise

    now = clock.now()
    assessment = eligibility.assess(facts, eligibility.Claim(
        locality=prepared.locality, emergency=prepared.emergency, categories=prepared.categories,
        consents=prepared.consents, has_technical_conclusion=prepared.conclusion_sha256 is not None,
        representation=prepared.parties.representation.value,
    ), now.astimezone(ALMATY).date())
    review_days = EMERGENCY_WORKING_DAYS if prepared.emergency else AUTO_WORKING_DAYS
    status = QueueStatus.IN_REVIEW if prepared.emergency else QueueStatus.FILED
    try:
        async with atomic():
            # The number's lock is held to the commit: the open-application check below cannot race.
            number = await numbers.next_number(now.astimezone(ALMATY).year)
            # A double click whose twin filed while this one waited for the lock gets that filing.
            twin = await QueueApplication.get_or_none(filed_by_id=scope.user_id, request_id=request_id)
            if twin is not None:
                return twin
            if await _open_application(person.iin) is not None:
                raise DomainError("ALREADY_FILED", field="personIin" if prepared.parties.represented else None)
            app = await QueueApplication.create(
                number=number, filed_by_id=scope.user_id, person_iin=person.iin, person=persons.stored(person),
                representation=prepared.parties.representation,
                representative=persons.stored(prepared.parties.filer) if prepared.parties.represented else {},
                locality=prepared.locality, list_kind=assessment.list_kind, categories=list(prepared.categories),
                emergency=prepared.emergency, consents=consents.records(prepared.consents, now, signed.method),
                phone=prepared.phone, email=prepared.email, status=status, status_changed_at=now, filed_at=now,
                business_date=OTBASY_HOURS.business_date(now),
                decision_due=OTBASY_HOURS.deadline(now, review_days).date(),
                notify_due=OTBASY_HOURS.deadline(now, NOTIFY_WORKING_DAYS).date(),
                signing_method=signed.method, signed_digest=prepared.digest, checks=_check_rows(assessment),
                request_id=request_id,
            )
            await QueueSignature.create(
                application=app, purpose=signing.PURPOSE, method=signed.method, digest=prepared.digest,
                cms=signed.cms.hex(), phone=prepared.phone if signed.method is SigningMethod.SMS else "",
                signer_name=signed.signer_name, signer_iin=signed.signer_iin,
                certificate_serial=signed.certificate_serial, signed_by_id=scope.user_id,
            )
            if prepared.conclusion_upload_id is not None:
                await _attach_conclusion(rt, scope, app, prepared)
            await history.record(
                ENTITY, app.id, "filed", actor_id=scope.user_id, ip=req.ip, at=now.isoformat(),
                actorName=prepared.parties.filer.full_name,
                status=status.value, representation=prepared.parties.representation.value,
                signingMethod=signed.method.value, path=assessment.path, eligible=assessment.eligible,
                checks=[{"code": c.code, "passed": c.passed, "applies": c.applies} for c in assessment.checks],
            )
            if not prepared.emergency:
                run_at = decide_at(now)
                job = await scheduler.schedule(DECIDE_JOB, str(app.id), run_at)
                if run_at <= now:
                    scheduler.run_after_commit(rt, job)
    except IntegrityError:
        # The same request arrived twice at once and the other one filed it.
        existing = await QueueApplication.get_or_none(filed_by_id=scope.user_id, request_id=request_id)
        if existing is None:
            raise
        return existing
    return await QueueApplication.get(id=app.id)


async def _attach_conclusion(rt: Runtime, scope: Scope, app: QueueApplication, prepared: Prepared) -> None:
    upload = await uploads.claim(prepared.conclusion_upload_id or "", storage=rt.storage, user_id=scope.user_id)
    if upload.sha256 != prepared.conclusion_sha256:
        raise DomainError("CONTENT_CHANGED", field="technicalConclusionUploadId")
    await QueueFile.create(
        application=app, kind=QueueFileKind.TECHNICAL_CONCLUSION, title=(upload.filename or "technical-conclusion")[:300],
        storage_key=upload.storage_key, size=upload.length, sha256=upload.sha256,
        content_type=upload.content_type or "application/pdf", added_by_id=scope.user_id,
    )
