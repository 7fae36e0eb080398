"""Who is acting and from where: what services need to know about the caller, without HTTP."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestInfo:
    ip: str = ""
    user_agent: str = ""
    locale: str = "kk"
    user_id: uuid.UUID | None = None
    session_id: uuid.UUID | None = None
