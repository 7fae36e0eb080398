"""Share-participation contracts (DDU); the equity-holder cabinet builds on this."""

from __future__ import annotations

from tortoise import fields

from backend.models.base import TimestampedModel


class Contract(TimestampedModel):
    """A share-participation contract held by a person (IIN) or company (BIN)."""

    number = fields.CharField(max_length=64)
    signed_on = fields.DateField()
    holder_iin_bin = fields.CharField(max_length=12, db_index=True)
    holder_name = fields.CharField(max_length=300, default="")

    class Meta:
        table = "contracts"
        unique_together = (("holder_iin_bin", "number"),)
