"""The housing queue (order No. 130, seeds 002 and 003): applications to be put on the register of
those in need of housing, their hearings, the register itself with its numbers, and complaints."""

from __future__ import annotations

import uuid
from enum import Enum

from tortoise import fields, models

from backend.models.base import TimestampedModel


class QueueList(str, Enum):
    """The lists a locality keeps (Law on Housing Relations art. 74)."""

    GENERAL = "general"
    VULNERABLE = "vulnerable"  # socially vulnerable categories of art. 74 §1


class Representation(str, Enum):
    SELF = "self"
    TRUSTEE = "trustee"  # by a power of attorney
    LEGAL_REPRESENTATIVE = "legal_representative"  # parent or guardian of a minor


class QueueStatus(str, Enum):
    FILED = "filed"  # signed and accepted; the automatic check runs at once or on the next working day
    IN_REVIEW = "in_review"  # the emergency-housing path: a queue officer reviews (3 working days)
    HEARING = "hearing"  # a preliminary refusal was sent; the hearing is pending (§16)
    REGISTERED = "registered"  # on the register with a date and a queue number
    REFUSED = "refused"  # a reasoned refusal, signed with EDS
    REMOVED = "removed"  # was registered, then taken off the register


class SigningMethod(str, Enum):
    EDS = "eds"
    SMS = "sms"  # a one-time password to a phone registered in the mobile citizens' base


class QueueApplication(TimestampedModel):
    """One application of Appendix 2: who is to be registered, by whom, on what grounds."""

    number = fields.CharField(max_length=32, unique=True)  # what the public list is searched by
    filed_by = fields.ForeignKeyField("models.User", related_name="queue_filings", on_delete=fields.RESTRICT)
    # The person who is to be registered (the filer themself unless represented).
    person_iin = fields.CharField(max_length=12, db_index=True)
    person = fields.JSONField(default=dict)  # the registry's data at filing time, never typed by anyone
    representation = fields.CharEnumField(Representation, max_length=32, default=Representation.SELF)
    representative = fields.JSONField(default=dict)  # the filer's registry data when representing
    locality = fields.CharField(max_length=32, db_index=True)
    list_kind = fields.CharEnumField(QueueList, max_length=16, default=QueueList.GENERAL)
    categories = fields.JSONField(default=list)  # art. 74 §1 codes the applicant chose
    emergency = fields.BooleanField(default=False)  # the only home is declared in emergency condition
    consents = fields.JSONField(default=dict)  # code -> {"at": iso time, "signature": method}
    phone = fields.CharField(max_length=20, default="")
    email = fields.CharField(max_length=254, default="")
    status = fields.CharEnumField(QueueStatus, max_length=16, default=QueueStatus.FILED, db_index=True)
    status_changed_at = fields.DatetimeField(null=True)
    filed_at = fields.DatetimeField()
    business_date = fields.DateField()  # the working day the application counts from
    decision_due = fields.DateField()  # 1 working day, or 3 on the emergency path
    notify_due = fields.DateField()  # the decision reaches the applicant within 3 working days
    signing_method = fields.CharEnumField(SigningMethod, max_length=8)
    signed_digest = fields.CharField(max_length=64, default="")
    checks = fields.JSONField(default=list)  # the eligibility checks' results: [{code, passed, ...}]
    reasons = fields.JSONField(default=list)  # refusal reason codes of the (preliminary) decision
    decided_at = fields.DatetimeField(null=True)
    decided_by = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.SET_NULL)
    registered_at = fields.DatetimeField(null=True)  # the registration date and time that orders the queue
    queue_number = fields.IntField(null=True)  # the number given at registration (the entry holds today's)
    request_id = fields.CharField(max_length=64, null=True)

    class Meta:
        table = "queue_applications"
        unique_together = (("filed_by", "request_id"),)


