"""Genre: the official text itself, or a news article reporting on one.

Official when the text carries the national motto, a legal portal's field list
("Số hiệu", "Ngày ban hành", "Người ký" …), or a "Số: …" line together with
the place-and-date line of its header, a legal basis ("Căn cứ …"), a signature block or a recipients list.

>>> from ocop_extract.document import Doc
>>> from .header import read_header
>>> d = Doc.from_text("x", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\nSố: 1/KH-UBND\\nKẾ HOẠCH\\n")
>>> genre(d, read_header(d))
'official'
>>> d = Doc.from_text("y", "UBND tỉnh vừa ban hành Kế hoạch số 12/KH-UBND.\\nHoài Thương - 10:20, 21/03/2023")
>>> genre(d, read_header(d))
'news'
"""

from __future__ import annotations

import regex

from ..document import Doc
from .header import Header

_BASIS = regex.compile(r"^\s*(?:căn cứ|nơi nhận|kính gửi|tm\.|kt\.)", regex.I | regex.M)


def genre(doc: Doc, header: Header) -> str:
    """"official" or "news"."""
    if header.motto or len(header.portal) >= 2:
        return "official"
    if header.number is not None and (header.date is not None or _BASIS.search(doc.text)):
        # the header's "Số …" and its place and date ("Hưng Yên, ngày 26 tháng 02 năm 2024"): a mass
        # organisation's text has no motto
        return "official"
    return "news"
