"""Layout at 80–120 columns: step names wrap, table and matrix columns fit their content and wrap
(nothing cut off), the preview never squeezes the chat, the palette speaks Norwegian, and F3's
arrow keys move in the step list."""

import pytest
from rich.cells import cell_len
from textual.command import CommandInput, CommandPalette
from textual.geometry import Region
from ui_helpers import answer, goto, new_session, paste_text

from bshp_tui.guide.conductor import Position
from bshp_tui.ui.dialogs.table_editor import TableEditor
from bshp_tui.ui.screens.views import MatrixEditor, PreviewScreen
from bshp_tui.ui.widgets.chat import ChatInput
from bshp_tui.ui.widgets.fitted_table import fit_widths
from bshp_tui.ui.widgets.steps import StepsPanel
from bshp_tui.ui.widgets.work_panes import MIN_CHAT_WIDTH


def lines_of(widget) -> list[str]:
    """What the widget shows, its padding included (its content area alone would cut the last column)."""
    strips = widget.render_lines(Region(0, 0, *widget.outer_size))
    return ["".join(segment.text for segment in strip).rstrip() for strip in strips]


def cells_text(table) -> str:
    return "\n".join(lines_of(table))


async def test_a_long_step_name_wraps_at_100_columns(app_factory):
    async with app_factory().run_test(size=(100, 30)) as pilot:
        w = await new_session(pilot)
        steps = w.query_one(StepsPanel)
        assert steps.display
        text = lines_of(steps)
        at = next(n for n, line in enumerate(text) if "Sterke og svake sider" in line)
        assert all(len(line) <= steps.outer_size.width for line in text)
        joined = " ".join(line.strip(" │├└·") for line in text[at : at + 3])
        assert "Sterke og svake sider (kommer når «Rollegrupper» er fylt ut)" in " ".join(joined.split())


async def test_f3_arrows_move_in_the_step_list_and_enter_goes_there(app_factory):
    async with app_factory().run_test(size=(80, 24)) as pilot:
        w = await new_session(pilot)
        question = w.pos
        await pilot.press("f3")
        await pilot.pause()
        steps = w.query_one(StepsPanel)
        assert steps.has_focus and steps.highlighted_row().here  # starts at the step the group is at
        await pilot.press("down", "down", "up")
        await pilot.pause()
        assert steps.highlighted_row().step_id == "arbeidsgruppe"
        assert w.pos == question  # moving in the list does not move the group
        await pilot.press("left", "down", "right")  # close Oppstart, to Kartlegging, open it
        await pilot.pause()
        assert steps.highlighted_row().script_id == "kartlegging" and w.pos == question
        await pilot.press("down", "enter")
        await pilot.pause()
        assert w.pos.script_id == "kartlegging" and w.pos.step_id == "interessenter"
        assert w.query_one(ChatInput).has_focus
        assert not steps.display  # the list closes again: the chat gets the whole narrow window
        assert w.query_one(ChatInput).size.width > 60


@pytest.mark.parametrize("width", [80, 100, 120])
async def test_the_preview_gets_its_own_screen_when_the_chat_would_be_squeezed(app_factory, width):
    async with app_factory().run_test(size=(width, 30)) as pilot:
        w = await new_session(pilot)
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PreviewScreen)
        assert not w.query_one("#live-preview").display


async def test_the_preview_beside_a_readable_chat_when_wide_and_closed_when_narrowed(app_factory):
    async with app_factory().run_test(size=(200, 40)) as pilot:
        w = await new_session(pilot)
        await pilot.press("f4")
        await pilot.pause()
        assert w.query_one("#live-preview").display and pilot.app.screen is w
        assert w.query_one("#main").size.width >= MIN_CHAT_WIDTH
        await pilot.resize_terminal(110, 40)
        await pilot.pause()
        await pilot.pause()
        assert not w.query_one("#live-preview").display
        assert "F4" in str(w.query_one("#feedback").render())


async def test_the_command_palette_speaks_norwegian(app_factory):
    async with app_factory().run_test(size=(100, 30)) as pilot:
        await new_session(pilot)
        await pilot.pause()
        from bshp_tui.ui.widgets.footer import KeyFooter

        assert pilot.app.screen.query_one(KeyFooter).palette.description == "Kommandoer"
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CommandPalette)
        assert pilot.app.screen.query_one(CommandInput).placeholder == "Søk etter en kommando …"


async def test_the_command_palette_says_no_matches_in_norwegian(app_factory):
    from textual.command import CommandList

    from bshp_tui.ui.dialogs import palette

    assert palette.NO_MATCHES_HOOK_FITS  # fails loudly if a Textual upgrade renames what the hook uses
    async with app_factory().run_test(size=(100, 30)) as pilot:
        await new_session(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await paste_text(pilot, "qqxqq")
        results = pilot.app.screen.query_one(CommandList)
        shown: list[str] = []
        for _ in range(100):  # the palette says so after a short pause of its own (a search for the
            await pilot.pause(0.05)  # letters typed so far may still be showing its hits first)
            prompts = [results.get_option_at_index(i).prompt for i in range(results.option_count)]
            shown = [str(getattr(p, "renderable", p)) for p in prompts]
            if shown == ["Ingen treff"]:
                break
        assert shown == ["Ingen treff"]
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, CommandPalette)


