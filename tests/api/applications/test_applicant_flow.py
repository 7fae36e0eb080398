"""The applicant's side (seed 001): create, documents, sign with EDS and send, revise and re-sign,
the supplementary agreement signed by both parties and KZhK — over the API, as each role."""

from __future__ import annotations

import base64

import pytest

from backend.models.applications import Application, ApplicationSignature, ApplicationStatus as S
from backend.models.messaging import OutboxMessage
from backend.models.notifications import Notification
from backend.pki.demo_ca import ensure_demo_ca
from tests.api.applications.conftest import FORM
from tests.files.tus import Tus, pdf
from tests.pki.cms_factory import sign

CREATE = """
mutation($i: ApplicationCreateInput!) { applicationCreate(input: $i) {
  application { id number status version signingPayload availableActions } errors { field code } } }
"""
ADD_DOC = "mutation($i: ApplicationDocumentAddInput!) { applicationDocumentAdd(input: $i) { application { version documents { requirement sha256 } } errors { field code } } }"
SUBMIT = "mutation($i: ApplicationSubmitInput!) { applicationSubmit(input: $i) { application { status sentAt signatures { signerBin method matchesCurrent } } errors { field code } } }"
GET = "query($id: ID!) { application(id: $id) { status signingPayload saSigningPayload availableActions files { kind signed downloadUrl } history { action fromStatus toStatus actor files { kind } } } }"
SA_SIGN = "mutation($i: ApplicationSaSignInput!) { applicationSaSign(input: $i) { application { status } errors { field code } } }"


@pytest.fixture
def demo_ca(settings):
    return ensure_demo_ca(settings.var_dir / "pki")


async def _draft(world, **over):
    body = await world.applicant.data(CREATE, {"i": {
        "contractId": str(world.contract.id), "type": "GUARANTEE_AGREEMENT_AMENDMENT", "category": "COMMISSIONING_DATE",
        "form": FORM, **over}})
    assert body["applicationCreate"]["errors"] == [], body
    return body["applicationCreate"]["application"]


async def _documents(world, application_id):
    tus = Tus(world.applicant.http, world.applicant.token)
    for n, requirement in enumerate(("OFFICIAL_LETTER", "DRAFT_AMENDMENTS")):
        upload_id = await tus.upload(pdf(2048, seed=n), f"{requirement}.pdf")
        body = await world.applicant.data(ADD_DOC, {"i": {"applicationId": application_id, "uploadId": upload_id,
                                                          "requirement": requirement, "title": requirement.title()}})
        assert body["applicationDocumentAdd"]["errors"] == [], body


async def _payload(client, application_id, field="signingPayload") -> bytes:
    body = await client.data(GET, {"id": application_id})
    return base64.b64decode(body["application"][field])


async def _submit(world, demo_ca, application_id, cert="bayterek-director-sign", content: bytes | None = None):
    content = content if content is not None else await _payload(world.applicant, application_id)
    cms = sign(demo_ca, cert, content)
    return await world.applicant.data(SUBMIT, {"i": {"applicationId": application_id, "termsAccepted": True,
                                                     "cms": base64.b64encode(cms).decode()}})


async def test_an_applicant_files_signs_and_sends(world, demo_ca):
    draft = await _draft(world)
    assert draft["status"] == "DRAFT" and set(draft["availableActions"]) == {"EDIT", "SUBMIT", "DELETE"}
    await _documents(world, draft["id"])
    body = await _submit(world, demo_ca, draft["id"])
    payload = body["applicationSubmit"]
    assert payload["errors"] == []
    assert payload["application"]["status"] == "SENT"
    assert payload["application"]["signatures"] == [{"signerBin": "040640406657", "method": "eds", "matchesCurrent": True}]
    # the applicant hears of it in the cabinet and by SMS
    assert await Notification.filter(user_id=world.applicant.user.id, kind="APPLICATION_STATUS_CHANGED").exists()
    assert await OutboxMessage.filter(recipient=world.applicant.user.phone, channel="sms").exists()


