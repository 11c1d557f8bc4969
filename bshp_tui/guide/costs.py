"""What the action plan costs, per year of the plan period, and the totals said about it.

Each measure in the action-plan table may give drift per year (the column `kostnad`, which is what
older answers hold as their single cost), investering and the years they fall in (`ar`). Drift
counts in every year the measure names, investering is spread evenly over those years; a measure
without years counts drift in every year of the plan period and investering in its first year.

Every total written about the costs (the plan's sum rows, the overview in the app, the table
editor, the region overview) comes from these per-year amounts, so it agrees with the economy
table: drift is said «per år» only when it is the same in every year of the period.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..scripts import refs as R
from ..scripts.kinds.columns import format_years, parse_years
from ..scripts.values import ValidationError, format_number, year_span
from .measures import DRIFT, INVESTMENT, WITHIN, has_planned_cost, within_budget

if TYPE_CHECKING:
    from .conductor import Conductor

YEARS = "ar"


def plan_years(period: str) -> list[int]:
    """The years of a plan period written like «2027–2030» (first to last year named)."""
    found = [int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", period or "")]
    if not found or max(found) - min(found) > 30:
        return []
    return list(range(min(found), max(found) + 1))


def session_years(c: Conductor) -> list[int]:
    """The plan period's years from the answer to the period question, else from the session's meta."""
    answered = c.readable_value(R.PLAN_PERIOD.field) if R.field_of(c, R.PLAN_PERIOD) else None
    period = answered if isinstance(answered, str) and answered.strip() else c.session.meta.get("period")
    return plan_years(str(period or ""))


def number(value: Any) -> int | float:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else 0


def row_years(row: dict) -> list[int]:
    """The years a row names; none when the cell is empty or unreadable."""
    text = row.get(YEARS)
    if not isinstance(text, str) or not text.strip():
        return []
    try:
        return parse_years(text)
    except ValidationError:
        return []


class MeasureCost:
    """What one measure of the action plan costs, per year of the plan period."""

    def __init__(self, name: str, within: bool = False, stated: bool = False):
        self.name = name
        self.drift: dict[int, float] = {}
        self.investment: dict[int, float] = {}
        self.within = within
        self.outside: list[int] = []  # years named outside the plan period
        self.stated = stated  # the row says what it costs (an amount, 0 included, or within today's budget)


def measure_cost(name: str, row: dict, years: list[int]) -> MeasureCost:
    """One measure's costs per plan year."""
    cost = MeasureCost(name, within=str(row.get(WITHIN, "")).lower() == "ja", stated=has_planned_cost(row))
    named = row_years(row)
    cost.outside = [y for y in named if y not in years]
    inside = [y for y in named if y in years]
    drift, investment = number(row.get(DRIFT)), number(row.get(INVESTMENT))
    drift_years = inside if named else years
    invest_years = inside if named else years[:1]
    for y in drift_years:
        cost.drift[y] = drift
    if invest_years and investment:
        share = investment / len(named) if named else investment
        for y in invest_years:
            cost.investment[y] = share
    return cost


def action_rows(c: Conductor, area: str | None = None) -> list[dict]:
    """The rows of the action plan: one goal area's, or every area's."""
    if R.field_of(c, R.ACTION_PLAN) is None:
        return []
    return [
        row
        for parent, rows in c.readable_values(R.ACTION_PLAN.field)
        if area is None or parent == area
        for row in rows or []
        if isinstance(row, dict)
    ]


def drift_phrase(row: dict) -> str:
    """A measure's drift in a few words: «50 000 kr per år», or «drift 50 000 kr» when it names a
    single year (it is then no cost per year); empty when it gives none."""
    drift = row.get(DRIFT)
    if not isinstance(drift, (int, float)) or isinstance(drift, bool):
        return ""
    return f"drift {format_number(drift)} kr" if len(row_years(row)) == 1 else f"{format_number(drift)} kr per år"


def amount_phrases(row: dict) -> list[str]:
    """A measure's amounts in words: its drift (see drift_phrase) and «investering 9 000 kr», each
    only when it gives one."""
    parts = [drift_phrase(row)] if drift_phrase(row) else []
    investment = row.get(INVESTMENT)
    if isinstance(investment, (int, float)) and not isinstance(investment, bool) and investment:
        parts.append(f"investering {format_number(investment)} kr")
    return parts


def planned_cost_text(row: dict) -> str:
    """A measure's planned cost in a few words: «1 000 kr per år, investering 9 000 kr, innenfor dagens
    rammer»; empty when it gives none."""
    parts = amount_phrases(row)
    if within_budget(row):
        parts.append("innenfor dagens rammer")
    return ", ".join(parts)


def period_totals(rows: Iterable[Any], years: list[int]) -> tuple[list[float], float]:
    """Drift per year of the plan period and the investering in it, for some measures together."""
    costs = [measure_cost("", r, years) for r in rows if isinstance(r, dict)]
    return ([sum(m.drift.get(y, 0) for m in costs) for y in years], sum(sum(m.investment.values()) for m in costs))


def _kr(value: float) -> str:
    return f"{format_number(round(value))} kr"


def total_text(rows: Iterable[Any], years: list[int]) -> str:
    """The drift and investering of some measures together, as they count in the plan period:
    «drift 650 000 kr per år, 2 600 000 kr i 2027–2030, investering 300 000 kr» when drift is the
    same every year, else «drift 2 650 000 kr i 2027–2030, …». Without a plan period: drift per
    year for the measures that name no years and the sum for those that do."""
    rows = [r for r in rows if isinstance(r, dict)]
    invest: float
    if years:
        per_year, invest = period_totals(rows, years)
        span = year_span(years[0], years[-1])
        if not any(per_year):
            drift = ""
        elif len(set(per_year)) == 1 and len(years) > 1:
            drift = f"drift {_kr(per_year[0])} per år, {_kr(sum(per_year))} i {span}"
        else:
            drift = f"drift {_kr(sum(per_year))} i {span}"
    else:
        every = sum(number(r.get(DRIFT)) for r in rows if not row_years(r))
        named = [r for r in rows if row_years(r)]
        some = sum(number(r.get(DRIFT)) * len(row_years(r)) for r in named)
        invest = sum(number(r.get(INVESTMENT)) for r in rows)
        parts = [f"{_kr(every)} per år"] if every else []
        if some:
            parts.append(f"{_kr(some)} i {format_years([y for r in named for y in row_years(r)])}")
        drift = "drift " + " og ".join(parts) if parts else ""
    out = [drift] if drift else []
    if invest:
        out.append(f"investering {_kr(invest)}")
    return ", ".join(out) or "0 kr"
