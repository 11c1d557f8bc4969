"""Small things the group reads: the help does not count the guided sessions wrong, a step with
only optional questions does not say «0 av 0 påkrevde svar»."""

import re

from helpers import shipped_scripts

from bshp_tui.guide.conductor import Conductor, Position
from bshp_tui.ui.dialogs import help_text
from bshp_tui.ui.widgets.steps import position_label

SCRIPTS = shipped_scripts()
NUMBER_WORDS = ["én", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti"]


def test_the_help_names_no_wrong_number_of_guided_sessions_and_mentions_the_follow_up():
    text = help_text()
    counted = re.findall(r"\b(\w+) veiledninger\b", text)
    assert all(word == NUMBER_WORDS[len(SCRIPTS) - 1] for word in counted if word in NUMBER_WORDS), counted
    assert "**oppfølgingen**" in text
    assert len(SCRIPTS) == 7  # the shipped guided sessions the help names, the yearly follow-up last


def test_a_step_with_only_optional_questions_says_so(store):
    with store.create("Molde", "2027-2030") as session:
        c = Conductor(SCRIPTS, session)
        optional = Position("gap", "kobling", None, "kobling_organisering")
        assert not any(f.required for f in c.step(optional).fields)
        label = position_label(c, optional)
        assert "0 av 0" not in label and label.endswith("(valgfritt steg)")
        required = Position("oppstart", "plantype", None, "plantype")
        assert position_label(c, required).endswith("(0 av 2 påkrevde svar)")
