"""Checks across a folder of prompt files: every reference (gjenta, hvis, fra, kolonne, links) points
at something that exists, of the right kind, in the same or an earlier guided session."""

from __future__ import annotations

from pathlib import Path

from .model import Field, Script, ScriptError, Step


def check_references(scripts: list[Script]) -> list[ScriptError]:
    errors: list[ScriptError] = []
    fields: dict[str, tuple[int, Field]] = {}
    steps: dict[str, Step] = {}
    for order, script in enumerate(scripts):
        for step in script.steps:
            steps[step.ref_id] = step
            for fld in step.fields:
                fields.setdefault(fld.ref_id, (order, fld))

    from . import kinds as K

    repeat_sources = {k.name for k in K.all_kinds() if k.gives_items and not k.items_by_column}
    item_sources = {k.name for k in K.all_kinds() if k.gives_items}
    option_kinds = {k.name for k in K.all_kinds() if k.has_options}

    def lookup(ref: str, path: Path, line: int, what: str, order: int, kinds: set[str] | None) -> Field | None:
        found = fields.get(ref)
        if found is None:
            errors.append(ScriptError(path, line, f"{what} viser til feltet «{ref}», som ikke finnes"))
            return None
        ref_order, fld = found
        if ref_order > order:
            errors.append(
                ScriptError(path, line, f"{what} viser til feltet «{ref}», som kommer i en senere veiledning")
            )
        if kinds and fld.kind not in kinds:
            errors.append(
                ScriptError(
                    path,
                    line,
                    f"{what} viser til «{ref}», som er av typen {fld.kind} (må være {' eller '.join(sorted(kinds))})",
                )
            )
        return fld

    for order, script in enumerate(scripts):
        for step in script.steps:
            if step.repeat:
                line = step.repeat_line or step.line
                lookup(step.repeat, script.path, line, "«gjenta:»", order, repeat_sources)
            for cond in [step.condition] + [f.condition for f in step.fields]:
                if cond is None:
                    continue
                target = lookup(cond.ref, script.path, cond.line, "vilkåret", order, option_kinds)
                if target is not None:
                    known = {o.id for o in target.options}
                    for value in cond.values:
                        if value not in known:
                            errors.append(
                                ScriptError(
                                    script.path,
                                    cond.line,
                                    f"vilkåret bruker «{value}», som ikke er et alternativ i «{cond.ref}» (mulige: {', '.join(sorted(known))})",
                                )
                            )
            for fld in step.fields:
                lines = fld.lines
                if fld.ref:
                    src = lookup(fld.ref, script.path, lines.get("fra", fld.line), "«fra:»", order, item_sources)
                    if src is not None and K.get(src.kind).items_by_column:
                        if not fld.ref_column:
                            errors.append(
                                ScriptError(
                                    script.path,
                                    lines.get("fra", fld.line),
                                    f"«fra:» viser til tabellen «{fld.ref}»: oppgi også «kolonne:» med kolonnen som gir punktene",
                                )
                            )
                        elif src.column(fld.ref_column) is None:
                            errors.append(
                                ScriptError(
                                    script.path,
                                    lines.get("kolonne", fld.line),
                                    f"kolonnen «{fld.ref_column}» finnes ikke i tabellen «{fld.ref}»",
                                )
                            )
                for col in fld.columns:
                    if col.ref:  # a column of items from a list
                        lookup(col.ref, script.path, fld.line, f"kolonnen «{col.id}»", order, repeat_sources)
    for script in scripts:
        for anchor, line in script.links:
            ref = anchor if "." in anchor else f"{script.id}.{anchor}"
            if ref not in steps:
                errors.append(ScriptError(script.path, line, f"lenken «#{anchor}» viser til et steg som ikke finnes"))
    return errors
