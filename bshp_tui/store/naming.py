"""Safe, readable file names (slugs) for sessions, from a municipality's name."""

from __future__ import annotations

import re
import unicodedata

_TRANSLITERATE = str.maketrans({"æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "å": "a", "Å": "a", "ß": "ss"})
_RESERVED = {  # names Windows will not accept as files, whatever the extension
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}
MAX_SLUG = 60
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


def slugify(name: str) -> str:
    """Turn a municipality's name into a lowercase ASCII slug that is safe as a file name.

    "Nord-Fron/Sel" -> "nord-fron-sel", "../../etc" -> "etc", "Æøå kommune" -> "aeoa-kommune".
    """
    text = unicodedata.normalize("NFKD", name.translate(_TRANSLITERATE))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    text = text[:MAX_SLUG].rstrip("-")
    if not text:
        text = "kommune"
    if text in _RESERVED:
        text = f"{text}-kommune"
    return text


def is_valid_id(session_id: str) -> bool:
    """True if `session_id` is a slug this app could have made (so it stays inside the data folder)."""
    return bool(SLUG_RE.match(session_id))


_INVISIBLE = {"Cf", "Cc", "Zl", "Zp", "Cs", "Co", "Cn"}


def one_line(text: str) -> str:
    """A name as one visible line: format characters (zero-width, bidi overrides), control
    characters and line separators removed, any run of whitespace made one space, ends trimmed.
    Returns "" when nothing visible is left."""
    kept = []
    for char in unicodedata.normalize("NFC", text):
        if char.isspace():
            kept.append(" ")
        elif unicodedata.category(char) not in _INVISIBLE:
            kept.append(char)
    return re.sub(r" +", " ", "".join(kept)).strip()


def printable(text: str) -> str:
    """`text` with every character that is not printable shown as an escape (\\n, \\u202e), so
    a name printed in a listing can never start a new line or turn the line around."""
    out = []
    for char in str(text):
        if char.isprintable():
            out.append(char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        else:
            out.append(f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}")
    return "".join(out)
