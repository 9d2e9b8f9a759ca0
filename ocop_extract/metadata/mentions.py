"""Document mentions: "Nghị quyết số 07/2021/NQ-HĐND ngày 13/01/2021 của Hội đồng nhân dân tỉnh".

A mention is a type noun and/or a số hiệu, with the date and issuer that follow
it when stated, the sentence it stands in, and whether a citation cue
("Căn cứ", "Thực hiện", "Theo đề nghị … tại") or a provision ("theo khoản 3
Điều 2 Nghị quyết …") puts it among the documents the text merely cites. References and the news subject are both read from here.

>>> from ocop_extract.document import Doc
>>> doc = Doc.from_text("x", "Căn cứ Nghị quyết số 07/2021/NQ-HĐND ngày 13/01/2021 của Hội đồng nhân dân tỉnh; "
...                     "UBND tỉnh ban hành Kế hoạch năm 2022.")
>>> [(m.type, m.number and m.number.number, m.date, m.cited) for m in find_mentions(doc)]
[('Nghị quyết', '07/2021/NQ-HĐND', '2021-01-13', True), ('Kế hoạch', None, None, False)]
>>> doc = Doc.from_text("x", "Sau 5 năm thực hiện Nghị quyết số 51/2021/NQ-HĐND và Nghị quyết số 123/2022/NQ-HĐND, …")
>>> [(m.number.number, m.cited) for m in find_mentions(doc)]
[('51/2021/NQ-HĐND', True), ('123/2022/NQ-HĐND', True)]
>>> doc = Doc.from_text("x", "Theo khoản 3 Điều 2 Nghị quyết số 14/2023/NQ-HĐND, sản phẩm 3 sao được thưởng.")
>>> [(m.number.number, m.cited) for m in find_mentions(doc)]
[('14/2023/NQ-HĐND', True)]
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from ..document import Doc, Line
from ..layout import content_spans, line_kinds
from ..lexicon import load_lexicon
from ..sentences import line_clauses
from . import scan
from .dates import DATE_RE, find_dates
from .issuer import Issuer, find_issuers
from .numbers import NUMBER_RE, NumberMatch, find_numbers, type_name

_LOWER_OK = ("kế hoạch", "đề án", "nghị quyết", "chương trình hành động")
_LOWER_ISSUED = ("quyết định", "chỉ thị", "công văn")  # … named in lower case only after a verb of issuing
_ISSUED_BEFORE = regex.compile(r"(?<![\p{L}])(?:ban\s+hành|ký(?:\s+ban\s+hành)?)\s+\Z", regex.I | regex.REVERSE)
_DATE_LEAD = regex.compile(r"\s*,?\s*(?:ban hành\s+)?ngày\s+", regex.I)
_ISSUER_LEAD = regex.compile(r"\s*,?\s*(?:của|do)\s+", regex.I)
_ASIDE_OPEN = regex.compile(r"\(\s*\Z", regex.REVERSE)
# A plan named as the yardstick of a result it reached or passed ("bằng 121% kế hoạch năm", "vượt 2 sản phẩm so
# với kế hoạch huyện giao", "hoàn thành kế hoạch"): the plan's figure, not a document the text reports on. A plan
# still running ("mới đạt 44% kế hoạch") is the one a progress report follows, and stays.
_YARDSTICK_BEFORE = regex.compile(r"(?<![\p{L}])(?:so\s+với|vượt|bằng|đạt|hoàn\s+thành)\s+\Z"
                                  r"|(?<![\d.,])(?P<share>\d+(?:,\d+)?)\s*%\s*\Z", regex.I | regex.REVERSE)
_QUESTION = regex.compile(r"[^.!?;\n]{0,80}\?")
_LOWER_NEXT = regex.compile(r"\s+\p{Ll}")
# what joins two documents cited together: "…/NQ-HĐND và Nghị quyết …", "…/QĐ-TTg, Quyết định …"
_JOINED = regex.compile(r"\s*(?:,|;|và|,\s*và|cùng|cũng như)\s*", regex.I)
_LIST_CUE = regex.compile(r"^\s*(?:căn cứ|thực hiện)\b", regex.I)
_ISSUING = regex.compile(r"\b(?:ban hành|phê duyệt|thông qua)\b", regex.I)
# A provision of a document ("theo khoản 3 Điều 2 Nghị quyết …", "tại điểm a khoản 1 Điều 5 của Quyết định …"):
# the text cites the document for one of its rules.
_PROVISION = regex.compile(r"(?<![\p{L}])(?:điểm\s+[\p{L}\d]{1,2}\s*,?\s*)?(?:khoản\s+\d+\s*,?\s*)?"
                           r"điều\s+\d+[\p{L}]?\s*(?:của\s+)?$", regex.I)


@dataclass
class Mention:
    """One document named in the text (offsets in the normalised text)."""

    start: int
    end: int
    type: Optional[str]
    capitalized: bool
    number: Optional[NumberMatch]
    date: Optional[str]
    issuer: Optional[Issuer]
    cited: bool
    sent_start: int
    sent_end: int
    line: int

    @property
    def number_year(self) -> Optional[int]:
        """The year its number carries ("48/2025/NĐ-CP" → 2025), or None."""
        return self.number.parts.year if self.number is not None else None


@lru_cache(maxsize=1)
def _lex() -> dict:
    lex = load_lexicon("metadata")
    nouns = sorted(lex["type_nouns"].items(), key=lambda kv: len(kv[0]), reverse=True)
    noun_alt = "|".join(regex.escape(k) for k, _ in nouns)
    mention = regex.compile(
        rf"(?<![\p{{L}}])(?P<noun>{noun_alt})(?![\p{{L}}])(?:\s+(?:số|số hiệu)\b)?\s*:?\s*(?P<num>{NUMBER_RE.pattern})?",
        regex.I | regex.V1,
    )
    cues = sorted(lex["citation_cues"], key=len, reverse=True)
    # it ends with "$": searched for from the end (regex.REVERSE), it is found or ruled out at once
    cue = regex.compile(rf"(?:^|[\s(,;])(?:{'|'.join(regex.escape(c) for c in cues)})\s+(?:các\s+|theo\s+)?$",
                        regex.I | regex.REVERSE)
    # every place where a mention can start: where a type noun starts, in lower case
    noun_starts = re.compile(scan.phrase_starts(k.lower() for k, _ in nouns))
    return {"nouns": {k.lower(): v for k, v in nouns}, "mention": mention, "cue": cue,
            "noun_starts": noun_starts, "subject_types": set(lex["subject_types"])}


def _sentence_at(sents: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The sentence of `sents` (in order, apart) holding `offset` (or ending at it), else the last one.

    >>> _sentence_at([(0, 10), (12, 20)], 10), _sentence_at([(0, 10), (12, 20)], 11)
    ((0, 10), (12, 20))
    """
    i = bisect_right(sents, (offset, math.inf)) - 1
    return sents[i] if i >= 0 and offset <= sents[i][1] else sents[-1]


