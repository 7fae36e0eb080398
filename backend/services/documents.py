"""Contract documents: attaching finished uploads, and who may fetch which."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import AsyncIterator

from backend.models.contracts import Contract, Document, DocumentKind
from backend.runtime import Runtime
from backend.services import history, uploads
from backend.services.contracts import holder_channel, owner_channel
from backend.errors import DomainError
from backend.services.tx import atomic, on_commit

MAX_TITLE = 300


async def attach_upload(
    rt: Runtime,
    contract: Contract,
    upload_id: str,
    title: str,
    kind: DocumentKind,
    *,
    user_id: uuid.UUID | None = None,
    client_id: uuid.UUID | None = None,
    external_id: str | None = None,
    source: str,
    ip: str = "",
) -> Document:
    title = " ".join((title or "").split())
    if not title:
        raise DomainError("REQUIRED", field="title")
    if len(title) > MAX_TITLE:
        raise DomainError("TOO_LONG", field="title", max=MAX_TITLE)
    async with atomic():
        upload = await uploads.claim(upload_id, storage=rt.storage, user_id=user_id, client_id=client_id)
        document = await Document.create(
            contract=contract,
            kind=kind,
            title=title,
            storage_key=upload.storage_key,
            size=upload.length,
            sha256=upload.sha256,
            content_type=upload.content_type,
            added_by_id=user_id,
            added_by_client_id=client_id,
            external_id=external_id,
        )
        await history.record(
            "contract", contract.id, "document_added", actor_id=user_id, ip=ip, source=source,
            changes={}, document={"id": str(document.id), "title": title, "kind": kind.value, "sha256": upload.sha256},
        )
        holder, org_id, cid = contract.holder_iin_bin, contract.owner_id, str(contract.id)

        async def announce() -> None:
            await rt.pubsub.publish(holder_channel(holder), {"contractId": cid})
            if org_id:
                await rt.pubsub.publish(owner_channel(org_id), {"contractId": cid})

        on_commit(announce)
    return document


async def _once(content: bytes) -> AsyncIterator[bytes]:
    yield content


async def put_bytes(rt: Runtime, key: str, content: bytes) -> None:
    """Stores a file the portal made in memory (a generated PDF) under `key`."""
    await rt.storage.append(key, 0, _once(content))
    await rt.storage.finish(key)
    await rt.storage.durable(key)


async def store_generated(
    rt: Runtime,
    contract: Contract,
    kind: DocumentKind,
    title: str,
    content: bytes,
    *,
    source: str,
    content_type: str = "application/pdf",
    actor_id: uuid.UUID | None = None,
) -> Document:
    """A document the portal produced itself (a generated PDF): stored, recorded, announced."""
    document_id = uuid.uuid4()
    key = f"documents/{contract.id}/{document_id}"
    await put_bytes(rt, key, content)
    async with atomic():
        document = await Document.create(
            id=document_id, contract=contract, kind=kind, title=title, storage_key=key, size=len(content),
            sha256=hashlib.sha256(content).hexdigest(), content_type=content_type, added_by_id=actor_id,
        )
        await history.record(
            "contract", contract.id, "document_added", actor_id=actor_id, source=source, changes={},
            document={"id": str(document.id), "title": title, "kind": kind.value},
        )
        holder, cid = contract.holder_iin_bin, str(contract.id)

        async def announce() -> None:
            await rt.pubsub.publish(holder_channel(holder), {"contractId": cid})

        on_commit(announce)
    return document
