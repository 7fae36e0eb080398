"""Applications to the Kazakhstan Housing Company (seed 001): the applicant's section "My applications
at KZhK", signing, the review route and the back office."""

from __future__ import annotations

import base64
import datetime as dt

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from backend.models.applications import ApplicationFileKind, ApplicationStatus, SignatureStage, SignerRole
from backend.schema.common import UserError
from backend.schema.contracts import Contract, Organization
from backend.services import files as file_links
from backend.services.applications import access, signing
from backend.services.applications import types as catalogue

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
ApplicationAction = strawberry.enum(access.Action, name="ApplicationAction", description="What the viewer may do with an application now.")
DeadlineKindType = strawberry.enum(
    access.DeadlineKind, name="ApplicationDeadlineKind",
    description="REVIEW: KZhK's review term, from registration; REVISION: the applicant's term for a revision.",
)
DueType = strawberry.enum(
    access.Due, name="ApplicationDue",
    description="OVERDUE: the deadline has passed; SOON: it is today or the next working day of Kazakhstan; OK: later.",
)


async def viewer_scope(info: Info) -> access.Scope:
    """Who is viewing, as the applications service sees it; one organization lookup per request."""
    ctx = info.context
    return await access.scope_for(ctx.viewer, ctx.client, ctx.loaders.organization_by_bin.load)


def _link(info: Info, object_id, *, inline: bool) -> str | None:
    # Links are signed for the viewer (a person or a partner system): nobody else can open them.
    ctx = info.context
    settings = ctx.rt.settings
    if ctx.viewer is not None:
        return file_links.document_link(settings, object_id, ctx.viewer.user.id, inline=inline)
    if ctx.client is not None:
        return file_links.client_document_link(settings, object_id, ctx.client.client.id, inline=inline)
    return None


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

    @classmethod
    def from_row(cls, kind: catalogue.ApplicationType) -> ApplicationTypeInfo:
        return cls(
            code=kind.code, categories=list(kind.categories),
            documents=[DocumentRequirement(code=d.code, required=d.required) for d in kind.documents],
            review_working_days=kind.review_working_days, revision_working_days=kind.revision_working_days,
        )


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

    @classmethod
    def from_row(cls, info: Info, row) -> ApplicationDocumentType:
        return cls(
            id=str(row.id), requirement=row.requirement, title=row.title, size=float(row.size), sha256=row.sha256,
            content_type=row.content_type, created_at=row.created_at, download_url=_link(info, row.id, inline=False),
        )


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

    @classmethod
    def from_row(cls, info: Info, row) -> ApplicationFileType:
        return cls(
            id=str(row.id), kind=row.kind, title=row.title, size=float(row.size), sha256=row.sha256, signed=row.signed,
            created_at=row.created_at, download_url=_link(info, row.id, inline=False), view_url=_link(info, row.id, inline=True),
        )


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

    @classmethod
    def from_row(cls, row, *, matches_current: bool) -> ApplicationSignatureType:
        return cls(
            stage=row.stage, role=row.role, version=row.version, method=row.method, signer_name=row.signer_name,
            signer_iin=row.signer_iin, signer_bin=row.signer_bin, certificate_serial=row.certificate_serial,
            certificate_issuer=row.certificate_issuer, signed_at=row.signed_at, matches_current=matches_current,
        )


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

    @classmethod
    def from_row(cls, info: Info, row) -> ApplicationEvent:
        data = row.data
        return cls(
            at=row.created_at, action=row.action,
            from_status=ApplicationStatus(data["from"]) if data.get("from") else None,
            to_status=ApplicationStatus(data["to"]) if data.get("to") else None,
            actor=data.get("actor", "applicant"), actor_label=data.get("actorLabel", ""), comment=data.get("comment", ""),
            files=[HistoryFile(id=f["id"], kind=f["kind"], title=f["title"], signed=f.get("signed", f["kind"] != "sa_draft"),
                               download_url=_link(info, f["id"], inline=False))
                   for f in data.get("files") or []],
        )


