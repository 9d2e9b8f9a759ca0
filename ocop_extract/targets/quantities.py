"""Quantities: a number (or range, or fraction) followed by a unit noun.

Only numbers with a unit are quantities: a bare number is never a target.
Dates, document numbers, times, phone numbers, years, labels ("đợt 2",
"lần thứ 5", "Điều 3") and the programme's own name ("mỗi xã một sản phẩm")
are masked before numbers are read.

>>> [(q.value, q.value_max, q.unit, q.unit_text) for q in find_quantities("có từ 15 đến 20 sản phẩm 4 sao")]
[(15.0, 20.0, 'product', 'sản phẩm')]
>>> [(q.value, q.unit) for q in find_quantities("dự chi 700 triệu đồng trong năm 2024")]
[(700000000.0, 'VND')]
>>> find_quantities("ngày 08/04/2022 ban hành Kế hoạch 2134/KH-UBND, gồm 08 nhóm nhiệm vụ")
[]
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from math import isfinite

import regex

from ..contain import contained
from ..lexicon import load_lexicon
from .lists import kind_listed, listed_after, rises_to
from .numbers import NumberMatch, find_numbers, parse_digits
from .ranges import ends_of_one_range, first_value, range_of

# Spans that hold no quantity, found over the whole text. Each pattern starts with
# something the engine can search for quickly (a digit or a literal).
_DIGIT_MASKS = [
    # dates: 08/04/2022, 17.1.2023, 12-05-2023; month/year: 6/2024
    # (a date stays on its line: "NĂM 2025\n- 12/12 huyện" is a year, then a count;
    # one separator, said twice: "3. 12/12 huyện" is an item's number, then a count)
    r"(?<!\d)\d{1,2}[ \t]*(?P<dsep>[/.-])[ \t]*\d{1,2}[ \t]*(?P=dsep)[ \t]*\d{2,4}(?!\d)",
    r"(?<![\d/])\d{1,2}/(?:19|20)\d{2}(?!\d)",
    # times, phone numbers, hotlines
    r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)",
    r"(?<!\d)(?:\+84|0)\d{2,4}[ .]\d{3,4}[ .]?\d{3,4}(?!\d)",
    r"(?<!\d)1[89]00[ .]?\d{3,4}(?!\d)",
    # periods: 2021-2025, 2018 – 2022
    r"(?<!\d)(?:19|20)\d{2}\s*-\s*(?:19|20)\d{2}(?!\d)",
    # versions: công nghệ 4.0
    r"(?<!\d)\d\.0(?!\d)",
]
# Masks starting with a word, read in the lower-cased text (a literal search, not a case-insensitive scan),
# and only when the text holds one of their needles (a plain substring search).
_WORD_MASKS = [  # (pattern, its needles)
    # links
    (r"(?:https?://|www\.)\S+", ("http", "www.")),
    # the programme's own name
    (r"(?:mỗi|một)\s+xã,?\s+một\s+sản\s+phẩm|(?:mỗi|một)\s+làng,?\s+một\s+(?:sản\s+phẩm|nghề)", ("xã", "làng")),
]

# Words that make the number after them a label, an ordinal, a day or a year, not a
# quantity; checked on the text just before each number (cheaper than a scan of all text).
# Each: (pattern ending at the number, pattern the number must be followed by, or None).
_LABELS = "|".join(regex.escape(w, literal_spaces=True)
                   for w in sorted(load_lexicon("units")["labels"], key=len, reverse=True))
_BEFORE_MASKS = [
    # labels and ordinals (lexicon units.yaml `labels`): đợt 2, lần thứ 5, Điều 3, tiêu chí số 13, thôn 5
    # (not a period a rate is of: "mỗi tuần 2 phiên livestream", "hằng tháng 3 phiên chợ")
    (rf"(?<![\p{{L}}])(?:thứ|(?<!(?:trong|tổng|con|với)\s)số|(?<!(?:mỗi|hằng|hàng)\s)(?:{_LABELS}))\s+(?:thứ\s+)?\Z", None),
    # a day and month: ngày 9/11, sáng 15-3; từ 5/9
    (r"(?<![\p{L}])(?:ngày|hôm|sáng|chiều|tối|trưa|đêm)\s+\Z", r"[/.-]\d{1,2}(?![\d/.-])"),
    (r"(?<![\p{L}])(?:tháng|từ|đến)\s+\Z", r"/\d{1,2}(?![\d/])"),
    # years: năm 2024, giai đoạn 2025, nhiệm kỳ 2020
    (r"(?<![\p{L}])(?:năm|giai đoạn|niên vụ|khóa|nhiệm kỳ)\s+\Z", r"(?<=(?:19|20)\d{2})(?!\d)"),
]


# From the blank before "@" to the one after; tried only where a run of non-blanks starts.
_EMAIL = regex.compile(r"(?<![^ \n])[^ \n@]*+@[^ \n]*+")
_SLASHED_TOKEN = regex.compile(r"(?<![\d\p{L}])\d++[/-][\p{L}\d&./-]*+")
_CODE_PART = regex.compile(r"[/-]\p{Lu}")


@lru_cache(maxsize=2)
def _mask_regexes(ignore_case: bool = False) -> tuple[tuple[regex.Pattern, ...],
                                                        tuple[tuple[regex.Pattern, tuple[str, ...]], ...]]:
    """The digit masks, and the word masks with their needles (case-insensitive to read text with no lower-cased copy)."""
    # one pattern each: an alternation of them all defeats the engine's literal-prefix search
    return (tuple(regex.compile(p) for p in _DIGIT_MASKS),
            tuple((regex.compile(p, regex.I if ignore_case else 0), needles) for p, needles in _WORD_MASKS))


@lru_cache(maxsize=1)
def _before_masks() -> tuple[regex.Pattern, tuple[regex.Pattern | None, ...]]:
    """One pattern with a named group per entry of `_BEFORE_MASKS`, and their after-patterns."""
    before = "|".join(f"(?P<m{i}>{b})" for i, (b, _) in enumerate(_BEFORE_MASKS))
    # read backwards from the number (REVERSE): one attempt, not one per character of the window
    return regex.compile(before, regex.I | regex.REVERSE), tuple(regex.compile(a) if a else None for _, a in _BEFORE_MASKS)


def _labelled(text: str, num: NumberMatch) -> bool:
    """Whether the words before `num` make it a label, a day or a year ("đợt 2", "năm 2024")."""
    before, afters = _before_masks()
    m = before.search(text, max(0, num.start - 24), num.start)
    if not m:
        return False
    for i, after in enumerate(afters):
        if m.group(f"m{i}") is not None and (after is None or after.match(text, num.end, num.end + 12)):
            return True
    return False


def _spaced(phrase: str) -> str:
    """`phrase` as a pattern whose spaces match any run of white space, a line break included
    (a text copied from a PDF breaks "sản\\nphẩm").

    >>> bool(regex.fullmatch(_spaced("sản phẩm"), "sản\\nphẩm"))
    True
    """
    return r"\s+".join(regex.escape(word) for word in phrase.split())


@lru_cache(maxsize=1)
def _unit_regex() -> tuple[regex.Pattern, dict[str, str], regex.Pattern]:
    """The unit nouns as one pattern (longest first), each surface's unit, and the nouns that are no unit."""
    lex = load_lexicon("units")
    surface_to_unit: dict[str, str] = {}
    for unit, surfaces in lex.items():
        if unit in ("not_units", "labels", "point_kinds", "sales_words", "former_units", "thresholds",
                    "occurrences"):  # not units
            continue
        for s in surfaces:
            surface_to_unit[s.lower()] = unit
    alts = sorted(surface_to_unit, key=len, reverse=True)
    # (a unit may open a name in quotes: 02 "Phiên chợ OCOP")
    unit_re = regex.compile(
        r"\s*[\"“]?(?P<unit>" + "|".join(_spaced(a) for a in alts) + r")(?![\p{L}\d])", regex.I)
    not_re = regex.compile(
        r"\s*(?:" + "|".join(regex.escape(a) for a in sorted(lex["not_units"], key=len, reverse=True)) + r")(?![\p{L}])",
        regex.I)
    return unit_re, surface_to_unit, not_re


