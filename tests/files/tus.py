"""A small tus client for the tests, and sample files of each kind."""

from __future__ import annotations

import base64
import hashlib
import os

import httpx

TUS = {"Tus-Resumable": "1.0.0"}
OFFSET = "application/offset+octet-stream"


def pdf(size: int, seed: int = 0) -> bytes:
    head = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    return head + _noise(size - len(head), seed)


def png(size: int, seed: int = 0) -> bytes:
    head = b"\x89PNG\r\n\x1a\n"
    return head + _noise(size - len(head), seed)


def jpeg(size: int, seed: int = 0) -> bytes:
    head = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
    return head + _noise(size - len(head), seed)


def _noise(size: int, seed: int) -> bytes:
    out = bytearray()
    block = hashlib.sha256(f"noise-{seed}".encode()).digest()
    while len(out) < size:
        block = hashlib.sha256(block).digest()
        out += block * 64
    return bytes(out[:size])


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def metadata(**values: str) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in values.items())


class Tus:
    """tus over one httpx client as one principal."""

    def __init__(self, http: httpx.AsyncClient, token: str | None):
        self.http = http
        self.token = token

    def headers(self, **extra: str) -> dict[str, str]:
        headers = dict(TUS)
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        headers.update({k.replace("_", "-"): v for k, v in extra.items()})
        return headers

    async def create(self, length: int, filename: str = "file.pdf", body: bytes | None = None, **extra: str) -> httpx.Response:
        headers = self.headers(Upload_Length=str(length), Upload_Metadata=metadata(filename=filename), **extra)
        if body is not None:
            headers["Content-Type"] = OFFSET
        return await self.http.post("/uploads", headers=headers, content=body or b"")

    async def head(self, url: str) -> httpx.Response:
        return await self.http.head(url, headers=self.headers())

    async def patch(self, url: str, offset: int, data: bytes, **extra: str) -> httpx.Response:
        headers = self.headers(Upload_Offset=str(offset), Content_Type=OFFSET, **extra)
        return await self.http.patch(url, headers=headers, content=data)

    async def delete(self, url: str) -> httpx.Response:
        return await self.http.delete(url, headers=self.headers())

    async def upload(self, data: bytes, filename: str = "file.pdf", parts: int = 1) -> str:
        """Creates and completes an upload in `parts` PATCH requests; returns its id."""
        created = await self.create(len(data), filename)
        assert created.status_code == 201, created.text
        url = created.headers["Location"]
        step = max(1, -(-len(data) // parts))
        for offset in range(0, len(data), step):
            done = await self.patch(url, offset, data[offset : offset + step])
            assert done.status_code == 204, done.text
        return url.rsplit("/", 1)[1]


def random_bytes(n: int) -> bytes:
    return os.urandom(n)


# The storage of the test's runtime, for code that calls `uploads.claim` directly (set per test by
# an autouse fixture in tests/files/conftest.py).
CURRENT: dict = {}


def _storage():
    return CURRENT["storage"]