async def test_a_double_submit_creates_one_application_and_one_signature(world, demo_ca):
    first = await _draft(world, requestId="req-1")
    again = await _draft(world, requestId="req-1")
    assert first["id"] == again["id"] and await Application.filter(applicant_org_id=world.applicant_org.id).count() == 1
    await _documents(world, first["id"])
    content = await _payload(world.applicant, first["id"])
    for _ in range(2):
        body = await _submit(world, demo_ca, first["id"], content=content)
        assert body["applicationSubmit"]["errors"] == [] and body["applicationSubmit"]["application"]["status"] == "SENT"
    assert await ApplicationSignature.filter(application_id=first["id"]).count() == 1


async def test_required_fields_and_documents_are_checked_before_sending(world, demo_ca):
    draft = await _draft(world, form={"currentValue": "x"})
    body = await _submit(world, demo_ca, draft["id"])
    fields = {e["field"] for e in body["applicationSubmit"]["errors"]}
    assert {"form.requestedValue", "form.justification", "documents.OFFICIAL_LETTER", "documents.DRAFT_AMENDMENTS"} <= fields
    assert (await Application.get(id=draft["id"])).status is S.DRAFT


@pytest.mark.parametrize("cert,code", [
    ("alatau-director-sign", "SIGNER_MISMATCH"),  # another company's certificate
    ("citizen-sign", "SIGNER_MISMATCH"),  # a person without this BIN
    ("bayterek-director-auth", "KEY_USAGE_INVALID"),  # a sign-in certificate
    ("test-revoked-sign", "CERT_REVOKED"),
])
async def test_a_signature_of_the_wrong_certificate_is_refused(world, demo_ca, cert, code):
    draft = await _draft(world)
    await _documents(world, draft["id"])
    body = await _submit(world, demo_ca, draft["id"], cert=cert)
    errors = body["applicationSubmit"]["errors"]
    assert errors and errors[0]["code"] == code and errors[0]["field"] == "cms"
    assert (await Application.get(id=draft["id"])).status is S.DRAFT


async def test_a_change_after_signing_invalidates_the_signature(world, demo_ca):
    draft = await _draft(world)
    await _documents(world, draft["id"])
    signed_before = await _payload(world.applicant, draft["id"])
    await world.applicant.data("mutation($i: ApplicationUpdateInput!) { applicationUpdate(input: $i) { errors { code } } }",
                               {"i": {"applicationId": draft["id"], "form": {"requestedValue": "Something else"}}})
    body = await _submit(world, demo_ca, draft["id"], content=signed_before)
    assert body["applicationSubmit"]["errors"][0]["code"] == "SIGNATURE_INVALID"


async def test_a_garbage_signature_is_a_clear_error(world):
    draft = await _draft(world)
    body = await world.applicant.data(SUBMIT, {"i": {"applicationId": draft["id"], "termsAccepted": True, "cms": "bm90IGNtcw=="}})
    assert body["applicationSubmit"]["errors"][0]["code"] == "CMS_MALFORMED"


