"""Captions: the title lines over a table ("PHỤ LỤC", "Biểu 02: …", "BIỂU TỔNG HỢP SẢN PHẨM OCOP
THEO ĐƠN VỊ", "(Kèm theo Báo cáo số …)") and what they say of its figures: what they count and
whether they are results or a plan. The words are data: `lexicon/tables.yaml` (`captions`).
"""

from __future__ import annotations

from typing import Iterable

import regex

from ..document import Doc
from ..lexicon import load_lexicon
from ..phrases import alternation
from .cell_units import unit_of

_CAPTIONS = load_lexicon("tables")["captions"]
_CAPTION_PLAN = regex.compile(rf"(?<![\p{{L}}]){alternation(_CAPTIONS['plan'], fold_case=True)}(?![\p{{L}}])", regex.I)
_CAPTION_ACTUAL = regex.compile(rf"(?<![\p{{L}}]){alternation(_CAPTIONS['actual'], fold_case=True)}(?![\p{{L}}])", regex.I)
_ANNEX_DOCS = {w: status for status, words in _CAPTIONS["annex_of"].items() for w in words}
# the note under an annex's title naming the document it goes with: "(Kèm theo Báo cáo số 298/BC-UBND …)"
_ANNEX_OF = regex.compile(r"\(?\s*kèm\s+theo\s+(?P<doc>\p{L}+(?:\s+\p{L}+)?)", regex.I)
# a caption's title line: "PHỤ LỤC", "Biểu 02: …", "Bảng 1. …", or a line in capitals
TITLE = regex.compile(r"\s*(?:biểu|bảng|phụ\s+lục)(?![\p{L}])", regex.I)
_CAPTION_LINE = 160  # a longer line over a table is prose, not its caption
_SENTENCE_END = regex.compile(r"[.;]\s*\Z")
_POINTS_AT = regex.compile(r"(?<![\p{L}])(?:(?:biểu|bảng|phụ\s+lục)\s+(?:số\s+)?\d|dưới\s+đây|như\s+sau)", regex.I)
# a caption that names what its figures count: "Biểu 01: Sản phẩm OCOP được công nhận …", "BIỂU TỔNG HỢP
# SẢN PHẨM OCOP THEO ĐƠN VỊ", "KẾT QUẢ CÔNG NHẬN SẢN PHẨM OCOP …" (a few words after the title's), the line
# of a numbered section too ("4. Danh mục sản phẩm phát triển mới theo xã, thị trấn")
_CAPTION_COUNTS = regex.compile(
    r"\s*(?:(?:biểu|bảng|phụ\s+lục)\s*(?:số\s*)?[\dIVX]*\s*[.:]?\s*|(?:[IVX]+|\d+(?:\.\d+)*)[.)]\s+)?"
    rf"(?:{alternation(_CAPTIONS['titles'], fold_case=True)}(?:\s+\p{{L}}+){{0,3}}?\s+)?(?:số\s+|các\s+)?sản\s+phẩm(?![\p{{L}}])",
    regex.I)


# a day the figures stand at: "(đến ngày 15/9/2024)", "tính đến 30/6/2024"
AS_OF_DAY = regex.compile(r"(?<![\p{L}])(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}", regex.I)


def caption_of(doc: Doc, first: int) -> list[str]:
    """The caption over the table whose header is line `first`: the short lines right above it, one
    blank line between allowed, up to four, top first.

    >>> doc = Doc.from_text("t", "Ký tên\\n\\nPHỤ LỤC\\nTỔNG HỢP SẢN PHẨM ĐẠT CHUẨN OCOP\\n\\nSTT | Đơn vị | 3 sao\\n1 | Xã A | 2")
    >>> caption_of(doc, 5)
    ['PHỤ LỤC', 'TỔNG HỢP SẢN PHẨM ĐẠT CHUẨN OCOP']
    """
    out: list[str] = []
    i = first - 1
    if i >= 0 and not doc.lines[i].text.strip():
        i -= 1
    while i >= 0 and len(out) < 4:
        text = doc.lines[i].text.strip()
        if not text or len(text) >= _CAPTION_LINE or (out and _SENTENCE_END.search(text) and not _POINTS_AT.search(text)):
            # a line that ends a sentence of the body above is no title ("… không đăng ký."), unless it points
            # at the table ("Chi tiết theo đơn vị tại Biểu 01."): the lines of its sentence lead into the table
            break
        out.append(text)
        i -= 1
    return out[::-1]


