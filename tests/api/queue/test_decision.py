"""The automatic decision (the "queue.decide" job): every demo persona decided right with its reason
codes, registration with a number, a preliminary refusal instead of a refusal, idempotence, and a
restart between an after-hours filing and the next working day."""

from __future__ import annotations

import pytest

from backend import clock
from backend.adapters.messaging import DevOutbox
from backend.adapters.pubsub import InProcessPubSub
from backend.adapters.registry_personas import PERSONAS, Persona
from backend.models.jobs import ScheduledJob
from backend.models.messaging import OutboxMessage
from backend.models.notifications import Notification
from backend.models.queue import QueueApplication, QueueEntry, QueueFile, QueueFileKind, QueueHearing, QueueStatus
from backend.runtime import Runtime
from backend.services import scheduler
from backend.services.queue import decision, review
from backend.services.queue.access import Scope
from backend.services.request_info import RequestInfo
from tests.api.queue.decisions_world import almaty, make_application
from tests.helpers import create_user

REFUSED = [p for p in PERSONAS if p.expected == "refused"]
REGISTERED = [p for p in PERSONAS if p.expected in ("registered", "emergency")]
TUESDAY_10 = almaty(2026, 12, 1, 10, 0)


async def _filed(persona: Persona, *, at=TUESDAY_10) -> QueueApplication:
    """As filing leaves it; the emergency path goes to an officer (IN_REVIEW) with the expert's conclusion."""
    filer_iin = persona.filed_by or persona.iin
    filer = await create_user("citizen", iin_bin=filer_iin, phone=None)
    status = QueueStatus.IN_REVIEW if persona.emergency else QueueStatus.FILED
    with clock.at(at):
        app = await make_application(filer, filed_at=clock.now(), locality=persona.locality, person_iin_=persona.iin,
                                     emergency=persona.emergency, status=status,
                                     phone=persona.account_phone or "+77015550000")
    await QueueApplication.filter(id=app.id).update(categories=list(persona.categories),
                                                    representation=persona.representation)
    if persona.emergency:
        await QueueFile.create(application=app, kind=QueueFileKind.TECHNICAL_CONCLUSION, title="conclusion.pdf",
                               storage_key=f"test/{app.id}", size=1, sha256="0" * 64, added_by=filer)
    return await QueueApplication.get(id=app.id)


async def _decided(rt, app: QueueApplication) -> QueueApplication:
    """The job on the automatic path; on the emergency path the officer, guided by the same checks."""
    with clock.at(TUESDAY_10):
        if app.status is QueueStatus.FILED:
            await decision.decide(rt, app.id)
        else:
            officer = await create_user("queue_officer", phone=None)
            found = await decision.assess(rt, app)
            await QueueApplication.filter(id=app.id).update(checks=decision.stored_checks(found))
            scope = Scope(user_id=officer.id, iin=officer.iin_bin, office=True)
            await review.review(rt, scope, review.Review(app.id, found.eligible, found.reasons, "per the checks"),
                                RequestInfo())
    return await QueueApplication.get(id=app.id)


@pytest.mark.parametrize("persona", REFUSED, ids=lambda p: f"{p.number}-{'+'.join(p.reasons)}")
async def test_every_refusal_ground_gives_a_preliminary_refusal_with_its_reason_codes(rt, persona):
    app = await _decided(rt, await _filed(persona))
    assert app.status is QueueStatus.HEARING  # never a refusal before the hearing (§17)
    assert app.reasons == list(persona.reasons)
    assert [c["reason"] for c in app.checks if c["applies"] and not c["passed"]] == list(persona.reasons)
    hearing = await QueueHearing.get(application_id=app.id)
    assert hearing.reasons == list(persona.reasons) and hearing.outcome is None
    assert not await QueueEntry.filter(application_id=app.id).exists()
    # The notice in the applicant's language is issued right after the decision commits.
    assert await QueueFile.filter(application_id=app.id, kind="preliminary_notice", hearing_id=hearing.id).exists()


@pytest.mark.parametrize("persona", REGISTERED, ids=lambda p: p.number)
async def test_eligible_personas_are_registered_with_a_number(rt, persona):
    app = await _decided(rt, await _filed(persona))
    assert app.status is QueueStatus.REGISTERED, app.checks
    assert app.reasons == [] and app.queue_number == 1
    entry = await QueueEntry.get(application_id=app.id)
    assert entry.position == 1 and entry.locality == persona.locality
    kinds = sorted(await QueueFile.filter(application_id=app.id, kind__in=["certificate_kk", "certificate_ru"])
                   .values_list("kind", flat=True))
    assert kinds == ["certificate_kk", "certificate_ru"]


