"""Clean values on their way into a session so a stored answer can always be saved and exported.

Rules: text is valid Unicode in NFC (lone surrogates dropped, surrogate pairs joined), carriage
returns become newlines, and control characters other than newline and tab are removed, as are the
code points XML forbids (U+FFFE, U+FFFF). Non-finite floats become None. Containers are cleaned
recursively; dict keys are cleaned like text.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

# Control characters (category Cc) other than tab and newline, and the code points XML forbids.
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Return `text` as valid, exportable Unicode."""
    if text.isprintable():  # no control character, surrogate or non-character (quick, in C): only NFC is left
        return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # Join surrogate pairs, drop lone surrogates.
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _UNWANTED.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


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
