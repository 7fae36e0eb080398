"""Size limit (checked on headers, before any body is read), declared length, quota, open uploads."""

from __future__ import annotations

from backend.models.uploads import Upload
from backend.services import uploads
from backend.services.tx import atomic
from tests.files.raw import closed_by_peer, open_request, read_response
from tests.files.tus import OFFSET, pdf, _storage

LIMIT = 700 * 1024 * 1024


async def test_700_mib_is_accepted_and_one_byte_more_is_refused(tus):
    assert (await tus.create(LIMIT)).status_code == 201
    response = await tus.create(LIMIT + 1)
    assert response.status_code == 413
    assert response.text.startswith("UPLOAD_TOO_LARGE")
    assert await Upload.filter().count() == 1


async def test_too_large_is_refused_before_the_body_is_read_asgi(app, citizen):
    # given: a creation-with-upload that declares 700 MiB + 1 byte, whose body would never come
    received = []

    async def receive():
        received.append(True)
        raise AssertionError("the body must not be read")

    sent = []

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "https",
        "path": "/uploads", "raw_path": b"/uploads", "root_path": "", "query_string": b"",
        "client": ("127.0.0.1", 5000), "server": ("testserver", 443),
        "headers": [
            (b"host", b"testserver"), (b"authorization", f"Bearer {citizen.token}".encode()),
            (b"tus-resumable", b"1.0.0"), (b"upload-length", str(LIMIT + 1).encode()),
            (b"content-type", OFFSET.encode()), (b"content-length", str(LIMIT + 1).encode()),
        ],
    }
    # when
    await app(scope, receive, send)
    # then
    assert sent[0]["status"] == 413
    assert not received


async def test_too_large_is_refused_before_the_body_is_sent_over_a_socket(live_server, citizen):
    # given: only the request head goes out; the 700 MiB body is never sent
    reader, writer = await open_request(
        live_server, "POST", "/uploads",
        {"Authorization": f"Bearer {citizen.token}", "Tus-Resumable": "1.0.0", "Upload-Length": str(LIMIT + 1),
         "Content-Type": OFFSET, "Content-Length": str(LIMIT + 1)},
    )
    try:
        # when
        status, headers, body = await read_response(reader)
        # then: answered at once, and the connection is closed rather than left with a body pending
        assert status == 413
        assert body.startswith(b"UPLOAD_TOO_LARGE")
        assert headers["connection"] == "close"
        assert await closed_by_peer(reader)
    finally:
        writer.close()
    assert await Upload.filter().count() == 0


async def test_patch_declaring_more_than_the_rest_is_refused_before_reading(tus, rt):
    # given
    data = pdf(1000)
    url = (await tus.create(len(data))).headers["Location"]
    await tus.patch(url, 0, data[:400])
    # when
    response = await tus.patch(url, 400, data[400:] + b"extra")
    # then
    assert response.status_code == 413
    row = await Upload.get(id=url.rsplit("/", 1)[1])
    assert await rt.storage.size(row.storage_key) == 400


async def test_chunked_patch_running_past_the_length_is_cut_off(tus, rt):
    # given: no Content-Length, so the server finds out while reading
    data = pdf(300_000)
    url = (await tus.create(len(data))).headers["Location"]

    async def body():
        for i in range(0, len(data) + 200_000, 100_000):
            yield (data + b"x" * 200_000)[i : i + 100_000]

    # when
    response = await tus.http.patch(url, headers=tus.headers(Upload_Offset="0", Content_Type=OFFSET), content=body())
    # then
    assert response.status_code == 413
    row = await Upload.get(id=url.rsplit("/", 1)[1])
    assert (await rt.storage.size(row.storage_key) or 0) <= len(data)
    assert row.sha256 is None


async def test_quota_counts_unfinished_and_unattached_uploads(tus_with):
    # given: a 1 MiB quota
    tus = await tus_with(upload_quota_bytes=1024 * 1024)
    first = pdf(600 * 1024)
    upload_id = await tus.upload(first)
    # when
    refused = await tus.create(600 * 1024)
    # then
    assert refused.status_code == 403
    assert refused.text.startswith("UPLOAD_QUOTA_EXCEEDED")
    assert "1048576" in refused.text
    # when: the finished upload becomes a document's file, it no longer counts
    async with atomic():
        await uploads.claim(upload_id, user_id=tus.user.id, storage=_storage())
    # then
    assert (await tus.create(600 * 1024)).status_code == 201


async def test_terminated_and_rejected_uploads_free_the_quota(tus_with):
    tus = await tus_with(upload_quota_bytes=1024 * 1024)
    url = (await tus.create(700 * 1024)).headers["Location"]
    assert (await tus.create(700 * 1024)).status_code == 403
    await tus.delete(url)
    url = (await tus.create(700 * 1024)).headers["Location"]
    assert (await tus.patch(url, 0, b"PK\x03\x04not a pdf")).status_code == 415
    assert (await tus.create(700 * 1024)).status_code == 201


async def test_open_uploads_are_capped(tus_with):
    tus = await tus_with(upload_max_open=2)
    assert (await tus.create(10)).status_code == 201
    assert (await tus.create(10)).status_code == 201
    refused = await tus.create(10)
    assert refused.status_code == 403
    assert refused.text.startswith("UPLOAD_TOO_MANY_OPEN")


async def test_an_empty_file_is_not_a_document(tus):
    assert (await tus.create(0)).status_code == 415
