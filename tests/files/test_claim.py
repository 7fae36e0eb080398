"""`uploads.claim`: the seam through which a finished upload becomes a document's file, once."""

from __future__ import annotations

import datetime as dt

import pytest

from backend.models.contracts import Document
from backend.models.uploads import Upload, UploadStatus
from backend.services import uploads
from backend.errors import DomainError
from backend.services.history import events_for
from backend.services.tx import atomic
from tests.files.documents import contract_for, document_from
from tests.files.tus import pdf, sha256, _storage


async def _claim(upload_id: str, **owner) -> Upload:
    async with atomic():
        return await uploads.claim(upload_id, **owner, storage=_storage())


async def _code(upload_id: str, **owner) -> str:
    with pytest.raises(DomainError) as caught:
        await _claim(upload_id, **owner)
    return caught.value.code


async def test_a_complete_upload_is_claimed_once_and_becomes_a_document(tus, citizen, rt):
    # given
    data = pdf(40_000)
    upload_id = await tus.upload(data, filename="ДДУ.pdf")
    contract = await contract_for(citizen.user.iin_bin)
    # when
    async with atomic():
        upload = await uploads.claim(upload_id, user_id=citizen.user.id, storage=_storage())
        document = await document_from(upload, contract)
    # then
    assert upload.status is UploadStatus.ATTACHED
    assert upload.attached_at is not None
    assert (upload.length, upload.sha256, upload.content_type, upload.filename) == (
        len(data), sha256(data), "application/pdf", "ДДУ.pdf"
    )
    assert document.storage_key == upload.storage_key  # the same bytes, not a copy
    assert await rt.storage.size(document.storage_key) == len(data)
    assert "attached" in [e.action for e in await events_for("upload", upload_id)]
    # when: claimed again
    assert await _code(upload_id, user_id=citizen.user.id) == "UPLOAD_NOT_FOUND"
    # and tus no longer knows it
    assert (await tus.head(f"/uploads/{upload_id}")).status_code == 404
    assert (await tus.delete(f"/uploads/{upload_id}")).status_code == 404


async def test_an_unfinished_upload_cannot_be_claimed(tus, citizen):
    url = (await tus.create(1000)).headers["Location"]
    await tus.patch(url, 0, pdf(1000)[:10])
    assert await _code(url.rsplit("/", 1)[1], user_id=citizen.user.id) == "UPLOAD_INCOMPLETE"


async def test_a_rejected_upload_cannot_be_claimed(tus, citizen):
    url = (await tus.create(100)).headers["Location"]
    await tus.patch(url, 0, b"GIF89a" + b"\0" * 94)
    assert await _code(url.rsplit("/", 1)[1], user_id=citizen.user.id) == "UPLOAD_REJECTED"


async def test_someone_elses_or_unknown_upload_is_not_found(tus, resident):
    upload_id = await tus.upload(pdf(1000))
    assert await _code(upload_id, user_id=resident.user.id) == "UPLOAD_NOT_FOUND"
    assert await _code("no-such-upload", user_id=resident.user.id) == "UPLOAD_NOT_FOUND"
    assert (await Upload.get(id=upload_id)).status is UploadStatus.COMPLETE


async def test_an_expired_complete_upload_cannot_be_claimed(tus, citizen):
    upload_id = await tus.upload(pdf(1000))
    await Upload.filter(id=upload_id).update(expires_at=dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1))
    assert await _code(upload_id, user_id=citizen.user.id) == "UPLOAD_NOT_FOUND"


async def test_a_failed_transaction_gives_the_upload_back(tus, citizen):
    # given
    upload_id = await tus.upload(pdf(1000))
    # when: the caller's transaction fails after the claim
    with pytest.raises(RuntimeError):
        async with atomic():
            await uploads.claim(upload_id, user_id=citizen.user.id, storage=_storage())
            raise RuntimeError("document could not be created")
    # then
    assert (await Upload.get(id=upload_id)).status is UploadStatus.COMPLETE
    assert (await _claim(upload_id, user_id=citizen.user.id)).status is UploadStatus.ATTACHED


async def test_claim_must_run_inside_a_transaction(tus, citizen):
    upload_id = await tus.upload(pdf(1000))
    with pytest.raises(RuntimeError, match="atomic"):
        await uploads.claim(upload_id, user_id=citizen.user.id, storage=_storage())


async def test_claim_needs_exactly_one_owner(tus, citizen):
    with pytest.raises(ValueError):
        await _claim("x")
    with pytest.raises(ValueError):
        await _claim("x", user_id=citizen.user.id, client_id=citizen.user.id)


async def test_an_attached_upload_survives_expiry_sweeps(tus, citizen, rt):
    # given
    upload_id = await tus.upload(pdf(1000))
    upload = await _claim(upload_id, user_id=citizen.user.id)
    await document_from(upload, await contract_for(citizen.user.iin_bin))
    # when
    purged = await uploads.purge_expired(rt, now=dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=365))
    # then
    assert purged == 0
    assert await rt.storage.size(upload.storage_key) == 1000
    assert await Document.filter(storage_key=upload.storage_key).exists()


async def test_after_a_reboot_the_bytes_are_checked_before_a_document_points_at_them(tus, citizen, rt):
    # given two finished uploads, as if the machine had rebooted since
    good, lost = await tus.upload(pdf(5000, seed=1)), await tus.upload(pdf(5000, seed=2))
    await Upload.filter(id__in=[good, lost]).update(completed_boot="an-earlier-boot")
    # and the second one's last bytes never reached the disk
    path = rt.storage._path((await Upload.get(id=lost)).storage_key)
    path.write_bytes(path.read_bytes()[:-100])
    # then the intact one is claimed, the damaged one is refused
    assert (await _claim(good, user_id=citizen.user.id)).status is UploadStatus.ATTACHED
    assert await _code(lost, user_id=citizen.user.id) == "UPLOAD_LOST"


async def test_a_claim_makes_the_bytes_durable(tus, citizen, rt, monkeypatch):
    upload_id = await tus.upload(pdf(1000))
    synced = []
    original = rt.storage.durable

    async def durable(key):
        synced.append(key)
        await original(key)

    monkeypatch.setattr(rt.storage, "durable", durable)
    upload = await _claim(upload_id, user_id=citizen.user.id)
    assert synced == [upload.storage_key]
