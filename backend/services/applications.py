"""Applications to KZhK, the applicant's side (seed 001): draft, supporting documents, the exact
bytes that get signed, and sending. The review steps live in `application_review`."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import uuid
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from backend.models.applications import (
    Application,
    ApplicationDocument,
    ApplicationSignature,
    ApplicationStatus,
    SignatureStage,
    SignerRole,
)
from backend.models.contracts import Contract, GuaranteeKind
from backend.models.identity import User
from backend.models.organizations import Organization
from backend.runtime import Runtime
from backend.services import application_types as types
from backend.services import history, uploads
from backend.services.application_events import announce_change
from backend.services.application_route import EDITABLE, TRANSITIONS, ActorKind, RouteActor, Step
from backend.errors import DomainError, DomainErrors
from backend.services.request_info import RequestInfo
from backend.services.tx import atomic

MAX_REQUEST_ID = 64


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


async def organization_of(user: User) -> Organization | None:
    """The organization a legal-entity account acts for: the company whose BIN it holds."""
    if not user.iin_bin:
        return None
    return await Organization.get_or_none(bin=user.iin_bin)


def kzhk_contracts(org: Organization):
    """Contracts of this organization with KZhK: it builds or sells them under a KZhK guarantee."""
    return Contract.filter(
        Q(developer_id=org.id) | Q(authorized_company_id=org.id), guarantee_kind=GuaranteeKind.KZHK_GUARANTEE
    ).order_by("signed_on", "number")


async def _next_number() -> str:
    # Readable and unguessable enough for a reference; the id stays the key everywhere.
    year = dt.datetime.now(dt.timezone.utc).year
    return f"KZH-{year}-{secrets.token_hex(3).upper()}"


def _clean_form(form: dict[str, Any] | None) -> dict[str, str]:
    clean: dict[str, str] = {}
    errors: list[DomainError] = []
    for key, value in (form or {}).items():
        if key not in types.FORM_FIELDS:
            errors.append(DomainError("UNKNOWN_FIELD", field=f"form.{key}"))
            continue
        text = str(value or "").strip()
        if len(text) > types.MAX_FIELD:
            errors.append(DomainError("TOO_LONG", field=f"form.{key}", max=types.MAX_FIELD))
        clean[key] = text
    if errors:
        raise DomainErrors(errors)
    return clean


def _check_type(type_code: str, category: str, category_other: str) -> types.ApplicationType:
    kind = types.application_type(type_code)
    if kind is None:
        raise DomainError("INVALID_TYPE", field="type")
    if category not in kind.categories:
        raise DomainError("INVALID_CATEGORY", field="category")
    if category == types.OTHER and not category_other.strip():
        raise DomainError("REQUIRED", field="categoryOther")
    return kind


async def create(
    user: User,
    org: Organization,
    contract_id: object,
    type_code: str,
    category: str,
    category_other: str,
    form: dict[str, Any] | None,
    request_id: str | None,
    req: RequestInfo,
) -> Application:
    if request_id is not None and not 1 <= len(request_id) <= MAX_REQUEST_ID:
        raise DomainError("INVALID_REQUEST_ID", field="requestId")
    if request_id:
        existing = await Application.get_or_none(created_by_id=user.id, request_id=request_id)
        if existing is not None:
            return existing
    _check_type(type_code, category, category_other)
    try:
        contract = await kzhk_contracts(org).filter(id=uuid.UUID(str(contract_id))).first()
    except ValueError:
        contract = None
    if contract is None:
        raise DomainError("NOT_FOUND", field="contractId")
    clean = _clean_form(form)
    try:
        async with atomic():
            application = await Application.create(
                number=await _next_number(), applicant_org=org, created_by=user, contract=contract,
                type=type_code, category=category, category_other=category_other.strip(), form=clean,
                request_id=request_id or None,
            )
            await history.record("application", application.id, "created", actor_id=user.id, ip=req.ip,
                                 to=ApplicationStatus.DRAFT.value, actor="applicant", actorLabel=user.full_name)
    except IntegrityError:
        # The same request arrived twice at once: the first one won.
        existing = await Application.get_or_none(created_by_id=user.id, request_id=request_id)
        if existing is None:
            raise
        return existing
    return application


def _editable(application: Application) -> None:
    if application.status not in EDITABLE:
        raise DomainError("WRONG_STATUS", status=application.status.value)


async def update(
    rt: Runtime, application: Application, user: User, *, category: str | None, category_other: str | None,
    form: dict[str, Any] | None, req: RequestInfo,
) -> Application:
    _editable(application)
    category = application.category if category is None else category
    category_other = application.category_other if category_other is None else category_other
    _check_type(application.type, category, category_other)
    clean = {**application.form, **_clean_form(form)} if form is not None else application.form
    async with atomic():
        changed = await Application.filter(id=application.id, status__in=list(EDITABLE)).update(
            category=category, category_other=category_other.strip(), form=clean, version=application.version + 1
        )
        if not changed:
            raise DomainError("WRONG_STATUS", status=(await Application.get(id=application.id)).status.value)
        await history.record("application", application.id, "edited", actor_id=user.id, ip=req.ip,
                             actor="applicant", actorLabel=user.full_name)
        await announce_change(rt, application, None)
    return await Application.get(id=application.id)


async def add_document(
    rt: Runtime, application: Application, user: User, upload_id: str, requirement: str, title: str, req: RequestInfo
) -> ApplicationDocument:
    _editable(application)
    kind = types.application_type(application.type)
    if kind is None or requirement not in {r.code for r in kind.documents}:
        raise DomainError("INVALID_REQUIREMENT", field="requirement")
    title = " ".join((title or "").split())
    if not title:
        raise DomainError("REQUIRED", field="title")
    if len(title) > 300:
        raise DomainError("TOO_LONG", field="title", max=300)
    async with atomic():
        upload = await uploads.claim(upload_id, storage=rt.storage, user_id=user.id)
        document = await ApplicationDocument.create(
            application=application, requirement=requirement, title=title, storage_key=upload.storage_key,
            size=upload.length, sha256=upload.sha256, content_type=upload.content_type,
        )
        await Application.filter(id=application.id).update(version=application.version + 1)
        await history.record("application", application.id, "document_added", actor_id=user.id, ip=req.ip,
                             actor="applicant", actorLabel=user.full_name, comment=title,
                             document={"id": str(document.id), "title": title, "requirement": requirement, "sha256": upload.sha256})
        await announce_change(rt, application, None)
    return document


async def remove_document(rt: Runtime, application: Application, user: User, document_id: object, req: RequestInfo) -> None:
    _editable(application)
    try:
        key = uuid.UUID(str(document_id))
    except ValueError:
        raise DomainError("NOT_FOUND", field="documentId") from None
    async with atomic():
        document = await ApplicationDocument.get_or_none(id=key, application_id=application.id)
        if document is None:
            raise DomainError("NOT_FOUND", field="documentId")
        await document.delete()
        await Application.filter(id=application.id).update(version=application.version + 1)
        await history.record("application", application.id, "document_removed", actor_id=user.id, ip=req.ip,
                             actor="applicant", actorLabel=user.full_name,
                             comment=document.title, document={"id": str(key)})
        await announce_change(rt, application, None)


async def delete_draft(application: Application, user: User, req: RequestInfo) -> None:
    if application.status is not ApplicationStatus.DRAFT:
        raise DomainError("WRONG_STATUS", status=application.status.value)
    async with atomic():
        await history.record("application", application.id, "deleted", actor_id=user.id, ip=req.ip)
        await Application.filter(id=application.id, status=ApplicationStatus.DRAFT).delete()


# What is signed ----------------------------------------------------------------------------


async def signing_content(application: Application) -> bytes:
    """The exact bytes the applicant signs: the application's data and its documents' SHA-256, as
    canonical JSON. Any later change to either gives other bytes, so an old signature no longer
    verifies against them."""
    contract = await Contract.get(id=application.contract_id)
    org = await Organization.get(id=application.applicant_org_id)
    documents = await ApplicationDocument.filter(application_id=application.id).order_by("requirement", "title", "sha256")
    content = {
        "schema": "shanyraq.application/1",
        "id": str(application.id),
        "number": application.number,
        "version": application.version,
        "applicant": {"bin": org.bin, "name": org.name},
        "contract": {"id": str(contract.id), "number": contract.number, "signedOn": contract.signed_on.isoformat()},
        "type": application.type,
        "category": application.category,
        "categoryOther": application.category_other,
        "form": dict(sorted(application.form.items())),
        "documents": [{"requirement": d.requirement, "title": d.title, "sha256": d.sha256, "size": d.size} for d in documents],
        "terms": types.TERMS_VERSION,
    }
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


async def missing_requirements(application: Application) -> list[DomainError]:
    kind = types.application_type(application.type)
    errors = [
        DomainError("REQUIRED", field=f"form.{name}")
        for name, required in types.FORM_FIELDS.items()
        if required and not (application.form.get(name) or "").strip()
    ]
    present = set(await ApplicationDocument.filter(application_id=application.id).values_list("requirement", flat=True))
    errors += [
        DomainError("DOCUMENT_REQUIRED", field=f"documents.{r.code}")
        for r in (kind.documents if kind else ())
        if r.required and r.code not in present
    ]
    return errors


async def submit(
    rt: Runtime,
    application: Application,
    user: User,
    *,
    signed_content: bytes,
    cms: bytes,
    signer: Any,
    method: str,
    terms_accepted: bool,
    req: RequestInfo,
) -> Application:
    """Sends the signed application (seed 001: "Sign application" → sent). `signer` is the verified
    signer of `cms` over `signed_content`; the content must still be the application's current one."""
    from backend.services import application_review  # the route's one mover

    if application.status is ApplicationStatus.SENT:
        last = await ApplicationSignature.filter(application_id=application.id, stage=SignatureStage.APPLICATION).order_by("-signed_at").first()
        if last is not None and last.digest == digest(signed_content):
            return application  # the same signed request again (double click, retry): nothing more to do
    if application.status not in TRANSITIONS[Step.SUBMIT].source:
        raise DomainError("WRONG_STATUS", status=application.status.value)
    if not terms_accepted:
        raise DomainError("TERMS_NOT_ACCEPTED", field="termsAccepted")
    missing = await missing_requirements(application)
    if missing:
        raise DomainErrors(missing)
    if signed_content != await signing_content(application):
        raise DomainError("CONTENT_CHANGED")
    actor = RouteActor(ActorKind.APPLICANT, user_id=user.id, label=signer.name)
    async with atomic():
        await ApplicationSignature.create(
            application=application, stage=SignatureStage.APPLICATION, role=SignerRole.APPLICANT,
            version=application.version, digest=digest(signed_content), cms=cms.hex(), method=method,
            signer_name=signer.name, signer_iin=signer.iin or "", signer_bin=signer.bin or "",
            certificate_serial=signer.serial, certificate_issuer=signer.issuer, signed_by=user,
        )
        return await application_review.move(
            rt, application, Step.SUBMIT, actor, req,
            updates={"terms_accepted_at": _now(), "terms_version": types.TERMS_VERSION, "sent_at": _now(),
                     "content_digest": digest(signed_content)},
            record={"signature": {"method": method, "signer": signer.name, "serial": signer.serial}},
        )
