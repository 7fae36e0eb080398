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
        applied = await command.upgrade(run_in_transaction=True)
        await _backfill()
        return applied
    finally:
        await command.aclose()


async def _backfill() -> None:
    """Values a migration adds but SQL alone cannot compute the same way the code does."""
    from backend.models.contracts import Contract, contract_number_key

    for contract_id, number in await Contract.filter(number_key="").values_list("id", "number"):
        await Contract.filter(id=contract_id).update(number_key=contract_number_key(number))
