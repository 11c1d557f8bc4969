"""The app says after an export which answers reached no document."""

from ui_helpers import SIZE, new_session, toasts


async def test_export_names_an_answer_left_out(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        w = await new_session(pilot)
        w.c.jump("oppstart", "plantype")
        pos = w.c.cursor()
        w.c.submit(pos, "kommunedelplan", advance=False)
        steps = next(p for p in w.c.positions() if p.field_id == "formelle_steg")
        w.c.submit(steps, "Melding om oppstart; 2027-03; Kari", advance=False)
        w.c.submit(pos, "temaplan", advance=False)  # the formal steps are now hidden
        await w.run_command("eksporter", "plan md")
        await app.workers.wait_for_complete()
        await pilot.pause()
        notes = await toasts(pilot)
        assert any(n.startswith("Skrev ") for n in notes), notes
        warning = next(n for n in notes if "ikke med i noe dokument" in n)
        assert "oppstart.plantype = kommunedelplan" in warning and "går ikke tapt" in warning