# the scale words (lexicon numbers.yaml `scales`) are the money scales too: "220 triệu" alone is a sum
_SCALE_VALUES = {word: float(value) for word, value in load_lexicon("numbers")["scales"].items()}
_MONEY_SCALES = tuple(_SCALE_VALUES)
# things counted in millions ("690 triệu trái", "2,9 triệu quả"): after a scale word they make no sum
_COUNTED_GOODS = regex.compile(r"\s+(?P<noun>trái|quả|cây|con|chai|hộp|gói|bao|bình|chiếc|sản phẩm|lượt|khách|người)(?![\p{L}])",
                               regex.I)
_FRACTION = regex.compile(r"/\d+(?:,\d+)?(?![\d/])(?:\s+(?P<scale>" + "|".join(_MONEY_SCALES) + r")(?![\p{L}]))?", regex.I)
_PER = regex.compile(r"(?:\s*/\s*(?:người|huyện|xã|sản phẩm|chủ thể|hộ|năm|tháng|đơn vị|lớp|đợt|ha))+", regex.I)
_PERCENT_SPACE = regex.compile(r"\s?%")
_PERCENT_RANGE = regex.compile(r"\s*(?:-|đến|tới)\s*(\d+(?:,\d+)?)\s?%", regex.I)
_ECHO_OPEN = regex.compile(r"\s*\(\s*")
_ECHO_CLOSE = regex.compile(r"\s*\)")
_FOREIGN_MONEY = ("usd", "đô la")
_OCCURRENCES = frozenset(load_lexicon("units")["occurrences"])
# How far after a unit its suffix ("/người/năm", "đến 12%") is looked for. A bound keeps each
# look short: the engine first scans for a literal the pattern needs ("/", "%") up to the limit.
_SUFFIX_REACH = 64


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, in normalised-text offsets."""

    start: int          # first character of the number
    end: int            # last character of the unit (and any "/năm" suffix)
    value: float
    value_max: float | None
    unit: str
    unit_text: str
    per_year: bool      # the unit text carries "/năm"
    words: bool         # the number is written in words
    raw: str            # the numeral as written (first number of a range)
    implied_unit: bool  # unit read from a money scale alone ("220 triệu")


def masked_spans(text: str, start: int = 0, end: int | None = None, lower: str | None = None) -> list[tuple[int, int]]:
    """Sorted spans of text[start:end] that hold no quantity (dates, numbers of documents, years, labels …).

    `lower` is `text.lower()` when the caller has it.
    """
    end = len(text) if end is None else end
    if lower is None:
        lower = text.lower()
    faithful = len(lower) == len(text)
    digit_masks, word_masks = _mask_regexes(ignore_case=not faithful)
    spans = [(m.start(), m.end()) for r in digit_masks for m in r.finditer(text, start, end)]
    if faithful:
        spans += [(m.start(), m.end()) for r, needles in word_masks
                  if any(lower.find(n, start, end) >= 0 for n in needles) for m in r.finditer(lower, start, end)]
    else:
        spans += [(m.start(), m.end()) for r, _ in word_masks for m in r.finditer(text, start, end)]
    # document numbers: 2134/KH-UBND, 07/2021/NQ-HĐND, 05-NQ/HU, 129/GP-TTĐT. A token of
    # digits, letters and "/-" is read whole (no backtracking), then kept if a "/" or "-"
    # stands before a capital in it.
    spans += [(m.start(), m.end()) for m in _SLASHED_TOKEN.finditer(text, start, end) if _CODE_PART.search(m.group())]
    if text.find("@", start, end) >= 0:  # e-mail addresses: the run of non-blanks holding "@"
        spans += [(m.start(), m.end()) for m in _EMAIL.finditer(text, start, end)]
    return sorted(spans)


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps any of the sorted `spans`."""
    i = bisect_right(spans, (start, float("inf")))
    # a span starting before `start` may still reach into it; masks are short, so look back a few
    for s, e in spans[max(0, i - 8):i]:
        if e > start:
            return True
    return i < len(spans) and spans[i][0] < end


