"""Telling people about queue applications (§16: the decision reaches the applicant in the personal
cabinet and by SMS within 3 working days of filing).

`changed(rt, app, decision=...)` runs inside the changing transaction; nothing leaves before it
commits. Live events go to `queue:user:<user_id>` of the filer and of the person's own account
(when somebody represented them and they have an account), and to the back office's channel; an
in-app notification goes to the same people; on a decision an SMS goes to the phone of the
application (the one the applicant gave and, on the SMS path, proved)."""

from __future__ import annotations

import logging
import uuid

from backend.models.identity import AccountKind, User
from backend.models.queue import QueueApplication, QueueStatus
from backend.runtime import Runtime
from backend.services.notifications import NotificationKind, notify
from backend.services.tx import on_commit

log = logging.getLogger(__name__)

OFFICE_CHANNEL = "queue:office"


def user_channel(user_id: uuid.UUID | str) -> str:
    return f"queue:user:{user_id}"


# What the SMS says for each decision; {number} is the application's, {queue} the queue number.
SMS_TEXTS: dict[str, dict[str, str]] = {
    QueueStatus.REGISTERED.value: {
        "kk": "Shanyraq: №{number} өтініш бойынша тұрғынжайға мұқтаждар есебіне қойылдыңыз, кезек нөміріңіз {queue}. Анықтама жеке кабинетте.",
        "ru": "Shanyraq: по заявлению №{number} вы поставлены на учёт нуждающихся в жилище, номер в очереди {queue}. Справка в личном кабинете.",
        "en": "Shanyraq: application {number}: you are on the register of those in need of housing, queue number {queue}. The certificate is in your cabinet.",
    },
    QueueStatus.HEARING.value: {
        "kk": "Shanyraq: №{number} өтініш бойынша бас тарту туралы алдын ала шешім шығарылды. Тыңдау {hearing} дейін; ұстанымыңызды жеке кабинетте жіберіңіз.",
        "ru": "Shanyraq: по заявлению №{number} вынесено предварительное решение об отказе. Заслушивание до {hearing}; направьте свою позицию в личном кабинете.",
        "en": "Shanyraq: application {number}: a preliminary refusal was issued. Hearing by {hearing}; send your position in your cabinet.",
    },
    QueueStatus.REFUSED.value: {
        "kk": "Shanyraq: №{number} өтініш бойынша есепке қоюдан уәжді бас тартылды. Шешім мен анықтама жеке кабинетте.",
        "ru": "Shanyraq: по заявлению №{number} вынесен мотивированный отказ в постановке на учёт. Решение и справка в личном кабинете.",
        "en": "Shanyraq: application {number}: registration was refused with reasons. The decision and certificate are in your cabinet.",
    },
}


def sms_text(status: str, locale: str, **params: object) -> str:
    texts = SMS_TEXTS[status]
    text = texts.get(locale) or texts["kk"]
    for key, value in params.items():
        text = text.replace("{" + key + "}", str(value))
    return text


async def recipients(app: QueueApplication) -> list[User]:
    """The filer and, when it is somebody else, the person the application is for."""
    people = [await User.get(id=app.filed_by_id)]
    person = await User.get_or_none(iin_bin=app.person_iin, kind=AccountKind.PERSON, is_active=True)
    if person is not None and person.id != app.filed_by_id:
        people.append(person)
    return people


async def changed(rt: Runtime, app: QueueApplication, *, decision: bool = False, hearing_due: str = "") -> None:
    """Call inside `atomic()` after the change is saved. `decision`: a (preliminary) decision was
    taken, which the applicant is told about in the cabinet and by SMS."""
    people = await recipients(app)
    status = QueueStatus(app.status).value
    message = {"applicationId": str(app.id), "status": status}
    channels = [user_channel(p.id) for p in people] + [OFFICE_CHANNEL]

    async def publish() -> None:
        for channel in channels:
            await rt.pubsub.publish(channel, message)

    on_commit(publish)
    if not decision:
        return
    for person in people:
        await notify(rt, person.id, NotificationKind.QUEUE_APPLICATION_CHANGED, applicationId=str(app.id),
                     number=app.number, status=status, queueNumber=app.queue_number)
    if status not in SMS_TEXTS or not app.phone:
        return
    filer = people[0]
    text = sms_text(status, filer.locale, number=app.number, queue=app.queue_number or "", hearing=hearing_due)
    phone = app.phone

    async def send_sms() -> None:
        try:
            await rt.messenger.send_sms(phone, text)
        except Exception:  # noqa: BLE001 - a lost SMS must not undo a committed decision
            log.exception("queue decision SMS to %s failed", phone[:5])

    on_commit(send_sms)