@pytest.mark.parametrize("width", [80, 100, 120])
async def test_table_editor_columns_fit_and_keep_numbers_whole(app_factory, width):
    async with app_factory().run_test(size=(width, 30)) as pilot:
        w = await new_session(pilot)
        await goto(w, "gap", "malomrader")
        await answer(pilot, "Kommunale boliger")
        area = w.session.answer("gap/malomrader")[0]["id"]
        w.c.submit(
            Position("tiltak", "malomrade", area, "handlingsplan"),
            "Flere boliger; Kjøpe boliger som gruppa må høre lenger om; NAV; 2028; 250 000; 1 200 000; "
            "2027–2028; Husbanken lån; nei",
        )
        w.c.jump("tiltak", "malomrade", area)
        while w.c.cursor().field_id != "handlingsplan":
            w.c.next()
        await w.refresh_all(load_input=True)
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.pause()
        editor = pilot.app.screen
        assert isinstance(editor, TableEditor)
        table = editor.query_one("DataTable")
        used = sum(c.get_render_width(table) for c in table.columns.values())
        assert used <= table.scrollable_content_region.width  # every column in view, no sideways scrolling
        text = cells_text(table).replace("\u00a0", " ").replace("\u202f", " ")
        for whole in ("250 000", "1 200 000", "2027–2028"):
            assert whole in text
        assert "lenger" in " ".join(text.split())  # long text wraps, nothing is cut off
        # Headings wrap between words; a word too long for its column is shortened with a full
        # stop («Invest.»), never broken in the middle.
        labels = [c.label for c in w.c.field(w.c.cursor()).columns]
        for column, label in zip(table.columns.values(), labels):
            words = label.split()
            for shown in column.label.plain.split():
                assert cell_len(shown) <= column.width, (shown, column.width)
                assert shown in words or (shown.endswith(".") and any(word.startswith(shown[:-1]) for word in words)), (
                    shown,
                    label,
                )


async def test_the_matrix_wraps_a_long_measure_name_at_100_columns(app_factory):
    async with app_factory().run_test(size=(100, 40)) as pilot:
        w = await new_session(pilot)
        await goto(w, "gap", "malomrader")
        await answer(pilot, "Kommunale boliger")
        area = w.session.answer("gap/malomrader")[0]["id"]
        long_name = "Kartlegge hvem som må høre lenger fra kommunen om søknaden om bolig"
        w.c.submit(Position("gap", w.c.field("gap.tiltak").step_id, area, "tiltak"), f"{long_name}\nKort tiltak")
        await answer(pilot, "/matrise")
        await pilot.pause()
        matrix = pilot.app.screen
        assert isinstance(matrix, MatrixEditor)
        table = matrix.query_one("DataTable")
        text = cells_text(table)
        assert "…" not in text and set(long_name.split()) <= set(text.split())  # wrapped, not cut
        assert max(row.height for row in table.rows.values()) >= 2
        used = sum(c.get_render_width(table) for c in table.columns.values())
        assert used <= table.scrollable_content_region.width and len(table.columns) == 1 + len(matrix.fld.scales)


def test_fit_widths_keeps_what_fits_and_narrows_the_widest():
    assert fit_widths([5, 10], 40, [5, 5]) == [5, 10]
    widths = fit_widths([8, 60, 7, 30], 60, [8, 10, 7, 10])
    assert sum(widths) + 2 * 4 <= 60 and widths[0] == 8 and widths[2] == 7
    assert widths[1] >= widths[3] >= 10
    assert fit_widths([20, 20], 10, [9, 9]) == [9, 9]  # even the minimums do not fit: they are kept


def test_a_header_word_is_shortened_at_a_syllable_never_broken():
    from bshp_tui.ui.widgets.fitted_table import short_header, shorten_word

    assert shorten_word("Investering", 9) == "Invest."
    assert shorten_word("Ansvarlig", 6) == "Ansv."
    assert shorten_word("Strategi", 6) == "Strat."
    assert shorten_word("Finansiering", 5) == "Fin."
    assert shorten_word("Tidsfrist", 5) == "Tids."
    assert shorten_word("Tiltak", 6) == "Tiltak"
    assert shorten_word("2027–2028", 5) == "2027–2028"  # a number is never cut
    assert short_header("Drift per år (kr)", 7) == "Drift per år (kr)"
    assert short_header("Investering (kr)", 9) == "Invest. (kr)"


async def test_closing_the_preview_while_it_is_being_made_is_no_error(app_factory, monkeypatch):
    """The plan is rendered in a thread; closed before it is done, the result has nowhere to go."""
    import threading

    from bshp_tui.export import preview

    made, closed = preview.preview_markdown, threading.Event()

    def slow(c, kind):
        closed.wait(5)
        return made(c, kind)

    monkeypatch.setattr(preview, "preview_markdown", slow)
    async with app_factory().run_test(size=(90, 30)) as pilot:
        w = await new_session(pilot)
        await pilot.press("f4")  # at 90 columns the preview gets its own screen
        screen = pilot.app.screen
        assert isinstance(screen, PreviewScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.is_attached
        closed.set()  # the plan is done only now
        for _ in range(20):
            await pilot.pause()
            if not [t for t in threading.enumerate() if t.name.startswith("render_preview")]:
                break
        assert pilot.app.screen is w and pilot.app.is_running
