"""The tus 1.0 protocol steps: discovery, creation, offset, resumption, expiration, termination."""

from __future__ import annotations

import base64
from email.utils import parsedate_to_datetime

from backend.models.uploads import Upload, UploadStatus
from backend.services.history import events_for
from tests.files.tus import OFFSET, TUS, pdf, sha256


async def test_options_tells_version_extensions_and_max_size(anon):
    # when
    response = await anon.http.options("/uploads")
    # then
    assert response.status_code == 204
    assert response.headers["Tus-Version"] == "1.0.0"
    assert set(response.headers["Tus-Extension"].split(",")) == {
        "creation", "creation-with-upload", "expiration", "termination"
    }
    assert response.headers["Tus-Max-Size"] == str(700 * 1024 * 1024)


async def test_creation_then_patches_then_complete(tus, rt):
    # given
    data = pdf(300_000)
    # when
    created = await tus.create(len(data), "Шарт №5.pdf")
    url = created.headers["Location"]
    # then
    assert created.status_code == 201
    assert url.startswith("/uploads/") and len(url) > 40
    assert parsedate_to_datetime(created.headers["Upload-Expires"])
    head = await tus.head(url)
    assert head.status_code == 200
    assert head.headers["Upload-Offset"] == "0"
    assert head.headers["Upload-Length"] == str(len(data))
    assert head.headers["Cache-Control"] == "no-store"
    assert head.headers["Tus-Resumable"] == "1.0.0"
    name = head.headers["Upload-Metadata"].split(" ")[1]
    assert base64.b64decode(name).decode() == "Шарт №5.pdf"

    # when: the first part
    first = await tus.patch(url, 0, data[:100_000])
    # then
    assert first.status_code == 204
    assert first.headers["Upload-Offset"] == "100000"
    assert "Upload-Expires" in first.headers
    assert (await tus.head(url)).headers["Upload-Offset"] == "100000"

    # when: the rest
    last = await tus.patch(url, 100_000, data[100_000:])
    # then
    assert last.status_code == 204
    assert last.headers["Upload-Offset"] == str(len(data))
    row = await Upload.get(id=url.rsplit("/", 1)[1])
    assert row.status is UploadStatus.COMPLETE
    assert row.sha256 == sha256(data)
    assert row.content_type == "application/pdf"
    assert row.filename == "Шарт №5.pdf"
    assert row.received == len(data)
    assert await rt.storage.size(row.storage_key) == len(data)
    assert [e.action for e in await events_for("upload", row.id)] == ["created", "completed"]
    done = await tus.head(url)
    assert done.headers["Upload-Offset"] == str(len(data))
    assert "Upload-Expires" not in done.headers


async def test_creation_with_upload_takes_the_first_bytes(tus):
    # given
    data = pdf(50_000)
    # when
    created = await tus.create(len(data), body=data[:20_000])
    # then
    assert created.status_code == 201
    assert created.headers["Upload-Offset"] == "20000"
    url = created.headers["Location"]
    assert (await tus.patch(url, 20_000, data[20_000:])).status_code == 204
    assert (await Upload.get(id=url.rsplit("/", 1)[1])).sha256 == sha256(data)


async def test_creation_with_upload_of_the_whole_file_completes_it(tus):
    data = pdf(10_000)
    created = await tus.create(len(data), body=data)
    assert created.status_code == 201
    assert created.headers["Upload-Offset"] == str(len(data))
    row = await Upload.get(id=created.headers["Location"].rsplit("/", 1)[1])
    assert row.status is UploadStatus.COMPLETE and row.sha256 == sha256(data)


async def test_wrong_offset_is_a_conflict_that_tells_the_right_one(tus):
    # given
    data = pdf(10_000)
    url = (await tus.create(len(data))).headers["Location"]
    await tus.patch(url, 0, data[:4000])
    # when
    response = await tus.patch(url, 1000, data[1000:2000])
    # then
    assert response.status_code == 409
    assert response.headers["Upload-Offset"] == "4000"
    assert response.text.startswith("UPLOAD_OFFSET_MISMATCH")


async def test_patch_needs_the_offset_content_type(tus):
    url = (await tus.create(100)).headers["Location"]
    response = await tus.http.patch(
        url, headers=tus.headers(Upload_Offset="0", Content_Type="application/pdf"), content=pdf(100)
    )
    assert response.status_code == 415


