"""The Tortoise config that the aerich command line reads (pyproject `[tool.aerich]`)."""

from backend.db import tortoise_config
from backend.settings import Settings

TORTOISE_ORM = tortoise_config(Settings.from_env().database_url)
