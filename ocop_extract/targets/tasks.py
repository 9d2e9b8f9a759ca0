"""Tasks: clauses that open on a verb of a plan's list ("Bồi dưỡng 90% cán bộ …", "Cùng với đó, duy
trì 100% sản phẩm …"), said without a subject and without a word of a report before the figure.

The verbs are the lexicon's `status.list_verbs`.
"""

from __future__ import annotations

import regex

from ..phrases import alternation
from .cues import cues

# an item of a plan's list said without a subject: a bullet or nothing, then a verb of the lexicon's
# `list_verbs` in capitals, then no word of a report before the figure
_VERBS = cues()["status"]["list_verbs"]
_LIST_OPENING = regex.compile(r"\s*(?:[-–+•*]\s*|[a-zđ]\)\s*|\d{1,2}[.)]\s*)?"
                              + alternation(v[0].upper() + v[1:] for v in _VERBS) + r"(?![\p{L}])")
# … or after a rate said first: "Mỗi năm công nhận mới …", "Hằng năm, tổ chức …" (lexicon `rate.before`)
_HABIT_OPENING = regex.compile(r"\s*(?:" + alternation(cues()["rate"]["before"], fold_case=True) + r")\s*,?\s*"
                               + alternation([*_VERBS, "công nhận"], fold_case=True) + r"(?![\p{L}])", regex.I)
_REPORT_WORD = regex.compile(r"(?<![\p{L}])(?:đã|vừa|được)(?![\p{L}])", regex.I)


def opens_on_a_task(text: str, start: int, figure: int, habit: bool = False) -> bool:
    """Whether the sentence at text[start:] opens on a verb of a plan's list, with no word of a report
    before the figure at `figure` ("Duy trì hoạt động 25 điểm bán …", not "Tổ chức đã đón 300 khách");
    with `habit`, also after a rate said first ("Mỗi năm công nhận mới …").

    >>> opens_on_a_task("Bồi dưỡng 90% cán bộ phụ trách OCOP.", 0, 10), opens_on_a_task("Tỉnh đã bồi dưỡng 90% cán bộ.", 0, 18)
    (True, False)
    >>> t = "Mỗi năm công nhận mới không dưới 50 sản phẩm."
    >>> opens_on_a_task(t, 0, 33), opens_on_a_task(t, 0, 33, habit=True)
    (False, True)
    """
    m = _LIST_OPENING.match(text, start, figure) or (_HABIT_OPENING.match(text, start, figure) if habit else None)
    return m is not None and not _REPORT_WORD.search(text, m.end(), figure)


# a clause that opens on a verb of a plan's list, after a connective at most ("Cùng với đó, duy trì 100% …")
_TASK_CLAUSE = regex.compile(r"\s*(?:[^\W\d][^,;:.()\d]{0,24},\s*)?" + alternation(_VERBS, fold_case=True)
                             + r"(?![\p{L}])", regex.I)


# what opens a list's item before its verb: a dash, a bullet, "a)", "2."
ITEM_MARK = regex.compile(r"\s*(?:[-–+•*]|[a-zđ]\)|\d{1,2}[.)])?\s*")


# between an aspect word and the verb it marks: nothing, or the passive "được" ("vừa được hỗ trợ")
PASSIVE_GAP = regex.compile(r"\s*(?:được\s+)?")


def task_clause(text: str, start: int, figure: int) -> bool:
    """Whether the clause at text[start:] opens on a verb of a plan's list, a connective at most before
    it, with no word of a report before the figure at `figure`.

    >>> task_clause("Cùng với đó, duy trì 100% sản phẩm còn hiệu lực", 0, 21), task_clause("Tỉnh đã duy trì 100%", 0, 16)
    (True, False)
    """
    m = _TASK_CLAUSE.match(text, start, figure)
    return m is not None and not _REPORT_WORD.search(text, m.end(), figure)
