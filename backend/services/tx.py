"""Transactions with work deferred until commit (events must never announce a rolled-back change)."""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import AsyncIterator, Awaitable, Callable

from tortoise.transactions import in_transaction

log = logging.getLogger(__name__)

_pending: contextvars.ContextVar[list[Callable[[], Awaitable[None]]] | None] = contextvars.ContextVar(
    "after_commit", default=None
)


@contextlib.asynccontextmanager
async def atomic() -> AsyncIterator[None]:
    """One transaction; callbacks registered with `on_commit` run after the outermost one commits."""
    outer = _pending.get() is None
    callbacks: list[Callable[[], Awaitable[None]]] = [] if outer else _pending.get()  # type: ignore[assignment]
    token = _pending.set(callbacks) if outer else None
    try:
        async with in_transaction():
            yield
    finally:
        if token is not None:
            _pending.reset(token)
    if outer:
        for callback in callbacks:
            try:
                await callback()
            except Exception:  # noqa: BLE001 - a failed notification must not undo a committed change
                log.exception("after-commit callback failed")


def on_commit(callback: Callable[[], Awaitable[None]]) -> None:
    pending = _pending.get()
    if pending is None:
        raise RuntimeError("on_commit outside of atomic()")
    pending.append(callback)
