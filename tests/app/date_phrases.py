"""Every period a Swedish leader writes (issue table), with what it means: a date, or (start, end)."""

from __future__ import annotations

from app.dates import VagueDate as V

PHRASES: list[tuple[str, V | tuple[V, V]]] = [
    ("2026-03-15", V.day(2026, 3, 15)),
    ("15 mars 2026", V.day(2026, 3, 15)),
    ("15/3 2026", V.day(2026, 3, 15)),
    ("260315", V.day(2026, 3, 15)),
    ("v. 12 2026", V.week(2026, 12)),
    ("vecka 12 2026", V.week(2026, 12)),
    ("2026-W12", V.week(2026, 12)),
    ("v. 53 2026", V.week(2026, 53)),
    ("v. 12–14 2026", (V.week(2026, 12), V.week(2026, 14))),
    ("v. 52–2 2026", (V.week(2025, 52), V.week(2026, 2))),
    ("mars 2026", V.month(2026, 3)),
    ("Mars 2026", V.month(2026, 3)),
    ("mar 2026", V.month(2026, 3)),
    ("2026-03", V.month(2026, 3)),
    ("Q3 2027", V.quarter(2027, 3)),
    ("kvartal 3 2027", V.quarter(2027, 3)),
    ("2027-Q3", V.quarter(2027, 3)),
    ("tertial 2 2026", V.tertial(2026, 2)),
    ("T2 2026", V.tertial(2026, 2)),
    ("H1 2026", V.half(2026, 1)),
    ("halvår 1 2026", V.half(2026, 1)),
    ("första halvåret 2026", V.half(2026, 1)),
    ("våren 2026", V.season(2026, 0)),
    ("hösten 2025", V.season(2025, 2)),
    ("sommaren 2026", V.season(2026, 1)),
    ("början av 2026", V.year_part(2026, 1)),
    ("mitten av mars 2026", V.month_part(2026, 3, 2)),
    ("slutet av 2025", V.year_part(2025, 3)),
    ("2026", V.year(2026)),
    ("2025/2026", V.turn(2025)),
    ("årsskiftet 2025/2026", V.turn(2025)),
    ("verksamhetsår 2026", V.year(2026)),
    ("okt 2024 – jan 2025", (V.month(2024, 10), V.month(2025, 1))),
    ("okt 2024–jan 2025", (V.month(2024, 10), V.month(2025, 1))),
    ("Okt 2024 – Jan 2025", (V.month(2024, 10), V.month(2025, 1))),
    ("2025-09-01 -- 2025-10-20", (V.day(2025, 9, 1), V.day(2025, 10, 20))),
]
