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

from ..document import Doc, Line
from ..lexicon import load_lexicon
from . import scan
from .dates import find_dates
from .numbers import NumberMatch, find_numbers

_MOTTO = regex.compile(r"cộng hòa xã hội chủ nghĩa|độc lập\s*-\s*tự do|đảng cộng sản việt nam", regex.I)
# the lower-cased words every match of _MOTTO holds
_MOTTO_WORDS = ("cộng hòa xã hội chủ nghĩa", "độc lập", "đảng cộng sản việt nam")
_SO = regex.compile(r"^\s*số\s*(?:hiệu)?\s*:?\s*(?=\d)", regex.I)
# The lookahead (which gives nothing back) checks at once that a comma closes the place: most lines fail it,
# before the lazy place is tried at every length.
_PLACE_DATE = regex.compile(r"^\s*(?=\p{Lu}[\p{L}\p{M} .'\-]{1,40}+\s*,)(?P<place>\p{Lu}[\p{L}\p{M} .'\-]{1,40}?)"
                            r"\s*,\s*ngày\b", regex.I)
_VV = regex.compile(r"^\s*(?:v/v|về việc)\s*:?\s*(?P<text>.+)$", regex.I)
_BODY_START = regex.compile(r"^\s*(?:căn cứ|kính gửi|thực hiện|theo đề nghị|xét đề nghị|điều 1|i\.\s)", regex.I)
_TITLE_STOP = regex.compile(r"^\s*(?:căn cứ|kính gửi|theo đề nghị|xét đề nghị|điều 1|i\.\s)", regex.I)
_RULE = regex.compile(r"^[\s\-_=*.]*$")
_NOT_PLACE = regex.compile(r"(?:thứ|chủ nhật|ngày|cập nhật|đăng)\b", regex.I)
_SIGNING_BODY = regex.compile(r"^(?:ủy ban nhân dân|chủ tịch|hội đồng nhân dân|thủ tướng|bộ trưởng)\b", regex.I)
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
    # one pattern for all labels: a line it does not match holds no portal field
    any_label = regex.compile("|".join(f"(?:{pat.pattern})" for pat in labels.values()), regex.I)
    # the openings of the lines read below: a line opening with none of them (nor a title, nor
    # holding the motto) can only be a line of the issuer's name in capitals
    opening = regex.compile("|".join(f"(?:{p.pattern})" for p in (any_label, _BODY_START, _SO, _PLACE_DATE, _VV)),
                            regex.I)
    return {"labels": labels, "any_label": any_label, "opening": opening, "title": title, "nouns": nouns}


def _head_text(text: str) -> str:
    """A header line's words: not a Word table's outer bars ("| Số: 118/KH-UBND | … |"), nor a Party header's
    mark ("*  Vĩnh Linh, ngày …")."""
    text = text.strip().strip("|").strip()
    return text.lstrip("*").lstrip() if text[:1] == "*" else text


def _is_caps(text: str) -> bool:
    """At least 3 letters among the first 120 characters, 80% of them upper case."""
    letters = "".join(filter(str.isalpha, text[:120]))
    return len(letters) >= 3 and sum(map(str.isupper, letters)) >= 0.8 * len(letters)


def _motto_line(h: Header, line: Line, text: str, caps: list[str]) -> bool:
    """The national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), and the issuer in capitals before it on its line,
    or the number ("Số: 215/QĐ-UBND      CỘNG HÒA …")."""
    motto = _MOTTO.search(text)
    if not motto or not (_heads_column(text[:motto.start()]) or (_SO.match(text) and h.number is None)):
        return False
    h.motto = True
    before = text[:motto.start()].strip()
    if before and h.number is None and not (_SO.match(before) and _number_line(h, line, "")):
        caps.append(before)
    return True


def _number_line(h: Header, line: Line, next_text: str) -> bool:
    """"Số: 57/KH-UBND", and the place and date after it on its line; False when no number is read.
    "Số: 512/BC-UBND      Hà Giang, ngày" beside the number takes its date from `next_text`."""
    nums = list(find_numbers(line.text))
    if not nums:
        return False
    n = nums[0]
    h.number = NumberMatch(line.start + n.start, line.start + n.end, n.number, n.parts)
    _place_date(h, line.text[n.end:].lstrip(" \t|"), next_text)  # "Số: 812/QĐ-UBND | Phú Thọ, ngày …": a Word table's cells
    return True


