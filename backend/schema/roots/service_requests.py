"""Root fields of service requests (seed 004 "Обращения") and of the company's queue of them."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.models.identity import Role
from backend.resolvers import service_requests as r
from backend.schema.common import INPUT, Connection
from backend.schema.permissions import Allow
from backend.schema.service_requests import (
    CompanyServiceRequestFilter,
    ServiceRequest,
    ServiceRequestCloseInput,
    ServiceRequestCreateInput,
    ServiceRequestPayload,
    ServiceRequestRateInput,
    ServiceRequestRefInput,
    ServiceRequestStatusType,
    ServiceRequestType,
    ServiceRequestUpdateInput,
)

ListArgs = Annotated[int | None, strawberry.argument(description="Page size; at most 100 (more is served as 100).")]
AfterArg = Annotated[str | None, strawberry.argument(description="`endCursor` of the previous page.")]
STAFF = (Role.UK_STAFF, Role.ADMIN)


@strawberry.type
class ServiceRequestQuery:
    @strawberry.field(extensions=[Allow()], description="The catalogue of request types, in its order.")
    async def service_request_types(self, info: Info) -> list[ServiceRequestType]:
        return await r.request_types(info)

    @strawberry.field(extensions=[Allow()], description="One account's requests, newest first (the viewer must see the account).")
    async def account_service_requests(
        self, info: Info,
        account_id: Annotated[strawberry.ID, strawberry.argument(description="Personal account id.")],
        status: Annotated[ServiceRequestStatusType | None, strawberry.argument(description="Only this status.")] = None,  # type: ignore[valid-type]
        first: ListArgs = 20, after: AfterArg = None,
    ) -> Connection[ServiceRequest]:
        return await r.account_requests(info, account_id, status, first, after)

    @strawberry.field(extensions=[Allow()], description="One request the viewer may see, or null.")
    async def service_request(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="Request id.")]
    ) -> ServiceRequest | None:
        return await r.service_request(info, id)

    @strawberry.field(extensions=[Allow(*STAFF)], description="The back office's queue: the requests of the viewer's "
                      "companies (an admin's: every company's), newest first.")
    async def company_service_requests(
        self, info: Info,
        filter: Annotated[CompanyServiceRequestFilter | None, strawberry.argument(description="What to show.")] = None,
        first: ListArgs = 20, after: AfterArg = None,
    ) -> Connection[ServiceRequest]:
        return await r.company_requests(info, filter, first, after)


@strawberry.type
class ServiceRequestMutation:
    @strawberry.mutation(extensions=[Allow(Role.RESIDENT)], description="File a request for an account the resident "
                         "holds by a confirmed link; it gets the company's next number.")
    async def service_request_create(self, info: Info, input: Annotated[ServiceRequestCreateInput, INPUT]) -> ServiceRequestPayload:
        return await r.create(info, input)

    @strawberry.mutation(extensions=[Allow(Role.RESIDENT)], description="Change a request: only its author, only while NEW.")
    async def service_request_update(self, info: Info, input: Annotated[ServiceRequestUpdateInput, INPUT]) -> ServiceRequestPayload:
        return await r.update(info, input)

    @strawberry.mutation(extensions=[Allow(Role.RESIDENT)], description="Cancel a request: only its author, only while NEW.")
    async def service_request_cancel(self, info: Info, input: Annotated[ServiceRequestRefInput, INPUT]) -> ServiceRequestPayload:
        return await r.cancel(info, input)

    @strawberry.mutation(extensions=[Allow(Role.UK_STAFF)], description="Take a NEW request into work (staff of its company); "
                         "the author is told in-app and by SMS where they opted in.")
    async def service_request_take(self, info: Info, input: Annotated[ServiceRequestRefInput, INPUT]) -> ServiceRequestPayload:
        return await r.take(info, input)

    @strawberry.mutation(extensions=[Allow(Role.UK_STAFF)], description="Close a request in work with a comment (staff of its "
                         "company); the author is told in-app and by SMS where they opted in.")
    async def service_request_close(self, info: Info, input: Annotated[ServiceRequestCloseInput, INPUT]) -> ServiceRequestPayload:
        return await r.close(info, input)

    @strawberry.mutation(extensions=[Allow(Role.RESIDENT)], description="Rate a CLOSED request once: 1–5 or not done (its author).")
    async def service_request_rate(self, info: Info, input: Annotated[ServiceRequestRateInput, INPUT]) -> ServiceRequestPayload:
        return await r.rate(info, input)


@strawberry.type
class ServiceRequestSubscription:
    @strawberry.subscription(description="A request each time it changes: a resident's (of one account, or of all their "
                             "accounts), or the staff's companies' (or one account's).")
    async def service_request_updated(
        self, info: Info,
        account_id: Annotated[strawberry.ID | None, strawberry.argument(description="Only this account's requests.")] = None,
    ) -> AsyncGenerator[ServiceRequest, None]:
        async for item in r.updates(info, account_id):
            yield item
