"""Per-request loaders of the meters domain (owned by that domain; see backend/loaders/__init__.py)."""

from __future__ import annotations

from functools import cached_property

from strawberry.dataloader import DataLoader

from backend.loaders.base import _grouped
from backend.models.meters import MeterReading


class MeterLoaders:
    @cached_property
    def readings_by_meter(self) -> DataLoader:
        """Every reading of the meters asked for, newest first, in one statement: a meter gets one a
        month (rarely two), so an account's ten meters over years are a few hundred short rows;
        `lastReading` and `readings` both read from here."""
        return _grouped(MeterReading, "meter_id", "-created_at", "-id",
                        fields=("id", "meter_id", "value", "source", "created_at"))
