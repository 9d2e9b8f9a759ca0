"""Published date of a news article, from its byline or a labelled date line.

Evidence, strongest first: a labelled line ("Ngày đăng: 13/04/2023 14:37"),
the heading of a broadcast script ("BẢN TIN THỜI SỰ 19 GIỜ 45 - NGÀY
15/10/2024"), a wire's dateline opening the lead ("(TTXVN 12/4/2024) -",
"TTO - 12/4/2024:"), a byline ("Vân Khánh - 14:32, 25/05/2024"), an update line
without a weekday ("Cập nhật: 22/05/2024 10:37"), a line holding only a date
and a time, or a date and a time then a section name ("27/06/2024 | 19:40",
"09/07/2024 | 17:45 | Nông nghiệp - Nông thôn"), and only when nothing else is
there, a weekday dateline below the headline (on a content line; an author
after a final "|" is allowed), or above it when the article head credits its
author without a date ("Bài, ảnh: Thu Hà"), the article closes with its author's
name alone ("Minh Anh") and names the dateline's year, or the dateline carries its time zone, as postings do
("Thứ Sáu, 20/12/2024 07:30 (GMT+7)"). A byline's author and date may stand
apart by a bullet or a run of spaces ("Thanh Hà • 08/10/2024 15:20"). A site clock in
the page header ("Thứ Hai, 02/12/2024 | 08:15" above the headline, a clock in
the menu bar) and dates in lists of other articles are never taken; an update line with
a weekday ("Cập nhật lúc: 07:42 Thứ Bảy, 23/11/2024"), which may be a clock, only when
nothing else dates the article.

>>> from ocop_extract.document import Doc
>>> doc = Doc.from_text("x", "Thứ Hai, 02/12/2024 | 08:15\\nTiêu đề bài viết về sản phẩm OCOP\\nNội dung.\\nHoài Thương - 10:20, 21/03/2023")
>>> published_date(doc)
'2023-03-21'
>>> published_date(Doc.from_text("y", "Cập nhật lúc: 07:42 Thứ Bảy, 23/11/2024\\nTiêu đề\\nNgày đăng: 16/05/2024"))
'2024-05-16'
>>> published_date(Doc.from_text("y", "Cập nhật lúc 08:15, Thứ Ba, 08/10/2024\\nTiêu đề"))
'2024-10-08'
>>> published_date(Doc.from_text("z", "Cập nhật lúc 16:45 ngày 03/07/2024\\nTiêu đề"))
'2024-07-03'
>>> published_date(Doc.from_text("w", "27/06/2024 | 19:40\\nTiêu đề"))
'2024-06-27'
>>> published_date(Doc.from_text("v", "Thứ Bảy, 19/10/2024, 06:00 (GMT+7)\\nTiêu đề của bài phóng sự về OCOP\\n"
...     "Bài, ảnh: Thu Hà\\nNội dung."))
'2024-10-19'
>>> published_date(Doc.from_text("u", "Thứ Bảy, 19/10/2024, 06:00 (GMT+7)\\nTiêu đề của bài phóng sự về OCOP\\n"))
'2024-10-19'
>>> published_date(Doc.from_text("t", "Thứ Bảy, 19/10/2024 06:00\\nTiêu đề của bài phóng sự về OCOP\\n")) is None
True
>>> published_date(Doc.from_text("t", "Báo Sóc Trăng\\nKinh tế - Nông nghiệp\\nThứ Hai, 06/01/2025 - 07:20\\nTiêu đề của bài về OCOP\\n"))
'2025-01-06'
>>> published_date(Doc.from_text("s", "Tiêu đề bài viết về sản phẩm OCOP của tỉnh\\nQuảng Trị (TTXVN 12/4/2024) - UBND tỉnh vừa ban hành"))
'2024-04-12'
>>> published_date(Doc.from_text("r", "Tiêu đề bài viết về sản phẩm OCOP của tỉnh\\n(PLVN) - Ngày 3/8/2024, UBND tỉnh …")) is None
True
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from ..document import Doc
from ..layout import line_kinds
from . import scan
from .dates import TIME_RE, DateMatch, find_dates, may_hold_date
from .headline import is_masthead

_NAME_WORD = r"\p{Lu}[\p{L}\p{M}.]*"
# the words crediting an author: "Bài:", "Bài và ảnh:", "Tin, ảnh:", "Theo"
_CREDIT = r"(?i:bài|ảnh|tin|theo)(?:\s*(?:,|và)\s*(?i:ảnh|bài))?\s*:?\s*"
_BYLINE = regex.compile(
    rf"^\s*(?:{_CREDIT})?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}"
    rf"(?:\s*[-–&]\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}(?=\s*[|,/•·]))?"  # a second author: "Phương Linh - Quang Huy |"
    rf"(?:\s*[-–|,/•·]|\s{{2,}})\s*(?P<rest>.+)$"
)
# An author's sign-off closing the article ("Minh Anh"): two to four capitalised words on a line
_SIGN_OFF = regex.compile(r"^\p{Lu}[\p{Ll}\p{M}]*(?:[ ]\p{Lu}[\p{Ll}\p{M}]*){1,3}$")

# a time zone: "GMT+7", "(GMT+07:00)", "[GMT+7]"; and a time's half of the day ("18:40 PM")
_ZONE = r"(?:[(\[]?GMT\s*\+\s*\d+(?::\d\d)?[)\]]?|(?<![\p{L}])[AP]M(?![\p{L}]))"
_ZONE_RE = regex.compile(_ZONE, regex.I)
_SEPARATORS = regex.compile(rf"{_ZONE}|[\s,|\-–:()]+", regex.I)
_LEAD_SEPARATORS = regex.compile(rf"^(?:{_ZONE}|[\s,|\-–:()])*", regex.I)
_SECTION_MAX_WORDS = 6  # "Nông nghiệp - Nông thôn" after a date and a time: a section name


def _alt(words: list[str]) -> str:
    return "|".join(regex.escape(x) for x in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _labels() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern, tuple[str, ...]]:
    from ..lexicon import load_lexicon

    lex = load_lexicon("metadata")
    pub = _alt(lex["published_labels"])
    clock = _alt(lex["clock_labels"])
    updated = _alt(lex["updated_labels"])
    # the lines where the label and clock patterns can match: those holding one of their words
    words = tuple({x.lower() for x in lex["published_labels"] + lex["clock_labels"]})
    return (regex.compile(rf"(?:^|\s|\|)(?:{pub})\s*:?\s*(?P<rest>.*)$", regex.I),
            regex.compile(rf"(?:{clock})", regex.I),
            regex.compile(rf"^\s*(?:{updated})\s*:?\s*(?P<rest>.*)$", regex.I),
            words)


@lru_cache(maxsize=1)
def _line_openers() -> tuple[regex.Pattern, regex.Pattern, frozenset]:
    """A broadcast heading ("BẢN TIN THỜI SỰ … NGÀY …"), a dateless author credit ("Bài, ảnh: …"),
    and the first letters (lower case) such lines can open with."""
    from ..lexicon import load_lexicon

    lex = load_lexicon("metadata")
    firsts = frozenset(w[0].lower() for w in lex["broadcast_labels"] + lex["credit_labels"])
    return (regex.compile(rf"^\s*(?:{_alt(lex['broadcast_labels'])})(?![\p{{L}}\p{{M}}])(?P<rest>.*)$", regex.I),
            regex.compile(rf"^\s*(?:{_alt(lex['credit_labels'])})\s*:\s*\p{{Lu}}", regex.I),
            firsts)


# a page's counters and widgets beside its date: "Lượt xem: 1.284", "[A-] [A+]", "Cỡ chữ"
_PAGE_COUNTERS = regex.compile(r"(?:lượt\s+(?:xem|đọc)|views?|bình\s+luận|chia\s+sẻ|thích|like|share)\s*:?\s*[\d.,]*"
                            r"|\[?\s*A\s*[-+]\s*\]?|cỡ\s+chữ\s*:?|(?<![\d.,])\d{2,3}\s*%|[^\w\s|]\s*[\d.,]+|(?<![\p{L}])(?:f|in|zalo)(?![\p{L}])|[^\w\s|]",
                            regex.I)


def _date_time_section(text: str, dates: list[DateMatch]) -> Optional[str]:
    """The date of a line opening with a date and a time, then at most a short section name and the
    page's counters.

    `dates`: those `find_dates(text)` finds.

    >>> text = "14/03/2023 | 07:30 | Lượt xem: 866   [A-] [A+]"
    >>> _date_time_section(text, find_dates(text))
    '2023-03-14'
    >>> text = "18/11/2025 14:05  |  PR  |  Chia sẻ  f  in  ✉   |  👍 86"
    >>> _date_time_section(text, find_dates(text))
    '2025-11-18'
    """
    if len(dates) != 1 or _LEAD_SEPARATORS.match(text).end() != dates[0].start:
        return None
    after = text[dates[0].end:]
    t = TIME_RE.match(after, _LEAD_SEPARATORS.match(after).end())
    if t is None:
        return None
    section = _PAGE_COUNTERS.sub(" ", after[t.end():])
    if any(c.isdigit() for c in section) or len(_SEPARATORS.sub(" ", section).split()) > _SECTION_MAX_WORDS:
        return None
    return dates[0].iso


# A wire or paper's dateline opening the lead: "(TTXVN 12/4/2024)", "(PLVN) - 12/04/2024 -",
# "TTO - 12/4/2024:", the wire's place before it ("Quảng Trị (TTXVN 26/11/2019) -") — its initials,
# then the date at once (not "(PLVN) - Ngày 3/8, …": an event)
_AGENCY_DATELINE = regex.compile(
    r"^(?:\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*){0,4}\s+(?=\())?\(?\s*[\p{Lu}Đ][\p{Lu}Đ&.]{1,11}(?:\s*/\s*[\p{Lu}Đ][\p{Lu}Đ&.]{1,11})?\s*\)?\s*[-–—:,]?\s*"
    r"(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})\s*\)?\s*[-–—:]")
# … or the wire's place and date before its initials: "Hà Nội, 6/5/2024 (TTXVN) -"
_PLACE_DATE_AGENCY = regex.compile(
    r"^\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*){0,4}\s*,\s*(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})\s*"
    r"\(\s*[\p{Lu}Đ][\p{Lu}Đ&.]{1,11}\s*\)\s*[-–—:]")
# a byline that credits its author ("Bài và ảnh:", "Tin:", "Theo")
_CREDITED = regex.compile(rf"^\s*{_CREDIT}\p{{Lu}}")
# a site's menu or its breadcrumb: short items between bars or arrows ("Trang chủ | Thời sự | Kinh tế",
# "Kinh tế | Nông nghiệp - Nông thôn", "Trang chủ > Kinh tế > Nông nghiệp")
_MENU = regex.compile(r"[^|>›»\d]{2,30}(?:[|>›»][^|>›»\d]{2,30})+")
# … or a section's name of a few capitalised words parted by a dash: "Kinh tế - Nông nghiệp", "Xã hội – Đời sống"
_SECTION = regex.compile(r"\p{Lu}\p{Ll}*(?:\s\p{L}+){0,3}(?:\s[-–]\s\p{Lu}\p{Ll}*(?:\s\p{L}+){0,3})+")
# what stands before the date of a dateline on a line of its own: "Thứ Hai, ", "Chủ nhật, ngày "
_WEEKDAY_LEAD = regex.compile(r"\s*(?:thứ\s+\p{L}+|chủ\s+nhật)\s*,?\s*(?:ngày\s*)?", regex.I)
_TIME_ZONE = regex.compile(r"GMT\s*[+-]\s*\d", regex.I)
# "Thứ Hai, 17/03/2025 - 16:05 | Hoàng Minh Khôi": the author after the date line's last bar
_CREDIT_AFTER = regex.compile(r"\s*\|[^|\d]*\Z")


def _only_date_time(text: str, dates: Optional[list[DateMatch]] = None) -> Optional[str]:
    """The date when `text` holds one date plus, at most, a time and separators.

    `dates`: those `find_dates(text)` finds, when known.
    """
    dates = find_dates(text) if dates is None else dates
    if len(dates) != 1:
        return None
    rest = (text[:dates[0].start] + " " + text[dates[0].end:])
    rest = TIME_RE.sub(" ", _ZONE_RE.sub(" ", rest))  # the zone first: its "+07:00" is no time of day
    rest = _SEPARATORS.sub("", rest)
    return dates[0].iso if not rest else None


# a counter said number first: "1.208 lượt xem", "35 bình luận"
_COUNT_FIRST = regex.compile(r"\s*[\d.,]+\s+(?:lượt\s+(?:xem|đọc|thích)|views?|bình\s+luận|lượt\s+chia\s+sẻ)\s*", regex.I)


def _without_counters(text: str) -> str:
    """A date line with the page's counters after its date and time taken off, the bars kept.

    >>> _without_counters("Thứ Năm, 28/11/2024 - 17:32 | Lượt xem: 1.254")
    'Thứ Năm, 28/11/2024 - 17:32'
    >>> _without_counters("Thứ Hai, 13/01/2025 | 07:30"), _without_counters("Thứ Sáu, 14/03/2025 | 07:35  |  1.208 lượt xem")
    ('Thứ Hai, 13/01/2025 | 07:30', 'Thứ Sáu, 14/03/2025 | 07:35')
    >>> _without_counters("Thứ Ba, 16/07/2024 | 15:42    Lượt xem: 1.236    Chia sẻ")
    'Thứ Ba, 16/07/2024 | 15:42'
    >>> _without_counters("Thứ Sáu, 19/12/2025, 06:35   | 3.102 lượt xem | Chia sẻ | Cỡ chữ: A- 100% A+")
    'Thứ Sáu, 19/12/2025, 06:35'
    """
    first, *cells = text.split("|")
    kept = []
    for cell in cells:
        time = TIME_RE.match(cell.strip())
        if time and not _PAGE_COUNTERS.sub("", cell.strip()[time.end():]).strip():
            kept.append(time.group())  # "15:42    Lượt xem: 1.236    Chia sẻ": the time, its counters taken off
        elif _PAGE_COUNTERS.sub("", cell).strip() and not _COUNT_FIRST.fullmatch(cell):
            kept.append(cell.strip())
    return " | ".join([first.rstrip(), *kept])


def _signed_off(doc: Doc, kinds: list[str], dateline: Optional[str]) -> bool:
    """True when the article's last content line is its author's name alone ("Minh Anh") and its text
    names the year of the `dateline` above the headline (a site's clock is seldom of the article's years)."""
    if dateline is None:
        return False
    last = next((line.text.strip() for line in reversed(doc.lines)
                 if kinds[line.index] == "content" and line.text.strip()), "")
    if not _SIGN_OFF.match(last):
        return False
    year = regex.compile(rf"(?<![\d/.\-]){dateline[:4]}(?!\d)")  # the year itself, not a date's ("15/7/2019")
    return any(kinds[line.index] == "content" and year.search(line.text) for line in doc.lines)


Score = tuple[float, Optional[str]]  # how sure, and the ISO date: the surest line wins
_LAST_RESORT = 0.3  # an update line with a weekday ("Cập nhật lúc 08:15, Thứ Ba, 08/10/2024"): may be a clock


_REPEAT = regex.compile(r"\(?\s*phát\s+lại", regex.I)


def _label_cells(text: str) -> list[str]:
    """The line, then each of its "|" cells after the first, where a label may open.

    >>> _label_cells("Nhóm PV Kinh tế | Cập nhật liên tục từ 07:45 ngày 12/12/2025")
    ['Nhóm PV Kinh tế | Cập nhật liên tục từ 07:45 ngày 12/12/2025', 'Cập nhật liên tục từ 07:45 ngày 12/12/2025']
    """
    return [text] + [cell.strip() for cell in text.split("|")[1:]] if "|" in text else [text]


def _label_date(text: str, maybe_label: bool, opener: bool, best: Score) -> tuple[bool, Score]:
    """A date after a label ("Cập nhật:", "Ngày đăng:", a broadcast's heading); True when the line is read."""
    label_re, _, updated_re, _ = _labels()
    # the label opens the line, or a cell of it after a credit ("Nhóm PV | Cập nhật liên tục từ 07:45 ngày …")
    u = next((m for cell in _label_cells(text) if (m := updated_re.match(cell))), None)
    if u:
        dates = find_dates(u.group("rest"))
        # a weekday is a site clock's ("Cập nhật lúc: 07:42 Thứ Bảy, 23/11/2024"), unless stamped with its
        # time zone as a posting is ("Cập nhật lúc 15:42, Thứ Ba, 14/09/2021 (GMT+7)")
        if len(dates) == 1 and (not dates[0].weekday or _TIME_ZONE.search(text)) and best[0] < 1.8:
            best = (1.8, dates[0].iso)
        elif len(dates) == 1 and best[0] < _LAST_RESORT:
            best = (_LAST_RESORT, dates[0].iso)  # with its weekday: the article's own when nothing else dates it
        return True, best
    bc = _line_openers()[0].match(text) if opener else None
    if bc:
        dates = find_dates(bc.group("rest"))
        # the first airing; a repeat after it ("(phát lại 6 giờ 00 ngày 19/10/2024)") is later
        if dates and (len(dates) == 1 or _REPEAT.search(bc.group("rest"), dates[0].end)) and best[0] < 2.5:
            return True, (2.5, dates[0].iso)
    m = label_re.search(text) if maybe_label else None
    if m:
        iso = _only_date_time(m.group("rest")) or (find_dates(m.group("rest"))[:1] or [None])[0]
        iso = iso if isinstance(iso, str) or iso is None else iso.iso
        if iso and best[0] < 3:
            best = (3, iso)
        return True, best
    return False, best


def _dated_line(text: str, dates: list[DateMatch], content: bool, best: Score) -> tuple[bool, Score]:
    """A wire's dateline, a byline with its date and time, or a line of a date and a time; True when read."""
    wire = (_AGENCY_DATELINE.match(text) or _PLACE_DATE_AGENCY.match(text)) if content else None
    if wire and best[0] < 2.2:
        found = find_dates(wire.group("date"))
        if found:
            return True, (2.2, found[0].iso)
    b = _BYLINE.match(text)
    if b and not find_dates(text[:b.start("rest")]) and not any(d.weekday for d in dates):
        iso = _only_date_time(_without_counters(b.group("rest")))  # ("| 10:15 | 22/05/2025 | Bình luận (12)")
        # a date and a time; a date alone after a credit ("Bài và ảnh: Thu Trang - 06/05/2024")
        if iso and (TIME_RE.search(b.group("rest")) or _CREDITED.match(text)) and best[0] < 2:
            return True, (2, iso)
    if dates and not dates[0].weekday and best[0] < 1.5:
        text = _without_counters(text)  # "14/10/2025 06:30 GMT+7 | 1.052 lượt xem": the counters beside it
        dates = find_dates(text)
        iso = _only_date_time(text, dates)
        iso = iso if iso and TIME_RE.search(text) else _date_time_section(text, dates)
        if iso:
            return True, (1.5, iso)
    return False, best


def published_date(doc: Doc) -> Optional[str]:
    """ISO date the article was posted, or None."""
    _, clock_re, _, words = _labels()
    _, credit_re, opener_firsts = _line_openers()
    labelled = scan.lines_holding(doc, words)
    kinds = line_kinds(doc)
    best: Score = (0, None)
    headline_seen = False
    credited = False  # the head credits the author without a date
    top_dateline: Optional[str] = None  # a weekday dateline above the headline
    stamped = False  # … stamped with its time zone ("07:30 (GMT+7)"), as a posting is and a site clock is not
    menu_seen = placed = False  # the site's menu was passed; the dateline stands on its own line under it
    for line in doc.lines:
        text = line.text.strip()
        if not text or kinds[line.index] in ("related", "recipients"):
            continue
        maybe_label = labelled is None or line.index in labelled
        if maybe_label and clock_re.search(text):
            continue
        opener = text[0].lower() in opener_firsts  # text is stripped and not empty
        read, best = _label_date(text, maybe_label, opener, best)
        if read:
            continue
        dated = may_hold_date(text)  # else no date here, and no dated byline
        dates = find_dates(text) if dated else []
        content = kinds[line.index] == "content"
        if dated:
            read, best = _dated_line(text, dates, content, best)
            if read:
                continue
        dateline = _without_counters(text[dates[0].start:]) if dates and dates[0].weekday else ""
        counted = dateline != text[dates[0].start:] if dateline else False  # the page's counters made it furniture
        if dateline and headline_seen and best[0] < 1 and (content or counted):
            iso = _only_date_time(_CREDIT_AFTER.sub("", dateline))
            if iso:
                best = (1, iso)
        elif dateline and not headline_seen and top_dateline is None:
            iso = _only_date_time(dateline)
            # a line of its own under the site's menu, not the clock at the page's top or in its bar
            own_line = menu_seen and bool(_WEEKDAY_LEAD.fullmatch(text, 0, dates[0].start))
            if iso and (TIME_RE.search(text) or own_line):  # "Thứ Bảy, ngày 16/11/2024" under the menu
                top_dateline = iso
                stamped = content and bool(_TIME_ZONE.search(text))
                placed = own_line
        if not dates and (_MENU.fullmatch(text) or (not headline_seen and _SECTION.fullmatch(text))):
            menu_seen = True
        if opener and not dates and not credited and credit_re.match(text):
            credited = True
        if not headline_seen and not dates and content and len(text.split()) >= 6 and not is_masthead(text):
            headline_seen = True  # (a masthead, "Chinhphu.vn | Cổng Thông tin điện tử Chính phủ", heads no article)
    if best[1] is None and (credited or stamped or placed or _signed_off(doc, kinds, top_dateline)):
        return top_dateline
    return best[1]
