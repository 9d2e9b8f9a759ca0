"""Plan years: the first and last year a plan covers ("năm 2024", "giai đoạn 2023 - 2025").

>>> plan_years("Kế hoạch thực hiện Chương trình OCOP giai đoạn 2023 - 2025 trên địa bàn tỉnh")
(2023, 2025)
>>> plan_years("TRIỂN KHAI CHƯƠNG TRÌNH MỖI XÃ MỘT SẢN PHẨM NĂM 2022")
(2022, 2022)
>>> plan_years("Chương trình MTQG giai đoạn 2021-2025 năm 2024")
(2024, 2024)
>>> plan_years("Kết quả thực hiện Chương trình năm 2023, nhiệm vụ và giải pháp năm 2024")
(2023, 2024)
>>> plan_years("giai đoạn 2021-2025, định hướng đến năm 2030")
(2021, 2025)
>>> plan_years("Tổng kết Chương trình OCOP giai đoạn 2021-2025, phương hướng giai đoạn 2026-2030")
(2021, 2030)
>>> plan_years("phát triển du lịch đến năm 2030", issued_year=2024)
(2024, 2030)
>>> plan_years("Chương trình OCOP trên địa bàn tỉnh năm 2024 và đến năm 2025")
(2024, 2025)
>>> plan_years("Chương trình OCOP năm 2024 và định hướng đến năm 2030")
(2024, 2024)
>>> plan_years("ngày 19/02/2024 của UBND tỉnh") is None
True
>>> plan_years("đẩy nhanh tiến độ thực hiện Chương trình những tháng cuối năm 2024")
(2024, 2024)
>>> plan_years("tăng 15% so với cuối năm 2023") is None
True
"""

from __future__ import annotations

from typing import Optional

import regex

from .dates import make_iso

_Y = r"(?:19[89]\d|20\d\d)"
YEARS_RE = regex.compile(
    rf"(?P<period>(?:giai đoạn|thời kỳ|từ năm|từ|năm|niên độ)\s+(?P<a>{_Y})\s*(?:[-–—]|đến|tới)\s*(?:năm\s+)?(?P<b>{_Y})"
    rf"|(?<![\d/.\-])(?P<a2>{_Y})\s*[-–—]\s*(?P<b2>{_Y})(?![\d/.\-]))"
    rf"|(?P<until>(?:đến|tới|trước|đến hết|đến cuối)\s+năm\s+(?P<u>{_Y}))"
    rf"|(?P<single>(?<![\p{{L}}])năm\s+(?P<s>{_Y}))(?![\d/\-]|\s*-\s*\d)",
    regex.I,
)
_DAY_MONTH = regex.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})")
_NOT_PLAN_YEAR = regex.compile(r"(?:so với|cuối|đầu|sau|hết)\s*$")
# "6 tháng đầu năm 2024", "những tháng cuối năm 2024": months of that year, not a point before or after it
_MONTHS_OF = regex.compile(r"tháng\s+(?:đầu|cuối)\s*$")


_JOINED_UNTIL = regex.compile(r"\s*(?:,\s*)?(?:và|,)\s*", regex.I)
_JOINED_REACH = 5  # years a horizon joined to a plan's year may look ahead


def year_spans(text: str) -> list[tuple[int, int, str, tuple[int, int]]]:
    """(start, end, kind, (first, last)) of each year expression; kind is period, single or until."""
    out = []
    for m in YEARS_RE.finditer(text):
        if m.group("period"):
            a, b = int(m.group("a") or m.group("a2")), int(m.group("b") or m.group("b2"))
            if not 0 <= b - a <= 15:
                continue
            out.append((m.start(), m.end(), "period", (a, b)))
        elif m.group("until"):
            u = int(m.group("u"))
            out.append((m.start(), m.end(), "until", (u, u)))
        else:
            s = int(m.group("s"))
            before = text[max(0, m.start() - 12):m.start()].lower()
            if _NOT_PLAN_YEAR.search(before) and not _MONTHS_OF.search(before):
                continue
            out.append((m.start(), m.end(), "single", (s, s)))
    return out


def joined_horizon(text: str) -> Optional[int]:
    """The horizon a title joins to its one year ("năm 2024 và đến năm 2025" → 2025), not a vision
    ("năm 2024 và định hướng đến năm 2030"), or None.

    >>> joined_horizon("Chương trình OCOP trên địa bàn tỉnh năm 2024 và đến năm 2025")
    2025
    >>> joined_horizon("Chương trình OCOP năm 2024 và định hướng đến năm 2030") is None
    True
    """
    spans = year_spans(text)
    main = [s for s in spans if s[2] != "until"]
    if len(main) != 1 or main[0][2] != "single":
        return None
    year = main[0][3][0]
    for s in spans:
        if s[2] == "until" and s[0] > main[0][1] and _JOINED_UNTIL.fullmatch(text[main[0][1]:s[0]]) \
                and 0 < s[3][0] - year <= _JOINED_REACH:
            return s[3][0]
    return None


