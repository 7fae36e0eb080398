"""Documents made straight through the models, as the contracts service would after `claim`."""

from __future__ import annotations

import datetime as dt
import itertools

from backend.models.contracts import Contract, Document, DocumentKind
from backend.models.uploads import Upload

_serial = itertools.count(1)


async def contract_for(holder_iin_bin: str) -> Contract:
    return await Contract.create(
        number=f"Н-3-67/{next(_serial)}-АФ", signed_on=dt.date(2024, 5, 1), holder_iin_bin=holder_iin_bin
    )


async def document_from(upload: Upload, contract: Contract, title: str = "Үлестік қатысу шарты") -> Document:
    return await Document.create(
        contract=contract,
        kind=DocumentKind.DDU,
        title=title,
        storage_key=upload.storage_key,
        size=upload.length,
        sha256=upload.sha256,
        content_type=upload.content_type,
        added_by_id=upload.owner_user_id,
    )
