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
