"""accountMeters with last readings and history costs the same statements for 1 meter or 10."""

from __future__ import annotations

from backend.models.meters import MeterKind
from tests.api.meters.helpers import ACCOUNT_METERS, almaty, make_meter, reading
from tests.sqlcount import statements


async def test_the_statement_count_does_not_grow_with_meters(cast):
    # given: one meter on account_x, ten on account_y (the other resident's)
    one = await make_meter(cast.world.account_x)
    await reading(one, "1", almaty(2026, 11, 20))
    kinds = list(MeterKind)
    for i in range(10):
        meter = await make_meter(cast.world.account_y, kind=kinds[i % len(kinds)], serial=f"S-{i}")
        for month in (9, 10, 11):
            await reading(meter, str(month), almaty(2026, month, 20))
    await cast.resident.data(ACCOUNT_METERS, {"accountId": str(cast.world.account_x.id)})  # warm-up
    # when
    with statements() as for_one:
        small = await cast.resident.data(ACCOUNT_METERS, {"accountId": str(cast.world.account_x.id)})
    with statements() as for_ten:
        big = await cast.other_resident.data(ACCOUNT_METERS, {"accountId": str(cast.world.account_y.id)})
    # then
    assert len(small["accountMeters"]) == 1 and len(big["accountMeters"]) == 10
    assert all(m["lastReading"]["value"] == "11.000" and len(m["readings"]) == 3 for m in big["accountMeters"])
    assert len(for_ten) == len(for_one), (for_one, for_ten)
