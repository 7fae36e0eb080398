"""Residents' service requests (seed 004 "Обращения"): types, the request with its photos and history,
inputs and payloads. Relations are read through `info.context.loaders.service_requests`, the account
through `loaders.housing`, people through `loaders.user_by_id`."""

from __future__ import annotations

import datetime as dt
import uuid

import strawberry
from strawberry.types import Info

from backend.models.identity import Role
from backend.models.service_requests import ServiceRequestStatus
from backend.schema.common import UserError
from backend.schema.housing import PersonalAccount
from backend.services.files import document_link
from backend.services.service_requests import access, catalog

ServiceRequestStatusType = strawberry.enum(
    ServiceRequestStatus, name="ServiceRequestStatus",
    description="NEW: filed, the author may still edit or cancel it; IN_WORK: taken by the company's staff; "
    "CLOSED: done, with the staff's comment, the author may rate it once; CANCELLED: withdrawn by the author while new.",
)


@strawberry.type(description="A kind of request of the catalogue (cold and hot water, heating, key making…).")
class ServiceRequestType:
    id: strawberry.ID = strawberry.field(description="Type id (pass as typeId).")
    code: str = strawberry.field(description="Stable code, e.g. water, heating, sewerage, engineering, key, other.")
    name: str = strawberry.field(description="Name in the request's language (X-Locale / the viewer's language).")

    @classmethod
    def from_row(cls, row, locale: str) -> ServiceRequestType:
        return cls(id=str(row.id), code=row.code, name=catalog.name_of(row, locale))


@strawberry.type(description="A photo attached to a request (JPEG or PNG).")
class ServiceRequestPhoto:
    id: strawberry.ID = strawberry.field(description="Photo id (pass in removePhotoIds).")
    title: str = strawberry.field(description="The file's name as uploaded.")
    content_type: str = strawberry.field(description="image/jpeg or image/png, from the content itself.")
    size: int = strawberry.field(description="Size in bytes.")
    row_id: strawberry.Private[uuid.UUID]

    @strawberry.field(description="A personal link to show it in the page; works for the viewer only, for a few minutes.")
    def url(self, info: Info) -> str | None:
        viewer = info.context.viewer
        if viewer is None:
            return None
        return document_link(info.context.rt.settings, self.row_id, viewer.user.id, inline=True)

    @classmethod
    def from_row(cls, row) -> ServiceRequestPhoto:
        return cls(id=str(row.id), title=row.title, content_type=row.content_type, size=int(row.size), row_id=row.id)


@strawberry.type(description="An entry of a request's history: what happened, who did it, when.")
class ServiceRequestEvent:
    at: dt.datetime = strawberry.field(description="When.")
    action: str = strawberry.field(description="created, updated, cancelled, taken, closed or rated.")
    actor_name: str = strawberry.field(description="Who, as shown to people.")
    comment: str = strawberry.field(description="The staff's closing comment or the author's rating comment; empty otherwise.")

    @classmethod
    def from_row(cls, row) -> ServiceRequestEvent:
        data = row.data or {}
        return cls(at=row.created_at, action=row.action, actor_name=str(data.get("actorName") or ""),
                   comment=str(data.get("comment") or ""))


@strawberry.type(description="A resident's request to their management company about one account's premises.")
class ServiceRequest:
    id: strawberry.ID = strawberry.field(description="Request id.")
    number: int = strawberry.field(description="Number within the company, e.g. 301 (№ 301).")
    created_at: dt.datetime = strawberry.field(description="When it was filed (Дата обращения).")
    content: str = strawberry.field(description="What the resident wrote.")
    visit_date: dt.date | None = strawberry.field(description="Convenient date of the visit (Удобная дата визита).")
    visit_from: str | None = strawberry.field(description="Visit window from, HH:MM; null when not given.")
    visit_to: str | None = strawberry.field(description="Visit window to, HH:MM; null when not given.")
    status: ServiceRequestStatusType = strawberry.field(description="New, in work, closed or cancelled.")  # type: ignore[valid-type]
    taken_at: dt.datetime | None = strawberry.field(description="When the staff took it into work.")
    closed_at: dt.datetime | None = strawberry.field(description="When the staff closed it.")
    close_comment: str = strawberry.field(description="What the staff said on closing; empty before.")
    rating: int | None = strawberry.field(description="The author's rating 1–5; null when not rated or rated \"not done\".")
    rating_not_done: bool = strawberry.field(description="The author rated it \"not done\" (Не выполнено).")
    rating_comment: str = strawberry.field(description="The author's comment on the rating.")
    rated_at: dt.datetime | None = strawberry.field(description="When the author rated it.")
    row: strawberry.Private[object]

    @classmethod
    def from_row(cls, row) -> ServiceRequest:
        return cls(
            id=str(row.id), number=row.number, created_at=row.created_at, content=row.content,
            visit_date=row.visit_date, visit_from=row.visit_from or None, visit_to=row.visit_to or None,
            status=ServiceRequestStatus(row.status), taken_at=row.taken_at, closed_at=row.closed_at,
            close_comment=row.close_comment, rating=row.rating, rating_not_done=row.rating_not_done,
            rating_comment=row.rating_comment, rated_at=row.rated_at, row=row,
        )

    def _viewer_id(self, info: Info) -> uuid.UUID | None:
        viewer = info.context.viewer
        return viewer.user.id if viewer else None

    @strawberry.field(description="The kind of request.")
    async def type(self, info: Info) -> ServiceRequestType:
        row = await info.context.loaders.service_requests.type_by_id.load(self.row.type_id)
        return ServiceRequestType.from_row(row, info.context.locale)

    @strawberry.field(description="Photos, oldest first.")
    async def photos(self, info: Info) -> list[ServiceRequestPhoto]:
        rows = await info.context.loaders.service_requests.photos_by_request.load(self.row.id)
        return [ServiceRequestPhoto.from_row(r) for r in rows]

    @strawberry.field(description="The personal account the request is about.")
    async def account(self, info: Info) -> PersonalAccount:
        return PersonalAccount.from_row(await info.context.loaders.housing.account_by_id.load(self.row.account_id))

    @strawberry.field(description="Who filed it.")
    async def author_name(self, info: Info) -> str:
        user = await info.context.loaders.user_by_id.load(self.row.author_id)
        return (user.full_name or "") if user else ""

    @strawberry.field(description="The author's phone, for the staff to call back; shown to the staff and to the author "
                                  "only (empty to co-owners of the account).")
    async def author_phone(self, info: Info) -> str:
        viewer = info.context.viewer
        if viewer is None:
            return ""
        if viewer.user.id != self.row.author_id and not viewer.has(Role.ADMIN):
            if not viewer.has(Role.UK_STAFF):
                return ""
            companies = await info.context.loaders.service_requests.companies_of_staff.load(viewer.user.id)
            if self.row.company_id not in companies:
                return ""
        user = await info.context.loaders.user_by_id.load(self.row.author_id)
        return (user.phone or "") if user else ""

    @strawberry.field(description="Who of the staff took it into work.")
    async def taken_by_name(self, info: Info) -> str | None:
        if self.row.taken_by_id is None:
            return None
        user = await info.context.loaders.user_by_id.load(self.row.taken_by_id)
        return (user.full_name or "") if user else ""

    @strawberry.field(description="The viewer may change it now (the author, while NEW).")
    def can_edit(self, info: Info) -> bool:
        return access.can_change(self.row, self._viewer_id(info))

    @strawberry.field(description="The viewer may cancel it now (the author, while NEW).")
    def can_cancel(self, info: Info) -> bool:
        return access.can_change(self.row, self._viewer_id(info))

    @strawberry.field(description="The viewer may rate it now (the author, once it is CLOSED, once).")
    def can_rate(self, info: Info) -> bool:
        return access.can_rate(self.row, self._viewer_id(info))

    @strawberry.field(description="Every change, oldest first.")
    async def history(self, info: Info) -> list[ServiceRequestEvent]:
        rows = await info.context.loaders.service_requests.history_by_request.load(self.row.id)
        return [ServiceRequestEvent.from_row(r) for r in rows]


