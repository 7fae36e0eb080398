"""Management companies, their buildings, premises and personal accounts, and residents' links to them."""

from __future__ import annotations

from enum import Enum

from tortoise import fields, models

from backend.models.base import TimestampedModel


class ManagementCompany(TimestampedModel):
    """A management company (kk ПИК/МҮБ, ru УК/ОСИ): keeps the accounts of its buildings, bills them
    and answers their residents' requests; its partner systems act through its organization's API keys."""

    organization = fields.OneToOneField("models.Organization", related_name="management_company", on_delete=fields.RESTRICT)
    name = fields.CharField(max_length=300)
    address = fields.CharField(max_length=500, default="")
    phone = fields.CharField(max_length=40, default="")
    emergency_phone = fields.CharField(max_length=40, default="")
    hours = fields.CharField(max_length=200, default="")
    # Payment details printed on receipts (section 2): the account (IIK), bank code (BIK) and bank.
    iik = fields.CharField(max_length=34, default="")
    bik = fields.CharField(max_length=11, default="")
    bank_name = fields.CharField(max_length=200, default="")
    acquiring_enabled = fields.BooleanField(default=True)
    sms_enabled = fields.BooleanField(default=True)

    class Meta:
        table = "management_companies"


class CompanyStaff(models.Model):
    """A person working in a management company's back office (role uk_staff): sees only that company."""

    id = fields.UUIDField(primary_key=True)
    company = fields.ForeignKeyField("models.ManagementCompany", related_name="staff", on_delete=fields.CASCADE)
    user = fields.ForeignKeyField("models.User", related_name="company_memberships", on_delete=fields.CASCADE)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "management_company_staff"
        unique_together = (("company", "user"),)


class Building(TimestampedModel):
    """An apartment building served by one management company."""

    company = fields.ForeignKeyField("models.ManagementCompany", related_name="buildings", on_delete=fields.RESTRICT)
    city = fields.CharField(max_length=100)
    street = fields.CharField(max_length=200)
    house = fields.CharField(max_length=20)
    # city|street|house lower-cased with spaces, dots and the words "г", "ул", "д" dropped:
    # what a resident types when linking by address is matched against this.
    address_key = fields.CharField(max_length=400, db_index=True)
    external_id = fields.CharField(max_length=100, null=True)

    class Meta:
        table = "buildings"
        unique_together = (("company", "external_id"),)


class HousingUnit(TimestampedModel):
    """A flat or other premises of a building; its area weighs its vote at owners' meetings."""

    building = fields.ForeignKeyField("models.Building", related_name="units", on_delete=fields.CASCADE)
    number = fields.CharField(max_length=20)
    area = fields.DecimalField(max_digits=10, decimal_places=2, default=0)

    class Meta:
        table = "housing_units"
        unique_together = (("building", "number"),)


class PersonalAccount(TimestampedModel):
    """A personal account (kk дербес шот, ru лицевой счёт) of a premises, as the company keeps it."""

    company = fields.ForeignKeyField("models.ManagementCompany", related_name="accounts", on_delete=fields.RESTRICT)
    unit = fields.ForeignKeyField("models.HousingUnit", related_name="accounts", on_delete=fields.RESTRICT)
    number = fields.CharField(max_length=30)
    owner_name = fields.CharField(max_length=300)
    phone = fields.CharField(max_length=20, default="")
    account_area = fields.DecimalField(max_digits=10, decimal_places=2, default=0)
    living = fields.IntField(default=0)
    registered = fields.IntField(default=0)
    # The login and password the company gave the owner (login = account number unless it says otherwise).
    login = fields.CharField(max_length=60)
    password_hash = fields.CharField(max_length=255, null=True)
    # Amount due now: the latest receipt's total less what was paid since; negative is an advance.
    # Kept by services/billing in the same transaction as every receipt and payment.
    balance = fields.DecimalField(max_digits=14, decimal_places=2, default=0)
    is_active = fields.BooleanField(default=True)

    class Meta:
        table = "personal_accounts"
        unique_together = (("company", "number"), ("company", "login"))


class AccountLinkStatus(str, Enum):
    PENDING = "pending"  # data did not match at once: waits for the company's staff
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    REMOVED = "removed"  # the resident took it off their list


class AccountLinkMethod(str, Enum):
    LOGIN = "login"
    ADDRESS = "address"


class AccountLink(TimestampedModel):
    """A resident's claim to a personal account; only a confirmed one opens the account's data."""

    user = fields.ForeignKeyField("models.User", related_name="account_links", on_delete=fields.CASCADE)
    account = fields.ForeignKeyField("models.PersonalAccount", related_name="links", on_delete=fields.CASCADE)
    status = fields.CharEnumField(AccountLinkStatus, max_length=16)
    method = fields.CharEnumField(AccountLinkMethod, max_length=16)
    # What the resident typed when linking by address, shown to the staff who decide.
    given_address = fields.CharField(max_length=400, default="")
    given_flat = fields.CharField(max_length=20, default="")
    given_company = fields.CharField(max_length=300, default="")
    decided_by = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.SET_NULL)
    decided_at = fields.DatetimeField(null=True)
    reject_reason = fields.TextField(default="")

    class Meta:
        table = "account_links"
        unique_together = (("user", "account"),)


class Counter(models.Model):
    """The last number given in one series (receipts, payments, service requests of a company)."""

    key = fields.CharField(max_length=100, primary_key=True)
    value = fields.BigIntField(default=0)

    class Meta:
        table = "counters"
