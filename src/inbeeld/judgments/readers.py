"""Reading judgments into plain text: the judiciary's open-data XML, saved viewer HTML, plain text.

The XML of the open-data service carries RDF metadata (ECLI, court, date, legal area, procedure)
and the body in `inhoudsindicatie` and `uitspraak` (or `conclusie`); that metadata is kept.
HTML and text give only text; the extractor reads their metadata from the text itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from lxml import etree, html

from inbeeld.judgments.errors import DocumentReadError
from inbeeld.judgments.model import Document
from inbeeld.judgments.numbers import normalise

SUFFIXES = {".xml": "xml", ".html": "html", ".htm": "html", ".txt": "text", ".text": "text"}

# Block elements end a line, so sentences do not run into each other.
_BLOCKS = frozenset({
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "dd",
    "dt", "table", "ul", "ol", "header", "footer", "title", "blockquote", "para", "parablock",
    "paragroup", "inhoudsindicatie", "uitspraak", "conclusie", "emphasis_block", "td", "th",
})
_SPACE = re.compile(r"\s+")
_SKIP_HTML = frozenset({"script", "style", "noscript", "template", "svg", "button", "form", "nav"})
_META_FIELDS = {  # RDF element local name -> metadata key
    "identifier": "ecli", "creator": "court", "date": "decision_date", "subject": "legal_area",
    "procedure": "procedure", "type": "document_type",
}


def read_document(path: Path | str) -> Document:
    """Read one file (by its suffix: .xml, .html/.htm, else plain text) into a Document."""
    path = Path(path)
    kind = SUFFIXES.get(path.suffix.lower(), "text")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentReadError(path, f"cannot read file ({exc.strerror or exc})") from exc
    if not data.strip():
        raise DocumentReadError(path, "file is empty")
    if kind == "xml":
        return _read_xml(path, data)
    if kind == "html":
        return _read_html(path, data)
    return Document(source=path.name, text=_decode(path, data), kind="text")


def iter_paths(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Yield the files named, and the readable files inside named folders (sorted, recursive)."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*")
                              if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("."))
        else:
            yield p


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise DocumentReadError(path, "file is binary, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # older Dutch Windows exports
    return normalise(text.replace("\r\n", "\n").replace("\r", "\n"))


def _read_xml(path: Path, data: bytes) -> Document:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise DocumentReadError(path, f"not well-formed XML (line {exc.lineno})") from exc
    metadata: dict[str, str] = {}
    for desc in root.iter("{*}Description"):
        for child in desc:
            key = _META_FIELDS.get(etree.QName(child).localname)
            text = " ".join((child.text or "").split())
            if key and text and key not in metadata:
                if key == "ecli" and not text.startswith("ECLI:"):
                    continue
                metadata[key] = text
        if "ecli" in metadata:
            break  # the first description is the document; later ones describe its relations
    bodies = [el for el in root.iter() if isinstance(el.tag, str)
              and etree.QName(el).localname in ("inhoudsindicatie", "uitspraak", "conclusie")]
    if not bodies:
        raise DocumentReadError(path, "XML has no inhoudsindicatie, uitspraak or conclusie element")
    parts = []
    for body in bodies:
        if any(body in set(other.iterdescendants()) for other in bodies if other is not body):
            continue
        name = etree.QName(body).localname
        label = "Inhoudsindicatie" if name == "inhoudsindicatie" else name.capitalize()
        parts.append(label + "\n" + _block_text(body))
    return Document(source=path.name, text=normalise("\n".join(parts)), metadata=metadata, kind="xml")


def _read_html(path: Path, data: bytes) -> Document:
    try:
        root = html.document_fromstring(data)
    except (etree.ParserError, ValueError) as exc:
        raise DocumentReadError(path, "cannot parse HTML") from exc
    for el in list(root.iter(*_SKIP_HTML)):
        el.drop_tree()
    body = root.find("body")
    return Document(source=path.name, text=normalise(_block_text(body if body is not None else root)),
                    kind="html")


def _block_text(element: etree._Element) -> str:
    """Return the element's text with a line break after every block element."""
    chunks: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = etree.QName(el).localname.lower() if isinstance(el.tag, str) else ""
        if el.text and isinstance(el.tag, str):
            chunks.append(_SPACE.sub(" ", el.text))  # source line wraps are not line breaks
        for child in el:
            walk(child)
            if child.tail:
                chunks.append(_SPACE.sub(" ", child.tail))
        if tag in _BLOCKS:
            chunks.append("\n")

    walk(element)
    lines = (" ".join(line.split()) for line in "".join(chunks).split("\n"))
    return re.sub(r"\n{2,}", "\n", "\n".join(line for line in lines if line)).strip()
