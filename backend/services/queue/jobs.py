"""Importing this module registers the queue's scheduler handlers (scheduler.HANDLER_MODULES)."""

from __future__ import annotations

from backend.services.queue import decision, documents  # noqa: F401 - imported for their @handler