async def test_the_whole_route_to_a_signed_supplementary_agreement(world, demo_ca):
    draft = await _draft(world)
    await _documents(world, draft["id"])
    await _submit(world, demo_ca, draft["id"])
    app_id = draft["id"]
    op = world.operator

    async def step(query, variables):
        body = await op.data(query, variables)
        payload = next(iter(body.values()))
        assert payload["errors"] == [], payload
        return payload["application"]

    await step("mutation($i: ApplicationRegisterInput!) { applicationRegister(input: $i) { application { status } errors { code } } }",
               {"i": {"applicationId": app_id, "registrationNumber": "BPMS-1"}})
    await step("mutation($i: ApplicationStartReviewInput!) { applicationStartReview(input: $i) { application { status } errors { code } } }",
               {"i": {"applicationId": app_id, "executorName": "Оспанова Г.", "executorPhone": "1207"}})
    revised = await step("mutation($i: ApplicationDecisionInput!) { applicationRequestRevision(input: $i) { application { status revisionDeadline } errors { code } } }",
                         {"i": {"applicationId": app_id, "comment": "Attach the supervision report."}})
    assert revised["status"] == "NEEDS_REVISION" and revised["revisionDeadline"]
    # the applicant revises and re-signs
    await world.applicant.data("mutation($i: ApplicationUpdateInput!) { applicationUpdate(input: $i) { errors { code } } }",
                               {"i": {"applicationId": app_id, "form": {"justification": "Report attached"}}})
    body = await _submit(world, demo_ca, app_id)
    assert body["applicationSubmit"]["application"]["status"] == "SENT"
    await step("mutation($i: ApplicationRegisterInput!) { applicationRegister(input: $i) { application { status } errors { code } } }",
               {"i": {"applicationId": app_id, "registrationNumber": "BPMS-1"}})
    await step("mutation($i: ApplicationStartReviewInput!) { applicationStartReview(input: $i) { application { status } errors { code } } }",
               {"i": {"applicationId": app_id, "executorName": "Оспанова Г.", "executorPhone": "1207"}})
    await step("mutation($i: ApplicationDecisionInput!) { applicationApprove(input: $i) { application { status } errors { code } } }",
               {"i": {"applicationId": app_id}})
    await step("mutation($i: ApplicationSaDraftInput!) { applicationSaDraftAttach(input: $i) { application { status } errors { code } } }",
               {"i": {"applicationId": app_id}})
    # both parties sign the SA draft
    for client, cert in ((world.applicant, "bayterek-director-sign"), (world.developer, "alatau-director-sign")):
        seen = await client.data(GET, {"id": app_id})
        assert "SIGN_SA" in seen["application"]["availableActions"]
        content = base64.b64decode(seen["application"]["saSigningPayload"])
        body = await client.data(SA_SIGN, {"i": {"applicationId": app_id, "cms": base64.b64encode(sign(demo_ca, cert, content)).decode()}})
        assert body["applicationSaSign"]["errors"] == [], body
    assert (await Application.get(id=app_id)).status is S.SA_KZHK_SIGNING
    final = await step("mutation($i: ApplicationSaFinalInput!) { applicationSaSignByKzhk(input: $i) { application { status saNumber saDate } errors { code } } }",
                       {"i": {"applicationId": app_id, "saNumber": "ҚК-2026/15"}})
    assert final["status"] == "SA_SIGNED" and final["saNumber"] == "ҚК-2026/15" and final["saDate"]
    seen = await world.applicant.data(GET, {"id": app_id})
    kinds = {f["kind"]: f for f in seen["application"]["files"]}
    assert kinds["SA_SIGNED"]["signed"] is True and kinds["REVISION_NOTICE"]["signed"] is True
    statuses = [e["toStatus"] for e in seen["application"]["history"] if e["toStatus"]]
    assert statuses == ["DRAFT", "SENT", "REGISTERED", "IN_REVIEW", "NEEDS_REVISION", "SENT", "REGISTERED", "IN_REVIEW",
                        "APPROVED", "SA_PARTIES_SIGNING", "SA_KZHK_SIGNING", "SA_SIGNED"]
    # the signed SA downloads and verifies
    response = await world.applicant.http.get(kinds["SA_SIGNED"]["downloadUrl"], headers={"authorization": f"Bearer {world.applicant.token}"})
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    from backend.adapters.pdf_signing import verify_pdf

    checks = await verify_pdf(world.applicant.http._transport.app.state.runtime.signatures, response.content)
    assert checks and all(c.intact for c in checks)


async def test_the_developer_cannot_sign_as_the_applicant_before_the_sa_stage(world, demo_ca, application_in):
    application = await application_in(S.APPROVED)
    body = await world.developer.data(SA_SIGN, {"i": {"applicationId": str(application.id), "cms": "AA=="}})
    assert body["applicationSaSign"]["errors"][0]["code"] == "NOT_FOUND"


