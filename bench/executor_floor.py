"""The least a GraphQL answer can cost here: the same document executed by strawberry and
graphql-core over plain in-memory objects, with synchronous fields and no I/O, no loaders, no
permission checks. bench/contracts_list.py prints it beside the real API so that its ratio can be
read against what the executor alone spends on that many fields.

    .venv/bin/python bench/executor_floor.py      # a few seconds
"""

from __future__ import annotations

import asyncio
import datetime as dt
import statistics
import time
import uuid

import orjson
import strawberry


@strawberry.type
class Document:
    id: strawberry.ID
    kind: str
    title: str
    size: float
    sha256: str
    content_type: str
    created_at: dt.datetime


@strawberry.type
class ResidentialComplex:
    name: str
    address: str
    commissioning_date: dt.date | None


@strawberry.type
class Premises:
    kind: str
    number: str


@strawberry.type
class Organization:
    name: str
    bin: str
    phone: str


@strawberry.type
class Contract:
    id: strawberry.ID
    number: str
    signed_on: dt.date
    holder_name: str
    version: int
    complex: ResidentialComplex | None
    premises: Premises | None
    developer: Organization | None
    documents: list[Document]


def _contracts(count: int, documents: int) -> list[Contract]:
    now = dt.datetime.now(dt.timezone.utc)
    complex_ = ResidentialComplex(name="ЖК «Нұрсая»", address="Астана, Тұран даңғылы, 5", commissioning_date=dt.date(2027, 3, 1))
    developer = Organization(name="ТОО «Байтерек Девелопмент»", bin="040640406657", phone="+77172123456")
    return [
        Contract(
            id=str(uuid.uuid4()), number=f"Н-3-{i}/44-АФ", signed_on=dt.date(2024, 2, 9), holder_name="Садықова Әйгерім",
            version=1, complex=complex_, premises=Premises(kind="FLAT", number=str(i)), developer=developer,
            documents=[
                Document(id=str(uuid.uuid4()), kind="DDU", title=f"Шарт {i}-{d}", size=123456.0, sha256="0" * 64,
                         content_type="application/pdf", created_at=now)
                for d in range(documents)
            ],
        )
        for i in range(count)
    ]


def floor_ms(query: str, count: int, documents: int, repeat: int = 5) -> float:
    """Median milliseconds to execute `query` (whose root field is `myContracts`) and encode it."""
    rows = _contracts(count, documents)

    @strawberry.type
    class Query:
        @strawberry.field
        def my_contracts(self) -> list[Contract]:
            return rows

    schema = strawberry.Schema(query=Query)

    async def run() -> list[float]:
        times = []
        for _ in range(repeat + 1):
            started = time.perf_counter()
            result = await schema.execute(query)
            assert not result.errors, result.errors
            orjson.dumps({"data": result.data})
            times.append((time.perf_counter() - started) * 1000)
        return times[1:]  # the first parses and validates

    return statistics.median(asyncio.run(run()))


if __name__ == "__main__":
    from servers.contracts_list import CONTRACTS, DOCUMENTS, QUERY

    print(f"executor floor: {floor_ms(QUERY, CONTRACTS, DOCUMENTS):.1f} ms for {CONTRACTS} contracts × {DOCUMENTS} documents")