# "năm" is "five" only when no word makes it "year": "mỗi năm huyện …", "hằng năm tổ chức …"
_YEAR_NAM = regex.compile(
    r"(?<![\p{L}])(?:mỗi|hằng|hàng|từng|trong|cả|cuối|đầu|giữa|sau|trước|qua|nhiều|các|những|vào|của|năm|một|này|nay)\s+\Z",
    regex.I | regex.REVERSE)


def candidate_numbers(text: str, start: int = 0, end: int | None = None,
                      masks: list[tuple[int, int]] | None = None, lower: str | None = None) -> list[NumberMatch]:
    """The numerals of text[start:end] that may count something: not masked, not labels, not "năm" the year."""
    end = len(text) if end is None else end
    if masks is None:
        masks = masked_spans(text, start, end, lower)
    return [n for n in find_numbers(text, start, end, lower) if not _inside(masks, n.start, n.end)
            and not (n.digits and _labelled(text, n))
            and not (n.raw.lower() == "năm" and _YEAR_NAM.search(text, max(start, n.start - 12), n.start))]


def find_quantities(text: str, start: int = 0, end: int | None = None,
                    masks: list[tuple[int, int]] | None = None, lower: str | None = None,
                    numbers: list[NumberMatch] | None = None) -> list[Quantity]:
    """All quantities in `text[start:end]`, left to right, not overlapping.

    A caller that reads many parts of one text passes what it made once for the
    whole text: `masks` (`masked_spans`), `lower` (`text.lower()`), or `numbers`
    (the `candidate_numbers` lying in text[start:end]).
    """
    end = len(text) if end is None else end
    if numbers is None:
        numbers = candidate_numbers(text, start, end, masks, lower)
    out: list[Quantity] = []
    consumed = start
    bare: list[NumberMatch] = []  # numbers without a unit, each listed right before the next
    counted: Quantity | None = None  # the last figure read as a total of the noun before it
    for i, num in enumerate(numbers):
        if num.start < consumed:
            continue
        following = numbers[i + 1] if i + 1 < len(numbers) else None
        q = contained("quantity", text, num.start, min(end, num.end + 24), _read_quantity, text, num, following, end)
        if q is not None and not (isfinite(q.value) and isfinite(q.value_max or 0)):
            q = None  # hundreds of digits make no figure (and no JSON number)
        if q is None and num.digits:
            q = _counted_before(text, num, start)
            head = counted if counted is not None else (out[-1] if out and out[-1].value_max is None else None)
            if q is None and head is not None and ((head is counted and listed_after(text, counted.end, num.start))
                                                   or kind_listed(text, head.start, head.end, num.start, num.end)):
                # "số sản phẩm lần lượt là 9, 8 và 6": the figures listed after a total go on counting its noun
                # (and so do a parenthesis's parts named by kind: "(cà phê 14 sản phẩm, mắc ca 7, sầu riêng 6)")
                q = replace(head, start=num.start, end=num.end, value=num.value, raw=num.raw)
            counted = q
        if q is None:
            listed = num.digits and following is not None and (
                listed_after(text, num.end, following.start) or rises_to(text, num.start, num.end, following.start, start))
            bare = bare + [num] if listed and (not bare or listed_after(text, bare[-1].end, num.start)) \
                else ([num] if listed else [])
            continue
        if bare and bare[-1] is numbers[i - 1] and q.value_max is None and not q.implied_unit:
            out += [replace(q, start=n.start, end=n.end, value=first_value(n), raw=n.raw, words=False)
                    for n in bare if isfinite(first_value(n))]  # "lần lượt là 9, 7 và 6 sản phẩm": the last's unit
        bare = []
        if out and ends_of_one_range(text, out[-1], q):
            q = replace(out.pop(), end=q.end, value_max=q.value, unit_text=q.unit_text)
        out.append(q)
        consumed = q.end
    if text.find("ấp", start, end) >= 0 or text.find("ẤP", start, end) >= 0:  # a fast test first
        from .multiples import with_multiples  # it reads Quantity from here
        out = with_multiples(text, start, end, out)
    return out


