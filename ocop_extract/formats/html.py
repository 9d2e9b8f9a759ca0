"""Saved web pages (.html), read with trafilatura: the article's text without the page's furniture.

Menus, clocks, share bars, "Tin liên quan" lists and footers are left out by
trafilatura's main-content rules; tables come back as rows "a | b | c". The
page's own `<h1>` (or `<title>`) is its headline, and the date of its
metadata (`article:published_time`, JSON-LD, `<time>`; found with htmldate,
markup only, never guessed from the text) becomes a candidate for
`published_date`. The charset is the one the page declares (`<meta
charset>`, http-equiv), Windows-1258 included.

>>> page = ('<html><head><meta charset="utf-8"><title>Tin - Báo tỉnh</title></head><body>'
...         '<nav><a href="/">Trang chủ</a></nav><article><h1>Phấn đấu 30 sản phẩm OCOP</h1>'
...         '<p>Năm 2024, huyện phấn đấu có thêm ít nhất 30 sản phẩm OCOP được công nhận đạt từ 3 sao trở lên.</p>'
...         '</article></body></html>')
>>> doc = read(page.encode(), "tin.html", None)
>>> doc.title, doc.text.splitlines()[0]
('Phấn đấu 30 sản phẩm OCOP', 'Phấn đấu 30 sản phẩm OCOP')
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import TYPE_CHECKING

from ..errors import EmptyInput

if TYPE_CHECKING:
    from . import Extracted, Limits

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_ROW = re.compile(r"^\|\s*(.*?)\s*\|\s*$")
MIN_WORDS = 10  # fewer words than this in the main text: a page of links, not an article


def page_charset(data: bytes) -> str:
    """The charset a page declares (BOM, then `<meta>`), or utf-8.

    >>> page_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">')
    'cp1258'
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    m = _CHARSET.search(data[:8192])
    if m:
        try:
            return codecs.lookup(m.group(1).decode("ascii")).name
        except LookupError:
            pass
    return "utf-8"


def decode_page(data: bytes) -> tuple[str, str]:
    """The page as text, and the charset used (a page that lies about UTF-8 is read as Windows-1252)."""
    charset = page_charset(data)
    try:
        text = data.decode(charset)
    except UnicodeDecodeError:
        charset = "cp1252" if charset.startswith("utf-8") else charset
        text = data.decode(charset, errors="replace")
    return unicodedata.normalize("NFC", text), charset


def read(data: bytes, path: str, limits: "Limits | None") -> "Extracted":
    """The article text of a page; raises `EmptyInput` when the page holds no article."""
    import trafilatura

    from . import Extracted

    page, charset = decode_page(data)
    tree = trafilatura.load_html(page)
    if tree is None:
        raise EmptyInput("the HTML page cannot be parsed")
    title, date = headline(tree), page_date(tree)
    body = trafilatura.extract(page, output_format="txt", include_tables=True, include_comments=False,
                               include_images=False, deduplicate=False, favor_precision=True)
    if not body or len(body.split()) < MIN_WORDS:
        raise EmptyInput("the HTML page holds no article text (menus and links only)")
    lines = [_row(line) for line in body.splitlines()]
    if title and title not in lines[:3]:
        lines = [title, ""] + lines
    return Extracted("\n".join(lines), "html", charset, title=title, date=date)


def _row(line: str) -> str:
    """trafilatura's table row "| a | b | " as the text files write it, "a | b"."""
    m = _ROW.match(line.rstrip())
    return " | ".join(cell.strip() for cell in m.group(1).split("|")) if m and "|" in m.group(1) else line


def headline(tree) -> str | None:
    """The page's `<h1>`, else its `<title>` less a " - Site name" tail."""
    for xpath, tail in (("//h1", False), ("//title", True)):
        for node in tree.xpath(xpath):
            text = " ".join("".join(node.itertext()).split())
            if tail:
                text = re.split(r"\s+[-|–]\s+", text)[0]
            if text:
                return text
    return None


def page_date(tree) -> str | None:
    """The publication date the page's markup states, ISO, or None."""
    from htmldate import find_date

    try:
        return find_date(tree, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except (ValueError, TypeError):
        return None
