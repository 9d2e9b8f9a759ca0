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
from typing import TYPE_CHECKING, NamedTuple, Optional

import regex

from .normalize import Normalized, normalize

if TYPE_CHECKING:  # types only: the modules that fill the memo import this one, never the reverse
    from .metadata import Metadata
    from .metadata.mentions import Mention, _Found
    from .metadata.places import _Hit
    from .models import Target
    from .targets.candidates import Candidate
    from .targets.context import TargetContext


class Line(NamedTuple):  # a named tuple: documents make many, and tuples are cheap to make
    """One line of the normalised text, with its offsets in that text."""

    index: int
    start: int
    end: int
    text: str


@dataclass
class DocMemo:
    """Values computed once per document, each by the one function named beside it (None: not yet)."""

    lowered: Optional[str] = None                                   # casefold.lowered (None: unsafe …)
    lowered_known: bool = False                                     # … once this is True
    line_kinds: Optional[list[str]] = None                          # layout.line_kinds
    content_spans: Optional[list[tuple[int, int]]] = None           # layout.content_spans
    paragraph_starts: Optional[list[int]] = None                    # paragraphs.paragraph_starts
    inner_pages: Optional[list[int]] = None                         # paragraphs.paragraph_starts (page numbers)
    line_starts: Optional[list[int]] = None                         # metadata.scan (line offsets)
    sentences: Optional[list[tuple[int, int]]] = None               # sentences.sentences
    headline: Optional[tuple[str, str]] = None                      # metadata.headline (headline, lead)
    place_hits: Optional[list["_Hit"]] = None                       # metadata.places
    mention_found: Optional[list[tuple[Line, list["_Found"]]]] = None  # metadata.mentions
    mentions: dict[Optional[str], list["Mention"]] = field(default_factory=dict)  # metadata.mentions, per province
    target_context: Optional["TargetContext"] = None                # targets.context.target_context


@dataclass
class Doc:
    """One decoded document. Offsets are in `text` (normalised) unless said otherwise.

    The pipeline's components (`pipeline.COMPONENTS`) fill the last three fields in turn:
    the metadata, the candidate figures the finders propose and the resolvers settle,
    and the targets the assembler builds from them.
    """

    doc_id: str
    norm: Normalized
    path: str = ""
    memo: DocMemo = field(default_factory=DocMemo, repr=False)
    meta: Optional["Metadata"] = field(default=None, repr=False)
    candidates: list["Candidate"] = field(default_factory=list, repr=False)
    targets: list["Target"] = field(default_factory=list, repr=False)

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
