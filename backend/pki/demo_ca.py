"""A demo certification authority shaped like Kazakhstan's NCA, generated once under VAR_DIR/pki.

A root ("ҚР ТҮБІРЛІК КО (RSA) DEMO", the root CA of Kazakhstan) issues an intermediate
("ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA) DEMO", the NCA; common names stop at 64 bytes of UTF-8), which issues every holder two certificates as the NCA
does: AUTH (sign-in) and RSA (signing). Each root publishes a CRL. Alongside them: certificates that
must be refused (expired, not yet valid, revoked, wrong key usage, from an untrusted root, GOST).

Idempotent: a second run reuses the files; it only re-signs a CRL that nears its nextUpdate and
reissues the holders' certificates when one nears its end. Nothing here is valid outside the demo.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from asn1crypto import core, keys as akeys, pem, x509 as ax509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from backend.pki.certinfo import KEY_USER_OIDS

DEMO_PASSWORD = "Demo-EDS-2026!"
MANIFEST_VERSION = 1
CRL_BASE = "http://crl.demo.shanyraq.kz"
KZHK_BIN = "080540014021"
KZHK_NAME = "АО «Казахстанская жилищная компания»"
KZHK_SIGNER = "kzhk-operator-sign"  # the key the server signs official PDFs with in the demo

ROOT_CN = "ҚР ТҮБІРЛІК КО (RSA) DEMO"
INTERMEDIATE_CN = "ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA) DEMO"
UNTRUSTED_CN = "ЖАЛҒАН КО (untrusted DEMO)"

# Kazakhstan's GOST 34.10-2015 (512) signature OID: the marker certificate only names it.
GOST_KEY_OID = "1.2.398.3.10.1.1.2.3.2"

_DAY = dt.timedelta(days=1)
_CRL_LIFETIME = 365 * _DAY
_CRL_RENEW_BEFORE = 60 * _DAY
_LEAF_LIFETIME = 3 * 365 * _DAY
_LEAF_RENEW_BEFORE = 30 * _DAY


@dataclass(frozen=True)
class Holder:
    surname: str
    name: str
    patronymic: str
    iin: str
    organization: str | None = None
    bin: str | None = None
    role: str | None = None  # NCA key user of an employee: CEO, CAN_SIGN, EMPLOYEE…

    @property
    def common_name(self) -> str:
        return f"{self.surname} {self.name}"


CITIZEN = Holder("САДЫҚОВА", "ӘЙГЕРІМ", "НҰРЛАНҚЫЗЫ", "900515300197")
BAYTEREK_DIRECTOR = Holder("ТӨЛЕГЕНОВ", "АСХАТ", "СЕРІКҰЛЫ", "780212300122",
                           "ТОО «Байтерек Девелопмент»", "040640406657", "CEO")
ALATAU_DIRECTOR = Holder("ИСАЕВА", "ГҮЛЖАН", "МАРАТҚЫЗЫ", "850719400230",
                         "ТОО «Алатау Құрылыс»", "150940012342", "CEO")
KZHK_OPERATOR = Holder("ОСПАНОВА", "ГҮЛНАР", "ЕРЛАНҚЫЗЫ", "880321400453", KZHK_NAME, KZHK_BIN, "CAN_SIGN")
# The housing-queue provider's officer: signs hearing results and decisions (order No. 130, §16).
QUEUE_OFFICER = Holder("ЖҰМАБЕКОВ", "ЕРЛАН", "ҚАЙРАТҰЛЫ", "870911300002", "АҚ «Отбасы банк»", "980240000603", "CAN_SIGN")


@dataclass(frozen=True)
class Spec:
    """One demo certificate: who holds it, what it is for, and what is wrong with it on purpose."""

    name: str
    holder: Holder
    purpose: str  # auth | sign | none
    case: str = "valid"  # valid | expired | not_yet_valid | revoked | wrong_usage | untrusted | gost
    key: str = "rsa"  # rsa | ec
    note: str = ""


SPECS: tuple[Spec, ...] = (
    Spec("citizen-auth", CITIZEN, "auth", note="sign in as the citizen"),
    Spec("citizen-sign", CITIZEN, "sign", note="sign as the citizen"),
    Spec("citizen-sign-ec", CITIZEN, "sign", key="ec", note="ECDSA P-256 signing certificate"),
    Spec("bayterek-director-auth", BAYTEREK_DIRECTOR, "auth", note="sign in to ТОО «Байтерек Девелопмент»"),
    Spec("bayterek-director-sign", BAYTEREK_DIRECTOR, "sign", note="sign for ТОО «Байтерек Девелопмент»"),
    Spec("alatau-director-auth", ALATAU_DIRECTOR, "auth", note="sign in to ТОО «Алатау Құрылыс»"),
    Spec("alatau-director-sign", ALATAU_DIRECTOR, "sign", note="sign for ТОО «Алатау Құрылыс»"),
    Spec("kzhk-operator-auth", KZHK_OPERATOR, "auth", note="sign in as the KZhK operator"),
    Spec(KZHK_SIGNER, KZHK_OPERATOR, "sign", note="KZhK signatures; the server signs official PDFs with it"),
    Spec("queue-officer-auth", QUEUE_OFFICER, "auth", note="sign in as the housing-queue officer"),
    Spec("queue-officer-sign", QUEUE_OFFICER, "sign", note="sign hearing results and queue decisions"),
    Spec("test-expired-sign", CITIZEN, "sign", "expired", note="refused: CERT_EXPIRED"),
    Spec("test-not-yet-valid-sign", CITIZEN, "sign", "not_yet_valid", note="refused: CERT_NOT_YET_VALID"),
    Spec("test-revoked-sign", CITIZEN, "sign", "revoked", note="refused: CERT_REVOKED (listed in the CRL)"),
    Spec("test-wrong-usage", CITIZEN, "none", "wrong_usage", note="keyEncipherment only; refused: KEY_USAGE_INVALID"),
    Spec("test-untrusted-sign", CITIZEN, "sign", "untrusted", note="from another root; refused: CERT_UNTRUSTED"),
    Spec("test-gost-marker", CITIZEN, "sign", "gost", note="names a GOST key; certificate only, no private key"),
)


@dataclass(frozen=True)
class DemoCert:
    name: str
    p12: Path | None
    pem: Path
    password: str
    holder: Holder
    purpose: str
    case: str
    serial: str
    note: str


@dataclass
class DemoCa:
    directory: Path
    root: Path
    intermediate: Path
    root_crl: Path
    intermediate_crl: Path
    untrusted_root: Path
    certs: dict[str, DemoCert] = field(default_factory=dict)

    @property
    def trust_roots(self) -> tuple[Path, ...]:
        return (self.root,)

    @property
    def intermediates(self) -> tuple[Path, ...]:
        return (self.intermediate,)

    @property
    def crl_files(self) -> tuple[Path, ...]:
        return (self.intermediate_crl, self.root_crl)

    @property
    def pdf_signer(self) -> DemoCert:
        return self.certs[KZHK_SIGNER]


def paths(directory: Path) -> DemoCa:
    """Where the demo CA lives, whether or not it was generated yet."""
    return DemoCa(
        directory=directory,
        root=directory / "root-ca.pem",
        intermediate=directory / "intermediate-ca.pem",
        root_crl=directory / "root-ca.crl",
        intermediate_crl=directory / "intermediate-ca.crl",
        untrusted_root=directory / "untrusted-root-ca.pem",
    )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


@contextlib.contextmanager
def _locked(directory: Path) -> Iterator[None]:
    # Several workers may start at once; only one generates, the others then reuse its files.
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_demo_ca(directory: Path) -> DemoCa:
    """The demo CA under `directory`, generated on first use and kept current afterwards."""
    with _locked(directory):
        ca = paths(directory)
        manifest = _read_manifest(directory)
        if manifest is None or not _complete(ca, manifest):
            manifest = _generate(ca)
        else:
            manifest = _maintain(ca, manifest)
        return _load(ca, manifest)


# Generation


def _rsa_key(bits: int = 2048) -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn), x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ")])


def _holder_name(holder: Holder) -> x509.Name:
    # The order of an NCA subject: CN, SURNAME, SERIALNUMBER, C, [O, OU], G.
    attrs = [
        x509.NameAttribute(NameOID.COMMON_NAME, holder.common_name),
        x509.NameAttribute(NameOID.SURNAME, holder.surname),
        x509.NameAttribute(NameOID.SERIAL_NUMBER, f"IIN{holder.iin}"),
        x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
    ]
    if holder.organization and holder.bin:
        attrs += [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, holder.organization),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, f"BIN{holder.bin}"),
        ]
    attrs.append(x509.NameAttribute(NameOID.GIVEN_NAME, holder.patronymic))
    return x509.Name(attrs)


def _ca_cert(subject: x509.Name, key, issuer_name: x509.Name, issuer_key, not_before, not_after,
             path_length: int | None, crl_url: str | None) -> x509.Certificate:
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=True, path_length=path_length), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False)
    )
    if crl_url:
        builder = builder.add_extension(_cdp(crl_url), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def _cdp(url: str) -> x509.CRLDistributionPoints:
    return x509.CRLDistributionPoints(
        [x509.DistributionPoint([x509.UniformResourceIdentifier(url)], None, None, None)]
    )


def _usage(spec: Spec) -> tuple[x509.KeyUsage, list[x509.ObjectIdentifier]]:
    def ku(digital=False, nonrep=False, encipher=False) -> x509.KeyUsage:
        return x509.KeyUsage(digital, nonrep, encipher, False, False, False, False, False, False)

    roles = [x509.ObjectIdentifier(KEY_USER_OIDS["INDIVIDUAL"])]
    if spec.holder.bin:
        roles = [x509.ObjectIdentifier(KEY_USER_OIDS["ORGANIZATION"])]
        if spec.holder.role:
            roles.append(x509.ObjectIdentifier(KEY_USER_OIDS[spec.holder.role]))
    if spec.case == "wrong_usage":
        return ku(encipher=True), roles
    if spec.purpose == "auth":
        return ku(digital=True, encipher=spec.key == "rsa"), [ExtendedKeyUsageOID.CLIENT_AUTH, *roles]
    return ku(digital=True, nonrep=True), [ExtendedKeyUsageOID.EMAIL_PROTECTION, *roles]


def _leaf(spec: Spec, key, issuer_cert: x509.Certificate, issuer_key, now: dt.datetime) -> x509.Certificate:
    not_before, not_after = now - _DAY, now + _LEAF_LIFETIME
    if spec.case == "expired":
        not_before, not_after = now - 2 * 365 * _DAY, now - _DAY
    elif spec.case == "not_yet_valid":
        not_before, not_after = now + 5 * 365 * _DAY, now + 6 * 365 * _DAY
    key_usage, eku = _usage(spec)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_holder_name(spec.holder))
        .issuer_name(issuer_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(key_usage, critical=True)
        .add_extension(x509.ExtendedKeyUsage(eku), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False)
    )
    if spec.case != "untrusted":
        builder = builder.add_extension(_cdp(f"{CRL_BASE}/intermediate-ca.crl"), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def _gost_marker(spec: Spec, issuer_cert: x509.Certificate, issuer_key, now: dt.datetime) -> bytes:
    """A certificate whose key is GOST: cryptography cannot build one, so it is assembled with asn1crypto
    (the issuer still signs it with RSA; only the holder's key algorithm matters to the router)."""
    template = _leaf(Spec(spec.name, spec.holder, "sign"), ec.generate_private_key(ec.SECP256R1()),
                     issuer_cert, issuer_key, now)
    tbs = ax509.Certificate.load(template.public_bytes(serialization.Encoding.DER))["tbs_certificate"].copy()

    class _AlgorithmId(core.Sequence):
        _fields = [("algorithm", core.ObjectIdentifier), ("parameters", core.Any, {"optional": True})]

    class _Spki(core.Sequence):
        _fields = [("algorithm", _AlgorithmId), ("public_key", core.OctetBitString)]

    spki = _Spki({"algorithm": {"algorithm": GOST_KEY_OID}, "public_key": secrets.token_bytes(128)})
    tbs["subject_public_key_info"] = akeys.PublicKeyInfo.load(spki.dump())
    # The subject key identifier must follow the new key, or tools would pair it with the template's.
    tbs["extensions"] = ax509.Extensions([
        ext for ext in tbs["extensions"] if ext["extn_id"].native != "key_identifier"
    ] + [ax509.Extension({"extn_id": "key_identifier", "critical": False,
                          "extn_value": core.OctetString(secrets.token_bytes(20))})])
    signature = issuer_key.sign(tbs.dump(), padding.PKCS1v15(), hashes.SHA256())
    cert = ax509.Certificate({
        "tbs_certificate": tbs,
        "signature_algorithm": {"algorithm": "sha256_rsa"},
        "signature_value": signature,
    })
    return cert.dump()


def _crl(issuer_cert: x509.Certificate, issuer_key, revoked: list[tuple[int, dt.datetime]], number: int,
         now: dt.datetime) -> bytes:
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(issuer_cert.subject)
        .last_update(now - dt.timedelta(hours=1))
        .next_update(now + _CRL_LIFETIME)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False)
        .add_extension(x509.CRLNumber(number), critical=False)
    )
    for serial, when in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(serial)
            .revocation_date(when)
            .add_extension(x509.CRLReason(x509.ReasonFlags.key_compromise), critical=False)
            .build()
        )
    return builder.sign(issuer_key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


def _write(path: Path, data: bytes, private: bool = False) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    if private:
        tmp.chmod(0o600)
    os.replace(tmp, path)


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def _key_pem(key) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())


