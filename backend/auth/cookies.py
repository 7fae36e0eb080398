"""The refresh-token cookie: one name and one set of flags for every way of signing in."""

from __future__ import annotations

REFRESH_COOKIE = "__Host-shanyraq_refresh"
# __Host- demands Secure and Path=/; strict SameSite keeps other sites from refreshing for us.
_FLAGS = {"path": "/", "secure": True, "httponly": True, "samesite": "strict"}


def set_refresh_cookie(response, token: str, max_age: int) -> None:
    # Subscriptions have no HTTP response to carry a cookie.
    if response is not None:
        response.set_cookie(REFRESH_COOKIE, token, max_age=max_age, **_FLAGS)


def clear_refresh_cookie(response) -> None:
    if response is not None:
        response.delete_cookie(REFRESH_COOKIE, **_FLAGS)