# the upper end of a range after a number: "4-5 sao", "3 đến 5 sao"
_RANGE_TAIL = regex.compile(r"\s*(?:-|–|đến|tới)\s*\d{1,3}(?![\d.,]\d)")


@lru_cache(maxsize=1)
def _count_noun_before() -> regex.Pattern:
    """The noun a total names before "lên N", "là N", "đạt N": "Số chủ thể tham gia chương trình tăng lên
    412", "số xã, phường có sản phẩm OCOP là 96", "Số chủ thể OCOP đạt 8.740", "số sản phẩm đạt 3 sao
    là 51, đạt 4 sao là 6"."""
    _, surface_to_unit, _ = _unit_regex()
    nouns = "|".join(_spaced(a) for a in sorted(surface_to_unit, key=len, reverse=True) if a not in ("%", "đ"))
    # between the noun and the figure: words, a star class ("số sản phẩm đạt 3 sao là 51"), and the
    # figure of a class said before in the same way (", đạt 4 sao là 6")
    filler = r"(?:[^.;:\d]|(?<![\d.,])[1-5]\s+sao|là\s+\d[\d.]*\s*,(?=\s*(?:đạt\s+)?[1-5]\s+sao))"
    return regex.compile(rf"(?<![\p{{L}}])số\s+(?P<unit>{nouns})(?![\p{{L}}]){filler}{{0,60}}?(?<![\p{{L}}])(?:lên|là|đạt)\s+\Z",
                         regex.I | regex.REVERSE)