class QueueSignature(models.Model):
    """How an application (or an officer's decision) was signed: a verified CMS, or an SMS code."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    application = fields.ForeignKeyField("models.QueueApplication", related_name="signatures", on_delete=fields.CASCADE)
    purpose = fields.CharField(max_length=32)  # application | decision | hearing_result
    method = fields.CharEnumField(SigningMethod, max_length=8)
    digest = fields.CharField(max_length=64)
    cms = fields.TextField(default="")
    phone = fields.CharField(max_length=20, default="")  # the SMS path: where the code went
    signer_name = fields.CharField(max_length=300, default="")
    signer_iin = fields.CharField(max_length=12, default="")
    certificate_serial = fields.CharField(max_length=80, default="")
    signed_by = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.SET_NULL)
    signed_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "queue_signatures"


class QueueFileKind(str, Enum):
    TECHNICAL_CONCLUSION = "technical_conclusion"  # the expert's conclusion on emergency housing
    HEARING_POSITION = "hearing_position"  # the applicant's files for the hearing
    PRELIMINARY_NOTICE = "preliminary_notice"
    CERTIFICATE_KK = "certificate_kk"
    CERTIFICATE_RU = "certificate_ru"
    COMPLAINT = "complaint"  # files attached to a complaint
    COMPLAINT_ANSWER = "complaint_answer"


class QueueFile(TimestampedModel):
    """A file of a queue application: uploaded by the applicant or produced by the provider."""

    application = fields.ForeignKeyField("models.QueueApplication", related_name="files", on_delete=fields.CASCADE)
    kind = fields.CharEnumField(QueueFileKind, max_length=32)
    title = fields.CharField(max_length=300)
    storage_key = fields.CharField(max_length=500)
    size = fields.BigIntField()
    sha256 = fields.CharField(max_length=64)
    content_type = fields.CharField(max_length=100, default="application/pdf")
    hearing = fields.ForeignKeyField("models.QueueHearing", related_name="files", null=True, on_delete=fields.CASCADE)
    complaint = fields.ForeignKeyField("models.QueueComplaint", related_name="files", null=True, on_delete=fields.CASCADE)
    added_by = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.SET_NULL)

    class Meta:
        table = "queue_files"


class HearingOutcome(str, Enum):
    REGISTERED = "registered"
    REFUSED = "refused"


class QueueHearing(TimestampedModel):
    """The preliminary decision and the hearing before any refusal (§16)."""

    application = fields.ForeignKeyField("models.QueueApplication", related_name="hearings", on_delete=fields.CASCADE)
    reasons = fields.JSONField(default=list)  # the grounds the preliminary decision names
    notice_sent_at = fields.DatetimeField()
    notice_date = fields.DateField()
    hearing_due = fields.DateField()  # within 2 working days of the notice
    position_text = fields.TextField(default="")
    position_submitted_at = fields.DatetimeField(null=True)
    outcome = fields.CharEnumField(HearingOutcome, max_length=16, null=True)
    outcome_reasoning = fields.TextField(default="")
    held_at = fields.DatetimeField(null=True)
    officer = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.SET_NULL)

    class Meta:
        table = "queue_hearings"


class QueueListHead(models.Model):
    """How long one list of one locality is; its row is locked while a number is given or freed."""

    id = fields.IntField(primary_key=True)
    locality = fields.CharField(max_length=32)
    list_kind = fields.CharEnumField(QueueList, max_length=16)
    length = fields.IntField(default=0)

    class Meta:
        table = "queue_list_heads"
        unique_together = (("locality", "list_kind"),)


class QueueEntry(models.Model):
    """One place on the register. `position` is today's queue number, kept dense within the list
    so that reading it is one primary-key lookup whatever the list's size."""

    id = fields.BigIntField(primary_key=True)
    application = fields.OneToOneField("models.QueueApplication", related_name="entry", on_delete=fields.RESTRICT)
    locality = fields.CharField(max_length=32)
    list_kind = fields.CharEnumField(QueueList, max_length=16)
    registered_at = fields.DatetimeField()
    position = fields.IntField(null=True)  # null once the entry left the list
    published = fields.BooleanField(default=False)  # the applicant consented to publication
    masked_name = fields.CharField(max_length=120, default="")
    application_number = fields.CharField(max_length=32, db_index=True)
    left_at = fields.DatetimeField(null=True)
    left_reason = fields.CharField(max_length=64, default="")

    class Meta:
        table = "queue_entries"
        indexes = (("locality", "list_kind", "position"), ("locality", "list_kind", "published", "position"))


class QueueMovement(models.Model):
    """An entry left a list and everyone behind it moved up by one; rows are only ever added.
    "Why my number changed" is read from these."""

    id = fields.BigIntField(primary_key=True)
    locality = fields.CharField(max_length=32)
    list_kind = fields.CharEnumField(QueueList, max_length=16)
    vacated_position = fields.IntField()
    reason = fields.CharField(max_length=64)  # housing_provided | removed_on_request | ... (stable codes)
    entry = fields.ForeignKeyField("models.QueueEntry", related_name="movements", on_delete=fields.RESTRICT)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "queue_movements"
        indexes = (("locality", "list_kind", "id"),)


class ComplaintAddressee(str, Enum):
    PROVIDER = "provider"  # the provider's head: 5 working days
    QUALITY_AUTHORITY = "quality_authority"  # the service-quality authority: 15 working days


class ComplaintStatus(str, Enum):
    REGISTERED = "registered"
    IN_REVIEW = "in_review"
    SATISFIED = "satisfied"
    REJECTED = "rejected"
    FORWARDED = "forwarded"  # the provider did not satisfy it and sent it on to the authority


class QueueComplaint(TimestampedModel):
    """A complaint against a decision on a queue application (§§18–19)."""

    number = fields.CharField(max_length=32, unique=True)
    application = fields.ForeignKeyField("models.QueueApplication", related_name="complaints", on_delete=fields.RESTRICT)
    author = fields.ForeignKeyField("models.User", related_name="queue_complaints", on_delete=fields.RESTRICT)
    addressee = fields.CharEnumField(ComplaintAddressee, max_length=32)
    text = fields.TextField()
    status = fields.CharEnumField(ComplaintStatus, max_length=16, default=ComplaintStatus.REGISTERED, db_index=True)
    registered_on = fields.DateField()
    due = fields.DateField()  # 5 or 15 working days from registration
    satisfy_due = fields.DateField(null=True)  # the provider may satisfy it within 3 working days
    answer = fields.TextField(default="")
    answered_by = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.SET_NULL)
    answered_at = fields.DatetimeField(null=True)
    request_id = fields.CharField(max_length=64, null=True)

    class Meta:
        table = "queue_complaints"
        unique_together = (("author", "request_id"),)
