"""Results of a question, weighted by the premises' area: a decision needs more than half of the
whole building's area "for", not just of those who voted."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from backend.models.meetings import VoteChoice

SHARE = Decimal("0.0001")
ZERO = Decimal("0.00")  # areas are m² with 2 decimals


@dataclass(frozen=True)
class Tally:
    for_area: Decimal
    against_area: Decimal
    abstain_area: Decimal
    total_area: Decimal

    @property
    def voted_area(self) -> Decimal:
        return self.for_area + self.against_area + self.abstain_area

    @property
    def for_share(self) -> Decimal:
        if self.total_area <= 0:
            return ZERO.quantize(SHARE)
        return (self.for_area / self.total_area).quantize(SHARE, rounding=ROUND_HALF_UP)

    @property
    def decided(self) -> bool:
        # forArea > totalArea / 2, without the division's rounding.
        return self.for_area * 2 > self.total_area

    def as_data(self) -> dict:
        return {"forArea": str(self.for_area), "againstArea": str(self.against_area),
                "abstainArea": str(self.abstain_area), "votedArea": str(self.voted_area),
                "totalArea": str(self.total_area), "forShare": str(self.for_share), "decided": self.decided}


def tally(votes: Iterable[tuple[VoteChoice | str, Decimal]], total_area: Decimal) -> Tally:
    sums = {choice: ZERO for choice in VoteChoice}
    for choice, weight in votes:
        sums[VoteChoice(choice)] += Decimal(weight)
    return Tally(sums[VoteChoice.FOR], sums[VoteChoice.AGAINST], sums[VoteChoice.ABSTAIN], Decimal(total_area))