async def test_the_applicants_page_and_the_operators_queue_update_live(world, application_in, live_server):
    import asyncio

    from tests.ws import GraphQLWebSocket

    application = await application_in(S.SENT)
    mine = await GraphQLWebSocket.connect(live_server, world.applicant.token)
    await mine.subscribe("subscription($id: ID!) { applicationUpdated(applicationId: $id) { status registrationNumber } }",
                         {"id": str(application.id)})
    queue = await GraphQLWebSocket.connect(live_server, world.operator.token)
    await queue.subscribe("subscription { applicationsChanged { id status } }")
    from backend.models.organizations import Organization

    await Organization.create(bin=world.outsider.user.iin_bin, name="Other company")
    outsider = await GraphQLWebSocket.connect(live_server, world.outsider.token)
    await outsider.subscribe("subscription { applicationsChanged { id } }")
    await asyncio.sleep(0.2)
    await world.operator.data("mutation($i: ApplicationRegisterInput!) { applicationRegister(input: $i) { errors { code } } }",
                              {"i": {"applicationId": str(application.id), "registrationNumber": "BPMS-9"}})
    update = await mine.next_message()
    assert update["payload"]["data"]["applicationUpdated"] == {"status": "REGISTERED", "registrationNumber": "BPMS-9"}
    queued = await queue.next_message()
    assert queued["payload"]["data"]["applicationsChanged"] == {"id": str(application.id), "status": "REGISTERED"}
    with pytest.raises(TimeoutError):
        await outsider.next_message(timeout=0.5)
    for socket in (mine, queue, outsider):
        await socket.close()


async def test_someone_elses_application_cannot_be_watched(world, application_in, live_server):
    from tests.ws import GraphQLWebSocket

    application = await application_in(S.SENT)
    socket = await GraphQLWebSocket.connect(live_server, world.outsider.token)
    await socket.subscribe("subscription($id: ID!) { applicationUpdated(applicationId: $id) { status } }", {"id": str(application.id)})
    message = await socket.next_message()
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"
    await socket.close()


async def test_registration_after_hours_takes_the_next_working_day(world, application_in):
    # sent Friday 20 November 2026 at 19:05 Almaty (14:05 UTC): registered Monday the 23rd
    application = await application_in(S.SENT)
    body = await world.operator.data(
        "mutation($i: ApplicationRegisterInput!) { applicationRegister(input: $i) { application { registeredOn reviewDeadline } errors { code } } }",
        {"i": {"applicationId": str(application.id), "registrationNumber": "BPMS-10"}})
    registered = body["applicationRegister"]["application"]
    assert registered["registeredOn"] == "2026-11-23"
    assert registered["reviewDeadline"] == "2026-12-07"  # 10 working days after the registration day


async def test_the_developer_hears_of_the_sa_stage_and_the_history_names_each_signer(world, application_in, live_server, demo_ca):
    from tests.ws import GraphQLWebSocket

    application = await application_in(S.APPROVED)
    socket = await GraphQLWebSocket.connect(live_server, world.developer.token)
    await socket.subscribe("subscription { applicationsChanged { id status } }")
    import asyncio

    await asyncio.sleep(0.2)
    await world.operator.data("mutation($i: ApplicationSaDraftInput!) { applicationSaDraftAttach(input: $i) { errors { code } } }",
                              {"i": {"applicationId": str(application.id)}})
    message = await socket.next_message()
    assert message["payload"]["data"]["applicationsChanged"] == {"id": str(application.id), "status": "SA_PARTIES_SIGNING"}
    assert await Notification.filter(user_id=world.developer.user.id, kind="APPLICATION_STATUS_CHANGED").exists()
    await socket.close()
    seen = await world.developer.data(GET, {"id": str(application.id)})
    content = base64.b64decode(seen["application"]["saSigningPayload"])
    await world.developer.data(SA_SIGN, {"i": {"applicationId": str(application.id),
                                               "cms": base64.b64encode(sign(demo_ca, "alatau-director-sign", content)).decode()}})
    history = (await world.applicant.data(
        "query($id: ID!) { application(id: $id) { history { action actor actorLabel files { kind signed } } } }",
        {"id": str(application.id)}))["application"]["history"]
    signed = [e for e in history if e["action"] == "sa_signed_by_party"]
    assert len(signed) == 1 and signed[0]["actor"] == "developer" and "ИСАЕВА" in signed[0]["actorLabel"].upper()
    draft = [e for e in history if e["action"] == "attach_sa_draft"][0]
    assert draft["files"] == [{"kind": "sa_draft", "signed": False}]
