"""Root fields of queue applications: the catalogues, the form's registry data, "check before
applying", what to sign, the SMS code, filing, and the citizen's own applications."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.models.identity import Role
from backend.resolvers.queue import applications as r
from backend.schema.common import INPUT, Connection
from backend.schema.permissions import Allow
from backend.schema.queue.applications import (
    QueueApplication,
    QueueApplicationFileInput,
    QueueApplicationInput,
    QueueApplicationPayload,
    QueueAssessment,
    QueueCategory,
    QueueClaimInput,
    QueueLocality,
    QueuePrefill,
    QueueReason,
    QueueSigningPayload,
    QueueSmsCodeRequestInput,
    QueueSmsCodeRequestPayload,
)

FirstArg = Annotated[int | None, strawberry.argument(description="Page size; at most 100 (more is served as 100).")]
AfterArg = Annotated[str | None, strawberry.argument(description="`endCursor` of the previous page.")]


@strawberry.type
class QueueApplicationQuery:
    @strawberry.field(description="The localities whose lists the provider keeps (anyone).")
    def queue_localities(self, info: Info) -> list[QueueLocality]:
        return r.queue_localities(info)

    @strawberry.field(description="The social categories of Law on Housing Relations art. 74 §1 (anyone).")
    def queue_categories(self, info: Info) -> list[QueueCategory]:
        return r.queue_categories(info)

    @strawberry.field(description="Every ground of refusal an application may be refused on, with its text (anyone); "
                      "what an officer chooses from.")
    def queue_reasons(self, info: Info) -> list[QueueReason]:
        return r.queue_reasons(info)

    @strawberry.field(extensions=[Allow(Role.CITIZEN)],
                      description="The form's personal data from the registries: the viewer's, or (with `iin`) those of the "
                      "person the viewer is recorded as representing. Bad input is a BAD_USER_INPUT error with `reason`.")
    async def queue_prefill(
        self, info: Info,
        iin: Annotated[str | None, strawberry.argument(description="The represented person's IIN; omitted for oneself.")] = None,
    ) -> QueuePrefill | None:
        return await r.queue_prefill(info, iin)

    @strawberry.field(extensions=[Allow(Role.CITIZEN)],
                      description="\"Check before applying\" (citizens): every check on today's registry data, as if filed "
                      "with all consents; nothing is filed or recorded. Null for anyone else.")
    async def queue_eligibility(self, info: Info, input: Annotated[QueueClaimInput, INPUT]) -> QueueAssessment | None:
        return await r.queue_eligibility(info, input)

    @strawberry.field(extensions=[Allow(Role.CITIZEN)],
                      description="What the filer signs (citizens): the exact bytes for EDS and their digest for an SMS code. "
                      "Checks the input as filing does; bad input is a BAD_USER_INPUT error with `reason`. Null for anyone else.")
    async def queue_signing_payload(self, info: Info, input: Annotated[QueueApplicationInput, INPUT]) -> QueueSigningPayload | None:
        return await r.queue_signing_payload(info, input)

    @strawberry.field(extensions=[Allow(Role.CITIZEN)],
                      description="My queue applications (filed by me, or for me by a representative), newest first.")
    async def my_queue_applications(self, info: Info, first: FirstArg = 20, after: AfterArg = None) -> Connection[QueueApplication]:
        return await r.my_queue_applications(info, first, after)

    @strawberry.field(description="One queue application the viewer may see (theirs; any for a queue officer), or null.")
    async def queue_application(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="Application id.")]
    ) -> QueueApplication | None:
        return await r.queue_application(info, id)


@strawberry.type
class QueueApplicationMutation:
    @strawberry.mutation(extensions=[Allow(Role.CITIZEN)],
                         description="Send a one-time code that signs the application data of `digest`, only to the filer's "
                         "phone registered in the mobile citizens' base.")
    async def queue_sms_code_request(self, info: Info, input: Annotated[QueueSmsCodeRequestInput, INPUT]) -> QueueSmsCodeRequestPayload:
        return await r.queue_sms_code_request(info, input)

    @strawberry.mutation(extensions=[Allow(Role.CITIZEN)],
                         description="File the signed application; a repeated requestId returns the application it filed.")
    async def queue_application_file(self, info: Info, input: Annotated[QueueApplicationFileInput, INPUT]) -> QueueApplicationPayload:
        return await r.queue_application_file(info, input)