@strawberry.input(description="The back office's queue filter; every field narrows it.")
class CompanyServiceRequestFilter:
    status: ServiceRequestStatusType | None = strawberry.field(default=None, description="Only this status.")  # type: ignore[valid-type]
    type_id: strawberry.ID | None = strawberry.field(default=None, description="Only this type.")
    building_id: strawberry.ID | None = strawberry.field(default=None, description="Only this building.")
    search: str | None = strawberry.field(
        default=None, description="A request number (301 or №301), an account number, or words of the content.")


@strawberry.input(description="A new request (seed 004 \"Новое обращение\").")
class ServiceRequestCreateInput:
    account_id: strawberry.ID = strawberry.field(description="The account, one the resident holds by a confirmed link.")
    type_id: strawberry.ID = strawberry.field(description="From serviceRequestTypes.")
    content: str = strawberry.field(description="What is wrong, at most 2000 characters.")
    visit_date: dt.date | None = strawberry.field(default=None, description="Convenient date; today or later (Asia/Almaty).")
    visit_from: str | None = strawberry.field(default=None, description="Window from, HH:MM; with visitTo and a date.")
    visit_to: str | None = strawberry.field(default=None, description="Window to, HH:MM; later than visitFrom.")
    photo_upload_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Finished tus uploads (JPEG or PNG), at most 5.")


@strawberry.input(description="Changes to a NEW request by its author; an omitted field stays as it is.")
class ServiceRequestUpdateInput:
    id: strawberry.ID = strawberry.field(description="Request id.")
    type_id: strawberry.ID | None = strawberry.field(default=strawberry.UNSET, description="Another type.")
    content: str | None = strawberry.field(default=strawberry.UNSET, description="New content, at most 2000 characters.")
    visit_date: dt.date | None = strawberry.field(default=strawberry.UNSET, description="Another date; null clears the visit.")
    visit_from: str | None = strawberry.field(default=strawberry.UNSET, description="Window from, HH:MM; null or \"\" clears it.")
    visit_to: str | None = strawberry.field(default=strawberry.UNSET, description="Window to, HH:MM; null or \"\" clears it.")
    add_photo_upload_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Finished tus uploads to add (JPEG or PNG); at most 5 photos in all.")
    remove_photo_ids: list[strawberry.ID] | None = strawberry.field(default=None, description="Photos to take off.")


@strawberry.input(description="Which request.")
class ServiceRequestRefInput:
    id: strawberry.ID = strawberry.field(description="Request id.")


@strawberry.input(description="Closing a request in work.")
class ServiceRequestCloseInput:
    id: strawberry.ID = strawberry.field(description="Request id.")
    comment: str = strawberry.field(description="What was done, for the resident; required, at most 2000 characters.")


@strawberry.input(description="The author's rating of a closed request: a rating 1–5 or notDone, not both.")
class ServiceRequestRateInput:
    id: strawberry.ID = strawberry.field(description="Request id.")
    rating: int | None = strawberry.field(default=None, description="1 to 5.")
    not_done: bool | None = strawberry.field(default=None, description="true: the work was not done (Не выполнено).")
    comment: str | None = strawberry.field(default=None, description="A comment, at most 1000 characters.")


@strawberry.type(description="Result of a change to a request.")
class ServiceRequestPayload:
    service_request: ServiceRequest | None = strawberry.field(default=None, description="The request after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="What to fix; nothing changed.")
