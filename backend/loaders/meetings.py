"""Per-request loaders of the meetings domain (owned by that domain; see backend/loaders/__init__.py).

A list of meetings with questions, the viewer's votes, results and documents costs the same
statements for one meeting or many."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from functools import cached_property

from strawberry.dataloader import DataLoader

from backend.loaders.base import _by_id, _grouped
from backend.models.housing import Building, HousingUnit
from backend.models.meetings import MeetingDocument, MeetingQuestion, MeetingVote


class MeetingLoaders:
    @cached_property
    def questions_by_meeting(self) -> DataLoader:
        return _grouped(MeetingQuestion, "meeting_id", "position", fields=("id", "meeting_id", "position", "text"))

    @cached_property
    def documents_by_meeting(self) -> DataLoader:
        return _grouped(MeetingDocument, "meeting_id", "created_at", "id",
                        fields=("id", "meeting_id", "title", "size", "content_type", "created_at"))

    @cached_property
    def building_by_id(self) -> DataLoader:
        return _by_id(Building)

    @cached_property
    def votes_of_unit(self) -> DataLoader:
        """(meeting id, unit id) → {question id: choice} of that premises' votes in that meeting.
        myVote and canVote both read it, so a page of meetings asks once whichever field comes first."""

        async def load(keys: list) -> list:
            meetings = {m for m, _ in keys}
            units = {u for _, u in keys}
            found: dict = defaultdict(dict)
            for meeting, question, unit, choice in await MeetingVote.filter(
                    question__meeting_id__in=meetings, unit_id__in=units).values_list(
                    "question__meeting_id", "question_id", "unit_id", "choice"):
                found[(meeting, unit)][question] = choice
            return [found.get(k, {}) for k in keys]

        return DataLoader(load)

    @cached_property
    def votes_by_question(self) -> DataLoader:
        """(choice, weight) of every vote on each question; summed in Python, exactly (SQLite keeps
        decimals as text, and its SUM would go through floating point)."""

        async def load(keys: list) -> list:
            found: dict = defaultdict(list)
            for question, choice, weight in await MeetingVote.filter(question_id__in=keys).values_list(
                    "question_id", "choice", "weight"):
                found[question].append((choice, weight))
            return [found.get(k, []) for k in keys]

        return DataLoader(load)

    @cached_property
    def building_area(self) -> DataLoader:
        """Σ of the areas of a building's premises: the whole the shares are of."""

        async def load(keys: list) -> list:
            totals: dict = defaultdict(Decimal)
            for building, area in await HousingUnit.filter(building_id__in=keys).values_list("building_id", "area"):
                totals[building] += area
            return [totals.get(k, Decimal("0.00")) for k in keys]

        return DataLoader(load)