def _p12(name: str, key, cert: x509.Certificate, chain: list[x509.Certificate], password: str) -> bytes:
    # PBES2 with AES-256 and a SHA-256 MAC: what current browsers' PKI libraries and NCALayer read.
    encryption = (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(50_000)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(password.encode())
    )
    return pkcs12.serialize_key_and_certificates(name.encode(), key, cert, chain, encryption)


def _generate(ca: DemoCa) -> dict:
    directory = ca.directory
    private = directory / "private"
    private.mkdir(parents=True, exist_ok=True)
    private.chmod(0o700)
    now = _now()

    root_key, intermediate_key, untrusted_key = _rsa_key(), _rsa_key(), _rsa_key()
    root = _ca_cert(_name(ROOT_CN), root_key, _name(ROOT_CN), root_key, now - 5 * 365 * _DAY,
                    now + 20 * 365 * _DAY, None, None)
    intermediate = _ca_cert(_name(INTERMEDIATE_CN), intermediate_key, root.subject, root_key, now - 3 * 365 * _DAY,
                            now + 10 * 365 * _DAY, 0, f"{CRL_BASE}/root-ca.crl")
    untrusted = _ca_cert(_name(UNTRUSTED_CN), untrusted_key, _name(UNTRUSTED_CN), untrusted_key,
                         now - 365 * _DAY, now + 10 * 365 * _DAY, None, None)
    _write(private / "root-ca.key.pem", _key_pem(root_key), private=True)
    _write(private / "intermediate-ca.key.pem", _key_pem(intermediate_key), private=True)
    _write(private / "untrusted-root-ca.key.pem", _key_pem(untrusted_key), private=True)
    _write(ca.root, _pem(root))
    _write(ca.intermediate, _pem(intermediate))
    _write(ca.untrusted_root, _pem(untrusted))

    manifest = {"version": MANIFEST_VERSION, "generated_at": now.isoformat(), "password": DEMO_PASSWORD,
                "crl_number": 0, "certs": {}}
    _issue_leaves(ca, manifest, root, intermediate, intermediate_key, untrusted, untrusted_key, now)
    _write(ca.directory / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2).encode())
    _write(ca.directory / "README.txt", _readme(manifest).encode())
    return manifest


