"""The officer's review on the emergency-housing path (order No. 130 §13: 3 working days, the
expert's technical conclusion checked by the provider): eligible -> on the register; not -> a
preliminary refusal on the reasons the officer names, and a hearing (§17).

A review after its deadline is still taken (the applicant must get a decision), and its history
says it was late."""

from __future__ import annotations

from dataclasses import dataclass

from backend.errors import DomainError
from backend.models.queue import QueueApplication, QueueStatus
from backend.runtime import Runtime
from backend.services.queue import catalog, deadlines, hearing, outcomes
from backend.services.queue.access import Scope, get_application
from backend.services.request_info import RequestInfo
from backend.services.tx import atomic

MAX_COMMENT = 5_000
MAX_REASONS = 20


@dataclass(frozen=True)
class Review:
    application_id: object
    eligible: bool
    reasons: list[str]
    comment: str


def _reasons(review: Review) -> list[str]:
    codes = list(dict.fromkeys(r.strip() for r in review.reasons or [] if r and r.strip()))
    if review.eligible:
        if codes:
            raise DomainError("INVALID", field="reasons")  # eligible with grounds for refusal says two things
        return []
    if not codes:
        raise DomainError("REQUIRED", field="reasons")
    if len(codes) > MAX_REASONS:
        raise DomainError("TOO_MANY", field="reasons", max=MAX_REASONS)
    unknown = [c for c in codes if not catalog.has_text(c)]
    if unknown:
        raise DomainError("INVALID", field="reasons", unknown=unknown)
    return codes


async def review(rt: Runtime, scope: Scope, data: Review, req: RequestInfo) -> QueueApplication:
    scope.require_office()
    app = await get_application(scope, data.application_id)
    if QueueStatus(app.status) is not QueueStatus.IN_REVIEW:
        raise DomainError("WRONG_STATUS", field="applicationId")
    reasons = _reasons(data)
    comment = (data.comment or "").strip()
    if not data.eligible and not comment:
        raise DomainError("REQUIRED", field="comment")
    if len(comment) > MAX_COMMENT:
        raise DomainError("TOO_LONG", field="comment", max=MAX_COMMENT)
    late = deadlines.working_days_left(app.decision_due, deadlines.today()) < 0
    common = {"eligible": data.eligible, "comment": comment, "late": late, "ip": req.ip}
    async with atomic():
        if data.eligible:
            await outcomes.register_application(rt, app, QueueStatus.IN_REVIEW, scope.user_id, "office_review", **common)
        else:
            await hearing.open_preliminary(rt, app, reasons, expected=QueueStatus.IN_REVIEW, actor_id=scope.user_id,
                                           action="office_review", **common)
    return app
