"""vurdering: items of an earlier field rated on named scales, stored as
{"item-id": {"scale-id": 1..4}}. `fra:` (and `kolonne:`) name the items, `skalaer:` the scales as
«- id: low pole | high pole». The field counts as answered when every item is rated on every scale.
"""

from __future__ import annotations

from typing import Any

from .. import values as V
from ..model import Scale
from ..values import ValidationError
from .base import Kind, describe, wrong
from .selection import load_source


class Rating(Kind):
    name = "vurdering"
    description = "vurdering av punkter fra et tidligere steg på navngitte skalaer"
    order = 80
    keys = frozenset({"fra", "kolonne", "skalaer"})
    list_keys = frozenset({"skalaer"})
    expected = "et objekt med vurderinger per punkt"

    def load(self, fld, block) -> None:
        load_source(fld, block)
        for item, line in block.items("skalaer", "skalaene det skal vurderes på, som «- id: lav pol | høy pol»"):
            sid, poles = block.split_pair(item)
            low, sep, high = poles.partition("|")
            if not sep or not low.strip() or not high.strip():
                block.error(line, f"skalaen «{item}» må ha to poler skilt med |, som «haster: Kan vente | Haster»")
                continue
            fld.scales.append(Scale(sid, low.strip(), high.strip()))

    def parse(self, c, pos, fld, raw: str) -> dict:
        from ..keys import answer_key

        items = c.items(fld.ref or "", fld.ref_column)
        lines = V.split_lines(raw)
        if len(lines) != len(items):
            raise ValidationError(
                f"Skriv én linje per tiltak ({len(items)} linjer), hver med {len(fld.scales)} tall fra 1 til 4 "
                f"i rekkefølgen {', '.join(s.high for s in fld.scales)}."
            )
        ratings = dict(ratings_of(c.session.answer(answer_key(fld.script_id, fld.id))))
        for item, line in zip(items, lines):
            digits = [int(d) for d in line.replace(",", " ").split() if d.isdigit()]
            if len(digits) != len(fld.scales) or any(not V.RATING_MIN <= d <= V.RATING_MAX for d in digits):
                example = " ".join("3421"[n % 4] for n in range(len(fld.scales)))
                raise ValidationError(
                    f"«{item.text}»: skriv {len(fld.scales)} tall fra 1 til 4, for eksempel «{example}»."
                )
            ratings[item.id] = {s.id: d for s, d in zip(fld.scales, digits)}
        return ratings

    def question_hint(self, c, fld) -> str:
        return (
            f"*Åpne prioriteringsmatrisen med Ctrl+E, eller skriv én linje per tiltak med {len(fld.scales)} tall "
            f"fra 1 til 4, i rekkefølgen {', '.join(s.high.lower() for s in fld.scales)}.*"
        )

    def _input_text(self, c, fld, value: Any) -> str:
        lines = []
        for item in c.items(fld.ref or "", fld.ref_column):
            given = value.get(item.id) or {}
            lines.append(" ".join(str(given.get(s.id, "-")) for s in fld.scales))
        return "\n".join(lines)

    def _display_text(self, c, fld, value: Any) -> str:
        parts = []
        for item in c.items(fld.ref or "", fld.ref_column):
            given = value.get(item.id) or {}
            marks = ", ".join(pole_text(s, given.get(s.id)) for s in fld.scales)
            parts.append(f"- {item.text}: {marks}")
        return "\n".join(parts)

    def is_answered(self, c, fld, value: Any) -> bool:
        return not self.is_empty(value) and not c.unrated(fld)

    def _readable(self, value: Any, fld) -> dict:
        return {
            item: {
                scale: r
                for scale, r in given.items()
                if isinstance(r, int) and not isinstance(r, bool) and V.RATING_MIN <= r <= V.RATING_MAX
            }
            for item, given in ratings_of(value).items()
        }

    def _stored_problem(self, value: Any, fld) -> str | None:
        if not isinstance(value, dict):
            return wrong(self.expected, value)
        for item_id, given in value.items():
            if not isinstance(given, dict):
                return wrong("et objekt med en vurdering per skala", given, f"punkt «{item_id}»: ")
            for scale_id, rating in given.items():
                if isinstance(rating, bool) or not isinstance(rating, int):
                    return f"punkt «{item_id}», skala «{scale_id}»: forventet et heltall fra 1 til 4, fant {describe(rating)}"
                if not V.RATING_MIN <= rating <= V.RATING_MAX:
                    return f"punkt «{item_id}», skala «{scale_id}»: vurderingen {rating} er ikke fra 1 til 4"
        return None


def ratings_of(value: Any) -> dict[str, dict]:
    """The ratings in a stored value, leaving out anything of the wrong shape."""
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(v, dict)}


def pole_text(scale: Scale, rating: Any) -> str:
    """One rating in words that match its meaning: the pole it leans to, with the number
    («svært kostbart (1)», «nærmest mindre kostbart (3)»); «haster: ikke vurdert» when missing."""
    if not isinstance(rating, int) or isinstance(rating, bool) or not V.RATING_MIN <= rating <= V.RATING_MAX:
        return f"{scale.high.lower()}: ikke vurdert"
    pole = (scale.low if rating <= (V.RATING_MIN + V.RATING_MAX) // 2 else scale.high).lower()
    leaning = "" if rating in (V.RATING_MIN, V.RATING_MAX) else "nærmest "
    return f"{leaning}{pole} ({rating})"
