"""Standard texts for the documents (what such a plan is, the legal framework, the glossary).

They ship as Markdown files in bshp_tui/export/templates/. A group can override any of them by
putting a file with the same name in a `maler/` folder inside the data folder (or a folder given
with --maler). These texts are trusted (written by the app or the group's own editor), so they are
read as Markdown; answers typed in the app never are.

Guidance for the group is never written as a plan sentence: `{{Sjekk: …}}` in a standard text becomes
a visible placeholder "[Sjekk: …]" in the document (a Span of class `plassholder`), and the export
lists it with the other things left to fill in.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..scripts.markdown import block_end, parser
from . import ast as A

PLACEHOLDER_CLASS = "plassholder"
_GUIDANCE = re.compile(r"\{\{(.+?)\}\}", re.DOTALL)
# Guidance is swapped for a marker before Markdown parsing (so line breaks and emphasis inside it
# cannot split it), and the marker for the placeholder node afterwards.
_MARKER = re.compile("\ue000(\\d+)\ue001")
TEMPLATE_NAMES = ("hva-er", "lovverk", "foringer", "utviklingstrekk", "ordliste")
OVERRIDE_DIR = "maler"

SHIPPED = Path(__file__).resolve().parent / "templates"


def template_path(name: str, override_dirs: list[Path] | None = None) -> Path:
    """The file a standard text comes from: the group's own, if it has one, else the shipped one."""
    for folder in override_dirs or []:
        path = Path(folder) / f"{name}.md"
        if path.is_file():
            return path
    return SHIPPED / f"{name}.md"


def template_text(name: str, override_dirs: list[Path] | None = None) -> tuple[str, str]:
    """The Markdown of a standard text and where it came from ("standard" or the file path)."""
    path = template_path(name, override_dirs)
    if path.parent != SHIPPED:
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except (OSError, UnicodeDecodeError):
            pass  # an unreadable override falls back to the shipped text
    return (SHIPPED / f"{name}.md").read_text(encoding="utf-8"), "standard"


# Converted standard texts of this process, as JSON, by (file, size, modification time): the live
# preview and repeated exports convert each text once while its file is unchanged.
_CONVERTED: dict[tuple[str, int, int], str] = {}


def template_blocks(name: str, override_dirs: list[Path] | None = None, cache_dir: Path | None = None) -> list[A.Node]:
    """The standard text as document blocks (a fresh copy each time). A conversion is kept in
    memory, and with `cache_dir` also saved there, and reused while the file is unchanged."""
    return marked_template(name, override_dirs, cache_dir)[0]


def marked_template(
    name: str, override_dirs: list[Path] | None = None, cache_dir: Path | None = None
) -> tuple[list[A.Node], list[str]]:
    """The standard text's blocks (as template_blocks) and the texts of its placeholders, which
    are found once per conversion."""
    path = template_path(name, override_dirs)
    try:
        st = path.stat()
        key: tuple[str, int, int] | None = (str(path), st.st_size, st.st_mtime_ns)
    except OSError:
        key = None
    if key is not None and key in _CONVERTED:
        converted = _CONVERTED[key]
        return json.loads(converted), list(_marks(converted))
    blocks = None
    cache = Path(cache_dir) / f"mal-{name}.json" if cache_dir is not None else None
    if cache is not None and key is not None:
        try:
            saved = json.loads(cache.read_text(encoding="utf-8"))
            if saved["key"] == list(key):
                blocks = saved["blocks"]
        except (OSError, ValueError, KeyError, TypeError):
            pass
    if blocks is None:
        blocks = markdown_blocks(template_text(name, override_dirs)[0])
        if cache is not None and key is not None:
            _save_conversion(cache, key, blocks)
    if key is not None:
        _CONVERTED[key] = json.dumps(blocks, ensure_ascii=False)
    return blocks, placeholders(blocks)


@lru_cache(maxsize=64)
def _marks(converted: str) -> tuple[str, ...]:
    """The placeholders of a converted standard text (the JSON kept in _CONVERTED)."""
    return tuple(placeholders(json.loads(converted)))


def _save_conversion(cache: Path, key: tuple[str, int, int], blocks: list[A.Node]) -> None:
    from ..disk.durable import DirSyncWarning, atomic_write_bytes

    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(cache, json.dumps({"key": list(key), "blocks": blocks}, ensure_ascii=False).encode("utf-8"))
    except (OSError, DirSyncWarning):
        pass  # only a cache: the next export builds the blocks again


