"""The command table (guide/commands.py) is the one source of slash commands, keys, palette
entries and the help's command list."""

import importlib
import inspect
import pkgutil
import re

from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import Input, OptionList
from ui_helpers import SIZE, feedback, new_session, paste_text, work

import bshp_tui.ui
from bshp_tui.guide import commands as cmd
from bshp_tui.ui.dialogs import help_text
from bshp_tui.ui.screens.work import WorkScreen


def test_help_lists_exactly_the_slash_commands_in_table_order():
    rows = re.findall(r"^\| `/(\w+)[^`]*` \| (.*) \|$", help_text(), re.MULTILINE)
    assert [name for name, _ in rows] == [c.name for c in cmd.COMMANDS]
    for (_, line), command in zip(rows, cmd.COMMANDS):
        assert line.startswith(command.help)
        if command.key and command.scope == "work":
            assert cmd.key_name(command.key) in line


def test_help_names_every_key_of_the_table():
    text = help_text()
    for command in cmd.TABLE:
        if command.key and command.show_key:
            assert cmd.key_name(command.key) in text, command.name
    assert "<!--" not in text


def _ui_bindings():
    """(class, key, description) for every binding declared in the UI package."""
    for info in pkgutil.walk_packages(bshp_tui.ui.__path__, "bshp_tui.ui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if not issubclass(cls, DOMNode) or cls.__module__ != module.__name__:
                continue
            for binding in cls.__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding):
                    for key in binding.key.split(","):
                        yield cls, key, binding.description


def test_a_ctrl_key_means_one_thing_everywhere():
    meanings: dict[str, set[str]] = {}
    for _, key, description in _ui_bindings():
        if key.startswith("ctrl+"):
            meanings.setdefault(key, set()).add(description)
    assert meanings["ctrl+s"] == {"Lagre"}
    assert {k: v for k, v in meanings.items() if len(v) > 1} == {}


def test_the_table_keys_are_distinct():
    keys = [c.key for c in cmd.TABLE if c.key]
    assert len(keys) == len(set(keys))


def _palette_titles(app):
    return [c.title for c in app.get_system_commands(app.screen)]


def _shown(c, e):
    """A palette entry's title as shown: with the slash command it runs, so searching for the
    command's name finds it («Forhåndsvis planen (/forhandsvis)»)."""
    return f"{e.title} ({f'/{c.name} {e.argument}'.strip()})" if c.slash else e.title


async def test_palette_lists_exactly_the_table(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        assert _palette_titles(app) == [_shown(c, e) for c in cmd.TABLE if c.scope == "app" for e in c.palette]
        await new_session(pilot)
        assert _palette_titles(app) == [_shown(c, e) for c in cmd.TABLE for e in c.palette]
        assert "Forhåndsvis planen (/forhandsvis)" in _palette_titles(app)
        assert "Eksporter alle dokumentene (/eksporter alle)" in _palette_titles(app)


async def test_the_palette_finds_a_command_by_its_slash_name(app_factory):
    from textual.command import CommandPalette

    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await new_session(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        palette.query_one(Input).value = "privat"
        for _ in range(20):
            await pilot.pause(0.05)
            shown = [str(o.prompt) for o in palette.query_one(OptionList).options]
            if any("Tenk selv først" in line for line in shown):
                break
        assert any("Tenk selv først" in line for line in shown), shown


async def test_a_palette_entry_runs_its_command(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await new_session(pilot)
        entry = next(c for c in app.get_system_commands(app.screen) if c.title.startswith("Planoversikt"))
        await entry.callback()
        await pilot.pause()
        assert not isinstance(app.screen, WorkScreen)
        await pilot.press("escape")
        await pilot.pause()
        work(pilot)


async def test_keys_from_the_table_move_in_the_chat(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        w = await new_session(pilot)
        first = w.pos
        await pilot.press("ctrl+o")  # skip
        await pilot.pause()
        skipped_to = w.pos
        assert skipped_to != first
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert w.pos != skipped_to


async def test_a_non_slash_name_typed_as_a_command_is_unknown(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await new_session(pilot)
        await paste_text(pilot, "/steg")
        await pilot.press("enter")
        await pilot.pause()
        assert "Kjenner ikke kommandoen /steg" in feedback(pilot)