async def test_patch_needs_an_offset(tus):
    url = (await tus.create(100)).headers["Location"]
    response = await tus.http.patch(url, headers=tus.headers(Content_Type=OFFSET), content=pdf(100))
    assert response.status_code == 400


async def test_requests_without_tus_resumable_are_refused_with_the_version(tus, citizen):
    response = await tus.http.post(
        "/uploads", headers={"Authorization": f"Bearer {citizen.token}", "Upload-Length": "10"}
    )
    assert response.status_code == 412
    assert response.headers["Tus-Version"] == "1.0.0"


async def test_upload_length_is_required_and_cannot_be_deferred(tus):
    assert (await tus.http.post("/uploads", headers=tus.headers())).status_code == 400
    deferred = await tus.http.post("/uploads", headers=tus.headers(Upload_Defer_Length="1"))
    assert deferred.status_code == 400
    bad = await tus.http.post("/uploads", headers=tus.headers(Upload_Length="-5"))
    assert bad.status_code == 400


async def test_malformed_metadata_is_refused(tus):
    response = await tus.http.post("/uploads", headers=tus.headers(Upload_Length="10", Upload_Metadata="filename ***"))
    assert response.status_code == 400


async def test_method_override_patch_and_delete(tus, rt):
    # given
    data = pdf(5000)
    url = (await tus.create(len(data))).headers["Location"]
    # when
    patched = await tus.http.post(
        url, headers=tus.headers(X_HTTP_Method_Override="PATCH", Upload_Offset="0", Content_Type=OFFSET),
        content=data[:1000],
    )
    # then
    assert patched.status_code == 204
    assert patched.headers["Upload-Offset"] == "1000"
    # when
    deleted = await tus.http.post(url, headers=tus.headers(X_HTTP_Method_Override="DELETE"))
    # then
    assert deleted.status_code == 204
    assert (await tus.head(url)).status_code == 404


async def test_termination_frees_bytes_and_row(tus, rt):
    # given
    data = pdf(5000)
    url = (await tus.create(len(data))).headers["Location"]
    await tus.patch(url, 0, data[:3000])
    row = await Upload.get(id=url.rsplit("/", 1)[1])
    assert await rt.storage.size(row.storage_key) == 3000
    # when
    response = await tus.delete(url)
    # then
    assert response.status_code == 204
    assert not await Upload.exists(id=row.id)
    assert await rt.storage.size(row.storage_key) is None
    assert (await tus.patch(url, 3000, data[3000:])).status_code == 404
    assert "terminated" in [e.action for e in await events_for("upload", row.id)]


async def test_a_finished_upload_can_be_terminated_until_attached(tus, rt):
    data = pdf(2000)
    upload_id = await tus.upload(data)
    assert (await tus.delete(f"/uploads/{upload_id}")).status_code == 204
    assert not await Upload.exists(id=upload_id)


async def test_a_busy_upload_answers_locked(tus):
    # given: another worker holds the upload
    import datetime as dt

    data = pdf(2000)
    url = (await tus.create(len(data))).headers["Location"]
    await Upload.filter(id=url.rsplit("/", 1)[1]).update(
        lease_token="someone-else", lease_until=dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=30)
    )
    # when
    response = await tus.patch(url, 0, data)
    # then
    assert response.status_code == 423
    assert response.headers["Retry-After"] == "1"
    assert (await tus.delete(url)).status_code == 423


async def test_an_empty_patch_on_a_finished_upload_is_harmless(tus):
    data = pdf(2000)
    upload_id = await tus.upload(data)
    response = await tus.patch(f"/uploads/{upload_id}", len(data), b"")
    assert response.status_code == 204
    assert response.headers["Upload-Offset"] == str(len(data))


async def test_unknown_method_and_collection_methods(tus):
    assert (await tus.http.get("/uploads", headers=tus.headers())).status_code == 405
    url = (await tus.create(10)).headers["Location"]
    assert (await tus.http.put(url, headers=tus.headers())).status_code == 405
    assert (await tus.http.post("/uploads/", headers=tus.headers(Upload_Length="10"))).status_code == 201


async def test_another_protocol_version_is_refused(tus):
    headers = {**tus.headers(), "Tus-Resumable": "0.2.2", "Upload-Length": "10"}
    response = await tus.http.post("/uploads", headers=headers)
    assert response.status_code == 412
    assert response.headers["Tus-Version"] == TUS["Tus-Resumable"]
