"""The cues after a figure that speak of it (`cues_after`), read where no cue stands before it.

>>> sorted(comparator_cues())[:2]
['không dưới', 'không quá']
"""

from __future__ import annotations

from functools import lru_cache

from ..sentences import in_parentheses
from .candidates import Prose
from .cues import breakdown_regex, cues
from .plan_cues import strong_target_between

Cue = tuple[int, int, str]  # start, end, what it says (`status.status_cues`)


@lru_cache(maxsize=1)
def comparator_cues() -> frozenset[str]:
    """Comparator words that are also target cues: after a quantity they belong to the number after it."""
    return frozenset(cues()["two_roles"]["comparator_and_target"])


def cues_after(p: Prose, at: int) -> list[Cue]:
    """The cues after the figure that speak of it, up to the next figure or the end of its clause.

    Not: comparator words ("ít nhất", the number after them's); the cues of its breakdown ("là 215,6
    tỷ đồng, trong đó: ngân sách tỉnh hỗ trợ 24,8 tỷ đồng"); those of an aside in parentheses ("100%
    sản phẩm hết hạn (6 sản phẩm được công nhận năm 2019)"); a report's word qualifying its noun under a
    plan's heading ("Đánh giá lại 100% sản phẩm được công nhận năm 2018"), or a plan's word that is not
    a strong cue under a heading of results ("chọn 13 sản phẩm đủ điều kiện đề nghị cấp tỉnh đánh giá");
    a plan's cue a later figure follows, which opens that figure's clause ("có 160 sản phẩm, năm 2025
    đặt mục tiêu tối thiểu 190 sản phẩm").
    """
    s, q, text = p.sentence, p.q, p.sentence.text
    reach = min(p.clause[1], p.next_start)
    parts = breakdown_regex().search(text, q.end, reach)
    reach = parts.start() if parts else reach
    inside = in_parentheses(text, s.start, q.start)
    later = p.next_start < s.end

    def speaks_of_it(c: Cue) -> bool:
        strong = strong_target_between(text, c[0], c[1])
        return (" ".join(text[c[0]:c[1]].lower().split()) not in comparator_cues()
                and (inside or not in_parentheses(text, s.start, c[0]))
                and not (s.heading_status == "target" and c[2] in ("actual", "actual_after"))
                and not (s.heading_status == "actual" and c[2] == "target" and not strong)
                and not (later and strong))

    return [c for c in s.cues[at:at + 32] if q.end <= c[0] < reach and speaks_of_it(c)]
