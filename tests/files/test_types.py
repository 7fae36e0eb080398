"""Only PDF, JPEG and PNG, told by their first bytes whatever the name or metadata say."""

from __future__ import annotations

import pytest

from backend.models.uploads import Upload, UploadStatus
from backend.services import uploads
from backend.errors import DomainError
from backend.services.history import events_for
from tests.files.raw import open_request, read_response
from tests.files.tus import OFFSET, jpeg, metadata, pdf, png

ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"z" * 5000
HTML = b"<!doctype html><script>alert(1)</script>" + b" " * 5000


@pytest.mark.parametrize(
    "head, expected",
    [
        (b"%PDF-1.7", "application/pdf"),
        (b"\xff\xd8\xff\xe0", "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n", "image/png"),
        (b"", None),
        (b"%PD", None),
        (b"\x89PN", None),
    ],
)
def test_sniff_recognises_signatures(head, expected):
    assert uploads.sniff(head) == expected


@pytest.mark.parametrize("head", [b"PK\x03\x04", b"<html>", b"%PDX", b"\x89PNG\r\n\x1a\x00", b"GIF89a"])
def test_sniff_refuses_everything_else(head):
    with pytest.raises(DomainError) as caught:
        uploads.sniff(head)
    assert caught.value.code == "UPLOAD_TYPE_NOT_ALLOWED"


@pytest.mark.parametrize("make, expected", [(pdf, "application/pdf"), (jpeg, "image/jpeg"), (png, "image/png")])
async def test_each_allowed_type_is_recognised_whatever_its_name(tus, make, expected):
    upload_id = await tus.upload(make(20_000), filename="scan.txt")
    assert (await Upload.get(id=upload_id)).content_type == expected


@pytest.mark.parametrize("body", [ZIP, HTML], ids=["zip", "html"])
async def test_a_file_renamed_pdf_is_refused_at_its_first_bytes_and_discarded(tus, rt, body):
    # given: named .pdf and declared application/pdf, but it is not a PDF
    created = await tus.http.post(
        "/uploads",
        headers=tus.headers(Upload_Length=str(len(body)), Upload_Metadata=metadata(filename="contract.pdf", filetype="application/pdf")),
    )
    url = created.headers["Location"]
    # when
    response = await tus.patch(url, 0, body)
    # then
    assert response.status_code == 415
    assert response.text.startswith("UPLOAD_TYPE_NOT_ALLOWED")
    row = await Upload.get(id=url.rsplit("/", 1)[1])
    assert row.status is UploadStatus.REJECTED
    assert row.reject_reason == "type_not_allowed"
    assert await rt.storage.size(row.storage_key) is None
    assert (await tus.head(url)).status_code == 410
    assert (await tus.patch(url, 0, body)).status_code == 410
    assert "rejected" in [e.action for e in await events_for("upload", row.id)]


async def test_creation_with_upload_of_a_wrong_type_is_refused(tus):
    response = await tus.create(len(ZIP), "x.pdf", body=ZIP)
    assert response.status_code == 415
    assert (await Upload.get()).status is UploadStatus.REJECTED


async def test_the_first_bytes_may_come_in_several_requests(tus):
    # given: the first PATCH carries three bytes only
    data = pdf(10_000)
    url = (await tus.create(len(data))).headers["Location"]
    assert (await tus.patch(url, 0, data[:3])).status_code == 204
    # when
    response = await tus.patch(url, 3, data[3:])
    # then
    assert response.status_code == 204
    assert (await Upload.get(id=url.rsplit("/", 1)[1])).content_type == "application/pdf"


async def test_a_wrong_type_split_over_requests_is_refused_at_the_first_telling_byte(tus):
    body = b"%PX" + b"-" * 100
    url = (await tus.create(len(body))).headers["Location"]
    assert (await tus.patch(url, 0, body[:2])).status_code == 204
    assert (await tus.patch(url, 2, body[2:])).status_code == 415


async def test_after_a_restart_the_type_is_checked_from_storage_at_completion(tus, rt):
    # given: the first bytes arrived, then the process forgot them (as after a restart)
    body = b"%P" + b"not a pdf after all" * 100
    url = (await tus.create(len(body))).headers["Location"]
    await tus.patch(url, 0, body[:2])
    uploads._hashes.clear()
    # when
    response = await tus.patch(url, 2, body[2:])
    # then
    assert response.status_code == 415
    row = await Upload.get(id=url.rsplit("/", 1)[1])
    assert row.status is UploadStatus.REJECTED
    assert await rt.storage.size(row.storage_key) is None


async def test_refused_before_the_rest_of_the_body_is_sent(live_server, citizen):
    # given: a 10 MiB request of which only the first 64 KiB (not a PDF) are sent
    http_headers = {"Authorization": f"Bearer {citizen.token}", "Tus-Resumable": "1.0.0"}
    length = 10 * 1024 * 1024
    reader, writer = await open_request(
        live_server, "POST", "/uploads", {**http_headers, "Upload-Length": str(length), "Content-Length": "0"}
    )
    status, headers, _ = await read_response(reader)
    writer.close()
    assert status == 201
    reader, writer = await open_request(
        live_server, "PATCH", headers["location"],
        {**http_headers, "Upload-Offset": "0", "Content-Type": OFFSET, "Content-Length": str(length)},
        body=ZIP[:10] + b"\0" * (64 * 1024),
    )
    try:
        # when
        status, _, body = await read_response(reader)
        # then
        assert status == 415
        assert body.startswith(b"UPLOAD_TYPE_NOT_ALLOWED")
    finally:
        writer.close()
