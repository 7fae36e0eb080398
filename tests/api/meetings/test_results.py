"""Area-weighted results: shares of the whole building's area, decided only by more than half of it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from backend.models.meetings import VoteChoice
from backend.services.meetings.results import tally

try:
    from hypothesis import given, strategies as st
except ImportError:  # pragma: no cover - hypothesis is a dev dependency (pinned)
    given = None

F, A, X = VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN


@pytest.mark.parametrize("votes, total, for_share, decided", [
    ([], "100.00", "0.0000", False),
    ([(F, "50.00")], "100.00", "0.5000", False),  # exactly half is not more than half
    ([(F, "50.01")], "100.00", "0.5001", True),
    ([(F, "30.00"), (F, "20.01"), (A, "49.99")], "100.00", "0.5001", True),
    ([(F, "40.00"), (A, "10.00"), (X, "5.00")], "100.00", "0.4000", False),  # a majority of those voting is not enough
    ([(F, "1.00")], "3.00", "0.3333", False),
    ([(F, "2.00")], "3.00", "0.6667", True),
    ([], "0.00", "0.0000", False),  # a building without areas decides nothing
])
def test_tally_cases(votes, total, for_share, decided):
    t = tally([(c, Decimal(w)) for c, w in votes], Decimal(total))
    assert (str(t.for_share), t.decided) == (for_share, decided)
    assert t.voted_area == t.for_area + t.against_area + t.abstain_area


if given is not None:
    areas = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("500.00"), places=2)

    @given(st.lists(st.tuples(st.sampled_from(list(VoteChoice)), areas), max_size=60), st.lists(areas, max_size=40))
    def test_tally_properties(votes, non_voters):
        # The building is the voters' premises plus some that did not vote.
        total = sum((w for _, w in votes), Decimal("0.00")) + sum(non_voters, Decimal("0.00"))
        t = tally(votes, total)
        assert t.for_area == sum((w for c, w in votes if c is F), Decimal("0.00"))
        assert t.voted_area == sum((w for _, w in votes), Decimal("0.00")) <= t.total_area
        assert t.decided == (t.for_area > t.total_area / 2)
        assert t.for_share.as_tuple().exponent == -4 and Decimal("0") <= t.for_share <= Decimal("1")
        if t.total_area:
            assert abs(t.for_share - t.for_area / t.total_area) <= Decimal("0.00005")
