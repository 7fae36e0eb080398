"""Demo applications to KZhK, so that `make run` opens on a lived-in back office: a draft, one sent
and signed, one under review, and one whose review deadline has passed. They go through the same
services as real ones; the signatures are made with the demo CA's certificate of ТОО «Алатау Құрылыс»."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12

from backend.adapters.pdf import OfficialDocument, render_pdf
from backend.models.applications import Application, ApplicationDocument
from backend.models.contracts import Contract
from backend.models.identity import User
from backend.models.organizations import Organization
from backend.runtime import Runtime
from backend.services.applications import drafts, review, signing
from backend.services.applications.access import Scope
from backend.services.applications.route import ActorKind, StepData
from backend.services.documents import put_bytes
from backend.services.request_info import RequestInfo
from backend.services.tx import atomic

APPLICANT_BIN = "150940012342"  # ТОО «Алатау Құрылыс», authorized company of the «Нұрсая» contracts
CONTRACT = "Н-3-67/44-АФ"
SIGNER = "alatau-director-sign"
FORM = {
    "currentValue": "Пайдалануға беру мерзімі: 30.09.2026",
    "requestedValue": "Пайдалануға беру мерзімі: 25.12.2026",
    "justification": "Инженерлік желілерді қосудың кешігуі (ресурс беруші ұйымның хаты қоса беріледі).",
    "contactName": "Исаева Гүлжан",
    "contactPhone": "+77011110005",
}


def _sign(pki: Path, content: bytes) -> bytes:
    key, cert, chain = pkcs12.load_key_and_certificates((pki / f"{SIGNER}.p12").read_bytes(), b"Demo-EDS-2026!")
    builder = pkcs7.PKCS7SignatureBuilder().set_data(content).add_signer(cert, key, hashes.SHA256())
    for extra in chain:
        builder = builder.add_certificate(extra)
    return builder.sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary, pkcs7.PKCS7Options.DetachedSignature])


async def _document(rt: Runtime, application: Application, requirement: str, title: str) -> None:
    content = render_pdf(OfficialDocument(title=title, reference=f"DEMO · {application.number}",
                                          paragraphs=["Демонстрациялық құжат. Демонстрационный документ."]))
    key = f"applications/{application.id}/{requirement.lower()}.pdf"
    await put_bytes(rt, key, content)
    await ApplicationDocument.create(application=application, requirement=requirement, title=title, storage_key=key,
                                     size=len(content), sha256=hashlib.sha256(content).hexdigest(),
                                     content_type="application/pdf")


async def _filed(rt: Runtime, user: User, request_id: str, *, sent: bool) -> Application | None:
    org = await Organization.get_or_none(bin=user.iin_bin)
    contract = await Contract.get_or_none(number=CONTRACT)
    if org is None or contract is None:
        return None
    scope = Scope(organization_id=org.id, organization_bin=org.bin, user_id=user.id, label=user.full_name)
    application = await drafts.create(
        scope, user, contract.id, "CONSTRUCTION_PERIOD_EXTENSION", "COMMISSIONING_DATE", "", FORM, request_id, RequestInfo()
    )
    if application.status.value != "draft" or not sent:
        return application
    async with atomic():
        await _document(rt, application, "OFFICIAL_LETTER", "Ресми хат / Официальное письмо")
        await _document(rt, application, "REVISED_SCHEDULE", "Жаңартылған кесте / Обновлённый график")
        await _document(rt, application, "TECHNICAL_SUPERVISION_REPORT", "Техникалық қадағалау есебі")
    cms = _sign(rt.settings.var_dir / "pki", await signing.signing_content(application))
    return await signing.submit(rt, scope, application.id, user, signing.Proof(cms=base64.b64encode(cms).decode()),
                                terms_accepted=True, req=RequestInfo())


async def seed_demo_applications(rt: Runtime) -> None:
    if await Application.exists(request_id__startswith="demo-"):
        return
    user = await User.get_or_none(iin_bin=APPLICANT_BIN)
    if user is None:
        return
    bpms = Scope(staff=ActorKind.BPMS, label="BPMS Simbase (demo)")
    await _filed(rt, user, "demo-draft", sent=False)
    await _filed(rt, user, "demo-sent", sent=True)
    reviewed = await _filed(rt, user, "demo-review", sent=True)
    overdue = await _filed(rt, user, "demo-overdue", sent=True)
    if reviewed is None or overdue is None:
        return
    await review.register(rt, bpms, reviewed.id, StepData(registration_number="BPMS-2026-0412"), RequestInfo())
    await review.start_review(rt, bpms, reviewed.id, StepData(executor_name="Оспанова Гүлнар", executor_phone="1207"), RequestInfo())
    long_ago = dt.date.today() - dt.timedelta(days=40)
    await review.register(rt, bpms, overdue.id, StepData(
        registration_number="BPMS-2026-0377", registered_on=long_ago, review_deadline=long_ago + dt.timedelta(days=21),
    ), RequestInfo())
