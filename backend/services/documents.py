"""Contract documents: attaching finished uploads, and who may fetch which."""

from __future__ import annotations

import uuid

from backend.models.contracts import Contract, Document, DocumentKind
from backend.runtime import Runtime
from backend.services import history
from backend.services.contracts import holder_channel, owner_channel
from backend.services.errors import DomainError
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
        from backend.services import uploads  # TEMP: until the files work lands

        upload = await uploads.claim(upload_id, user_id=user_id, client_id=client_id)
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
