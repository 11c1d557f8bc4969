"""Økonomiske konsekvenser: the action plan's costs per year of the plan period, for the budget.

Each measure in the action-plan table may give drift per year (the column `kostnad`, which is what
older answers hold as their single cost), investering, the years they fall in (`ar`), financing
and whether it is covered within today's budget (`rammer`). Drift counts in every year the measure
names, investering is spread evenly over those years; a measure without years counts drift in every
year of the plan period and investering in its first year.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..guide.measures import DRIFT, INVESTMENT, WITHIN, has_planned_cost
from ..record import Record
from ..scripts import refs as R
from ..scripts.kinds.columns import parse_years
from ..scripts.values import ValidationError, format_number

if TYPE_CHECKING:
    from ..guide.conductor import Conductor
    from ..scripts.values import Item

YEARS, FINANCING = "ar", "finansiering"
# The action-plan columns shown together in the plan table's Kostnad column.
COST_COLUMNS = (DRIFT, INVESTMENT, YEARS, FINANCING, WITHIN)


def plan_years(period: str) -> list[int]:
    """The years of a plan period written like «2027–2030» (first to last year named)."""
    found = [int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", period or "")]
    if not found or max(found) - min(found) > 30:
        return []
    return list(range(min(found), max(found) + 1))


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


def area_costs(c: Conductor, area: Item, years: list[int]) -> list[MeasureCost]:
    fld = R.field_of(c, R.ACTION_PLAN)
    if fld is None:
        return []
    out = []
    rows = next((value for item, value in c.readable_values(fld.ref_id) if item == area.id), None)
    for row in rows or []:
        if isinstance(row, dict):
            name = str(c.cell(fld, row, "tiltak") or "tiltak uten navn")
            out.append(measure_cost(name, row, years))
    return out


def amount(value: float) -> str:
    return format_number(round(value)) if value else "–"


class EconomyRow(Record):
    """One row of the economy table: a sum per year of the plan period."""

    __hash__ = None  # type: ignore[assignment]

    def __init__(self, label: str, post: str, per_year: list[float], strong: bool = False):
        self.label = label
        self.post = post
        self.per_year = per_year
        self.strong = strong

    @property
    def total(self) -> float:
        return sum(self.per_year)


def economy_rows(c: Conductor, areas: list[Item], years: list[int]) -> tuple[list[EconomyRow], list[MeasureCost]]:
    """Drift and investering per goal area and year, the totals, and what falls within today's
    budget; with every measure's costs (for the notes under the table)."""
    rows: list[EconomyRow] = []
    every: list[MeasureCost] = []
    drift_total = [0.0] * len(years)
    invest_total = [0.0] * len(years)
    within = [0.0] * len(years)
    for area in areas:
        costs = area_costs(c, area, years)
        every += costs
        drift = [sum(m.drift.get(y, 0) for m in costs) for y in years]
        invest = [sum(m.investment.get(y, 0) for m in costs) for y in years]
        rows.append(EconomyRow(area.text, "Drift", drift))
        rows.append(EconomyRow("", "Investering", invest))
        rows.append(EconomyRow("", "Sum", [d + i for d, i in zip(drift, invest)], strong=True))
        for n, y in enumerate(years):
            drift_total[n] += drift[n]
            invest_total[n] += invest[n]
            within[n] += sum(m.drift.get(y, 0) + m.investment.get(y, 0) for m in costs if m.within)
    rows.append(EconomyRow("Alle målområder", "Drift", drift_total, strong=True))
    rows.append(EconomyRow("", "Investering", invest_total, strong=True))
    both = [d + i for d, i in zip(drift_total, invest_total)]
    rows.append(EconomyRow("", "Sum per år", both, strong=True))
    rows.append(EconomyRow("", "Herav innenfor dagens rammer", within))
    rows.append(EconomyRow("", "Behov for nye midler", [b - w for b, w in zip(both, within)], strong=True))
    return rows, every


def economy_blocks(builder: Any, number: str, level: int = 1) -> list:
    """The chapter «Økonomiske konsekvenser» for the plan or the saksframlegg."""
    from . import ast as A

    heading = f"{number} Økonomiske konsekvenser" if number else "Økonomiske konsekvenser"
    out = [A.header(level, A.text(heading), "okonomi" if level == 1 else "")]
    if R.field_of(builder.c, R.ACTION_PLAN) is None:
        return out
    years = plan_years(builder.period)
    if not years:
        out.append(A.para([builder.placeholder("planperioden (årstallene, for eksempel 2027–2030) i oppstarten")]))
        return out
    areas = builder.goal_areas()
    rows, costs = economy_rows(builder.c, areas, years)
    out.append(A.para(A.text(
        f"Tabellen viser hva tiltakene i handlingsplanen koster hvert år i planperioden {years[0]}–{years[-1]}, "
        "i kroner, med drift og investering hver for seg.")))
    head = [A.cell_text("Målområde og post")] + [A.cell_text(str(y)) for y in years] + [A.cell_text("Sum")]
    body: list[list] = []
    for row in rows:
        if row.label:  # a goal area (or all of them) starts with its name on a row of its own
            body.append([A.Span([A.plain([A.strong(A.text(row.label))])], len(years) + 2)])
        # A total row has its name in bold; its amounts stay regular so that they fit their columns.
        post = [A.plain([A.strong(A.text(row.post))])] if row.strong else A.cell_text(row.post)
        body.append([post] + [A.cell_text(amount(v)) for v in [*row.per_year, row.total]])
    out.append(A.table(head, body, align=["AlignLeft"] + ["AlignRight"] * (len(years) + 1),
                       equal=[False] + [True] * len(years) + [False]))
    outside = [m for m in costs if m.outside]
    if outside:
        out.append(A.para(A.text(
            "Kostnader i år utenfor planperioden er ikke med i tabellen: "
            + "; ".join(f"{m.name} ({', '.join(str(y) for y in m.outside)})" for m in outside) + ".")))
    return out


def financing_text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def cost_cell(c: Conductor, fld, row: dict) -> str:
    """The Kostnad cell of the action-plan table: drift per year, investering, years, financing
    and whether it is within today's budget, in one line."""
    parts = []
    drift, investment = row.get(DRIFT), row.get(INVESTMENT)
    if isinstance(drift, (int, float)) and not isinstance(drift, bool):
        parts.append(f"{format_number(drift)} kr per år")
    if isinstance(investment, (int, float)) and not isinstance(investment, bool) and investment:
        parts.append(f"investering {format_number(investment)} kr")
    for col_id in (YEARS, FINANCING):
        value = c.cell(fld, row, col_id) if fld.column(col_id) else row.get(col_id)
        if isinstance(value, str) and value.strip():
            parts.append(value.strip())
    within = row.get(WITHIN)
    if isinstance(within, str) and within.strip():
        parts.append(f"innenfor dagens rammer: {within.strip()}")
    return ", ".join(parts)
