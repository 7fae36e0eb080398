"""The server side of bench/receipts_pdf.py, run by it as a subprocess: the real app on a temporary
SQLite database holding RECEIPTS distinct receipts (so the endpoint's cache never answers), one
resident with a bearer token, and a personal /receipts link of each receipt for that resident.
Prints one JSON line (port, token, links) and serves until killed. RECEIPT_PDF_PROCESSES in the
environment chooses threads (0) or worker processes for rendering, as in production."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import uvicorn  # noqa: E402

from backend.adapters.messaging import DevOutbox  # noqa: E402
from backend.adapters.pubsub import InProcessPubSub  # noqa: E402
from backend.app import create_app  # noqa: E402
from backend.db import init_db  # noqa: E402
from backend.migrate import migrate  # noqa: E402
from backend.models.identity import AccountKind, Role, User, UserRole  # noqa: E402
from backend.runtime import Runtime  # noqa: E402
from backend.services.billing.charges_import import import_lines  # noqa: E402
from backend.services.billing.receipt_link import receipt_link  # noqa: E402
from backend.models.billing import Receipt  # noqa: E402
from backend.services.request_info import RequestInfo  # noqa: E402
from backend.services.sessions import open_session  # noqa: E402
from backend.services.tx import atomic  # noqa: E402
from backend.settings import Settings  # noqa: E402

RECEIPTS = 240


async def _prepare(rt: Runtime) -> tuple[str, list[str]]:
    from tests.cabinet_world import make_building, make_company, make_personal_account

    user = await User.create(kind=AccountKind.PERSON, phone="+77050002000", full_name="Бенчмарк Тұрғын")
    await UserRole.create(user=user, role=Role.RESIDENT)
    async with atomic():
        session = await open_session(rt, user, "password", RequestInfo(ip="127.0.0.1"), announce=False)
    company = await make_company("ТОО «Бенч үй»")
    building = await make_building(company)
    services = [("housing", "Содержание жилья", "м2", "58.2000"), ("housing", "Лифт", "м2", "11.4000"),
                ("housing", "Вывоз ТБО", "чел.", "393.0000"), ("utilities", "Холодная вода", "м3", "112.8200"),
                ("utilities", "Горячая вода", "м3", "334.5600"), ("utilities", "Водоотведение", "м3", "79.4900"),
                ("utilities", "Отопление", "Гкал", "4582.9000"), ("utilities", "Электроэнергия СОИ", "кВт·ч", "29.5000"),
                ("other", "Домофон", "ед.", "450.0000"), ("other", "Капитальный ремонт", "м2", "25.0000")]
    lines = []
    for i in range(RECEIPTS):
        number = f"7{i:04d}"
        await make_personal_account(building, str(i + 1), number, password_hash=None)
        for s, (section, service, unit, tariff) in enumerate(services):
            lines.append({"account_number": number, "section": section, "service": service, "unit": unit,
                          "volume": f"{1 + (i + s) % 9}.25", "tariff": tariff, "charged": f"{1000 + i * 3 + s}.10",
                          "debt_advance": f"{(i % 4) * 250}.00"})
    await import_lines(rt, company, dt.date(2026, 11, 1), lines)
    ids = await Receipt.all().values_list("id", flat=True)
    return session.access_token, [receipt_link(rt.settings, rid, user_id=user.id, locale="ru") for rid in ids]


async def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="shanyraq-bench-pdf-"))
    settings = Settings(env="production", var_dir=tmp, database_url=f"sqlite://{tmp / 'db.sqlite3'}", spa_dist=tmp / "no-spa",
                        secret_key="bench-secret-key-that-is-long-enough-for-hs256-0123456789", scheduler_interval_seconds=0,
                        upload_cleanup_interval_seconds=0)
    await migrate(settings)
    await init_db(settings)
    rt = Runtime(settings=settings, messenger=DevOutbox(), pubsub=InProcessPubSub())
    token, links = await _prepare(rt)
    app = create_app(settings, runtime=rt, manage_db=False)
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    print(json.dumps({"port": port, "token": token, "links": links}), flush=True)
    await task


if __name__ == "__main__":
    asyncio.run(main())
