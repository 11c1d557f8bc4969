"""What `bshp export` loads: an export starts often and should cost little more than pandoc itself,
so the export process loads neither the UI nor pypandoc (whose import pulls in urllib and logging,
and whose lookup starts a pandoc per candidate), nor markdown-it and the prompt-file parser once the
parsed prompt files and standard texts are in the data folder's cache, nor the parts of the guide
only the app's screens use, nor `dataclasses` and `inspect` (the classes an export uses are records,
bshp_tui/record.py: a dataclass compiles its methods when its class is made)."""

from helpers import run_bshp

NOT_LOADED = (
    "textual",
    "pypandoc",
    "markdown_it",
    "urllib.request",
    "http.client",
    "xml.sax",
    "bshp_tui.scripts.loader",
    "bshp_tui.scripts.grammar",  # the cache holds the parsed prompt files
    "bshp_tui.guide.health",
    "bshp_tui.guide.transcript",  # the app's screens
    "bshp_tui.guide.followup",  # the status report only
    "bshp_tui.guide.commands",  # the chat's command table
    "dataclasses",
    "inspect",
    "pkgutil",
)


def loaded_modules(stderr: str) -> set[str]:
    """The modules named by PYTHONPROFILEIMPORTTIME's report."""
    return {line.split("|")[-1].strip() for line in stderr.splitlines() if line.startswith("import time:")}


def test_export_loads_no_ui_pypandoc_or_markdown(tmp_path):
    data = tmp_path / "data"
    assert run_bshp("new", "Molde", "--period", "2027-2030", data=data).returncode == 0
    first = run_bshp("export", "molde", "-o", tmp_path / "a.docx", data=data)
    assert first.returncode == 0, first.stderr
    again = run_bshp("export", "molde", "-o", tmp_path / "b.docx", data=data, env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "b.docx").stat().st_size > 0
    modules = loaded_modules(again.stderr)
    assert "bshp_tui.export.pandoc" in modules and "zipfile" in modules  # the report is read right
    loaded = sorted(
        m
        for m in modules
        if m.split(".")[0] in NOT_LOADED or m in NOT_LOADED or any(m.startswith(f"{name}.") for name in NOT_LOADED)
    )
    assert loaded == []
