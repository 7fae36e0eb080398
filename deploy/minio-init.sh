#!/bin/sh
# Runs in the minio/mc image as the `minio-init` job of docker-compose.yml: creates the
# portal's bucket and an access key limited to it. Every step is idempotent, so the job
# can run on each `docker compose up`.
set -eu

mc alias set store http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null
mc mb --ignore-existing "store/$S3_BUCKET"

cat >/tmp/policy.json <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"],
     "Resource": ["arn:aws:s3:::$S3_BUCKET"]},
    {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject",
                                   "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
     "Resource": ["arn:aws:s3:::$S3_BUCKET/*"]}
  ]
}
POLICY
mc admin policy create store shanyraq-app /tmp/policy.json >/dev/null
# `user add` on an existing key only updates its secret, which is what a rotated .env wants.
mc admin user add store "$S3_ACCESS_KEY_ID" "$S3_SECRET_ACCESS_KEY" >/dev/null
if ! mc admin user info store "$S3_ACCESS_KEY_ID" | grep -q shanyraq-app; then
    mc admin policy attach store shanyraq-app --user "$S3_ACCESS_KEY_ID"
fi
echo "bucket $S3_BUCKET ready for $S3_ACCESS_KEY_ID"
