"""The SPA's stylesheets close every block they open. A brace left open swallows every later rule into
the block above it (an @media for phones, say) and the build does not complain: the pages just lose
their styles on wide screens. (Read here from disk: the frontend's test runner blanks stylesheets.)"""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "frontend" / "src"


def depth_at_end(css: str) -> int:
    depth = 0
    for ch in re.sub(r"\"[^\"]*\"|'[^']*'", "", re.sub(r"/\*.*?\*/", "", css, flags=re.S)):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return depth
    return depth


def test_the_check_notices_a_block_left_open():
    assert depth_at_end("@media (max-width: 760px) { .a { color: red; }\n.b { color: blue; }") == 1
    assert depth_at_end('/* { */ .a { content: "}"; }') == 0


def test_every_stylesheet_closes_its_blocks():
    sheets = sorted(p for p in SRC.rglob("*.css") if "gql" not in p.parts)
    assert len(sheets) > 10
    assert [str(p.relative_to(SRC)) for p in sheets if depth_at_end(p.read_text(encoding="utf-8")) != 0] == []