@strawberry.type(description="The deadline that runs now: KZhK's review term, or the applicant's revision term.")
class ApplicationDeadline:
    kind: DeadlineKindType = strawberry.field(description="Whose deadline it is.")  # type: ignore[valid-type]
    date: dt.date = strawberry.field(description="The last day.")
    due: DueType = strawberry.field(description="How close it is, by the working days of Kazakhstan; what lists highlight.")  # type: ignore[valid-type]


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
    deadline: ApplicationDeadline | None = strawberry.field(description="The deadline that runs in this status, if any, and how close it is.")
    row: strawberry.Private[object]

    @classmethod
    def from_row(cls, row) -> Application:
        running = access.running_deadline(row)
        due = access.due(row)
        return cls(
            id=str(row.id), number=row.number, status=row.status, type=row.type, category=row.category,
            category_other=row.category_other, form=row.form, version=row.version, created_at=row.created_at,
            sent_at=row.sent_at, registration_number=row.registration_number, registered_on=row.registered_on,
            review_deadline=row.review_deadline, executor_name=row.executor_name, executor_phone=row.executor_phone,
            revision_deadline=row.revision_deadline, sa_number=row.sa_number, sa_date=row.sa_date,
            status_changed_at=row.status_changed_at, overdue=due is access.Due.OVERDUE,
            deadline=ApplicationDeadline(kind=running[0], date=running[1], due=due) if running else None, row=row,
        )

    async def _contract_row(self, info: Info):
        return await info.context.loaders.contract_by_id.load(self.row.contract_id)

    async def _application_content(self, info: Info) -> bytes:
        loaders = info.context.loaders
        return signing.application_content(
            self.row, await self._contract_row(info), await loaders.organization_by_id.load(self.row.applicant_org_id),
            await loaders.documents_by_application.load(self.row.id),
        )

    async def _sa_content(self, info: Info) -> bytes | None:
        draft = signing.latest_sa_draft(await info.context.loaders.files_by_application.load(self.row.id))
        return signing.sa_content(self.row, draft) if draft else None

    @strawberry.field(description="The contract with KZhK it amends.")
    async def contract(self, info: Info) -> Contract | None:
        row = await self._contract_row(info)
        return Contract.from_row(row) if row else None

    @strawberry.field(description="The applicant organization.")
    async def applicant(self, info: Info) -> Organization | None:
        row = await info.context.loaders.organization_by_id.load(self.row.applicant_org_id)
        return Organization.from_row(row) if row else None

    @strawberry.field(description="Supporting documents.")
    async def documents(self, info: Info) -> list[ApplicationDocumentType]:
        rows = await info.context.loaders.documents_by_application.load(self.row.id)
        return [ApplicationDocumentType.from_row(info, d) for d in rows]

    @strawberry.field(description="Notices and supplementary agreements.")
    async def files(self, info: Info) -> list[ApplicationFileType]:
        return [ApplicationFileType.from_row(info, f) for f in await info.context.loaders.files_by_application.load(self.row.id)]

    @strawberry.field(description="Verified signatures.")
    async def signatures(self, info: Info) -> list[ApplicationSignatureType]:
        rows = await info.context.loaders.signatures_by_application.load(self.row.id)
        if not rows:
            return []
        current = signing.digest(await self._application_content(info))
        sa = await self._sa_content(info) if self.row.status in access.SA_STAGE else None
        sa_current = signing.digest(sa) if sa is not None else None
        return [ApplicationSignatureType.from_row(sig, matches_current=signing.matches_current(sig, current, sa_current))
                for sig in rows]

    @strawberry.field(description="The full history, oldest first.")
    async def history(self, info: Info) -> list[ApplicationEvent]:
        return [ApplicationEvent.from_row(info, e) for e in await info.context.loaders.application_history.load(self.row.id)]

    @strawberry.field(description="What the viewer may do now.")
    async def available_actions(self, info: Info) -> list[ApplicationAction]:  # type: ignore[valid-type]
        contract = await self._contract_row(info)
        signatures = await info.context.loaders.signatures_by_application.load(self.row.id)
        return access.available_actions(
            await viewer_scope(info), self.row, developer_id=contract.developer_id if contract else None,
            sa_signed_by=[s.role for s in signatures if s.stage is SignatureStage.SUPPLEMENTARY_AGREEMENT],
        )

    @strawberry.field(description="Base64 of the exact bytes to sign to send it (applicant, while editable).")
    async def signing_payload(self, info: Info) -> str | None:
        if not access.may_sign_application(await viewer_scope(info), self.row):
            return None
        return base64.b64encode(await self._application_content(info)).decode()

    @strawberry.field(description="Base64 of the exact bytes a party signs for the supplementary agreement.")
    async def sa_signing_payload(self, info: Info) -> str | None:
        contract = await self._contract_row(info)
        if not access.may_sign_sa(await viewer_scope(info), self.row, contract.developer_id if contract else None):
            return None
        content = await self._sa_content(info)
        return base64.b64encode(content).decode() if content is not None else None


@strawberry.type(description="Result of an applicant's change.")
class ApplicationPayload:
    application: Application | None = strawberry.field(default=None, description="The application after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="What to fix; nothing changed.")

    @classmethod
    def from_row(cls, row) -> ApplicationPayload:
        return cls(application=Application.from_row(row))


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
