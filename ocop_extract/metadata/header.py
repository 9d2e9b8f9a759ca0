"""Header: the head of an official text and a legal portal's field list.

Reads, before the body starts ("Căn cứ …", "Kính gửi …"): the issuing body's
lines in capitals, the national motto, "Số: …", "V/v …", the place-and-date
line ("Quảng Nam, ngày 08 tháng 4 năm 2022"), the title ("KẾ HOẠCH" and the
lines under it), and portal fields ("Số hiệu", "Ngày ban hành", "Người ký" …).

>>> from ocop_extract.document import Doc
>>> h = read_header(Doc.from_text("x", "ỦY BAN NHÂN DÂN\\nTỈNH HÀ GIANG\\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\n"
...     "Số: 57/KH-UBND\\nHà Giang, ngày 05 tháng 3 năm 2024\\nKẾ HOẠCH\\nThực hiện Chương trình OCOP năm 2024\\n\\nCăn cứ"))
>>> h.issuer_text, h.number.number, h.place, h.date, h.title_type, h.title_text, h.motto
('ỦY BAN NHÂN DÂN TỈNH HÀ GIANG', '57/KH-UBND', 'Hà Giang', '2024-03-05', 'Kế hoạch', 'Thực hiện Chương trình OCOP năm 2024', True)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

import regex

from ..document import Doc
from ..lexicon import load_lexicon
from .dates import find_dates
from .numbers import NumberMatch, find_numbers

_MOTTO = regex.compile(r"cộng hòa xã hội chủ nghĩa|độc lập\s*-\s*tự do|đảng cộng sản việt nam", regex.I)
_SO = regex.compile(r"^\s*số\s*(?:hiệu)?\s*:?\s*(?=\d)", regex.I)
_PLACE_DATE = regex.compile(r"^\s*(?P<place>\p{Lu}[\p{L}\p{M} .'\-]{1,40}?)\s*,\s*ngày\b", regex.I)
_VV = regex.compile(r"^\s*(?:v/v|về việc)\s*:?\s*(?P<text>.+)$", regex.I)
_BODY_START = regex.compile(r"^\s*(?:căn cứ|kính gửi|thực hiện|theo đề nghị|xét đề nghị|điều 1|i\.\s)", regex.I)
_TITLE_STOP = regex.compile(r"^\s*(?:căn cứ|kính gửi|theo đề nghị|xét đề nghị|điều 1|i\.\s)", regex.I)
_RULE = regex.compile(r"^[\s\-_=*.]*$")
HEAD_LINES = 60


@dataclass
class Header:
    """What the head of a document says (offsets are in the normalised text)."""

    issuer_text: Optional[str] = None
    number: Optional[NumberMatch] = None
    place: Optional[str] = None
    date: Optional[str] = None
    title_type: Optional[str] = None
    title_text: Optional[str] = None
    vv: Optional[str] = None
    motto: bool = False
    portal: dict[str, str] = field(default_factory=dict)
    portal_title: Optional[str] = None
    body_line: int = 0  # index of the first body line


@lru_cache(maxsize=1)
def _lex() -> dict:
    lex = load_lexicon("metadata")
    labels = {
        name: regex.compile(rf"^\s*(?:{'|'.join(regex.escape(x) for x in alts)})\s*:?\s+(?P<v>\S.*?)\s*$", regex.I)
        for name, alts in lex["portal_fields"].items()
    }
    titles = sorted(lex["title_words"], key=len, reverse=True)
    title = regex.compile(rf"^\s*(?P<w>{'|'.join(regex.escape(t) for t in titles)})(?:\s+(?P<rest>\S.*))?$")
    nouns = {k.upper(): v for k, v in lex["type_nouns"].items()}
    return {"labels": labels, "title": title, "nouns": nouns}


def _is_caps(text: str) -> bool:
    letters = [c for c in text[:120] if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def read_header(doc: Doc) -> Header:
    """Parse the head of `doc` (first lines up to the body)."""
    h = Header()
    lex = _lex()
    caps: list[str] = []
    lines = doc.lines[:HEAD_LINES]
    title_at: Optional[int] = None
    first_text = True
    for line in lines:
        text = line.text.strip()
        if not text or _RULE.match(text):
            continue
        if first_text:
            first_text = False
            if not _is_caps(text) and any(True for _ in find_numbers(text)) and not _SO.match(text):
                h.portal_title = text
                continue
        matched_field = False
        for name, pat in lex["labels"].items():
            m = pat.match(text)
            if m and name not in h.portal:
                h.portal[name] = m.group("v")
                matched_field = True
                break
        if matched_field:
            continue
        if title_at is not None:
            break
        if _BODY_START.match(text):
            h.body_line = line.index
            break
        motto = _MOTTO.search(text)
        if motto:
            h.motto = True
            before = text[:motto.start()].strip()
            if before and _is_caps(before) and h.number is None:
                caps.append(before)
            continue
        if _SO.match(text) and h.number is None:
            nums = list(find_numbers(line.text))
            if nums:
                n = nums[0]
                h.number = NumberMatch(line.start + n.start, line.start + n.end, n.number, n.parts)
                rest = line.text[n.end:]
                _place_date(h, rest)
                continue
        if h.date is None and _place_date(h, text):
            continue
        vv = _VV.match(text)
        if vv and h.vv is None:
            h.vv = vv.group("text").strip()
            continue
        tm = lex["title"].match(text)
        if tm and h.number is not None or tm and h.motto:
            h.title_type = lex["nouns"].get(tm.group("w"), tm.group("w").capitalize())
            title_at = line.index
            h.title_text = _title_text(doc, line.index, tm.group("rest"))
            continue
        if _is_caps(text) and h.number is None and h.date is None and len(text) < 90:
            caps.append(text)
    if caps:
        h.issuer_text = " ".join(caps)
    return h


def _place_date(h: Header, text: str) -> bool:
    m = _PLACE_DATE.match(text)
    if not m or regex.match(r"(?:thứ|chủ nhật|ngày|cập nhật|đăng)\b", m.group("place"), regex.I):
        return False
    dates = find_dates(text[m.start():])
    if not dates:
        return False
    h.place = m.group("place").strip()
    h.date = dates[0].iso
    return True


def _title_text(doc: Doc, index: int, rest: Optional[str]) -> Optional[str]:
    parts = [rest.strip()] if rest else []
    for line in doc.lines[index + 1:index + 8]:
        text = line.text.strip()
        if not text or _RULE.match(text):
            if parts:
                break
            continue
        if _TITLE_STOP.match(text) or text.endswith(":") or (_is_caps(text) and parts and not _is_caps(parts[-1])):
            break
        if regex.match(r"^(?:ủy ban nhân dân|chủ tịch|hội đồng nhân dân|thủ tướng|bộ trưởng)\b", text, regex.I) and _is_caps(text):
            break
        parts.append(text)
        if len(parts) >= 3:
            break
    return " ".join(parts) or None
