"""The totals said about the action plan's costs agree with its costs per year of the plan period."""

from hypothesis import given
from hypothesis import strategies as st

from bshp_tui.guide.costs import measure_cost, period_totals, total_text
from bshp_tui.scripts.values import dashed_year_spans, year_span

YEARS = [2027, 2028, 2029, 2030]
# the tester's two measures: a purchase in 2028 and a support worker for the whole period
BUY = {"kostnad": 50_000, "investering": 30_000_000, "ar": "2028"}
WORKER = {"kostnad": 650_000}


def plain(text: str) -> str:
    return text.replace("\xa0", " ").replace("\u202f", " ")


def test_a_one_year_measure_is_not_counted_in_every_year():
    assert plain(total_text([BUY, WORKER], YEARS)) == "drift 2 650 000 kr i 2027–2030, investering 30 000 000 kr"
    assert period_totals([BUY, WORKER], YEARS) == ([650_000, 700_000, 650_000, 650_000], 30_000_000)


def test_drift_is_said_per_year_only_when_it_is_the_same_every_year():
    assert (
        plain(total_text([WORKER, {"kostnad": 50_000}], YEARS)) == "drift 700 000 kr per år, 2 800 000 kr i 2027–2030"
    )
    assert plain(total_text([BUY], YEARS)) == "drift 50 000 kr i 2027–2030, investering 30 000 000 kr"
    assert plain(total_text([{"investering": 900}], YEARS)) == "investering 900 kr"
    assert total_text([{"kostnad": 0}], YEARS) == "0 kr"


def test_without_a_plan_period_a_measure_with_years_counts_in_those_years():
    assert plain(total_text([BUY, WORKER], [])) == (
        "drift 650 000 kr per år og 50 000 kr i 2028, investering 30 000 000 kr"
    )
    assert plain(total_text([WORKER], [])) == "drift 650 000 kr per år"


def test_a_year_span_has_an_en_dash():
    assert year_span(2027, 2030) == "2027–2030" and year_span(2027, 2027) == "2027"
    assert dashed_year_spans("2027-2040") == "2027–2040"
    assert dashed_year_spans("fra 2027 - 2040, så 2041—2050") == "fra 2027–2040, så 2041–2050"
    # not a span: a month, a date, a phone number, years the wrong way round
    for kept in ("2027-03", "2027-03-01", "2040-2027", "12345-2030", "2027-20401"):
        assert dashed_year_spans(kept) == kept


row = st.fixed_dictionaries(
    {"kostnad": st.integers(0, 10**7)},
    optional={"investering": st.integers(0, 10**8), "ar": st.sampled_from(["2027", "2028–2029", "2026–2031", "2030"])},
)


@given(st.lists(row, max_size=6))
def test_the_period_total_is_the_sum_of_the_years(rows):
    per_year, invest = period_totals(rows, YEARS)
    text = plain(total_text(rows, YEARS))
    expected = sum(sum(measure_cost("", r, YEARS).drift.values()) for r in rows)
    assert round(sum(per_year)) == expected
    if expected:
        total = f"{round(expected):,}".replace(",", " ")
        per = f"{round(per_year[0]):,}".replace(",", " ")
        assert f"drift {total} kr i 2027–2030" in text or (
            len(set(per_year)) == 1 and f"drift {per} kr per år, {total} kr i 2027–2030" in text
        )
    assert "per år" not in text or len(set(per_year)) == 1
