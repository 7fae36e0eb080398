"""Applications of legal entities to the Kazakhstan Housing Company (seed 001) and their files."""

from __future__ import annotations

import uuid
from enum import Enum

from tortoise import fields, models

from backend.models.base import TimestampedModel


class ApplicationStatus(str, Enum):
    DRAFT = "draft"  # 1 Жасауда
    SENT = "sent"  # 2 Өтінім жіберілді
    REGISTERED = "registered"  # 3 Өтінім тіркелген
    IN_REVIEW = "in_review"  # 4 Өтінім қарауда
    NEEDS_REVISION = "needs_revision"  # 5 Өтінім қаралды, пысықтау қажет
    REJECTED = "rejected"  # 6 Өтінім қабылданбады
    APPROVED = "approved"  # 7 Өтінім мақұлданды, ҚК дайындалуда
    SA_PARTIES_SIGNING = "sa_parties_signing"  # 8 Өтініш берушінің ҚК-ға қол қоюы
    SA_KZHK_SIGNING = "sa_kzhk_signing"  # 9 «ҚТК» АҚ КҚ-ға қол қоюы
    SA_SIGNED = "sa_signed"  # 10 КҚ қол қойылды


class ApplicationFileKind(str, Enum):
    REVISION_NOTICE = "revision_notice"
    REJECTION_NOTICE = "rejection_notice"
    SA_DRAFT = "sa_draft"
    SA_SIGNED = "sa_signed"


class SignatureStage(str, Enum):
    APPLICATION = "application"
    SUPPLEMENTARY_AGREEMENT = "supplementary_agreement"


class SignerRole(str, Enum):
    APPLICANT = "applicant"
    DEVELOPER = "developer"
    KZHK = "kzhk"


class Application(TimestampedModel):
    """An application of a legal entity to amend its contract with KZhK, from draft to signed SA."""

    number = fields.CharField(max_length=32, unique=True)
    applicant_org = fields.ForeignKeyField("models.Organization", related_name="applications", on_delete=fields.RESTRICT)
    created_by = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.SET_NULL)
    contract = fields.ForeignKeyField("models.Contract", related_name="applications", on_delete=fields.RESTRICT)
    type = fields.CharField(max_length=64)
    category = fields.CharField(max_length=64)
    category_other = fields.TextField(default="")
    form = fields.JSONField(default=dict)
    status = fields.CharEnumField(ApplicationStatus, max_length=32, default=ApplicationStatus.DRAFT, db_index=True)
    version = fields.IntField(default=1)
    content_digest = fields.CharField(max_length=64, default="")
    terms_accepted_at = fields.DatetimeField(null=True)
    terms_version = fields.CharField(max_length=32, default="")
    sent_at = fields.DatetimeField(null=True)
    registration_number = fields.CharField(max_length=64, default="")
    registered_on = fields.DateField(null=True)
    review_deadline = fields.DateField(null=True)
    executor_name = fields.CharField(max_length=200, default="")
    executor_phone = fields.CharField(max_length=32, default="")
    revision_deadline = fields.DateField(null=True)
    sa_number = fields.CharField(max_length=64, default="")
    sa_date = fields.DateField(null=True)
    status_changed_at = fields.DatetimeField(null=True)
    # The client's own id of the create request: a double click or a retry creates one application.
    request_id = fields.CharField(max_length=64, null=True)

    class Meta:
        table = "applications"
        unique_together = (("created_by", "request_id"),)


class ApplicationDocument(TimestampedModel):
    """A supporting document of an application (the signed and sealed official letter, …)."""

    application = fields.ForeignKeyField("models.Application", related_name="documents", on_delete=fields.CASCADE)
    requirement = fields.CharField(max_length=64)
    title = fields.CharField(max_length=300)
    storage_key = fields.CharField(max_length=500)
    size = fields.BigIntField()
    sha256 = fields.CharField(max_length=64)
    content_type = fields.CharField(max_length=100)

    class Meta:
        table = "application_documents"


class ApplicationFile(TimestampedModel):
    """A file KZhK produced for an application: notices, the SA draft, the signed SA."""

    application = fields.ForeignKeyField("models.Application", related_name="files", on_delete=fields.CASCADE)
    kind = fields.CharEnumField(ApplicationFileKind, max_length=32)
    title = fields.CharField(max_length=300)
    storage_key = fields.CharField(max_length=500)
    size = fields.BigIntField()
    sha256 = fields.CharField(max_length=64)
    content_type = fields.CharField(max_length=100, default="application/pdf")
    signed = fields.BooleanField(default=False)

    class Meta:
        table = "application_files"


class ApplicationSignature(models.Model):
    """A verified signature: of the application (one per version) or of the supplementary agreement."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    application = fields.ForeignKeyField("models.Application", related_name="signatures", on_delete=fields.CASCADE)
    stage = fields.CharEnumField(SignatureStage, max_length=32)
    role = fields.CharEnumField(SignerRole, max_length=16)
    version = fields.IntField()
    digest = fields.CharField(max_length=64)
    cms = fields.TextField()
    method = fields.CharField(max_length=8)  # eds | qr
    signer_name = fields.CharField(max_length=300)
    signer_iin = fields.CharField(max_length=12, default="")
    signer_bin = fields.CharField(max_length=12, default="")
    certificate_serial = fields.CharField(max_length=80)
    certificate_issuer = fields.CharField(max_length=300)
    signed_by = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.SET_NULL)
    signed_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "application_signatures"