def markdown_blocks(source: str, heading_offset: int = 2) -> list[A.Node]:
    """Convert trusted Markdown (paragraphs, lists, emphasis, links, headings) to AST blocks."""
    guidance: list[str] = []

    def mark(match: re.Match) -> str:
        guidance.append(" ".join(match.group(1).split()))
        return f"\ue000{len(guidance) - 1}\ue001"

    tokens = parser().parse(_GUIDANCE.sub(mark, source))
    blocks, _ = _blocks(tokens, 0, len(tokens), heading_offset, guidance)
    return blocks


def placeholder(text: str) -> A.Node:
    """A visible placeholder for something the group must fill in or check: "[Sjekk: …]"."""
    return {"t": "Span", "c": [["", [PLACEHOLDER_CLASS], []], [A.emph(A.text(f"[{text}]"))]]}


def placeholders(node: Any) -> list[str]:
    """The texts of the placeholders in a document fragment, in order."""
    found: list[str] = []

    def walk(n: Any) -> None:
        if isinstance(n, list):
            for x in n:
                walk(x)
        elif isinstance(n, dict):
            if n.get("t") == "Span" and PLACEHOLDER_CLASS in n["c"][0][1]:
                found.append(A.plain_text(n["c"][1]).strip().removeprefix("[").removesuffix("]"))
            elif "c" in n:
                walk(n["c"])

    walk(node)
    return found


def _blocks(tokens, i: int, end: int, offset: int, guidance: list[str]) -> tuple[list[A.Node], int]:
    out: list[A.Node] = []
    while i < end:
        tok = tokens[i]
        if tok.type == "paragraph_open":
            out.append((A.plain if tok.hidden else A.para)(_inlines(tokens[i + 1].children or [], guidance)))
            i += 3
        elif tok.type == "heading_open":
            level = min(6, int(tok.tag[1]) + offset)
            out.append(A.header(level, _inlines(tokens[i + 1].children or [], guidance)))
            i += 3
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            close = block_end(tokens, i)
            items = []
            j = i + 1
            while j < close:
                item_close = block_end(tokens, j)
                inner, _ = _blocks(tokens, j + 1, item_close, offset, guidance)
                items.append(inner)
                j = item_close + 1
            out.append(
                A.bullets(items)
                if tok.type == "bullet_list_open"
                else {"t": "OrderedList", "c": [[1, {"t": "Decimal"}, {"t": "Period"}], items]}
            )
            i = close + 1
        elif tok.type in ("fence", "code_block"):
            out.append({"t": "CodeBlock", "c": [A.NO_ATTR, tok.content.rstrip("\n")]})
            i += 1
        elif tok.type == "blockquote_open":
            close = block_end(tokens, i)
            inner, _ = _blocks(tokens, i + 1, close, offset, guidance)
            out.append({"t": "BlockQuote", "c": inner})
            i = close + 1
        else:
            i += 1  # html blocks and rules are left out on purpose
    return out, i


def _text(content: str, guidance: list[str]) -> list[A.Node]:
    """Inlines for template text, with guidance markers turned into placeholders."""
    parts = _MARKER.split(content)
    out: list[A.Node] = []
    for n, part in enumerate(parts):
        if n % 2:
            out.append(placeholder(guidance[int(part)]))
            continue
        if n and part[:1].isspace():
            out.append({"t": "Space"})
        out.extend(A.text(part))
        if n < len(parts) - 1 and part[-1:].isspace() and part.strip():
            out.append({"t": "Space"})
    return out


def _inlines(children, guidance: list[str]) -> list[A.Node]:
    stack: list[tuple[str, list[A.Node], str]] = [("root", [], "")]
    for child in children:
        kind = child.type
        if kind == "text":
            content = child.content
            if content[:1].isspace():
                stack[-1][1].append({"t": "Space"})
            stack[-1][1].extend(_text(content, guidance))
            if content[-1:].isspace() and content.strip():
                stack[-1][1].append({"t": "Space"})
        elif kind == "softbreak":
            stack[-1][1].append({"t": "Space"})
        elif kind == "hardbreak":
            stack[-1][1].append({"t": "LineBreak"})
        elif kind == "code_inline":
            stack[-1][1].append({"t": "Code", "c": [A.NO_ATTR, child.content]})
        elif kind in ("strong_open", "em_open", "link_open"):
            stack.append((kind, [], str(child.attrs.get("href", "")) if kind == "link_open" else ""))
        elif kind in ("strong_close", "em_close", "link_close"):
            opened, inner, href = stack.pop()
            if opened == "strong_open":
                node = A.strong(inner)
            elif opened == "em_open":
                node = A.emph(inner)
            else:
                node = {"t": "Link", "c": [A.NO_ATTR, inner, [href, ""]]}
            stack[-1][1].append(node)
        # images and raw html are dropped: the documents never embed files
    while len(stack) > 1:  # unbalanced markup: keep the text
        _, inner, _ = stack.pop()
        stack[-1][1].extend(inner)
    return stack[0][1]
