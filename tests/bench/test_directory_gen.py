"""The benchmark's synthetic directory is content the app accepts: `make bench` measures the
directory on it, so a rule that refuses it would stop the bench (as the short-code rule did
with names numbered like 'Center 211')."""

from bench.directory_gen import records, tag, write
from webapp import content, textrules

ICONS = content.DEFAULT_DIR.parent.parent / "static" / "icons" / "industries"


def test_tags_are_unique_letters():
    tags = [tag(i) for i in range(10_000)]
    assert tags[:3] == ["A", "B", "C"] and tags[26] == "BA"
    assert len(set(tags)) == len(tags) and all(t.isalpha() and t.isupper() for t in tags)


def test_the_directory_loads(tmp_path):
    """Past the 211th organization (a name numbered 211 was refused as a short code), through
    the app's own validation."""
    folder = write(300, tmp_path / "content")
    synthetic = [o for o in content.load(folder, ICONS).directory if o.synthetic]
    assert len(synthetic) == 300
    assert "synthetic-00211" in {o.id for o in synthetic}


def test_the_full_size_directory_breaks_no_text_rule():
    """The 10,000 organizations of the full bench: no text the content rules would refuse
    (loading them all through the validator takes 20 CPU-seconds; these are its text rules)."""
    full = records(10_000)
    assert len({r["name"] for r in full}) == 10_000
    for record in full:
        for field in ("name", "description", "hours"):
            assert not list(textrules.found(record.get(field, ""))), (record["id"], field)
