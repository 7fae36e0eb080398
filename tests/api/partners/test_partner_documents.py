"""A partner uploads a document with its API key (tus) and attaches it to its own contract."""

from __future__ import annotations

from tests.files.tus import Tus, pdf
from tests.helpers import contract_input

UPSERT = "mutation($i: ContractUpsertInput!) { partnerContractUpsert(input: $i) { contract { id } errors { code } } }"
ATTACH = """mutation($i: PartnerDocumentAttachInput!) { partnerDocumentAttach(input: $i) {
  document { title kind addedBy sha256 } errors { field code } } }"""
MY = "query { myContracts { documents { title addedBy } history { action document { title kind } } } }"


class KeyTus(Tus):
    def __init__(self, http, key):
        super().__init__(http, None)
        self.key = key

    def headers(self, **extra):
        headers = super().headers(**extra)
        headers["X-Api-Key"] = self.key
        return headers


async def test_a_partner_attaches_a_document_the_holder_then_sees(partner_x, citizen):
    await partner_x.data(UPSERT, {"i": contract_input("c-doc", partner_x.organization_bin, citizen.user.iin_bin)})
    upload_id = await KeyTus(partner_x.http, partner_x.api_key).upload(pdf(4096), "ddu.pdf")
    body = await partner_x.data(ATTACH, {"i": {"contractExternalId": "c-doc", "uploadId": upload_id, "kind": "DDU",
                                               "title": "Үлестік қатысу шарты", "externalId": "doc-1"}})
    document = body["partnerDocumentAttach"]["document"]
    assert body["partnerDocumentAttach"]["errors"] == [] and document["kind"] == "DDU"
    assert document["addedBy"] == "Partner Developer"
    mine = await citizen.data(MY)
    assert mine["myContracts"][0]["documents"] == [{"title": "Үлестік қатысу шарты", "addedBy": "Partner Developer"}]
    added = [e for e in mine["myContracts"][0]["history"] if e["action"] == "document_added"]
    assert added == [{"action": "document_added", "document": {"title": "Үлестік қатысу шарты", "kind": "DDU"}}]


async def test_a_partner_cannot_attach_to_another_partners_contract(partner_x, partner_y, citizen):
    await partner_y.data(UPSERT, {"i": contract_input("y-doc", partner_y.organization_bin, citizen.user.iin_bin)})
    upload_id = await KeyTus(partner_x.http, partner_x.api_key).upload(pdf(1024), "x.pdf")
    body = await partner_x.data(ATTACH, {"i": {"contractExternalId": "y-doc", "uploadId": upload_id, "kind": "OTHER", "title": "x"}})
    assert body["partnerDocumentAttach"]["errors"] == [{"field": "contractExternalId", "code": "NOT_FOUND"}]


async def test_someone_elses_upload_cannot_be_attached(partner_x, citizen):
    await partner_x.data(UPSERT, {"i": contract_input("c-doc", partner_x.organization_bin, citizen.user.iin_bin)})
    upload_id = await Tus(citizen.http, citizen.token).upload(pdf(1024), "mine.pdf")
    body = await partner_x.data(ATTACH, {"i": {"contractExternalId": "c-doc", "uploadId": upload_id, "kind": "OTHER", "title": "x"}})
    assert body["partnerDocumentAttach"]["errors"][0]["code"] == "UPLOAD_NOT_FOUND"


async def test_database_refusals_come_back_as_stable_codes_without_the_value(partner_x, citizen):
    # given a contract with one attached document
    await partner_x.data(UPSERT, {"i": contract_input("c-doc", partner_x.organization_bin, citizen.user.iin_bin)})
    tus = KeyTus(partner_x.http, partner_x.api_key)
    attach = {"contractExternalId": "c-doc", "kind": "OTHER", "title": "x", "externalId": "doc-1"}
    await partner_x.data(ATTACH, {"i": {**attach, "uploadId": await tus.upload(pdf(1024), "a.pdf")}})
    # when the same document id comes again, and an id longer than its column
    again = await partner_x.raw(ATTACH, {"i": {**attach, "uploadId": await tus.upload(pdf(1024), "b.pdf")}})
    too_long = await partner_x.raw(ATTACH, {"i": {**attach, "externalId": "d" * 5000, "uploadId": await tus.upload(pdf(1024), "c.pdf")}})
    # then
    assert again.json()["data"]["partnerDocumentAttach"]["errors"] == [{"field": None, "code": "CONFLICT"}]
    assert too_long.json()["data"]["partnerDocumentAttach"]["errors"] == [{"field": None, "code": "INVALID_VALUE"}]
    assert "d" * 100 not in too_long.text and "UNIQUE" not in again.text.upper()
