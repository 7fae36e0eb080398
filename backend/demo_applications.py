"""Demo applications to KZhK, so that `make run` opens on a lived-in back office: a draft, one sent
and signed, one under review, and one whose review deadline has passed. They go through the same
services as real ones; the signatures are made with the demo CA's certificate of ТОО «Алатау Құрылыс»."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12

from backend.adapters.pdf import OfficialDocument, render_pdf
from backend.models.applications import Application, ApplicationDocument
from backend.models.contracts import Contract
from backend.models.identity import User
from backend.runtime import Runtime
from backend.services import application_review, applications
from backend.services.application_route import ActorKind, RouteActor, StepData
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
    org = await applications.organization_of(user)
    contract = await Contract.get_or_none(number=CONTRACT)
    if org is None or contract is None:
        return None
    application = await applications.create(
        user, org, contract.id, "CONSTRUCTION_PERIOD_EXTENSION", "COMMISSIONING_DATE", "", FORM, request_id, RequestInfo()
    )
    if application.status.value != "draft" or not sent:
        return application
    async with atomic():
        await _document(rt, application, "OFFICIAL_LETTER", "Ресми хат / Официальное письмо")
        await _document(rt, application, "REVISED_SCHEDULE", "Жаңартылған кесте / Обновлённый график")
        await _document(rt, application, "TECHNICAL_SUPERVISION_REPORT", "Техникалық қадағалау есебі")
    content = await applications.signing_content(application)
    cms = _sign(rt.settings.var_dir / "pki", content)
    signer = await rt.signatures.verify_detached(content, cms, purpose="sign")
    return await applications.submit(rt, application, user, signed_content=content, cms=cms, signer=signer,
                                     method="eds", terms_accepted=True, req=RequestInfo())


async def seed_demo_applications(rt: Runtime) -> None:
    if await Application.exists(request_id__startswith="demo-"):
        return
    user = await User.get_or_none(iin_bin=APPLICANT_BIN)
    if user is None:
        return
    bpms = RouteActor(ActorKind.BPMS, label="BPMS Simbase (demo)")
    await _filed(rt, user, "demo-draft", sent=False)
    await _filed(rt, user, "demo-sent", sent=True)
    reviewed = await _filed(rt, user, "demo-review", sent=True)
    overdue = await _filed(rt, user, "demo-overdue", sent=True)
    if reviewed is None or overdue is None:
        return
    await application_review.register(rt, reviewed, bpms, StepData(registration_number="BPMS-2026-0412"), RequestInfo())
    reviewed = await Application.get(id=reviewed.id)
    await application_review.start_review(rt, reviewed, bpms, StepData(executor_name="Оспанова Гүлнар",
                                                                        executor_phone="1207"), RequestInfo())
    long_ago = dt.date.today() - dt.timedelta(days=40)
    await application_review.register(rt, overdue, bpms, StepData(
        registration_number="BPMS-2026-0377", registered_on=long_ago, review_deadline=long_ago + dt.timedelta(days=21),
    ), RequestInfo())
