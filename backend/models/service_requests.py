"""Residents' service requests (kk өтініштер, ru обращения) to their management company."""

from __future__ import annotations

from enum import Enum

from tortoise import fields, models

from backend.models.base import TimestampedModel


class RequestType(models.Model):
    """One kind of request of the catalogue (cold and hot water, heating, key making…)."""

    id = fields.UUIDField(primary_key=True)
    code = fields.CharField(max_length=40, unique=True)
    name_kk = fields.CharField(max_length=200)
    name_ru = fields.CharField(max_length=200)
    name_en = fields.CharField(max_length=200)
    position = fields.IntField(default=0)
    is_active = fields.BooleanField(default=True)

    class Meta:
        table = "service_request_types"


class ServiceRequestStatus(str, Enum):
    NEW = "new"
    IN_WORK = "in_work"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class ServiceRequest(TimestampedModel):
    """A request of a resident about one account's premises; its changes are in the history."""

    company = fields.ForeignKeyField("models.ManagementCompany", related_name="service_requests", on_delete=fields.CASCADE)
    account = fields.ForeignKeyField("models.PersonalAccount", related_name="service_requests", on_delete=fields.CASCADE)
    author = fields.ForeignKeyField("models.User", related_name="service_requests", on_delete=fields.CASCADE)
    number = fields.IntField()  # per company, as the company's staff call it (№ 301)
    type = fields.ForeignKeyField("models.RequestType", related_name=False, on_delete=fields.RESTRICT)
    content = fields.TextField()
    visit_date = fields.DateField(null=True)
    visit_from = fields.CharField(max_length=5, default="")  # HH:MM
    visit_to = fields.CharField(max_length=5, default="")
    status = fields.CharEnumField(ServiceRequestStatus, max_length=10, default=ServiceRequestStatus.NEW)
    taken_by = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.SET_NULL)
    taken_at = fields.DatetimeField(null=True)
    closed_at = fields.DatetimeField(null=True)
    close_comment = fields.TextField(default="")
    cancelled_at = fields.DatetimeField(null=True)
    rating = fields.SmallIntField(null=True)  # 1..5; null with rating_not_done = "not done"
    rating_not_done = fields.BooleanField(default=False)
    rating_comment = fields.TextField(default="")
    rated_at = fields.DatetimeField(null=True)

    class Meta:
        table = "service_requests"
        unique_together = (("company", "number"),)


class ServiceRequestPhoto(models.Model):
    """A photo attached to a request, from a finished upload."""

    id = fields.UUIDField(primary_key=True)
    request = fields.ForeignKeyField("models.ServiceRequest", related_name="photos", on_delete=fields.CASCADE)
    title = fields.CharField(max_length=300, default="")
    storage_key = fields.CharField(max_length=500)
    size = fields.BigIntField()
    sha256 = fields.CharField(max_length=64)
    content_type = fields.CharField(max_length=100)
    added_by = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.SET_NULL)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "service_request_photos"
