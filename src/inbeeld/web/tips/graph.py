"""Layout of the link graph on a tip's page: the tip in the middle, its linked tips on a circle
around it, each edge labelled with the identifier kinds the two share (never their values).

Plain geometry for a server-side SVG (templates/tips/graph.svg.html): no JavaScript and no graph
library, because a star around one tip needs nothing more than sine and cosine.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MAX_NODES = 40  # more linked tips stay in the list below the graph; the graph would be unreadable


@dataclass(frozen=True)
class Node:
    tip: int
    x: float
    y: float
    centre: bool = False


@dataclass(frozen=True)
class Edge:
    tip: int  # the linked tip at the outer end
    x1: float
    y1: float
    x2: float
    y2: float
    label: str  # identifier kinds, comma-separated
    lx: float  # where the label goes (midpoint)
    ly: float


@dataclass(frozen=True)
class LinkGraph:
    width: int
    height: int
    centre: Node
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    hidden: int  # linked tips not drawn (beyond MAX_NODES)


def link_graph(tip: int, linked: dict[int, list[str]], *, size: int = 420) -> LinkGraph:
    """The graph of `tip` and `linked` (tip id -> kinds shared, as from services.linked_tips)."""
    shown = list(linked.items())[:MAX_NODES]
    cx = cy = size / 2
    radius = size / 2 - 40  # room for the node circles at the edge
    centre = Node(tip, cx, cy, centre=True)
    nodes: list[Node] = []
    edges: list[Edge] = []
    for i, (other, kinds) in enumerate(shown):
        angle = -math.pi / 2 + 2 * math.pi * i / len(shown)  # first one straight up
        x, y = round(cx + radius * math.cos(angle), 1), round(cy + radius * math.sin(angle), 1)
        nodes.append(Node(other, x, y))
        edges.append(
            Edge(other, cx, cy, x, y, ", ".join(kinds), round((cx + x) / 2, 1), round((cy + y) / 2, 1))
        )
    return LinkGraph(size, size, centre, tuple(nodes), tuple(edges), len(linked) - len(shown))
