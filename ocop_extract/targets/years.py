"""Deadline years: the year by or in which a quantity is to be met.

Year expressions: "năm 2024", "đến cuối năm 2025", "giai đoạn 2021-2025" (its
last year), "quý IV/2024", "tháng 6/2024", "năm nay" (the document's own year).
"so với năm 2022" is a baseline, never a deadline.

>>> [(e.year, e.kind) for e in year_expressions("đến năm 2025, tăng 15% so với năm 2024; giai đoạn 2021 - 2025", 2024)]
[(2025, 'deadline'), (2024, 'baseline'), (2025, 'period')]
>>> [(e.year, e.kind) for e in year_expressions("gần gấp đôi so với cuối năm 2023", 2024)]
[(2023, 'baseline')]
>>> [(e.year, e.kind) for e in year_expressions("gấp khoảng 1,5 lần nguồn lực đã huy động trong giai đoạn 2021 - 2025", 2025)]
[(2025, 'baseline')]
>>> [(e.year, e.kind) for e in year_expressions("từ nay đến cuối năm, hoàn thiện hồ sơ; cuối năm 2025", 2024)]
[(2024, 'deadline'), (2025, 'deadline')]
>>> [(e.year, e.kind) for e in year_expressions("kinh phí 5 năm qua; năm qua tỉnh có thêm 9 sản phẩm", 2025)]
[(2024, 'past')]
>>> [(e.year, e.kind) for e in year_expressions("yêu cầu huyện trong 2 năm tới có thêm ít nhất 5 sản phẩm", 2023)]
[(2025, 'deadline')]
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from .numbers import parse_words

# A four-digit year is found first (a fast search); the words before it say what it is.
_YEAR = regex.compile(r"(?<![\d.,])(?:19|20)\d{2}(?![\d/])")
_PERIOD_TAIL = regex.compile(r"\s*-\s*((?:19|20)\d{2})(?!\d)")
# The words before a year are read backwards from it (REVERSE): one attempt, not one per character.
# A year compared with is a baseline: "so với (cùng kỳ) năm 2023", "gấp đôi năm 2024", "cao hơn năm 2023".
_BASELINE_BEFORE = regex.compile(
    r"(?:so\s+với\s+(?:cùng\s+kỳ\s+)?|gấp\s+(?:(?:khoảng|gần|hơn|trên|xấp\s+xỉ)\s+)?(?:đôi|rưỡi|\d+(?:,\d+)?\s+lần)\s+"
    r"|(?:cao|thấp|nhiều|ít)\s+hơn\s+)"
    r"(?:(?:cuối|đầu|hết)\s+)?(?:năm\s+)?\Z", regex.I | regex.REVERSE)
# … and so is the year of a thing compared with, named in a few words: "so với hội chợ năm 2024", "so với kỳ
# hội chợ năm 2023", "so với Tết Giáp Thìn 2024" (not a plan's year: "so với kế hoạch năm 2024" is the year the result is of)
# … and a thing a multiple is of, named in a few words: "gấp khoảng 1,5 lần nguồn lực đã huy động trong giai đoạn
# 2021 - 2025" (not a plan's: "gấp đôi kế hoạch năm 2024")
_MULTIPLE_OF_THING = regex.compile(r"(?<![\p{L}])gấp\s+(?:(?:khoảng|gần|hơn|trên|xấp\s+xỉ)\s+)?(?:đôi|rưỡi|\d+(?:,\d+)?\s+lần)\s+"
                                   r"(?:(?!kế\s|chỉ\s|mục\s)[^\s\d,.;:()]+\s+){1,5}(?:(?:trong|của|cả)\s+)?\Z", regex.I | regex.REVERSE)
_COMPARED_THING = regex.compile(r"(?<![\p{L}])so\s+với\s+(?:(?!kế\s|chỉ\s|mục\s)[^\s\d,.;:()]+\s+){1,3}(?:năm\s+)?\Z",
                                regex.I | regex.REVERSE)
_PERIOD_BEFORE = regex.compile(r"(?:giai\s+đoạn|thời\s+kỳ|từ\s+năm|nhiệm\s+kỳ|năm)\s*\Z", regex.I | regex.REVERSE)
_QUARTER_BEFORE = regex.compile(r"(?:quý|tháng)\s+[IVX\d]+\s*/\s*\Z", regex.I | regex.REVERSE)
# "năm 2025", and a plan's or goal's year said bare ("Kế hoạch 2025: …", "mục tiêu 2030", "đến 2030")
_YEAR_WORD_BEFORE = regex.compile(r"(?:năm|(?<![\p{L}])(?P<plan>kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu|tầm\s+nhìn))\s+\Z",
                                  regex.I | regex.REVERSE)
# … the bare year ending its phrase, no count of a noun ("chỉ tiêu 2000 sản phẩm")
_BARE_YEAR_ENDS = regex.compile(r"\s*(?:[:,.;)\-–]|\Z|\s(?:là|của|đặt|đề\s+ra|với)(?![\p{L}]))")
_RELATIVE = regex.compile(r"(?<![\p{L}])[Nn]ăm\s+(nay|tới|sau|ngoái|trước|qua)(?![\p{L}])")
# a count of years before it makes a duration: "5 năm qua", "những năm qua", "nhiều năm trước"
_YEARS_COUNTED = regex.compile(r"(?:\d+|hai|ba|bốn|năm|mười|mấy|vài|những|các|nhiều|bao)\s+\Z", regex.I | regex.REVERSE)
# a count of years ahead: "trong 2 năm tới", "trong ba năm tới"
_YEARS_AHEAD = regex.compile(r"(?<![\p{L}])trong\s+(?P<n>[1-5]|hai|ba|bốn|năm)\s+\Z", regex.I | regex.REVERSE)
# "so với năm trước", "cùng kỳ năm trước", "cao hơn Tết năm trước", "so với vụ năm ngoái": compared with
_RELATIVE_BASELINE = regex.compile(r"(?:so\s+với|cùng\s+kỳ|(?:cao|thấp|nhiều|ít)\s+hơn)(?:\s+(?!năm\s)[^\s\d,.;:()]+){0,2}\s+\Z",
                                   regex.I | regex.REVERSE)
# Phases of a plan: "Giai đoạn 1 (2025 - 2026)", "giai đoạn II: 2026-2027", "Giai đoạn 2 (năm 2027)",
# "giai đoạn 2 từ năm 2026 đến năm 2027".
_PHASE_NAME = r"(?<![\p{L}])giai\s+đoạn\s+(?P<n>\d|I{1,3}|IV)(?![\p{L}\d])"
_PHASE_SPAN = (r"\s*(?:\(\s*|:\s*|,\s*|từ\s+)(?:năm\s+)?(?:(?:19|20)\d{2}\s*(?:-|đến\s+(?:năm\s+)?)\s*)?"
               r"(?P<last>(?:19|20)\d{2})(?!\d)")
_PHASE_DEFINED = regex.compile(_PHASE_NAME + _PHASE_SPAN, regex.I)
_PHASE_REF = regex.compile(_PHASE_NAME + r"(?!" + _PHASE_SPAN + ")", regex.I)
# the end of the document's own year, said without its number: "từ nay đến cuối năm", "những tháng
# cuối năm", "đợt đánh giá cuối năm" (not "cuối năm 2025", "cuối năm nay", which say theirs)
_YEAR_END = regex.compile(r"(?<![\p{L}])(?:(?:đến|tới|trước)\s+(?:hết\s+|cuối\s+)|cuối\s+)năm"
                          r"(?!\s*(?:\d|nay|tới|sau|ngoái|trước|qua|học))(?![\p{L}])", regex.I)
# a month or a quarter said without its year, which is the year the text speaks of: "trong tháng 10",
# "vào quý IV", "tháng 12 tới", "trước tháng 11" (not "tháng 6/2024", "tháng 3 năm 2023", nor the month
# of a date, "ngày 15 tháng 3")
_MONTH = regex.compile(r"(?<![\p{L}])(?:(?:trong|vào|đến|tới|trước|từ|cuối|đầu|giữa|hết|ngay)\s+)?"
                       r"(?:tháng\s+(?:1[0-2]|0?[1-9])|quý\s+(?:I{1,3}|IV|[1-4]))(?![\p{L}\d])"
                       r"(?!\s*(?:[/.-]\s*\d|,?\s*năm\s+(?:\d|nay|tới|sau|ngoái|trước|qua)))", regex.I)
_DAY_BEFORE = regex.compile(r"(?:ngày|mùng)\s+\d{1,2}\s+\Z", regex.I | regex.REVERSE)
# the season or crop now: "Vụ này", "vụ vải này", "mùa này", "mùa lễ hội này"
# (not a task's or a service's word: "nhiệm vụ này", "dịch vụ này", "phục vụ")
_THIS_SEASON = regex.compile(r"(?<![\p{L}])(?:(?<!(?:nhiệm|dịch|phục|nghĩa|sự|thời)\s)[Vv]ụ|[Mm]ùa)(?:\s+\p{Ll}+){0,2}?\s+này(?![\p{L}])")
_RELATIVE_OFFSET = {"nay": 0, "tới": 1, "sau": 1, "ngoái": -1, "trước": -1, "qua": -1}


class YearExpr(NamedTuple):  # a named tuple: documents make many, and tuples are cheap to make
    start: int
    end: int
    year: int
    kind: str            # deadline, period, baseline, past ("năm ngoái")
    first: int | None = None   # first year of a period


def _phases(text: str) -> dict[str, int]:
    """The last year of each phase the text sets out ("Giai đoạn 1 (2025 - 2026)" → {"1": 2026}).

    >>> _phases("Giai đoạn 1 (2025 - 2026): 10 sản phẩm. Giai đoạn 2 (năm 2027): 8. Giai đoạn III: 2028-2030.")
    {'1': 2026, '2': 2027, 'III': 2030}
    """
    if "đoạn" not in text and "ĐOẠN" not in text:
        return {}
    return {m.group("n").upper(): int(m.group("last")) for m in _PHASE_DEFINED.finditer(text)}


def year_expressions(text: str, ref_year: int | None, start: int = 0, end: int | None = None,
                     year_ending: bool = False) -> list[YearExpr]:
    """Year expressions in text[start:end], in text order; `ref_year` resolves "năm nay".

    `year_ending`: the text is dated in its year's last quarter, where "năm qua" is the year now ending
    (a year-end review in December), not the one before.

    >>> [e.year for e in year_expressions("Năm qua, toàn tỉnh có thêm 68 sản phẩm", 2023, year_ending=True)]
    [2023]
    """
    end = len(text) if end is None else end
    out = []
    skip_to = start
    for m in _YEAR.finditer(text, start, end):
        if m.start() < skip_to:
            continue
        year = int(m.group())
        window = max(start, m.start() - 24)
        if text[m.start() - 1:m.start()] == "/" and not _QUARTER_BEFORE.search(text, window, m.start()):
            continue  # the year of a date ("08/04/2022"), not a deadline
        tail = _PERIOD_TAIL.match(text, m.end(), end)
        if tail and int(tail.group(1)) >= year:
            p = _PERIOD_BEFORE.search(text, window, m.start())
            opening = p.start() if p else m.start()
            b = _BASELINE_BEFORE.search(text, max(start, opening - 32), opening) or _multiple_of(text, start, opening)
            if b:  # "gấp khoảng 1,3 lần giai đoạn 2021-2025": a period compared with
                out.append(YearExpr(b.start(), tail.end(), int(tail.group(1)), "baseline"))
            else:
                out.append(YearExpr(opening, tail.end(), int(tail.group(1)), "period", year))
            skip_to = tail.end()
        elif b := _compared_before(text, start, m.start()):
            out.append(YearExpr(b.start(), m.end(), year, "baseline"))
        elif (q := _QUARTER_BEFORE.search(text, window, m.start())):
            out.append(YearExpr(q.start(), m.end(), year, "deadline"))
        elif (y := _YEAR_WORD_BEFORE.search(text, window, m.start())) and (not y["plan"] or _BARE_YEAR_ENDS.match(text, m.end())):
            out.append(YearExpr(y.start(), m.end(), year, "deadline"))
    phases = _phases(text)
    if phases:  # "giai đoạn 1" named again after "Giai đoạn 1 (2025 - 2026)" was set out
        for r in _PHASE_REF.finditer(text, start, end):
            last = phases.get(r.group("n").upper())
            if last is not None:
                out.append(YearExpr(r.start(), r.end(), last, "period"))
        out.sort(key=lambda e: e.start)
    if ref_year is not None:
        if text.find("uối năm", start, end) >= 0 or text.find("ết năm", start, end) >= 0:  # a fast test first
            out += [YearExpr(r.start(), r.end(), _named_before(text, out, r.start()) or ref_year, "deadline")
                    for r in _YEAR_END.finditer(text, start, end)]
        out += _relative_years(text, ref_year, start, end, year_ending)
        if text.find("này", start, end) >= 0:  # the season now ("Vụ này, HTX ký hợp đồng …"): the text's own year
            out += [YearExpr(r.start(), r.end(), ref_year, "deadline") for r in _THIS_SEASON.finditer(text, start, end)]
        if "Tết" in text or "Xuân" in text:
            out += _lunar_years(text, ref_year, start, end)
        out.sort(key=lambda e: e.start)
    return out


_CLAUSE_GAP = regex.compile(r"[^.;!?\n]*")


def _named_before(text: str, said: list[YearExpr], start: int) -> int | None:
    """The year last named before `start` in its sentence, which a year's end said without one is of
    ("Kế hoạch năm 2024 đặt chỉ tiêu 4 điểm, nhưng đến cuối năm mới hoàn thành 2 điểm"), else None.

    >>> t = "Kế hoạch năm 2024 đặt chỉ tiêu 4 điểm, nhưng đến cuối năm mới hoàn thành 2 điểm"
    >>> [(e.year, t[e.start:e.end]) for e in year_expressions(t, 2025)]
    [(2024, 'năm 2024'), (2024, 'đến cuối năm')]
    """
    named = [e for e in said if e.end <= start and e.kind in ("deadline", "past")]
    return named[-1].year if named and _CLAUSE_GAP.fullmatch(text, named[-1].end, start) else None


def _relative_years(text: str, ref_year: int, start: int, end: int, year_ending: bool) -> list[YearExpr]:
    """The years said relative to the text's own ("năm nay", "năm tới", "năm qua", "trong 2 năm tới")."""
    out = []
    for r in _RELATIVE.finditer(text, start, end):
        ahead = _YEARS_AHEAD.search(text, max(start, r.start() - 16), r.start()) if r.group(1) == "tới" else None
        if ahead:  # "trong 2 năm tới": the last of the years ahead
            n = ahead["n"]
            out.append(YearExpr(ahead.start(), r.end(), ref_year + (int(n) if n.isdigit() else int(parse_words(n))), "deadline"))
            continue
        if _YEARS_COUNTED.search(text, max(start, r.start() - 8), r.start()):
            continue  # "Tổng kinh phí 5 năm qua": a duration, not last year
        offset = 0 if year_ending and r.group(1) == "qua" else _RELATIVE_OFFSET[r.group(1)]
        kind = "past" if offset < 0 or r.group(1) == "qua" else "deadline"
        if _RELATIVE_BASELINE.search(text, max(start, r.start() - 32), r.start()):
            kind = "baseline"  # "so với năm trước", "cùng kỳ năm trước"
        out.append(YearExpr(r.start(), r.end(), ref_year + offset, kind))
    return out


