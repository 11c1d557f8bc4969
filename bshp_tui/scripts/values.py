"""Helpers the field kinds (bshp_tui/kinds/) share: numbers, dates, choosing among options, item
ids and merging edited lists and table rows so ids stay stable.

Item ids are stable: editing a list keeps the ids of unchanged and renamed items, so answers that
point at an item (ratings, action-plan rows, repeated steps) follow it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

from ..record import Record
from .model import Column, Field


class ValidationError(ValueError):
    """The answer cannot be accepted. The message is Norwegian and says how to write it."""


class Item(Record):
    """An item of a list or table answer that later steps can refer to."""

    def __init__(self, id: str, text: str, key: str, parent: str | None = None):
        self.id = id
        self.text = text
        self.key = key  # the answer key it came from
        self.parent = parent  # the repeat item id of that answer, if any


MONTHS = {
    "januar": 1,
    "jan": 1,
    "februar": 2,
    "feb": 2,
    "mars": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "desember": 12,
    "des": 12,
}
MONTH_NAMES = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
]
DATE_WORDS = {"løpende": "løpende", "lopende": "løpende", "årlig": "årlig", "arlig": "årlig"}
RATING_MIN, RATING_MAX = 1, 4
_BULLET = re.compile(r"^\s*(?:[-*•]\s+)")


def new_id(taken: Iterable[str] = ()) -> str:
    import secrets

    taken = set(taken)
    while True:
        candidate = secrets.token_hex(3)
        if candidate not in taken:
            return candidate


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


# --------------------------------------------------------------------------------------------
# Scalars


def parse_number(text: str, fld: Field | None = None) -> int | float:
    raw = text.strip().lower()
    cleaned = re.sub(r"(kr\.?|nok|,-|kroner|minutter|min\.?|stk\.?)$", "", raw).strip()
    if fld is not None and fld.unit:
        cleaned = cleaned.removesuffix(fld.unit.lower()).strip()
    cleaned = cleaned.replace("\u00a0", "").replace(" ", "").replace("\u202f", "")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+", cleaned):  # 50.000 written with thousands dots
        cleaned = cleaned.replace(".", "")
    cleaned = cleaned.replace(",", ".")
    try:
        # Whole numbers exactly (a float would round 17 digits and more); "nan" and "inf" are no numbers.
        number = int(cleaned) if re.fullmatch(r"[-+]?\d+", cleaned) else float(cleaned)
        if not math.isfinite(number):
            raise ValueError
    except ValueError:
        raise ValidationError(
            f"«{text.strip()}» er ikke et tall. Skriv bare tallet, for eksempel 12 eller 50 000."
        ) from None
    if fld is not None:
        low, high = fld.min, fld.max
        allowed = (
            f"Skriv et tall fra {format_number(low)} til {format_number(high)}."
            if low is not None and high is not None
            else ""
        )
        if low is not None and number < low:
            raise ValidationError(
                f"«{text.strip()}» er for lite: tallet kan ikke være mindre enn "
                f"{format_number(low)}. {allowed}".rstrip()
            )
        if high is not None and number > high:
            raise ValidationError(
                f"«{text.strip()}» er for stort: tallet kan ikke være større enn "
                f"{format_number(high)}. {allowed}".rstrip()
            )
    if isinstance(number, int):
        return number
    return int(number) if number.is_integer() and abs(number) < 1e15 else number


def format_number(value: Any, exact: bool = False) -> str:
    """A number the Norwegian way: 50 000 and 1,5 (two decimals). With `exact`, all the decimals
    the number has, so that reading the text back gives the same number."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, float) and not value.is_integer():
        if exact and round(value, 2) != value:
            whole, _, decimals = repr(abs(value)).partition(".")
            if "e" in repr(value):
                return repr(value).replace(".", ",")
            sign = "-" if value < 0 else ""
            return f"{sign}{int(whole):,}".replace(",", "\u00a0") + "," + decimals
        return f"{value:,.2f}".replace(",", "\u00a0").replace(".", ",")
    return f"{int(value):,}".replace(",", "\u00a0")


# Two years joined by a hyphen or a dash, the second after the first: «2027-2040», «2027 – 2040».
_YEAR_SPAN = re.compile(r"(?<![\d-])((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?![\d-])")


def year_span(first: int | str, last: int | str) -> str:
    """Two years written as a span, with an en dash: «2027–2030» (one year alone when they are the same).
    Every year span the documents write comes from here."""
    return str(first) if str(first) == str(last) else f"{first}–{last}"


