"""An applicant company, the construction company of its contract, a KZhK operator and the BPMS,
and a way to put an application straight into any status of the route."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import httpx
import pytest

from backend.adapters.contract_source import GuaranteeData, OrganizationData
from backend.models.applications import (
    Application,
    ApplicationDocument,
    ApplicationFileKind,
    ApplicationSignature,
    ApplicationStatus as S,
    SignatureStage,
    SignerRole,
)
from backend.models.organizations import Organization
from backend.services.applications import review, signing
from backend.services.partners import ApiScope
from tests.helpers import ApiClient, company_bin, make_account, make_contract, make_partner, person_iin

FORM = {
    "currentValue": "Commissioning: 30.09.2026", "requestedValue": "Commissioning: 25.12.2026",
    "justification": "Supply delays", "contactName": "Aliya", "contactPhone": "+77011112233",
}


@dataclass
class World:
    applicant: ApiClient
    developer: ApiClient
    outsider: ApiClient
    operator: ApiClient
    bpms: ApiClient
    citizen: ApiClient
    anon: ApiClient
    applicant_org: Organization
    developer_org: Organization
    contract: object


async def _client(app, rt, role: str, **fields) -> ApiClient:
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver")
    client = ApiClient(http)
    await make_account(rt, client, role, **fields)
    return client


@pytest.fixture
async def world(app, rt, settings):
    # The demo CA's company certificates: ТОО «Байтерек Девелопмент» applies, ТОО «Алатау Құрылыс» builds.
    applicant_bin, developer_bin = "040640406657", "150940012342"
    applicant = await _client(app, rt, "legal_entity", iin_bin=applicant_bin, full_name="ТОО «Заявитель»")
    developer = await _client(app, rt, "legal_entity", iin_bin=developer_bin, full_name="ТОО «Құрылыс»")
    outsider = await _client(app, rt, "legal_entity", iin_bin=company_bin(6300))
    operator = await _client(app, rt, "kzhk_operator")
    citizen = await _client(app, rt, "citizen", iin_bin=person_iin(6400))
    contract = await make_contract(
        rt, person_iin(6500), "Н-9-99/99-АФ",
        developer=OrganizationData(bin=developer_bin, name="ТОО «Құрылыс»"),
        authorized_company=OrganizationData(bin=applicant_bin, name="ТОО «Заявитель»"),
        guarantee=GuaranteeData("kzhk_guarantee", "ҚК-1", dt.date(2023, 1, 1)),
    )
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver")
    bpms = await make_partner(settings, http, company_bin(6600), scopes={ApiScope.APPLICATIONS_BPMS}, name="BPMS Simbase")
    anon = ApiClient(httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver"))
    world = World(
        applicant=applicant, developer=developer, outsider=outsider, operator=operator, bpms=bpms, citizen=citizen,
        anon=anon, applicant_org=await Organization.get(bin=applicant_bin),
        developer_org=await Organization.get(bin=developer_bin), contract=contract,
    )
    yield world
    for client in (applicant, developer, outsider, operator, citizen, bpms, anon):
        await client.http.aclose()


@pytest.fixture
def application_in(rt, world):
    """An application already at `status`, with what that status implies (documents, SA draft…)."""

    async def make(status: S) -> Application:
        application = await Application.create(
            number=f"KZH-T-{status.value[:6]}-{dt.datetime.now().microsecond}", applicant_org=world.applicant_org,
            created_by=world.applicant.user, contract=world.contract, type="GUARANTEE_AGREEMENT_AMENDMENT",
            category="COMMISSIONING_DATE", form=dict(FORM), status=status,
            sent_at=None if status is S.DRAFT else dt.datetime(2026, 11, 20, 14, 5, tzinfo=dt.timezone.utc),
        )
        for requirement in ("OFFICIAL_LETTER", "DRAFT_AMENDMENTS"):
            await ApplicationDocument.create(application=application, requirement=requirement, title=requirement.lower(),
                                             storage_key=f"test/{application.id}/{requirement}", size=10, sha256="ab" * 32,
                                             content_type="application/pdf")
        if status is not S.DRAFT:
            # Whatever was sent was signed: the applicant's signature over the application as it is.
            content = await signing.signing_content(application)
            await ApplicationSignature.create(
                application=application, stage=SignatureStage.APPLICATION, role=SignerRole.APPLICANT, version=1,
                digest=signing.digest(content), cms="00", method="eds", signer_name="ТОО «Заявитель»",
                signer_bin=world.applicant_org.bin, certificate_serial="01", certificate_issuer="test",
            )
        if status in (S.SA_PARTIES_SIGNING, S.SA_KZHK_SIGNING, S.SA_SIGNED):
            await review.store_file(rt, application, ApplicationFileKind.SA_DRAFT, "SA draft",
                                    b"%PDF-1.7\n% test draft\n", False)
        return application

    return make
