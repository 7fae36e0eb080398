"""A month's charges from a company's billing → the accounts' receipts.

Rules a partner developer can rely on:
- Only accounts of the key's own company: a number the company does not have is NOT_FOUND on
  that line (another company's account looks exactly like no account).
- An account's receipt must be complete, so an account with any invalid line gets no receipt
  from this import (its earlier receipt of the month, if any, stays as it was); the other
  accounts' receipts are written. `linesOk` counts the lines that went into receipts (or were
  already there unchanged), `linesFailed` the rest — the valid lines of a rejected account too.
- The lines of one account come together (consecutive), as billing exports sort them. In a CSV
  whose account shows up again after other accounts, the late lines are refused with
  ACCOUNT_NOT_CONSECUTIVE (what came first was written as a complete receipt).
- Idempotent per (account, period): the month's receipt and its lines are replaced in one
  transaction, keeping the receipt's id (links stay valid) and, when the input gives none, its
  number; an identical re-import (content_hash) changes nothing and announces nothing.
- `receiptNumber` and `paidInPeriod` belong to the receipt: given on several lines, they must agree.
- The first 1000 errors are kept on the ChargeImport; work is written account by account in
  transactions of one chunk, so a failure half-way keeps every receipt written before it (the
  import is then FAILED and says how far it got).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import uuid
from collections.abc import Iterable
from decimal import Decimal

from backend import clock
from backend.errors import DomainError
from backend.models.billing import ChargeImport, ChargeImportStatus, Receipt, ReceiptLine
from backend.models.history import HistoryEvent
from backend.models.housing import ManagementCompany, PersonalAccount
from backend.runtime import Runtime
from backend.services import history
from backend.services.billing import balance, copy
from backend.services.billing.charge_lines import ChargeLine, LineError, content_hash, parse_line
from backend.services.billing.receipts import compute_totals
from backend.services.tx import atomic

MAX_ERRORS = 1000
MAX_GRAPHQL_LINES = 5000
RECEIPT_COLUMNS = ("id", "created_at", "updated_at", "period", "number", "opening_debt", "charged", "recalculation",
                   "benefits", "paid_in_period", "total_to_pay", "issued_at", "content_hash", "account_id",
                   "charge_import_id", "company_id")
RECEIPT_UPDATE = ("updated_at", "number", "opening_debt", "charged", "recalculation", "benefits", "paid_in_period",
                  "total_to_pay", "issued_at", "content_hash", "charge_import_id")
LINE_COLUMNS = ("id", "receipt_id", "position", "section", "service", "unit", "volume", "tariff", "charged",
                "recalculation", "benefits", "debt_advance", "total")
HISTORY_COLUMNS = ("id", "entity", "entity_id", "action", "data", "ip", "created_at", "actor_id")


def parse_period(value: dt.date | str, field: str = "period") -> dt.date:
    """The first day of the month; YYYY-MM or a date. Not later than next month (Asia/Almaty)."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value + "-01" if len(value) == 7 else value)
        except ValueError:
            raise DomainError("INVALID_PERIOD", field=field, message="The period must be a month, YYYY-MM.") from None
    period = value.replace(day=1)
    today = clock.now().date()
    limit = (today.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    if period > limit or period.year < 2000:
        raise DomainError("INVALID_PERIOD", field=field, message=f"The period must be a month (YYYY-MM) not later than {limit.isoformat()[:7]}.", latest=limit.isoformat()[:7])
    return period


class ChargeImportSession:
    """Feed it lines chunk by chunk (`feed`), then `finish`; memory holds one chunk and the
    account being read."""

    def __init__(self, rt: Runtime, company: ManagementCompany, period: dt.date, source: str,
                 client_id: uuid.UUID | None = None, user_id: uuid.UUID | None = None, ip: str = "",
                 issued_at: dt.datetime | None = None):
        self.rt, self.company, self.period, self.source = rt, company, period, source
        self.issued_at = issued_at  # when the billing issued the receipts; default: as they are written
        self.client_id, self.user_id, self.ip = client_id, user_id, ip
        self.row: ChargeImport | None = None
        self.errors: list[dict] = []
        self.lines_total = self.lines_ok = self.lines_failed = self.receipts = self.unchanged = 0
        self._seen: set[str] = set()  # accounts already written (or rejected) by this import
        self._pending: list[tuple[int, dict]] = []  # the last account of the previous chunk
        # The previous chunk's write, still running: the next chunk is read and checked meanwhile
        # (PostgreSQL works in its own process), one write at a time and in order.
        self._writing: asyncio.Future | None = None

    async def start(self) -> ChargeImport:
        async with atomic():
            self.row = await ChargeImport.create(company=self.company, client_id=self.client_id, user_id=self.user_id,
                                                 period=self.period, source=self.source)
            await history.record("charge_import", self.row.id, "started", self.user_id, self.ip, period=str(self.period),
                                 source=self.source, client=str(self.client_id) if self.client_id else None)
        return self.row

    def _error(self, error: LineError) -> None:
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(error.as_dict())

    async def feed(self, lines: Iterable[tuple[int, dict]], last: bool = False) -> None:
        """One chunk of (line number, raw fields). Complete accounts are written; the chunk's last
        account waits for the next chunk (its lines may go on there) unless `last`."""
        groups: list[tuple[str, list[tuple[int, dict]]]] = []
        for item in [*self._pending, *lines]:
            number = str(item[1].get("account_number") or "").strip()
            if groups and groups[-1][0] == number:
                groups[-1][1].append(item)
            else:
                groups.append((number, [item]))
        self._pending = []
        if groups and not last:
            self._pending = groups.pop()[1]
        if groups:
            await self._write(groups)
        if last:
            await self._flush()

    async def _write(self, groups: list[tuple[str, list[tuple[int, dict]]]]) -> None:
        accounts = dict(await PersonalAccount.filter(
            company_id=self.company.id, number__in=list({n for n, _ in groups})
        ).values_list("number", "id"))
        ready: list[tuple[uuid.UUID, str, list[ChargeLine]]] = []
        for number, items in groups:
            self.lines_total += len(items)
            parsed, errors = self._check(number, items, accounts)
            self._seen.add(number)
            if errors:
                for error in errors:
                    self._error(error)
                self.lines_failed += len(items)
            else:
                ready.append((uuid.UUID(str(accounts[number])), number, parsed))
        await self._flush()
        if ready:
            self._writing = asyncio.ensure_future(self._store(ready))

    async def _flush(self) -> None:
        writing, self._writing = self._writing, None
        if writing is not None:
            await writing

    def _check(self, number: str, items, accounts) -> tuple[list[ChargeLine], list[LineError]]:
        errors: list[LineError] = []
        parsed: list[ChargeLine] = []
        for line_no, raw in items:
            line, line_errors = parse_line(line_no, raw)
            errors += line_errors
            if line is not None:
                parsed.append(line)
        first = items[0][0]
        if number in self._seen and number:
            return [], [LineError(first, number, "accountNumber", "ACCOUNT_NOT_CONSECUTIVE",
                                  "This account's lines came earlier in the file; send each account's lines together.")]
        if number and number not in accounts:
            errors.insert(0, LineError(first, number, "accountNumber", "NOT_FOUND",
                                       "The company has no personal account with this number."))
        for name in ("receipt_number", "paid_in_period"):
            values = {getattr(p, name) for p in parsed if getattr(p, name) not in (None, "")}
            if len(values) > 1:
                errors.append(LineError(first, number, "receiptNumber" if name == "receipt_number" else "paidInPeriod",
                                        "VALUE_CONFLICT", "The account's lines give different values of one receipt."))
        return parsed, errors

    async def _store(self, ready: list[tuple[uuid.UUID, str, list[ChargeLine]]]) -> None:
        now = clock.now()
        issued = self.issued_at or now
        async with atomic():
            await copy.lock_company_imports(Receipt, self.company.id)
            existing = {
                uuid.UUID(str(r["account_id"])): r
                for r in await Receipt.filter(account_id__in=[a for a, _, _ in ready], period=self.period).values(
                    "id", "account_id", "number", "content_hash", "total_to_pay")
            }
            new, replaced, lines, events, records = [], [], [], {}, []
            ids = iter(copy.new_ids(sum(len(p) for _, _, p in ready) + 2 * len(ready)))
            for account_id, number, parsed in ready:
                given = next((p.receipt_number for p in parsed if p.receipt_number), "")
                paid = next((p.paid_in_period for p in parsed if p.paid_in_period is not None), Decimal("0.00"))
                digest = content_hash(given, paid, parsed)
                old = existing.get(account_id)
                self.lines_ok += len(parsed)
                if old is not None and old["content_hash"] == digest:
                    self.unchanged += 1
                    continue
                totals = compute_totals(parsed)
                money = (totals.opening_debt, totals.charged, totals.recalculation, totals.benefits, paid, totals.total_to_pay)
                receipt_id = uuid.UUID(str(old["id"])) if old is not None else next(ids)
                if old is not None:
                    replaced.append((now, given or old["number"], *money, issued, digest, self.row.id, receipt_id))
                    records.append((next(ids), "receipt", str(receipt_id), "replaced", json.dumps(
                        {"import": str(self.row.id), "period": str(self.period), "oldTotal": str(old["total_to_pay"]),
                         "total": str(totals.total_to_pay)}), self.ip, now, self.user_id))
                else:
                    new.append([receipt_id, now, now, self.period, given, *money, issued, digest, account_id, self.row.id,
                                self.company.id])
                    records.append((next(ids), "receipt", str(receipt_id), "imported", json.dumps(
                        {"import": str(self.row.id), "period": str(self.period), "total": str(totals.total_to_pay)}),
                        self.ip, now, self.user_id))
                for position, p in enumerate(parsed, 1):
                    lines.append((next(ids), receipt_id, position, p.section.value, p.service, p.unit, p.volume, p.tariff,
                                  p.charged, p.recalculation, p.benefits, p.debt_advance, p.total))
                events[account_id] = {"receiptId": receipt_id}
            unnumbered = [r for r in new if not r[4]]
            first = await copy.reserve_numbers(f"receipt:{self.company.id}", len(unnumbered))
            for offset, r in enumerate(unnumbered):
                r[4] = str(first + offset)
            if replaced:
                await ReceiptLine.filter(receipt_id__in=[r[-1] for r in replaced]).delete()
                await copy.update_rows(Receipt, RECEIPT_UPDATE, replaced)
            await copy.insert_rows(Receipt, RECEIPT_COLUMNS, [tuple(r) for r in new])
            await copy.insert_rows(ReceiptLine, LINE_COLUMNS, lines)
            await copy.insert_rows(HistoryEvent, HISTORY_COLUMNS, records)
            await balance.recompute_many(self.rt, events)
            self.receipts += len(events)

    async def finish(self, failed: str | None = None) -> ChargeImport:
        if self._pending and failed is None:
            await self.feed([], last=True)
        try:
            await self._flush()
        except Exception as exc:  # the write that was running failed: the import did
            if failed is None:
                failed = type(exc).__name__
                await self._finish_row(failed)
                raise
        return await self._finish_row(failed)

    async def _finish_row(self, failed: str | None) -> ChargeImport:
        row = self.row
        assert row is not None
        async with atomic():
            row.status = ChargeImportStatus.FAILED if failed else ChargeImportStatus.DONE
            row.lines_total, row.lines_ok, row.lines_failed = self.lines_total, self.lines_ok, self.lines_failed
            row.receipts, row.errors, row.finished_at = self.receipts, self.errors, clock.now()
            await row.save()
            await history.record("charge_import", row.id, "failed" if failed else "finished", self.user_id, self.ip,
                                 linesTotal=self.lines_total, linesOk=self.lines_ok, linesFailed=self.lines_failed,
                                 receipts=self.receipts, unchanged=self.unchanged, **({"reason": failed} if failed else {}))
        return row


async def import_lines(rt: Runtime, company: ManagementCompany, period: dt.date, lines: list[dict], source: str = "graphql",
                       client_id: uuid.UUID | None = None, user_id: uuid.UUID | None = None, ip: str = "",
                       issued_at: dt.datetime | None = None) -> ChargeImportSession:
    """A whole delivery at once (GraphQL, ≤ MAX_GRAPHQL_LINES lines; the demo)."""
    if len(lines) > MAX_GRAPHQL_LINES:
        raise DomainError("TOO_MANY_LINES", field="lines", message=f"At most {MAX_GRAPHQL_LINES} lines; send larger deliveries as CSV.", max=MAX_GRAPHQL_LINES)
    session = ChargeImportSession(rt, company, period, source, client_id, user_id, ip, issued_at)
    await session.start()
    try:
        # Grouped by account first: GraphQL callers need not sort (a list is not a stream).
        order: dict[str, list[tuple[int, dict]]] = {}
        for n, raw in enumerate(lines, 1):
            order.setdefault(str(raw.get("account_number") or "").strip(), []).append((n, raw))
        await session.feed([item for items in order.values() for item in items], last=True)
    except Exception as exc:
        await session.finish(failed=type(exc).__name__)
        raise
    await session.finish()
    return session
