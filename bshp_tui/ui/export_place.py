"""Where the app writes documents, and which format a typed command asks for."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

EXPORT_DIR = "eksport"  # the folder under the data folder the app writes documents to
FORMATS = ("docx", "odt", "md", "html")


def export_folder(data_dir: Path | str) -> Path:
    return Path(data_dir) / EXPORT_DIR


def shown_folder(folder: Path) -> str:
    """A folder as the group reads it in a message: under the home folder as «~/…» (shorter, so a
    message does not break it over several lines), otherwise whole."""
    folder = folder.resolve()
    try:
        return str(Path("~") / folder.relative_to(Path.home().resolve()))
    except (ValueError, RuntimeError):  # not under home, or no home folder known
        return str(folder)


def written_message(what: str, files: list[tuple[Path, int]]) -> str:
    """What a finished export tells the group: the file names on their own lines (never broken
    in the middle), then the folder. `files`: each file with the number of points that must be
    filled in or checked."""
    lines = [f"Skrev {what}:"]
    lines += [
        f"• {path.name}" + (f" ({missing} å fylle ut eller sjekke)" if missing else "") for path, missing in files
    ]
    lines.append(f"i mappa {shown_folder(files[0][0].parent)}")
    if any(missing for _path, missing in files):
        lines.append("Det som må fylles ut eller sjekkes, står i [hakeparentes] i dokumentet.")
    return "\n".join(lines)


def chosen_format(words: Iterable[str]) -> str:
    """The first format named among the command's words; Word (docx) when none is."""
    return next((w for w in words if w in FORMATS), "docx")


def _or_list(names: Iterable[str]) -> str:
    names = list(names)
    return ", ".join(names[:-1]) + " eller " + names[-1] if len(names) > 1 else "".join(names)


def refusal(word: str) -> str:
    """What to say about a word the command does not know: nothing is written."""
    return f"Kjenner ikke formatet «{word}». Velg {_or_list(FORMATS)}."


def unknown_export_word(words: list[str], documents: Iterable[str]) -> str | None:
    """/eksporter [dokument] [format] [år]: a word that is none of these (a message), or None."""
    documents = list(documents)
    for word in words:
        if word in FORMATS or word in documents or word == "alle" or (word.isdigit() and len(word) == 4):
            continue
        if word.isdigit():
            return "Skriv året med fire sifre, for eksempel /eksporter statusrapport 2028. Ingenting er skrevet."
        if len(word) <= 4:  # pdf, rtf, txt: a format asked for
            return f"{refusal(word)} Ingenting er skrevet."
        return (
            f"Kjenner ikke «{word}». Dokumentet kan være {_or_list([*documents, 'alle'])}; "
            f"formatet {_or_list(FORMATS)}. Ingenting er skrevet."
        )
    return None


def unknown_minutes_word(words: list[str]) -> str | None:
    """/referat [dato] [format]: a word that is neither (a message), or None."""
    for word in words:
        if word not in FORMATS and not word[:1].isdigit():
            return f"{refusal(word)} Ingenting er skrevet."
    return None
