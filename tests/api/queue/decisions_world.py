"""Helpers of the decision tests (imported, not a conftest): the applicant, another citizen, a queue
officer who holds a demo EDS certificate, and applications written the way filing leaves them."""

from __future__ import annotations

import base64
import datetime as dt
import io
import itertools
from dataclasses import dataclass

import httpx
import pytest

from backend.calendar import ALMATY, OTBASY_HOURS, add_working_days
from backend.models.identity import User
from backend.models.queue import QueueApplication, QueueList, QueueStatus, SigningMethod
from backend.pki.demo_ca import QUEUE_OFFICER, ensure_demo_ca
from tests.helpers import ApiClient, make_account, person_iin
from tests.pki.cms_factory import sign

_serial = itertools.count(1)
CONSENTS = ("property_check", "personal_data", "publication", "no_category_ack")
# The queue officer signs with the demo CA's certificate of the Otbasy bank officer (the demo officer's IIN).
OFFICER_IIN = QUEUE_OFFICER.iin
OFFICER_CERT = "queue-officer-sign"

FILES = "{ id kind title size contentType sha256 url }"
APP = f"""query($id: ID!) {{ queueApplication(id: $id) {{
  id number status queueNumber registeredAt decidedAt
  deadlines {{ kind due workingDaysLeft overdue }}
  files {FILES}
  hearing {{ id reasons {{ code explanation }} noticeDate hearingDue finalDecisionDue positionText positionSubmittedAt
            outcome outcomeReasoning heldAt workingDaysLeft files {FILES} }}
  history {{ action }}
}} }}"""


def almaty(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=ALMATY)


@dataclass
class World:
    citizen: ApiClient
    other: ApiClient
    officer: ApiClient
    anon: ApiClient
    http: list


async def _client(app, rt, role: str, opened: list, **fields) -> ApiClient:
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver")
    opened.append(http)
    client = ApiClient(http)
    if role != "anon":
        await make_account(rt, client, role, **fields)
    return client


@pytest.fixture
async def world(app, rt):
    opened: list = []
    w = World(
        citizen=await _client(app, rt, "citizen", opened, locale="kk"),
        other=await _client(app, rt, "citizen", opened),
        officer=await _client(app, rt, "queue_officer", opened, iin_bin=OFFICER_IIN, full_name="ЖҰМАБЕКОВ ЕРЛАН"),
        anon=await _client(app, rt, "anon", opened),
        http=opened,
    )
    yield w
    for http in opened:
        await http.aclose()


@pytest.fixture
def demo_ca(settings):
    return ensure_demo_ca(settings.var_dir / "pki")


async def make_application(filer: User, *, status: QueueStatus = QueueStatus.FILED, filed_at: dt.datetime,
                           emergency: bool = False, locality: str = "astana", person_iin_: str | None = None,
                           checks: list | None = None, phone: str = "+77011234567") -> QueueApplication:
    """An application as filing leaves it (A's filing writes the same columns)."""
    n = next(_serial)
    business = OTBASY_HOURS.business_date(filed_at)
    consents = {c: {"at": filed_at.isoformat(), "signature": "sms"} for c in CONSENTS}
    return await QueueApplication.create(
        number=f"Q-2026-9{n:05d}", filed_by=filer, person_iin=person_iin_ or filer.iin_bin or person_iin(700 + n),
        person={"iin": person_iin_ or filer.iin_bin, "surname": "САДЫҚОВА", "name": "ӘЙГЕРІМ",
                "patronymic": "НҰРЛАНҚЫЗЫ", "birthDate": "1990-05-15"},
        locality=locality, list_kind=QueueList.GENERAL, consents=consents, phone=phone, email="a@example.kz",
        status=status, emergency=emergency, filed_at=filed_at, business_date=business,
        decision_due=add_working_days(business, 2) if emergency else business,
        notify_due=add_working_days(business, 2), signing_method=SigningMethod.SMS, checks=checks or [],
    )


async def application(client: ApiClient, app_id) -> dict | None:
    return (await client.data(APP, {"id": str(app_id)}))["queueApplication"]


async def download(client: ApiClient, url: str) -> httpx.Response:
    headers = {"authorization": f"Bearer {client.token}"} if client.token else {}
    return await client.http.get(url, headers=headers)


def pdf_text(content: bytes) -> str:
    """The PDF's text with every run of whitespace as one space (lines wrap anywhere)."""
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages).split())


def officer_cms(demo_ca, payload_b64: str, cert: str = OFFICER_CERT) -> str:
    return base64.b64encode(sign(demo_ca, cert, base64.b64decode(payload_b64))).decode()
