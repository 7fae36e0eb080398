"""The server process killed (SIGKILL) in the middle of an upload: no document can point at the
half-written file, and the upload can be resumed by the restarted server, or left to expire."""

from __future__ import annotations

import asyncio
import datetime as dt

import httpx
import pytest

from backend.models.contracts import Document
from backend.models.uploads import Upload, UploadStatus
from backend.services import uploads
from backend.errors import DomainError
from backend.services.tx import atomic
from tests.files.raw import open_request
from tests.files.tus import OFFSET, TUS, pdf, sha256, _storage

pytestmark = pytest.mark.slow


async def _wait(predicate, timeout: float = 20) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not await predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("timed out")
        await asyncio.sleep(0.05)


async def _kill_mid_upload(server, citizen, data: bytes, storage) -> tuple[str, str]:
    """Creates an upload on `server`, sends part of a PATCH and kills the server while it reads."""
    auth = {"Authorization": f"Bearer {citizen.token}", **TUS}
    async with httpx.AsyncClient(base_url=server.base_url) as http:
        created = await http.post("/uploads", headers={**auth, "Upload-Length": str(len(data))})
        assert created.status_code == 201, created.text
    url = created.headers["Location"]
    upload_id = url.rsplit("/", 1)[1]
    sent = len(data) // 2
    reader, writer = await open_request(
        f"127.0.0.1:{server.port}", "PATCH", url,
        {**auth, "Upload-Offset": "0", "Content-Type": OFFSET, "Content-Length": str(len(data))},
        body=data[:sent],
    )

    async def some_bytes_stored() -> bool:
        row = await Upload.get(id=upload_id)
        return row.lease_token is not None and bool(await storage.size(row.storage_key))

    await _wait(some_bytes_stored)
    server.kill()
    writer.close()
    return url, upload_id


async def test_killed_mid_upload_then_resumed_by_the_restarted_server(server_process, citizen, rt):
    # given: a server killed while it is writing an upload
    data = pdf(24 * 1024 * 1024, seed=7)
    server = server_process(UPLOAD_LEASE_SECONDS="2")
    server.start()
    url, upload_id = await _kill_mid_upload(server, citizen, data, rt.storage)

    # then: the upload is unfinished, nothing can make it a document
    row = await Upload.get(id=upload_id)
    assert row.status is UploadStatus.UPLOADING
    assert row.sha256 is None
    assert not await Document.filter(storage_key=row.storage_key).exists()
    with pytest.raises(DomainError) as caught:
        async with atomic():
            await uploads.claim(upload_id, user_id=citizen.user.id, storage=_storage())
    assert caught.value.code == "UPLOAD_INCOMPLETE"

    # when: the server comes back, the dead one's lease runs out, and the client resumes from HEAD
    server.start()
    auth = {"Authorization": f"Bearer {citizen.token}", **TUS}
    async with httpx.AsyncClient(base_url=server.base_url, timeout=60) as http:
        head = await http.head(url, headers=auth)
        assert head.status_code == 200
        offset = int(head.headers["Upload-Offset"])
        assert 0 < offset <= len(data) // 2
        for _ in range(100):  # an empty PATCH asks whether the dead server's lease has run out
            probe = await http.patch(url, headers={**auth, "Upload-Offset": str(offset), "Content-Type": OFFSET})
            if probe.status_code != 423:
                break
            await asyncio.sleep(0.2)
        assert probe.status_code == 204, probe.text
        done = await http.patch(
            url, headers={**auth, "Upload-Offset": str(offset), "Content-Type": OFFSET}, content=data[offset:]
        )

    # then: complete, with the hash of the whole file (recomputed from storage by the new process)
    assert done.status_code == 204, done.text
    row = await Upload.get(id=upload_id)
    assert row.status is UploadStatus.COMPLETE
    assert row.sha256 == sha256(data)
    server.kill()


async def test_killed_mid_upload_then_left_to_expire(server_process, citizen, rt):
    # given
    data = pdf(24 * 1024 * 1024, seed=8)
    server = server_process()
    server.start()
    _, upload_id = await _kill_mid_upload(server, citizen, data, rt.storage)
    row = await Upload.get(id=upload_id)
    assert await rt.storage.size(row.storage_key)
    # when: its expiry passes (and the dead server's lease with it)
    purged = await uploads.purge_expired(rt, now=dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=2))
    # then
    assert purged == 1
    assert not await Upload.exists(id=upload_id)
    assert await rt.storage.size(row.storage_key) is None
    assert not await Document.filter(storage_key=row.storage_key).exists()
