"""Who sees which application and what they may do with it: the one scope the API filters every
read by, the one deadline ("overdue") rule, and the actions a viewer has now — derived from the
route table, so the SPA never guesses them."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from enum import Enum

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from backend.calendar import ALMATY, next_working_day
from backend.errors import DomainError
from backend.models.applications import Application, ApplicationStatus as S, SignerRole
from backend.models.identity import Role
from backend.models.organizations import Organization
from backend.services.applications.route import EDITABLE, ActorKind, RouteActor, Step, allowed_steps
from backend.services.partners import ApiScope, ClientPrincipal
from backend.services.scoping import first_visible
from backend.services.sessions import Viewer

# From the supplementary agreement on, the contract's construction company is a party and sees it.
SA_STAGE = frozenset({S.SA_PARTIES_SIGNING, S.SA_KZHK_SIGNING, S.SA_SIGNED})
STAFF_ROLES = (Role.KZHK_OPERATOR, Role.ADMIN)


@dataclass(frozen=True)
class Scope:
    """What one viewer may see of applications: its organization's own (and, as the contract's
    construction company, those in the SA stage); everything sent as KZhK staff or the BPMS."""

    organization_id: uuid.UUID | None = None
    organization_bin: str = ""
    staff: ActorKind | None = None  # OPERATOR or BPMS
    user_id: uuid.UUID | None = None
    client_id: uuid.UUID | None = None
    label: str = ""

    def staff_actor(self) -> RouteActor:
        if self.staff is None:
            raise DomainError("NOT_ALLOWED")
        return RouteActor(self.staff, user_id=self.user_id, client_id=self.client_id, label=self.label)


async def _organization_by_bin(bin_: str) -> Organization | None:
    return await Organization.get_or_none(bin=bin_)


async def scope_for(
    viewer: Viewer | None,
    client: ClientPrincipal | None,
    find_organization: Callable[[str], Awaitable[Organization | None]] = _organization_by_bin,
) -> Scope:
    """`find_organization` lets a request share one lookup among all the rows it maps."""
    if client is not None:
        staff = ActorKind.BPMS if client.may(ApiScope.APPLICATIONS_BPMS) else None
        return Scope(staff=staff, client_id=client.client.id, label=client.client.name)
    if viewer is None:
        return Scope()
    user = viewer.user
    if viewer.has(*STAFF_ROLES):
        return Scope(staff=ActorKind.OPERATOR, user_id=user.id, label=user.full_name)
    org = await find_organization(user.iin_bin) if viewer.has(Role.LEGAL_ENTITY) and user.iin_bin else None
    if org is None:
        return Scope(user_id=user.id, label=user.full_name)
    return Scope(organization_id=org.id, organization_bin=org.bin, user_id=user.id, label=user.full_name)


def visible_applications(scope: Scope) -> QuerySet[Application]:
    # A draft is the applicant's own until it is signed and sent: not even KZhK reads it.
    if scope.staff is not None:
        return Application.exclude(status=S.DRAFT)
    if scope.organization_id is None:
        return Application.filter(id__in=[])
    return Application.filter(
        Q(applicant_org_id=scope.organization_id)
        | Q(contract__developer_id=scope.organization_id, status__in=list(SA_STAGE))
    )


async def get_visible(scope: Scope, application_id: object) -> Application:
    """The application, or NOT_FOUND — also when it exists but is not for this viewer."""
    return await first_visible(visible_applications(scope), application_id, "applicationId")


async def get_own(scope: Scope, application_id: object) -> Application:
    """An application the viewer's organization filed, or NOT_FOUND."""
    row = await get_visible(scope, application_id)
    if scope.organization_id is None or row.applicant_org_id != scope.organization_id:
        raise DomainError("NOT_FOUND", field="applicationId")
    return row


# Deadlines ---------------------------------------------------------------------------------


class DeadlineKind(str, Enum):
    REVIEW = "review"  # KZhK's, from registration
    REVISION = "revision"  # the applicant's, after a request for revision


class Due(str, Enum):
    OVERDUE = "overdue"
    SOON = "soon"  # today or the next working day
    OK = "ok"


# The one rule: which deadline runs in which status. Everything about "overdue" derives from it.
RUNNING_DEADLINE: dict[S, tuple[DeadlineKind, str]] = {
    S.REGISTERED: (DeadlineKind.REVIEW, "review_deadline"),
    S.IN_REVIEW: (DeadlineKind.REVIEW, "review_deadline"),
    S.NEEDS_REVISION: (DeadlineKind.REVISION, "revision_deadline"),
}