def _tail(text: str, pos: int, province: Optional[str]) -> tuple[int, Optional[str], Optional[Issuer]]:
    """Date and issuer right after a number: ", ngày 13/01/2021 của UBND tỉnh"."""
    date = None
    m = _DATE_LEAD.match(text[pos:])
    if m:
        dm = DATE_RE.match(text, pos + m.end())
        if dm is None:
            found = find_dates(text[pos:pos + m.end() + 24])
            if found and found[0].start <= m.end():
                date = found[0].iso
                pos = pos + found[0].end
        else:
            found = find_dates(text[pos + m.end():dm.end()])
            date = found[0].iso if found else None
            pos = dm.end()
    issuer = None
    m = _ISSUER_LEAD.match(text[pos:])
    if m:
        for iss in find_issuers(text[pos + m.end():pos + m.end() + 90], province, bare=True):
            if iss.start == 0:
                issuer = iss
                pos = pos + m.end() + iss.end
            break
    return pos, date, issuer


def find_mentions(doc: Doc, province: Optional[str] = None) -> list[Mention]:
    """Every document mentioned on a content line, left to right (cached per province)."""
    memo = doc.memo.mentions
    if province not in memo:
        memo[province] = _find_mentions(doc, province)
    return memo[province]


# A document named on a line: (start, end, type, capitalised, number), offsets within the line.
_Found = tuple[int, int, Optional[str], bool, Optional[NumberMatch]]


