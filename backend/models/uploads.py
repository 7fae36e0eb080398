"""Resumable uploads (tus) before they become documents."""

from __future__ import annotations

from enum import Enum

from tortoise import fields, models


class UploadStatus(str, Enum):
    UPLOADING = "uploading"
    COMPLETE = "complete"  # every byte arrived, type and hash known; may be attached once
    ATTACHED = "attached"  # became a document
    REJECTED = "rejected"  # not a PDF, JPEG or PNG; its bytes are gone, the row says why until it expires


class Upload(models.Model):
    """One tus upload: who owns it, how far it got, what it turned out to be."""

    id = fields.CharField(max_length=64, primary_key=True)
    owner_user = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.CASCADE)
    owner_client = fields.ForeignKeyField("models.ApiClient", related_name=False, null=True, on_delete=fields.CASCADE)
    filename = fields.CharField(max_length=300, default="")
    length = fields.BigIntField()
    received = fields.BigIntField(default=0)
    status = fields.CharEnumField(UploadStatus, max_length=16, default=UploadStatus.UPLOADING)
    content_type = fields.CharField(max_length=100, null=True)
    sha256 = fields.CharField(max_length=64, null=True)
    storage_key = fields.CharField(max_length=500)
    reject_reason = fields.CharField(max_length=64, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    completed_at = fields.DatetimeField(null=True)
    # The machine's boot when the last byte arrived: after a reboot the bytes may not have reached
    # the disk, and are checked against `sha256` before a document may point at them.
    completed_boot = fields.CharField(max_length=64, default="")
    attached_at = fields.DatetimeField(null=True)
    expires_at = fields.DatetimeField(db_index=True)
    # A short, renewed hold by the request writing into the upload, so that two workers never
    # append at once; a worker that dies lets go when the time runs out.
    lease_token = fields.CharField(max_length=32, null=True)
    lease_until = fields.DatetimeField(null=True)

    class Meta:
        table = "uploads"
        indexes = (("owner_user", "status"),)
