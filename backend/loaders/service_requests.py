"""Per-request loaders of the service requests domain (owned by that domain; see backend/loaders/__init__.py)."""

from __future__ import annotations

from functools import cached_property  # noqa: F401 - the loaders below are cached_property each

from backend.loaders.base import _by_id, _grouped  # noqa: F401


class ServiceRequestLoaders:
    pass
