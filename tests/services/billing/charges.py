"""Charge lines for the billing tests: the seed 004 receipt of account 10117 and CSV bodies."""

from __future__ import annotations

import csv
import io

SEED_LINES = [
    {"account_number": "10117", "section": "housing", "service": "Водоотведение СОИ", "unit": "м3",
     "volume": "9.944482", "tariff": "30.10", "charged": "299.33", "debt_advance": "1180.70", "total": "1480.03"},
    {"account_number": "10117", "section": "housing", "service": "ГВС СОИ", "unit": "м3", "volume": "4.3482",
     "tariff": "150.00", "charged": "651.93", "debt_advance": "2436.40"},
    {"account_number": "10117", "section": "housing", "service": "Паспортный стол", "unit": "м2", "volume": "61",
     "tariff": "1.05", "charged": "64.05", "debt_advance": "788.80"},
]


def csv_body(lines: list[dict]) -> bytes:
    columns: list[str] = []
    for line in lines:
        columns += [k for k in line if k not in columns]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(lines)
    return out.getvalue().encode()
