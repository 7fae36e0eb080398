"""One schema from every domain's Query, Mutation and Subscription parts (the roots)."""

from __future__ import annotations

import functools

import strawberry
from strawberry.extensions import MaskErrors, MaxAliasesLimiter, MaxTokensLimiter

from backend.schema.roots.applications import ApplicationMutation, ApplicationQuery, ApplicationSubscription
from backend.schema.roots.queue.complaints import QueueComplaintMutation, QueueComplaintQuery
from backend.schema.roots.billing import BillingMutation, BillingQuery
from backend.schema.roots.calendar import CalendarMutation, CalendarQuery
from backend.schema.roots.contracts import ContractMutation, ContractQuery, ContractSubscription
from backend.schema.roots.eds import EdsMutation, EdsQuery, EdsSubscription
from backend.schema.cost import query_limits
from backend.schema.extensions import RefuseInvalidText, ReportDenials, ValidateWithoutSuggestions
from backend.schema.roots.identity import IdentityMutation, IdentityQuery
from backend.schema.roots.meetings import MeetingMutation, MeetingQuery
from backend.schema.roots.device_login import DeviceLoginMutation
from backend.schema.roots.meters import MeterMutation, MeterQuery
from backend.schema.roots.housing import HousingMutation, HousingQuery, HousingSubscription
from backend.schema.roots.partners import PartnerMutation, PartnerQuery
from backend.schema.roots.queue.applications import QueueApplicationMutation, QueueApplicationQuery
from backend.schema.roots.queue.decisions import QueueDecisionMutation, QueueDecisionQuery, QueueDecisionSubscription
from backend.schema.roots.notifications import NotificationMutation, NotificationQuery, NotificationSubscription
from backend.schema.roots.outages import OutageMutation, OutageQuery
from backend.schema.roots.payments import PaymentMutation, PaymentQuery, PaymentSubscription
from backend.schema.roots.queue.register import QueueRegisterMutation, QueueRegisterQuery
from backend.schema.roots.service_requests import ServiceRequestMutation, ServiceRequestQuery, ServiceRequestSubscription
from backend.schema.roots.verification import VerificationMutation
from backend.settings import Settings


@strawberry.type(description="Everything that can be read. Most fields need `Authorization: Bearer <access token>`.")
class Query(IdentityQuery, MeetingQuery, MeterQuery, NotificationQuery, ServiceRequestQuery, OutageQuery, ContractQuery, PartnerQuery, HousingQuery, ApplicationQuery, EdsQuery, QueueApplicationQuery,
            QueueDecisionQuery,
            CalendarQuery,
            QueueRegisterQuery,
            QueueComplaintQuery, PaymentQuery,
            BillingQuery):
    pass


@strawberry.type(description="Every change. Expected failures come back in each payload's `errors`, never as GraphQL errors.")
class Mutation(IdentityMutation, MeetingMutation, ServiceRequestMutation, OutageMutation, DeviceLoginMutation, MeterMutation, NotificationMutation, ContractMutation, PartnerMutation, HousingMutation, ApplicationMutation, EdsMutation, VerificationMutation,
               QueueApplicationMutation, QueueDecisionMutation,
               CalendarMutation,
               QueueRegisterMutation,
               QueueComplaintMutation, PaymentMutation,
               BillingMutation):
    pass


@strawberry.type(description="Live updates over WebSocket (graphql-transport-ws); authenticate in connection_init.")
class Subscription(NotificationSubscription, ServiceRequestSubscription, ContractSubscription, HousingSubscription, ApplicationSubscription, EdsSubscription,
                   QueueDecisionSubscription, PaymentSubscription):
    pass


def _expected(error) -> bool:
    # Errors we raise on purpose carry a stable code; everything else is a fault to hide.
    return not (error.extensions and "code" in error.extensions) and error.original_error is not None


class ShanyraqSchema(strawberry.Schema):
    def _get_execute_function(self):
        # Variable coercion errors ("unknown field 'chanel'") must not suggest names either.
        return functools.partial(super()._get_execute_function(), hide_suggestions=True)


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    settings = settings or Settings()
    extensions: list = [
        # Depth and cost first: they refuse a document before the standard rules walk it.
        query_limits(max_depth=settings.graphql_max_depth, max_cost=settings.graphql_max_cost),
        RefuseInvalidText,
        # Factories, not instances: strawberry keeps one instance of an instance-passed extension
        # for every request and swaps its per-request state between concurrent ones, so a shared
        # MaskErrors could unmask one request's fault while masking another's.
        lambda: MaxAliasesLimiter(max_alias_count=settings.graphql_max_aliases),
        lambda: MaxTokensLimiter(max_token_count=settings.graphql_max_tokens),
        ValidateWithoutSuggestions,
        ReportDenials,
    ]
    if not settings.dev_mode:
        extensions.append(lambda: MaskErrors(should_mask_error=_expected))
    return ShanyraqSchema(query=Query, mutation=Mutation, subscription=Subscription, extensions=extensions)


def schema_sdl() -> str:
    return build_schema().as_str() + "\n"
