"""The register itself: numbers in a list, people leaving it, "why my number changed", the public list.

Every list (a locality and a list kind) has one `QueueListHead` row holding its length; giving a
number or freeing one locks that row, so numbers within a list stay dense (1..length) and
distinct however many decisions run at once. Today's number is `QueueEntry.position`, so reading
it is one indexed lookup whatever the size of the list; the price is paid when someone leaves
(one UPDATE moves everyone behind up by one) and is recorded as one `QueueMovement` row.

Call `register` and `leave` inside the caller's `atomic()` (they open a savepoint of their own, so
a failure leaves the caller's transaction usable)."""

from __future__ import annotations

import base64
import datetime as dt
import uuid
from dataclasses import dataclass

from tortoise.expressions import F

from backend import clock
from backend.errors import DomainError
from backend.models.queue import QueueApplication, QueueEntry, QueueList, QueueListHead, QueueMovement, QueueStatus
from backend.services import history
from backend.services.queue import catalog
from backend.services.queue.access import Scope, get_application, visible_applications
from backend.services.tx import atomic

ENTITY = "queue_application"
PUBLICATION_CONSENT = "publication"
MAX_PAGE = 100
DEFAULT_PAGE = 20

# Why someone leaves a list (stable codes; the officer picks one, the citizen reads its text).
# {from} and {to} are the reader's numbers before and after.
REGISTER_TEXTS: dict[str, dict[str, str]] = {
    "housing_provided": {
        "kk": "Сізден алда тұрған өтініш берушіге тұрғын үй берілді, сондықтан нөміріңіз {from}-ден {to}-ге ауысты.",
        "ru": "Заявителю, стоявшему в очереди перед вами, предоставлено жилище, поэтому ваш номер изменился с {from} на {to}.",
        "en": "An applicant ahead of you was provided with housing, so your number moved from {from} to {to}.",
    },
    "removed_on_request": {
        "kk": "Сізден алда тұрған өтініш беруші өз өтініші бойынша есептен шығарылды, сондықтан нөміріңіз {from}-ден {to}-ге ауысты.",
        "ru": "Заявитель перед вами снят с учёта по собственному заявлению, поэтому ваш номер изменился с {from} на {to}.",
        "en": "An applicant ahead of you was taken off the register at their own request, so your number moved from {from} to {to}.",
    },
    "removed_by_decision": {
        "kk": "Сізден алда тұрған өтініш беруші жергілікті атқарушы органның шешімімен есептен шығарылды, сондықтан нөміріңіз {from}-ден {to}-ге ауысты.",
        "ru": "Заявитель перед вами снят с учёта по решению местного исполнительного органа, поэтому ваш номер изменился с {from} на {to}.",
        "en": "An applicant ahead of you was taken off the register by a decision of the local executive body, so your number moved from {from} to {to}.",
    },
    "deceased": {
        "kk": "Сізден алда тұрған өтініш беруші қайтыс болды, сондықтан нөміріңіз {from}-ден {to}-ге ауысты.",
        "ru": "Заявитель перед вами умер, поэтому ваш номер изменился с {from} на {to}.",
        "en": "An applicant ahead of you has died, so your number moved from {from} to {to}.",
    },
    "moved_away": {
        "kk": "Сізден алда тұрған өтініш беруші басқа елді мекенге тұрақты тұруға көшті, сондықтан нөміріңіз {from}-ден {to}-ге ауысты.",
        "ru": "Заявитель перед вами переехал на постоянное жительство в другой населённый пункт, поэтому ваш номер изменился с {from} на {to}.",
        "en": "An applicant ahead of you moved permanently to another locality, so your number moved from {from} to {to}.",
    },
}
REASONS = frozenset(REGISTER_TEXTS)


def explain(reason: str, locale: str, from_number: int, to_number: int) -> str:
    texts = REGISTER_TEXTS.get(reason)
    if texts is None:  # a code recorded by an older version: say what happened without its cause
        texts = {"kk": "Нөміріңіз {from}-ден {to}-ге ауысты.", "ru": "Ваш номер изменился с {from} на {to}.",
                 "en": "Your number moved from {from} to {to}."}
    text = texts.get(locale) or texts["kk"]
    return text.replace("{from}", str(from_number)).replace("{to}", str(to_number))


