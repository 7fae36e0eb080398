"""Unfinished and unattached uploads expire; a sweeper deletes their bytes and rows."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
from email.utils import parsedate_to_datetime

from backend.adapters.messaging import DevOutbox
from backend.adapters.pubsub import InProcessPubSub
from backend.app import create_app
from backend.models.uploads import Upload, UploadStatus
from backend.runtime import Runtime
from backend.services import uploads
from backend.services.history import events_for
from tests.files.tus import pdf


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


async def test_upload_expires_header_is_a_day_ahead_and_moves_with_progress(tus):
    # given
    before = _now()
    created = await tus.create(2000)
    url = created.headers["Location"]
    expires = parsedate_to_datetime(created.headers["Upload-Expires"])
    # then
    assert dt.timedelta(hours=23, minutes=59) < expires - before <= dt.timedelta(hours=24, seconds=1)
    await asyncio.sleep(1.1)
    patched = await tus.patch(url, 0, pdf(2000)[:100])
    assert parsedate_to_datetime(patched.headers["Upload-Expires"]) > expires
    assert (await tus.head(url)).headers["Upload-Expires"] == patched.headers["Upload-Expires"]


async def test_an_expired_upload_is_gone_for_tus(tus):
    url = (await tus.create(2000)).headers["Location"]
    await Upload.filter(id=url.rsplit("/", 1)[1]).update(expires_at=_now() - dt.timedelta(seconds=1))
    assert (await tus.head(url)).status_code == 410
    assert (await tus.patch(url, 0, pdf(2000))).status_code == 410


async def test_purge_deletes_expired_unfinished_finished_and_rejected_but_not_the_rest(tus, citizen, rt):
    # given: one of each
    data = pdf(3000)
    unfinished = (await tus.create(3000)).headers["Location"].rsplit("/", 1)[1]
    await tus.patch(f"/uploads/{unfinished}", 0, data[:1000])
    finished = await tus.upload(data)
    rejected = (await tus.create(100)).headers["Location"].rsplit("/", 1)[1]
    await tus.patch(f"/uploads/{rejected}", 0, b"GIF89a" + b"\0" * 94)
    fresh = (await tus.create(3000)).headers["Location"].rsplit("/", 1)[1]
    expired = [unfinished, finished, rejected]
    await Upload.filter(id__in=expired).update(expires_at=_now() - dt.timedelta(minutes=1))
    keys = {row.id: row.storage_key for row in await Upload.all()}
    # when
    purged = await uploads.purge_expired(rt)
    # then
    assert purged == 3
    assert set(await Upload.all().values_list("id", flat=True)) == {fresh}
    for upload_id in expired:
        assert await rt.storage.size(keys[upload_id]) is None
        assert "expired" in [e.action for e in await events_for("upload", upload_id)]


async def test_purge_leaves_an_upload_that_is_being_written(tus, rt):
    url = (await tus.create(2000)).headers["Location"]
    upload_id = url.rsplit("/", 1)[1]
    await Upload.filter(id=upload_id).update(
        expires_at=_now() - dt.timedelta(seconds=1), lease_token="busy", lease_until=_now() + dt.timedelta(seconds=30)
    )
    assert await uploads.purge_expired(rt) == 0
    assert await Upload.exists(id=upload_id)


async def test_bytes_arriving_after_the_row_was_swept_are_deleted(tus, rt, monkeypatch):
    # given: the row disappears while a PATCH is writing (another worker's sweep or a DELETE)
    data = pdf(5000)
    url = (await tus.create(len(data))).headers["Location"]
    upload_id = url.rsplit("/", 1)[1]
    key = (await Upload.get(id=upload_id)).storage_key
    original = rt.storage.append

    async def append_then_vanish(k, offset, chunks, observe=None):
        size = await original(k, offset, chunks, observe)
        await Upload.filter(id=upload_id).delete()
        return size

    monkeypatch.setattr(rt.storage, "append", append_then_vanish)
    # when
    response = await tus.patch(url, 0, data)
    # then
    assert response.status_code == 404
    assert await rt.storage.size(key) is None


async def test_the_app_sweeps_in_the_background(settings, citizen):
    # given: an app whose sweeper runs every 0.1 s, and an expired upload
    from backend.models.uploads import Upload as Row

    fast = dataclasses.replace(settings, upload_cleanup_interval_seconds=0.1)
    rt = Runtime(settings=fast, messenger=DevOutbox(), pubsub=InProcessPubSub())
    row = await Row.create(
        id="expired-upload", owner_user=citizen.user, length=10, storage_key="uploads/expired-upload",
        expires_at=_now() - dt.timedelta(seconds=1), status=UploadStatus.UPLOADING,
    )
    app = create_app(fast, runtime=rt, manage_db=False)
    # when
    async with app.router.lifespan_context(app):
        for _ in range(50):
            if not await Row.exists(id=row.id):
                break
            await asyncio.sleep(0.05)
    # then
    assert not await Row.exists(id=row.id)
