"""Decree days are held in memory by backend/calendar.py: no test may leave one behind."""

from __future__ import annotations

import pytest

from backend import calendar


@pytest.fixture(autouse=True)
def no_leaked_overrides():
    calendar.set_overrides({})
    yield
    calendar.set_overrides({})
