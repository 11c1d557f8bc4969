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


def test_a_finished_export_names_each_file_on_its_own_line_and_the_folder_short(monkeypatch, tmp_path):
    from pathlib import Path

    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    folder = tmp_path / "bshp" / "sessions" / "eksport"
    text = export_place.written_message(
        "2 dokumenter", [(folder / "molde-plan.docx", 0), (folder / "molde-grunnlag.docx", 3)]
    )
    assert text.splitlines() == [
        "Skrev 2 dokumenter:",
        "• molde-plan.docx",
        "• molde-grunnlag.docx (3 å fylle ut eller sjekke)",
        "i mappa ~/bshp/sessions/eksport",
        "Det som må fylles ut eller sjekkes, står i [hakeparentes] i dokumentet.",
    ]
    elsewhere = Path("/srv/kommune/eksport")
    assert export_place.written_message("referatet", [(elsewhere / "r.docx", 0)]).endswith(
        "i mappa /srv/kommune/eksport"
    )
