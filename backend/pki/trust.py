"""Whether a certificate chains to a trust root and is valid, unexpired and unrevoked at a moment."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from pathlib import Path

from asn1crypto import pem, x509
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.errors import (
    DisallowedAlgorithmError,
    ExpiredError,
    InsufficientRevinfoError,
    InvalidCertificateError,
    NotYetValidError,
    PathBuildingError,
    PathValidationError,
    RevokedError,
    ValidationError,
)
from pyhanko_certvalidator.path import ValidationPath
from pyhanko_certvalidator.policy_decl import CertRevTrustPolicy, RevocationCheckingPolicy, RevocationCheckingRule

from backend.pki.crls import CrlSource
from backend.pki.errors import (
    CERT_EXPIRED,
    CERT_NOT_YET_VALID,
    CERT_REVOKED,
    CERT_UNTRUSTED,
    CRL_UNAVAILABLE,
    UNSUPPORTED_ALGORITHM,
    SignatureError,
)

log = logging.getLogger(__name__)

# "require": every end-entity certificate needs a CRL of its issuer (the national CA publishes one);
# a CA certificate is checked when it names a distribution point and the list is at hand.
# "soft": check whatever lists are at hand, never refuse for a missing one. "none": no revocation check.
REVOCATION_MODES = ("require", "soft", "none")


def load_certificates(paths: Iterable[Path]) -> list[x509.Certificate]:
    """PEM bundles or DER files; a file that cannot be read is a configuration error and fails loudly."""
    found: list[x509.Certificate] = []
    for path in paths:
        data = Path(path).read_bytes()
        if pem.detect(data):
            for kind, _, der in pem.unarmor(data, multiple=True):
                if kind == "CERTIFICATE":
                    found.append(x509.Certificate.load(der))
        else:
            found.append(x509.Certificate.load(data))
    return found


def _policy(mode: str, retroactive: bool) -> CertRevTrustPolicy:
    if mode == "none":
        rules = (RevocationCheckingRule.NO_CHECK, RevocationCheckingRule.NO_CHECK)
    elif mode == "soft":
        rules = (RevocationCheckingRule.CHECK_IF_DECLARED_SOFT, RevocationCheckingRule.CHECK_IF_DECLARED_SOFT)
    else:
        rules = (RevocationCheckingRule.CRL_REQUIRED, RevocationCheckingRule.CHECK_IF_DECLARED)
    return CertRevTrustPolicy(RevocationCheckingPolicy(*rules), retroactive_revinfo=retroactive)


class TrustStore:
    """Trust roots, known intermediates and revocation lists; one per running portal."""

    def __init__(
        self,
        roots: list[x509.Certificate],
        intermediates: list[x509.Certificate] | None = None,
        crls: CrlSource | None = None,
        revocation: str = "require",
    ):
        if revocation not in REVOCATION_MODES:
            raise ValueError(f"revocation mode must be one of {REVOCATION_MODES}, not {revocation!r}")
        self.roots = roots
        self.intermediates = intermediates or []
        self.crls = crls or CrlSource()
        self.revocation = revocation
        if not roots:
            log.warning("no EDS trust roots configured: every signature will be refused as CERT_UNTRUSTED")

    async def context(self, extra_certs: Iterable[x509.Certificate] = (), at: dt.datetime | None = None) -> ValidationContext:
        return ValidationContext(
            trust_roots=list(self.roots),
            other_certs=[*self.intermediates, *extra_certs],
            moment=at,
            allow_fetching=False,
            crls=await self.crls.current() if self.revocation != "none" else [],
            # Judging a past moment with today's list: an entry revoked after that moment does not count.
            revinfo_policy=_policy(self.revocation, retroactive=at is not None),
        )

    async def validate(
        self, cert: x509.Certificate, extra_certs: Iterable[x509.Certificate] = (), at: dt.datetime | None = None
    ) -> ValidationPath:
        """The validated path, or SignatureError with the first problem found."""
        if not self.roots:
            raise SignatureError(CERT_UNTRUSTED, "no trust roots are configured")
        context = await self.context(extra_certs, at)
        validator = CertificateValidator(cert, validation_context=context)
        try:
            return await validator.async_validate_usage(set())
        except PathBuildingError:
            raise SignatureError(CERT_UNTRUSTED, "the certificate does not chain to a trusted root") from None
        except RevokedError as exc:
            raise SignatureError(CERT_REVOKED, "the certificate is revoked",
                                 revoked_at=exc.revocation_dt.isoformat()) from None
        except InsufficientRevinfoError:
            raise SignatureError(CRL_UNAVAILABLE, "no current revocation list for the issuer") from None
        except ExpiredError:
            raise SignatureError(CERT_EXPIRED, "the certificate has expired") from None
        except NotYetValidError:
            raise SignatureError(CERT_NOT_YET_VALID, "the certificate is not valid yet") from None
        except DisallowedAlgorithmError:
            raise SignatureError(UNSUPPORTED_ALGORITHM, "the certificate chain uses a refused algorithm") from None
        except (PathValidationError, InvalidCertificateError, ValidationError) as exc:
            log.info("certificate path refused: %s", exc)
            raise SignatureError(CERT_UNTRUSTED, "the certificate path is not valid") from None
