"""The ASGI entry point uvicorn imports in every worker."""

from backend.app import create_app

app = create_app()
