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
