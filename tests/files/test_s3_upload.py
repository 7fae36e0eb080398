"""One tus upload end to end with S3-compatible storage (moto server on loopback), then its download."""

from __future__ import annotations

from backend.models.uploads import Upload, UploadStatus
from backend.services import files, uploads
from backend.services.tx import atomic
from tests.files.documents import contract_for, document_from
from tests.files.tus import pdf, sha256


async def test_tus_upload_to_s3_and_ranged_download(tus_with, s3_storage, settings):
    # given
    tus = await tus_with(storage=s3_storage)
    data = pdf(13 * 1024 * 1024 + 99, seed=11)
    url = (await tus.create(len(data), "s3.pdf")).headers["Location"]
    # when: three PATCHes of uneven sizes, one cut short by the client
    assert (await tus.patch(url, 0, data[:2 * 1024 * 1024])).status_code == 204
    head = await tus.head(url)
    assert head.headers["Upload-Offset"] == str(2 * 1024 * 1024)
    assert (await tus.patch(url, 2 * 1024 * 1024, data[2 * 1024 * 1024 : 9 * 1024 * 1024])).status_code == 204
    assert (await tus.patch(url, 9 * 1024 * 1024, data[9 * 1024 * 1024 :])).status_code == 204
    # then
    row = await Upload.get(id=url.rsplit("/", 1)[1])
    assert row.status is UploadStatus.COMPLETE
    assert row.sha256 == sha256(data)
    assert await s3_storage.size(row.storage_key) == len(data)
    listed = s3_storage.client.list_objects_v2(Bucket=s3_storage.bucket)["Contents"]
    assert [o["Key"] for o in listed] == [row.storage_key]  # no tail left behind
    # when: attached and downloaded by range
    async with atomic():
        upload = await uploads.claim(row.id, user_id=tus.user.id, storage=s3_storage)
        document = await document_from(upload, await contract_for(tus.user.iin_bin))
    link = files.document_link(settings, document.id, tus.user.id, inline=True)
    response = await tus.http.get(link, headers={"Authorization": f"Bearer {tus.token}", "Range": "bytes=5242870-5242889"})
    # then
    assert response.status_code == 206
    assert response.content == data[5242870:5242890]


async def test_a_restarted_process_recomputes_the_hash_from_s3(tus_with, s3_storage):
    tus = await tus_with(storage=s3_storage)
    data = pdf(6 * 1024 * 1024, seed=12)
    url = (await tus.create(len(data))).headers["Location"]
    await tus.patch(url, 0, data[:5_500_000])
    uploads._hashes.clear()
    assert (await tus.patch(url, 5_500_000, data[5_500_000:])).status_code == 204
    row = await Upload.get(id=url.rsplit("/", 1)[1])
    assert row.sha256 == sha256(data) and row.content_type == "application/pdf"