def dashed_year_spans(text: str) -> str:
    """A text with each span of years written with an en dash: «2027-2040» becomes «2027–2040»."""
    return _YEAR_SPAN.sub(lambda m: year_span(m.group(1), m.group(2)) if m.group(1) < m.group(2) else m.group(0), text)


def parse_date(text: str) -> str:
    raw = text.strip().lower().rstrip(".")
    if raw in DATE_WORDS:
        return DATE_WORDS[raw]
    m = re.fullmatch(r"(\d{4})", raw)
    if m and 1900 <= int(raw) <= 2200:
        return raw
    m = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", raw)
    if m:
        return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None, text)
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", raw)
    if m:
        return _date(int(m.group(3)), int(m.group(2)), int(m.group(1)), text)
    m = re.fullmatch(r"(\d{1,2})[./](\d{4})", raw)
    if m:
        return _date(int(m.group(2)), int(m.group(1)), None, text)
    m = re.fullmatch(r"(?:(\d{1,2})\.?\s+)?([a-zæøå]+)\.?\s+(\d{4})", raw)
    if m and m.group(2) in MONTHS:
        day = int(m.group(1)) if m.group(1) else None
        return _date(int(m.group(3)), MONTHS[m.group(2)], day, text)
    raise ValidationError(
        f"Forstår ikke datoen «{text.strip()}». Skriv et år (2028), en måned (2028-06 eller juni 2028), "
        "en dato (15.06.2028) eller «løpende»."
    )


def _date(year: int, month: int, day: int | None, text: str) -> str:
    import datetime

    try:
        if not 1900 <= year <= 2200:
            raise ValueError
        datetime.date(year, month, day or 1)
    except ValueError:
        raise ValidationError(f"«{text.strip()}» er ikke en gyldig dato.") from None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def format_date(value: Any) -> str:
    text = str(value)
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return text
    if m.group(3):
        return f"{int(m.group(3))}. {MONTH_NAMES[int(m.group(2)) - 1]} {m.group(1)}"
    return f"{MONTH_NAMES[int(m.group(2)) - 1]} {m.group(1)}"


def _listing(options: list[tuple[str, str]]) -> str:
    return ", ".join(f"{n}) {label}" for n, (_, label) in enumerate(options, 1))


def choose(text: str, options: list[tuple[str, str]], multiple: bool) -> str | list[str]:
    """Pick option ids by number (1-based), id or label. `options` is [(id, label)]. Several are
    separated by commas, semicolons or lines; a label that itself has a comma is still one choice."""
    raw = text.strip()
    if not raw:
        raise ValidationError(f"Velg et av alternativene med nummer eller navn: {_listing(options)}.")
    parts = _choice_parts(raw, options) if multiple else [raw]
    if multiple and len(parts) == 1 and re.fullmatch(r"\d+(\s+\d+)+", parts[0]):
        parts = parts[0].split()
    chosen: list[str] = []
    for part in parts:
        oid = _match_option(part, options)
        if oid is None:
            raise ValidationError(
                f"«{part}» er ikke et av alternativene. Velg med nummer eller navn: {_listing(options)}."
            )
        if oid not in chosen:
            chosen.append(oid)
    return chosen if multiple else chosen[0]


def _choice_parts(raw: str, options: list[tuple[str, str]]) -> list[str]:
    """Split at separators, but keep together the longest run of pieces that is a label as written."""
    tokens = re.split(r"([,;\n]+)", raw)
    words, seps = tokens[0::2], tokens[1::2]
    names = {name.lower() for option in options for name in option}
    parts: list[str] = []
    i = 0
    while i < len(words):
        end = i
        for j in range(len(words) - 1, i, -1):
            joined = "".join(words[k] + seps[k] for k in range(i, j)) + words[j]
            if joined.strip().lower() in names:
                end = j
                break
        part = "".join(words[k] + seps[k] for k in range(i, end)) + words[end]
        if part.strip():
            parts.append(part.strip())
        i = end + 1
    return parts


def _match_option(part: str, options: list[tuple[str, str]]) -> str | None:
    low = part.lower().rstrip(".)")
    if low.isdigit() and 1 <= int(low) <= len(options):
        return options[int(low) - 1][0]
    for written in (part.lower(), low):  # "Tiltak A." names the option "Tiltak A." before "Tiltak A"
        for oid, label in options:
            if written == oid.lower() or written == label.lower():
                return oid
    starts = [oid for oid, label in options if label.lower().startswith(low) and len(low) >= 3]
    return starts[0] if len(starts) == 1 else None