def read_header(doc: Doc) -> Header:
    """Parse the head of `doc` (first lines up to the body)."""
    h = Header()
    lex = _lex()
    caps: list[str] = []
    lines = doc.lines[:HEAD_LINES]
    title_at: Optional[int] = None
    first_text = True
    vv_at = -2  # the line of the subject ("V/v …") read last: the line under it may go on with it
    motto_lines = scan.lines_holding(doc, _MOTTO_WORDS, lines[-1].end if lines else 0)
    for at, line in enumerate(lines):
        text = _head_text(line.text)
        if not text or _RULE.match(text):
            continue
        if first_text:
            first_text = False
            if not _is_caps(text) and any(True for _ in find_numbers(text)) and not _SO.match(text):
                h.portal_title = text
                continue
        elif title_at is None and not (lex["opening"].match(text) or lex["title"].match(text)
                                       or motto_lines is None or line.index in motto_lines
                                       or _right_column_date(text)):  # "*     Hưng Yên, ngày …"
            if h.vv is not None and at == vv_at + 1 and not _is_caps(text) and len(text) < 120:
                h.vv = f"{h.vv} {text}"  # "V/v đôn đốc hoàn thành chỉ tiêu" / "Chương trình OCOP năm 2024"
                vv_at = at
                continue
            # what the steps below would do with this line, none of their patterns matching it
            if h.number is None and h.date is None and len(text) < 90 and _is_caps(text):
                caps.append(text)
            continue
        if lex["any_label"].match(text) and _portal_field(h, lex["labels"], text):
            continue
        if title_at is not None:
            break
        if _BODY_START.match(text):
            break
        if _motto_line(h, line, text, caps):
            continue
        if _SO.match(text) and h.number is None and _number_line(h, line, _next_text(lines, at)):
            continue
        if h.date is None and _place_date(h, text, _next_text(lines, at)):
            if (vv := _VV.match(text)) and h.vv is None:  # the subject the date ran into keeps its words
                h.vv, vv_at = vv.group("text").replace(_after_subject(text), "").strip(), at
            continue
        vv = _VV.match(text)
        if vv and h.vv is None:
            h.vv, vv_at = vv.group("text").strip(), at
            continue
        tm = lex["title"].match(text)
        if tm and h.number is not None or tm and h.motto:
            h.title_type = lex["nouns"].get(tm.group("w"), tm.group("w").capitalize())
            title_at = line.index
            h.title_text = _title_text(doc, line.index, tm.group("rest"))
            continue
        if h.number is None and h.date is None and len(text) < 90 and _is_caps(text):
            caps.append(text)
    if caps:
        h.issuer_text = " ".join(caps)
    return h


# a newspaper's statement of its owner: "BÁO SƠN LA - CƠ QUAN CỦA ĐẢNG BỘ ĐẢNG CỘNG SẢN VIỆT NAM TỈNH SƠN LA"
_ORGAN_OF = regex.compile(r"(?<![\p{L}])cơ\s+quan\s+(?:trung\s+ương\s+)?(?:của|ngôn\s+luận)(?![\p{L}])", regex.I)


def _heads_column(before: str) -> bool:
    """True when the motto, after `before` on its line, heads a column: the line opens with it, or
    with the issuer's name in capitals. Inside a sentence (a newspaper's footer: "Cơ quan của Đảng
    bộ Đảng Cộng sản Việt Nam thành phố …") it heads no official text.

    >>> _heads_column("ỦY BAN NHÂN DÂN     "), _heads_column("Báo Hànộimới. Cơ quan của Đảng bộ ")
    (True, False)
    >>> _heads_column("ĐẠI BIỂU NHÂN DÂN - CƠ QUAN CỦA QUỐC HỘI NƯỚC ")  # a masthead, in capitals too
    False
    >>> _heads_column("NHÂN DÂN - CƠ QUAN TRUNG ƯƠNG CỦA ")
    False
    """
    before = before.strip()
    return not before or (_is_caps(before) and not _ORGAN_OF.search(before))


def _portal_field(h: Header, labels: dict[str, regex.Pattern], text: str) -> bool:
    """Record the first portal field `text` holds that is not known yet; True when one is."""
    for name, pat in labels.items():
        m = pat.match(text)
        if m and name not in h.portal:
            h.portal[name] = m.group("v")
            return True
    return False


