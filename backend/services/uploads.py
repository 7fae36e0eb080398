"""Resumable uploads: creation under a quota, bytes taken in as a stream (hashed and type-checked
on the way), completion, termination, expiry, and the one-time claim that makes an upload a
document's file.

The stored object is the truth about how far an upload got (`Storage.size`); the row's
`received` follows it after each request. The running SHA-256 lives in this process's memory,
keyed by upload and offset: when it does not match the stored bytes (another worker took part
of the upload, or this process restarted), the hash is recomputed from storage at completion.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import logging
import secrets
import uuid
from collections import OrderedDict
from collections.abc import AsyncIterable, AsyncIterator
from dataclasses import dataclass

from tortoise.expressions import Q

from backend.adapters.storage import Storage, StorageConflict
from backend.models.identity import User
from backend.models.partners import ApiClient
from backend.models.uploads import Upload, UploadStatus
from backend.runtime import Runtime
from backend.services import history
from backend.errors import DomainError
from backend.services.tx import atomic, on_commit

log = logging.getLogger(__name__)

# Only these, recognised by their first bytes whatever the file is called.
SIGNATURES = (
    ("application/pdf", b"%PDF-"),
    ("image/jpeg", b"\xff\xd8\xff"),
    ("image/png", b"\x89PNG\r\n\x1a\n"),
)
SNIFF_BYTES = max(len(magic) for _, magic in SIGNATURES)
_OPEN = (UploadStatus.UPLOADING, UploadStatus.COMPLETE)  # what counts against the quota
_EXPIRING = (UploadStatus.UPLOADING, UploadStatus.COMPLETE, UploadStatus.REJECTED)
_MAX_TRACKED = 10_000  # running hashes kept; one dropped is only recomputed at completion


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def sniff(head: bytes) -> str | None:
    """The content type the first bytes prove; None while too few bytes have arrived to tell."""
    for content_type, magic in SIGNATURES:
        if len(head) >= len(magic) and head.startswith(magic):
            return content_type
    if len(head) < SNIFF_BYTES and any(magic.startswith(head) for _, magic in SIGNATURES):
        return None
    raise DomainError("UPLOAD_TYPE_NOT_ALLOWED", allowed=[t for t, _ in SIGNATURES])


@dataclass(frozen=True)
class Owner:
    """Whose upload: a user, or (with the partner API) an API client; never both."""

    user_id: uuid.UUID | None = None
    client_id: uuid.UUID | None = None

    def __post_init__(self) -> None:
        if (self.user_id is None) == (self.client_id is None):
            raise ValueError("an upload belongs to exactly one user or one API client")

    @property
    def lookup(self) -> dict:
        return {"owner_user_id": self.user_id} if self.user_id else {"owner_client_id": self.client_id}

    def history_data(self) -> dict:
        return {"clientId": str(self.client_id)} if self.client_id else {}


class _Hash:
    """The SHA-256 of an upload's first `offset` bytes, and the first of those bytes."""

    def __init__(self) -> None:
        self.offset = 0
        self.sha = hashlib.sha256()
        self.head = b""

    def update(self, chunks: list[bytes]) -> None:
        for chunk in chunks:
            if len(self.head) < SNIFF_BYTES:
                self.head += chunk[: SNIFF_BYTES - len(self.head)]
            self.sha.update(chunk)
            self.offset += len(chunk)


_hashes: OrderedDict[str, _Hash] = OrderedDict()


def _hash_at(upload_id: str, offset: int) -> _Hash | None:
    if offset == 0:
        state = _hashes[upload_id] = _Hash()
    else:
        state = _hashes.get(upload_id)
        if state is None or state.offset != offset:
            _hashes.pop(upload_id, None)
            return None
    _hashes.move_to_end(upload_id)
    while len(_hashes) > _MAX_TRACKED:
        _hashes.popitem(last=False)
    return state


# -- reading -------------------------------------------------------------------------------------


async def get_owned(owner: Owner, upload_id: str, *, now: dt.datetime | None = None) -> Upload:
    """The owner's upload that tus may still talk about; anyone else's looks like no upload at all."""
    row = await Upload.get_or_none(id=upload_id, **owner.lookup) if upload_id else None
    if row is None or row.status is UploadStatus.ATTACHED:
        raise DomainError("UPLOAD_NOT_FOUND")
    if row.status is UploadStatus.REJECTED:
        raise DomainError("UPLOAD_REJECTED", reason=row.reject_reason)
    if row.status is UploadStatus.UPLOADING and row.expires_at <= (now or _now()):
        raise DomainError("UPLOAD_EXPIRED")
    return row


async def offset_of(rt: Runtime, upload: Upload) -> int:
    if upload.status is not UploadStatus.UPLOADING:
        return upload.length
    return await rt.storage.size(upload.storage_key) or 0