def caption_unit(caption: list[str]) -> tuple[str, str, float] | None:
    """The unit a table's caption gives its figures when its columns say none ("Biểu 01: Sản phẩm OCOP
    được công nhận, nâng hạng 9 tháng năm 2024" → products), or None: the line right above the
    table, or a title line of its caption.

    >>> caption_unit(["Biểu 01: Sản phẩm OCOP được công nhận, nâng hạng"]), caption_unit(["Bảng 2. Kinh phí"])
    (('product', 'sản phẩm', 1), None)
    >>> caption_unit(["BIỂU TỔNG HỢP SẢN PHẨM OCOP THEO ĐƠN VỊ", "(Kèm theo Báo cáo số 298/BC-UBND)"])
    ('product', 'sản phẩm', 1)
    >>> caption_unit(["PHỤ LỤC", "KẾT QUẢ CÔNG NHẬN SẢN PHẨM OCOP", "(Kèm theo Báo cáo số 268/BC-UBND)"])
    ('product', 'sản phẩm', 1)
    >>> caption_unit(["4. Danh mục sản phẩm phát triển mới theo xã, thị trấn (kế hoạch)"])
    ('product', 'sản phẩm', 1)
    """
    lines = [*(line for line in caption[:-1] if _is_title(line)), *caption[-1:]]
    return ("product", "sản phẩm", 1) if any(_CAPTION_COUNTS.match(line) for line in lines) else None


def _is_title(line: str) -> bool:
    """Whether a caption's line is a title: "PHỤ LỤC", "Biểu 02: …", a line in capitals, not a numbered
    section's heading ("IV. KINH PHÍ THỰC HIỆN"), which the headings read."""
    letters = [c for c in line if c.isalpha()]
    return not _NUMBERED.match(line) and (
        bool(TITLE.match(line)) or (len(letters) >= 4 and all(c.isupper() for c in letters)))


_NUMBERED = regex.compile(r"\s*(?:[IVX]+|\d+(?:\.\d+)*)[.)]\s")


def caption_status(caption: list[str]) -> str | None:
    """What a table's caption says its figures are: its title's words ("Chỉ tiêu …" → target;
    "Tổng hợp sản phẩm đạt chuẩn OCOP …" → actual), else the document an annex goes with
    ("Kèm theo Báo cáo …" → actual, "Kèm theo Kế hoạch …" → target), else None.

    >>> caption_status(["PHỤ LỤC", "TỔNG HỢP SẢN PHẨM ĐẠT CHUẨN OCOP NĂM 2024 (ĐỢT 2)", "(Kèm theo Quyết định số 31/QĐ-UBND)"])
    'actual'
    >>> caption_status(["PHỤ LỤC 02", "CHỈ TIÊU SẢN PHẨM ĐẠT CHUẨN OCOP NĂM 2025"]), caption_status(["Biểu 1", "(Kèm theo Kế hoạch số 5/KH-UBND)"])
    ('target', 'target')
    >>> caption_status(["BIỂU TỔNG HỢP THEO ĐƠN VỊ", "(Kèm theo Báo cáo số 298/BC-UBND)"]), caption_status(["Kết quả như sau:"])
    ('actual', None)
    >>> caption_status(["Biểu 01. Một số chỉ tiêu OCOP theo đơn vị (đến ngày 15/9/2024)"])
    'actual'
    >>> caption_status(["BIỂU TỔNG HỢP SẢN PHẨM OCOP HẾT HẠN NĂM 2024", "(Tính đến ngày 15/9/2024)"])
    'actual'
    """
    titles = [line for line in caption if _is_title(line) and not _ANNEX_OF.match(line)]
    for line in titles:
        if any(not (AS_OF_DAY.search(line) and m.group().lower() == "chỉ tiêu") for m in _CAPTION_PLAN.finditer(line)):
            return "target"  # (the "chỉ tiêu" of a table dated as of a day are its indicators, not goals)
    if any(_CAPTION_ACTUAL.search(line) for line in titles) or (titles and any(AS_OF_DAY.search(line) for line in caption)):
        return "actual"  # (a table counted as of a day, "(Tính đến ngày 15/9/2024)", counts what is)
    for line in caption:
        if m := _ANNEX_OF.match(line):
            words = " ".join(m.group("doc").lower().split())
            said = _ANNEX_DOCS.get(words) or _ANNEX_DOCS.get(words.split()[0])
            if said:
                return said
    return None


