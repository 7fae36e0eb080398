"""How much does GraphQL cost on a big read: "my contracts with documents" for one holder with
1,000 contracts × 3 documents, through the real app against a raw asyncpg + orjson endpoint
answering the same JSON, both served by one uvicorn process (bench/servers/contracts_list.py) on
PostgreSQL, driven over loopback HTTP in alternating rounds.

    .venv/bin/python bench/contracts_list.py      # about a minute; BENCH_DATABASE_URL to choose the database

The database (default postgres://postgres@127.0.0.1:5432/bench_perf) has its public schema
emptied before and after; without a reachable PostgreSQL the script says so and exits 0.
See bench/README.md for what the numbers mean.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import asyncpg

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from executor_floor import floor_ms  # noqa: E402
from me_query import Side, _Budget, _columns_elided, _connection, _cpu_seconds, _free_port, _request, _stop  # noqa: E402

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_perf")
CONCURRENCY = 2
ROUNDS_PER_SIDE = 6
REQUESTS_PER_ROUND = 40
ROUND_SECONDS = 3.0
TOTAL_SECONDS = 70.0
TARGET = 3.0  # the API at most this many times slower than the raw endpoint
RAW_PATH = "/raw/my-contracts"


async def _empty_schema(url: str) -> None:
    # The driver empties the database itself once the server is gone: uvicorn re-raises the SIGTERM
    # it was stopped with after shutting down, so the server's own clean-up may never run.
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1), timeout=10)
    try:
        await conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    finally:
        await conn.close()


async def _reachable(url: str) -> str | None:
    try:
        conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1), timeout=5)
    except (OSError, asyncpg.PostgresError, asyncio.TimeoutError) as exc:
        return str(exc) or type(exc).__name__
    await conn.close()
    return None


async def _round(port: int, pid: int, side: Side, count: int, record: bool) -> None:
    budget = _Budget(count, ROUND_SECONDS)
    cpu_before, started = _cpu_seconds(pid), time.perf_counter()
    await asyncio.gather(*(_connection(port, side, budget) for _ in range(CONCURRENCY)))
    elapsed = time.perf_counter() - started
    cpu_after = _cpu_seconds(pid)
    if budget.bad:
        raise RuntimeError(f"{side.name}: {len(budget.bad)} bad answers, first: {budget.bad[0][:400]!r}")
    if record:
        side.rates.append(budget.done / elapsed)
        if cpu_before is not None and cpu_after is not None:
            side.cpu_ms.append((cpu_after - cpu_before) / budget.done * 1000)
            side.busy.append((cpu_after - cpu_before) / elapsed)


async def _start_server(var_dir: Path, port: int) -> tuple[asyncio.subprocess.Process, dict]:
    log = (var_dir / "server.log").open("w")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(HERE / "servers" / "contracts_list.py"), "--var-dir", str(var_dir), "--port", str(port),
        "--database-url", DATABASE_URL, stdout=asyncio.subprocess.PIPE, stderr=log, cwd=HERE.parent, limit=1 << 20,
    )
    try:
        line = await asyncio.wait_for(proc.stdout.readline(), 300)
    except (asyncio.TimeoutError, ValueError):  # ValueError: a line longer than the stream's limit
        line = b""
    if not line:
        await _stop(proc)
        raise SystemExit(f"the bench server did not start:\n{(var_dir / 'server.log').read_text()[-3000:]}")
    return proc, json.loads(line)


def _report(info: dict, graphql: Side, raw: Side, seconds: float, floor: float) -> bool:
    # Rounds alternate; each GraphQL round is compared with the raw round right after it.
    pairs = [r / g for g, r in zip(graphql.rates, raw.rates)]
    slower = statistics.median(pairs)
    print(f"my contracts with documents ({info['contracts']} contracts × {info['documents']} documents, "
          f"{info['bytes']['graphql'] / 1e6:.2f} MB of JSON): GraphQL vs raw asyncpg+orjson, one uvicorn process, "
          f"PostgreSQL, {CONCURRENCY} keep-alive connections, {len(pairs)} alternating rounds, {seconds:.0f} s in all")
    for side in (graphql, raw):
        rates = " ".join(f"{x:.1f}" for x in side.rates)
        print(f"  {side.name:8} {statistics.median(side.rates):6.1f} req/s median   rounds: {rates}")
        if side.cpu_ms:
            print(f"  {'':8} {statistics.median(side.cpu_ms):6.1f} ms server CPU per request;"
                  f" server {statistics.mean(side.busy):.0%} busy")
    met = slower <= TARGET
    print(f"GraphQL is {slower:.2f}x slower than raw (goal <= {TARGET:.0f}x: {'met' if met else 'MISSED'};"
          f" per-round pairs: {' '.join(f'{p:.2f}' for p in pairs)})", end="")
    if graphql.cpu_ms and raw.cpu_ms:
        g_ms, r_ms = statistics.median(graphql.cpu_ms), statistics.median(raw.cpu_ms)
        print(f"; by server CPU per request {g_ms:.1f} ms against {r_ms:.1f} ms, {g_ms / r_ms:.2f}x")
    else:
        print()
    # What the goal is up against: the executor's own work on this many fields, with no I/O at all.
    line = f"executor floor: the same document over in-memory objects, synchronous, no I/O: {floor:.0f} ms"
    if graphql.cpu_ms and raw.cpu_ms:
        line += (f", alone {floor / statistics.median(raw.cpu_ms):.1f}x the raw endpoint's whole request;"
                 f" the API spends {statistics.median(graphql.cpu_ms) / floor:.2f}x the floor")
    print(line)
    print(f"SQL statements of the GraphQL request: {len(info['sql'])} (raw: 3)")
    for sql in info["sql"]:
        print(f"    {_columns_elided(sql)[:150]}")
    return met


async def main() -> int:
    problem = await _reachable(DATABASE_URL)
    if problem:
        print(f"contracts_list: skipped, no PostgreSQL at {DATABASE_URL} ({problem}); set BENCH_DATABASE_URL")
        return 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="shanyraq-bench-") as tmp:
        port = _free_port()
        proc, info = await _start_server(Path(tmp), port)
        try:
            body = json.dumps({"query": info["query"]}).encode()
            graphql = Side("graphql", _request("POST", "/graphql", port, info["token"], body))
            raw = Side("raw", _request("GET", RAW_PATH, port, info["token"]))
            for side in (graphql, raw):
                await _round(port, proc.pid, side, 5, record=False)
            for _ in range(ROUNDS_PER_SIDE):
                if time.perf_counter() - started + 2 * ROUND_SECONDS > TOTAL_SECONDS:
                    break
                for side in (graphql, raw):
                    await _round(port, proc.pid, side, REQUESTS_PER_ROUND, record=True)
        finally:
            await _stop(proc)
            await _empty_schema(DATABASE_URL)
    floor = await asyncio.to_thread(floor_ms, info["query"], info["contracts"], info["documents"])
    _report(info, graphql, raw, time.perf_counter() - started, floor)
    return 0  # informative, like me_query.py: the ratio is printed with whether it met its goal


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
