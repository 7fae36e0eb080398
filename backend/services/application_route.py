"""The review route of an application (seed 001): every allowed transition, who may make it, and
what it must carry. The only place where an application's status changes."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from backend.models.applications import Application, ApplicationStatus as S

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
FINAL = frozenset({S.REJECTED, S.SA_SIGNED})


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


def status_of(application: Application) -> S:
    return S(application.status)