def _issue_leaves(ca: DemoCa, manifest: dict, root, intermediate, intermediate_key, untrusted, untrusted_key,
                  now: dt.datetime) -> None:
    revoked: list[tuple[int, dt.datetime]] = []
    for spec in SPECS:
        issuer, issuer_key = (untrusted, untrusted_key) if spec.case == "untrusted" else (intermediate, intermediate_key)
        entry = {"holder": spec.holder.common_name, "iin": spec.holder.iin, "bin": spec.holder.bin,
                 "organization": spec.holder.organization, "purpose": spec.purpose, "case": spec.case,
                 "key": spec.key, "note": spec.note, "pem": f"{spec.name}.pem", "p12": None}
        if spec.case == "gost":
            der = _gost_marker(spec, issuer, issuer_key, now)
            cert_pem = pem.armor("CERTIFICATE", der)
            entry["serial"] = format(ax509.Certificate.load(der).serial_number, "x")
        else:
            key = ec.generate_private_key(ec.SECP256R1()) if spec.key == "ec" else _rsa_key()
            cert = _leaf(spec, key, issuer, issuer_key, now)
            cert_pem = _pem(cert)
            _write(ca.directory / f"{spec.name}.p12", _p12(spec.name, key, cert, [issuer], DEMO_PASSWORD), private=True)
            entry["p12"] = f"{spec.name}.p12"
            entry["serial"] = format(cert.serial_number, "x")
            entry["not_after"] = cert.not_valid_after_utc.isoformat()
            if spec.case == "revoked":
                revoked.append((cert.serial_number, now - dt.timedelta(hours=1)))
                entry["revoked_at"] = (now - dt.timedelta(hours=1)).isoformat()
        _write(ca.directory / f"{spec.name}.pem", cert_pem)
        manifest["certs"][spec.name] = entry
    manifest["revoked"] = [[format(serial, "x"), when.isoformat()] for serial, when in revoked]
    _sign_crls(ca, manifest, root, intermediate, intermediate_key, now)


