"""One schema from every domain's Query, Mutation and Subscription parts."""

from __future__ import annotations

import strawberry
from strawberry.extensions import MaskErrors, MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry.tools import merge_types

from backend.schema.extensions import ValidateWithoutSuggestions
from backend.schema.identity import IdentityMutation, IdentityQuery
from backend.schema.notifications import NotificationMutation, NotificationQuery, NotificationSubscription
from backend.settings import Settings

Query = merge_types("Query", (IdentityQuery, NotificationQuery))
Mutation = merge_types("Mutation", (IdentityMutation, NotificationMutation))
Subscription = merge_types("Subscription", (NotificationSubscription,))


def _expected(error) -> bool:
    # Errors we raise on purpose carry a stable code; everything else is a fault to hide.
    return not (error.extensions and "code" in error.extensions) and error.original_error is not None


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    settings = settings or Settings()
    extensions: list = [
        QueryDepthLimiter(max_depth=settings.graphql_max_depth),
        MaxAliasesLimiter(max_alias_count=settings.graphql_max_aliases),
        MaxTokensLimiter(max_token_count=settings.graphql_max_tokens),
        ValidateWithoutSuggestions,
    ]
    if not settings.dev_mode:
        extensions.append(MaskErrors(should_mask_error=_expected))
    return strawberry.Schema(query=Query, mutation=Mutation, subscription=Subscription, extensions=extensions)


def schema_sdl() -> str:
    return build_schema().as_str() + "\n"
