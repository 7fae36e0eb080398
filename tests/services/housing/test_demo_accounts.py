"""The cabinet's demo accounts: what the README promises works, and seeding twice changes nothing."""

from __future__ import annotations

import uuid

from backend.auth.passwords import verify_password
from backend.demo_cabinet import accounts as demo
from backend.models.housing import AccountLink, AccountLinkStatus, CompanyStaff, ManagementCompany, PersonalAccount
from backend.models.identity import Role, User
from backend.services.housing.access import scope_for, visible_accounts
from backend.services.partners import ApiScope, authenticate_key
from backend.services.sessions import Viewer
from tests.helpers import create_user


async def test_the_demo_world_is_as_the_readme_says_and_seeding_twice_changes_nothing(rt):
    # given: the demo staff exist before the cabinet is seeded, as in backend/demo.py
    staff = await create_user("uk_staff", email=demo.STAFF_EMAIL)
    # when
    await demo.seed(rt, "unused")
    await demo.seed(rt, "unused")
    # then
    assert await PersonalAccount.all().count() == len(demo.ACCOUNTS) == 12
    company = await ManagementCompany.get(name="ТОО «Жайлы үй»")
    assert company.hours == "тәулік бойы / круглосуточно" and (await company.organization).bin == "180440012349"
    resident = await User.get(phone=demo.RESIDENT_PHONE)
    link = await AccountLink.get(user_id=resident.id)
    assert (await link.account).number == "10117" and link.status is AccountLinkStatus.CONFIRMED
    second = await PersonalAccount.get(number="10118")
    assert second.login == "10118" and verify_password(second.password_hash, "Demo-10118")
    assert not await AccountLink.exists(account_id=second.id)
    assert await AccountLink.filter(status=AccountLinkStatus.PENDING).count() == 1
    assert await CompanyStaff.filter(user_id=staff.id).count() == 1
    # and: the staff see only their company's ten accounts
    viewer = Viewer(user=staff, session_id=uuid.uuid4(), roles=frozenset({Role.UK_STAFF}))
    numbers = await visible_accounts(await scope_for(viewer)).values_list("number", flat=True)
    assert len(numbers) == 10 and "50003" not in numbers
    # and: the billing key acts for the company with billing:write
    principal = await authenticate_key(rt.settings.secret_key, demo.DEMO_BILLING_KEY)
    assert principal.organization.id == company.organization_id and principal.may(ApiScope.BILLING_WRITE)
