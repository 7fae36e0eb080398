"""Signatures on an application and on its supplementary agreement (seed 001, steps 7–8): the exact
bytes each party signs, whose certificate may sign them (the company's BIN, with the right to sign
for it), and the submissions they make — the first time, again after a revision, or a retry."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from backend.adapters.signatures import SignatureError, has_signing_authority, require_subject
from backend.auth.identifiers import IdentifierKind, classify_iin_bin
from backend.errors import DomainError, DomainErrors
from backend.models.applications import (
    Application,
    ApplicationDocument,
    ApplicationFile,
    ApplicationFileKind,
    ApplicationSignature,
    ApplicationStatus as S,
    SignatureStage,
    SignerRole,
)
from backend.models.contracts import Contract
from backend.models.identity import User
from backend.models.organizations import Organization
from backend.runtime import Runtime
from backend.services import history, signing_sessions
from backend.services.applications import types
from backend.services.applications.access import Scope, get_own, get_visible, party_of
from backend.services.applications.events import announce_change
from backend.services.applications.route import ActorKind, RouteActor, Step, check, move
from backend.services.request_info import RequestInfo
from backend.services.tx import atomic

APPLICATION = "application"
SUPPLEMENTARY_AGREEMENT = "supplementary_agreement"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


# What is signed ----------------------------------------------------------------------------


def application_content(
    application: Application, contract: Contract, org: Organization, documents: Iterable[ApplicationDocument]
) -> bytes:
    """The exact bytes the applicant signs: the application's data and its documents' SHA-256, as
    canonical JSON. Any later change to either gives other bytes, so an old signature no longer
    verifies against them. Documents are ordered here, not by the database, so that every database
    and every caller (a list of rows, one submission) gets the same bytes."""
    ordered = sorted(documents, key=lambda d: (d.requirement, d.title, d.sha256))
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
        "documents": [{"requirement": d.requirement, "title": d.title, "sha256": d.sha256, "size": d.size} for d in ordered],
        "terms": types.TERMS_VERSION,
    }
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


async def signing_content(application: Application) -> bytes:
    return application_content(
        application,
        await Contract.get(id=application.contract_id),
        await Organization.get(id=application.applicant_org_id),
        await ApplicationDocument.filter(application_id=application.id),
    )


def latest_sa_draft(files: Iterable[ApplicationFile]) -> ApplicationFile | None:
    drafts = [f for f in files if f.kind is ApplicationFileKind.SA_DRAFT]
    return max(drafts, key=lambda f: f.created_at) if drafts else None


def sa_content(application: Application, draft: ApplicationFile) -> bytes:
    """What each party signs for the SA: the draft's SHA-256 bound to this application."""
    content = {"schema": "shanyraq.supplementary-agreement/1", "application": str(application.id),
               "number": application.number, "draft": {"id": str(draft.id), "sha256": draft.sha256}}
    return json.dumps(content, sort_keys=True, separators=(",", ":")).encode()


async def sa_draft(application: Application) -> ApplicationFile:
    draft = latest_sa_draft(await ApplicationFile.filter(application_id=application.id, kind=ApplicationFileKind.SA_DRAFT))
    if draft is None:
        raise DomainError("SA_DRAFT_MISSING")
    return draft


async def sa_signing_content(application: Application) -> bytes:
    return sa_content(application, await sa_draft(application))


def matches_current(signature: ApplicationSignature, application_digest: str, sa_digest: str | None) -> bool:
    expected = application_digest if signature.stage is SignatureStage.APPLICATION else sa_digest
    return signature.digest == expected


# Whose signature counts --------------------------------------------------------------------


@dataclass(frozen=True)
class Proof:
    """What the client sends as its signature: a detached CMS (base64), or a QR signing session
    that got one on another device."""

    cms: str | None = None
    signing_session_id: object | None = None


@dataclass(frozen=True)
class Signed:
    cms: bytes
    signer: Any
    method: str  # eds | qr


async def verified(
    rt: Runtime, content: bytes, proof: Proof, *, purpose: str, subject_id: str, expected: str, user: User, req: RequestInfo
) -> Signed:
    """The verified signer of `content`. For a company (a BIN) only a certificate of that company
    with the right to sign for it counts; for a person, their own IIN."""
    try:
        if proof.signing_session_id is not None:
            cms, _ = await signing_sessions.take_signed(
                proof.signing_session_id, user.id, purpose, subject_id, payload=content, req=req
            )
            method = "qr"
        elif proof.cms:
            try:
                cms = base64.b64decode(proof.cms, validate=True)
            except (binascii.Error, ValueError):
                raise DomainError("CMS_MALFORMED", field="cms") from None
            method = "eds"
        else:
            raise DomainError("REQUIRED", field="cms")
        signer = await rt.signatures.verify_detached(content, cms, purpose="sign")
        if classify_iin_bin(expected) is IdentifierKind.COMPANY:
            require_subject(signer, bin=expected)
            if not has_signing_authority(signer):
                # An employee certificate without the right to sign for the company (NCA role).
                raise DomainError("NO_SIGNING_AUTHORITY", field="cms")
        else:
            require_subject(signer, iin=expected)
    except SignatureError as exc:
        raise DomainError(exc.code, field="cms", **exc.params) from None
    return Signed(cms=cms, signer=signer, method=method)


# The applicant signs and sends -------------------------------------------------------------


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


async def _sent_already(application: Application) -> bool:
    """A repeated submission (double click, retry) of what was sent: the last signature is over the
    content as it still is."""
    if application.status is not S.SENT:
        return False
    last = await ApplicationSignature.filter(
        application_id=application.id, stage=SignatureStage.APPLICATION
    ).order_by("-signed_at").first()
    return last is not None and last.digest == digest(await signing_content(application))


