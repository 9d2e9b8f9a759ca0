"""Paragraph links: a paragraph that opens on the figures of the one before ("Trong tổng số sản phẩm
nêu trên, …", "Cùng với đó, …") goes on with its scopes, of time and of status.
"""

from __future__ import annotations

import re

# a paragraph that opens on the figures of the one before carries its time scope on:
# "Trong tổng số sản phẩm nêu trên, …", "Với kết quả trên, …", "Trong số này, …"
_BACK_REFERENCE = re.compile(r"(?:nêu|kể)\s+trên|kết\s+quả\s+(?:trên|này|đó)|trong\s+(?:tổng\s+)?số\s+(?:này|đó|trên)"
                             r"|trong\s+tổng\s+số")
_BACK_REFERENCE_REACH = 100  # characters from a paragraph's start where such a phrase is looked for
# … and one that opens on a word joining it to the one before: "Cùng với đó, 100% xã có …", "Bên cạnh đó, …"
_JOINED_OPENING = re.compile(r"\s*(?:[-–+•*]\s*)?(?:cùng\s+với\s+đó|bên\s+cạnh\s+đó|ngoài\s+ra|đồng\s+thời"
                             r"|song\s+song\s+với\s+đó|kèm\s+theo\s+đó"
                             # … or on the details of its figures: "Cụ thể theo từng địa phương: …", "Trong đó, …",
                             # "Đáng chú ý, …"
                             r"|cụ\s+thể|trong\s+đó|đáng\s+chú\s+ý"
                             # … or on its subject and "cũng" (also): "Chúng tôi cũng hỗ trợ 46 chủ thể …"
                             r"|(?:chúng\s+tôi|tỉnh|huyện|xã|sở|ngành|các\s+\w+|địa\s+phương|bộ|thành\s+phố|thị\s+xã|phường"
                             r"|hội\s+đồng|hội|ubnd(?:\s+\w+)?|ủy\s+ban(?:\s+\w+)?)\s+cũng)(?!\w)")


def opens_on_previous(low: str, start: int, end: int) -> bool:
    """Whether the paragraph at low[start:end] (lower-cased text) opens on the figures of the one before.

    >>> opens_on_previous("trong tổng số sản phẩm nêu trên có 79 sản phẩm 5 sao.", 0, 50)
    True
    >>> opens_on_previous("cùng với đó, 100% xã có sản phẩm.", 0, 33), opens_on_previous("tỉnh có 9 xã, đồng thời …", 0, 25)
    (True, False)
    >>> opens_on_previous("chúng tôi cũng hỗ trợ 46 chủ thể.", 0, 33), opens_on_previous("cụ thể theo từng địa phương: a 9", 0, 32)
    (True, True)
    """
    return bool(_BACK_REFERENCE.search(low, start, min(end, start + _BACK_REFERENCE_REACH))
                or _JOINED_OPENING.match(low, start, end))
