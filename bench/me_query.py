"""How much does GraphQL cost on the simplest authenticated read?

Prints the throughput of `query { me { ... } }` through the real app against a raw
Starlette + Tortoise endpoint doing the same read, both served by one uvicorn process on one
SQLite database (bench/servers/me_query.py), driven over loopback HTTP in alternating rounds.

    .venv/bin/python bench/me_query.py

See bench/README.md for what the numbers mean.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONCURRENCY = 8
WARMUP_REQUESTS = 300
ROUNDS_PER_SIDE = 10
REQUESTS_PER_ROUND = 600
ROUND_SECONDS = 2.5  # a round stops at whichever comes first, the count or this
TOTAL_SECONDS = 55.0
ME_QUERY = "query { me { id fullName iinBin email phone roles } }"
_LENGTH = re.compile(rb"\r\ncontent-length:\s*(\d+)", re.I)


@dataclass
class Side:
    name: str
    request: bytes
    expected: bytes | None = None
    rates: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)  # server CPU per request
    busy: list[float] = field(default_factory=list)  # server CPU / wall time
    client_busy: list[float] = field(default_factory=list)


def _request(method: str, path: str, port: int, token: str, body: bytes = b"") -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", f"Authorization: Bearer {token}"]
    if body:
        lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


class _Budget:
    def __init__(self, count: int, seconds: float):
        self.left = count
        self.deadline = time.perf_counter() + seconds
        self.done = 0
        self.bad: list[bytes] = []

    def take(self) -> bool:
        if self.left <= 0 or time.perf_counter() >= self.deadline:
            return False
        self.left -= 1
        return True


async def _connection(port: int, side: Side, budget: _Budget) -> None:
    # A minimal keep-alive HTTP/1.1 client: an HTTP library would cost the load generator
    # more CPU per request than the raw endpoint costs the server, and flatten the ratio.
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while budget.take():
            writer.write(side.request)
            head = await reader.readuntil(b"\r\n\r\n")
            length = _LENGTH.search(head)
            if length is None:
                raise RuntimeError(f"{side.name}: no content-length in {head!r}")
            body = await reader.readexactly(int(length.group(1)))
            if side.expected is None and head.startswith(b"HTTP/1.1 200"):
                side.expected = body
            if not head.startswith(b"HTTP/1.1 200") or body != side.expected:
                budget.bad.append(head + body)
            budget.done += 1
    finally:
        writer.close()


def _cpu_seconds(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


async def _round(port: int, pid: int, side: Side, count: int, record: bool) -> None:
    budget = _Budget(count, ROUND_SECONDS)
    cpu_before, client_before, started = _cpu_seconds(pid), time.process_time(), time.perf_counter()
    await asyncio.gather(*(_connection(port, side, budget) for _ in range(CONCURRENCY)))
    elapsed = time.perf_counter() - started
    cpu_after, client_after = _cpu_seconds(pid), time.process_time()
    if budget.bad:
        raise RuntimeError(f"{side.name}: {len(budget.bad)} bad answers, first: {budget.bad[0][:400]!r}")
    if record:
        side.rates.append(budget.done / elapsed)
        side.client_busy.append((client_after - client_before) / elapsed)
        if cpu_before is not None and cpu_after is not None:
            side.cpu_ms.append((cpu_after - cpu_before) / budget.done * 1000)
            side.busy.append((cpu_after - cpu_before) / elapsed)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _start_server(var_dir: Path, port: int) -> tuple[asyncio.subprocess.Process, dict]:
    log = (var_dir / "server.log").open("w")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(HERE / "servers" / "me_query.py"), "--var-dir", str(var_dir), "--port", str(port),
        stdout=asyncio.subprocess.PIPE, stderr=log, cwd=HERE.parent,
    )
    try:
        line = await asyncio.wait_for(proc.stdout.readline(), 60)
    except asyncio.TimeoutError:
        line = b""
    if not line:
        proc.kill()
        await proc.wait()
        raise SystemExit(f"the bench server did not start:\n{(var_dir / 'server.log').read_text()[-3000:]}")
    return proc, json.loads(line)


async def _stop(proc: asyncio.subprocess.Process) -> None:
    if proc.returncode is None:
        proc.terminate()
        try:
            await asyncio.wait_for(proc.wait(), 10)
        except asyncio.TimeoutError:
            proc.kill()
            await proc.wait()


def _columns_elided(sql: str) -> str:
    """`SELECT "a","b",... FROM` becomes `SELECT … FROM`: the tables and conditions are the point."""
    return re.sub(r"^SELECT .{60,}? FROM ", "SELECT … FROM ", " ".join(sql.split()))


def _report(info: dict, graphql: Side, raw: Side, seconds: float) -> None:
    # Rounds alternate, so each GraphQL round is compared with the raw round right after it:
    # both saw the same neighbours on the machine, and the median of those pairs is the ratio.
    pairs = [g / r for g, r in zip(graphql.rates, raw.rates)]
    ratio = statistics.median(pairs)
    print(f"me query: GraphQL vs raw Starlette+Tortoise, one uvicorn process ({info['loop']}, {info['http']}), "
          f"SQLite, {CONCURRENCY} keep-alive connections, {len(pairs)} alternating rounds of "
          f"<= {REQUESTS_PER_ROUND} requests or {ROUND_SECONDS} s, {seconds:.0f} s in all")
    for side in (graphql, raw):
        rates = " ".join(f"{x:.0f}" for x in side.rates)
        print(f"  {side.name:8} {statistics.median(side.rates):6.0f} req/s median   rounds: {rates}")
        if side.cpu_ms:
            print(f"  {'':8} {statistics.median(side.cpu_ms):6.2f} ms server CPU per request;"
                  f" server {statistics.mean(side.busy):.0%} busy, load generator {statistics.mean(side.client_busy):.0%}")
    print(f"ratio graphql/raw: {ratio:.2f}  (median of per-round pairs: {' '.join(f'{p:.2f}' for p in pairs)})")
    print(f"  GraphQL answers `me` at {ratio:.0%} of the raw endpoint's rate.", end="")
    if graphql.cpu_ms and raw.cpu_ms:
        g_ms, r_ms = statistics.median(graphql.cpu_ms), statistics.median(raw.cpu_ms)
        # The raw side verifies the token with PyJWT and reads with two ORM statements on every
        # request, the API does neither (bench/README.md), so the difference can be negative.
        print(f" By server CPU per request: {g_ms:.2f} ms against {r_ms:.2f} ms, a ratio of {r_ms / g_ms:.2f};"
              f" GraphQL costs {abs(g_ms - r_ms):.2f} ms {'more' if g_ms >= r_ms else 'less'} per request than the raw endpoint.")
    else:
        print()
    for name, statements in info["sql"].items():
        print(f"SQL statements per request, {name}: {len(statements)}")
        for sql in statements:
            print(f"    {_columns_elided(sql)[:160]}")


async def main() -> None:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="shanyraq-bench-") as tmp:
        port = _free_port()
        proc, info = await _start_server(Path(tmp), port)
        try:
            body = json.dumps({"query": ME_QUERY}).encode()
            graphql = Side("graphql", _request("POST", "/graphql", port, info["token"], body))
            raw = Side("raw", _request("GET", "/raw/me", port, info["token"]))
            for side in (graphql, raw):
                await _round(port, proc.pid, side, WARMUP_REQUESTS, record=False)
            for _ in range(ROUNDS_PER_SIDE):
                if time.perf_counter() - started + 2 * ROUND_SECONDS > TOTAL_SECONDS:
                    break
                for side in (graphql, raw):
                    await _round(port, proc.pid, side, REQUESTS_PER_ROUND, record=True)
        finally:
            await _stop(proc)
    _report(info, graphql, raw, time.perf_counter() - started)


if __name__ == "__main__":
    asyncio.run(main())
