"""Fast scans: find where a slow pattern can match with a fast one, then run the slow one only there.

Case-insensitive `regex` alternations cost tens of nanoseconds at every
character. A lower-cased copy of the text (`casefold.lowered`) searched with a
case-sensitive `re` pattern of lower-case literals finds the few places where
they can match; the exact pattern is then run at those places only, so the
results are those of the exact pattern, found much faster.

>>> import regex
>>> from ocop_extract.document import Doc
>>> doc = Doc.from_text("x", "Tỉnh Quảng Nam\\nxã Tam Thanh, huyện Núi Thành")
>>> exact = regex.compile(r"(?<!\\w)(?i:tỉnh|huyện|xã)\\s+\\p{Lu}\\p{Ll}*")
>>> starts = line_starts(doc, re.compile("(?=tỉnh|huyện|xã)"))
>>> {i: [m.group() for m in finditer_at(exact, doc.lines[i].text, s)] for i, s in starts.items()}
{0: ['Tỉnh Quảng'], 1: ['xã Tam', 'huyện Núi']}
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable, Iterator, Optional

import regex

from ..casefold import lowered
from ..document import Doc
from ..phrases import alternation

Spans = list[tuple[int, int]]


def phrase_starts(phrases: Iterable[str]) -> str:
    """A `re` pattern matching the first word of a phrase where the rest of the phrase follows.

    A match is one word long, so scanning with it finds every place where a
    phrase starts after a non-letter (no such place lies inside a match).

    >>> print(phrase_starts(["thị xã", "thị trấn", "xã"]))
    (?:thị(?=\\ trấn|\\ xã)|xã)
    """
    rests: dict[str, set[str]] = {}
    for phrase in phrases:
        first, _, rest = phrase.partition(" ")
        rests.setdefault(first, set()).add(rest)
    after = {first: "" if "" in rest else "(?=" + "|".join(re.escape(" " + r) for r in sorted(rest)) + ")"
             for first, rest in rests.items()}
    return alternation(rests, space=re.escape(" "), follows=after)


def _starts(doc: Doc) -> list[int]:
    if doc.memo.line_starts is None:
        doc.memo.line_starts = [line.start for line in doc.lines]
    return doc.memo.line_starts


def _matches(low: str, fast: re.Pattern, within: Optional[Spans]) -> Iterator[re.Match]:
    """`fast`'s matches in `low`, or in the spans `within` of it (runs of whole lines)."""
    if within is None:
        yield from fast.finditer(low)
    else:
        for start, end in within:
            yield from fast.finditer(low, start, end)


def line_spans(doc: Doc, fast: re.Pattern, within: Optional[Spans] = None) -> Optional[dict[int, list[tuple[int, int]]]]:
    """Where `fast` matches in the lower-cased text, as spans within each line (line index -> spans).

    None when the text has no faithful lower-cased copy. Lines without a match
    are left out; `fast` must not match across lines. `within`: spans of whole
    lines to read (`layout.content_spans`), else all the text.
    """
    low = lowered(doc)
    if low is None:
        return None
    starts = _starts(doc)
    out: dict[int, list[tuple[int, int]]] = {}
    for m in _matches(low, fast, within):
        s, e = m.span()
        i = bisect_right(starts, s) - 1
        base = starts[i]
        if i in out:
            out[i].append((s - base, e - base))
        else:
            out[i] = [(s - base, e - base)]
    return out


def line_starts(doc: Doc, fast: re.Pattern, within: Optional[Spans] = None) -> Optional[dict[int, list[int]]]:
    """Where `fast` matches in the lower-cased text, as offsets within each line (see `line_spans`)."""
    low = lowered(doc)
    if low is None:
        return None
    starts = _starts(doc)
    out: dict[int, list[int]] = {}
    for m in _matches(low, fast, within):
        s = m.start()
        i = bisect_right(starts, s) - 1
        if i in out:
            out[i].append(s - starts[i])
        else:
            out[i] = [s - starts[i]]
    return out


def lines_holding(doc: Doc, words: Iterable[str], end: Optional[int] = None) -> Optional[set[int]]:
    """Indices of the lines whose lower-cased text holds one of `words` before offset `end`.

    `words` are in lower case, without line breaks. None when the text has no
    faithful lower-cased copy.
    """
    low = lowered(doc)
    if low is None:
        return None
    end = len(low) if end is None else end
    starts = _starts(doc)
    out: set[int] = set()
    for word in words:
        at = low.find(word, 0, end)
        while at != -1:
            out.add(bisect_right(starts, at) - 1)
            at = low.find(word, at + 1, end)
    return out


def finditer_at(pattern: regex.Pattern, text: str, starts: Iterable[int]) -> Iterator[regex.Match]:
    """What `pattern.finditer(text)` yields, given (in order) every offset where a match of it can start.

    `pattern` must not match the empty string.
    """
    pos = 0
    for start in starts:
        if start < pos:
            continue
        m = pattern.match(text, start)
        if m:
            yield m
            pos = m.end()


def checked_spans(doc: Doc, fast: re.Pattern, exact: regex.Pattern,
                  within: Optional[Spans] = None) -> tuple[dict[int, list[tuple[int, int]]], set[int]]:
    """Spans (within each line) of `exact.finditer` on each line, read from `fast`'s matches.

    `fast` must match, in the lower-cased text, wherever `exact` matches (with the
    same span or a longer one). Each of its matches is checked: `exact` must
    match there with the same span. Lines where one does not are returned as the
    second item, for the caller to scan with `exact` (all lines when the text has
    no faithful lower-cased copy). On the other lines the spans are exactly
    `exact`'s: the earliest match of either pattern starts and ends at the same
    place, and so on from there. Lines with no span are left out of the first item.
    """
    found = line_spans(doc, fast, within)
    if found is None:
        return {}, {line.index for line in doc.lines}
    failed: set[int] = set()
    for i, spans in found.items():
        text = doc.lines[i].text
        for s, e in spans:
            m = exact.match(text, s)
            if m is None or m.end() != e:
                failed.add(i)
                break
    for i in failed:
        del found[i]
    return found, failed
