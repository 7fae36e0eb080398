"""Companies of the housing market: construction companies, authorized companies, KZhK."""

from __future__ import annotations

from tortoise import fields

from backend.models.base import TimestampedModel


class Organization(TimestampedModel):
    """A company known by its BIN: builds, sells (authorized company) or guarantees housing."""

    bin = fields.CharField(max_length=12, unique=True)
    name = fields.CharField(max_length=300)
    phone = fields.CharField(max_length=20, default="")
    email = fields.CharField(max_length=254, default="")
    website = fields.CharField(max_length=300, default="")

    class Meta:
        table = "organizations"
