"""Personal, short-lived links to a receipt's PDF: `/receipts/<token>?locale=kk|ru`.

The token is the same signed grant as /files' (services/files: receipt id, the principal it was
minted for, expiry), so a leaked link opens for nobody else and not for long; the language is a
plain parameter — any viewer of the receipt may read it in either language."""

from __future__ import annotations

import uuid

from backend.services import files

PREFIX = "/receipts/"
TTL_SECONDS = 600
LANGUAGES = ("kk", "ru")


def pdf_language(locale: str | None) -> str:
    """Receipts are printed in Kazakh or Russian; English readers get the Russian one."""
    return locale if locale in LANGUAGES else "ru"


def receipt_link(settings, receipt_id, *, user_id: uuid.UUID | None, client_id: uuid.UUID | None = None,
                 locale: str = "ru") -> str:
    if user_id is not None:
        link = files.document_link(settings, receipt_id, user_id, inline=True, ttl_seconds=TTL_SECONDS)
    elif client_id is not None:
        link = files.client_document_link(settings, receipt_id, client_id, inline=True, ttl_seconds=TTL_SECONDS)
    else:
        return ""
    return PREFIX + link.removeprefix("/files/") + f"?locale={pdf_language(locale)}"
