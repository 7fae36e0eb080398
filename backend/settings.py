"""Settings from environment variables, with embedded defaults for `make run` and tests."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _list(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(item.strip() for item in value.split(",") if item.strip())


def _secret_from_var(var_dir: Path) -> str:
    # A development secret survives restarts so that sessions and demo tokens stay valid.
    var_dir.mkdir(parents=True, exist_ok=True)
    path = var_dir / "secret.key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


@dataclass(frozen=True)
class Settings:
    env: str = "development"
    var_dir: Path = ROOT / "var"
    database_url: str = ""
    redis_url: str = ""
    secret_key: str = ""
    jwt_issuer: str = "shanyraq"
    jwt_audience: str = "shanyraq-api"
    access_ttl_seconds: int = 15 * 60
    refresh_ttl_seconds: int = 30 * 24 * 3600
    messaging: str = "outbox"
    sms_http_url: str = ""
    sms_http_token: str = ""
    sms_sender: str = "Shanyraq"
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_from: str = "noreply@shanyraq.kz"
    allowed_origins: tuple[str, ...] = ()
    contract_source_url: str = ""
    contract_source_token: str = ""
    # The state registries of the housing queue: empty = the embedded demo registry of synthetic citizens.
    registry_url: str = ""
    registry_token: str = ""
    registry_timeout_seconds: float = 10.0
    spa_dist: Path = ROOT / "frontend" / "dist"
    # Values a test may lower to exercise limits quickly; production keeps the defaults.
    otp_ttl_seconds: int = 300
    otp_max_attempts: int = 5
    otp_resend_interval_seconds: int = 60
    otp_max_per_hour: int = 5
    otp_ip_resend_interval_seconds: int = 60
    otp_ip_max_per_hour: int = 5
    # Sign-in backoff (services/throttle.py): per (login, IP) pair and per IP across logins.
    login_free_failures: int = 5
    login_ip_free_failures: int = 50
    login_backoff_base_seconds: int = 1
    login_backoff_max_seconds: int = 15 * 60
    login_forget_seconds: int = 30 * 60  # a pair forgets one failure per this
    login_ip_forget_seconds: int = 36  # an IP forgets 100 failures an hour, for shared (NAT) addresses
    graphql_max_depth: int = 12
    graphql_max_aliases: int = 20
    graphql_max_tokens: int = 4000
    graphql_max_cost: int = 500  # selected fields, see backend/schema/cost.py; the SPA needs at most ~115, GraphiQL ~230
    graphql_max_body_bytes: int = 2 * 1024 * 1024  # a request body; files go through /uploads
    trusted_proxies: tuple[str, ...] = field(default_factory=tuple)
    # Files: "local" keeps them under var/files (the embedded default), "s3" in S3-compatible object storage.
    storage: str = "local"
    s3_endpoint_url: str = ""
    s3_bucket: str = ""
    s3_access_key_id: str = ""
    s3_secret_access_key: str = ""
    s3_region: str = "us-east-1"
    upload_max_bytes: int = 700 * 1024 * 1024
    upload_quota_bytes: int = 2 * 1024**3  # per owner: unfinished plus finished-but-unattached uploads
    upload_max_open: int = 50  # per owner, so that tiny uploads cannot pile up rows and multipart sessions
    upload_expiry_seconds: int = 24 * 3600
    upload_cleanup_interval_seconds: int = 600
    scheduler_interval_seconds: float = 20  # how often deferred jobs (next-working-day decisions) are looked for; 0 = off
    upload_lease_seconds: int = 60  # how long a dead worker's hold on an upload blocks its resumption
    # Electronic signatures (EDS). Without EDS_TRUST_ROOTS, development trusts the demo CA under
    # var/pki (generated on first use) and production trusts nothing, refusing every signature.
    eds_trust_roots: tuple[str, ...] = ()  # PEM/DER files of the national roots (RSA; GOST goes to the verifier)
    eds_intermediates: tuple[str, ...] = ()
    eds_crl_files: tuple[str, ...] = ()
    eds_crl_urls: tuple[str, ...] = ()  # fetched and cached until nextUpdate; only these are ever fetched
    eds_crl_refresh_seconds: int = 3600
    eds_revocation: str = "require"  # require | soft | none (see backend/pki/trust.py)
    eds_gost_verifier_url: str = ""  # an NCANode 3.x compatible POST /cms/verify endpoint
    eds_gost_verifier_token: str = ""
    eds_challenge_ttl_seconds: int = 120
    # The key the portal signs official PDFs (PAdES) with; development defaults to the demo KZhK key.
    pdf_signer_p12: str = ""
    pdf_signer_password: str = ""
    pdf_tsa_url: str = ""  # a timestamp authority makes PAdES B-T; without one, B-B
    public_url: str = ""  # where the SPA is served, for links such as the QR signing URL
    # Online payments (adapters/payments.py): "sandbox" is the embedded test acquirer with its own card
    # page; "http" a real acquirer's REST API at PAYMENTS_URL. The sandbox signs its webhooks with
    # PAYMENTS_SECRET, or in development with a secret derived from SECRET_KEY.
    payments: str = "sandbox"
    payments_url: str = ""
    payments_merchant_id: str = ""
    payments_secret: str = ""
    payments_timeout_seconds: float = 15.0

    @property
    def dev_mode(self) -> bool:
        return self.env != "production"

    @classmethod
    def from_env(cls, **overrides: object) -> "Settings":
        env = os.environ.get("SHANYRAQ_ENV", "development")
        var_dir = Path(os.environ.get("VAR_DIR", str(ROOT / "var"))).resolve()
        secret = os.environ.get("SECRET_KEY", "")
        if not secret:
            if env == "production":
                raise RuntimeError("SECRET_KEY must be set in production")
            secret = _secret_from_var(var_dir)
        database_url = os.environ.get("DATABASE_URL") or f"sqlite://{var_dir / 'shanyraq.sqlite3'}"
        settings = cls(
            env=env,
            var_dir=var_dir,
            database_url=database_url,
            redis_url=os.environ.get("REDIS_URL", ""),
            secret_key=secret,
            jwt_issuer=os.environ.get("JWT_ISSUER", cls.jwt_issuer),
            jwt_audience=os.environ.get("JWT_AUDIENCE", cls.jwt_audience),
            messaging=os.environ.get("MESSAGING", "outbox"),
            sms_http_url=os.environ.get("SMS_HTTP_URL", ""),
            sms_http_token=os.environ.get("SMS_HTTP_TOKEN", ""),
            smtp_host=os.environ.get("SMTP_HOST", ""),
            smtp_from=os.environ.get("SMTP_FROM", cls.smtp_from),
            allowed_origins=_list(os.environ.get("ALLOWED_ORIGINS")),
            contract_source_url=os.environ.get("CONTRACT_SOURCE_URL", ""),
            contract_source_token=os.environ.get("CONTRACT_SOURCE_TOKEN", ""),
            registry_url=os.environ.get("REGISTRY_URL", ""),
            registry_token=os.environ.get("REGISTRY_TOKEN", ""),
            registry_timeout_seconds=float(os.environ.get("REGISTRY_TIMEOUT_SECONDS", cls.registry_timeout_seconds)),
            spa_dist=Path(os.environ.get("SPA_DIST", str(ROOT / "frontend" / "dist"))),
            trusted_proxies=_list(os.environ.get("TRUSTED_PROXIES")),
            scheduler_interval_seconds=float(os.environ.get("SCHEDULER_INTERVAL_SECONDS", cls.scheduler_interval_seconds)),
            # A configured bucket means object storage unless STORAGE says otherwise.
            storage=os.environ.get("STORAGE") or ("s3" if os.environ.get("S3_BUCKET") else "local"),
            s3_endpoint_url=os.environ.get("S3_ENDPOINT_URL", ""),
            s3_bucket=os.environ.get("S3_BUCKET", ""),
            s3_access_key_id=os.environ.get("S3_ACCESS_KEY_ID", ""),
            s3_secret_access_key=os.environ.get("S3_SECRET_ACCESS_KEY", ""),
            s3_region=os.environ.get("S3_REGION", cls.s3_region),
            eds_trust_roots=_list(os.environ.get("EDS_TRUST_ROOTS")),
            eds_intermediates=_list(os.environ.get("EDS_INTERMEDIATES")),
            eds_crl_files=_list(os.environ.get("EDS_CRL_FILES")),
            eds_crl_urls=_list(os.environ.get("EDS_CRL_URLS")),
            eds_revocation=os.environ.get("EDS_REVOCATION", cls.eds_revocation),
            eds_gost_verifier_url=os.environ.get("EDS_GOST_VERIFIER_URL", ""),
            eds_gost_verifier_token=os.environ.get("EDS_GOST_VERIFIER_TOKEN", ""),
            pdf_signer_p12=os.environ.get("PDF_SIGNER_P12", ""),
            pdf_signer_password=os.environ.get("PDF_SIGNER_PASSWORD", ""),
            pdf_tsa_url=os.environ.get("PDF_TSA_URL", ""),
            public_url=os.environ.get("PUBLIC_URL", "").rstrip("/"),
            payments=os.environ.get("PAYMENTS", cls.payments),
            payments_url=os.environ.get("PAYMENTS_URL", "").rstrip("/"),
            payments_merchant_id=os.environ.get("PAYMENTS_MERCHANT_ID", ""),
            payments_secret=os.environ.get("PAYMENTS_SECRET", ""),
        )
        numeric = {
            f.name: int(os.environ[f.name.upper()])
            for f in fields(cls)
            if f.type in ("int", int) and os.environ.get(f.name.upper())
        }
        if numeric:
            settings = replace(settings, **numeric)
        if settings.storage not in ("local", "s3"):
            raise RuntimeError(f"STORAGE must be 'local' or 's3', not {settings.storage!r}")
        if settings.storage == "s3" and not settings.s3_bucket:
            raise RuntimeError("STORAGE=s3 needs S3_BUCKET")
        if settings.eds_revocation not in ("require", "soft", "none"):
            raise RuntimeError("EDS_REVOCATION must be require, soft or none")
        if settings.env == "production" and settings.messaging == "outbox":
            raise RuntimeError("MESSAGING=outbox is for development; configure a gateway")
        if settings.env == "production" and not settings.registry_url:
            # The demo registry knows only synthetic citizens: every real IIN would be "not found".
            raise RuntimeError("REGISTRY_URL must be set in production (the state registries gateway)")
        if settings.payments not in ("sandbox", "http"):
            raise RuntimeError(f"PAYMENTS must be 'sandbox' or 'http', not {settings.payments!r}")
        if settings.payments == "http" and not (settings.payments_url and settings.payments_merchant_id and settings.payments_secret):
            raise RuntimeError("PAYMENTS=http needs PAYMENTS_URL, PAYMENTS_MERCHANT_ID and PAYMENTS_SECRET")
        if settings.payments == "http" and not settings.public_url:
            # The acquirer sends the payer back and its webhooks to absolute URLs of the portal.
            raise RuntimeError("PAYMENTS=http needs PUBLIC_URL (the return and callback URLs)")
        if settings.env == "production" and settings.payments == "sandbox":
            # The sandbox takes no money: every "paid" account would owe the company what it shows as paid.
            raise RuntimeError("PAYMENTS=sandbox is for development; configure the acquirer (PAYMENTS=http)")
        return replace(settings, **overrides) if overrides else settings