def _next_text(lines: list, at: int) -> str:
    """The next non-empty line after `lines[at]`, stripped ("" when none)."""
    for line in lines[at + 1:at + 3]:
        if line.text.strip():
            return line.text.strip()
    return ""


# the gap between two columns a PDF's layout set side by side
_COLUMN_GAP = regex.compile(r"\s{3,}|\t")


def _right_column(text: str) -> str:
    """The right one of the columns a line holds ("*      Hưng Yên, ngày …": "Hưng Yên, ngày …"), else ""."""
    return _COLUMN_GAP.split(text.strip())[-1] if "   " in text or "\t" in text else ""


# a subject line with the place and date of its right column run into it, the columns' gap lost: "V/v đôn đốc
# … năm 2025 Quảng Ngãi, ngày 16 tháng 5 năm 2025"
_DATE_AFTER_SUBJECT = regex.compile(r"\s(?P<pd>(?:\p{Lu}[\p{L}.'-]*\s){0,3}\p{Lu}[\p{L}.'-]*,\s*ngày\s[^,;]*\d{4})\s*\Z")


def _after_subject(text: str) -> str:
    """The place and date a subject line ("V/v …") ends on, else ""."""
    m = _DATE_AFTER_SUBJECT.search(text) if _VV.match(text) else None
    return m["pd"] if m else ""


def _right_column_date(text: str) -> bool:
    """Whether the right one of a line's columns opens on a place and date."""
    return _PLACE_DATE.match(_right_column(text)) is not None


# the rest of a date cut after its day or month: "tháng 3 năm 2023", "năm 2021"
_DATE_GOES_ON = regex.compile(r"(?:tháng\s+\d{1,2}\s+)?năm\s+\d{4}", regex.I)


def _goes_on(text: str) -> bool:
    """Whether `text` opens on the rest of a date cut after its day or month ("15 tháng 3 năm 2023", "năm 2021")."""
    return text[:1].isdigit() or _DATE_GOES_ON.match(text) is not None


def _place_date(h: Header, text: str, following: str = "") -> bool:
    """Read "Quảng Nam, ngày 08 tháng 4 năm 2022" into `h`; True when it was that line.

    A date broken over two lines, as text copied from a PDF often is ("Nghệ An, ngày" and
    "15 tháng 3 năm 2023", "Thanh Hà, ngày 10 tháng 12" and "năm 2021"), is read across them:

    >>> h = Header(); _place_date(h, "Nghệ An, ngày", "15 tháng 3 năm 2023"), h.place, h.date
    (True, 'Nghệ An', '2023-03-15')
    >>> h = Header(); _place_date(h, "Thanh Hà, ngày 10 tháng 12", "năm 2021"), h.date
    (True, '2021-12-10')

    In a PDF's two columns, the date stands in the right one, and so may its rest:

    >>> h = Header(); _place_date(h, "*           Hưng Yên, ngày 26 tháng 02 năm 2024"), h.date
    (True, '2024-02-26')
    >>> h = Header(); _place_date(h, "Lâm Đồng, ngày 19 tháng 9", "V/v tổ chức đánh giá OCOP        năm 2025"), h.date
    (True, '2025-09-19')

    … or run into the subject line, the columns' gap lost:

    >>> h = Header(); _place_date(h, "V/v đôn đốc chỉ tiêu OCOP năm 2025 Quảng Ngãi, ngày 16 tháng 5 năm 2025"), h.date
    (True, '2025-05-16')
    """
    m = _PLACE_DATE.match(text)
    if not m and (right := _right_column(text) or _after_subject(text)):
        text, m = right, _PLACE_DATE.match(right)  # beside a mark or a body's name: "*      Hưng Yên, ngày …"
    if not m or _NOT_PLACE.match(m.group("place")):
        return False
    dates = find_dates(text[m.start():])
    if not dates:
        # the rest on the next line, or alone in its right column ("V/v tổ chức đánh giá …      năm 2025")
        right = _right_column(following)
        rest = following if _goes_on(following) else right if right[:1].isdigit() or _DATE_GOES_ON.fullmatch(right) else ""
        if rest:
            dates = find_dates(text[m.start():] + " " + rest)
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
        if _SIGNING_BODY.match(text) and _is_caps(text):
            break
        parts.append(text)
        if len(parts) >= 3:
            break
    return " ".join(parts) or None