def _sign_crls(ca: DemoCa, manifest: dict, root, intermediate, intermediate_key, now: dt.datetime) -> None:
    root_key = _load_key(ca.directory / "private" / "root-ca.key.pem")
    manifest["crl_number"] = int(manifest.get("crl_number", 0)) + 1
    revoked = [(int(serial, 16), dt.datetime.fromisoformat(when)) for serial, when in manifest.get("revoked", [])]
    _write(ca.intermediate_crl, _crl(intermediate, intermediate_key, revoked, manifest["crl_number"], now))
    _write(ca.root_crl, _crl(root, root_key, [], manifest["crl_number"], now))
    manifest["crl_next_update"] = (now + _CRL_LIFETIME).isoformat()


def _load_key(path: Path):
    return serialization.load_pem_private_key(path.read_bytes(), password=None)


def _load_cert(path: Path) -> x509.Certificate:
    return x509.load_pem_x509_certificate(path.read_bytes())


# Reuse


def _read_manifest(directory: Path) -> dict | None:
    try:
        manifest = json.loads((directory / "manifest.json").read_text())
    except (OSError, ValueError):
        return None
    return manifest if manifest.get("version") == MANIFEST_VERSION else None


def _complete(ca: DemoCa, manifest: dict) -> bool:
    needed = [ca.root, ca.intermediate, ca.root_crl, ca.intermediate_crl, ca.untrusted_root,
              ca.directory / "private" / "root-ca.key.pem", ca.directory / "private" / "intermediate-ca.key.pem",
              ca.directory / "private" / "untrusted-root-ca.key.pem"]
    for spec in SPECS:
        entry = manifest["certs"].get(spec.name)
        if entry is None:
            return False
        needed.append(ca.directory / entry["pem"])
        if entry.get("p12"):
            needed.append(ca.directory / entry["p12"])
    return all(path.exists() for path in needed)


