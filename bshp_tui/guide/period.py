"""The plan period ("2027–2030"): checked the same way in the CLI, the new-session dialog and the chat."""

from __future__ import annotations

import re

from ..errors import UsageError
from ..scripts.refs import PLAN_PERIOD
from ..scripts.values import year_span

PERIOD_KEY = f"{PLAN_PERIOD.script_id}/{PLAN_PERIOD.field_id}"  # the answer that holds the period (also in meta)
PERIOD_RE = re.compile(r"^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$")


def parse_period(text: str) -> str:
    """Validate a plan period like 2027-2030 and return it normalised ("2027–2030")."""
    match = PERIOD_RE.match(text)
    if not match:
        raise UsageError(f"Ugyldig planperiode «{text}». Skriv den som to årstall, fra–til, for eksempel 2027-2030.")
    start, end = int(match.group(1)), int(match.group(2))
    if not (2000 <= start <= 2100) or end < start or end - start > 20:
        raise UsageError(
            f"Planperioden «{text}» ser ikke riktig ut: sluttåret må komme etter startåret, og perioden "
            "bør være høyst 20 år (vanlig er 4 år, for eksempel 2027-2030)."
        )
    return year_span(start, end)
