"""Økonomiske konsekvenser: the action plan's costs per year of the plan period, for the budget.

Each measure in the action-plan table may give drift per year, investering, the years they fall in,
financing and whether it is covered within today's budget (`rammer`); guide/costs.py says how they
count per year.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..guide.costs import YEARS, MeasureCost, amount_phrases, measure_cost, plan_years
from ..guide.measures import DRIFT, INVESTMENT, WITHIN
from ..record import Record
from ..scripts import refs as R
from ..scripts.values import format_number, year_span

if TYPE_CHECKING:
    from ..guide.conductor import Conductor
    from ..scripts.values import Item

FINANCING = "finansiering"
# The action-plan columns shown together in the plan table's Kostnad column.
COST_COLUMNS = (DRIFT, INVESTMENT, YEARS, FINANCING, WITHIN)

__all__ = ["COST_COLUMNS", "MeasureCost", "cost_cell", "economy_blocks", "economy_rows", "measure_cost", "plan_years"]


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
    out.append(
        A.para(
            A.text(
                f"Tabellen viser hva tiltakene i handlingsplanen koster hvert år i planperioden {year_span(years[0], years[-1])}, "
                "i kroner, med drift og investering hver for seg."
            )
        )
    )
    head = [A.cell_text("Målområde og post")] + [A.cell_text(str(y)) for y in years] + [A.cell_text("Sum")]
    body: list[list] = []
    for row in rows:
        if row.label:  # a goal area (or all of them) starts with its name on a row of its own
            body.append([A.Span([A.plain([A.strong(A.text(row.label))])], len(years) + 2)])
        # A total row has its name in bold; its amounts stay regular so that they fit their columns.
        post = [A.plain([A.strong(A.text(row.post))])] if row.strong else A.cell_text(row.post)
        body.append([post] + [A.cell_text(amount(v)) for v in [*row.per_year, row.total]])
    out.append(
        A.table(
            head,
            body,
            align=["AlignLeft"] + ["AlignRight"] * (len(years) + 1),
            equal=[False] + [True] * len(years) + [False],
        )
    )
    outside = [m for m in costs if m.outside]
    if outside:
        out.append(
            A.para(
                A.text(
                    "Kostnader i år utenfor planperioden er ikke med i tabellen: "
                    + "; ".join(f"{m.name} ({', '.join(str(y) for y in m.outside)})" for m in outside)
                    + "."
                )
            )
        )
    return out


def financing_text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def cost_cell(c: Conductor, fld, row: dict) -> str:
    """The Kostnad cell of the action-plan table: drift (per year), investering, years, financing
    and whether it is within today's budget, in one line."""
    parts = amount_phrases(row)
    for col_id in (YEARS, FINANCING):
        value = c.cell(fld, row, col_id) if fld.column(col_id) else row.get(col_id)
        if isinstance(value, str) and value.strip():
            parts.append(value.strip())
    within = row.get(WITHIN)
    if isinstance(within, str) and within.strip():
        parts.append(f"innenfor dagens rammer: {within.strip()}")
    return ", ".join(parts)