# Names ------------------------------------------------------------------------------------


def mask_word(word: str) -> str:
    """"Айгерім" -> "А***м": the first and last letters only, and a fixed number of stars so the
    length of the name is not told either; a name of one or two letters keeps only its first."""
    word = word.strip()
    if not word:
        return ""
    if len(word) <= 2:
        return f"{word[0]}***"
    return f"{word[0]}***{word[-1]}"


def _names(person: dict) -> tuple[str, str]:
    # The registry's record as filing stored it; older or partial records may only have a full
    # name, written surname first as the registries write it ("Бекова Айгерім Нұрланқызы").
    given = str(person.get("name") or "").strip()
    surname = str(person.get("surname") or "").strip()
    if not given:
        parts = str(person.get("fullName") or person.get("full_name") or "").split()
        if len(parts) >= 2:
            surname, given = surname or parts[0], parts[1]
        elif parts:
            given = parts[0]
    return given, surname


def masked_name(person: dict) -> str:
    """"Айгерім Бекова" -> "А***м Б.": never a full given name, surname or patronymic."""
    given, surname = _names(person)
    masked = mask_word(given)
    if surname:
        masked = f"{masked} {surname[0]}." if masked else f"{surname[0]}."
    return masked or "***"


def normalized_number(number: str) -> str:
    # Application numbers are searched exactly but case-insensitively; the entry keeps the
    # upper-cased form so the search is a plain equality on its index.
    return number.strip().upper()


# Registering and leaving ---------------------------------------------------------------------


async def _locked_head(locality: str, list_kind: QueueList) -> QueueListHead:
    """The list's head row, locked until the transaction ends (FOR UPDATE on PostgreSQL; SQLite
    has one writer at a time anyway). The first registration of a list creates it; two doing
    so at once both insert-or-ignore and then lock the one row."""
    query = QueueListHead.filter(locality=locality, list_kind=list_kind).select_for_update()
    head = await query.first()
    if head is None:
        await QueueListHead.bulk_create([QueueListHead(locality=locality, list_kind=list_kind, length=0)],
                                        ignore_conflicts=True)
        head = await query.first()
    assert head is not None
    return head


async def register(app: QueueApplication, at: dt.datetime | None = None, actor_id=None) -> QueueEntry:
    """Puts the application on its list with the next number and records it on the application.

    The new entry always goes to the end: the queue is ordered by registration date and time, and
    a registration happens at the moment of the decision (`at`, now by default) while the list's
    head is locked, so every entry already in the list was registered earlier and every later
    one will wait for this lock and be later still. Without `at` the time is read once the lock
    is held, which is what a decision should do: two decisions racing for one list then cannot
    take their times in one order and their numbers in the other. An explicit `at` earlier than
    the list's last entry would break the order and is refused rather than placed at the end."""
    async with atomic():
        head = await _locked_head(app.locality, app.list_kind)
        at = (at or clock.now()).astimezone(dt.timezone.utc)
        if await QueueEntry.filter(application_id=app.id).exists():
            raise DomainError("WRONG_STATUS", field="applicationId")
        last = await QueueEntry.filter(locality=app.locality, list_kind=app.list_kind, position=head.length).first()
        if last is not None and last.registered_at > at:
            raise DomainError("INVALID", field="registeredAt")
        position = head.length + 1
        await QueueListHead.filter(id=head.id).update(length=position)
        entry = await QueueEntry.create(
            application_id=app.id, locality=app.locality, list_kind=app.list_kind, registered_at=at,
            position=position, published=PUBLICATION_CONSENT in (app.consents or {}),
            masked_name=masked_name(app.person or {}), application_number=normalized_number(app.number),
        )
        app.registered_at, app.queue_number = at, position
        await QueueApplication.filter(id=app.id).update(registered_at=at, queue_number=position)
        await history.record(ENTITY, app.id, "queue_registered", actor_id, locality=app.locality,
                             listKind=QueueList(app.list_kind).value, number=position, registeredAt=at.isoformat())
    return entry