# -- creation ------------------------------------------------------------------------------------


async def _lock_owner(owner: Owner) -> None:
    # Serializes one owner's creations so that two at once cannot both fit under the quota.
    if owner.user_id:
        found = await User.select_for_update().filter(id=owner.user_id, is_active=True).first()
    else:
        found = await ApiClient.select_for_update().filter(id=owner.client_id, is_active=True).first()
    if found is None:
        raise DomainError("UPLOAD_NOT_ALLOWED")


async def create(rt: Runtime, owner: Owner, *, length: int, filename: str = "", ip: str = "") -> Upload:
    settings = rt.settings
    if length > settings.upload_max_bytes:
        raise DomainError("UPLOAD_TOO_LARGE", max=settings.upload_max_bytes)
    if length < 1:
        raise DomainError("UPLOAD_TYPE_NOT_ALLOWED", allowed=[t for t, _ in SIGNATURES])
    now = _now()
    async with atomic():
        await _lock_owner(owner)
        open_lengths = await Upload.filter(**owner.lookup, status__in=_OPEN, expires_at__gt=now).values_list(
            "length", flat=True
        )
        if len(open_lengths) >= settings.upload_max_open:
            raise DomainError("UPLOAD_TOO_MANY_OPEN", max=settings.upload_max_open)
        used = sum(open_lengths)
        if used + length > settings.upload_quota_bytes:
            raise DomainError("UPLOAD_QUOTA_EXCEEDED", quota=settings.upload_quota_bytes, used=used)
        upload_id = secrets.token_urlsafe(24)
        row = await Upload.create(
            id=upload_id,
            owner_user_id=owner.user_id,
            owner_client_id=owner.client_id,
            filename=filename[:300],
            length=length,
            storage_key=f"uploads/{upload_id}",
            expires_at=now + dt.timedelta(seconds=settings.upload_expiry_seconds),
        )
        await history.record(
            "upload", upload_id, "created", actor_id=owner.user_id, ip=ip, length=length, filename=row.filename,
            **owner.history_data(),
        )
    return row


# -- receiving bytes -----------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def _lease(rt: Runtime, upload_id: str) -> AsyncIterator[str]:
    """Exclusive right to write one upload, across workers; renewed while held."""
    seconds = rt.settings.upload_lease_seconds
    token = secrets.token_hex(16)
    now = _now()
    taken = await Upload.filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now), id=upload_id).update(
        lease_token=token, lease_until=now + dt.timedelta(seconds=seconds)
    )
    if not taken:
        raise DomainError("UPLOAD_LOCKED")

    async def renew() -> None:
        while True:
            await asyncio.sleep(max(seconds / 3, 0.05))
            await Upload.filter(id=upload_id, lease_token=token).update(
                lease_until=_now() + dt.timedelta(seconds=seconds)
            )

    renewer = asyncio.create_task(renew())
    try:
        yield token
    finally:
        renewer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await renewer
        await Upload.filter(id=upload_id, lease_token=token).update(lease_token=None, lease_until=None)


class _Intake:
    """Checks the incoming stream against the declared length and the allowed types on the event
    loop, before a byte is stored; the hashing runs in the storage's writing thread (`observe`)."""

    def __init__(self, upload: Upload, offset: int, running: _Hash | None):
        self.remaining = upload.length - offset
        self.content_type = upload.content_type
        self.sniffed: str | None = None  # learned during this request
        # A running hash from offset 0 has also kept the first bytes, even if they came in an earlier request.
        self.can_sniff = self.content_type is None and running is not None
        self.head = running.head if running is not None else b""
        self.running = running

    @property
    def observe(self):
        return self.running.update if self.running is not None else None

    async def chunks(self, source: AsyncIterable[bytes]) -> AsyncIterator[bytes]:
        async for chunk in source:
            if not chunk:
                continue
            if len(chunk) > self.remaining:
                # What arrived before is kept; this request is refused.
                raise DomainError("UPLOAD_TOO_LARGE", detail="more bytes than the declared Upload-Length")
            if self.can_sniff:
                self.head += chunk[: SNIFF_BYTES - len(self.head)]
                found = sniff(self.head)  # refuses a wrong type before a byte of it is stored
                if found:
                    self.sniffed = self.content_type = found
                    self.can_sniff = False
            self.remaining -= len(chunk)
            yield chunk


