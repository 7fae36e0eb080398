"""Share-participation contracts (DDU), their residential complexes, premises and documents."""

from __future__ import annotations

import re
from enum import Enum

from tortoise import fields

from backend.models.base import TimestampedModel


# People type DDU numbers like "Н-3-67/44-АФ" with Latin look-alikes and stray spaces.
_LATIN_TO_CYRILLIC = str.maketrans("ABCEHKMOPTXY", "АВСЕНКМОРТХУ")
_SPACES = re.compile(r"\s+")


def contract_number_key(number: str) -> str:
    """The form a contract number is matched by, whatever look-alike letters or spaces were typed."""
    return _SPACES.sub("", (number or "").upper()).translate(_LATIN_TO_CYRILLIC).replace("—", "-").replace("–", "-")


class PremisesKind(str, Enum):
    FLAT = "flat"
    NON_RESIDENTIAL = "non_residential"
    PARKING = "parking"
    STORAGE = "storage"
    OTHER = "other"


class GuaranteeKind(str, Enum):
    AKIMAT_PERMIT = "akimat_permit"  # permit of the local executive body (ЖАО / МИО)
    KZHK_GUARANTEE = "kzhk_guarantee"  # guarantee of the Kazakhstan Housing Company


class DocumentKind(str, Enum):
    DDU = "ddu"
    REGISTRATION_EXTRACT = "registration_extract"
    SUPPLEMENTARY_AGREEMENT = "supplementary_agreement"
    OTHER = "other"


class ResidentialComplex(TimestampedModel):
    """A residential complex (kk ТК, ru ЖК), kept by the organization whose systems own its data."""

    name = fields.CharField(max_length=300)
    address = fields.CharField(max_length=500, default="")
    website = fields.CharField(max_length=300, default="")
    commissioning_date = fields.DateField(null=True)
    owner = fields.ForeignKeyField(
        "models.Organization", related_name="complexes", null=True, on_delete=fields.RESTRICT
    )
    external_id = fields.CharField(max_length=100, null=True)

    class Meta:
        table = "residential_complexes"
        unique_together = (("owner", "external_id"),)


class Premises(TimestampedModel):
    """A flat, office, parking place or storeroom of a complex."""

    complex = fields.ForeignKeyField("models.ResidentialComplex", related_name="premises", on_delete=fields.CASCADE)
    kind = fields.CharEnumField(PremisesKind, max_length=32, default=PremisesKind.FLAT)
    number = fields.CharField(max_length=32)

    class Meta:
        table = "premises"
        unique_together = (("complex", "kind", "number"),)


class Contract(TimestampedModel):
    """A share-participation contract held by a person (IIN) or company (BIN)."""

    number = fields.CharField(max_length=64)
    # The number as people may type it (Latin look-alikes, spaces): what matching uses.
    number_key = fields.CharField(max_length=64, default="", db_index=True)
    signed_on = fields.DateField()
    holder_iin_bin = fields.CharField(max_length=12, db_index=True)
    holder_name = fields.CharField(max_length=300, default="")
    complex = fields.ForeignKeyField(
        "models.ResidentialComplex", related_name="contracts", null=True, on_delete=fields.RESTRICT
    )
    premises = fields.ForeignKeyField("models.Premises", related_name="contracts", null=True, on_delete=fields.RESTRICT)
    developer = fields.ForeignKeyField(
        "models.Organization", related_name="developed_contracts", null=True, on_delete=fields.RESTRICT
    )
    authorized_company = fields.ForeignKeyField(
        "models.Organization", related_name="authorized_contracts", null=True, on_delete=fields.RESTRICT
    )
    guarantee_kind = fields.CharEnumField(GuaranteeKind, max_length=32, null=True)
    guarantee_number = fields.CharField(max_length=64, default="")
    guarantee_date = fields.DateField(null=True)
    owner = fields.ForeignKeyField(
        "models.Organization", related_name="owned_contracts", null=True, on_delete=fields.RESTRICT
    )
    external_id = fields.CharField(max_length=100, null=True)
    refreshed_at = fields.DatetimeField(null=True)
    version = fields.IntField(default=1)

    documents: fields.ReverseRelation["Document"]

    async def save(self, *args, **kwargs):  # type: ignore[override]
        self.number_key = contract_number_key(self.number)
        return await super().save(*args, **kwargs)

    class Meta:
        table = "contracts"
        unique_together = (("holder_iin_bin", "number"), ("owner", "external_id"))


class Document(TimestampedModel):
    """A file of a contract: the DDU, the registration extract, a supplementary agreement, other."""

    contract = fields.ForeignKeyField("models.Contract", related_name="documents", on_delete=fields.CASCADE)
    kind = fields.CharEnumField(DocumentKind, max_length=32)
    title = fields.CharField(max_length=300)
    storage_key = fields.CharField(max_length=500)
    size = fields.BigIntField()
    sha256 = fields.CharField(max_length=64)
    content_type = fields.CharField(max_length=100)
    added_by = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.SET_NULL)
    added_by_client = fields.ForeignKeyField(
        "models.ApiClient", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    external_id = fields.CharField(max_length=100, null=True)

    class Meta:
        table = "documents"
        unique_together = (("contract", "external_id"),)
