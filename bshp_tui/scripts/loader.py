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

import functools
import re
from dataclasses import dataclass, field as dc_field
from pathlib import Path
from typing import Iterable

from . import placement
from ..disk.files import read_regular_text

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
YES = {"ja", "j", "yes", "true", "sann"}
NO = {"nei", "n", "no", "false", "usann"}

# Keys every felt block may have; each field kind adds its own (kinds.Kind.keys).
FIELD_KEYS = {"id", "type", "spørsmål", "påkrevd", "hjelp", "forslag", "hvis", "dokument", "etikett", "kobler"}
BLOCK_KEYS = {
    "veiledning": {"id", "nummer", "tid", "kort"},
    "steg": {"id", "hvis", "gjenta", "igp", "minutter", "privat", "dokument", "målområde"},
    "felt": FIELD_KEYS,  # completed with the kinds' keys on first use (see _block_keys)
}
LIST_KEYS = {"standard", "forslag", "målområde"}  # keys followed by `- ` items; the kinds add theirs


@functools.cache
def _kind_keys() -> frozenset[str]:
    from . import kinds

    return frozenset(key for kind in kinds.all_kinds() for key in kind.keys)


@functools.cache
def _list_keys() -> frozenset[str]:
    from . import kinds

    return frozenset(LIST_KEYS | {key for kind in kinds.all_kinds() for key in kind.list_keys})


def _block_keys(kind: str) -> set[str] | frozenset[str]:
    if kind == "felt":
        return FIELD_KEYS | _kind_keys()
    return BLOCK_KEYS[kind]


class ScriptError(Exception):
    """One problem in a prompt file, as `file:line: what is wrong`."""

    def __init__(self, path: Path | str, line: int, message: str):
        self.path = Path(path)
        self.line = line
        self.message = message
        super().__init__(f"{self.path}:{line}: {message}")


