"""Resumable uploads (tus) before they become documents."""

from __future__ import annotations

from enum import Enum

from tortoise import fields, models


class UploadStatus(str, Enum):
    UPLOADING = "uploading"
    COMPLETE = "complete"  # every byte arrived, type and hash known; may be attached once
    ATTACHED = "attached"  # became a document
    REJECTED = "rejected"  # wrong type, or the owner's quota


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
    created_at = fields.DatetimeField(auto_now_add=True)
    completed_at = fields.DatetimeField(null=True)
    expires_at = fields.DatetimeField(db_index=True)

    class Meta:
        table = "uploads"