async def append(
    rt: Runtime,
    owner: Owner,
    upload_id: str,
    offset: int,
    body: AsyncIterable[bytes],
    *,
    declared: int | None = None,
    ip: str = "",
) -> Upload:
    """Takes one request's bytes at `offset`. `declared` (the request's Content-Length, if any) is
    checked before a byte is read. A body that ends early is not an error: what arrived is kept."""
    upload = await get_owned(owner, upload_id)
    if upload.status is UploadStatus.COMPLETE:
        if offset == upload.length and not declared:
            return upload
        raise DomainError("UPLOAD_OFFSET_MISMATCH", offset=upload.length)
    if offset < 0 or (declared is not None and offset + declared > upload.length):
        raise DomainError("UPLOAD_TOO_LARGE", detail="more bytes than the declared Upload-Length")
    storage = rt.storage
    async with _lease(rt, upload.id) as lease:
        stored = await storage.size(upload.storage_key) or 0
        if stored != offset:
            raise DomainError("UPLOAD_OFFSET_MISMATCH", offset=stored)
        intake = _Intake(upload, offset, _hash_at(upload.id, offset))
        failure: DomainError | None = None
        try:
            await storage.append(upload.storage_key, offset, intake.chunks(body), intake.observe)
        except DomainError as exc:
            failure = exc
        except StorageConflict as exc:
            raise DomainError("UPLOAD_OFFSET_MISMATCH", offset=exc.actual or 0) from None
        if failure is not None and failure.code == "UPLOAD_TYPE_NOT_ALLOWED":
            await _reject(rt, upload, owner, "type_not_allowed", ip)
            raise failure
        size = await storage.size(upload.storage_key) or 0
        running = intake.running
        if running is not None and running.offset != size:
            _hashes.pop(upload.id, None)
            running = None
        changes: dict = {"received": size, "expires_at": _now() + dt.timedelta(seconds=rt.settings.upload_expiry_seconds)}
        if intake.sniffed:
            changes["content_type"] = intake.sniffed
        kept = await Upload.filter(id=upload.id, lease_token=lease, status=UploadStatus.UPLOADING).update(**changes)
        if not kept:
            # Terminated or expired while the bytes were arriving: nothing may keep them.
            await storage.delete(upload.storage_key)
            _hashes.pop(upload.id, None)
            raise DomainError("UPLOAD_NOT_FOUND")
        if failure is not None:
            raise failure
        if size == upload.length:
            await _complete(rt, upload, owner, intake.content_type, running, ip)
    return await Upload.get(id=upload.id)


def boot_id() -> str:
    """This machine's current boot (Linux). A process crash keeps written bytes in the page cache;
    only a reboot can lose what was not yet on the disk."""
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as handle:
            return handle.read().strip()
    except OSError:
        return ""  # unknown: every claim then checks the bytes


async def _hash_stored(rt: Runtime, key: str) -> str:
    return await _hash_key(rt.storage, key)


async def _hash_key(storage: Storage, key: str) -> str:
    sha = hashlib.sha256()
    async for chunk in storage.read(key):
        await asyncio.to_thread(sha.update, chunk)  # hashlib lets go of the GIL on large buffers
    return sha.hexdigest()


async def _complete(
    rt: Runtime, upload: Upload, owner: Owner, content_type: str | None, running: _Hash | None, ip: str
) -> None:
    storage = rt.storage
    await storage.finish(upload.storage_key)
    if content_type is None:
        # The first bytes came in a request whose verdict this process does not remember.
        head = b"".join([chunk async for chunk in storage.read(upload.storage_key, 0, SNIFF_BYTES)])
        try:
            content_type = sniff(head)
            if content_type is None:
                raise DomainError("UPLOAD_TYPE_NOT_ALLOWED", allowed=[t for t, _ in SIGNATURES])
        except DomainError:
            await _reject(rt, upload, owner, "type_not_allowed", ip)
            raise
    if running is not None and running.offset == upload.length:
        digest = running.sha.hexdigest()
    else:
        digest = await _hash_stored(rt, upload.storage_key)
    _hashes.pop(upload.id, None)
    now = _now()
    async with atomic():
        done = await Upload.filter(id=upload.id, status=UploadStatus.UPLOADING).update(
            status=UploadStatus.COMPLETE,
            sha256=digest,
            content_type=content_type,
            received=upload.length,
            completed_at=now,
            completed_boot=boot_id(),
            expires_at=now + dt.timedelta(seconds=rt.settings.upload_expiry_seconds),
        )
        if done:
            await history.record(
                "upload", upload.id, "completed", actor_id=owner.user_id, ip=ip, size=upload.length,
                sha256=digest, contentType=content_type, **owner.history_data(),
            )


async def _reject(rt: Runtime, upload: Upload, owner: Owner, reason: str, ip: str) -> None:
    async with atomic():
        done = await Upload.filter(id=upload.id, status=UploadStatus.UPLOADING).update(
            status=UploadStatus.REJECTED, reject_reason=reason, received=0
        )
        if done:
            await history.record(
                "upload", upload.id, "rejected", actor_id=owner.user_id, ip=ip, reason=reason, **owner.history_data()
            )
    _hashes.pop(upload.id, None)
    await rt.storage.delete(upload.storage_key)


