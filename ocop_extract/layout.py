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

from functools import lru_cache

import regex

from .document import Doc
from .lexicon import load_lexicon


@lru_cache(maxsize=1)
def _patterns() -> dict[str, regex.Pattern]:
    lex = load_lexicon("layout")
    return {
        key: regex.compile("(?:" + "|".join(f"(?:{p})" for p in lex[key]) + r")\Z", regex.I)
        for key in ("related_headings", "furniture", "recipients_headings")
    }


def _classify(doc: Doc) -> list[str]:
    pats = _patterns()
    kinds: list[str] = []
    mode = "content"
    signer_seen = False
    for line in doc.lines:
        text = line.text.strip(" -–•*:\t")
        stripped = line.text.strip()
        if mode == "content":
            if text and pats["related_headings"].match(text) and len(text) < 80:
                mode = "related"
            elif text and pats["recipients_headings"].match(text) and len(text) < 40:
                mode = "recipients"
        if mode == "recipients" and _is_signature_start(stripped):
            mode, signer_seen = "signature", False
        elif mode == "signature" and stripped:
            if signer_seen:
                mode = "content"
            elif _NAME.fullmatch(stripped):
                signer_seen = True
        if mode != "content":
            kinds.append(mode)
        elif stripped and pats["furniture"].match(stripped):
            kinds.append("furniture")
        else:
            kinds.append("content")
    return kinds


_NAME = regex.compile(r"(\p{Lu}\p{Ll}*\s+){1,4}\p{Lu}\p{Ll}*")


def _is_signature_start(text: str) -> bool:
    return bool(regex.match(r"(TM\.|KT\.|Q\.|TL\.|TUQ\.)?\s*(ỦY BAN|CHỦ TỊCH|PHÓ CHỦ TỊCH|HỘI ĐỒNG|BỘ TRƯỞNG|THỦ TƯỚNG)", text))


def line_kinds(doc: Doc) -> list[str]:
    """Kind of every line: content, furniture, related, recipients or signature."""
    if "line_kinds" not in doc.cache:
        doc.cache["line_kinds"] = _classify(doc)
    return doc.cache["line_kinds"]


def line_kind(doc: Doc, index: int) -> str:
    return line_kinds(doc)[index]


def is_content(doc: Doc, offset: int) -> bool:
    """True when the normalised-text offset lies on a content line."""
    return line_kinds(doc)[doc.line_at(offset).index] == "content"