async def test_the_decision_reaches_the_applicant_in_the_cabinet_and_by_sms(rt):
    persona = next(p for p in REGISTERED if p.number == "01")
    app = await _filed(persona)
    with clock.at(TUESDAY_10):
        await decision.decide(rt, app.id)
    note = await Notification.get(user_id=app.filed_by_id)
    assert note.kind == "QUEUE_APPLICATION_CHANGED"
    assert note.params == {"applicationId": str(app.id), "number": app.number, "status": "registered", "queueNumber": 1}
    sms = await OutboxMessage.get(recipient=app.phone)
    assert app.number in sms.body and "1" in sms.body


async def test_the_job_decides_only_what_is_still_filed(rt):
    persona = next(p for p in REGISTERED if p.number == "01")
    app = await _filed(persona)
    with clock.at(TUESDAY_10):
        await decision.decide(rt, app.id)
        again = await decision.decide(rt, app.id)
    assert again.status is QueueStatus.REGISTERED
    assert await QueueEntry.filter(application_id=app.id).count() == 1
    assert await QueueFile.filter(application_id=app.id).count() == 2
    assert await OutboxMessage.filter(recipient=app.phone).count() == 1
    # An unknown id is no error for the job either.
    await decision.decide(rt, "00000000-0000-0000-0000-000000000000")


async def test_an_after_hours_filing_is_decided_by_the_job_after_a_restart(settings):
    """Filed on Friday evening; the process stops; a new one starts on Monday and runs the due job."""
    persona = next(p for p in REGISTERED if p.number == "01")
    friday_evening = almaty(2026, 12, 4, 20, 15)
    app = await _filed(persona, at=friday_evening)
    assert app.business_date.isoformat() == "2026-12-07"
    monday_9 = almaty(2026, 12, 7, 9, 0)
    await scheduler.schedule(decision.JOB, str(app.id), monday_9)  # what filing plans after hours

    first = Runtime(settings=settings, messenger=DevOutbox(), pubsub=InProcessPubSub())
    with clock.at(almaty(2026, 12, 5, 12, 0)):  # Saturday: nothing is due
        assert await scheduler.run_due(first) == 0
    await first.close()

    restarted = Runtime(settings=settings, messenger=DevOutbox(), pubsub=InProcessPubSub())
    with clock.at(almaty(2026, 12, 7, 9, 0, 30)):
        assert await scheduler.run_due(restarted) >= 1
    await restarted.close()
    app = await QueueApplication.get(id=app.id)
    assert app.status is QueueStatus.REGISTERED and app.queue_number == 1
    assert app.decided_at.astimezone(monday_9.tzinfo).date().isoformat() == "2026-12-07"
    job = await ScheduledJob.get(kind=decision.JOB, ref=str(app.id))
    assert job.status.value == "done"


async def test_a_trustees_filing_is_decided_for_the_person_and_both_are_told(rt):
    """Persona 25 files for 24 by a power of attorney; 24 has an account of her own."""
    persona = next(p for p in PERSONAS if p.number == "24")
    app = await _filed(persona)
    person = await create_user("citizen", iin_bin=persona.iin, phone=None)
    app = await _decided(rt, app)
    assert app.status is QueueStatus.REGISTERED
    assert app.list_kind.value == "vulnerable"  # the pensioner category the registry confirms
    told = set(await Notification.filter(kind="QUEUE_APPLICATION_CHANGED").values_list("user_id", flat=True))
    assert told == {app.filed_by_id, person.id}


async def test_a_registry_that_does_not_answer_decides_nothing_and_the_job_tries_again(rt, monkeypatch):
    from backend.adapters.registries import RegistryUnavailable

    persona = next(p for p in REGISTERED if p.number == "01")
    app = await _filed(persona)
    job = await scheduler.schedule(decision.JOB, str(app.id), TUESDAY_10)
    real = rt.registry.facts

    async def down(iin):
        raise RegistryUnavailable("timeout")

    monkeypatch.setattr(rt.registry, "facts", down)
    with clock.at(TUESDAY_10):
        assert await scheduler.run_job(rt, job.id) is False
    assert (await QueueApplication.get(id=app.id)).status is QueueStatus.FILED
    failed = await ScheduledJob.get(id=job.id)
    assert failed.status.value == "pending" and failed.attempts == 1 and "RegistryUnavailable" in failed.last_error

    monkeypatch.setattr(rt.registry, "facts", real)
    with clock.at(almaty(2026, 12, 1, 10, 5)):  # after the back-off
        assert await scheduler.run_due(rt) == 1
    assert (await QueueApplication.get(id=app.id)).status is QueueStatus.REGISTERED
