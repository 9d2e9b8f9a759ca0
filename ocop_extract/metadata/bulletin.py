"""Bulletins: a news text of several separate items, which reports on no one document.

A radio or TV bulletin numbers its items ("TIN 1.", "--- TIN 2: …") or opens each on the anchor's
lead ("DẪN: …"); a printed one opens each item on its day in parentheses ("(11/9) Ngày 10/9, …").
Two such items make a bulletin, and so does a rundown of its items ("Trong bản tin hôm nay:").

>>> from ocop_extract.document import Doc
>>> is_bulletin(Doc.from_text("x", "TIN 1. Tỉnh có thêm 5 sản phẩm.\\nTIN 2. Giá dừa tăng."))
True
>>> is_bulletin(Doc.from_text("y", "(11/9) Huyện có thêm 4 sản phẩm.\\n\\n(16/9) Phiên chợ thu hút khách."))
True
>>> is_bulletin(Doc.from_text("w", "Trong bản tin hôm nay:\\n- Thêm 3 xã đạt chuẩn\\n- 16 sản phẩm OCOP"))
True
>>> is_bulletin(Doc.from_text("v", "DẪN: Tỉnh có thêm 3 xã nâng cao.\\nBĂNG: …\\nDẪN: Huyện Hàm Yên triển khai kế hoạch."))
True
>>> is_bulletin(Doc.from_text("z", "Tin 1 trong số các tin nổi bật: tỉnh có thêm 5 sản phẩm."))
False
"""

from __future__ import annotations

from itertools import islice

import regex

from ..document import Doc

# an item's marker at a line's start: "TIN 1.", "TIN 2:", "TIN 3 - PTV (nữ):", "--- TIN 4: …" (upper case: a script's label),
# or the day the item was filed, in parentheses, before its first sentence
_ITEM = regex.compile(r"^[ \t]*(?:-{2,}[ \t]*)?(?:TIN[ \t]+\d{1,2}[ \t]*[.:\-–]|\(\d{1,2}/\d{1,2}\)[ \t]+\p{Lu}"
                      # … or an announcer's line of the item's title in capitals: "PTV 2: THÊM 14 SẢN PHẨM ĐẠT CHUẨN OCOP"
                      r"|PTV[^:\n]{0,12}:[ \t]*\p{Lu}[\p{Lu}\d \t,.\-–]{10,}$"
                      # … or the lead the anchor reads before each item's footage: "DẪN: UBND tỉnh vừa …"
                      r"|(?:PTV[ \t]+)?(?:DẪN|Dẫn)[ \t]*:)", regex.M)
# the rundown a bulletin opens on: "Trong bản tin hôm nay:", "Nội dung chương trình hôm nay gồm:"
_RUNDOWN = regex.compile(r"^[ \t]*(?:Trong|Nội\s+dung)\s+(?:bản\s+tin|chương\s+trình)(?:\s+\S+){0,3}?\s+(?:hôm\s+nay|này|kỳ\s+này)"
                         r"(?:\s+(?:có|gồm))?\s*:[ \t]*$", regex.M | regex.I)
_ITEMS = 2


def is_bulletin(doc: Doc) -> bool:
    """Whether the text is a bulletin of at least two separate items."""
    return len(list(islice(_ITEM.finditer(doc.text), _ITEMS))) == _ITEMS or _RUNDOWN.search(doc.text) is not None
