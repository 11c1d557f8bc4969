"""Standard texts: shipped Markdown becomes document blocks, and a group's own file overrides it."""

from bshp_tui.export.ast import plain_text
from bshp_tui.export.templates import TEMPLATE_NAMES, markdown_blocks, template_blocks, template_text


def test_every_standard_text_ships():
    for name in TEMPLATE_NAMES:
        text, source = template_text(name)
        assert source == "standard" and len(text) > 200


def test_markdown_keeps_spaces_around_emphasis():
    blocks = markdown_blocks("**Lov** (loven) og *Bolig for velferd* (2014).")
    assert plain_text(blocks).strip() == "Lov (loven) og Bolig for velferd (2014)."


def test_images_and_html_in_a_template_are_dropped():
    blocks = markdown_blocks("Se ![x](/etc/hostname) <b>her</b>\n\n<div>rå</div>\n")
    flat = str(blocks)
    assert "Image" not in flat and "RawInline" not in flat and "RawBlock" not in flat


def test_group_override(tmp_path):
    (tmp_path / "lovverk.md").write_text("Vår egen tekst om **lovverket**.", encoding="utf-8")
    assert plain_text(template_blocks("lovverk", [tmp_path])).strip() == "Vår egen tekst om lovverket."
    assert "boligsosialloven" in plain_text(template_blocks("lovverk", [tmp_path / "finnes-ikke"]))


def test_document_tree_version_matches_the_bundled_pandoc():
    import json
    import subprocess

    from bshp_tui.export.ast import API_VERSION
    from bshp_tui.export.pandoc import pandoc_path

    out = subprocess.run([pandoc_path(), "-f", "markdown", "-t", "json"], input=b"x", capture_output=True, check=True)
    assert json.loads(out.stdout)["pandoc-api-version"][:2] == API_VERSION[:2]
