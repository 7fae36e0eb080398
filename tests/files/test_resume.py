"""An upload cut off twenty times at random places, over a real socket, still ends with the right
SHA-256."""

from __future__ import annotations

import asyncio
import os
import random

import httpx

from backend.models.uploads import Upload, UploadStatus
from tests.files.raw import open_request
from tests.files.tus import OFFSET, TUS, pdf, sha256

CUTS = 20


async def _lease_is(upload_id: str, held: bool) -> None:
    """Waits until the server is writing the upload (held) or has stored what reached it and let go."""
    for _ in range(1000):
        if ((await Upload.get(id=upload_id)).lease_token is not None) == held:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"the upload's lease never became {'held' if held else 'free'}")


async def test_twenty_cuts_at_random_offsets_then_resume(live_server, citizen):
    # given
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    data = pdf(6 * 1024 * 1024 + 12_345, seed=seed)
    auth = {"Authorization": f"Bearer {citizen.token}", **TUS}
    async with httpx.AsyncClient(base_url=f"http://{live_server}") as http:
        created = await http.post("/uploads", headers={**auth, "Upload-Length": str(len(data))})
        assert created.status_code == 201
        url = created.headers["Location"]
        upload_id = url.rsplit("/", 1)[1]
        offset = 0
        for cut in range(CUTS):
            # when: a PATCH for the whole rest whose connection dies after a random share of it
            rest = len(data) - offset
            sent = rng.randint(0, max(rest // 3, 1))
            reader, writer = await open_request(
                live_server, "PATCH", url,
                {**auth, "Upload-Offset": str(offset), "Content-Type": OFFSET, "Content-Length": str(rest)},
                body=data[offset : offset + sent],
            )
            await _lease_is(upload_id, held=True)
            if cut % 2:
                writer.transport.abort()  # a reset: bytes in flight may be lost
            else:
                writer.close()  # an orderly close: all sent bytes arrive
            await _lease_is(upload_id, held=False)
            # then: the server tells where to resume, never past what was sent
            head = await http.head(url, headers=auth)
            assert head.status_code == 200, f"seed {seed}"
            resumed = int(head.headers["Upload-Offset"])
            assert offset <= resumed <= offset + sent, f"seed {seed}, cut {cut}"
            offset = resumed
        # uvicorn drops what it had buffered but not handed over when a connection ends mid-body,
        # so a cut may lose a little even after an orderly close; the cuts must still have got somewhere
        assert offset > len(data) // 4, f"seed {seed}"
        # when: the rest in one go
        final = await http.patch(
            url, headers={**auth, "Upload-Offset": str(offset), "Content-Type": OFFSET}, content=data[offset:]
        )
    # then
    assert final.status_code == 204, final.text
    row = await Upload.get(id=upload_id)
    assert row.status is UploadStatus.COMPLETE
    assert row.sha256 == sha256(data), f"seed {seed}"
