"""Both pub/sub adapters deliver to every subscriber of a channel and to no one else."""

from __future__ import annotations

import asyncio

import pytest

from backend.adapters.pubsub import InProcessPubSub, RedisPubSub


@pytest.fixture(params=["in-process", "redis"])
async def pubsub(request):
    if request.param == "redis":
        adapter = RedisPubSub(request.getfixturevalue("redis_url"), prefix="test:")
    else:
        adapter = InProcessPubSub()
    yield adapter
    await adapter.close()


async def _collect(pubsub, channel: str, ready: asyncio.Event, out: list, count: int):
    async with pubsub.subscribe(channel) as messages:
        ready.set()
        async for message in messages:
            out.append(message)
            if len(out) == count:
                return


async def test_every_subscriber_of_a_channel_gets_each_message(pubsub):
    got_a, got_b, other = [], [], []
    ready = [asyncio.Event() for _ in range(3)]
    tasks = [
        asyncio.create_task(_collect(pubsub, "user:1", ready[0], got_a, 2)),
        asyncio.create_task(_collect(pubsub, "user:1", ready[1], got_b, 2)),
        asyncio.create_task(_collect(pubsub, "user:2", ready[2], other, 1)),
    ]
    await asyncio.gather(*(r.wait() for r in ready))
    await asyncio.sleep(0.05)
    await pubsub.publish("user:1", {"n": 1})
    await pubsub.publish("user:1", {"n": 2})
    await asyncio.wait_for(asyncio.gather(tasks[0], tasks[1]), 5)
    assert got_a == got_b == [{"n": 1}, {"n": 2}]
    assert other == []
    tasks[2].cancel()


async def test_leaving_a_subscription_releases_it():
    pubsub = InProcessPubSub()
    async with pubsub.subscribe("c"):
        assert "c" in pubsub._subscribers
    assert "c" not in pubsub._subscribers


async def test_a_stuck_subscriber_does_not_block_the_publisher():
    # given one subscriber that never reads and one that does, each with room for one message
    pubsub = InProcessPubSub(queue_size=1)
    async with pubsub.subscribe("c") as stuck, pubsub.subscribe("c") as live:
        # when two messages are published, the stuck queue being full for the second
        await asyncio.wait_for(pubsub.publish("c", {"n": 1}), 1)
        assert await asyncio.wait_for(anext(live), 1) == {"n": 1}
        await asyncio.wait_for(pubsub.publish("c", {"n": 2}), 1)
        # then the reader still gets it, and only the stuck subscriber misses it
        assert await asyncio.wait_for(anext(live), 1) == {"n": 2}
        assert await asyncio.wait_for(anext(stuck), 1) == {"n": 1}
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(anext(stuck), 0.05)
