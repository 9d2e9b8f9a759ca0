"""Layout: which lines of a document are content and which are page furniture.

Scraped news and portal copies carry lines that must yield nothing: lists of
other articles ("Tin cùng chuyên mục"), view counters, licence and hotline
footers, menus. Official texts end with a recipients block ("Nơi nhận").
The patterns are data, in `lexicon/layout.yaml`.

>>> from ocop_extract.document import Doc
>>> doc = Doc.from_text("x", "Tiêu đề\\nĐến nay có 20 sản phẩm.\\nLượt xem: 1.245\\nTin cùng chuyên mục\\n- Thêm 7 sản phẩm")
>>> [line_kind(doc, i) for i in range(5)]
['content', 'content', 'furniture', 'related', 'related']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import groupby
from typing import Iterable, Optional

import regex

from .casefold import lowered
from .document import Doc
from .lexicon import load_lexicon
from .targets.aligned import aligned_grid
from .targets.spaced import spaced_grid, year_grid
from .targets.vertical import labelled_grid, vertical_grid


@dataclass(frozen=True)
class _LinePatterns:
    """Patterns a whole line must match (case-insensitively), one of them being enough.

    A pattern that opens with ``.*`` can match anywhere on a line: it is searched
    for instead (the same thing on a line, which holds no newline, and much faster
    than backtracking from the line's end). When all those patterns are written in
    lower case they are also kept case-sensitive, for the lower-cased line
    (`casefold.lowered_text`), which they read faster, and only where it holds
    one of the words they require (`words`).
    """

    head: Optional[regex.Pattern]
    anywhere: Optional[regex.Pattern]
    anywhere_lower: Optional[regex.Pattern] = None
    words: Optional[frozenset[str]] = None  # one of which every match of `anywhere_lower` holds, when known

    def match(self, line: str, lower: Optional[str] = None) -> bool:
        """True when one of the patterns matches all of `line` (a line of text, no newline).

        `lower`: the line lower-cased, when it is a faithful stand-in (or None).
        """
        if self.head and self.head.match(line):
            return True
        if lower is not None and self.anywhere_lower is not None:
            return self._may_hold(lower) and bool(self.anywhere_lower.search(lower))
        return bool(self.anywhere and self.anywhere.search(line))

    def for_text(self, low: Optional[str]) -> "_LinePatterns":
        """These patterns for the lines of a text (`low`: the text lower-cased, or None).

        Those that can match anywhere on a line are left out when the text holds none of `words`.
        """
        if low is None or self.anywhere_lower is None or self._may_hold(low):
            return self
        return replace(self, anywhere=None, anywhere_lower=None)

    def _may_hold(self, lower: str) -> bool:
        return self.words is None or any(w in lower for w in self.words)


def _top_level_bar(pattern: str) -> bool:
    """True when `pattern` has a "|" outside any group or class.

    >>> _top_level_bar(r"a(b|c)"), _top_level_bar(r"a|b"), _top_level_bar(r"[|]\\|x")
    (False, True, False)
    """
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":
                i += 1  # "[]…]": a leading "]" is a member
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def _line_patterns(patterns: list[str]) -> _LinePatterns:
    head, anywhere = [], []
    for p in patterns:
        if p.startswith(".*") and not _top_level_bar(p):
            anywhere.append(p[2:])
        else:
            head.append(p)

    def compile_(alts: list[str], flags: int = regex.I) -> Optional[regex.Pattern]:
        return regex.compile("(?:" + "|".join(f"(?:{p})" for p in alts) + r")\Z", flags) if alts else None

    lower = compile_(anywhere, 0) if all(_lower_case_only(p) for p in anywhere) else None
    words = _required_words("|".join(f"(?:{p})" for p in anywhere)) if lower else None
    return _LinePatterns(compile_(head), compile_(anywhere), lower, words)


def _required_words(pattern: str) -> Optional[frozenset[str]]:
    """Strings one of which every match of `pattern` (case-sensitive) holds; None when there are none to tell.

    Read from the runs of literal characters of the pattern, its groups,
    alternations and repeats; classes, assertions and optional parts tell
    nothing. The standard library's parser reads the pattern: one it rejects,
    or one with a brace that is no plain repeat count (the `regex` module's
    fuzzy matching), gets None.

    >>> sorted(_required_words(r"\\b(hotline|e-?mail)\\s*:.*\\d|bản quyền"))
    ['bản quyền', 'hotline', 'mail']
    >>> _required_words(r"\\d+|hotline") is None, _required_words(r"(?i)hotline") is None
    (True, True)
    """
    if re.search(r"\{(?!\d*,?\d*\})", pattern):
        return None
    try:  # the standard library's own parser (a private module: without it, no filter)
        from re import _parser as re_parser
    except ImportError:  # pragma: no cover - a Python that moved it
        return None
    try:
        parsed = re_parser.parse(pattern)
    except re.error:
        return None
    return None if parsed.state.flags & re.IGNORECASE else _required_in(parsed)


def _required_in(items: Iterable) -> Optional[frozenset[str]]:
    """`_required_words` of a parsed sequence: the best set any of its parts requires (longest shortest word)."""
    from re._constants import BRANCH, LITERAL, MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT, SUBPATTERN

    best: Optional[frozenset[str]] = None

    def keep(found: Optional[frozenset[str]]) -> None:
        nonlocal best
        if found and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    run = ""
    for op, arg in items:
        if op is LITERAL:
            run += chr(arg)
            continue
        keep(frozenset([run]) if run else None)
        run = ""
        if op is SUBPATTERN and not arg[1] & re.IGNORECASE:
            keep(_required_in(arg[3]))
        elif op is BRANCH:
            alternatives = [_required_in(alt) for alt in arg[1]]
            keep(frozenset().union(*alternatives) if all(alternatives) else None)
        elif op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT) and arg[0] >= 1:
            keep(_required_in(arg[2]))
    keep(frozenset([run]) if run else None)
    return best


def _lower_case_only(pattern: str) -> bool:
    """True when `pattern` reads a lower-cased text without IGNORECASE as it reads the text with it.

    So when it has no upper-case letter (nor escape: \\S, \\W …), no property
    (\\p{lu}) and no inline flags.

    >>> _lower_case_only(r"\\bbản quyền\\b.*"), _lower_case_only(r"\\S+"), _lower_case_only(r"(?-i:x)")
    (True, False, False)
    """
    return pattern == pattern.lower() and "\\p" not in pattern and not regex.search(r"\(\?[a-z\-]", pattern)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, _LinePatterns]:
    lex = load_lexicon("layout")
    return {key: _line_patterns(lex[key]) for key in ("related_headings", "furniture", "recipients_headings",
                                                      "annex_headings")}


_COLUMN_GAP = regex.compile(r"\t|[ ]{3,}")
_LONGEST_HEADER = 200  # the longest first line a table without bars opens on (`targets.spaced`)
_ANNEX_TITLE = 160  # a longer line is prose, not an annex's title


def _classify(doc: Doc) -> list[str]:
    kinds: list[str] = []
    mode = "content"
    signer_seen = False
    low = lowered(doc)
    pats = {key: p.for_text(low) for key, p in _patterns().items()}
    for line in doc.lines:
        text = line.text.strip(" -–•*:\t")
        stripped = line.text.strip()
        if mode == "content":
            if text and pats["related_headings"].match(text) and len(text) < 80:
                mode = "related"
            elif text and pats["recipients_headings"].match(text) and len(_COLUMN_GAP.split(text, 1)[0]) < 40:
                # (its left column: "Nơi nhận:      KT. CHỦ TỊCH", the signature beside it in a PDF's copy)
                mode = "recipients"
        if mode in ("recipients", "signature") and text and len(text) < _ANNEX_TITLE \
                and pats["annex_headings"].match(text):
            mode = "content"  # an annex after the signature: "PHỤ LỤC", "(Kèm theo Báo cáo số …)"
        if mode == "recipients" and _is_signature_start(stripped):
            mode, signer_seen = "signature", False
        elif mode == "signature" and stripped:
            if signer_seen:
                mode = "content"
            elif _NAME.fullmatch(stripped):
                signer_seen = True
        if mode != "content":
            kinds.append(mode)
        elif stripped and pats["furniture"].match(stripped, low[line.start:line.end].strip() if low else None):
            kinds.append("furniture")
        else:
            kinds.append("content")
    _mark_tables(doc, kinds)
    _keep_prose(doc, kinds)
    return kinds


_CELL_BAR = regex.compile(r"\s\|\s|\|")
_FOOTER_LABEL = regex.compile(
    r"(?<![\p{L}])(?:giấy phép|chủ quản|chịu trách nhiệm|tổng biên tập|đường dây nóng|hotline|điện thoại|email"
    r"|địa chỉ|tòa soạn|mã số thuế)(?![\p{L}])", regex.I)


_FIGURE_CELL = regex.compile(r"\s*(?:\d[\d.,]*\s*%?|[-–—])\s*")


def _mark_tables(doc: Doc, kinds: list[str]) -> None:
    """Runs of two or more lines cut into the same number (≥ 3) of "|" cells, with figures: a table;
    also a header and two or more rows of two cells, a label and a figure ("TP. Vị Thanh | 14").

    A single line of "|"-separated words stays furniture (a menu: "Lưu trữ | Ghi chú | In").
    So are the lines of a table laid out one cell per line (`targets.vertical`), or one row per
    line with blanks between its cells (`targets.aligned`, `targets.spaced`).
    """
    lines = doc.lines
    i = 0
    while i < len(lines):
        cells = lines[i].text.count("|") + 1
        j = i
        while j < len(lines) and kinds[j] in ("content", "furniture") and cells >= 2 \
                and lines[j].text.count("|") + 1 == cells:
            j += 1
        if cells == 2 and (j - i < 3 or not all(_FIGURE_CELL.fullmatch(line.text.split("|")[1])
                                                for line in lines[i + 1:j])):
            j = i  # two cells: a label and a figure on every row under the header, three rows or more
        if j - i < 2 and kinds[i] == "content" \
                and (grid := _flat_grid(doc, i)) is not None \
                and all(kind in ("content", "furniture") for kind in kinds[i:grid.end]):
            j = grid.end  # a table a PDF copy laid out one cell per line, or one row per line without bars
        elif j - i < 2 or not any(ch.isdigit() for line in lines[i + 1:j] for ch in line.text):
            i += 1
            continue
        for k in range(i, j):
            kinds[k] = "table"
        i = j


def _flat_grid(doc: Doc, i: int):
    """The table without bars whose first line is line `i`: one cell a line, or one row a line."""
    text = doc.lines[i].text
    if len(text) > _LONGEST_HEADER or text.rstrip().endswith((".", ";", "?", "!")):
        return None  # a paragraph of prose, or a sentence, opens no table
    return vertical_grid(doc, i) or labelled_grid(doc, i) or aligned_grid(doc, i) or spaced_grid(doc, i) or year_grid(doc, i)


def _keep_prose(doc: Doc, kinds: list[str]) -> None:
    """A long sentence that names one footer word ("… gọi điện thoại 0238…") is content, not a footer."""
    for line in doc.lines:
        if kinds[line.index] == "furniture" and len(line.text) >= 160 and "|" not in line.text \
                and len(_FOOTER_LABEL.findall(line.text)) <= 1:
            kinds[line.index] = "content"


_NAME = regex.compile(r"(\p{Lu}\p{Ll}*\s+){1,4}\p{Lu}\p{Ll}*")


_SIGNATURE_START = regex.compile(r"(TM\.|KT\.|Q\.|TL\.|TUQ\.)?\s*(ỦY BAN|CHỦ TỊCH|PHÓ CHỦ TỊCH|HỘI ĐỒNG|BỘ TRƯỞNG|THỦ TƯỚNG)")


def _is_signature_start(text: str) -> bool:
    return bool(_SIGNATURE_START.match(text))


def line_kinds(doc: Doc) -> list[str]:
    """Kind of every line: content, furniture, table, related, recipients or signature."""
    if doc.memo.line_kinds is None:
        doc.memo.line_kinds = _classify(doc)
    return doc.memo.line_kinds


def content_spans(doc: Doc) -> list[tuple[int, int]]:
    r"""Spans of the runs of consecutive content lines (cached): where extractors read prose.

    >>> doc = Doc.from_text("x", "Kế hoạch năm 2024\nTỉnh có 20 sản phẩm.")
    >>> [doc.text[s:e] for s, e in content_spans(doc)]
    ['Kế hoạch năm 2024\nTỉnh có 20 sản phẩm.']
    """
    if doc.memo.content_spans is None:
        runs = groupby(zip(doc.lines, line_kinds(doc)), key=lambda pair: pair[1] == "content")
        doc.memo.content_spans = [(run[0][0].start, run[-1][0].end)
                                  for content, run in ((k, list(g)) for k, g in runs) if content]
    return doc.memo.content_spans


def table_spans(kinds: list[str]) -> list[tuple[int, int]]:
    """(first, last + 1) line indexes of each run of "table" lines.

    >>> table_spans(["content", "table", "table", "content", "table"])
    [(1, 3), (4, 5)]
    """
    out, i = [], 0
    for kind, run in groupby(kinds):
        n = len(list(run))
        if kind == "table":
            out.append((i, i + n))
        i += n
    return out


def line_kind(doc: Doc, index: int) -> str:
    return line_kinds(doc)[index]
