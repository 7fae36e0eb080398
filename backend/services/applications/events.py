"""Telling people about applications: live updates to open pages, and to the applicant an in-app
notification and an SMS on every change of status. Called inside the changing transaction; nothing
leaves before it commits."""

from __future__ import annotations

import logging

from backend import i18n
from backend.models.applications import Application, ApplicationStatus
from backend.models.contracts import Contract
from backend.models.identity import User
from backend.models.organizations import Organization
from backend.runtime import Runtime
from backend.services.notifications import NotificationKind, notify
from backend.services.tx import on_commit

log = logging.getLogger(__name__)

QUEUE_CHANNEL = "applications:queue"


def application_channel(application_id) -> str:
    return f"application:{application_id}"


def organization_channel(organization_id) -> str:
    return f"organization:{organization_id}:applications"


# From the supplementary agreement on, the contract's construction company is a party too.
DEVELOPER_STAGE = (ApplicationStatus.SA_PARTIES_SIGNING, ApplicationStatus.SA_KZHK_SIGNING, ApplicationStatus.SA_SIGNED)


async def announce_change(rt: Runtime, application: Application, status: ApplicationStatus | None) -> None:
    message = {"applicationId": str(application.id), "status": status.value if status else None}
    organizations = [application.applicant_org_id]
    current = status or ApplicationStatus(application.status)
    if current in DEVELOPER_STAGE:
        contract = await Contract.get(id=application.contract_id)
        if contract.developer_id and contract.developer_id != application.applicant_org_id:
            organizations.append(contract.developer_id)

    async def publish() -> None:
        await rt.pubsub.publish(application_channel(application.id), message)
        for org_id in organizations:
            await rt.pubsub.publish(organization_channel(org_id), message)
        await rt.pubsub.publish(QUEUE_CHANNEL, message)

    on_commit(publish)
    if status is not None:
        for org_id in organizations:
            await _tell(rt, application, status, org_id)


async def _tell(rt: Runtime, application: Application, status: ApplicationStatus, organization_id) -> None:
    """The people of a party learn of the new status in the cabinet and by SMS."""
    org = await Organization.get(id=organization_id)
    people = await User.filter(iin_bin=org.bin, is_active=True)
    for person in people:
        await notify(rt, person.id, NotificationKind.APPLICATION_STATUS_CHANGED,
                     applicationId=str(application.id), number=application.number, status=status.value)
    recipients = [(p.phone, p.locale) for p in people if p.phone]

    async def send_sms() -> None:
        for phone, locale in recipients:
            text = i18n.text("application.status", locale, number=application.number,
                             status=i18n.text(f"application.status.{status.value}", locale))
            try:
                await rt.messenger.send_sms(phone, text)
            except Exception:  # noqa: BLE001 - a lost SMS must not undo a committed decision
                log.exception("status SMS to %s failed", phone[:5])

    on_commit(send_sms)
