"""The exceptions for expected failures, at the bottom layer: adapters, auth, pki and services raise them; the API maps them to UserError."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """An expected failure with a stable, language-neutral code (clients localize the message)."""

    def __init__(self, code: str, field: str | None = None, message: str | None = None, **params: Any):
        self.code = code
        self.field = field
        self.params = params
        self.message = message or code.replace("_", " ").capitalize()
        super().__init__(f"{code}{f' ({field})' if field else ''}")


class DomainErrors(Exception):
    """Several field errors found at once, so a form can show them all together."""

    def __init__(self, errors: list[DomainError]):
        self.errors = errors
        super().__init__(", ".join(e.code for e in errors))
