"""The profile (seed 000): name, language, email and phone changes by code, password change."""

from __future__ import annotations

from backend.models.history import HistoryEvent
from backend.models.identity import Session, User
from backend.models.messaging import OutboxMessage
from backend.models.notifications import Notification
from backend.services.request_info import RequestInfo
from backend.services.sessions import open_session
from backend.services.tx import atomic
from tests.helpers import PASSWORD, create_user, last_code, phone

UPDATE = "mutation($i: ProfileUpdateInput!) { profileUpdate(input: $i) { user { fullName locale } errors { field code } } }"
EMAIL_START = "mutation($i: EmailChangeStartInput!) { profileEmailChangeStart(input: $i) { delivery { channel sentTo } errors { field code } } }"
EMAIL_CONFIRM = "mutation($i: EmailChangeConfirmInput!) { profileEmailChangeConfirm(input: $i) { user { email } errors { field code } } }"
PHONE_START = "mutation($i: PhoneChangeStartInput!) { profilePhoneChangeStart(input: $i) { delivery { channel } errors { field code } } }"
PHONE_CONFIRM = "mutation($i: PhoneChangeConfirmInput!) { profilePhoneChangeConfirm(input: $i) { user { phone } errors { field code } } }"
PASSWORD_CHANGE = "mutation($i: PasswordChangeInput!) { profilePasswordChange(input: $i) { user { id } errors { field code } } }"
ME = "query { me { id email phone fullName locale iinBin kind hasPassword createdAt roles } }"


async def test_me_shows_the_profile_fields_of_seed_000(citizen):
    me = (await citizen.data(ME))["me"]
    user = citizen.user
    assert (me["fullName"], me["iinBin"], me["email"], me["phone"]) == (user.full_name, user.iin_bin, user.email, user.phone)
    assert me["kind"] == "PERSON" and me["roles"] == ["CITIZEN"]


async def test_anonymous_profile_changes_are_refused_in_the_payload(anon):
    for query, variables in (
        (UPDATE, {"i": {"fullName": "X"}}),
        (EMAIL_START, {"i": {"email": "x@test.shanyraq.kz"}}),
        (PHONE_START, {"i": {"phone": phone(1)}}),
        (PASSWORD_CHANGE, {"i": {"newPassword": "A", "newPasswordConfirmation": "A"}}),
    ):
        body = await anon.data(query, variables)
        payload = next(iter(body.values()))
        assert payload["errors"] == [{"field": None, "code": "UNAUTHENTICATED"}]


async def test_name_and_language_change_and_are_recorded(citizen):
    body = await citizen.data(UPDATE, {"i": {"fullName": "  Жаңа   Есім  ", "locale": "RU"}})
    assert body["profileUpdate"] == {"user": {"fullName": "Жаңа Есім", "locale": "RU"}, "errors": []}
    event = await HistoryEvent.get(entity="user", entity_id=str(citizen.user.id), action="profile_updated")
    assert event.actor_id == citizen.user.id and event.data["fields"] == ["full_name", "locale"]


async def test_an_empty_name_is_refused_and_the_old_one_stays(citizen):
    body = await citizen.data(UPDATE, {"i": {"fullName": "   "}})
    assert body["profileUpdate"]["errors"] == [{"field": "fullName", "code": "REQUIRED"}]
    assert (await User.get(id=citizen.user.id)).full_name == citizen.user.full_name


async def test_email_change_needs_the_code_sent_to_the_new_address(citizen):
    # given
    body = await citizen.data(EMAIL_START, {"i": {"email": "New.Mail@Test.Shanyraq.kz"}})
    assert body["profileEmailChangeStart"]["delivery"]["channel"] == "email"
    assert (await OutboxMessage.get(recipient="new.mail@test.shanyraq.kz")).channel == "email"
    # when a wrong code, then the right one
    wrong = await citizen.data(EMAIL_CONFIRM, {"i": {"email": "new.mail@test.shanyraq.kz", "code": "000000"}})
    right = await citizen.data(EMAIL_CONFIRM, {"i": {"email": "new.mail@test.shanyraq.kz", "code": await last_code("new.mail@test.shanyraq.kz")}})
    # then
    assert wrong["profileEmailChangeConfirm"]["errors"][0]["code"] in ("OTP_INVALID",)
    assert right["profileEmailChangeConfirm"] == {"user": {"email": "new.mail@test.shanyraq.kz"}, "errors": []}
    assert await Notification.filter(user_id=citizen.user.id, kind="EMAIL_CHANGED").exists()
    assert await HistoryEvent.filter(entity_id=str(citizen.user.id), action="email_changed").exists()