def _line_found(line: Line, starts: Optional[list[int]]) -> list[_Found]:
    """Documents named on `line`, in order; `starts`: every offset where a type noun can start, when known."""
    text = line.text
    if starts == [] and "/" not in text:
        return []  # no type noun and no number
    lex = _lex()
    pattern = lex["mention"]
    covered: list[tuple[int, int]] = []
    found: list[_Found] = []
    for m in pattern.finditer(text) if starts is None else scan.finditer_at(pattern, text, starts):
        noun = m.group("noun")
        cap = noun[0].isupper()
        if not cap and noun.lower() not in _LOWER_OK and not (
                noun.lower() in _LOWER_ISSUED and _ISSUED_BEFORE.search(text, 0, m.start())):
            continue  # "quyết định" in lower case is a verb, unless issued ("ban hành quyết định phân bổ …")
        num = None
        if m.group("num"):
            nums = list(find_numbers(text[m.start("num"):m.end("num")]))
            if nums:
                n = nums[0]
                num = NumberMatch(line.start + m.start("num"), line.start + m.end("num"), n.number, n.parts)
        elif not cap and not _LOWER_NEXT.match(text[m.end("noun"):]):
            continue  # "so với kế hoạch." / "theo kế hoạch," are not documents
        elif _ASIDE_OPEN.search(text, 0, m.start()):
            continue  # "(kế hoạch giao 20 sản phẩm)": the plan's figure in an aside, no document
        elif _reached_yardstick(text, m.start()):
            continue  # "bằng 121% kế hoạch năm": the plan's figure, no document
        elif _QUESTION.match(text, m.end()):
            continue  # "PV: Kế hoạch thời gian tới của HTX?": a question names no document
        typ = lex["nouns"][noun.lower()]
        end = m.end("num") if num else m.end("noun")
        found.append((m.start(), end, typ, cap, num))
        covered.append((m.start(), end))
    for n in find_numbers(text):
        if any(a <= n.start < b for a, b in covered):
            continue
        num = NumberMatch(line.start + n.start, line.start + n.end, n.number, n.parts)
        found.append((n.start, n.end, type_name(n.parts), True, num))
    found.sort()
    return found


def _all_found(doc: Doc) -> list[tuple[Line, list[_Found]]]:
    """Every content line naming a document, with what it names (cached: the province plays no part)."""
    if doc.memo.mention_found is None:
        kinds = line_kinds(doc)
        starts = scan.line_starts(doc, _lex()["noun_starts"], content_spans(doc))
        out = []
        for line in doc.lines:
            if kinds[line.index] != "content" or not line.text.strip():
                continue
            found = _line_found(line, None if starts is None else starts.get(line.index, []))
            if found:
                out.append((line, found))
        doc.memo.mention_found = out
    return doc.memo.mention_found


def _find_mentions(doc: Doc, province: Optional[str]) -> list[Mention]:
    lex = _lex()
    out: list[Mention] = []
    for line, found in _all_found(doc):
        text = line.text
        sents = line_clauses(doc, line)
        for start, end, typ, cap, num in found:
            if num and typ == "Công văn" and num.parts.type_code:
                typ = type_name(num.parts) or typ
            pos, date, issuer = _tail(text, end, province) if num else (end, None, None)
            sent = _sentence_at(sents, line.start + start)
            prefix = text[max(0, sent[0] - line.start):start]
            cited = bool(lex["cue"].search(prefix[-60:])) or _in_citation_list(prefix) \
                or bool(_PROVISION.search(prefix[-40:]))
            # "thực hiện Nghị quyết số 51/2021/NQ-HĐND và Nghị quyết số 123/2022/NQ-HĐND": the cue cites a list of
            # one kind (not the local plan after the central decision it carries out: "Quyết định số 1048/QĐ-TTg …
            # và Kế hoạch số 1630/KH-UBND", which an interview may review)
            previous = out[-1] if out and out[-1].sent_start == sent[0] and out[-1].type == typ else None
            cited = cited or bool(previous and previous.cited and _JOINED.fullmatch(doc.text, previous.end, line.start + start))
            out.append(Mention(line.start + start, line.start + pos, typ, cap, num, date, issuer,
                               cited, sent[0], sent[1], line.index))
    return out


def _reached_yardstick(text: str, pos: int) -> bool:
    """True when the plan named at `pos` is the yardstick of a result that reached it.

    >>> text = "công nhận 97 sản phẩm, bằng 121% kế hoạch năm"
    >>> _reached_yardstick(text, text.index("kế hoạch"))
    True
    >>> text = "tỉnh mới đạt 44% kế hoạch về sản phẩm OCOP mới"
    >>> _reached_yardstick(text, text.index("kế hoạch"))
    False
    """
    m = _YARDSTICK_BEFORE.search(text, 0, pos)
    if m is None:
        return False
    return m.group("share") is None or float(m.group("share").replace(",", ".")) >= 100


def _in_citation_list(prefix: str) -> bool:
    """A mention in a list opened by "Căn cứ …" ("Căn cứ A; B, C") is cited too."""
    return bool(_LIST_CUE.match(prefix)) and not _ISSUING.search(prefix)


def subject_types() -> set[str]:
    """Types a plan text can be (as opposed to types only ever cited)."""
    return _lex()["subject_types"]
