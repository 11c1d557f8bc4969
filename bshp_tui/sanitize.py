"""Clean values on their way into a session so a stored answer can always be saved and exported.

Rules: text is valid Unicode in NFC (lone surrogates dropped, surrogate pairs joined), carriage
returns become newlines, and control characters other than newline and tab are removed, as are the
code points XML forbids (U+FFFE, U+FFFF). Non-finite floats become None. Containers are cleaned
recursively; dict keys are cleaned like text.
"""

from __future__ import annotations

import math
import unicodedata
from typing import Any

_KEEP = {"\n", "\t"}
_FORBIDDEN = {"\ufffe", "\uffff"}


def clean_text(text: str) -> str:
    """Return `text` as valid, exportable Unicode."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # Join surrogate pairs, drop lone surrogates.
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(_is_unwanted(ch) for ch in text):
        text = "".join(ch for ch in text if not _is_unwanted(ch))
    return unicodedata.normalize("NFC", text)


def _is_unwanted(ch: str) -> bool:
    if ch in _KEEP:
        return False
    if ch in _FORBIDDEN:
        return True
    cat = unicodedata.category(ch)
    return cat == "Cc" or cat == "Cs"


def clean_value(value: Any) -> Any:
    """Return a JSON-safe copy of `value` with all text cleaned."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, bool) or value is None or isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {clean_text(str(k)): clean_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean_value(v) for v in value]
    raise TypeError(f"cannot store a value of type {type(value).__name__}")