async def leave(entry: QueueEntry, reason: str, actor_id=None) -> QueueEntry:
    """Takes the entry off its list: everyone behind it moves up by one in one UPDATE, and one
    movement row says which number was freed and why (what "why my number changed" reads)."""
    if reason not in REASONS:
        raise DomainError("INVALID", field="reason")
    async with atomic():
        head = await _locked_head(entry.locality, entry.list_kind)
        # The time is read under the lock, as a registration's is: a movement timed before a
        # registration that it nevertheless moved would be missing from that entry's changes.
        now = clock.now()
        # Re-read under the lock: another officer may have removed it a moment ago.
        current = await QueueEntry.get(id=entry.id)
        if current.position is None:
            raise DomainError("WRONG_STATUS", field="applicationId")
        vacated = current.position
        await QueueEntry.filter(id=entry.id).update(position=None, left_at=now, left_reason=reason)
        await QueueEntry.filter(locality=entry.locality, list_kind=entry.list_kind, position__gt=vacated).update(
            position=F("position") - 1
        )
        await QueueListHead.filter(id=head.id).update(length=head.length - 1)
        await QueueMovement.create(locality=entry.locality, list_kind=entry.list_kind, vacated_position=vacated,
                                   reason=reason, entry_id=entry.id, created_at=now)
        await QueueApplication.filter(id=entry.application_id).update(status=QueueStatus.REMOVED, status_changed_at=now)
        await history.record(ENTITY, entry.application_id, "queue_left", actor_id, reason=reason, number=vacated,
                             locality=entry.locality, listKind=QueueList(entry.list_kind).value)
    entry.position, entry.left_at, entry.left_reason = None, now, reason
    return entry


async def remove(scope: Scope, application_id, reason: str) -> QueueApplication:
    """A queue officer takes a registered application off its list (queueEntryRemove)."""
    scope.require_office()
    app = await get_application(scope, application_id)
    entry = await QueueEntry.get_or_none(application_id=app.id)
    if entry is None or entry.position is None:
        raise DomainError("WRONG_STATUS", field="applicationId")
    await leave(entry, reason, scope.user_id)
    return await QueueApplication.get(id=app.id)


# "Why my number changed" -----------------------------------------------------------------------


@dataclass(frozen=True)
class NumberChange:
    at: dt.datetime
    from_number: int
    to_number: int
    reason: str


async def number_changes(entry: QueueEntry, given_number: int | None = None) -> list[NumberChange]:
    """Every change of the entry's number since its registration, newest first.

    Reconstructed from the movements of its list, walking back from today's number: a movement
    that freed number v changed ours exactly when v was ahead of us, i.e. when our number before
    it (b) was greater than v, and then it became b - 1. Walking backwards from today's number n,
    the number before a movement was n + 1 if v <= n (someone ahead left) and n otherwise. The
    entry's own leaving is where the walk of a former entry starts (its number then was v).

    Only movements after the registration count (registrations and movements both take their
    times under the list's lock, so their times are in the order of their effects), and among those only ones that freed a number
    not behind the number given at registration (`given_number`, by default read from the
    application) can have moved it, since a number never grows. A walk that does not end at the
    given number would mean a gap in the log; the changes found are returned all the same."""
    if given_number is None:
        given_number = await QueueApplication.filter(id=entry.application_id).first().values_list("queue_number", flat=True)
    query = QueueMovement.filter(locality=entry.locality, list_kind=entry.list_kind, 
                                  created_at__gte=entry.registered_at.astimezone(dt.timezone.utc))
    if given_number is not None:
        query = query.filter(vacated_position__lte=given_number)
    movements = await query.order_by("-id").values_list("entry_id", "vacated_position", "reason", "created_at")
    changes: list[NumberChange] = []
    number = entry.position
    for entry_id, vacated, reason, at in movements:
        if entry_id == entry.id:
            number = vacated  # its own leaving: before it the entry held the number it freed
            continue
        if number is None:
            continue  # after the entry left, the list's movements are not its own
        if vacated <= number:
            changes.append(NumberChange(at=at, from_number=number + 1, to_number=number, reason=reason))
            number += 1
    return changes


# Reading numbers ------------------------------------------------------------------------------


_MY_NUMBER_SQL: dict[tuple[str, bool], str] = {}