def _maintain(ca: DemoCa, manifest: dict) -> dict:
    now = _now()
    leaves_due = any(
        entry["case"] == "valid" and entry.get("not_after")
        and dt.datetime.fromisoformat(entry["not_after"]) - now < _LEAF_RENEW_BEFORE
        for entry in manifest["certs"].values()
    )
    crl_due = dt.datetime.fromisoformat(manifest["crl_next_update"]) - now < _CRL_RENEW_BEFORE
    if not (leaves_due or crl_due):
        return manifest
    root, intermediate = _load_cert(ca.root), _load_cert(ca.intermediate)
    intermediate_key = _load_key(ca.directory / "private" / "intermediate-ca.key.pem")
    if leaves_due:
        untrusted = _load_cert(ca.untrusted_root)
        untrusted_key = _load_key(ca.directory / "private" / "untrusted-root-ca.key.pem")
        _issue_leaves(ca, manifest, root, intermediate, intermediate_key, untrusted, untrusted_key, now)
    else:
        _sign_crls(ca, manifest, root, intermediate, intermediate_key, now)
    _write(ca.directory / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2).encode())
    _write(ca.directory / "README.txt", _readme(manifest).encode())
    return manifest


def _load(ca: DemoCa, manifest: dict) -> DemoCa:
    by_name = {spec.name: spec for spec in SPECS}
    for name, entry in manifest["certs"].items():
        spec = by_name[name]
        ca.certs[name] = DemoCert(
            name=name,
            p12=ca.directory / entry["p12"] if entry.get("p12") else None,
            pem=ca.directory / entry["pem"],
            password=manifest["password"],
            holder=spec.holder,
            purpose=entry["purpose"],
            case=entry["case"],
            serial=entry["serial"],
            note=entry["note"],
        )
    return ca


def _readme(manifest: dict) -> str:
    lines = [
        "Shanyraq demo EDS certificates (DEMO ONLY: not valid anywhere else)",
        "=" * 68,
        "",
        f"Generated: {manifest['generated_at']}",
        f"Password of every .p12 file: {manifest['password']}",
        "",
        f"Trust root:    root-ca.pem  ({ROOT_CN})",
        f"Intermediate:  intermediate-ca.pem  ({INTERMEDIATE_CN})",
        "CRLs:          intermediate-ca.crl (lists the revoked test certificate), root-ca.crl",
        f"Untrusted root (for tests): untrusted-root-ca.pem  ({UNTRUSTED_CN})",
        "CA private keys: private/ (demo only)",
        "",
        "AUTH certificates sign in (sessionEdsLogin); RSA/sign certificates sign documents.",
        "A company employee's certificate carries OU=BIN<company BIN> and O=<company>;",
        "signing in with it opens the company's account.",
        "",
    ]
    for name, entry in manifest["certs"].items():
        holder = entry["holder"] + (f", {entry['organization']} (BIN {entry['bin']})" if entry.get("bin") else "")
        file = entry.get("p12") or entry["pem"]
        lines.append(f"{file:32} {entry['purpose']:5} IIN {entry['iin']}  {holder}")
        lines.append(f"{'':32} {entry['note']}")
    return "\n".join(lines) + "\n"