def today() -> dt.date:
    return dt.datetime.now(ALMATY).date()


def running_deadline(row: Application) -> tuple[DeadlineKind, dt.date] | None:
    rule = RUNNING_DEADLINE.get(row.status)
    if rule is None or getattr(row, rule[1]) is None:
        return None
    return rule[0], getattr(row, rule[1])


def due(row: Application, on: dt.date | None = None) -> Due | None:
    deadline = running_deadline(row)
    if deadline is None:
        return None
    on = on or today()
    if deadline[1] < on:
        return Due.OVERDUE
    return Due.SOON if deadline[1] <= next_working_day(on) else Due.OK


def overdue(row: Application, on: dt.date | None = None) -> bool:
    return due(row, on) is Due.OVERDUE


def overdue_condition(on: dt.date | None = None) -> Q:
    on = on or today()
    condition = Q(id__in=[])
    for status, (_, column) in RUNNING_DEADLINE.items():
        condition |= Q(status=status, **{f"{column}__lt": on})
    return condition


# Lists -------------------------------------------------------------------------------------


def _statuses(statuses: Iterable | None) -> list[S]:
    return [S(getattr(x, "value", x)) for x in statuses or ()]


def mine(scope: Scope, statuses: Iterable | None = None) -> QuerySet[Application]:
    query = visible_applications(scope)
    if wanted := _statuses(statuses):
        query = query.filter(status__in=wanted)
    return query


MAX_SEARCH = 64


def queue(scope: Scope, statuses: Iterable | None = None, *, overdue_only: bool = False, search: str | None = None) -> QuerySet[Application]:
    """The back office's list: everything sent, narrowed by status, deadline and a search."""
    query = visible_applications(scope) if scope.staff is not None else Application.filter(id__in=[])
    if wanted := _statuses(statuses):
        query = query.filter(status__in=wanted)
    if search and search.strip():
        text = search.strip()[:MAX_SEARCH]
        query = query.filter(Q(number__icontains=text) | Q(registration_number__icontains=text)
                             | Q(applicant_org__bin__startswith=text) | Q(contract__number__icontains=text))
    if overdue_only:
        query = query.filter(overdue_condition())
    return query


# What the viewer may do --------------------------------------------------------------------


class Action(str, Enum):
    EDIT = "edit"
    DELETE = "delete"
    SUBMIT = "submit"
    SIGN_SA = "sign_sa"
    REGISTER = "register"
    START_REVIEW = "start_review"
    REQUEST_REVISION = "request_revision"
    REJECT = "reject"
    APPROVE = "approve"
    ATTACH_SA_DRAFT = "attach_sa_draft"
    SIGN_SA_BY_KZHK = "sign_sa_by_kzhk"


def party_of(scope: Scope, row: Application, developer_id: uuid.UUID | None) -> SignerRole | None:
    """In which capacity the viewer's organization signs the SA, if it is a party."""
    if scope.organization_id is None:
        return None
    if scope.organization_id == row.applicant_org_id:
        return SignerRole.APPLICANT
    return SignerRole.DEVELOPER if scope.organization_id == developer_id else None


def may_sign_application(scope: Scope, row: Application) -> bool:
    return (scope.organization_id is not None and scope.organization_id == row.applicant_org_id
            and Step.SUBMIT in allowed_steps(row.status, ActorKind.APPLICANT))


def may_sign_sa(scope: Scope, row: Application, developer_id: uuid.UUID | None) -> bool:
    role = party_of(scope, row, developer_id)
    if role is None:
        return False
    kind = ActorKind.APPLICANT if role is SignerRole.APPLICANT else ActorKind.DEVELOPER
    return Step.SA_PARTIES_SIGNED in allowed_steps(row.status, kind)


def available_actions(
    scope: Scope, row: Application, *, developer_id: uuid.UUID | None, sa_signed_by: Iterable[SignerRole] = ()
) -> list[Action]:
    if scope.staff is not None:
        return [Action(step.value) for step in allowed_steps(row.status, scope.staff)]
    actions: list[Action] = []
    if scope.organization_id is not None and scope.organization_id == row.applicant_org_id and row.status in EDITABLE:
        actions.append(Action.EDIT)
    if may_sign_application(scope, row):
        actions.append(Action.SUBMIT)
    if actions and row.status is S.DRAFT:
        actions.append(Action.DELETE)
    if may_sign_sa(scope, row, developer_id) and party_of(scope, row, developer_id) not in set(sa_signed_by):
        actions.append(Action.SIGN_SA)
    return actions