def _my_number_sql(dialect: str, office: bool) -> str | None:
    """One statement, written once per dialect: "my queue number" is asked on every visit to the
    cabinet and is what bench/queue_position.py measures, and building it with the ORM cost more
    CPU than the indexed lookup itself."""
    key = (dialect, office)
    if key not in _MY_NUMBER_SQL:
        if dialect == "postgres":
            mark = ["$1", "$2", "$3"]
        elif dialect == "sqlite":
            mark = ["?", "?", "?"]
        else:
            return None
        e, a = QueueEntry._meta.db_table, QueueApplication._meta.db_table
        if office:
            sql = f'SELECT e."position" FROM "{e}" e WHERE e."application_id" = {mark[0]}'
        else:
            # The viewer's own: filed by them, or filed for them (their IIN) by a representative.
            sql = (f'SELECT e."position" FROM "{e}" e JOIN "{a}" a ON a."id" = e."application_id" '
                   f'WHERE e."application_id" = {mark[0]} AND (a."filed_by_id" = {mark[1]} OR a."person_iin" = {mark[2]})')
        _MY_NUMBER_SQL[key] = sql
    return _MY_NUMBER_SQL[key]


async def my_number(scope: Scope, application_id) -> int | None:
    """Today's number of an application the viewer may see; None when it is not on the register,
    has left it, or is not theirs (which looks the same as not existing)."""
    if scope.user_id is None and not scope.office:
        return None
    try:
        key = uuid.UUID(str(application_id))
    except ValueError:
        return None
    db = QueueEntry._meta.db
    sql = _my_number_sql(db.capabilities.dialect, scope.office)
    if sql is None:  # another database: the same question through the ORM, in two statements
        if not await visible_applications(scope).filter(id=key).exists():
            return None
        return await QueueEntry.filter(application_id=key).first().values_list("position", flat=True)
    params = [str(key)] if scope.office else [str(key), str(scope.user_id), scope.iin or ""]
    rows = await db.execute_query_dict(sql, params)
    return rows[0]["position"] if rows else None


async def entry_of(application_id) -> QueueEntry | None:
    return await QueueEntry.get_or_none(application_id=application_id)


async def entries_by_application(application_ids: list) -> dict:
    return {e.application_id: e for e in await QueueEntry.filter(application_id__in=application_ids)}


# The public list ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicPage:
    rows: list[QueueEntry]
    cursors: list[str]
    has_next: bool


def encode_cursor(position: int) -> str:
    return base64.urlsafe_b64encode(f"queue:{position}".encode()).decode()


def decode_cursor(cursor: str) -> int:
    try:
        kind, value = base64.urlsafe_b64decode(cursor.encode()).decode().split(":")
        position = int(value)
    except (ValueError, UnicodeDecodeError):
        raise DomainError("INVALID_CURSOR", field="after") from None
    if kind != "queue" or position < 0:
        raise DomainError("INVALID_CURSOR", field="after")
    return position


async def public_page(locality: str, list_kind: QueueList, search: str | None = None, first: int | None = None,
                      after: str | None = None) -> PublicPage:
    """Published entries of one list in number order, `first` after the cursor `after`.

    Keyset on today's number (the index on locality, list kind, published, number), so page
    10,000 costs what page 1 costs. A cursor is a number, not a row: if someone ahead leaves
    while a reader pages, the reader's next page starts one entry later than it would have, and
    nobody is shown twice. Search is by application number, exact and case-insensitive."""
    if locality not in catalog.LOCALITY_BY_CODE:
        raise DomainError("INVALID", field="locality")
    limit = DEFAULT_PAGE if first is None else min(max(first, 0), MAX_PAGE)
    query = QueueEntry.filter(locality=locality, list_kind=list_kind, published=True, position__isnull=False)
    if search is not None and search.strip():
        query = query.filter(application_number=normalized_number(search))
    if after:
        query = query.filter(position__gt=decode_cursor(after))
    rows = await query.order_by("position").limit(limit + 1)
    has_next = len(rows) > limit
    rows = rows[:limit]
    return PublicPage(rows, [encode_cursor(r.position) for r in rows], has_next)