# -- termination and expiry ----------------------------------------------------------------------


async def terminate(rt: Runtime, owner: Owner, upload_id: str, *, ip: str = "") -> None:
    row = await Upload.get_or_none(id=upload_id, **owner.lookup) if upload_id else None
    if row is None or row.status is UploadStatus.ATTACHED:
        raise DomainError("UPLOAD_NOT_FOUND")
    async with _lease(rt, row.id):
        async with atomic():
            deleted = await Upload.filter(id=row.id, status__in=_EXPIRING).delete()
            if deleted:
                await history.record(
                    "upload", row.id, "terminated", actor_id=owner.user_id, ip=ip, status=row.status.value,
                    **owner.history_data(),
                )
    if not deleted:
        raise DomainError("UPLOAD_NOT_FOUND")
    _hashes.pop(row.id, None)
    await rt.storage.delete(row.storage_key)


async def purge_expired(rt: Runtime, *, now: dt.datetime | None = None, batch: int = 200) -> int:
    """Deletes the bytes and rows of uploads past their expiry that never became documents.
    Safe to run in every worker at once: each row is taken by one conditional delete."""
    now = now or _now()
    rows = (
        await Upload.filter(expires_at__lte=now, status__in=_EXPIRING)
        .order_by("expires_at")
        .limit(batch)
        .values("id", "storage_key", "status", "owner_user_id")
    )
    purged = 0
    for row in rows:
        async with atomic():
            deleted = await Upload.filter(
                Q(lease_until__isnull=True) | Q(lease_until__lt=now),
                id=row["id"],
                status=row["status"],
                expires_at__lte=now,
            ).delete()
            if deleted:
                await history.record("upload", row["id"], "expired", status=str(row["status"]))
        if deleted:
            _hashes.pop(row["id"], None)
            await rt.storage.delete(row["storage_key"])
            purged += 1
    return purged


async def expiry_loop(rt: Runtime) -> None:
    """The app's background sweeper (see `create_app`)."""
    interval = rt.settings.upload_cleanup_interval_seconds
    while True:
        try:
            count = await purge_expired(rt)
            if count:
                log.info("purged %d expired uploads", count)
        except Exception:  # noqa: BLE001 - a failed sweep is retried at the next interval
            log.exception("upload expiry sweep failed")
        await asyncio.sleep(interval)


# -- attaching -----------------------------------------------------------------------------------


async def claim(
    upload_id: str, *, storage: Storage, user_id: uuid.UUID | None = None, client_id: uuid.UUID | None = None
) -> Upload:
    """Takes the owner's complete upload for a document, once. Must run inside the caller's
    `atomic()`, so that a failure to create the document gives the upload back.

    The document then points at `storage_key`; the bytes are not copied, but made durable first
    (and, after a reboot since the upload finished, checked against their SHA-256).
    """
    owner = Owner(user_id=user_id, client_id=client_id)
    try:
        on_commit(_noop)
    except RuntimeError:
        raise RuntimeError("uploads.claim() must run inside atomic()") from None
    now = _now()
    row = await Upload.get_or_none(id=upload_id, **owner.lookup) if upload_id else None
    if row is None or row.status is UploadStatus.ATTACHED:
        raise DomainError("UPLOAD_NOT_FOUND", field="uploadId")
    if row.status is UploadStatus.REJECTED:
        raise DomainError("UPLOAD_REJECTED", field="uploadId", reason=row.reject_reason)
    if row.status is UploadStatus.UPLOADING:
        raise DomainError("UPLOAD_INCOMPLETE", field="uploadId", received=row.received, length=row.length)
    if not row.completed_boot or row.completed_boot != boot_id():
        if await storage.size(row.storage_key) != row.length or await _hash_key(storage, row.storage_key) != row.sha256:
            raise DomainError("UPLOAD_LOST", field="uploadId")
    await storage.durable(row.storage_key)
    taken = await Upload.filter(id=row.id, status=UploadStatus.COMPLETE, expires_at__gt=now).update(
        status=UploadStatus.ATTACHED, attached_at=now
    )
    if not taken:
        # Expired (and about to be swept) or claimed by a concurrent request.
        raise DomainError("UPLOAD_NOT_FOUND", field="uploadId")
    await history.record(
        "upload", row.id, "attached", actor_id=user_id, size=row.length, sha256=row.sha256, **owner.history_data()
    )
    return await Upload.get(id=row.id)


async def _noop() -> None:
    return None
