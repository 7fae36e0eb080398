"""Counting the SQL statements the ORM sends (Tortoise logs each one at DEBUG)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator


class _Statements(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.sql: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if not message.startswith(("Created connection", "Closed connection")):
            self.sql.append(message)


@contextlib.contextmanager
def statements() -> Iterator[list[str]]:
    logger = logging.getLogger("tortoise.db_client")
    handler, level = _Statements(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler.sql
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
