"""Plan figures: a figure said of the plan in its clause, read before any cue.

A share of the plan reached ("đạt 56% kế hoạch năm") is a result; the plan's own figure, in
parentheses ("(kế hoạch 25 sản phẩm)", "(Kế hoạch số 58/KH-UBND … giao 39 sản phẩm)") or right
after the plan's word ("chỉ tiêu 25 sản phẩm", "vượt mục tiêu 10.000 sản phẩm"), is a target;
an excess over the plan ("vượt kế hoạch 2 sản phẩm") and a share reached of it ("đạt kế hoạch 30 sản
phẩm") are not the plan's figure. The plan a result is compared with ("vượt 18 sản phẩm so với mục
tiêu 218 sản phẩm") is, said as an aside (`MEASURED_AGAINST`): it opens no scope for the figures after it.

>>> t = "công nhận 14 sản phẩm, bằng 56% kế hoạch năm (25 sản phẩm); để hoàn thành chỉ tiêu 25 sản phẩm"
>>> [plan_figure(t, 0, t.find(n), t.find(n) + len(n), unit)[0] for n, unit in (("56%", "%"), ("25", "product"))]
['actual', 'target']
>>> plan_figure(t, 0, t.rfind("25"), t.rfind("25") + 2, "product")
('target', "the figure of the 'chỉ tiêu' it follows")
>>> t = "giải ngân 2.146 triệu đồng, đạt 61,3% dự toán năm (3.500 triệu đồng)"
>>> [plan_figure(t, 0, t.find(n), t.find(n) + len(n), unit)[0] for n, unit in (("61,3%", "%"), ("3.500", "VND"))]
['actual', 'target']
>>> measured = [("có 236 sản phẩm, vượt 18 sản phẩm so với mục tiêu 218 sản phẩm", "218"),
...             ("công nhận mới 355 sản phẩm, đạt 126,8% mục tiêu 280 sản phẩm mà tỉnh đề ra", "280"),
...             ("mới đạt 2 sản phẩm so với chỉ tiêu giao là 4 sản phẩm", "4"),
...             ("mới đạt 2 và 1 sản phẩm so với chỉ tiêu giao là 4 và 3 sản phẩm", "3")]
>>> [plan_figure(t, 0, t.find(n), t.find(n) + len(n), "product") == ("target", MEASURED_AGAINST) for t, n in measured]
[True, True, True, True]
>>> t = "Để đạt mục tiêu 28/28 xã đạt chuẩn nông thôn mới"
>>> plan_figure(t, 0, t.find("28"), t.find("28") + 2, "admin_unit")
('target', "the figure of the 'mục tiêu' it follows")
>>> t = "có 34 sản phẩm đạt 3 sao, bằng 113,3% kế hoạch năm (kế hoạch giao 30 sản phẩm)"
>>> plan_figure(t, 0, t.find("30"), t.find("30") + 2, "product") == ("target", MEASURED_AGAINST)
True
>>> t = "có 49 sản phẩm được công nhận. So với kế hoạch cả năm (55 sản phẩm), tỉnh mới đạt 89,1%"
>>> plan_figure(t, 0, t.find("55"), t.find("55") + 2, "product") == ("target", MEASURED_AGAINST)
True
>>> t = "vượt kế hoạch 2 sản phẩm"
>>> plan_figure(t, 0, t.find("2"), t.find("2") + 1, "product") is None
True
"""

from __future__ import annotations

import regex

# Patterns ending in \Z are read backwards from the quantity (REVERSE): one attempt, not one per character.
_REACHED = regex.compile(r"(?<![\p{L}])(?:đạt|bằng|được|vượt|mới\s+đạt)(?:\s+(?:gần|hơn|khoảng|trên))?\s*\Z",
                         regex.I | regex.REVERSE)
# the plan a result is measured by: a plan, a target, a budget's estimate ("đạt 61,3% dự toán năm")
_OF_PLAN = regex.compile(r"\s*(?:so\s+với\s+)?(?:kế\s+hoạch|chỉ\s+tiêu|dự\s+toán)", regex.I)
_PLAN_FIGURE = regex.compile(r"(?<![\p{L}])(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|dự\s+toán)"
                             r"(?:(?:\s+cả)?\s+năm(?:\s+(?:19|20)\d{2})?|\s+(?:của\s+)?(?:cả\s+)?(?:giai\s+đoạn|đề\s+án|kế\s+hoạch)"
                             r"(?:\s+(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2})?|\s+đề\s+ra)?"
                             r"\s*\(\s*(?:là\s+)?\Z",
                             regex.I | regex.REVERSE)
# … or inside a parenthesis that opens on the plan: "(Kế hoạch số 58/KH-UBND ngày 17/02/2023 giao 39 sản phẩm)",
# "(kế hoạch giao 40 sản phẩm)"
_PLAN_ASIDE = regex.compile(r"\(\s*(?:theo\s+)?(?:kế\s+hoạch|chỉ\s+tiêu)(?![\p{L}])[^()]{0,100}\Z", regex.I | regex.REVERSE)
# right after the plan's word: "chỉ tiêu 25 sản phẩm", "mục tiêu năm 2025 là 40 sản phẩm"
_PLAN_OWN_FIGURE = regex.compile(r"(?<![\p{L}])(?P<w>chỉ\s+tiêu|mục\s+tiêu|kế\s+hoạch)(?:\s+năm(?:\s+\d{4})?"
                                 r"|\s+(?:của\s+)?(?:cả\s+)?giai\s+đoạn(?:\s+\d{4}\s*[-–]\s*\d{4})?)?"
                                 r"(?:\s+(?:đề\s+ra|đặt\s+ra|(?:được\s+)?giao))?(?:\s+là)?\s*:?\s*\Z", regex.I | regex.REVERSE)
