"""Certificate revocation lists from files and from HTTP, kept until their nextUpdate.

Only configured URLs are fetched, never the distribution points a presented certificate names:
a signer must not make the server call addresses of their choosing.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from asn1crypto import crl, pem

log = logging.getLogger(__name__)

MAX_CRL_BYTES = 128 * 1024 * 1024  # the national RSA list is tens of megabytes; anything far larger is not a CRL


def load_crl(data: bytes) -> crl.CertificateList:
    if pem.detect(data):
        _, _, data = pem.unarmor(data)
    parsed = crl.CertificateList.load(data)
    parsed.native  # noqa: B018 - parse it all now, so that a broken list fails here and not mid-validation
    return parsed


def next_update(value: crl.CertificateList) -> dt.datetime | None:
    moment = value["tbs_cert_list"]["next_update"].native
    return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


@dataclass
class _Fetched:
    crl: crl.CertificateList
    fetched_at: float


class CrlSource:
    """Every CRL currently known. A list that cannot be loaded is simply missing: path validation then
    finds no revocation data for that issuer and refuses with CRL_UNAVAILABLE."""

    def __init__(
        self,
        files: tuple[Path, ...] = (),
        urls: tuple[str, ...] = (),
        *,
        cache_dir: Path | None = None,
        refresh_seconds: int = 3600,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = 15.0,
    ):
        self.files = files
        self.urls = urls
        self.cache_dir = cache_dir
        self.refresh_seconds = refresh_seconds
        self._transport = transport
        self._timeout = timeout
        self._by_file: dict[Path, tuple[float, crl.CertificateList]] = {}
        self._by_url: dict[str, _Fetched] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def current(self) -> list[crl.CertificateList]:
        found = [c for c in (self._from_file(path) for path in self.files) if c is not None]
        for url in self.urls:
            entry = await self._from_url(url)
            if entry is not None:
                found.append(entry)
        return found

    def _from_file(self, path: Path) -> crl.CertificateList | None:
        try:
            mtime = path.stat().st_mtime
            cached = self._by_file.get(path)
            if cached and cached[0] == mtime:
                return cached[1]
            parsed = load_crl(path.read_bytes())
        except (OSError, ValueError, TypeError) as exc:
            log.warning("CRL file %s unavailable: %s", path, exc)
            return None
        self._by_file[path] = (mtime, parsed)
        return parsed

    def _stale(self, entry: _Fetched) -> bool:
        if time.monotonic() - entry.fetched_at > self.refresh_seconds:
            return True
        upcoming = next_update(entry.crl)
        return upcoming is not None and upcoming <= dt.datetime.now(dt.timezone.utc)

    def _cache_path(self, url: str) -> Path | None:
        if self.cache_dir is None:
            return None
        return self.cache_dir / (hashlib.sha256(url.encode()).hexdigest()[:24] + ".crl")

    async def _from_url(self, url: str) -> crl.CertificateList | None:
        entry = self._by_url.get(url)
        if entry is None:
            entry = self._from_disk(url)
        if entry is not None and not self._stale(entry):
            return entry.crl
        lock = self._locks.setdefault(url, asyncio.Lock())
        async with lock:
            entry = self._by_url.get(url) or entry
            if entry is not None and not self._stale(entry):
                return entry.crl
            fresh = await self._download(url)
            if fresh is not None:
                entry = _Fetched(fresh, time.monotonic())
                self._by_url[url] = entry
            # A failed refresh keeps the old list: it is still authoritative until its nextUpdate,
            # and path validation refuses it as stale after that.
            return entry.crl if entry is not None else None

    def _from_disk(self, url: str) -> _Fetched | None:
        path = self._cache_path(url)
        if path is None or not path.exists():
            return None
        try:
            entry = _Fetched(load_crl(path.read_bytes()), 0.0)  # re-fetch soon, but use it meanwhile
        except (OSError, ValueError, TypeError):
            return None
        self._by_url[url] = entry
        return entry

    async def _download(self, url: str) -> crl.CertificateList | None:
        try:
            async with httpx.AsyncClient(transport=self._transport, timeout=self._timeout, follow_redirects=True) as http:
                async with http.stream("GET", url) as response:
                    response.raise_for_status()
                    chunks, size = [], 0
                    async for chunk in response.aiter_bytes():
                        size += len(chunk)
                        if size > MAX_CRL_BYTES:
                            raise ValueError("CRL too large")
                        chunks.append(chunk)
            data = b"".join(chunks)
            parsed = load_crl(data)
        except (httpx.HTTPError, ValueError, TypeError) as exc:
            log.warning("CRL %s could not be fetched: %s", url, exc)
            return None
        path = self._cache_path(url)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(".tmp")
                tmp.write_bytes(data)
                tmp.replace(path)
            except OSError as exc:
                log.warning("CRL cache %s not written: %s", path, exc)
        return parsed