async def submit(
    rt: Runtime, scope: Scope, application_id: object, user: User, proof: Proof, *, terms_accepted: bool, req: RequestInfo
) -> Application:
    """Sends the signed application (seed 001: "Sign application" → sent)."""
    application = await get_own(scope, application_id)
    if await _sent_already(application):
        return application
    check(application, Step.SUBMIT, ActorKind.APPLICANT)
    content = await signing_content(application)
    signed = await verified(rt, content, proof, purpose=APPLICATION, subject_id=str(application.id),
                            expected=scope.organization_bin, user=user, req=req)
    if not terms_accepted:
        raise DomainError("TERMS_NOT_ACCEPTED", field="termsAccepted")
    missing = await missing_requirements(application)
    if missing:
        raise DomainErrors(missing)
    signer = signed.signer
    actor = RouteActor(ActorKind.APPLICANT, user_id=user.id, label=signer.name)
    async with atomic():
        # A document added while the signature was being checked changes the bytes.
        if content != await signing_content(application):
            raise DomainError("CONTENT_CHANGED")
        await ApplicationSignature.create(
            application=application, stage=SignatureStage.APPLICATION, role=SignerRole.APPLICANT,
            version=application.version, digest=digest(content), cms=signed.cms.hex(), method=signed.method,
            signer_name=signer.name, signer_iin=signer.iin or "", signer_bin=signer.bin or "",
            certificate_serial=signer.serial, certificate_issuer=signer.issuer, signed_by=user,
        )
        return await move(
            rt, application, Step.SUBMIT, actor, req,
            updates={"terms_accepted_at": _now(), "terms_version": types.TERMS_VERSION, "sent_at": _now(),
                     "content_digest": digest(content)},
            record={"signature": {"method": signed.method, "signer": signer.name, "serial": signer.serial}},
        )


# The parties sign the supplementary agreement ----------------------------------------------


async def _developer_id(application: Application) -> uuid.UUID | None:
    return (await Contract.get(id=application.contract_id)).developer_id


async def parties_needed(application: Application) -> set[SignerRole]:
    developer_id = await _developer_id(application)
    # When the applicant is the construction company itself, its one signature is both parties'.
    if developer_id is None or developer_id == application.applicant_org_id:
        return {SignerRole.APPLICANT}
    return {SignerRole.APPLICANT, SignerRole.DEVELOPER}


async def sign_sa(rt: Runtime, scope: Scope, application_id: object, user: User, proof: Proof, req: RequestInfo) -> Application:
    application = await get_visible(scope, application_id)
    role = party_of(scope, application, await _developer_id(application))
    if role is None:
        raise DomainError("NOT_A_PARTY")
    if application.status is not S.SA_PARTIES_SIGNING:
        raise DomainError("WRONG_STATUS", status=application.status.value)
    content = await sa_signing_content(application)
    signed = await verified(rt, content, proof, purpose=SUPPLEMENTARY_AGREEMENT, subject_id=str(application.id),
                            expected=user.iin_bin, user=user, req=req)
    signer, sa_digest = signed.signer, digest(content)
    async with atomic():
        done = {SignerRole(getattr(r, "value", r)) for r in await ApplicationSignature.filter(
            application_id=application.id, stage=SignatureStage.SUPPLEMENTARY_AGREEMENT, digest=sa_digest
        ).values_list("role", flat=True)}
        if role in done:
            return application  # signed already: a retry changes nothing
        await ApplicationSignature.create(
            application=application, stage=SignatureStage.SUPPLEMENTARY_AGREEMENT, role=role, version=application.version,
            digest=sa_digest, cms=signed.cms.hex(), method=signed.method, signer_name=signer.name,
            signer_iin=signer.iin or "", signer_bin=signer.bin or "", certificate_serial=signer.serial,
            certificate_issuer=signer.issuer, signed_by=user,
        )
        await history.record("application", application.id, "sa_signed_by_party", actor_id=user.id, ip=req.ip,
                             role=role.value, signer=signer.name, method=signed.method,
                             actor=role.value, actorLabel=signer.name)
        if await parties_needed(application) <= done | {role}:
            kind = ActorKind.APPLICANT if role is SignerRole.APPLICANT else ActorKind.DEVELOPER
            return await move(rt, application, Step.SA_PARTIES_SIGNED, RouteActor(kind, user_id=user.id, label=signer.name), req)
        await announce_change(rt, application, None)
    return await Application.get(id=application.id)


# Signing on a second device ----------------------------------------------------------------


async def open_signing_session(
    rt: Runtime, scope: Scope, application_id: object, user: User, stage: SignatureStage, req: RequestInfo
) -> tuple[Any, str]:
    """A QR signing session for what the viewer may sign now: (session, one-time token)."""
    application = await get_visible(scope, application_id)
    if stage is SignatureStage.APPLICATION:
        application = await get_own(scope, application_id)
        check(application, Step.SUBMIT, ActorKind.APPLICANT)
        content, purpose, expected = await signing_content(application), APPLICATION, scope.organization_bin
        description = application.number
    else:
        if application.status is not S.SA_PARTIES_SIGNING or party_of(scope, application, await _developer_id(application)) is None:
            raise DomainError("WRONG_STATUS", status=application.status.value)
        content, purpose, expected = await sa_signing_content(application), SUPPLEMENTARY_AGREEMENT, user.iin_bin
        description = f"{application.number} SA"
    return await signing_sessions.create_session(purpose, str(application.id), content, description, expected, user, req=req)
