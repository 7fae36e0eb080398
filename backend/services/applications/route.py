"""The review route of an application (seed 001): every allowed transition, who may make it, and
what it must carry — and `move`, the only place where an application's status changes."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from backend.errors import DomainError, DomainErrors
from backend.models.applications import Application, ApplicationFile, ApplicationStatus as S
from backend.runtime import Runtime
from backend.services import history
from backend.services.applications.events import announce_change
from backend.services.request_info import RequestInfo
from backend.services.tx import atomic

_ALL = frozenset(S)


class ActorKind(str, Enum):
    APPLICANT = "applicant"  # a person of the applicant organization
    DEVELOPER = "developer"  # a person of the contract's construction company
    OPERATOR = "operator"  # a KZhK operator in the back office
    BPMS = "bpms"  # the housing company's BPMS through the partner API


@dataclass(frozen=True)
class RouteActor:
    kind: ActorKind
    user_id: uuid.UUID | None = None
    client_id: uuid.UUID | None = None
    label: str = ""


class Step(str, Enum):
    SUBMIT = "submit"  # signed and sent (first time, or after a revision)
    REGISTER = "register"
    START_REVIEW = "start_review"
    REQUEST_REVISION = "request_revision"
    REJECT = "reject"
    APPROVE = "approve"
    ATTACH_SA_DRAFT = "attach_sa_draft"
    SA_PARTIES_SIGNED = "sa_parties_signed"  # made by the route itself when both parties signed
    SIGN_SA_BY_KZHK = "sign_sa_by_kzhk"


STAFF = frozenset({ActorKind.OPERATOR, ActorKind.BPMS})


@dataclass(frozen=True)
class Transition:
    step: Step
    source: frozenset[S]
    target: S
    actors: frozenset[ActorKind]
    required: tuple[str, ...] = ()


TRANSITIONS: dict[Step, Transition] = {
    t.step: t
    for t in (
        Transition(Step.SUBMIT, frozenset({S.DRAFT, S.NEEDS_REVISION}), S.SENT, frozenset({ActorKind.APPLICANT})),
        Transition(Step.REGISTER, frozenset({S.SENT}), S.REGISTERED, STAFF, ("registrationNumber",)),
        Transition(Step.START_REVIEW, frozenset({S.REGISTERED}), S.IN_REVIEW, STAFF, ("executorName", "executorPhone")),
        Transition(Step.REQUEST_REVISION, frozenset({S.IN_REVIEW}), S.NEEDS_REVISION, STAFF, ("comment",)),
        Transition(Step.REJECT, frozenset({S.IN_REVIEW}), S.REJECTED, STAFF, ("comment",)),
        Transition(Step.APPROVE, frozenset({S.IN_REVIEW}), S.APPROVED, STAFF),
        Transition(Step.ATTACH_SA_DRAFT, frozenset({S.APPROVED}), S.SA_PARTIES_SIGNING, STAFF),
        Transition(Step.SA_PARTIES_SIGNED, frozenset({S.SA_PARTIES_SIGNING}), S.SA_KZHK_SIGNING,
                   frozenset({ActorKind.APPLICANT, ActorKind.DEVELOPER})),
        Transition(Step.SIGN_SA_BY_KZHK, frozenset({S.SA_KZHK_SIGNING}), S.SA_SIGNED, STAFF, ("saNumber",)),
    )
}

# What the applicant may still change: only what has not been sent.
EDITABLE = frozenset({S.DRAFT, S.NEEDS_REVISION})


def allowed_steps(status: S, actor: ActorKind) -> list[Step]:
    return [t.step for t in TRANSITIONS.values() if status in t.source and actor in t.actors]


@dataclass
class StepData:
    """What a transition carries; which fields apply depends on the step."""

    comment: str = ""
    registration_number: str = ""
    registered_on: dt.date | None = None
    review_deadline: dt.date | None = None
    executor_name: str = ""
    executor_phone: str = ""
    revision_deadline: dt.date | None = None
    sa_number: str = ""
    sa_date: dt.date | None = None
    files: list[dict[str, Any]] = field(default_factory=list)

    def value(self, name: str) -> Any:
        return {
            "comment": self.comment,
            "registrationNumber": self.registration_number,
            "executorName": self.executor_name,
            "executorPhone": self.executor_phone,
            "saNumber": self.sa_number,
        }[name]


def require(step: Step, data: StepData) -> None:
    missing = [DomainError("REQUIRED", field=name) for name in TRANSITIONS[step].required if not str(data.value(name)).strip()]
    if missing:
        raise DomainErrors(missing)


def check(application: Application, step: Step, actor: ActorKind) -> None:
    """Refusal before expensive work (PDFs, signature checks); `move` checks again inside its transaction."""
    transition = TRANSITIONS[step]
    if actor not in transition.actors:
        raise DomainError("NOT_ALLOWED", step=step.value)
    if application.status not in transition.source:
        raise DomainError("WRONG_STATUS", status=application.status.value, step=step.value)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


async def move(
    rt: Runtime,
    application: Application,
    step: Step,
    actor: RouteActor,
    req: RequestInfo,
    *,
    updates: dict[str, Any] | None = None,
    comment: str = "",
    files: list[ApplicationFile] | None = None,
    record: dict[str, Any] | None = None,
) -> Application:
    """One transition in one transaction: checked against the route, recorded in the history,
    announced after commit. A concurrent second transition of the same application loses."""
    transition = TRANSITIONS[step]
    if actor.kind not in transition.actors:
        raise DomainError("NOT_ALLOWED", step=step.value)
    async with atomic():
        current = await Application.get(id=application.id)
        if current.status not in transition.source:
            raise DomainError("WRONG_STATUS", status=current.status.value, step=step.value)
        changed = await Application.filter(id=current.id, status=current.status).update(
            status=transition.target, status_changed_at=_now(), **(updates or {})
        )
        if not changed:
            raise DomainError("WRONG_STATUS", status=(await Application.get(id=current.id)).status.value, step=step.value)
        await history.record(
            "application", current.id, step.value, actor_id=actor.user_id, ip=req.ip,
            **{"from": current.status.value, "to": transition.target.value},
            actor=actor.kind.value, actorLabel=actor.label, clientId=str(actor.client_id) if actor.client_id else None,
            comment=comment,
            files=[{"id": str(f.id), "kind": f.kind.value, "title": f.title, "signed": f.signed} for f in files or []],
            **(record or {}),
        )
        fresh = await Application.get(id=current.id)
        await announce_change(rt, fresh, transition.target)
    return fresh
