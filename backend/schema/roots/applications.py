"""Root fields of applications to KZhK (seed 001): the applicant's "My applications at KZhK", the
back-office queue, every step of the route, and live updates."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.schema.permissions import Allow, AllowClient, AllowEither
from backend.models.identity import Role
from backend.resolvers import applications as r
from backend.schema.applications import (
    Application,
    ApplicationCreateInput,
    ApplicationDecisionInput,
    ApplicationDocumentAddInput,
    ApplicationDocumentRemoveInput,
    ApplicationPayload,
    ApplicationRefInput,
    ApplicationRegisterInput,
    ApplicationSaDraftInput,
    ApplicationSaFinalInput,
    ApplicationSaSignInput,
    ApplicationSigningSessionInput,
    ApplicationStartReviewInput,
    ApplicationStatusType,
    ApplicationSubmitInput,
    ApplicationTerms,
    ApplicationTypeInfo,
    ApplicationUpdateInput,
    SigningSessionStart,
)
from backend.schema.common import INPUT, Connection
from backend.schema.contracts import Contract
from backend.services.partners import ApiScope


def staff() -> AllowEither:
    # A new guard per field: a guard learns its field's return type when applied.
    return AllowEither(Allow(Role.KZHK_OPERATOR), AllowClient(ApiScope.APPLICATIONS_BPMS))


ListArgs = Annotated[int | None, strawberry.argument(description="Page size; at most 100 (more is served as 100).")]
AfterArg = Annotated[str | None, strawberry.argument(description="`endCursor` of the previous page.")]
StatusArg = Annotated[list[ApplicationStatusType] | None, strawberry.argument(description="Only these statuses.")]  # type: ignore[valid-type]


@strawberry.type
class ApplicationQuery:
    @strawberry.field(description="Application types with categories, documents and terms.")
    def application_types(self) -> list[ApplicationTypeInfo]:
        return r.application_types()

    @strawberry.field(description="The terms shown before signing.")
    def application_terms(self, info: Info) -> ApplicationTerms:
        return r.application_terms(info)

    @strawberry.field(extensions=[Allow(Role.LEGAL_ENTITY)], description="The viewer's organization's contracts with KZhK.")
    async def kzhk_contracts(self, info: Info) -> list[Contract]:
        return await r.kzhk_contracts(info)

    @strawberry.field(extensions=[Allow(Role.LEGAL_ENTITY)], description="My applications at KZhK, newest first.")
    async def my_applications(self, info: Info, status: StatusArg = None, first: ListArgs = 20, after: AfterArg = None) -> Connection[Application]:
        return await r.my_applications(info, status, first, after)

    @strawberry.field(extensions=[staff()], description="The back-office queue, newest first (operators and the BPMS).")
    async def application_queue(
        self, info: Info, status: StatusArg = None,
        overdue_only: Annotated[bool, strawberry.argument(description="Only those past a deadline.")] = False,
        search: Annotated[str | None, strawberry.argument(description="Number, registration number, BIN or contract number.")] = None,
        first: ListArgs = 20, after: AfterArg = None,
    ) -> Connection[Application]:
        return await r.application_queue(info, status, overdue_only, search, first, after)

    @strawberry.field(description="One application the viewer may see, or null.")
    async def application(self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="Application id.")]) -> Application | None:
        return await r.application(info, id)


@strawberry.type
class ApplicationMutation:
    @strawberry.mutation(extensions=[Allow(Role.LEGAL_ENTITY)], description="Create a draft (Жасауда).")
    async def application_create(self, info: Info, input: Annotated[ApplicationCreateInput, INPUT]) -> ApplicationPayload:
        return await r.application_create(info, input)

    @strawberry.mutation(extensions=[Allow(Role.LEGAL_ENTITY)], description="Change a draft or an application under revision.")
    async def application_update(self, info: Info, input: Annotated[ApplicationUpdateInput, INPUT]) -> ApplicationPayload:
        return await r.application_update(info, input)

    @strawberry.mutation(extensions=[Allow(Role.LEGAL_ENTITY)], description="Add a supporting document.")
    async def application_document_add(self, info: Info, input: Annotated[ApplicationDocumentAddInput, INPUT]) -> ApplicationPayload:
        return await r.application_document_add(info, input)

    @strawberry.mutation(extensions=[Allow(Role.LEGAL_ENTITY)], description="Remove a supporting document.")
    async def application_document_remove(self, info: Info, input: Annotated[ApplicationDocumentRemoveInput, INPUT]) -> ApplicationPayload:
        return await r.application_document_remove(info, input)

    @strawberry.mutation(extensions=[Allow(Role.LEGAL_ENTITY)], description="Delete a draft.")
    async def application_delete(self, info: Info, input: Annotated[ApplicationRefInput, INPUT]) -> ApplicationPayload:
        return await r.application_delete(info, input)

    @strawberry.mutation(extensions=[Allow(Role.LEGAL_ENTITY)], description="Sign with EDS and send (or re-send after a revision).")
    async def application_submit(self, info: Info, input: Annotated[ApplicationSubmitInput, INPUT]) -> ApplicationPayload:
        return await r.application_submit(info, input)

    @strawberry.mutation(extensions=[Allow(Role.LEGAL_ENTITY)], description="Sign the supplementary agreement as the applicant or the developer.")
    async def application_sa_sign(self, info: Info, input: Annotated[ApplicationSaSignInput, INPUT]) -> ApplicationPayload:
        return await r.application_sa_sign(info, input)

    @strawberry.mutation(extensions=[Allow(Role.LEGAL_ENTITY)], description="Open a QR signing session for a second device.")
    async def application_signing_session_create(self, info: Info, input: Annotated[ApplicationSigningSessionInput, INPUT]) -> SigningSessionStart:
        return await r.application_signing_session_create(info, input)

    @strawberry.mutation(extensions=[staff()], description="Register in the BPMS (Өтінім тіркелген).")
    async def application_register(self, info: Info, input: Annotated[ApplicationRegisterInput, INPUT]) -> ApplicationPayload:
        return await r.application_register(info, input)

    @strawberry.mutation(extensions=[staff()], description="Start the review with an executor (Өтінім қарауда).")
    async def application_start_review(self, info: Info, input: Annotated[ApplicationStartReviewInput, INPUT]) -> ApplicationPayload:
        return await r.application_start_review(info, input)

    @strawberry.mutation(extensions=[staff()], description="Ask for a revision; a notice signed with EDS goes to the applicant.")
    async def application_request_revision(self, info: Info, input: Annotated[ApplicationDecisionInput, INPUT]) -> ApplicationPayload:
        return await r.application_request_revision(info, input)

    @strawberry.mutation(extensions=[staff()], description="Reject; a notice signed with EDS goes to the applicant. Final.")
    async def application_reject(self, info: Info, input: Annotated[ApplicationDecisionInput, INPUT]) -> ApplicationPayload:
        return await r.application_reject(info, input)

    @strawberry.mutation(extensions=[staff()], description="Approve; the supplementary agreement is prepared next.")
    async def application_approve(self, info: Info, input: Annotated[ApplicationDecisionInput, INPUT]) -> ApplicationPayload:
        return await r.application_approve(info, input)

    @strawberry.mutation(extensions=[staff()], description="Send the SA draft to the applicant and the developer for signing.")
    async def application_sa_draft_attach(self, info: Info, input: Annotated[ApplicationSaDraftInput, INPUT]) -> ApplicationPayload:
        return await r.application_sa_draft_attach(info, input)

    @strawberry.mutation(extensions=[staff()], description="KZhK signs the SA: number, date, and a PDF signed with EDS.")
    async def application_sa_sign_by_kzhk(self, info: Info, input: Annotated[ApplicationSaFinalInput, INPUT]) -> ApplicationPayload:
        return await r.application_sa_sign_by_kzhk(info, input)


@strawberry.type
class ApplicationSubscription:
    @strawberry.subscription(description="An application the viewer may see, at every change.")
    async def application_updated(
        self, info: Info, application_id: Annotated[strawberry.ID, strawberry.argument(description="The application.")]
    ) -> AsyncGenerator[Application, None]:
        async for item in r.application_updates(info, application_id):
            yield item

    @strawberry.subscription(description="The viewer's organization's applications (applicants) or the whole queue (operators), at every change.")
    async def applications_changed(self, info: Info) -> AsyncGenerator[Application, None]:
        async for item in r.applications_changed(info):
            yield item
