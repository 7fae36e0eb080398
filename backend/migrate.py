"""Applying aerich migrations to the configured database (what `make run` and the tests do)."""

from __future__ import annotations

from pathlib import Path

from aerich import Command

from backend.db import tortoise_config
from backend.settings import Settings

LOCATION = str(Path(__file__).resolve().parent / "migrations")


async def migrate(settings: Settings | None = None) -> list[str]:
    settings = settings or Settings.from_env()
    if settings.database_url.startswith("sqlite://"):
        settings.var_dir.mkdir(parents=True, exist_ok=True)
    command = Command(tortoise_config(settings.database_url), app="models", location=LOCATION)
    await command.init()
    try:
        return await command.upgrade(run_in_transaction=True)
    finally:
        await command.aclose()
