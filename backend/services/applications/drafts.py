"""Applications to KZhK, the applicant's side before signing (seed 001, steps 3–6): the draft, its
contract information and its supporting documents. Signing and sending live in `signing`, the
review steps in `review`."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from backend.errors import DomainError, DomainErrors
from backend.models.applications import Application, ApplicationDocument, ApplicationStatus
from backend.models.contracts import Contract, GuaranteeKind
from backend.models.identity import User
from backend.runtime import Runtime
from backend.services import history, uploads
from backend.services.applications import types
from backend.services.applications.access import Scope, get_own
from backend.services.applications.events import announce_change
from backend.services.applications.route import EDITABLE
from backend.services.request_info import RequestInfo
from backend.services.tx import atomic

MAX_REQUEST_ID = 64
MAX_TITLE = 300


def kzhk_contracts(scope: Scope) -> QuerySet[Contract]:
    """Contracts of the viewer's organization with KZhK: it builds or sells them under a KZhK guarantee."""
    if scope.organization_id is None:
        return Contract.filter(id__in=[])
    org_id = scope.organization_id
    return Contract.filter(
        Q(developer_id=org_id) | Q(authorized_company_id=org_id), guarantee_kind=GuaranteeKind.KZHK_GUARANTEE
    ).order_by("signed_on", "number")


async def _next_number() -> str:
    # Readable and unguessable enough for a reference; the id stays the key everywhere.
    year = dt.datetime.now(dt.timezone.utc).year
    return f"KZH-{year}-{secrets.token_hex(3).upper()}"


def _clean_form(form: Any) -> dict[str, str]:
    # `form` is JSON from the client: anything may arrive, and only an object of fields is a form.
    if form is None:
        return {}
    if not isinstance(form, dict):
        raise DomainError("INVALID_FORM", field="form",
                          message="The form must be an object of field names and text values, e.g. {\"currentValue\": \"…\"}.")
    clean: dict[str, str] = {}
    errors: list[DomainError] = []
    for key, value in form.items():
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
    scope: Scope,
    user: User,
    contract_id: object,
    type_code: str,
    category: str,
    category_other: str,
    form: dict[str, Any] | None,
    request_id: str | None,
    req: RequestInfo,
) -> Application:
    if scope.organization_id is None:
        raise DomainError("NO_ORGANIZATION")
    if request_id is not None and not 1 <= len(request_id) <= MAX_REQUEST_ID:
        raise DomainError("INVALID_REQUEST_ID", field="requestId")
    if request_id:
        existing = await Application.get_or_none(created_by_id=user.id, request_id=request_id)
        if existing is not None:
            return existing
    _check_type(type_code, category, category_other)
    try:
        contract = await kzhk_contracts(scope).filter(id=uuid.UUID(str(contract_id))).first()
    except ValueError:
        contract = None
    if contract is None:
        raise DomainError("NOT_FOUND", field="contractId")
    clean = _clean_form(form)
    try:
        async with atomic():
            application = await Application.create(
                number=await _next_number(), applicant_org_id=scope.organization_id, created_by=user, contract=contract,
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
    rt: Runtime, scope: Scope, application_id: object, user: User, *, category: str | None, category_other: str | None,
    form: Any, req: RequestInfo,
) -> Application:
    application = await get_own(scope, application_id)
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
    rt: Runtime, scope: Scope, application_id: object, user: User, upload_id: str, requirement: str, title: str, req: RequestInfo
) -> Application:
    application = await get_own(scope, application_id)
    _editable(application)
    kind = types.application_type(application.type)
    if kind is None or requirement not in {r.code for r in kind.documents}:
        raise DomainError("INVALID_REQUIREMENT", field="requirement")
    title = " ".join((title or "").split())
    if not title:
        raise DomainError("REQUIRED", field="title")
    if len(title) > MAX_TITLE:
        raise DomainError("TOO_LONG", field="title", max=MAX_TITLE)
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
    return await Application.get(id=application.id)


async def remove_document(
    rt: Runtime, scope: Scope, application_id: object, user: User, document_id: object, req: RequestInfo
) -> Application:
    application = await get_own(scope, application_id)
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
    return await Application.get(id=application.id)


async def delete_draft(scope: Scope, application_id: object, user: User, req: RequestInfo) -> None:
    application = await get_own(scope, application_id)
    if application.status is not ApplicationStatus.DRAFT:
        raise DomainError("WRONG_STATUS", status=application.status.value)
    async with atomic():
        await history.record("application", application.id, "deleted", actor_id=user.id, ip=req.ip)
        await Application.filter(id=application.id, status=ApplicationStatus.DRAFT).delete()