# --------------------------------------------------------------------------------------------
# Lists and tables


def split_lines(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        line = _BULLET.sub("", line).strip()
        if line:
            out.append(line)
    return out


def merge_list(old: list[dict] | None, texts: list[str], taken: Iterable[str] = ()) -> list[dict]:
    """New list items from `texts`, keeping ids: an unchanged item (same text) keeps its id, and
    so does a renamed one. A new text counts as a rename of a removed old item when the two are
    alike, or when it stands in the removed item's place (edited in place)."""
    import difflib

    old = [o for o in (old or []) if isinstance(o, dict) and "id" in o]
    result: list[str | None] = [None] * len(texts)
    free = list(range(len(old)))
    for i, text in enumerate(texts):  # 1. unchanged
        j = next((j for j in free if old[j].get("tekst") == text), None)
        if j is not None:
            result[i] = old[j]["id"]
            free.remove(j)
    open_new = [i for i in range(len(texts)) if result[i] is None]
    pairs = sorted(
        (
            (difflib.SequenceMatcher(None, texts[i].lower(), str(old[j].get("tekst", "")).lower()).ratio(), i, j)
            for i in open_new
            for j in free
        ),
        reverse=True,
    )
    for ratio, i, j in pairs:  # 2. renamed: alike
        if ratio < 0.6:
            break
        if result[i] is None and j in free:
            result[i] = old[j]["id"]
            free.remove(j)
    for i in range(len(texts)):  # 3. edited in place: same position as a removed item
        if result[i] is None and i in free:
            result[i] = old[i]["id"]
            free.remove(i)
    ids = set(taken) | {o["id"] for o in old}
    out = []
    for i, text in enumerate(texts):
        item_id = result[i]
        if item_id is None:
            item_id = new_id(ids)
            ids.add(item_id)
        out.append({"id": item_id, "tekst": text})
    return out


def join_cells(cells: Iterable[str]) -> str:
    """A table row as one line of text: cells separated by «; », a semicolon inside a cell written
    «\\;» (and a backslash «\\\\») so the line reads back to the same cells."""
    return "; ".join(cell.replace("\\", "\\\\").replace(";", "\\;") for cell in cells)


def split_cells(line: str) -> list[str]:
    """The cells of a line: split at «;» or a tab, except at «\\;» (a semicolon in the cell). A
    backslash before anything else is just a backslash."""
    cells: list[str] = []
    cell: list[str] = []
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == "\\" and line[i + 1 : i + 2] in ("\\", ";"):
            cell.append(line[i + 1])
            i += 2
            continue
        if ch in ";\t":
            cells.append("".join(cell).strip())
            cell = []
        else:
            cell.append(ch)
        i += 1
    cells.append("".join(cell).strip())
    return cells


def parse_row(line: str, columns: list[Column]) -> list[str]:
    cells = split_cells(line)
    while len(cells) > len(columns) and cells[-1] == "":
        cells.pop()
    if len(cells) > len(columns):
        raise ValidationError(
            f"Linja «{line.strip()}» har {len(cells)} deler, men tabellen har {len(columns)} kolonner "
            f"({'; '.join(c.label for c in columns)}). Skill kolonnene med semikolon (;); et semikolon inne i en celle skrives \\;."
        )
    return cells + [""] * (len(columns) - len(cells))


def merge_rows(old: list[dict] | None, rows: list[dict], columns: list[Column]) -> list[dict]:
    """Give new rows the ids of old rows with the same content, or at the same position."""
    old = list(old or [])

    def content(row: dict) -> tuple:
        return tuple(row.get(c.id, "") for c in columns)

    used: set[int] = set()
    out: list[dict] = []
    for i, row in enumerate(rows):
        match = next((j for j, o in enumerate(old) if j not in used and content(o) == content(row)), None)
        if match is None and i < len(old) and i not in used:
            match = i
        row = dict(row)
        if match is not None:
            used.add(match)
            row["id"] = old[match]["id"]
        out.append(row)
    ids = {r["id"] for r in out if "id" in r} | {o["id"] for o in old}
    for row in out:
        if "id" not in row:
            row["id"] = new_id(ids)
            ids.add(row["id"])
    return out