# a lunar year named by its stems ("Tết Giáp Thìn", "Xuân Ất Tỵ"), said without its number: the year whose Tết
# it is, the nearest to the text's own
_STEMS = {"giáp": 4, "ất": 5, "bính": 6, "đinh": 7, "mậu": 8, "kỷ": 9, "canh": 0, "tân": 1, "nhâm": 2, "quý": 3}
_BRANCHES = {"tý": 4, "sửu": 5, "dần": 6, "mão": 7, "mẹo": 7, "thìn": 8, "tỵ": 9, "ngọ": 10, "mùi": 11,
             "thân": 0, "dậu": 1, "tuất": 2, "hợi": 3}
_LUNAR = regex.compile(rf"(?<![\p{{L}}])(?:Tết|Xuân)(?:\s+Nguyên\s+[Đđ]án)?\s+(?P<stem>{'|'.join(s.capitalize() for s in _STEMS)})"
                       rf"\s+(?P<branch>{'|'.join(b.capitalize() for b in _BRANCHES)})(?![\p{{L}}])(?!\s*(?:19|20)\d\d)")


def lunar_year(stem: str, branch: str, near: int) -> int:
    """The year, nearest to `near`, whose lunar name is `stem` `branch`.

    >>> lunar_year("Giáp", "Thìn", 2025), lunar_year("Ất", "Tỵ", 2025), lunar_year("Quý", "Mão", 2024)
    (2024, 2025, 2023)
    """
    s, b = _STEMS[stem.lower()], _BRANCHES[branch.lower()]
    return min((y for y in range(near - 30, near + 31) if y % 10 == s and y % 12 == b), key=lambda y: abs(y - near))


