"""The two shapes of loader every domain uses: rows by id, and rows grouped by a column."""

from __future__ import annotations

from collections import defaultdict, namedtuple
from functools import cache

from strawberry.dataloader import DataLoader


@cache
def _row_type(model, fields: tuple[str, ...]):
    return namedtuple(f"{model.__name__}Row", fields)


async def _select(query, fields: tuple[str, ...] | None) -> list:
    # With `fields`: rows of just those columns, read as attributes like the model's and converted
    # as the model converts them, without building a model instance each (a list of a holder's
    # contracts reads thousands of rows).
    if fields is None:
        return await query
    row = _row_type(query.model, fields)._make
    return [row(values) for values in await query.values_list(*fields)]


def _by_id(model, fields: tuple[str, ...] | None = None) -> DataLoader:
    """Rows by id: model instances, or with `fields` (which must include "id") rows of those columns."""

    async def load(keys: list) -> list:
        rows = {row.id: row for row in await _select(model.filter(id__in=keys), fields)}
        return [rows.get(k) for k in keys]

    return DataLoader(load)


def _grouped(model, field: str, *order: str, key=lambda k: k, fields: tuple[str, ...] | None = None, **where) -> DataLoader:
    """Rows grouped by `field`, in `order`: model instances, or with `fields` (which must include
    `field`) rows of those columns."""

    async def load(keys: list) -> list[list]:
        found: dict = defaultdict(list)
        query = model.filter(**where, **{f"{field}__in": [key(k) for k in keys]}).order_by(*order)
        for row in await _select(query, fields):
            found[getattr(row, field)].append(row)
        return [found.get(key(k), []) for k in keys]

    return DataLoader(load)
