"""Readers: open-data XML (RDF metadata + uitspraak), saved viewer HTML, plain text; bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from inbeeld.judgments.errors import DocumentReadError
from inbeeld.judgments.extract import extract
from inbeeld.judgments.readers import iter_paths, read_document

# Fictional document in the shape of the judiciary's open-data service.
OPEN_DATA_XML = """<?xml version="1.0" encoding="utf-8"?>
<open-rechtspraak>
  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
           xmlns:dcterms="http://purl.org/dc/terms/" xmlns:psi="http://psi.rechtspraak.nl/">
    <rdf:Description>
      <dcterms:identifier>ECLI:NL:RBLIM:2099:1</dcterms:identifier>
      <dcterms:creator psi:resourceIdentifier="http://psi.rechtspraak.nl/rb"
        >Rechtbank Limburg</dcterms:creator>
      <dcterms:date xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"
        rdfs:label="Uitspraakdatum">2099-02-13</dcterms:date>
      <dcterms:subject>Strafrecht</dcterms:subject>
      <psi:procedure>Eerste aanleg - meervoudig</psi:procedure>
    </rdf:Description>
    <rdf:Description>
      <dcterms:identifier>ECLI:NL:GHSHE:2099:7</dcterms:identifier>
    </rdf:Description>
  </rdf:RDF>
  <inhoudsindicatie xmlns="http://www.rechtspraak.nl/schema/rechtspraak-1.0">
    <para>Klant van een minderjarige, art. 248b Sr.</para>
  </inhoudsindicatie>
  <uitspraak xmlns="http://www.rechtspraak.nl/schema/rechtspraak-1.0" xml:space="preserve">
    <uitspraak.info><para>RECHTBANK LIMBURG</para><para>Parketnummer: 03/000000-99</para></uitspraak.info>
    <section role="overwegingen"><title><nr>1</nr> De vordering</title>
      <para>De officier van justitie heeft gevorderd dat verdachte wordt veroordeeld tot een
      gevangenisstraf voor de duur van 4 maanden.</para></section>
    <section role="beslissing"><title>Beslissing</title>
      <para>Veroordeelt verdachte tot een gevangenisstraf voor de duur van 1 (één) dag.</para>
      <para>Veroordeelt verdachte tot een taakstraf van 200 (tweehonderd) uren.</para></section>
  </uitspraak>
</open-rechtspraak>
"""

VIEWER_HTML = """<html><head><title>Uitspraak</title><script>var x = "6 maanden cel";</script></head>
<body><nav>Zoeken</nav><div class="meta"><dl><dt>Instantie</dt><dd>Gerechtshof Den Haag</dd>
<dt>Datum uitspraak</dt><dd>01-03-2099</dd><dt>ECLI</dt><dd>ECLI:NL:GHDHA:2099:5</dd></dl></div>
<div class="uitspraak"><p>Het hof veroordeelt de verdachte tot een gevangenisstraf van
<b>8 maanden</b>.</p><p>Het slachtoffer, een 15-jarig meisje, werd via Snapchat benaderd.</p></div>
</body></html>"""


def test_xml_metadata_comes_from_rdf(tmp_path: Path) -> None:
    path = tmp_path / "doc.xml"
    path.write_text(OPEN_DATA_XML, encoding="utf-8")
    document = read_document(path)
    assert document.kind == "xml"
    assert document.metadata["ecli"] == "ECLI:NL:RBLIM:2099:1"  # the document's, not the relation's
    assert document.metadata["court"] == "Rechtbank Limburg"
    assert document.metadata["decision_date"] == "2099-02-13"
    assert document.metadata["legal_area"] == "Strafrecht"


def test_xml_body_becomes_text_with_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "doc.xml"
    path.write_text(OPEN_DATA_XML, encoding="utf-8")
    text = read_document(path).text
    assert "Klant van een minderjarige, art. 248b Sr." in text
    assert "Veroordeelt verdachte tot een gevangenisstraf voor de duur van 1 (één) dag.\n" in text


def test_xml_document_is_extracted_with_its_metadata(tmp_path: Path) -> None:
    path = tmp_path / "doc.xml"
    path.write_text(OPEN_DATA_XML, encoding="utf-8")
    (facts,) = extract(read_document(path))
    assert (facts.ecli, facts.court, facts.instance, facts.decision_date) == (
        "ECLI:NL:RBLIM:2099:1", "Rechtbank Limburg", "rechtbank", "2099-02-13")
    assert facts.demanded.prison_days_unconditional == 120
    assert (facts.imposed.prison_days_unconditional, facts.imposed.community_service_hours) == (1, 200)
    assert facts.articles == ("248b Sr",)


def test_html_drops_scripts_and_keeps_inline_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(VIEWER_HTML, encoding="utf-8")
    document = read_document(path)
    assert "var x" not in document.text
    assert "gevangenisstraf van 8 maanden." in " ".join(document.text.split())


def test_html_metadata_is_read_from_the_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(VIEWER_HTML, encoding="utf-8")
    (facts,) = extract(read_document(path))
    assert facts.ecli == "ECLI:NL:GHDHA:2099:5"
    assert facts.instance == "hof"
    assert facts.decision_date == "2099-03-01"
    assert facts.imposed.prison_days_unconditional == 240
    assert facts.victim_ages == (15,)
    assert facts.channel_names == ("Snapchat",)


def test_plain_text_in_windows_encoding_is_read(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes("Hij kreeg één dag cel.".encode("cp1252"))
    assert read_document(path).text == "Hij kreeg één dag cel."


@pytest.mark.parametrize("name, content, problem", [
    ("broken.xml", b"<open-rechtspraak><uitspraak>", "not well-formed XML"),
    ("nobody.xml", b"<open-rechtspraak><rdf/></open-rechtspraak>", "no inhoudsindicatie"),
    ("empty.txt", b"   \n", "empty"),
    ("binary.txt", b"\x00\x01\x02abc", "binary"),
])
def test_unreadable_files_raise_an_error_naming_the_file(tmp_path: Path, name: str, content: bytes,
                                                         problem: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentReadError, match=problem) as info:
        read_document(path)
    assert name in str(info.value)


def test_missing_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentReadError, match="cannot read"):
        read_document(tmp_path / "absent.txt")


def test_folders_are_walked_for_readable_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "sub/b.xml", "sub/c.html", "README.md", "gold.jsonl"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = sorted(p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path]))
    assert found == ["a.txt", "sub/b.xml", "sub/c.html"]
