"""Plan cues: the words that set goals, strongly enough to hold over a sentence ("phấn đấu", "đề ra",
"Kế hoạch năm 2024 giao huyện …"), and what keeps a plan's word from setting any (a count before it, a
result it measures, a fixed term).

>>> strong_target_between("phấn đấu có 20 sản phẩm", 0, 23), strong_target_between("vượt kế hoạch đề ra", 0, 19)
(True, False)
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .cue_terms import NOT_CUES
from .cues import cues, phrase_regex


@lru_cache(maxsize=1)
def _strong() -> regex.Pattern:
    """The strong target cues (lexicon `status.strong_target`)."""
    return phrase_regex(cues()["status"]["strong_target"])


# a count before a plan's word makes it the noun counted: "có 21/26 chỉ tiêu chủ yếu đạt và vượt kế hoạch"
_COUNTED_BEFORE = regex.compile(r"(?<![\d/.,])(?:\d{1,3}|\d+[/.,]\d+)\s+\Z")  # (not a year: "năm 2026 phấn đấu")
# … nor do the indicators a result is told of: "nhiều chỉ tiêu vượt kế hoạch: thêm 6 xã …", "các chỉ tiêu đều đạt"
_REACHED_AFTER = regex.compile(r"(?:\s+(?:chủ\s+yếu|quan\s+trọng))?\s+(?:đều\s+|đã\s+)?(?:đạt|vượt|hoàn\s+thành)(?![\p{L}])",
                               regex.I)
_PLAN_NOUN = regex.compile(r"(?:chỉ|mục)\s+tiêu|kế\s+hoạch", regex.I)
# … and the plan a result is measured by sets nothing: "vượt kế hoạch đề ra", "đạt 120% mục tiêu đặt ra"
_MEASURED_PLAN_BEFORE = regex.compile(r"(?<![\p{L}])(?:vượt|đạt|so\s+với|hoàn\s+thành|bằng)\s+(?:\S+\s+){0,2}?"
                                      r"(?:kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu)(?:\s+năm)?(?:\s+\d{4})?\s+\Z",
                                      regex.I | regex.REVERSE)


_GOAL_REACH = 24  # characters before a year that may hold the goal it is the horizon of


def set_by_goal(text: str, floor: int, start: int) -> bool:
    """Whether a year at `start` is the horizon a goal cue just before it sets (past or not: "Kế hoạch …
    đặt mục tiêu đến năm 2025 …"); `floor`: where its sentence starts.

    >>> t = "Kế hoạch số 2411/KH-UBND đặt mục tiêu đến năm 2025"
    >>> set_by_goal(t, 0, t.find("năm 2025")), set_by_goal("Năm 2024, tỉnh có 132 sản phẩm", 0, 0)
    (True, False)
    """
    return strong_target_between(text, max(floor, start - _GOAL_REACH), start)


# a plan named by its year: "Kế hoạch năm 2024 đặt chỉ tiêu …", "chỉ tiêu năm 2023 là …"
_PLAN_OF_YEAR = regex.compile(r"(?<![\p{L}])(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu)\s+\Z", regex.I | regex.REVERSE)


def names_a_plan(text: str, floor: int, start: int) -> bool:
    """Whether a year at `start` names the plan whose figures follow, past or not ("Kế hoạch năm 2024 đặt
    chỉ tiêu xây dựng 4 điểm …"); `floor`: where its sentence starts.

    >>> t = "Kế hoạch năm 2024 đặt chỉ tiêu xây dựng 4 điểm"
    >>> names_a_plan(t, 0, t.find("năm 2024")), names_a_plan("Năm 2024, tỉnh có 132 sản phẩm", 0, 0)
    (True, False)
    """
    return _PLAN_OF_YEAR.search(text, max(floor, start - 16), start) is not None


def strong_target_between(text: str, start: int, end: int) -> bool:
    """Whether a strong target cue stands in text[start:end] (not one inside a fixed term).

    >>> strong_target_between("phấn đấu có 20 sản phẩm", 0, 23), strong_target_between("Chương trình mục tiêu quốc gia", 0, 30)
    (True, False)
    >>> strong_target_between("Kế hoạch đề ra phát triển 8 sản phẩm", 0, 20), strong_target_between("vượt kế hoạch đề ra", 0, 19)
    (True, False)
    >>> strong_target_between("về đích với nhiều chỉ tiêu vượt kế hoạch:", 0, 40)
    False
    >>> t = "Kế hoạch năm 2024 giao huyện phát triển mới 08 sản phẩm"
    >>> strong_target_between(t, 0, len(t)), strong_target_between("Huyện đã bàn giao cho xã 3 công trình", 0, 37)
    (True, False)
    """
    return plan_assigns(text, start, end) or any(
        not NOT_CUES.match(text, m.start(), m.start() + 40)
        and not _COUNTED_BEFORE.search(text, max(0, m.start() - 8), m.start())
        and not _MEASURED_PLAN_BEFORE.search(text, max(0, m.start() - 40), m.start())
        and not (_PLAN_NOUN.fullmatch(m.group()) and _REACHED_AFTER.match(text, m.end()))
        for m in _strong().finditer(text, start, end))


def strives_before(text: str, start: int, end: int) -> bool:
    """Whether a plan's verb of striving or setting stands in text[start:end] ("phấn đấu", "đề ra", "Kế hoạch …
    giao"), not a goal's noun alone, which is often the yardstick of a result ("So với mục tiêu … là 700").

    >>> strives_before("phấn đấu có thêm 02 xã", 0, 22), strives_before("So với mục tiêu là 700 sản phẩm", 0, 30)
    (True, False)
    """
    return plan_assigns(text, start, end) or any(
        not _PLAN_NOUN.fullmatch(m.group()) and not NOT_CUES.match(text, m.start(), m.start() + 40)
        for m in _strong().finditer(text, start, end))


def plan_assigns(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] has a plan assign the goals that follow ("Kế hoạch năm 2024 giao huyện …")."""
    return _PLAN_ASSIGNS.search(text, start, end) is not None


# a plan that assigns, as its sentence's subject: "Kế hoạch năm 2024 giao huyện phát triển mới 08 sản phẩm …",
# "Đề án giao các sở, ngành và địa phương đào tạo …"
_PLAN_ASSIGNS = regex.compile(r"(?<![\p{L}])(?:kế\s+hoạch|đề\s+án|chương\s+trình|nghị\s+quyết)(?:\s+năm\s+\d{4}|\s+số\s+\S+)?(?:\s+của\s+\S+(?:\s+\S+)?)?"
                              r"\s+giao(?=\s+(?:cho\s+)?(?:huyện|xã|tỉnh|thành\s+phố|thị\s+xã|phường|các|mỗi|đơn\s+vị|ngành))", regex.I)


# an enumeration's item: "Thứ nhất, …", "Hai là, …", "Trước hết, …"
_ENUMERATED = regex.compile(r"\s*(?:thứ\s+(?:nhất|hai|ba|tư|năm|sáu)|(?:một|hai|ba|bốn|năm|sáu)\s+là|trước\s+hết|cuối\s+cùng)\s*,",
                            regex.I)


def opens_an_item(text: str, start: int) -> bool:
    """Whether the sentence at `start` opens as an item of an enumeration ("Thứ nhất, lựa chọn khoảng 500
    sản phẩm …"): the solutions or tasks a speaker sets out, one by one.

    >>> opens_an_item("Thứ nhất, lựa chọn khoảng 500 sản phẩm chủ lực", 0), opens_an_item("Thứ Hai, 14/11/2024", 0)
    (True, False)
    """
    return _ENUMERATED.match(text, start) is not None and not _WEEKDAY.match(text, start)


_WEEKDAY = regex.compile(r"\s*thứ\s+\S+\s*,\s*\d", regex.I)  # "Thứ Hai, 14/11/2024": a day of the week

