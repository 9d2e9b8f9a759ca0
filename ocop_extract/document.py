"""The document every extractor reads: source text, normalised text, lines.

>>> doc = Doc.from_text("d1", "Số: 57/KH-UBND\\nHà Giang, ngày 05 tháng 3 năm 2024\\n")
>>> [line.text for line in doc.lines]
['Số: 57/KH-UBND', 'Hà Giang, ngày 05 tháng 3 năm 2024']
>>> doc.lines[1].start
15
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

import regex

from .normalize import Normalized, normalize


class Line(NamedTuple):  # a named tuple: documents make many, and tuples are cheap to make
    """One line of the normalised text, with its offsets in that text."""

    index: int
    start: int
    end: int
    text: str


@dataclass
class Doc:
    """One decoded document. Offsets are in `text` (normalised) unless said otherwise."""

    doc_id: str
    norm: Normalized
    path: str = ""
    cache: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_text(cls, doc_id: str, source: str, path: str = "") -> "Doc":
        return cls(doc_id=doc_id, norm=normalize(source), path=path)

    @property
    def source(self) -> str:
        return self.norm.source

    @property
    def text(self) -> str:
        return self.norm.text

    @cached_property
    def lines(self) -> list[Line]:
        """The lines, split at "\n", "\r\n" or "\r"; a final line break starts no empty line."""
        text = self.text
        if "\r" not in text:  # the common case, without a pattern
            pieces = text.split("\n")
            if len(pieces) > 1 and not pieces[-1]:
                pieces.pop()
            lines, pos = [], 0
            for index, piece in enumerate(pieces):
                lines.append(Line(index, pos, pos + len(piece), piece))
                pos += len(piece) + 1
            return lines
        lines = []
        for m in regex.finditer(r"([^\r\n]*)(\r\n|\r|\n|$)", text):
            if m.start() == len(text) and lines:
                break
            lines.append(Line(len(lines), m.start(1), m.end(1), m.group(1)))
            if m.end() >= len(text):
                break
        return lines

    def line_at(self, offset: int) -> Line:
        """The line holding `offset` (binary search)."""
        lines = self.lines
        lo, hi = 0, len(lines) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if lines[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lines[lo]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the source text of a span of the normalised text."""
        return self.norm.to_source(start, end)
