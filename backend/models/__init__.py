"""Tortoise models, one module per domain; aerich reads the list below."""

MODEL_MODULES = [
    "backend.models.identity",
    "backend.models.otp",
    "backend.models.messaging",
    "backend.models.notifications",
    "backend.models.history",
    "backend.models.organizations",
    "backend.models.contracts",
    "backend.models.uploads",
    "backend.models.partners",
    "backend.models.applications",
    "backend.models.signatures",
    "backend.models.calendar",
    "backend.models.jobs",
    "backend.models.queue",
    "backend.models.housing",
    "backend.models.billing",
    "backend.models.service_requests",
    "backend.models.meters",
    "backend.models.meetings",
    "backend.models.outages",
]
