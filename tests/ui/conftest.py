import pytest

from bshp_tui.ui.app import make_app


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "sessions"


@pytest.fixture
def app_factory(data_dir, clock):
    def make(**kwargs):
        return make_app(data_dir, clock=clock, **kwargs)

    return make


@pytest.fixture(autouse=True, scope="session")
def _css_parsed_once_per_worker():
    """Every app a test starts parses the same CSS again (a sixth of what starting a session costs).
    A parsed rule set is never changed afterwards (Textual itself reuses one across parses), so a
    worker parses each piece of CSS once per set of theme variables and hands the rules to every app."""
    from textual.css.stylesheet import Stylesheet

    parsed: dict = {}
    parse_rules = Stylesheet._parse_rules

    def theme(stylesheet) -> frozenset:
        seen = stylesheet.__dict__.get("_theme_key")
        if seen is None or seen[0] is not stylesheet._variables:
            seen = stylesheet._theme_key = (stylesheet._variables, frozenset(stylesheet._variables.items()))
        return seen[1]

    def parse_once(self, css, read_from, is_default_rules=False, tie_breaker=0, scope=""):
        key = (css, read_from, is_default_rules, tie_breaker, scope, theme(self))
        if key not in parsed:
            parsed[key] = parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
        return parsed[key]

    Stylesheet._parse_rules = parse_once
    yield
    Stylesheet._parse_rules = parse_rules


@pytest.fixture(autouse=True)
def _headless_screens_made_not_painted(request, monkeypatch):
    """A screen test runs headless: nobody sees the screen, yet Textual paints every update into
    lines of cells (a third of a screen test's time) and throws them away. Here each widget in
    the area an update changed still makes what it draws, so an error there fails the test: a widget that draws line
    by line (a list, a table, a text area) draws its lines, which also keeps their scroll sizes
    as on a screen; any other widget runs its `render()`. What is skipped is putting the widgets
    together into the screen's cells, and turning a `render()` result (a custom Visual such as
    the step list's lines) into cells. The SVG snapshots, the tests marked `painted` (the walk
    through every guided session, every slash command in a fully answered session, the
    render-cache leak) and the real-terminal tests in tests/reliability paint every update as
    the app does for users."""
    if request.node.get_closest_marker("painted") or "snap_compare" in request.fixturenames:
        return
    from textual._compositor import Compositor
    from textual.geometry import Region
    from textual.widget import Widget

    render_update = Compositor.render_update

    def made_not_painted(self, full=False, screen_stack=None, simplify=False):
        if full:  # a screenshot
            return render_update(self, full, screen_stack, simplify)
        if not self._dirty_regions:
            return None
        # The widgets whose area changed (Textual also visits the others, which draw from its cache).
        crop = Region.from_union(list(self._dirty_regions)).intersection(self.size.region)
        for widget, (region, _clip) in self.visible_widgets.items():
            if not region.overlaps(crop):
                continue
            if type(widget).render_line is not Widget.render_line:  # a list, a table, a text area
                widget.render_lines(Region(0, 0, region.width, region.height))
            else:
                widget._render()
        self._dirty_regions.clear()
        return None

    monkeypatch.setattr(Compositor, "render_update", made_not_painted)
