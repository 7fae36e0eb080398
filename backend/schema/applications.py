"""Applications to the Kazakhstan Housing Company (seed 001): the applicant's section "My applications
at KZhK", signing, the review route and the back office."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncGenerator
from enum import Enum
from typing import Annotated

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from backend.auth.permissions import Allow, AllowClient, AllowEither
from backend.models.applications import ApplicationFileKind, ApplicationStatus, SignatureStage, SignerRole
from backend.models.identity import Role
from backend.resolvers import applications as r
from backend.schema.common import INPUT, Connection, UserError
from backend.schema.contracts import Contract, Organization
from backend.services.partners import ApiScope

ApplicationStatusType = strawberry.enum(
    ApplicationStatus, name="ApplicationStatus",
    description="The 10 statuses of the route, in order (seed 001): DRAFT Жасауда, SENT Өтінім жіберілді, REGISTERED "
    "Өтінім тіркелген, IN_REVIEW Өтінім қарауда, NEEDS_REVISION пысықтау қажет, REJECTED қабылданбады, APPROVED "
    "мақұлданды (SA being prepared), SA_PARTIES_SIGNING the applicant and developer sign the SA, SA_KZHK_SIGNING KZhK "
    "signs the SA, SA_SIGNED КҚ қол қойылды.",
)
FileKindType = strawberry.enum(ApplicationFileKind, name="ApplicationFileKind", description="A file KZhK produced.")
StageType = strawberry.enum(SignatureStage, name="SignatureStage", description="What was signed.")
SignerRoleType = strawberry.enum(SignerRole, name="SignerRole", description="In which capacity.")

def staff() -> AllowEither:
    # A new guard per field: a guard learns its field's return type when applied.
    return AllowEither(Allow(Role.KZHK_OPERATOR), AllowClient(ApiScope.APPLICATIONS_BPMS))


@strawberry.enum(description="What the viewer may do with an application now.")
class ApplicationAction(Enum):
    EDIT = "edit"
    DELETE = "delete"
    SUBMIT = "submit"
    SIGN_SA = "sign_sa"
    REGISTER = "register"
    START_REVIEW = "start_review"
    REQUEST_REVISION = "request_revision"
    REJECT = "reject"
    APPROVE = "approve"
    ATTACH_SA_DRAFT = "attach_sa_draft"
    SIGN_SA_BY_KZHK = "sign_sa_by_kzhk"


@strawberry.type(description="A supporting document an application type asks for.")
class DocumentRequirement:
    code: str = strawberry.field(description="e.g. OFFICIAL_LETTER — the signed and sealed official letter, always required.")
    required: bool = strawberry.field(description="Marked with a red asterisk.")


@strawberry.type(description="A field of the \"Contract information\" tab.")
class FormFieldInfo:
    name: str = strawberry.field(description="Key in `form`.")
    required: bool = strawberry.field(description="Marked with a red asterisk.")


@strawberry.type(description="A kind of application with its correction categories, documents and terms.")
class ApplicationTypeInfo:
    code: str = strawberry.field(description="Type code; clients translate it.")
    categories: list[str] = strawberry.field(description="Correction categories; OTHER takes free text.")
    documents: list[DocumentRequirement] = strawberry.field(description="Supporting documents.")
    review_working_days: int = strawberry.field(description="Review term in working days of Kazakhstan, from registration.")
    revision_working_days: int = strawberry.field(description="Usual time given for a revision, in working days.")


@strawberry.type(description="The terms shown before signing (filing conditions and review terms).")
class ApplicationTerms:
    version: str = strawberry.field(description="Recorded with the applicant's agreement.")
    working_hours: str = strawberry.field(description="KZhK hours; applications sent outside them are registered the next working day.")
    max_file_bytes: float = strawberry.field(description="Largest supporting document.")
    form_fields: list[FormFieldInfo] = strawberry.field(description="Fields of the contract information tab.")


@strawberry.type(name="ApplicationDocument", description="A supporting document of an application.")
class ApplicationDocumentType:
    id: strawberry.ID = strawberry.field(description="Document id.")
    requirement: str = strawberry.field(description="Which requirement it meets.")
    title: str = strawberry.field(description="Title.")
    size: float = strawberry.field(description="Bytes.")
    sha256: str = strawberry.field(description="SHA-256, part of what is signed.")
    content_type: str = strawberry.field(description="From the content itself.")
    created_at: dt.datetime = strawberry.field(description="When added.")
    download_url: str | None = strawberry.field(description="A personal link that expires in minutes.")


@strawberry.type(name="ApplicationFile", description="A notice or supplementary agreement produced by KZhK.")
class ApplicationFileType:
    id: strawberry.ID = strawberry.field(description="File id.")
    kind: FileKindType = strawberry.field(description="Notice, SA draft or signed SA.")  # type: ignore[valid-type]
    title: str = strawberry.field(description="Title.")
    size: float = strawberry.field(description="Bytes.")
    sha256: str = strawberry.field(description="SHA-256.")
    signed: bool = strawberry.field(description="Signed with EDS by KZhK (PAdES); check it on the verification page.")
    created_at: dt.datetime = strawberry.field(description="When produced.")
    download_url: str | None = strawberry.field(description="A personal link that expires in minutes.")
    view_url: str | None = strawberry.field(description="The same, for viewing in the page.")


@strawberry.type(name="ApplicationSignature", description="A verified EDS signature on an application or its SA.")
class ApplicationSignatureType:
    stage: StageType = strawberry.field(description="Application or supplementary agreement.")  # type: ignore[valid-type]
    role: SignerRoleType = strawberry.field(description="Applicant, developer or KZhK.")  # type: ignore[valid-type]
    version: int = strawberry.field(description="The application version it signed.")
    method: str = strawberry.field(description="eds (certificate in the browser) or qr (signed on another device).")
    signer_name: str = strawberry.field(description="From the certificate.")
    signer_iin: str = strawberry.field(description="IIN from the certificate.")
    signer_bin: str = strawberry.field(description="BIN from the certificate.")
    certificate_serial: str = strawberry.field(description="Certificate serial number, hex.")
    certificate_issuer: str = strawberry.field(description="Issuing CA.")
    signed_at: dt.datetime = strawberry.field(description="When it was verified and recorded.")
    matches_current: bool = strawberry.field(description="The application's data and documents are still what was signed.")


@strawberry.type(description="A file attached to a history entry.")
class HistoryFile:
    id: strawberry.ID = strawberry.field(description="File id.")
    kind: str = strawberry.field(description="File kind.")
    title: str = strawberry.field(description="Title.")
    signed: bool = strawberry.field(description="Signed with EDS by KZhK (PAdES).")
    download_url: str | None = strawberry.field(description="A personal link that expires in minutes.")


@strawberry.type(description="A stage of forming, signing or review (\"More\" in the list).")
class ApplicationEvent:
    at: dt.datetime = strawberry.field(description="When.")
    action: str = strawberry.field(description="created, edited, document_added, submit, register, start_review, …")
    from_status: ApplicationStatusType | None = strawberry.field(description="Status before, for transitions.")  # type: ignore[valid-type]
    to_status: ApplicationStatusType | None = strawberry.field(description="Status after, for transitions.")  # type: ignore[valid-type]
    actor: str = strawberry.field(description="applicant, developer, operator or bpms.")
    actor_label: str = strawberry.field(description="Who, as shown to people.")
    comment: str = strawberry.field(description="The operator's comment or reason.")
    files: list[HistoryFile] = strawberry.field(description="Downloads of this stage (notices, SA).")


@strawberry.type(description="An application to KZhK with everything the list, the card and the back office show.")
class Application:
    id: strawberry.ID = strawberry.field(description="Application id.")
    number: str = strawberry.field(description="The portal's number.")
    status: ApplicationStatusType = strawberry.field(description="Where it is on the route.")  # type: ignore[valid-type]
    type: str = strawberry.field(description="Application type code.")
    category: str = strawberry.field(description="Correction category code.")
    category_other: str = strawberry.field(description="Free text when the category is OTHER.")
    form: JSON = strawberry.field(description="The contract information tab: currentValue, requestedValue, justification, contact….")
    version: int = strawberry.field(description="Grows with every edit; signatures bind to one version.")
    created_at: dt.datetime = strawberry.field(description="When created.")
    sent_at: dt.datetime | None = strawberry.field(description="When signed and sent.")
    registration_number: str = strawberry.field(description="Number in KZhK's BPMS.")
    registered_on: dt.date | None = strawberry.field(description="Registration date (next working day if sent after hours).")
    review_deadline: dt.date | None = strawberry.field(description="Review deadline.")
    executor_name: str = strawberry.field(description="Responsible executor.")
    executor_phone: str = strawberry.field(description="The executor's internal phone.")
    revision_deadline: dt.date | None = strawberry.field(description="Deadline of the requested revision.")
    sa_number: str = strawberry.field(description="Supplementary agreement number.")
    sa_date: dt.date | None = strawberry.field(description="Supplementary agreement date.")
    status_changed_at: dt.datetime | None = strawberry.field(description="When the status last changed.")
    overdue: bool = strawberry.field(description="A review or revision deadline has passed.")
    contract_id: strawberry.Private[object]
    applicant_org_id: strawberry.Private[object]
    row: strawberry.Private[object]

    @strawberry.field(description="The contract with KZhK it amends.")
    async def contract(self, info: Info) -> Contract | None:
        return await r.contract_of(info, self.contract_id)

    @strawberry.field(description="The applicant organization.")
    async def applicant(self, info: Info) -> Organization | None:
        return await r.applicant_of(info, self.applicant_org_id)

    @strawberry.field(description="Supporting documents.")
    async def documents(self, info: Info) -> list[ApplicationDocumentType]:
        return await r.documents_of(info, self.id)

    @strawberry.field(description="Notices and supplementary agreements.")
    async def files(self, info: Info) -> list[ApplicationFileType]:
        return await r.files_of(info, self.id)

    @strawberry.field(description="Verified signatures.")
    async def signatures(self, info: Info) -> list[ApplicationSignatureType]:
        return await r.signatures_of(info, self.row)

    @strawberry.field(description="The full history, oldest first.")
    async def history(self, info: Info) -> list[ApplicationEvent]:
        return await r.history_of(info, self.id)

    @strawberry.field(description="What the viewer may do now.")
    async def available_actions(self, info: Info) -> list[ApplicationAction]:
        return await r.available_actions(info, self.row)

    @strawberry.field(description="Base64 of the exact bytes to sign to send it (applicant, while editable).")
    async def signing_payload(self, info: Info) -> str | None:
        return await r.signing_payload(info, self.row)

    @strawberry.field(description="Base64 of the exact bytes a party signs for the supplementary agreement.")
    async def sa_signing_payload(self, info: Info) -> str | None:
        return await r.sa_signing_payload(info, self.row)


@strawberry.type(description="Result of an applicant's change.")
class ApplicationPayload:
    application: Application | None = strawberry.field(default=None, description="The application after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="What to fix; nothing changed.")


@strawberry.type(description="A signing session for a second device: show `signUrl` as a QR code.")
class SigningSessionStart:
    session_id: strawberry.ID | None = strawberry.field(default=None, description="Subscribe to signingSessionUpdated with it.")
    sign_url: str | None = strawberry.field(default=None, description="Path of the signing page, with its one-time token.")
    expires_at: dt.datetime | None = strawberry.field(default=None, description="The session ends then.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why no session was opened.")


@strawberry.input(description="A new application (draft).")
class ApplicationCreateInput:
    contract_id: strawberry.ID = strawberry.field(description="One of `kzhkContracts`.")
    type: str = strawberry.field(description="An `applicationTypes` code.")
    category: str = strawberry.field(description="One of the type's categories.")
    category_other: str = strawberry.field(default="", description="Required with OTHER.")
    form: JSON | None = strawberry.field(default=None, description="Contract information fields.")
    request_id: str | None = strawberry.field(default=None, description="The client's id of this request: retries create one application.")


@strawberry.input(description="Changes to a draft or an application under revision.")
class ApplicationUpdateInput:
    application_id: strawberry.ID = strawberry.field(description="The application.")
    category: str | None = strawberry.field(default=None, description="New category.")
    category_other: str | None = strawberry.field(default=None, description="New free text.")
    form: JSON | None = strawberry.field(default=None, description="Fields to change; others stay.")


@strawberry.input(description="A finished upload (tus) as a supporting document.")
class ApplicationDocumentAddInput:
    application_id: strawberry.ID = strawberry.field(description="The application.")
    upload_id: str = strawberry.field(description="tus upload id.")
    requirement: str = strawberry.field(description="Which requirement it meets.")
    title: str = strawberry.field(description="Title.")


@strawberry.input(description="A supporting document to remove.")
class ApplicationDocumentRemoveInput:
    application_id: strawberry.ID = strawberry.field(description="The application.")
    document_id: strawberry.ID = strawberry.field(description="The document.")


@strawberry.input(description="Which application.")
class ApplicationRefInput:
    application_id: strawberry.ID = strawberry.field(description="The application.")


@strawberry.input(description="Sign and send: a detached CMS (base64) over `signingPayload`, or a QR session that got one.")
class ApplicationSubmitInput:
    application_id: strawberry.ID = strawberry.field(description="The application.")
    terms_accepted: bool = strawberry.field(description="The applicant agrees to the review conditions and deadlines.")
    cms: str | None = strawberry.field(default=None, description="Base64 DER of a detached CMS signature.")
    signing_session_id: strawberry.ID | None = strawberry.field(default=None, description="A SIGNED QR signing session.")


@strawberry.input(description="A party's signature on the supplementary agreement.")
class ApplicationSaSignInput:
    application_id: strawberry.ID = strawberry.field(description="The application.")
    cms: str | None = strawberry.field(default=None, description="Base64 DER of a detached CMS over `saSigningPayload`.")
    signing_session_id: strawberry.ID | None = strawberry.field(default=None, description="A SIGNED QR signing session.")


@strawberry.input(description="Open a QR signing session for the application or its SA.")
class ApplicationSigningSessionInput:
    application_id: strawberry.ID = strawberry.field(description="The application.")
    stage: StageType = strawberry.field(description="What to sign.")  # type: ignore[valid-type]


@strawberry.input(description="Registration in the BPMS.")
class ApplicationRegisterInput:
    application_id: strawberry.ID = strawberry.field(description="The application.")
    registration_number: str = strawberry.field(description="Number in the BPMS.")
    registered_on: dt.date | None = strawberry.field(default=None, description="Default: the working day it arrived on.")
    review_deadline: dt.date | None = strawberry.field(default=None, description="Default: the type's term in working days.")
    comment: str = strawberry.field(default="", description="Comment.")


@strawberry.input(description="Review starts with a responsible executor.")
class ApplicationStartReviewInput:
    application_id: strawberry.ID = strawberry.field(description="The application.")
    executor_name: str = strawberry.field(description="Full name.")
    executor_phone: str = strawberry.field(description="Internal phone.")
    comment: str = strawberry.field(default="", description="Comment.")


@strawberry.input(description="A decision with a comment (revision, rejection, approval).")
class ApplicationDecisionInput:
    application_id: strawberry.ID = strawberry.field(description="The application.")
    comment: str = strawberry.field(default="", description="Required for revision and rejection; goes into the signed notice.")
    revision_deadline: dt.date | None = strawberry.field(default=None, description="For a revision; default: the type's term.")


@strawberry.input(description="The SA draft: an uploaded PDF, or generated from the application.")
class ApplicationSaDraftInput:
    application_id: strawberry.ID = strawberry.field(description="The application.")
    upload_id: str | None = strawberry.field(default=None, description="tus upload id of a PDF; omit to generate.")
    comment: str = strawberry.field(default="", description="Comment.")


@strawberry.input(description="KZhK's signature: the SA gets its number and date.")
class ApplicationSaFinalInput:
    application_id: strawberry.ID = strawberry.field(description="The application.")
    sa_number: str = strawberry.field(description="SA number.")
    sa_date: dt.date | None = strawberry.field(default=None, description="SA date; default today.")
    comment: str = strawberry.field(default="", description="Comment.")


ListArgs = Annotated[int | None, strawberry.argument(description="Page size; at most 100 (more is served as 100).")]
AfterArg = Annotated[str | None, strawberry.argument(description="`endCursor` of the previous page.")]
StatusArg = Annotated[list[ApplicationStatusType] | None, strawberry.argument(description="Only these statuses.")]  # type: ignore[valid-type]


@strawberry.type
class ApplicationQuery:
    @strawberry.field(description="Application types with categories, documents and terms.")
    def application_types(self) -> list[ApplicationTypeInfo]:
        return r.application_types()

    @strawberry.field(description="The terms shown before signing.")
    def application_terms(self) -> ApplicationTerms:
        return r.application_terms()

    @strawberry.field(extensions=[Allow(Role.LEGAL_ENTITY)], description="The viewer's organization's contracts with KZhK.")
    async def kzhk_contracts(self, info: Info) -> list[Contract]:
        return await r.kzhk_contracts(info)

    @strawberry.field(extensions=[Allow(Role.LEGAL_ENTITY)], description="My applications at KZhK, newest first.")
    async def my_applications(self, info: Info, status: StatusArg = None, first: ListArgs = 20, after: AfterArg = None) -> Connection[Application]:
        return await r.my_applications(info, status, first, after)

    @strawberry.field(extensions=[staff()], description="The back-office queue, newest first (operators and the BPMS).")
    async def application_queue(
        self, info: Info, status: StatusArg = None,
        overdue_only: Annotated[bool, strawberry.argument(description="Only those past a deadline.")] = False,
        search: Annotated[str | None, strawberry.argument(description="Number, registration number, BIN or contract number.")] = None,
        first: ListArgs = 20, after: AfterArg = None,
    ) -> Connection[Application]:
        return await r.application_queue(info, status, overdue_only, search, first, after)

    @strawberry.field(description="One application the viewer may see, or null.")
    async def application(self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="Application id.")]) -> Application | None:
        return await r.application(info, id)


@strawberry.type
class ApplicationMutation:
    @strawberry.mutation(extensions=[Allow(Role.LEGAL_ENTITY)], description="Create a draft (Жасауда).")
    async def application_create(self, info: Info, input: Annotated[ApplicationCreateInput, INPUT]) -> ApplicationPayload:
        return await r.application_create(info, input)

    @strawberry.mutation(extensions=[Allow(Role.LEGAL_ENTITY)], description="Change a draft or an application under revision.")
    async def application_update(self, info: Info, input: Annotated[ApplicationUpdateInput, INPUT]) -> ApplicationPayload:
        return await r.application_update(info, input)

    @strawberry.mutation(extensions=[Allow(Role.LEGAL_ENTITY)], description="Add a supporting document.")
    async def application_document_add(self, info: Info, input: Annotated[ApplicationDocumentAddInput, INPUT]) -> ApplicationPayload:
        return await r.application_document_add(info, input)

    @strawberry.mutation(extensions=[Allow(Role.LEGAL_ENTITY)], description="Remove a supporting document.")
    async def application_document_remove(self, info: Info, input: Annotated[ApplicationDocumentRemoveInput, INPUT]) -> ApplicationPayload:
        return await r.application_document_remove(info, input)

    @strawberry.mutation(extensions=[Allow(Role.LEGAL_ENTITY)], description="Delete a draft.")
    async def application_delete(self, info: Info, input: Annotated[ApplicationRefInput, INPUT]) -> ApplicationPayload:
        return await r.application_delete(info, input)

    @strawberry.mutation(extensions=[Allow(Role.LEGAL_ENTITY)], description="Sign with EDS and send (or re-send after a revision).")
    async def application_submit(self, info: Info, input: Annotated[ApplicationSubmitInput, INPUT]) -> ApplicationPayload:
        return await r.application_submit(info, input)

    @strawberry.mutation(extensions=[Allow(Role.LEGAL_ENTITY)], description="Sign the supplementary agreement as the applicant or the developer.")
    async def application_sa_sign(self, info: Info, input: Annotated[ApplicationSaSignInput, INPUT]) -> ApplicationPayload:
        return await r.application_sa_sign(info, input)

    @strawberry.mutation(extensions=[Allow(Role.LEGAL_ENTITY)], description="Open a QR signing session for a second device.")
    async def application_signing_session_create(self, info: Info, input: Annotated[ApplicationSigningSessionInput, INPUT]) -> SigningSessionStart:
        return await r.application_signing_session_create(info, input)

    @strawberry.mutation(extensions=[staff()], description="Register in the BPMS (Өтінім тіркелген).")
    async def application_register(self, info: Info, input: Annotated[ApplicationRegisterInput, INPUT]) -> ApplicationPayload:
        return await r.application_register(info, input)

    @strawberry.mutation(extensions=[staff()], description="Start the review with an executor (Өтінім қарауда).")
    async def application_start_review(self, info: Info, input: Annotated[ApplicationStartReviewInput, INPUT]) -> ApplicationPayload:
        return await r.application_start_review(info, input)

    @strawberry.mutation(extensions=[staff()], description="Ask for a revision; a notice signed with EDS goes to the applicant.")
    async def application_request_revision(self, info: Info, input: Annotated[ApplicationDecisionInput, INPUT]) -> ApplicationPayload:
        return await r.application_request_revision(info, input)

    @strawberry.mutation(extensions=[staff()], description="Reject; a notice signed with EDS goes to the applicant. Final.")
    async def application_reject(self, info: Info, input: Annotated[ApplicationDecisionInput, INPUT]) -> ApplicationPayload:
        return await r.application_reject(info, input)

    @strawberry.mutation(extensions=[staff()], description="Approve; the supplementary agreement is prepared next.")
    async def application_approve(self, info: Info, input: Annotated[ApplicationDecisionInput, INPUT]) -> ApplicationPayload:
        return await r.application_approve(info, input)

    @strawberry.mutation(extensions=[staff()], description="Send the SA draft to the applicant and the developer for signing.")
    async def application_sa_draft_attach(self, info: Info, input: Annotated[ApplicationSaDraftInput, INPUT]) -> ApplicationPayload:
        return await r.application_sa_draft_attach(info, input)

    @strawberry.mutation(extensions=[staff()], description="KZhK signs the SA: number, date, and a PDF signed with EDS.")
    async def application_sa_sign_by_kzhk(self, info: Info, input: Annotated[ApplicationSaFinalInput, INPUT]) -> ApplicationPayload:
        return await r.application_sa_sign_by_kzhk(info, input)


@strawberry.type
class ApplicationSubscription:
    @strawberry.subscription(description="An application the viewer may see, at every change.")
    async def application_updated(
        self, info: Info, application_id: Annotated[strawberry.ID, strawberry.argument(description="The application.")]
    ) -> AsyncGenerator[Application, None]:
        async for item in r.application_updates(info, application_id):
            yield item

    @strawberry.subscription(description="The viewer's organization's applications (applicants) or the whole queue (operators), at every change.")
    async def applications_changed(self, info: Info) -> AsyncGenerator[Application, None]:
        async for item in r.applications_changed(info):
            yield item
