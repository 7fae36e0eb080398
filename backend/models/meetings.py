"""Owners' meetings of a building: agenda, documents, votes weighted by area."""

from __future__ import annotations

from enum import Enum

from tortoise import fields, models

from backend.models.base import TimestampedModel


class MeetingStatus(str, Enum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class Meeting(TimestampedModel):
    """A meeting of the owners of one building, called by its management company."""

    company = fields.ForeignKeyField("models.ManagementCompany", related_name="meetings", on_delete=fields.CASCADE)
    building = fields.ForeignKeyField("models.Building", related_name="meetings", on_delete=fields.CASCADE)
    title = fields.CharField(max_length=300)
    description = fields.TextField(default="")
    opens_at = fields.DatetimeField()
    closes_at = fields.DatetimeField()
    status = fields.CharEnumField(MeetingStatus, max_length=10, default=MeetingStatus.DRAFT)
    created_by = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.SET_NULL)
    closed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "meetings"


class MeetingQuestion(models.Model):
    """One item of the agenda, voted on separately."""

    id = fields.UUIDField(primary_key=True)
    meeting = fields.ForeignKeyField("models.Meeting", related_name="questions", on_delete=fields.CASCADE)
    position = fields.IntField()
    text = fields.TextField()

    class Meta:
        table = "meeting_questions"


class MeetingDocument(models.Model):
    """A document of the meeting (draft decision, estimate), from a finished upload."""

    id = fields.UUIDField(primary_key=True)
    meeting = fields.ForeignKeyField("models.Meeting", related_name="documents", on_delete=fields.CASCADE)
    title = fields.CharField(max_length=300)
    storage_key = fields.CharField(max_length=500)
    size = fields.BigIntField()
    sha256 = fields.CharField(max_length=64)
    content_type = fields.CharField(max_length=100)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "meeting_documents"


class VoteChoice(str, Enum):
    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"


class MeetingVote(models.Model):
    """The vote of one premises on one question; its weight is the premises' area."""

    id = fields.UUIDField(primary_key=True)
    question = fields.ForeignKeyField("models.MeetingQuestion", related_name="votes", on_delete=fields.CASCADE)
    unit = fields.ForeignKeyField("models.HousingUnit", related_name=False, on_delete=fields.CASCADE)
    account = fields.ForeignKeyField("models.PersonalAccount", related_name=False, on_delete=fields.CASCADE)
    user = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.SET_NULL)
    choice = fields.CharEnumField(VoteChoice, max_length=10)
    weight = fields.DecimalField(max_digits=10, decimal_places=2)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "meeting_votes"
        unique_together = (("question", "unit"),)
