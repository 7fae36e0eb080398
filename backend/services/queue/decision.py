"""The automatic decision on an application (order No. 130 §13, Appendix 1: "fully automated", within
1 working day): the `queue.decide` job that filing plans — at once inside provider hours, at 09:00
of the next working day otherwise — and that the scheduler runs again after a restart.

The job acts only on an application still FILED (it is idempotent: a second run, or one racing an
officer, changes nothing). It asks the registries afresh, since the decision must rest on the data
of the day it is taken; a registry that does not answer raises, and the scheduler retries later
rather than deciding on missing data. Eligible: on the register with a queue number. Not: a
preliminary refusal with a hearing (§17), never a refusal straight away."""

from __future__ import annotations

import logging

from backend.models.queue import QueueApplication, QueueFile, QueueFileKind, QueueList, QueueStatus
from backend.runtime import Runtime
from backend.services import scheduler
from backend.services.queue import deadlines, eligibility, hearing, outcomes
from backend.services.tx import atomic

log = logging.getLogger(__name__)

JOB = "queue.decide"


async def claim_of(app: QueueApplication) -> eligibility.Claim:
    """What the application claims, as the eligibility rules read it."""
    has_conclusion = await QueueFile.filter(application_id=app.id, kind=QueueFileKind.TECHNICAL_CONCLUSION).exists()
    return eligibility.Claim(
        locality=app.locality, emergency=app.emergency, categories=tuple(app.categories or ()),
        consents=frozenset((app.consents or {}).keys()), has_technical_conclusion=has_conclusion,
        representation=app.representation,
    )


def stored_checks(assessment: eligibility.Assessment) -> list[dict]:
    return [{"code": c.code, "passed": c.passed, "applies": c.applies, "reason": c.reason, "detail": c.detail or {}}
            for c in assessment.checks]


async def assess(rt: Runtime, app: QueueApplication) -> eligibility.Assessment:
    facts = await rt.registry.facts(app.person_iin)
    claim = await claim_of(app)
    if facts is None:
        # Filed with registry data that the registry no longer knows: the data cannot be true.
        gone = eligibility.CheckResult("DATA_TRUE", False, True, "FALSE_DATA", {"document": "—", "status": "not_found"})
        return eligibility.Assessment(checks=[gone], eligible=False, reasons=["FALSE_DATA"], path="auto",
                                      list_kind=app.list_kind)
    return eligibility.assess(facts, claim, deadlines.today())


async def decide(rt: Runtime, application_id: object) -> QueueApplication | None:
    """Decides a FILED application; anything else is left as it is."""
    app = await QueueApplication.get_or_none(id=application_id)
    if app is None or QueueStatus(app.status) is not QueueStatus.FILED:
        return app
    assessment = await assess(rt, app)  # outside the transaction: a registry call may be slow
    checks = stored_checks(assessment)
    async with atomic():
        app.checks = checks
        await QueueApplication.filter(id=app.id, status=QueueStatus.FILED).update(checks=checks)
        if assessment.eligible:
            if app.list_kind != assessment.list_kind:
                app.list_kind = assessment.list_kind
                await QueueApplication.filter(id=app.id).update(list_kind=assessment.list_kind)
            await outcomes.register_application(rt, app, QueueStatus.FILED, None, "decided", result="registered",
                                                listKind=QueueList(app.list_kind).value)
        else:
            await hearing.open_preliminary(rt, app, list(assessment.reasons), expected=QueueStatus.FILED,
                                           actor_id=None, action="decided", result="preliminary_refusal")
    return app


@scheduler.handler(JOB)
async def decide_job(rt: Runtime, ref: str) -> None:
    await decide(rt, ref)
