"""Render report sections as one self-contained HTML page (inline CSS, images as data URIs).

No template engine: string.Template for the page, html.escape for every text value.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Sequence
from html import escape
from string import Template

from inbeeld.report.section import ReportFigure, ReportSection, ReportTable

_CSS = """
@page { size: A4; margin: 18mm 14mm 18mm 14mm;
        @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #555; } }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt;
       color: #1a1a1a; line-height: 1.4; max-width: 60em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 19pt; color: #1b4f72; margin-bottom: 0.2em; }
h2 { font-size: 14pt; color: #1b4f72; border-bottom: 1px solid #1b4f72; margin-top: 1.6em;
     break-before: page; }
h2.first, section.first h2 { break-before: auto; }
h3 { font-size: 11pt; margin: 1.3em 0 0.3em; break-after: avoid; }
p.subtitle { color: #444; margin-top: 0; }
p.meta { color: #666; font-size: 8.5pt; }
nav ol { padding-left: 1.2em; }
figure { margin: 1em 0; break-inside: avoid; }
figure img { max-width: 100%; }
figcaption { font-size: 8.5pt; color: #444; }
.table-block { break-inside: avoid; margin-bottom: 1.2em; }
table { border-collapse: collapse; font-size: 7.5pt; width: 100%; table-layout: fixed; }
th:first-child, td:first-child { width: 17%; }
th, td { border-bottom: 1px solid #d5d8dc; padding: 2px 4px; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
thead th { background: #eaf0f5; overflow-wrap: anywhere; hyphens: auto; }
tr.base td { font-weight: bold; border-top: 1px solid #1b4f72; }
td .sub { color: #555; font-size: 6.5pt; }
p.note { font-size: 8pt; color: #444; margin: 0.2em 0; }
"""

_PAGE = Template("""<!DOCTYPE html>
<html lang="$lang">
<head>
<meta charset="utf-8">
<title>$title</title>
<style>$css</style>
</head>
<body>
<header>
<h1>$title</h1>
<p class="subtitle">$subtitle</p>
<p class="meta">$meta</p>
</header>
<nav><h2 class="first">$contents</h2><ol>$toc</ol></nav>
$body
</body>
</html>
""")


def anchor(text: str, index: int) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return f"s{index}-{slug}"[:60]


def render_table(table: ReportTable) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in table.header)
    body = []
    for number, row in enumerate(table.rows, start=1):
        css = ' class="base"' if table.total_row and number == len(table.rows) else ""
        cells = "".join(f"<td>{_cell(cell)}</td>" for cell in row)
        body.append(f"<tr{css}>{cells}</tr>")
    notes = "".join(f'<p class="note">{escape(n)}</p>' for n in table.notes)
    ident = f' id="{escape(table.key)}"' if table.key else ""
    return (
        f'<div class="table-block"{ident}><h3>{escape(table.title)}</h3>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{notes}</div>"
    )


def _cell(cell: str) -> str:
    first, _, rest = cell.partition("\n")
    out = escape(first)
    if rest:
        out += "".join(f'<br><span class="sub">{escape(line)}</span>' for line in rest.split("\n"))
    return out


def render_figure(figure: ReportFigure) -> str:
    data = base64.b64encode(figure.png).decode("ascii")
    return (
        f'<figure><img src="data:image/png;base64,{data}" alt="{escape(figure.alt)}">'
        f"<figcaption>{escape(figure.title)}</figcaption></figure>"
    )


def render_section(section: ReportSection, index: int) -> str:
    css = ' class="first"' if index == 0 else ""  # the first chapter follows the contents
    parts = [f'<section id="{anchor(section.title, index)}"{css}><h2>{escape(section.title)}</h2>']
    parts += [f"<p>{escape(p)}</p>" for p in section.paragraphs]
    parts += [render_figure(f) for f in section.figures]
    parts += [render_table(t) for t in section.tables]
    parts.append("</section>")
    return "\n".join(parts)


def render_html(
    sections: Sequence[ReportSection], *, lang: str, title: str, subtitle: str, meta: str,
    contents: str, banner: str = "",
) -> str:
    """The whole report as one HTML string; nothing in it refers to another file."""
    toc = "".join(
        f'<li><a href="#{anchor(s.title, i)}">{escape(s.title)}</a></li>' for i, s in enumerate(sections)
    )
    body = "\n".join(render_section(s, i) for i, s in enumerate(sections))
    if banner:
        body = f'<p style="color:#b00;font-weight:bold">{escape(banner)}</p>\n{body}'
    return _PAGE.substitute(
        lang=escape(lang), title=escape(title), css=_CSS, subtitle=escape(subtitle),
        meta=escape(meta), contents=escape(contents), toc=toc, body=body,
    )