async def test_an_email_of_another_account_gets_a_warning_and_no_usable_code(citizen):
    other = await create_user("citizen", email="taken@test.shanyraq.kz")
    body = await citizen.data(EMAIL_START, {"i": {"email": "taken@test.shanyraq.kz"}})
    assert body["profileEmailChangeStart"]["errors"] == []
    message = await OutboxMessage.get(recipient="taken@test.shanyraq.kz")
    assert "code" not in message.body.lower() or "someone" in message.body.lower() or "біреу" in message.body.lower()
    for guess in ("000000", "123456"):
        result = await citizen.data(EMAIL_CONFIRM, {"i": {"email": "taken@test.shanyraq.kz", "code": guess}})
        assert result["profileEmailChangeConfirm"]["errors"][0]["code"] == "OTP_INVALID"
    assert (await User.get(id=other.id)).email == "taken@test.shanyraq.kz"


async def test_the_same_email_is_unchanged(citizen):
    body = await citizen.data(EMAIL_START, {"i": {"email": citizen.user.email}})
    assert body["profileEmailChangeStart"]["errors"] == [{"field": "email", "code": "UNCHANGED"}]


async def test_a_code_for_my_new_email_does_not_work_for_someone_else(citizen, legal_entity):
    await citizen.data(EMAIL_START, {"i": {"email": "mine@test.shanyraq.kz"}})
    code = await last_code("mine@test.shanyraq.kz")
    body = await legal_entity.data(EMAIL_CONFIRM, {"i": {"email": "mine@test.shanyraq.kz", "code": code}})
    assert body["profileEmailChangeConfirm"]["errors"][0]["code"] == "OTP_INVALID"


async def test_phone_change_by_sms_code(citizen):
    await citizen.data(PHONE_START, {"i": {"phone": "8 705 111 22 33"}})
    body = await citizen.data(PHONE_CONFIRM, {"i": {"phone": "+77051112233", "code": await last_code("+77051112233")}})
    assert body["profilePhoneChangeConfirm"] == {"user": {"phone": "+77051112233"}, "errors": []}
    assert await Notification.filter(user_id=citizen.user.id, kind="PHONE_CHANGED").exists()


async def test_phone_change_by_voice_call(citizen):
    body = await citizen.data(PHONE_START, {"i": {"phone": phone(77), "channel": "CALL"}})
    assert body["profilePhoneChangeStart"]["delivery"]["channel"] == "call"
    assert (await OutboxMessage.get(recipient=phone(77))).channel == "call"


async def test_password_change_needs_the_current_password(citizen):
    body = await citizen.data(PASSWORD_CHANGE, {"i": {"currentPassword": "Wrong-Passw0rd!", "newPassword": "Brand-New-Passw0rd!", "newPasswordConfirmation": "Brand-New-Passw0rd!"}})
    assert body["profilePasswordChange"]["errors"] == [{"field": "currentPassword", "code": "INVALID_CREDENTIALS"}]


async def test_password_change_checks_the_policy(citizen):
    body = await citizen.data(PASSWORD_CHANGE, {"i": {"currentPassword": PASSWORD, "newPassword": "Password1!", "newPasswordConfirmation": "Password1!"}})
    assert body["profilePasswordChange"]["errors"] == [{"field": "newPassword", "code": "PASSWORD_COMMON"}]


async def test_password_change_ends_every_other_session_and_notifies(citizen, rt):
    # given another signed-in device
    async with atomic():
        other = await open_session(rt, citizen.user, "password", RequestInfo(), announce=False)
    # when
    body = await citizen.data(PASSWORD_CHANGE, {"i": {"currentPassword": PASSWORD, "newPassword": "Brand-New-Passw0rd!", "newPasswordConfirmation": "Brand-New-Passw0rd!"}})
    # then
    assert body["profilePasswordChange"]["errors"] == []
    assert (await Session.get(id=other.session.id)).revoked_reason == "password_changed"
    assert (await citizen.data(ME))["me"]["id"] == str(citizen.user.id)
    assert await Notification.filter(user_id=citizen.user.id, kind="PASSWORD_CHANGED").exists()
    citizen.token = None
    login = await citizen.data("mutation($i: SessionLoginInput!) { sessionLogin(input: $i) { errors { code } } }",
                               {"i": {"login": citizen.user.iin_bin, "password": "Brand-New-Passw0rd!"}})
    assert login["sessionLogin"]["errors"] == []


async def test_a_phone_only_resident_sets_a_first_password_without_a_current_one(resident):
    await User.filter(id=resident.user.id).update(password_hash=None)
    body = await resident.data(PASSWORD_CHANGE, {"i": {"newPassword": "Brand-New-Passw0rd!", "newPasswordConfirmation": "Brand-New-Passw0rd!"}})
    assert body["profilePasswordChange"]["errors"] == []
    assert (await User.get(id=resident.user.id)).password_hash


async def test_the_password_may_not_contain_my_iin(citizen):
    new = f"Aa!{citizen.user.iin_bin}"
    body = await citizen.data(PASSWORD_CHANGE, {"i": {"currentPassword": PASSWORD, "newPassword": new, "newPasswordConfirmation": new}})
    assert body["profilePasswordChange"]["errors"] == [{"field": "newPassword", "code": "PASSWORD_CONTAINS_PERSONAL_DATA"}]
