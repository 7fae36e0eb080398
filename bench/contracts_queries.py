"""SQL statements of "my contracts with documents" at 1, 10 and 100 contracts.

The count must not grow with the number of contracts (every relation is batched by a
per-request DataLoader); the script prints each count and the ratio to the 1-contract run,
and exits non-zero when a ratio is not 1.0. It also prints the time per request as a ratio,
for information (loopback, in process, bounded).

    .venv/bin/python bench/contracts_queries.py
"""

from __future__ import annotations

import asyncio
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SHANYRAQ_TEST_FAST_HASH", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402
from tortoise import Tortoise  # noqa: E402

from backend.app import create_app  # noqa: E402
from backend.db import init_db  # noqa: E402
from backend.migrate import migrate  # noqa: E402
from backend.models.contracts import Document, DocumentKind  # noqa: E402
from backend.runtime import build_runtime  # noqa: E402
from backend.settings import Settings  # noqa: E402
from tests.helpers import create_user, make_contract, person_iin  # noqa: E402
from tests.sqlcount import statements  # noqa: E402

QUERY = """
query { myContracts { id number signedOn complex { name address commissioningDate } premises { kind number }
  developer { name phone email } authorizedCompany { name phone email } guarantee { kind number date }
  documents { id title kind size sha256 viewUrl downloadUrl } history { at action source changes { field old new } } } }
"""
SIZES = (1, 10, 100)
ROUNDS = 5


async def _holder(rt, serial: int, contracts: int):
    from backend.services.request_info import RequestInfo
    from backend.services.sessions import open_session
    from backend.services.tx import atomic

    user = await create_user("citizen", iin_bin=person_iin(5000 + serial * 200))
    for i in range(contracts):
        contract = await make_contract(rt, user.iin_bin, f"B-{serial}-{i}")
        for kind in (DocumentKind.DDU, DocumentKind.REGISTRATION_EXTRACT):
            await Document.create(contract=contract, kind=kind, title=f"doc {i}", storage_key=f"bench/{serial}/{i}/{kind.value}",
                                  size=1024, sha256="0" * 64, content_type="application/pdf")
    async with atomic():
        session = await open_session(rt, user, "password", RequestInfo(), announce=False)
    return session.access_token


async def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(var_dir=Path(tmp), database_url=f"sqlite://{tmp}/bench.sqlite3", secret_key="bench" * 10,
                            spa_dist=Path(tmp) / "no-spa")
        await migrate(settings)
        await init_db(settings)
        rt = build_runtime(settings)
        app = create_app(settings, runtime=rt, manage_db=False)
        tokens = {n: await _holder(rt, i, n) for i, n in enumerate(SIZES)}
        counts, times = {}, {}
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://bench") as http:
            async def run(n: int) -> float:
                started = time.perf_counter()
                response = await http.post("/graphql", json={"query": QUERY}, headers={"authorization": f"Bearer {tokens[n]}"})
                elapsed = time.perf_counter() - started
                body = response.json()
                assert len(body["data"]["myContracts"]) == n, body
                return elapsed

            for n in SIZES:
                await run(n)  # warm-up
                with statements() as sql:
                    await run(n)
                counts[n] = len(sql)
            for n in SIZES:
                times[n] = statistics.median([await run(n) for _ in range(ROUNDS)])
        await rt.close()
        await Tortoise.close_connections()
    logging.getLogger().setLevel(logging.WARNING)
    ok = True
    print("my contracts with documents, history, complex, premises, developer, authorized company")
    for n in SIZES:
        ratio = counts[n] / counts[SIZES[0]]
        ok &= ratio == 1.0
        print(f"  {n:>3} contracts: {counts[n]} SQL statements  (ratio to 1 contract: {ratio:.2f})   "
              f"{times[n] * 1000:7.1f} ms per request  (ratio {times[n] / times[SIZES[0]]:.1f}, rows grow {n}x)")
    print("statement count is constant" if ok else "FAIL: the statement count grows with the number of contracts")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
