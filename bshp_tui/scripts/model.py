"""The parsed prompt files: a guided session (Script) of steps, each with fields to fill.

Plain classes (see bshp_tui/record.py): every `bshp` command loads them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..record import Record


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


class Option(Record):
    """One choice of a choice field."""

    def __init__(self, id: str, label: str):
        self.id = id
        self.label = label


class Column(Record):
    """One column of a table field."""

    def __init__(
        self,
        id: str,
        label: str,
        kind: str = "tekst",
        ref: str | None = None,
        options: tuple[str, ...] = (),
        required: bool = False,
    ):
        self.id = id
        self.label = label
        self.kind = kind  # tekst, tall, dato, valg (one of `options`), or fra (an item from `ref`)
        self.ref = ref
        self.options = options
        self.required = required  # `| påkrevd`: a new or changed row without this cell is refused


class Scale(Record):
    """One scale of a rating field, between two poles."""

    def __init__(self, id: str, low: str, high: str):
        self.id = id
        self.low = low  # the left pole, rated 1-2
        self.high = high  # the right pole, rated 3-4


class Condition(Record):
    """When a step or field applies: another field's answer is (or is not) one of `values`."""

    def __init__(self, ref: str, values: tuple[str, ...], negate: bool = False, line: int = 0):
        self.ref = ref  # "script.field"
        self.values = values
        self.negate = negate
        self.line = line

    def text(self) -> str:
        return f"{self.ref} {'!=' if self.negate else '='} {', '.join(self.values)}"


class Field(Record):
    """A question the group answers (a `felt` block)."""

    _uncompared = ("lines",)
    __hash__ = None  # type: ignore[assignment]  # filled in as its file is read

    def __init__(
        self,
        id: str,
        kind: str,
        question: str,
        script_id: str,
        step_id: str,
        line: int,
        required: bool = True,
        help: str = "",
        options: Iterable[Option] = (),
        columns: Iterable[Column] = (),
        ref: str | None = None,
        ref_column: str | None = None,
        scales: Iterable[Scale] = (),
        defaults: Iterable[str] = (),
        suggestions: Iterable[str] = (),
        min: float | None = None,
        max: float | None = None,
        unit: str = "",
        count: tuple[int, int] | None = None,
        condition: Condition | None = None,
        multiple: bool = False,
        sum_column: str | None = None,
        documents: tuple[str, ...] = (),
        doc_label: str | None = None,
        show_label: bool = True,
        links: str | None = None,
        former: str | None = None,
        lines: dict[str, int] | None = None,
    ):
        self.id = id
        self.kind = kind
        self.question = question
        self.script_id = script_id
        self.step_id = step_id
        self.line = line
        self.required = required
        self.help = help
        self.options = list(options)
        self.columns = list(columns)
        self.ref = ref  # fra: the list or table field whose items this field uses
        self.ref_column = ref_column  # kolonne: which column of a table gives the item text
        self.scales = list(scales)
        self.defaults = list(defaults)
        self.suggestions = list(suggestions)
        self.min = min
        self.max = max
        self.unit = unit
        self.count = count  # antall (liste): how many points the guide suggests
        self.condition = condition
        self.multiple = multiple
        self.sum_column = sum_column
        self.documents = documents  # dokument: the document sections its answers go to
        self.doc_label = doc_label  # etikett: its short name in the documents (None: the question)
        self.show_label = show_label  # False for `etikett: nei` or `etikett: (name)`: the answer stands alone
        self.links = links  # kobler: the step whose goal area this field's answer chooses
        self.former = former  # tidligere: "script.field" the answer was stored under before a move
        self.lines = lines if lines is not None else {}  # key -> line in the file

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


class Step(Record):
    """One step of a guided session (a `## Title` and its `steg` block)."""

    __hash__ = None  # type: ignore[assignment]

    def __init__(
        self,
        id: str,
        title: str,
        script_id: str,
        line: int,
        text: str = "",
        fields: Iterable[Field] = (),
        condition: Condition | None = None,
        repeat: str | None = None,
        igp: bool = False,
        minutes: int | None = None,
        private: bool = False,
        documents: tuple[str, ...] = (),
        goal_areas: tuple[str, ...] = (),
        repeat_line: int = 0,
        document_line: int = 0,
        goal_area_line: int = 0,
    ):
        self.id = id
        self.title = title
        self.script_id = script_id
        self.line = line
        self.text = text
        self.fields = list(fields)
        self.condition = condition
        self.repeat = repeat  # gjenta: "script.field" of a list; the step runs once per item
        self.igp = igp
        self.minutes = minutes
        self.private = private
        self.documents = documents  # dokument: the document sections its fields' answers go to
        self.goal_areas = goal_areas  # målområde: the goal areas its answers belong to by default
        self.repeat_line = repeat_line  # the lines of its gjenta:, dokument: and målområde: keys (0: not given)
        self.document_line = document_line
        self.goal_area_line = goal_area_line

    @property
    def ref_id(self) -> str:
        return f"{self.script_id}.{self.id}"


class Script(Record):
    """One guided session: a prompt file."""

    __hash__ = None  # type: ignore[assignment]

    def __init__(
        self,
        id: str,
        title: str,
        path: Path,
        number: int = 0,
        time: str = "",
        short: str = "",
        intro: str = "",
        steps: Iterable[Step] = (),
        links: Iterable[tuple[str, int]] = (),
    ):
        self.id = id
        self.title = title
        self.path = path
        self.number = number
        self.time = time
        self.short = short
        self.intro = intro
        self.steps = list(steps)
        self.links = list(links)  # `#step` links in the text, with lines

    @property
    def short_title(self) -> str:
        return self.short or self.title

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def fields(self) -> Iterator[Field]:
        for step in self.steps:
            yield from step.fields