# (not a goal one sets out to reach: "để đạt mục tiêu 28/28 xã", "nhằm đạt chỉ tiêu 40 sản phẩm")
_MEASURED = regex.compile(r"(?<![\p{L}])(?<!(?:để|nhằm|sẽ|phấn\s+đấu|cần|phải)\s+)(?:bằng|đạt)\s+(?:\S+\s+)?\Z",
                          regex.I | regex.REVERSE)
# … the plan a result is compared with: "vượt 18 sản phẩm so với mục tiêu 218 sản phẩm", "So với chỉ tiêu năm là 25"
_COMPARED = regex.compile(r"(?<![\p{L}])so\s+với\s+\Z", regex.I | regex.REVERSE)
# a share reached of the plan named before a parenthesis: "bằng 113,3% kế hoạch năm (kế hoạch giao 30 sản phẩm)"
_SHARE_OF_PLAN = regex.compile(r"(?<![\p{L}])(?:đạt|bằng|vượt|mới\s+đạt)\s+(?:(?:gần|hơn|khoảng|trên)\s+)?\d[\d.,]*\s*%\s*"
                               r"(?:so\s+với\s+)?(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|dự\s+toán)(?:\s+năm(?:\s+\d{4})?)?\s*\Z",
                               regex.I | regex.REVERSE)
# the evidence of a plan's figure said only as the yardstick of a result: an aside that opens no scope
MEASURED_AGAINST = "the plan's figure a result is compared with"
# a share of the plan reached, said before the plan's word: "đạt 100,8% ", "vượt 9% ", "bằng 80% "
_SHARE_REACHED = regex.compile(r"(?<![\p{L}])(?:đạt|bằng|vượt|mới\s+đạt)\s+(?:(?:gần|hơn|khoảng|trên)\s+)?\d[\d.,]*\s*%\s*\Z",
                               regex.I | regex.REVERSE)
# … and a multiple of it: "gấp hơn 1,7 lần mục tiêu 10.000 sản phẩm"
_EXCEEDED = regex.compile(r"(?<![\p{L}])(?:vượt\s+(?:xa\s+)?|gấp\s+(?:(?:hơn|gần|khoảng|trên)\s+)?(?:\d[\d.,]*|[^\s\d,;.]+)\s+lần\s+)\Z",
                          regex.I | regex.REVERSE)


# the numbers listed before a figure: "chỉ tiêu giao là 4 và 3 sản phẩm" (the 3 is listed after the 4)
_LISTED_BEFORE = regex.compile(r"(?<![\d.,])(?P<first>\d[\d.,]*)(?:(?:\s*,\s*|\s+và\s+)\d[\d.,]*)*(?:\s*,\s*|\s+và\s+)\Z",
                               regex.REVERSE)


def plan_figure(text: str, floor: int, start: int, end: int, unit: str) -> tuple[str, str] | None:
    """(status, evidence) of a figure at text[start:end] said of the plan, or None; `floor`: where its
    sentence starts. A figure listed after the plan's own ("chỉ tiêu giao là 4 và 3 sản phẩm") is one too."""
    listed = _LISTED_BEFORE.search(text, max(floor, start - 40), start)
    if listed is not None:
        said = _plan_figure(text, floor, listed.start("first"), listed.end("first"), unit)
        if said is not None and said[0] == "target":
            return said
    return _plan_figure(text, floor, start, end, unit)


def _plan_figure(text: str, floor: int, start: int, end: int, unit: str) -> tuple[str, str] | None:
    if unit == "%" and _OF_PLAN.match(text, end, end + 32) and _REACHED.search(text, max(floor, start - 24), start):
        return "actual", "a share of the plan reached"
    plan = _PLAN_FIGURE.search(text, max(floor, start - 48), start)
    if plan is not None and (_SHARE_REACHED.search(text, max(floor, plan.start() - 24), plan.start())
                             or _COMPARED.search(text, max(floor, plan.start() - 8), plan.start())):
        return "target", MEASURED_AGAINST  # "đạt 100,8% mục tiêu Kế hoạch (250 sản phẩm)": the yardstick of a result
    aside = _PLAN_ASIDE.search(text, max(floor, start - 120), start) if plan is None else None
    if aside is not None and _SHARE_OF_PLAN.search(text, max(floor, aside.start() - 60), aside.start()):
        return "target", MEASURED_AGAINST  # "bằng 113,3% kế hoạch năm (kế hoạch giao 30 sản phẩm)"
    if plan is not None or aside is not None:
        return "target", "the plan's figure, in parentheses"
    own = _PLAN_OWN_FIGURE.search(text, max(floor, start - 40), start)
    if own is not None and _SHARE_REACHED.search(text, max(floor, own.start() - 24), own.start()):
        return "target", MEASURED_AGAINST  # "đạt 126,8% mục tiêu 280 sản phẩm": the goal a share is of
    if own is None or _MEASURED.search(text, max(floor, own.start() - 16), own.start()):
        return None
    if _COMPARED.search(text, max(floor, own.start() - 8), own.start()):
        return "target", MEASURED_AGAINST
    if _EXCEEDED.search(text, max(floor, own.start() - 24), own.start()):
        # "vượt kế hoạch 2 sản phẩm": by how much; "vượt (xa) mục tiêu 10.000 sản phẩm", "gấp 1,7 lần mục tiêu
        # 10.000 sản phẩm" name the goal a result exceeded, its yardstick
        return ("target", MEASURED_AGAINST) if own["w"].lower().startswith("mục") else None
    return "target", f"the figure of the {own['w']!r} it follows"