class ScriptErrors(Exception):
    def __init__(self, errors: list[ScriptError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


# --------------------------------------------------------------------------------------------
# The model


@dataclass(frozen=True)
class Option:
    id: str
    label: str


@dataclass(frozen=True)
class Column:
    id: str
    label: str
    kind: str = "tekst"  # tekst, tall, dato, valg (one of `options`), or fra (an item from `ref`)
    ref: str | None = None
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scale:
    id: str
    low: str  # the left pole, rated 1-2
    high: str  # the right pole, rated 3-4


@dataclass(frozen=True)
class Condition:
    ref: str  # "script.field"
    values: tuple[str, ...]
    negate: bool = False
    line: int = 0

    def text(self) -> str:
        return f"{self.ref} {'!=' if self.negate else '='} {', '.join(self.values)}"


@dataclass
class Field:
    id: str
    kind: str
    question: str
    script_id: str
    step_id: str
    line: int
    required: bool = True
    help: str = ""
    options: list[Option] = dc_field(default_factory=list)
    columns: list[Column] = dc_field(default_factory=list)
    ref: str | None = None  # fra: the list or table field whose items this field uses
    ref_column: str | None = None  # kolonne: which column of a table gives the item text
    scales: list[Scale] = dc_field(default_factory=list)
    defaults: list[str] = dc_field(default_factory=list)
    suggestions: list[str] = dc_field(default_factory=list)
    min: float | None = None
    max: float | None = None
    unit: str = ""
    condition: Condition | None = None
    multiple: bool = False
    sum_column: str | None = None
    documents: tuple[str, ...] = ()  # dokument: the document sections its answers go to
    doc_label: str | None = None  # etikett: its short name in the documents (None: the question)
    show_label: bool = True  # False for `etikett: nei` or `etikett: (name)`: the answer stands alone
    links: str | None = None  # kobler: the step whose goal area this field's answer chooses

    @property
    def ref_id(self) -> str:
        return f"{self.script_id}.{self.id}"

    def option_label(self, option_id: str) -> str:
        for opt in self.options:
            if opt.id == option_id:
                return opt.label
        return option_id

    def column(self, column_id: str) -> Column | None:
        return next((c for c in self.columns if c.id == column_id), None)


@dataclass
class Step:
    id: str
    title: str
    script_id: str
    line: int
    text: str = ""
    fields: list[Field] = dc_field(default_factory=list)
    condition: Condition | None = None
    repeat: str | None = None  # gjenta: "script.field" of a list; the step runs once per item
    igp: bool = False
    minutes: int | None = None
    private: bool = False
    documents: tuple[str, ...] = ()  # dokument: the document sections its fields' answers go to
    goal_areas: tuple[str, ...] = ()  # målområde: the goal areas its answers belong to by default

    @property
    def ref_id(self) -> str:
        return f"{self.script_id}.{self.id}"


@dataclass
class Script:
    id: str
    title: str
    path: Path
    number: int = 0
    time: str = ""
    short: str = ""
    intro: str = ""
    steps: list[Step] = dc_field(default_factory=list)

    @property
    def short_title(self) -> str:
        return self.short or self.title

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def fields(self) -> Iterable[Field]:
        for step in self.steps:
            yield from step.fields


# --------------------------------------------------------------------------------------------
# Block parsing


@dataclass
class _Entry:
    value: str | list[tuple[str, int]]
    line: int


def _parse_block(text: str, first_line: int, kind: str, path: Path,
                 errors: list[ScriptError]) -> dict[str, _Entry]:
    """Parse the small `nøkkel: verdi` format of a block. `first_line` is the 1-based line of the
    first content line."""
    entries: dict[str, _Entry] = {}
    current_list: str | None = None
    allowed = _block_keys(kind)
    list_keys = _list_keys()
    for offset, raw in enumerate(text.splitlines()):
        line_no = first_line + offset
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("- ") or stripped == "-":
            if current_list is None:
                errors.append(ScriptError(path, line_no, "listepunkt uten nøkkel over (skriv for eksempel «valg:» på linjen før)"))
                continue
            item = stripped[1:].strip()
            if not item:
                errors.append(ScriptError(path, line_no, "tomt listepunkt"))
                continue
            entry = entries[current_list]
            assert isinstance(entry.value, list)
            entry.value.append((item, line_no))
            continue
        if ":" not in stripped:
            errors.append(ScriptError(path, line_no, f"forventet «nøkkel: verdi», fant «{stripped}»"))
            current_list = None
            continue
        key, _, value = stripped.partition(":")
        key, value = key.strip().lower(), value.strip()
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            errors.append(ScriptError(path, line_no, f"ukjent nøkkel «{key}» i {kind}-blokken (kjente nøkler: {known})"))
            current_list = None
            continue
        if key in entries:
            errors.append(ScriptError(path, line_no, f"nøkkelen «{key}» står to ganger i samme blokk"))
            current_list = None
            continue
        if key in list_keys:
            if value:
                errors.append(ScriptError(path, line_no, f"«{key}:» skal ha en liste med «- » på linjene under, ikke en verdi på samme linje"))
            entries[key] = _Entry([], line_no)
            current_list = key
        else:
            if not value:
                errors.append(ScriptError(path, line_no, f"«{key}:» mangler verdi"))
            entries[key] = _Entry(value, line_no)
            current_list = None
    return entries


def _split_pair(item: str) -> tuple[str, str]:
    """`id: Label` -> (id, Label); `Label` alone -> (slug of label, Label)."""
    if ":" in item:
        left, _, right = item.partition(":")
        if ID_RE.match(left.strip()):
            return left.strip(), right.strip()
    return _slug(item), item


def _slug(text: str) -> str:
    text = text.lower().translate(str.maketrans({"æ": "ae", "ø": "o", "å": "a"}))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def _bool(entry: _Entry | None, default: bool, path: Path, errors: list[ScriptError], key: str) -> bool:
    if entry is None:
        return default
    value = str(entry.value).lower()
    if value in YES:
        return True
    if value in NO:
        return False
    errors.append(ScriptError(path, entry.line, f"«{key}» må være «ja» eller «nei», ikke «{entry.value}»"))
    return default


def _number(entry: _Entry | None, path: Path, errors: list[ScriptError], key: str) -> float | None:
    if entry is None:
        return None
    try:
        return float(str(entry.value).replace(",", ".").replace(" ", ""))
    except ValueError:
        errors.append(ScriptError(path, entry.line, f"«{key}» må være et tall, ikke «{entry.value}»"))
        return None


def _ref(value: str, script_id: str) -> str:
    return value if "." in value else f"{script_id}.{value}"


def _condition(entry: _Entry | None, script_id: str, path: Path, errors: list[ScriptError]) -> Condition | None:
    if entry is None:
        return None
    text = str(entry.value)
    match = re.match(r"^\s*([a-z0-9_.-]+)\s*(!=|≠|=)\s*(.+)$", text)
    if not match:
        errors.append(ScriptError(path, entry.line, f"forstår ikke vilkåret «{text}» (skriv for eksempel «hvis: oppstart.plantype = kommunedelplan»)"))
        return None
    values = tuple(v.strip() for v in match.group(3).split(",") if v.strip())
    return Condition(_ref(match.group(1), script_id), values, match.group(2) != "=", entry.line)


def _check_id(entry: _Entry | None, what: str, line: int, path: Path, errors: list[ScriptError]) -> str:
    if entry is None:
        errors.append(ScriptError(path, line, f"{what} mangler «id:»"))
        return ""
    value = str(entry.value)
    if not ID_RE.match(value):
        errors.append(ScriptError(path, entry.line, f"ugyldig id «{value}»: bruk små bokstaver a–z, tall, - og _"))
    return value


# --------------------------------------------------------------------------------------------
# Loading one file


_parser = None


def _markdown():
    """The Markdown parser, created on first use (importing it is the slowest part of start-up)."""
    global _parser
    if _parser is None:
        from markdown_it import MarkdownIt

        _parser = MarkdownIt("commonmark")
    return _parser


def load_script(path: Path | str) -> Script:
    """Load one prompt file. Raises ScriptErrors listing every problem found in it."""
    script, errors = _load(Path(path))
    if errors:
        raise ScriptErrors(errors)
    assert script is not None
    return script


def _load(path: Path) -> tuple[Script | None, list[ScriptError]]:
    errors: list[ScriptError] = []
    try:
        source = read_regular_text(path, "utf-8-sig")  # a BOM (Notepad) is not part of the text
    except UnicodeDecodeError as exc:
        return None, [ScriptError(path, 1, f"filen er ikke gyldig UTF-8-tekst (byte {exc.start}); lagre den som UTF-8")]
    except OSError as exc:
        return None, [ScriptError(path, 1, f"kunne ikke lese filen: {exc.strerror or exc}")]
    lines = source.splitlines()
    tokens = _markdown().parse(source)

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
                    errors.append(ScriptError(path, start, "filen har mer enn én «# »-overskrift; én fil er én veiledning"))
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
            closed = end_line - 1 > tok.map[0] and closing[:1] in fence_chars and set(closing) <= fence_chars and len(closing) >= len(tok.markup)
            if not closed:
                errors.append(ScriptError(path, start, f"{kind}-blokken er ikke lukket (mangler {tok.markup} på en egen linje)"))
            entries = _parse_block(tok.content, start + 1, kind, path, errors)
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
            text_parts.append("\n".join(lines[tok.map[0]:tok.map[1]]))
            for t in tokens[i:depth_close + 1]:
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
                id_line = getattr(fld, "_lines", {}).get("id", fld.line)
                errors.append(ScriptError(path, id_line, f"felt-id «{fld.id}» er brukt før (linje {seen_fields[fld.id]})"))
            else:
                seen_fields[fld.id] = fld.line
        _fix_refs(st, script.id)
    script._links = links  # type: ignore[attr-defined]
    return script, errors


def block_end(tokens, i: int) -> int:
    """Index of the token that closes the top-level block opened at `i`."""
    tok = tokens[i]
    if not tok.type.endswith("_open"):
        return i
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def _fix_refs(step: Step, script_id: str) -> None:
    """Resolve short references ("field") to full ones ("script.field") once the id is known."""
    if step.repeat and "." not in step.repeat:
        step.repeat = f"{script_id}.{step.repeat}"
    if step.condition and step.condition.ref.startswith("."):
        step.condition = Condition(script_id + step.condition.ref, step.condition.values,
                                   step.condition.negate, step.condition.line)
    for fld in step.fields:
        if fld.ref and fld.ref.startswith("."):
            fld.ref = script_id + fld.ref
        if fld.condition and fld.condition.ref.startswith("."):
            fld.condition = Condition(script_id + fld.condition.ref, fld.condition.values,
                                      fld.condition.negate, fld.condition.line)
        fld.columns = [
            Column(c.id, c.label, c.kind,
                   script_id + c.ref if c.ref and c.ref.startswith(".") else c.ref, c.options)
            for c in fld.columns
        ]


def _apply_script_block(script: Script, entries: dict[str, _Entry], line: int, path: Path,
                        errors: list[ScriptError]) -> None:
    script.id = _check_id(entries.get("id"), "veiledning-blokken", line, path, errors)
    num = _number(entries.get("nummer"), path, errors, "nummer")
    script.number = int(num) if num is not None else 0
    script.time = str(entries["tid"].value) if "tid" in entries else ""
    script.short = str(entries["kort"].value) if "kort" in entries else ""


def _apply_step_block(step: Step, entries: dict[str, _Entry], line: int, path: Path,
                      errors: list[ScriptError]) -> None:
    step.id = _check_id(entries.get("id"), "steg-blokken", line, path, errors)
    step.condition = _condition(entries.get("hvis"), "", path, errors)
    if "gjenta" in entries:
        step.repeat = str(entries["gjenta"].value)
        step._repeat_line = entries["gjenta"].line  # type: ignore[attr-defined]
    step.igp = _bool(entries.get("igp"), False, path, errors, "igp")
    step.private = _bool(entries.get("privat"), step.igp, path, errors, "privat")
    minutes = _number(entries.get("minutter"), path, errors, "minutter")
    step.minutes = int(minutes) if minutes is not None else None
    _placement_keys(placement.apply_step_keys, step, entries, path, errors)


def _placement_keys(apply, target, entries: dict[str, _Entry], path: Path, errors: list[ScriptError]) -> None:
    problems: list[tuple[int, str]] = []
    apply(target, entries, problems)
    errors.extend(ScriptError(path, line, message) for line, message in problems)


def _make_field(entries: dict[str, _Entry], script_id: str, step: Step, line: int, path: Path,
                errors: list[ScriptError]) -> Field | None:
    from . import kinds

    fid = _check_id(entries.get("id"), "felt-blokken", line, path, errors)
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
        id=fid, kind=kind, question=str(entries["spørsmål"].value) if "spørsmål" in entries else "",
        script_id=script_id, step_id=step.id, line=line,
        required=_bool(entries.get("påkrevd"), True, path, errors, "påkrevd"),
        help=str(entries["hjelp"].value) if "hjelp" in entries else "",
        condition=_condition(entries.get("hvis"), "", path, errors),
    )
    fld._lines = {k: e.line for k, e in entries.items()}  # type: ignore[attr-defined]
    _placement_keys(placement.apply_field_keys, fld, entries, path, errors)
    for key in ("standard", "forslag"):
        if key in entries:
            items = [text for text, _ in entries[key].value]  # type: ignore[union-attr]
            setattr(fld, "defaults" if key == "standard" else "suggestions", items)
    field_kind = kinds.get(kind)
    for key in sorted(_kind_keys() - field_kind.keys, key=lambda k: entries[k].line if k in entries else 0):
        if key in entries:
            errors.append(ScriptError(path, entries[key].line, f"«{key}:» brukes ikke for felt av typen {kind}"))
    field_kind.load(fld, FieldBlock(entries, fid, kind, line, path, errors))
    if fld.condition and fld.condition.ref and "." not in fld.condition.ref:
        fld.condition = Condition("." + fld.condition.ref, fld.condition.values, fld.condition.negate, fld.condition.line)
    return fld


class FieldBlock:
    """A felt block's entries as the field kinds read them (kinds.Kind.load)."""

    def __init__(self, entries: dict[str, _Entry], fid: str, kind: str, line: int, path: Path,
                 errors: list[ScriptError]):
        self.entries, self.fid, self.kind, self.line = entries, fid, kind, line
        self.path, self.errors = path, errors

    def error(self, line: int, message: str) -> None:
        self.errors.append(ScriptError(self.path, line, message))

    def entry(self, key: str) -> _Entry | None:
        return self.entries.get(key)

    def need(self, key: str, why: str) -> _Entry | None:
        """The entry for a key this kind requires; reports it missing (saying `why`) if absent or empty."""
        entry = self.entries.get(key)
        if entry is None or (isinstance(entry.value, list) and not entry.value):
            self.error(entry.line if entry else self.line,
                       f"feltet «{self.fid}» av typen {self.kind} mangler «{key}:» ({why})")
            return None
        return entry

    def items(self, key: str, why: str) -> list[tuple[str, int]]:
        """The `- ` items of a required list key, as (text, line)."""
        entry = self.need(key, why)
        return list(entry.value) if entry is not None else []  # type: ignore[arg-type]

    def text(self, key: str) -> str:
        return str(self.entries[key].value) if key in self.entries else ""

    def number(self, key: str) -> float | None:
        return _number(self.entries.get(key), self.path, self.errors, key)

    def flag(self, key: str, default: bool) -> bool:
        return _bool(self.entries.get(key), default, self.path, self.errors, key)

    @staticmethod
    def split_pair(item: str) -> tuple[str, str]:
        return _split_pair(item)

    def column(self, item: str, line: int) -> Column | None:
        return _parse_column(item, line, self.path, self.errors)


def _parse_column(item: str, line: int, path: Path, errors: list[ScriptError]) -> Column | None:
    """`id: Label`, `id: Label | tall`, `id: Label | fra gap.tiltak`, `id: Label | valg A, B`."""
    from .kinds import COLUMN_KINDS

    head, _, kind_text = item.partition("|")
    cid, label = _split_pair(head.strip())
    kind_text = kind_text.strip().lower()
    if not kind_text:
        return Column(cid, label)
    name, _, argument = kind_text.partition(" ")
    column_kind = COLUMN_KINDS.get(name)
    if column_kind is None or (argument.strip() and not column_kind.takes_argument):
        errors.append(ScriptError(path, line, f"ukjent kolonnetype «{kind_text}» (mulige: tekst, tall, dato, valg A, B, fra FELT)"))
        return None
    return column_kind.column(cid, label, argument.strip(), lambda message: errors.append(ScriptError(path, line, message)))


# --------------------------------------------------------------------------------------------
# A folder of scripts, with references checked across files


def default_prompts_dir() -> Path:
    """The prompts that ship with the app: inside the installed package, or the checkout's prompts/."""
    here = Path(__file__).resolve().parent.parent  # the bshp_tui package
    packaged = here / "prompts"
    if packaged.is_dir() and any(p.suffix == ".md" for p in packaged.iterdir()):
        return packaged
    return here.parent / "prompts"


def prompt_files(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).glob("*.md") if p.name.lower() != "readme.md")


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
        script, errs = _load(path)
        errors.extend(errs)
        if script is not None and script.id:
            scripts.append(script)
    scripts.sort(key=lambda s: (s.number or 999, s.path.name))
    seen: dict[str, Script] = {}
    for script in scripts:
        if script.id in seen:
            errors.append(ScriptError(script.path, 1, f"veilednings-id «{script.id}» er også brukt i {seen[script.id].path.name}"))
        seen.setdefault(script.id, script)
    errors.extend(_check_references(scripts))
    errors.extend(ScriptError(p, line, message) for p, line, message in placement.check(scripts))
    errors.sort(key=lambda e: (str(e.path), e.line))
    return scripts, errors