def _counted_before(text: str, num: NumberMatch, floor: int) -> Quantity | None:
    """A figure without a unit that totals the noun named before it ("nâng tổng số chủ thể OCOP
    lên 402.") or is the part of a breakdown said noun first ("trong đó hợp tác xã 163"), read with
    that noun's unit, or None.

    >>> [(q.value, q.unit, q.unit_text) for q in find_quantities("nâng tổng số chủ thể OCOP lên 402.")]
    [(402.0, 'entity', 'chủ thể')]
    """
    _, surface_to_unit, not_re = _unit_regex()
    tail = _RANGE_TAIL.match(text, num.end)
    after = tail.end() if tail else num.end
    if not_re.match(text, after) or _PERCENT_SPACE.match(text, num.end):
        return None  # "nâng hạng lên 4 sao", "Số sản phẩm đạt 4-5 sao": a class, not a total
    m = _count_noun_before().search(text, max(floor, num.start - 100), num.start) \
        or _PART_NOUN_BEFORE.search(text, max(floor, num.start - 40), num.start)
    if m is None or not isfinite(num.value):
        return None
    noun = " ".join(m.group("unit").lower().split())
    return Quantity(num.start, num.end, num.value, None, surface_to_unit[noun], noun, False, False, num.raw, False)


# a part of a breakdown said noun first: "401 chủ thể, trong đó hợp tác xã 163 (chiếm 40,6%), doanh nghiệp
# 118" (the kinds of producer: a count of them follows the noun at once)
_PART_NOUN_BEFORE = regex.compile(r"(?:trong\s+đó|gồm|bao\s+gồm|[,;:])\s*(?:có\s+)?(?P<unit>hợp\s+tác\s+xã|HTX|doanh\s+nghiệp"
                                  r"|tổ\s+hợp\s+tác|hộ\s+kinh\s+doanh|hộ\s+sản\s+xuất|chủ\s+thể)\s+\Z", regex.I | regex.REVERSE)