# the unit a line over a table states for it: "Đơn vị tính: triệu đồng", "ĐVT: sản phẩm"
_UNIT_LINE = regex.compile(rf"\s*\(?\s*{alternation(load_lexicon('tables')['headers']['unit'], fold_case=True)}"
                           r"\s*:\s*(?P<unit>[^()]+?)\s*\)?\s*", regex.I)
# … or, in parentheses, at the end of the sentence that leads into it: "… như sau (đơn vị tính: sản phẩm):"
_UNIT_ASIDE = regex.compile(rf"\(\s*{alternation(load_lexicon('tables')['headers']['unit'], fold_case=True)}"
                            r"\s*:\s*(?P<unit>[^()]+?)\s*\)\s*[:.]?\s*\Z", regex.I)


def stated_unit(caption: Iterable[str]) -> tuple[str, str, float] | None:
    """The unit a caption's line states for the table ("Đơn vị tính: triệu đồng" → VND, scale 1e6), or None.

    >>> stated_unit(["PHỤ LỤC", "Đơn vị tính: triệu đồng"]), stated_unit(["Bảng 2. Kinh phí"])
    (('VND', 'triệu đồng', 1000000.0), None)
    >>> stated_unit(["từng địa phương như sau (đơn vị tính: sản phẩm):"])
    ('product', 'sản phẩm', 1)
    """
    return next((u for line in caption if (m := _UNIT_LINE.fullmatch(line) or _UNIT_ASIDE.search(line))
                 and (u := unit_of(m.group("unit")))), None)


# a star class, the least of a range ("3 sao", "4-5 sao"): of a table cell, or of a caption for its whole
# table ("SẢN PHẨM ĐẠT 3 SAO (35 sản phẩm), theo địa phương:")
STAR_CLASS = regex.compile(r"(?<![\d-])0?([1-5])(?:\s*[-–]\s*0?[1-5])?\s*sao(?![\p{L}])", regex.I)


_CAPTION_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_CAPTION_PERIOD = regex.compile(r"(?<!\d)(?:19|20)\d{2}\s*[-–]\s*(?P<end>(?:19|20)\d{2})(?!\d)")


def caption_year(caption: Iterable[str], now: int | None) -> int | None:
    """The one year a table's title names ("Kết quả thực hiện … 9 tháng đầu năm 2024 theo địa phương"), a
    period's last as far as the text's own year (`now`), for the results no column dates; else None.

    >>> caption_year(["Bảng: Kết quả thực hiện chỉ tiêu OCOP 9 tháng đầu năm 2024 theo địa phương"], 2024)
    2024
    >>> caption_year(["Biểu 01. Kết quả giai đoạn 2021-2025"], 2023), caption_year(["PHỤ LỤC", "(Kèm theo Báo cáo)"], 2024)
    (2023, None)
    """
    titles = [line for line in caption if _is_title(line) and not _ANNEX_OF.match(line)]
    periods = [int(m.group("end")) for line in titles for m in _CAPTION_PERIOD.finditer(line)]
    years = {int(m.group()) for line in titles for m in _CAPTION_YEAR.finditer(line)}
    if len(periods) == 1:
        return min(periods[0], now) if now else periods[0]
    return years.pop() if len(years) == 1 and not periods else None


def caption_stars(caption: Iterable[str]) -> int | None:
    """The one star class a table's caption names (the least of a range), or None.

    >>> caption_stars(["SẢN PHẨM ĐẠT 3 SAO (35 sản phẩm), theo địa phương:"]), caption_stars(["Bảng 2. Sản phẩm 3 sao và 4 sao"])
    (3, None)
    """
    found = {int(m.group(1)) for line in caption for m in STAR_CLASS.finditer(line)}
    return found.pop() if len(found) == 1 else None