def load_folder(folder: Path | str) -> list[Script]:
    """Load and check a folder of prompt files. Raises ScriptErrors if anything is wrong."""
    scripts, errors = check_folder(folder)
    if errors:
        raise ScriptErrors(errors)
    return scripts


def _check_references(scripts: list[Script]) -> list[ScriptError]:
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
            errors.append(ScriptError(path, line, f"{what} viser til feltet «{ref}», som kommer i en senere veiledning"))
        if kinds and fld.kind not in kinds:
            errors.append(ScriptError(path, line, f"{what} viser til «{ref}», som er av typen {fld.kind} (må være {' eller '.join(sorted(kinds))})"))
        return fld

    for order, script in enumerate(scripts):
        for step in script.steps:
            if step.repeat:
                line = getattr(step, "_repeat_line", step.line)
                lookup(step.repeat, script.path, line, "«gjenta:»", order, repeat_sources)
            for cond in [step.condition] + [f.condition for f in step.fields]:
                if cond is None:
                    continue
                target = lookup(cond.ref, script.path, cond.line, "vilkåret", order, option_kinds)
                if target is not None:
                    known = {o.id for o in target.options}
                    for value in cond.values:
                        if value not in known:
                            errors.append(ScriptError(script.path, cond.line, f"vilkåret bruker «{value}», som ikke er et alternativ i «{cond.ref}» (mulige: {', '.join(sorted(known))})"))
            for fld in step.fields:
                lines = getattr(fld, "_lines", {})
                if fld.ref:
                    src = lookup(fld.ref, script.path, lines.get("fra", fld.line), "«fra:»", order, item_sources)
                    if src is not None and K.get(src.kind).items_by_column:
                        if not fld.ref_column:
                            errors.append(ScriptError(script.path, lines.get("fra", fld.line), f"«fra:» viser til tabellen «{fld.ref}»: oppgi også «kolonne:» med kolonnen som gir punktene"))
                        elif src.column(fld.ref_column) is None:
                            errors.append(ScriptError(script.path, lines.get("kolonne", fld.line), f"kolonnen «{fld.ref_column}» finnes ikke i tabellen «{fld.ref}»"))
                for col in fld.columns:
                    if col.ref:  # a column of items from a list
                        lookup(col.ref, script.path, fld.line, f"kolonnen «{col.id}»", order, repeat_sources)
    for script in scripts:
        for target, line in getattr(script, "_links", []):
            ref = target if "." in target else f"{script.id}.{target}"
            if ref not in steps:
                errors.append(ScriptError(script.path, line, f"lenken «#{target}» viser til et steg som ikke finnes"))
    return errors
