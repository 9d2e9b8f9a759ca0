"""Headline and lead: the title of a news article, below the site's masthead, and its first paragraph.

The headline is the first content line of some length (5 to 40 words) that is
neither a date line nor site furniture: a masthead ("BÁO NÔNG NGHIỆP XỨ NGHỆ
ĐIỆN TỬ", "PHÁT THANH - TRUYỀN HÌNH CỐ ĐÔ ONLINE"), a section label ("Chuyên
mục: Hỏi - Đáp chính sách") or a breadcrumb ("Trang chủ > Tin tức"). A text
without one (a broadcast script, say) has no headline: a body paragraph is
never taken for one.

>>> from ocop_extract.document import Doc
>>> headline(Doc.from_text("x", "NHỊP SỐNG NÔNG THÔN ĐIỆN TỬ\\nKinh tế > Nông nghiệp\\n"
...     "Cà Mau phấn đấu có thêm 20 sản phẩm OCOP trong năm 2024\\nNội dung."))
'Cà Mau phấn đấu có thêm 20 sản phẩm OCOP trong năm 2024'
>>> lead(Doc.from_text("y", "BÁO ĐIỆN TỬ CAO NGUYÊN\\nGia Lai: Sau 6 tháng, đạt 62% chỉ tiêu OCOP\\n"
...     "Ảnh minh họa\\nSáu tháng đầu năm 2024, Gia Lai đã công nhận 34 sản phẩm OCOP, đạt gần 62% kế hoạch năm."))
'Sáu tháng đầu năm 2024, Gia Lai đã công nhận 34 sản phẩm OCOP, đạt gần 62% kế hoạch năm.'
>>> is_masthead("Đưa sản phẩm OCOP lên sàn thương mại điện tử")
False
>>> is_masthead("TRANG THÔNG TIN ĐIỆN TỬ HUYỆN QUẢNG HÒA")
True
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..document import Doc
from ..layout import line_kinds
from ..paragraphs import paragraph_starts
from ..lexicon import load_lexicon
from .dates import parse_date

_MAX_WORDS = 40  # a longer line is a paragraph of the body
_LEAD_MIN_WORDS = 12  # a shorter line below the headline is a caption, a credit or an intertitle
_BREADCRUMB = regex.compile(r"\s[>»]\s|\s\|\s")


@lru_cache(maxsize=1)
def _words() -> tuple[regex.Pattern, regex.Pattern]:
    lex = load_lexicon("metadata")

    def alt(words):
        return regex.compile(r"(?<![\p{L}\p{M}])(?:" + "|".join(regex.escape(w) for w in words) + r")(?![\p{L}\p{M}])",
                             regex.I)

    return alt(lex["masthead_words"]), alt(lex["masthead_caps_words"])


def _capitals(text: str) -> bool:
    lower = sum(c.islower() for c in text)
    return lower <= 0.2 * (lower + sum(c.isupper() for c in text)) and lower < len(text)


def is_masthead(text: str) -> bool:
    """True when `text` is site furniture: a masthead, a section label or a breadcrumb."""
    anywhere, in_caps = _words()
    if _BREADCRUMB.search(text) or anywhere.search(text):
        return True
    return bool(in_caps.search(text)) and _capitals(text)


def headline(doc: Doc) -> str:
    """The article's headline, or "" when no line looks like one (cached)."""
    return _head(doc)[0]


def lead(doc: Doc) -> str:
    """The first paragraph below the headline, or "" (cached)."""
    return _head(doc)[1]


def _paragraph_from(doc: Doc, index: int) -> str:
    """The paragraph that starts at line `index`, with the lines the page wrapped it onto joined
    (`paragraphs.paragraph_starts`): "… Đề án Chương trình Mỗi xã một" / "sản phẩm giai đoạn 2019 - 2020, …"."""
    starts, lines = paragraph_starts(doc), doc.lines
    end = index + 1
    while end < len(lines) and starts[end] == starts[index]:
        end += 1
    return " ".join(line.text.strip() for line in lines[index:end])


def _head(doc: Doc) -> tuple[str, str]:
    if doc.memo.headline is None:
        kinds = line_kinds(doc)
        found, first_para = "", ""
        for line in doc.lines:
            text = line.text.strip()
            if kinds[line.index] != "content":
                continue
            words = len(text.split())
            if found:
                if words >= _LEAD_MIN_WORDS and not is_masthead(text):
                    first_para = _paragraph_from(doc, line.index)
                    break
                continue
            if not 5 <= words <= _MAX_WORDS or parse_date(text):
                continue
            if not is_masthead(text):
                found = text
        doc.memo.headline = (found, first_para)
    return doc.memo.headline
