"""The command line speaks Norwegian: help, usage and argparse's own usage errors."""

import re

import pytest

from bshp_tui.cli import build_parser

ENGLISH = re.compile(
    r"\b(usage|options|positional arguments|show this help|error|required|invalid|"
    r"unrecognized|expected|choose from|ambiguous)\b",
    re.IGNORECASE,
)


def _run(capsys, *args):
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(list(args))
    out = capsys.readouterr()
    return stop.value.code, out.out + out.err


@pytest.mark.parametrize("args", [["--help"], ["export", "--help"], ["check-prompts", "-h"]])
def test_help_is_norwegian(capsys, args):
    code, text = _run(capsys, *args)
    assert code == 0
    assert text.startswith("bruk: bshp") and "valg:" in text and "vis denne hjelpeteksten" in text
    assert not ENGLISH.search(text), text


@pytest.mark.parametrize(
    "args, expected",
    [
        (["restore"], "mangler argument: ID, KOPI"),
        (["list", "--tull"], "ukjente argumenter: --tull"),
        (["export", "x", "--format", "pdf"], "--format: ugyldig valg: 'pdf' (velg blant"),
        (["--data"], "--data: trenger én verdi"),
        (["tull"], "ugyldig valg: 'tull'"),
    ],
)
def test_usage_errors_are_norwegian_and_exit_2(capsys, args, expected):
    code, text = _run(capsys, *args)
    assert code == 2
    assert expected in text and "feil:" in text and "--help" in text
    assert not ENGLISH.search(text.replace("--help", "")), text
