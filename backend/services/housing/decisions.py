"""The company's staff confirm or reject residents' pending links (back office "Подтверждения").

Only a pending link can be decided, and only by the staff of the account's company (or an admin);
anybody else gets NOT_FOUND, as if the link did not exist. The resident hears of the decision in
the app (ACCOUNT_LINK_DECIDED) and their open list updates (the accountLinkUpdated subscription)."""

from __future__ import annotations

import datetime as dt
import uuid

from tortoise.queryset import QuerySet

from backend.errors import DomainError
from backend.models.housing import AccountLink, AccountLinkStatus, PersonalAccount
from backend.runtime import Runtime
from backend.services import history
from backend.services.housing.access import Scope
from backend.services.notifications import NotificationKind, notify
from backend.services.request_info import RequestInfo
from backend.services.tx import atomic, on_commit

MAX_REASON = 500


def links_channel(user_id: uuid.UUID | str) -> str:
    """Where a resident's decided links are announced: {"linkId": …}."""
    return f"user:{user_id}:account_links"


def company_links(scope: Scope, status: AccountLinkStatus | None = None) -> QuerySet[AccountLink]:
    """Links to the accounts of the viewer's companies (all for an admin); never removed ones.
    Only the staff side of a scope counts: a resident's own links are not a back-office queue."""
    query = AccountLink.all() if scope.everything else AccountLink.filter(account__company_id__in=list(scope.company_ids))
    query = query.exclude(status=AccountLinkStatus.REMOVED)
    return query.filter(status=status) if status is not None else query


async def decide(rt: Runtime, scope: Scope, staff_id: uuid.UUID, link_id: object, approve: bool, reason: str | None,
                 req: RequestInfo) -> AccountLink:
    reason = (reason or "").strip()
    if len(reason) > MAX_REASON:
        raise DomainError("TOO_LONG", field="reason", max=MAX_REASON)
    try:
        key = uuid.UUID(str(link_id))
    except ValueError:
        raise DomainError("NOT_FOUND", field="linkId") from None
    if not scope.is_staff:
        raise DomainError("NOT_FOUND", field="linkId")
    async with atomic():
        link = await company_links(scope).filter(id=key).select_for_update().first()
        if link is None:
            raise DomainError("NOT_FOUND", field="linkId")
        if link.status is not AccountLinkStatus.PENDING:
            raise DomainError("LINK_NOT_PENDING", field="linkId", status=link.status.value)
        account = await PersonalAccount.get(id=link.account_id)
        link.status = AccountLinkStatus.CONFIRMED if approve else AccountLinkStatus.REJECTED
        link.decided_by_id = staff_id
        link.decided_at = dt.datetime.now(dt.timezone.utc)
        link.reject_reason = "" if approve else reason
        await link.save(update_fields=["status", "decided_by_id", "decided_at", "reject_reason", "updated_at"])
        await history.record("account_link", link.id, link.status.value, actor_id=staff_id, ip=req.ip,
                             accountId=str(account.id), number=account.number, reason=link.reject_reason)
        await notify(rt, link.user_id, NotificationKind.ACCOUNT_LINK_DECIDED, accountId=str(account.id),
                     number=account.number, status=link.status.value)
        user_id, message = link.user_id, {"linkId": str(link.id)}

        async def announce() -> None:
            await rt.pubsub.publish(links_channel(user_id), message)

        on_commit(announce)
    return link