def _compared_before(text: str, start: int, at: int) -> regex.Match | None:
    """What makes the year at `at` one compared with ("so với năm 2023", "so với Tết Giáp Thìn"), or None."""
    return _BASELINE_BEFORE.search(text, max(start, at - 24), at) or _COMPARED_THING.search(text, max(start, at - 48), at) \
        or _multiple_of(text, start, at)


def _multiple_of(text: str, start: int, at: int) -> regex.Match | None:
    """"gấp 1,5 lần nguồn lực … trong" before `at`: the thing a multiple is of (a fast test first)."""
    head = max(start, at - 72)
    return _MULTIPLE_OF_THING.search(text, head, at) if text.find("gấp", head, at) >= 0 else None


def _lunar_years(text: str, ref_year: int, start: int, end: int) -> list[YearExpr]:
    """The lunar years named in text[start:end] ("so với Tết Giáp Thìn": a baseline)."""
    out = []
    for m in _LUNAR.finditer(text, start, end):
        year = lunar_year(m["stem"], m["branch"], ref_year)
        b = _compared_before(text, start, m.start())
        out.append(YearExpr(b.start(), m.end(), year, "baseline") if b else YearExpr(m.start(), m.end(), year, "deadline"))
    return out


def month_expressions(text: str, year: int, start: int = 0, end: int | None = None) -> list[YearExpr]:
    """Months and quarters said without a year in text[start:end], each a deadline in `year`.

    >>> [(text[e.start:e.end], e.year) for text in ["Trong tháng 10, tỉnh sẽ tổ chức 02 lớp; ngày 15 tháng 3; tháng 6/2024"]
    ...  for e in month_expressions(text, 2019)]
    [('Trong tháng 10', 2019)]
    """
    end = len(text) if end is None else end
    if text.find("háng", start, end) < 0 and text.find("uý", start, end) < 0 and text.find("UÝ", start, end) < 0 \
            and text.find("HÁNG", start, end) < 0:
        return []
    return [YearExpr(m.start(), m.end(), year, "deadline") for m in _MONTH.finditer(text, start, end)
            if not _DAY_BEFORE.search(text, max(start, m.start() - 16), m.start())]


