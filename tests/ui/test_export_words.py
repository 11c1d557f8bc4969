"""The chat's /eksporter and /referat know the same documents and formats as the export itself. The UI
keeps its own short lists (so opening the chat loads no export code); this keeps them from drifting."""

from bshp_tui.export.document import DOCUMENTS
from bshp_tui.export.pandoc import FORMATS
from bshp_tui.export.service import STATUS_REPORT
from bshp_tui.ui import export_jobs, export_place


def test_the_chat_offers_every_format_a_group_can_open():
    assert set(export_place.FORMATS) == set(FORMATS) - {"json"}  # json is for developers (bshp export)


def test_the_chat_knows_every_document():
    assert set(export_jobs.DOCUMENTS) == {*DOCUMENTS, STATUS_REPORT}
