"""The demo accounts of the queue personas (backend/demo_queue.py): one citizen per adult persona
with the persona's IIN and mobile-base phone, the queue officer, and nothing doubled on a rerun."""

from __future__ import annotations

from backend.adapters.registry_personas import BY_NUMBER, PERSONAS
from backend.auth.passwords import hash_password, verify_password
from backend.demo import DEMO_PASSWORD
from backend.demo_queue import QUEUE_OFFICER_EMAIL, persona_accounts, seed_demo_queue
from backend.models.identity import Role, User, UserRole


async def test_every_adult_persona_gets_a_citizen_account_and_a_rerun_changes_nothing():
    # The demo citizen of backend/demo.py exists already: persona 02 is her, not a second account.
    aigerim = await User.create(iin_bin=BY_NUMBER["02"].iin, email="aigerim@demo.shanyraq.kz", phone="+77011234567",
                                full_name="Садықова Әйгерім Нұрланқызы", password_hash=hash_password("x"))
    await seed_demo_queue(DEMO_PASSWORD)
    await seed_demo_queue(DEMO_PASSWORD)
    accounts = persona_accounts()
    assert {p.number for p in PERSONAS} - {p.number for p in accounts} == {"21", "23"}  # the minors
    for p in accounts:
        user = await User.get(iin_bin=p.iin)
        assert (user.email, user.phone) == (p.email, p.account_phone)
        assert await UserRole.filter(user=user, role=Role.CITIZEN).count() == 1
        if user.id != aigerim.id:
            assert user.locale == "kk" and user.full_name == p.facts.person.full_name
            assert verify_password(user.password_hash, DEMO_PASSWORD)
    assert await User.filter(iin_bin__in=[p.iin for p in accounts]).count() == len(accounts)
    assert verify_password((await User.get(id=aigerim.id)).password_hash, "x")  # left as she changed it
    officer = await User.get(email=QUEUE_OFFICER_EMAIL)
    assert await UserRole.filter(user=officer, role=Role.QUEUE_OFFICER).exists()
    assert await User.all().count() == len(accounts) + 1