# "(", "(đạt ", "(xấp xỉ ", "(200 gian hàng, 65.000 lượt khách, doanh thu ": within the aside the year opens
def year_of_day(month: int, posted_year: int, posted_month: int) -> int:
    """The year of a day a news text names without one: the year it was posted in, or the year before
    for a month well after its posting ("ngày 20/12" in a text of January).

    >>> year_of_day(11, 2024, 11), year_of_day(12, 2025, 1), year_of_day(3, 2025, 1)
    (2024, 2024, 2025)
    """
    return posted_year - 1 if month - posted_month > 6 else posted_year


_ASIDE_OPENS = regex.compile(r"\s*\([^()\n]{0,160}")


def baseline_aside(text: str, years: list[YearExpr], start: int) -> YearExpr | None:
    """The year compared with right before the parenthesis a figure at `start` opens, or None: "cao hơn
    năm 2023 (xấp xỉ 9,6 tỷ đồng)" gives that year's figure.

    >>> t = "doanh thu không dưới 12 tỷ đồng, cao hơn năm 2023 (xấp xỉ 9,6 tỷ đồng)"
    >>> baseline_aside(t, year_expressions(t, 2024), t.find("9,6")).year
    2023
    >>> t = "So với hội chợ năm 2024 (200 gian hàng, 65.000 lượt khách), lượt khách tăng 30%"
    >>> baseline_aside(t, year_expressions(t, 2025), t.find("65.000")).year, baseline_aside(t, [], t.find("30%"))
    (2024, None)
    """
    for e in years:
        if e.kind == "baseline" and e.end <= start and _ASIDE_OPENS.fullmatch(text, e.end, start):
            return e
    return None

