"""A minimal graphql-transport-ws client for tests (the protocol the SPA's graphql-ws speaks)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import websockets

PROTOCOL = "graphql-transport-ws"


class GraphQLWebSocket:
    def __init__(self, socket):
        self.socket = socket

    @classmethod
    async def connect(cls, host: str, token: str | None = None, origin: str | None = None) -> "GraphQLWebSocket":
        headers = {"Origin": origin} if origin else None
        socket = await websockets.connect(f"ws://{host}/graphql", subprotocols=[PROTOCOL], additional_headers=headers)
        client = cls(socket)
        payload = {"authorization": f"Bearer {token}"} if token else {}
        await socket.send(json.dumps({"type": "connection_init", "payload": payload}))
        reply = json.loads(await asyncio.wait_for(socket.recv(), 5))
        assert reply["type"] == "connection_ack", reply
        return client

    async def subscribe(self, query: str, variables: dict[str, Any] | None = None, op_id: str = "1") -> None:
        await self.socket.send(json.dumps({"id": op_id, "type": "subscribe", "payload": {"query": query, "variables": variables or {}}}))

    async def next_message(self, timeout: float = 5) -> dict[str, Any]:
        while True:
            message = json.loads(await asyncio.wait_for(self.socket.recv(), timeout))
            if message["type"] in ("ping", "pong"):
                continue
            return message

    async def close(self) -> None:
        await self.socket.close()
