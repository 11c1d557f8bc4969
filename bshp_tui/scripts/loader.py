"""Guided-session scripts: load and validate the Markdown prompt files in prompts/.

A prompt file is plain Markdown. `# Title` names the guided session, `## Title` starts a step, and
small fenced blocks declare what the file means for the app:

    ```veiledning        the guided session: id, nummer, tid, kort
    ```steg              a step: id, hvis, gjenta, igp, minutter, privat
    ```felt              a field to fill: id, type, spørsmål, ... (see prompts/README.md)

Everything else is the assistant's words, shown as Markdown. Every error is reported as
`file:line: what is wrong` in Norwegian.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..disk.files import read_regular_text
from . import placement
from .checks import check_references
from .folder import default_prompts_dir, prompt_files
from .grammar import (
    BLOCK_KEYS,
    Entry,
    FieldBlock,
    check_id,
    kind_keys,
    parse_block,
    parse_bool,
    parse_condition,
    parse_number,
)
from .markdown import block_end, parser
from .model import Column, Condition, Field, Option, Scale, Script, ScriptError, ScriptErrors, Step

FORMER_RE = re.compile(r"[a-z0-9][a-z0-9_-]*\.[a-z0-9][a-z0-9_-]*")  # tidligere: veiledning.felt

__all__ = [
    "Column",
    "Condition",
    "Field",
    "Option",
    "Scale",
    "Script",
    "ScriptError",
    "ScriptErrors",
    "Step",
    "check_folder",
    "default_prompts_dir",
    "load_folder",
    "prompt_files",
]


def load_file(path: Path) -> tuple[Script | None, list[ScriptError]]:
    """Load one prompt file: the script (None if it has no title) and every problem found in it."""
    errors: list[ScriptError] = []
    try:
        source = read_regular_text(path, "utf-8-sig")  # a BOM (Notepad) is not part of the text
    except UnicodeDecodeError as exc:
        return None, [ScriptError(path, 1, f"filen er ikke gyldig UTF-8-tekst (byte {exc.start}); lagre den som UTF-8")]
    except OSError as exc:
        return None, [ScriptError(path, 1, f"kunne ikke lese filen: {exc.strerror or exc}")]
    lines = source.splitlines()
    tokens = parser().parse(source)

    script: Script | None = None
    step: Step | None = None
    text_parts: list[str] = []
    links: list[tuple[str, int]] = []
    fence_chars = {"`", "~"}

    def flush_text() -> None:
        text = "\n\n".join(p for p in text_parts if p.strip()).strip()
        text_parts.clear()
        if step is not None:
            step.text = (step.text + "\n\n" + text).strip() if step.text else text
        elif script is not None:
            script.intro = (script.intro + "\n\n" + text).strip() if script.intro else text

    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.level != 0:
            i += 1
            continue
        start = (tok.map[0] + 1) if tok.map else 0
        if tok.type == "heading_open" and tok.tag in ("h1", "h2"):
            title = tokens[i + 1].content.strip()
            flush_text()
            if tok.tag == "h1":
                if script is not None:
                    errors.append(
                        ScriptError(path, start, "filen har mer enn én «# »-overskrift; én fil er én veiledning")
                    )
                else:
                    script = Script(id="", title=title, path=path)
            else:
                if script is None:
                    errors.append(ScriptError(path, start, "steget står før «# »-overskriften med veiledningens navn"))
                    script = Script(id="", title="", path=path)
                step = Step(id="", title=title, script_id=script.id, line=start)
                script.steps.append(step)
            i += 3
            continue
        if tok.type == "fence" and tok.info.strip() in BLOCK_KEYS:
            kind = tok.info.strip()
            end_line = tok.map[1] if tok.map else start
            closing = lines[end_line - 1].strip() if end_line - 1 < len(lines) else ""
            closed = (
                end_line - 1 > tok.map[0]
                and closing[:1] in fence_chars
                and set(closing) <= fence_chars
                and len(closing) >= len(tok.markup)
            )
            if not closed:
                errors.append(
                    ScriptError(path, start, f"{kind}-blokken er ikke lukket (mangler {tok.markup} på en egen linje)")
                )
            entries = parse_block(tok.content, start + 1, kind, path, errors)
            if kind == "veiledning":
                if script is None or step is not None:
                    errors.append(ScriptError(path, start, "veiledning-blokken skal stå rett under «# »-overskriften"))
                else:
                    _apply_script_block(script, entries, start, path, errors)
            elif kind == "steg":
                if step is None:
                    errors.append(ScriptError(path, start, "steg-blokken skal stå under en «## »-overskrift"))
                elif step.id:
                    errors.append(ScriptError(path, start, "steget har allerede en steg-blokk"))
                else:
                    _apply_step_block(step, entries, start, path, errors)
            else:
                if step is None:
                    errors.append(ScriptError(path, start, "felt-blokken skal stå under en «## »-overskrift (et steg)"))
                else:
                    fld = _make_field(entries, script.id if script else "", step, start, path, errors)
                    if fld is not None:
                        step.fields.append(fld)
            i += 1
            continue
        # Ordinary Markdown: the assistant's words. Keep the source lines as written.
        if tok.map and (tok.type.endswith("_open") or tok.type in ("fence", "code_block", "html_block", "hr")):
            depth_close = block_end(tokens, i)
            text_parts.append("\n".join(lines[tok.map[0] : tok.map[1]]))
            for t in tokens[i : depth_close + 1]:
                if t.type == "inline":
                    for child in t.children or []:
                        if child.type == "link_open":
                            href = str(child.attrs.get("href", ""))
                            if href.startswith("#"):
                                links.append((href[1:], (t.map[0] + 1) if t.map else start))
            i = depth_close + 1
            continue
        i += 1
    flush_text()

    if script is None:
        errors.append(ScriptError(path, 1, "filen mangler en «# »-overskrift med veiledningens navn"))
        return None, errors
    if not script.id:
        errors.append(ScriptError(path, 1, "filen mangler en veiledning-blokk med «id:» under «# »-overskriften"))
    seen_steps: dict[str, int] = {}
    seen_fields: dict[str, int] = {}
    for st in script.steps:
        st.script_id = script.id
        if not st.id:
            errors.append(ScriptError(path, st.line, f"steget «{st.title}» mangler en steg-blokk med «id:»"))
        elif st.id in seen_steps:
            errors.append(ScriptError(path, st.line, f"steg-id «{st.id}» er brukt før (linje {seen_steps[st.id]})"))
        else:
            seen_steps[st.id] = st.line
        for fld in st.fields:
            fld.script_id, fld.step_id = script.id, st.id
            if fld.id in seen_fields:
                id_line = fld.lines.get("id", fld.line)
                errors.append(
                    ScriptError(path, id_line, f"felt-id «{fld.id}» er brukt før (linje {seen_fields[fld.id]})")
                )
            else:
                seen_fields[fld.id] = fld.line
        _fix_refs(st, script.id)
    script.links = links
    return script, errors


def _fix_refs(step: Step, script_id: str) -> None:
    """Resolve short references ("field") to full ones ("script.field") once the id is known."""
    if step.repeat and "." not in step.repeat:
        step.repeat = f"{script_id}.{step.repeat}"
    if step.condition and step.condition.ref.startswith("."):
        step.condition = Condition(
            script_id + step.condition.ref, step.condition.values, step.condition.negate, step.condition.line
        )
    for fld in step.fields:
        if fld.ref and fld.ref.startswith("."):
            fld.ref = script_id + fld.ref
        if fld.condition and fld.condition.ref.startswith("."):
            fld.condition = Condition(
                script_id + fld.condition.ref, fld.condition.values, fld.condition.negate, fld.condition.line
            )
        fld.columns = [c.replace(ref=script_id + c.ref) if c.ref and c.ref.startswith(".") else c for c in fld.columns]


def _apply_script_block(
    script: Script, entries: dict[str, Entry], line: int, path: Path, errors: list[ScriptError]
) -> None:
    script.id = check_id(entries.get("id"), "veiledning-blokken", line, path, errors)
    num = parse_number(entries.get("nummer"), path, errors, "nummer")
    script.number = int(num) if num is not None else 0
    script.time = str(entries["tid"].value) if "tid" in entries else ""
    script.short = str(entries["kort"].value) if "kort" in entries else ""


def _apply_step_block(step: Step, entries: dict[str, Entry], line: int, path: Path, errors: list[ScriptError]) -> None:
    step.id = check_id(entries.get("id"), "steg-blokken", line, path, errors)
    step.condition = parse_condition(entries.get("hvis"), "", path, errors)
    if "gjenta" in entries:
        step.repeat = str(entries["gjenta"].value)
        step.repeat_line = entries["gjenta"].line
    step.igp = parse_bool(entries.get("igp"), False, path, errors, "igp")
    step.private = parse_bool(entries.get("privat"), step.igp, path, errors, "privat")
    minutes = parse_number(entries.get("minutter"), path, errors, "minutter")
    step.minutes = int(minutes) if minutes is not None else None
    _placement_keys(placement.apply_step_keys, step, entries, path, errors)


def _placement_keys(apply, target, entries: dict[str, Entry], path: Path, errors: list[ScriptError]) -> None:
    problems: list[tuple[int, str]] = []
    apply(target, entries, problems)
    errors.extend(ScriptError(path, line, message) for line, message in problems)


def _make_field(
    entries: dict[str, Entry], script_id: str, step: Step, line: int, path: Path, errors: list[ScriptError]
) -> Field | None:
    from . import kinds

    fid = check_id(entries.get("id"), "felt-blokken", line, path, errors)
    kind_entry = entries.get("type")
    known = ", ".join(kinds.names())
    if kind_entry is None:
        errors.append(ScriptError(path, line, f"feltet «{fid}» mangler «type:» (mulige typer: {known})"))
        return None
    kind = str(kind_entry.value).lower()
    if kind not in kinds.names():
        errors.append(ScriptError(path, kind_entry.line, f"ukjent felttype «{kind}» (mulige typer: {known})"))
        return None
    if "spørsmål" not in entries:
        errors.append(ScriptError(path, line, f"feltet «{fid}» mangler «spørsmål:»"))
    fld = Field(
        id=fid,
        kind=kind,
        question=str(entries["spørsmål"].value) if "spørsmål" in entries else "",
        script_id=script_id,
        step_id=step.id,
        line=line,
        required=parse_bool(entries.get("påkrevd"), True, path, errors, "påkrevd"),
        help=str(entries["hjelp"].value) if "hjelp" in entries else "",
        condition=parse_condition(entries.get("hvis"), "", path, errors),
    )
    fld.lines = {k: e.line for k, e in entries.items()}
    _placement_keys(placement.apply_field_keys, fld, entries, path, errors)
    if "tidligere" in entries:
        former = str(entries["tidligere"].value).strip()
        if FORMER_RE.fullmatch(former):
            fld.former = former
        else:
            errors.append(
                ScriptError(
                    path,
                    entries["tidligere"].line,
                    (
                        f"«tidligere: {former}» må være et felt skrevet som veiledning.felt, for eksempel "
                        "medvirkning.interessenter"
                    ),
                )
            )
    for key in ("standard", "forslag"):
        if key in entries:
            value = entries[key].value
            items = [text for text, _ in value] if isinstance(value, list) else []
            setattr(fld, "defaults" if key == "standard" else "suggestions", items)
    field_kind = kinds.get(kind)
    for key in sorted(kind_keys() - field_kind.keys, key=lambda k: entries[k].line if k in entries else 0):
        if key in entries:
            errors.append(ScriptError(path, entries[key].line, f"«{key}:» brukes ikke for felt av typen {kind}"))
    field_kind.load(fld, FieldBlock(entries, fid, kind, line, path, errors))
    if fld.condition and fld.condition.ref and "." not in fld.condition.ref:
        fld.condition = Condition(
            "." + fld.condition.ref, fld.condition.values, fld.condition.negate, fld.condition.line
        )
    return fld


def check_folder(folder: Path | str) -> tuple[list[Script], list[ScriptError]]:
    """Load every prompt file in `folder` and check references between them."""
    folder = Path(folder)
    if not folder.is_dir():
        return [], [ScriptError(folder, 0, "mappen finnes ikke")]
    scripts: list[Script] = []
    errors: list[ScriptError] = []
    files = prompt_files(folder)
    if not files:
        errors.append(ScriptError(folder, 0, "mappen har ingen veiledningsfiler (*.md)"))
    for path in files:
        script, errs = load_file(path)
        errors.extend(errs)
        if script is not None and script.id:
            scripts.append(script)
    scripts.sort(key=lambda s: (s.number or 999, s.path.name))
    seen: dict[str, Script] = {}
    for script in scripts:
        if script.id in seen:
            errors.append(
                ScriptError(script.path, 1, f"veilednings-id «{script.id}» er også brukt i {seen[script.id].path.name}")
            )
        seen.setdefault(script.id, script)
    errors.extend(check_references(scripts))
    errors.extend(ScriptError(p, line, message) for p, line, message in placement.check(scripts))
    errors.sort(key=lambda e: (str(e.path), e.line))
    return scripts, errors


def load_folder(folder: Path | str) -> list[Script]:
    """Load and check a folder of prompt files. Raises ScriptErrors if anything is wrong."""
    scripts, errors = check_folder(folder)
    if errors:
        raise ScriptErrors(errors)
    return scripts
