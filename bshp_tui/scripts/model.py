"""The parsed prompt files: a guided session (Script) of steps, each with fields to fill."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field as dc_field
from pathlib import Path


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


@dataclass(frozen=True)
class Option:
    """One choice of a choice field."""

    id: str
    label: str


@dataclass(frozen=True)
class Column:
    """One column of a table field."""

    id: str
    label: str
    kind: str = "tekst"  # tekst, tall, dato, valg (one of `options`), or fra (an item from `ref`)
    ref: str | None = None
    options: tuple[str, ...] = ()
    required: bool = False  # `| påkrevd`: a new or changed row without this cell is refused


@dataclass(frozen=True)
class Scale:
    """One scale of a rating field, between two poles."""

    id: str
    low: str  # the left pole, rated 1-2
    high: str  # the right pole, rated 3-4


@dataclass(frozen=True)
class Condition:
    """When a step or field applies: another field's answer is (or is not) one of `values`."""

    ref: str  # "script.field"
    values: tuple[str, ...]
    negate: bool = False
    line: int = 0

    def text(self) -> str:
        return f"{self.ref} {'!=' if self.negate else '='} {', '.join(self.values)}"


@dataclass
class Field:
    """A question the group answers (a `felt` block)."""

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
    count: tuple[int, int] | None = None  # antall (liste): how many points the guide suggests
    condition: Condition | None = None
    multiple: bool = False
    sum_column: str | None = None
    documents: tuple[str, ...] = ()  # dokument: the document sections its answers go to
    doc_label: str | None = None  # etikett: its short name in the documents (None: the question)
    show_label: bool = True  # False for `etikett: nei` or `etikett: (name)`: the answer stands alone
    links: str | None = None  # kobler: the step whose goal area this field's answer chooses
    former: str | None = None  # tidligere: "script.field" the answer was stored under before a move
    lines: dict[str, int] = dc_field(default_factory=dict, repr=False, compare=False)  # key -> line in the file

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
    """One step of a guided session (a `## Title` and its `steg` block)."""

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
    repeat_line: int = 0  # the lines of its gjenta:, dokument: and målområde: keys (0: not given)
    document_line: int = 0
    goal_area_line: int = 0

    @property
    def ref_id(self) -> str:
        return f"{self.script_id}.{self.id}"


@dataclass
class Script:
    """One guided session: a prompt file."""

    id: str
    title: str
    path: Path
    number: int = 0
    time: str = ""
    short: str = ""
    intro: str = ""
    steps: list[Step] = dc_field(default_factory=list)
    links: list[tuple[str, int]] = dc_field(default_factory=list)  # `#step` links in the text, with lines

    @property
    def short_title(self) -> str:
        return self.short or self.title

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def fields(self) -> Iterable[Field]:
        for step in self.steps:
            yield from step.fields
