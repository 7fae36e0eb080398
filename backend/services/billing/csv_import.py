"""A month's charges as CSV, read as it arrives: bytes → incremental UTF-8 decoding → csv rows →
chunks of CHUNK_LINES handed to the import session, so memory stays the same for a file of a
thousand lines or of millions.

The header row names the columns: the ChargeLineInput fields in snake_case (account_number,
section, service, charged, …; any order, optional ones may be left out). A comma is the
separator; a UTF-8 byte-order mark is allowed. An unknown column refuses the whole file before
anything is written (UNKNOWN_COLUMN), as does a missing required one (REQUIRED)."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import uuid
from collections import deque
from collections.abc import AsyncIterator, Iterator

from backend.errors import DomainError
from backend.models.housing import ManagementCompany
from backend.runtime import Runtime
from backend.services.billing.charge_lines import FIELDS, REQUIRED
from backend.services.billing.charges_import import ChargeImportSession

CHUNK_LINES = 5000
MAX_LINE_CHARS = 10_000  # one CSV record; anything longer is not a charge line


class _Lines:
    """Text lines from decoded pieces, for csv.reader (which wants an iterator of lines). A quoted
    value may not hold a line break (no charge field needs one)."""

    def __init__(self) -> None:
        self.buffer = ""
        self.ready: deque[str] = deque()

    def push(self, text: str) -> None:
        self.buffer += text
        *complete, self.buffer = self.buffer.split("\n")
        self.ready.extend(line + "\n" for line in complete)
        if len(self.buffer) > MAX_LINE_CHARS:
            raise DomainError("LINE_TOO_LONG", field="body", message=f"A CSV record is longer than {MAX_LINE_CHARS} characters.", max=MAX_LINE_CHARS)

    def __iter__(self) -> Iterator[str]:
        while self.ready:
            yield self.ready.popleft()


def _header(row: list[str]) -> list[str]:
    names = [name.strip().lstrip("\ufeff").lower() for name in row]
    unknown = [n for n in names if n not in FIELDS]
    if unknown:
        raise DomainError("UNKNOWN_COLUMN", field="header", message=f"Unknown column(s): {', '.join(unknown[:10])}; known: {', '.join(FIELDS)}.", columns=unknown[:10], known=list(FIELDS))
    missing = [n for n in REQUIRED if n not in names]
    if missing:
        raise DomainError("REQUIRED", field="header", message=f"Missing column(s): {', '.join(missing)}.", columns=missing)
    if len(set(names)) != len(names):
        raise DomainError("DUPLICATE_COLUMN", field="header", message="A column is named twice in the header.")
    return names


async def import_csv(rt: Runtime, company: ManagementCompany, period: dt.date, body: AsyncIterator[bytes],
                     client_id: uuid.UUID | None = None, user_id: uuid.UUID | None = None, ip: str = "") -> ChargeImportSession:
    decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
    pieces = _Lines()
    header: list[str] | None = None
    session: ChargeImportSession | None = None
    chunk: list[tuple[int, dict]] = []
    line_no = 0

    def rows() -> Iterator[list[str]]:
        try:
            yield from csv.reader(iter(pieces))
        except csv.Error:
            raise DomainError("INVALID_CSV", field="body", message="The body is not valid CSV (an unclosed quote?).", line=line_no + 1) from None

    try:
        async for data in _decoded(body, decoder):
            pieces.push(data)
            for row in rows():
                if not any(cell.strip() for cell in row):
                    continue
                if header is None:
                    header = _header(row)
                    session = ChargeImportSession(rt, company, period, "csv", client_id, user_id, ip)
                    await session.start()
                    continue
                line_no += 1
                chunk.append((line_no, dict(zip(header, row))))
                if len(chunk) >= CHUNK_LINES:
                    await session.feed(chunk)  # type: ignore[union-attr]
                    chunk = []
        pieces.push("\n")
        for row in rows():
            if header is not None and any(cell.strip() for cell in row):
                line_no += 1
                chunk.append((line_no, dict(zip(header, row))))
            elif header is None and any(cell.strip() for cell in row):
                header = _header(row)
                session = ChargeImportSession(rt, company, period, "csv", client_id, user_id, ip)
                await session.start()
        if session is None:
            raise DomainError("EMPTY_FILE", field="body", message="The body has no header row.")
        await session.feed(chunk, last=True)
    except Exception as exc:
        if session is not None and session.row is not None:
            await session.finish(failed=getattr(exc, "code", type(exc).__name__))
        raise
    await session.finish()
    return session


async def _decoded(body: AsyncIterator[bytes], decoder) -> AsyncIterator[str]:
    try:
        async for data in body:
            if data:
                yield decoder.decode(data)
        yield decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise DomainError("INVALID_ENCODING", field="body", message="The body is not UTF-8 text.") from None
