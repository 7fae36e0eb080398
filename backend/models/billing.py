"""Monthly payment documents (receipts) and their lines, charge imports, online payments and payments."""

from __future__ import annotations

from enum import Enum

from tortoise import fields, models

from backend.models.base import TimestampedModel


def money(**kwargs):
    """Tenge with tiyn: exact decimals, never floats."""
    return fields.DecimalField(max_digits=14, decimal_places=2, **kwargs)


class ReceiptSection(str, Enum):
    HOUSING = "housing"  # kk тұрғын үй қызметтері, ru жилищные услуги
    UTILITIES = "utilities"  # kk коммуналдық қызметтер, ru коммунальные услуги
    OTHER = "other"  # kk басқа қызметтер, ru прочие услуги


class ChargeImportStatus(str, Enum):
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class ChargeImport(TimestampedModel):
    """One bulk delivery of a month's charges from a company's billing system, with its error report."""

    company = fields.ForeignKeyField("models.ManagementCompany", related_name="charge_imports", on_delete=fields.CASCADE)
    client = fields.ForeignKeyField("models.ApiClient", related_name=False, null=True, on_delete=fields.SET_NULL)
    user = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.SET_NULL)
    period = fields.DateField()
    source = fields.CharField(max_length=10)  # graphql | csv
    status = fields.CharEnumField(ChargeImportStatus, max_length=10, default=ChargeImportStatus.RUNNING)
    lines_total = fields.IntField(default=0)
    lines_ok = fields.IntField(default=0)
    lines_failed = fields.IntField(default=0)
    receipts = fields.IntField(default=0)
    errors = fields.JSONField(default=list)  # [{line, field, code, message}], the first 1000
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "charge_imports"


class Receipt(TimestampedModel):
    """The payment document of one account for one month; a re-import of the month replaces it."""

    account = fields.ForeignKeyField("models.PersonalAccount", related_name="receipts", on_delete=fields.CASCADE)
    company = fields.ForeignKeyField("models.ManagementCompany", related_name=False, on_delete=fields.CASCADE)
    period = fields.DateField()  # the first day of the month
    number = fields.CharField(max_length=30)
    opening_debt = money(default=0)  # debt (+) or advance (-) at the start of the period
    charged = money(default=0)
    recalculation = money(default=0)
    benefits = money(default=0)
    paid_in_period = money(default=0)
    total_to_pay = money(default=0)
    issued_at = fields.DatetimeField()
    charge_import = fields.ForeignKeyField("models.ChargeImport", related_name=False, null=True, on_delete=fields.SET_NULL)
    content_hash = fields.CharField(max_length=64, default="")  # of the lines: an identical re-import changes nothing

    class Meta:
        table = "receipts"
        unique_together = (("account", "period"),)


class ReceiptLine(models.Model):
    """One service of a receipt's calculation (section 3)."""

    id = fields.UUIDField(primary_key=True)
    receipt = fields.ForeignKeyField("models.Receipt", related_name="lines", on_delete=fields.CASCADE)
    position = fields.IntField()
    section = fields.CharEnumField(ReceiptSection, max_length=12)
    service = fields.CharField(max_length=200)
    unit = fields.CharField(max_length=20, default="")
    volume = fields.DecimalField(max_digits=18, decimal_places=6, default=0)
    tariff = fields.DecimalField(max_digits=14, decimal_places=4, default=0)
    charged = money(default=0)
    recalculation = money(default=0)
    benefits = money(default=0)
    debt_advance = money(default=0)
    total = money(default=0)

    class Meta:
        table = "receipt_lines"


class PaymentOrderStatus(str, Enum):
    CREATED = "created"  # the payer was sent to the acquirer's page
    AWAITING_3DS = "awaiting_3ds"
    SUCCEEDED = "succeeded"
    DECLINED = "declined"
    EXPIRED = "expired"


class PaymentOrder(TimestampedModel):
    """One attempt to pay online: created by the resident, settled by the acquirer's webhook."""

    account = fields.ForeignKeyField("models.PersonalAccount", related_name="payment_orders", on_delete=fields.CASCADE)
    company = fields.ForeignKeyField("models.ManagementCompany", related_name=False, on_delete=fields.CASCADE)
    user = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.SET_NULL)
    receipt = fields.ForeignKeyField("models.Receipt", related_name=False, null=True, on_delete=fields.SET_NULL)
    amount = money()
    status = fields.CharEnumField(PaymentOrderStatus, max_length=16, default=PaymentOrderStatus.CREATED)
    provider = fields.CharField(max_length=20)
    provider_ref = fields.CharField(max_length=100, null=True, unique=True)
    pay_url = fields.CharField(max_length=500, default="")
    failure_code = fields.CharField(max_length=40, null=True)
    settled_at = fields.DatetimeField(null=True)

    class Meta:
        table = "payment_orders"


class PaymentSource(str, Enum):
    ONLINE = "online"  # through the portal's acquirer
    COMPANY = "company"  # reported by the company's billing (cash desk, bank, other channels)


class Payment(TimestampedModel):
    """Money received on an account; counted once whatever the acquirer or the billing repeats."""

    account = fields.ForeignKeyField("models.PersonalAccount", related_name="payments", on_delete=fields.CASCADE)
    company = fields.ForeignKeyField("models.ManagementCompany", related_name=False, on_delete=fields.CASCADE)
    number = fields.CharField(max_length=30)
    amount = money()
    paid_at = fields.DatetimeField()
    source = fields.CharEnumField(PaymentSource, max_length=10)
    order = fields.OneToOneField("models.PaymentOrder", related_name="payment", null=True, on_delete=fields.SET_NULL)
    external_id = fields.CharField(max_length=100, null=True)

    class Meta:
        table = "payments"
        unique_together = (("company", "external_id"),)


class WebhookEvent(models.Model):
    """Every acquirer callback as received; its event id makes a replay a no-op."""

    id = fields.UUIDField(primary_key=True)
    provider = fields.CharField(max_length=20)
    event_id = fields.CharField(max_length=100)
    order = fields.ForeignKeyField("models.PaymentOrder", related_name="webhook_events", null=True, on_delete=fields.SET_NULL)
    payload = fields.JSONField(default=dict)
    outcome = fields.CharField(max_length=20, default="")
    received_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "payment_webhook_events"
        unique_together = (("provider", "event_id"),)
