"""Request budgets per partner client: in-process for one server, Redis across several."""

from __future__ import annotations

import math
import time
from typing import Protocol


class RateLimiter(Protocol):
    async def hit(self, key: str, limit: int, window_seconds: int = 60) -> int:
        """Counts one request; returns 0 when allowed, else the seconds to wait."""
        ...

    async def close(self) -> None: ...


class InProcessRateLimiter:
    """A fixed window per key, held in this process."""

    def __init__(self, clock=time.monotonic):
        self._windows: dict[str, tuple[int, int]] = {}
        self._clock = clock

    async def hit(self, key: str, limit: int, window_seconds: int = 60) -> int:
        now = self._clock()
        window = int(now // window_seconds)
        current, count = self._windows.get(key, (window, 0))
        if current != window:
            current, count = window, 0
        if count >= limit:
            return max(1, math.ceil((window + 1) * window_seconds - now))
        self._windows[key] = (current, count + 1)
        if len(self._windows) > 100_000:
            # Old windows of idle clients; dropping them only forgets finished windows.
            self._windows = {k: v for k, v in self._windows.items() if v[0] == window}
        return 0

    async def close(self) -> None:
        self._windows.clear()


class RedisRateLimiter:
    """The same fixed window in Redis, so that every server process shares one budget per client."""

    def __init__(self, url: str, prefix: str = "shanyraq:rate:"):
        import redis.asyncio as redis

        self._redis = redis.from_url(url)
        self._prefix = prefix

    async def hit(self, key: str, limit: int, window_seconds: int = 60) -> int:
        now = time.time()
        window = int(now // window_seconds)
        name = f"{self._prefix}{key}:{window}"
        async with self._redis.pipeline(transaction=True) as pipe:
            count, _ = await pipe.incr(name).expire(name, window_seconds * 2).execute()
        if count > limit:
            return max(1, math.ceil((window + 1) * window_seconds - now))
        return 0

    async def close(self) -> None:
        await self._redis.aclose()
