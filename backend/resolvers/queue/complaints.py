"""Resolvers of complaints and the service history: who is asking, one service call, the rows mapped
by their types. The rules — who may complain about what, who answers, the terms — are the service's."""

from __future__ import annotations

from strawberry.types import Info

from backend.models.queue import ComplaintAddressee, ComplaintStatus
from backend.resolvers.errors import payload_or_errors
from backend.schema.queue import complaints as s
from backend.services.queue import complaints
from backend.services.queue import history as service_history
from backend.services.queue.access import Scope, scope_for


def viewer_scope(info: Info) -> Scope:
    ctx = info.context
    return scope_for(ctx.viewer, ctx.locale)


async def my_queue_complaints(info: Info) -> list[s.QueueComplaint]:
    return [s.QueueComplaint.from_row(r) for r in await complaints.mine(viewer_scope(info))]


async def queue_office_complaints(info: Info, status: ComplaintStatus | None) -> list[s.QueueComplaint]:
    scope = viewer_scope(info)
    if not scope.office:
        return []
    return [s.QueueComplaint.from_row(r) for r in await complaints.office(scope, status)]


async def my_service_history(info: Info) -> list[s.QueueServiceHistoryItem]:
    items = await service_history.service_history(viewer_scope(info))
    return [s.QueueServiceHistoryItem.from_item(info, i) for i in items]


async def queue_complaint_file(info: Info, input: s.QueueComplaintFileInput) -> s.QueueComplaintPayload:
    async def work():
        ctx = info.context
        data = complaints.ComplaintInput(
            application_id=str(input.application_id), addressee=ComplaintAddressee(input.addressee), text=input.text,
            upload_ids=tuple(str(u) for u in input.upload_ids), request_id=input.request_id,
        )
        row = await complaints.file(ctx.rt, viewer_scope(info), data, ctx.req)
        return s.QueueComplaintPayload(complaint=s.QueueComplaint.from_row(row))

    return await payload_or_errors(s.QueueComplaintPayload, work)


async def queue_complaint_answer(info: Info, input: s.QueueComplaintAnswerInput) -> s.QueueComplaintPayload:
    async def work():
        ctx = info.context
        row = await complaints.answer(ctx.rt, viewer_scope(info), input.complaint_id, ComplaintStatus(input.status),
                                      input.answer, ctx.req)
        return s.QueueComplaintPayload(complaint=s.QueueComplaint.from_row(row))

    return await payload_or_errors(s.QueueComplaintPayload, work)