_HORIZON_SAID = regex.compile(r"(?<![\p{L}])(?:vào|đến|tới|trước)\s+năm\s+(?P<y>(?:19|20)\d{2})(?!\d)", regex.I)


def horizon_period(headline: str, lead: str) -> Optional[tuple[int, int]]:
    """The period the lead names that ends in the one year a headline gives as a horizon ("… 520 sản phẩm
    vào năm 2030" over "… định hướng giai đoạn 2026 - 2030"), or None.

    >>> horizon_period("Cà Mau hướng tới 520 sản phẩm OCOP vào năm 2030", "Tỉnh tổng kết giai đoạn 2021 - 2025 và triển khai giai đoạn 2026 - 2030.")
    (2021, 2030)
    >>> horizon_period("Hậu Giang phát triển du lịch nông thôn năm 2024", "Giai đoạn 2021 - 2024, …") is None
    True
    """
    said = _HORIZON_SAID.search(headline)
    period = plan_years(lead) if said else None
    return period if period and period[1] == int(said["y"]) and period[0] < period[1] else None


def plan_years(text: str, issued_year: Optional[int] = None) -> Optional[tuple[int, int]]:
    """Years of the plan whose title is `text`: its last period or year; else "đến năm N"."""
    spans = year_spans(text)
    main = [s for s in spans if s[2] != "until"]
    if main and all(s[2] == "single" for s in main) and len(main) > 1:
        # "Kết quả … năm 2023, nhiệm vụ … năm 2024": a report and the plan after it
        years = [s[3][0] for s in main]
        if max(years) - min(years) <= 5:
            return (min(years), max(years))
    horizon = joined_horizon(text)
    if horizon:
        return (main[0][3][0], horizon)
    periods = [s[3] for s in main if s[2] == "period"]
    if len(periods) == 2 and len(main) == 2 and periods[1][0] - periods[0][1] in (0, 1):
        # "Tổng kết … giai đoạn 2021-2025, phương hướng giai đoạn 2026-2030": a review and the phase after it
        return (periods[0][0], periods[1][1])
    if main:
        return main[-1][3]
    until = [s for s in spans if s[2] == "until"]
    if until and issued_year and issued_year <= until[-1][3][1]:
        return (issued_year, until[-1][3][1])
    return None


# what makes a title one of a plan or of a running period, not of a whole year's results
_GOAL_OR_MONTHS = regex.compile(r"(?<![\p{L}])(?:phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch|hướng\s+tới|"
                                r"đến\s+năm|giai\s+đoạn|dự\s+kiến|sẽ|tháng|quý|nửa\s+đầu)(?![\p{L}])", regex.I)
_LAST_QUARTER = 10  # the month a year's review starts to be posted


def reviewed_year(title: str, published: Optional[str]) -> bool:
    """Whether `title` reports one whole year's results, posted (`published`, ISO) in its last quarter or
    after: that year is the one reviewed, no plan's.

    >>> reviewed_year("Hà Giang: Năm 2023 có thêm 42 sản phẩm OCOP", "2023-12-27")
    True
    >>> reviewed_year("Hà Giang phấn đấu có thêm 40 sản phẩm OCOP trong năm 2024", "2023-12-27")
    False
    >>> reviewed_year("9 tháng năm 2024: Hà Giang có thêm 30 sản phẩm", "2024-10-12")
    False
    """
    spans = year_spans(title)
    if published is None or len(spans) != 1 or spans[0][2] != "single" or _GOAL_OR_MONTHS.search(title):
        return False
    year, (posted, month) = spans[0][3][0], (int(published[:4]), int(published[5:7]))
    return posted > year or (posted == year and month >= _LAST_QUARTER)


def dated_by_plan(day_month: str, number_year: Optional[int], title: str,
                  published: Optional[str] = None) -> Optional[str]:
    """A date said without its year ("Ngày 3/8, UBND tỉnh … ban hành Kế hoạch số 205/KH-UBND … năm 2022"),
    completed with its number's year (`number_year`), else the year of the article's posting (the last such day on
    or before it), else the single year of the plan's title.

    >>> dated_by_plan("3/8", None, " về thực hiện Chương trình OCOP năm 2022")
    '2022-08-03'
    >>> dated_by_plan("3/8", None, " giai đoạn 2021-2025") is None
    True
    >>> dated_by_plan("3/8", None, " giai đoạn 2022-2025", "2022-08-05")
    '2022-08-03'
    >>> dated_by_plan("20/12", None, " về phát triển sản phẩm OCOP năm 2025", "2025-01-04")
    '2024-12-20'
    """
    dm = _DAY_MONTH.fullmatch(day_month.strip())
    if dm is None:
        return None
    day, month = int(dm.group(1)), int(dm.group(2))
    year = number_year
    if year is None and published:
        posted = (int(published[5:7]), int(published[8:10]))
        year = int(published[:4]) - (1 if (month, day) > posted else 0)
    if year is None:
        spans = plan_years(title, None)
        year = spans[0] if spans and spans[0] == spans[1] else None
    return make_iso(day, month, year) if year else None