def _read_quantity(text: str, num: NumberMatch, following: NumberMatch | None, limit: int) -> Quantity | None:
    unit_re, surface_to_unit, not_re = _unit_regex()
    pos = num.end
    echo = _echo_end(text, num, following, limit)
    if echo is not None:  # "mười (10) sản phẩm": the number said twice is read once
        pos, following = echo, None
    value, value_max, pos, scaled_second = range_of(text, num, following, pos, limit)
    # a fraction: "19/60 sản phẩm" counts 19; "2,1/4,8 tỷ đồng" counts 2,1 tỷ
    fraction_scale = ""
    if value_max is None and num.text == num.raw:
        fm = _FRACTION.match(text, pos, limit)
        if fm:
            pos = fm.end()
            if fm.group("scale"):
                fraction_scale = fm.group("scale")
                value *= _SCALE_VALUES[fraction_scale.lower()]
    scale = _scale_word(num) or (_scale_word(scaled_second) if scaled_second else "") or fraction_scale
    implied = False
    pm = _PERCENT_SPACE.match(text, pos, limit)
    if pm:
        unit, unit_start, uend = "%", pm.end() - 1, pm.end()
        pr = _PERCENT_RANGE.match(text, uend, min(limit, uend + _SUFFIX_REACH)) if value_max is None else None
        if pr and parse_digits(pr.group(1)) > value:  # "từ 11% đến 12%"
            value_max, uend = parse_digits(pr.group(1)), pr.end()
            unit_start = uend - 1
    else:
        not_unit = not_re.match(text, pos, limit)
        longer = not_unit and unit_re.match(text, pos, limit)
        if not_unit and not (longer and longer.end() > not_unit.end()):
            return None  # "2 tuần" is a duration, "2 tuần hàng" an event
        um = unit_re.match(text, pos, limit)
        if um and um.group("unit").lower() in _OCCURRENCES and (counted := unit_re.match(text, um.end(), limit)) \
                and surface_to_unit[" ".join(counted.group("unit").lower().split())] != "entity":
            # "183 lượt sản phẩm": the times a product was counted are products ("150 lượt chủ thể" attended: people)
            unit_start, um = um.start("unit"), counted
            unit, uend = surface_to_unit[" ".join(um.group("unit").lower().split())], um.end()
        elif um:
            unit = surface_to_unit[" ".join(um.group("unit").lower().split())]
            unit_start, uend = um.start("unit"), um.end()
            if scale and (unit == "VND" or um.group("unit").lower() in _FOREIGN_MONEY):
                unit_start = pos - len(scale)
        elif scale.lower() in _MONEY_SCALES and scale:
            goods = _COUNTED_GOODS.match(text, pos, limit)
            if goods:  # "trên 690 triệu trái dừa": a count of things, not a sum
                unit, unit_start, uend = "other", goods.start("noun"), goods.end()
            else:
                unit, unit_start, uend, implied = "VND", pos - len(scale), pos, True
        else:
            return None
    uend, per_year = _per_suffix(text, uend, limit)
    unit_text = " ".join(text[unit_start:uend].split())
    return Quantity(num.start, uend, value, value_max, unit, unit_text, per_year,
                    not num.digits, num.raw, implied)


def _per_suffix(text: str, uend: int, limit: int) -> tuple[int, bool]:
    """Where a unit ends with its "/người/năm" suffix, and whether the suffix makes it a yearly rate."""
    per = _PER.match(text, uend, min(limit, uend + _SUFFIX_REACH))
    if not per:
        return uend, False
    return per.end(), "năm" in per.group().lower()


def _scale_word(num: NumberMatch) -> str:
    return num.text.split()[-1] if num.text != num.raw else ""


def _echo_end(text: str, num: NumberMatch, following: NumberMatch | None, limit: int) -> int | None:
    """Where the same number, said again in parentheses right after `num`, ends ("mười (10)", "05 (năm)")."""
    if following is None or following.value != num.value or following.digits == num.digits:
        return None
    opening = _ECHO_OPEN.match(text, num.end, min(limit, num.end + 4))
    if opening is None or opening.end() != following.start:
        return None
    closing = _ECHO_CLOSE.match(text, following.end, min(limit, following.end + 4))
    return closing.end() if closing else None
