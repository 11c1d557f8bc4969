"""A screen's widgets are styled once, as each is mounted: `BshpScreen` skips Textual's styling of
them all again when a new screen becomes active. Each widget must then look exactly as styling the
whole screen again would make it look."""

from ui_helpers import SIZE, answer, new_session


def styles_of(screen) -> list:
    """Each widget's computed rules and the styles of its parts (component classes), in order."""
    out = []
    for widget in screen.walk_children(with_self=True):
        parts = sorted({name for cls in type(widget).__mro__ for name in getattr(cls, "COMPONENT_CLASSES", ())})
        out.append(
            (
                type(widget).__name__,
                sorted(widget.classes),
                widget.styles.base.get_rules(),
                [(name, widget.get_component_rich_style(name, partial=True)) for name in parts],
            )
        )
    return out


async def styled_again(pilot) -> list:
    pilot.app.screen.update_node_styles(animate=False)
    await pilot.pause()
    return styles_of(pilot.app.screen)


async def test_the_start_screen_and_the_chat_look_as_if_styled_again(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start = styles_of(app.screen)
        assert len(start) > 5 and await styled_again(pilot) == start

        await new_session(pilot)
        chat = styles_of(app.screen)
        assert any(name == "ChatInput" for name, *_ in chat)
        assert await styled_again(pilot) == chat

        await answer(pilot, "2")  # widgets mounted later (turns, choices) are styled as they come
        answered = styles_of(app.screen)
        assert answered != chat and await styled_again(pilot) == answered
