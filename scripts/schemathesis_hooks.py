"""Schemathesis hooks (loaded through SCHEMATHESIS_HOOKS by scripts/schemathesis.sh): how to make
values of the portal's own scalars. Decimal is money, areas, volumes and readings, sent as a string
("3680.39"); the generator also tries values the API must refuse in words (negative, too many
decimals, huge), never NaN or infinity, which are not decimals of any kind we accept."""

from decimal import Decimal

import schemathesis
from hypothesis import strategies as st
from schemathesis.graphql import nodes

schemathesis.graphql.scalar(
    "Decimal",
    st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), allow_nan=False, allow_infinity=False, places=None)
    .map(lambda d: nodes.String(format(d, "f"))),
)
