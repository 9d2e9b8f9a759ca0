"""Status: a target the text commits to, or an actual already reached.

The nearest cue before the quantity in its sentence decides ("phấn đấu",
"kế hoạch", "sẽ" → target; "đến nay", "đã", "hiện có", "lũy kế" → actual);
a year before the plan's first year ("Riêng năm 2022, tỉnh công nhận …") marks
what follows as actual. Without a cue, a quantity takes the status of the one
before it in the sentence, then the first cue after it in its clause, then the
default: target.

>>> status_cues("Đến nay, toàn tỉnh có 146 sản phẩm")[0][2]
'actual'
>>> status_cues("Năm 2023, tỉnh phấn đấu có thêm 50 sản phẩm")[-1][2]
'target'
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from ..phrases import alternation, branches
from .cue_terms import NOT_CUES, in_term, term_heads
from .cues import cues, phrase_regex
from .deadlines import DEADLINE
from .plan_cues import strong_target_between

# Actual cues that need more than a phrase list.
# "được công nhận mới": a plan for new recognitions, not a report of them
_NEW_AFTER = regex.compile(r"\s+(?:mới|thêm)(?![\p{L}])", regex.I)

# "đã tổ chức", "vừa hỗ trợ": a verb of planning told in the past is a report
_DONE_BEFORE = re.compile(r"(?<!\w)(?:đã|vừa|đã được)\s+\Z")

@lru_cache(maxsize=1)
def _term_heads() -> regex.Pattern | None:
    return term_heads(_regexes()[:2])


def _in_term(text: str, at: int) -> bool:
    """Whether the cue word at `at` stands inside a fixed term (`cue_terms`)."""
    return in_term(text, at, _term_heads())


# A floor that ranks: "huyện Tuy Đức ít nhất với 2 sản phẩm" (the fewest), no plan's cue
_RANKS = re.compile(r"(?:ít|nhiều)\s+nhất\s+với\s")
# A requirement met or followed is a quality, not a plan: "đạt yêu cầu", "đáp ứng yêu cầu", "theo yêu cầu"
_MET_BEFORE = re.compile(r"(?<!\w)(?:đạt|đáp ứng|theo)\s+\Z")
# A one-word cue that begins a name is no cue: "Cần Thơ" (not "cần"), "Thêm Sơn" (lexicon `status.in_name`)
_NAME_WORD = regex.compile(cues()["status"]["in_name"])
# An actual cue negated into a ceiling: "không vượt (quá) 7%", "không để vượt quá" (a comparator).
_PURPOSE = re.compile(r"(?<!\w)(?:để|nhằm)\s+\Z")  # "Để đạt được mục tiêu, …": what is to be reached
_NEGATED = re.compile(r"(?<!\w)(?:không|chưa)\s+(?:để\s+|được\s+)?\Z")

# Actual cues that need more than a phrase list (standard `re` syntax, on lower-cased text).
# Each starts with a literal, look-behinds after it, so `re` searches by first letter.
_ACTUAL_PATTERNS = [
    r"quyết\s+định\s+(?:số\s+)?\S*\s+(?:về\s+việc\s+)?công\s+nhận",
    r"sau\s+(?:gần\s+|hơn\s+|khoảng\s+)?\S+\s+(?:năm|tháng)(?:\s+(?:triển\s+khai|thực\s+hiện)|\s*,)",
    # "Trong 5 năm, tỉnh tổ chức 142 lượt hội chợ": the years a review looks back on (not "trong 5 năm tới")
    r"trong\s+(?:gần\s+|hơn\s+|khoảng\s+)?\S+\s+năm\s*,",
    r"tháng\s+đầu\s+năm",
    # "công nhận được 14 sản phẩm": a count follows; "hết hạn công nhận được đánh giá lại" is a passive
    r"công\s+nhận\s+được(?=\s+(?:thêm\s+|tổng\s+cộng\s+)?(?:\d|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười))",
    # "mới đạt 17/21 địa phương", "mới chiếm khoảng 17%", "mới có 23 sản phẩm": only reached so far; not
    # the "mới" of "nông thôn mới đạt 65%" nor of "sản phẩm mới chiếm 20%"
    r"m(?<!thôn m)(?<!phẩm m)ới\s+(?:chỉ\s+)?(?:đạt|chiếm|có)(?!\w)",
    # "mới phân bổ được 276 tỷ đồng", "mới hoàn thành được": only done so far
    r"m(?<!thôn m)(?<!phẩm m)ới\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s+được(?!\w)",
    # "10 tháng năm 2024", "Trong 9 tháng năm 2023": the months of a year gone by (a count before "tháng")
    # (the look-behinds stand after the "t" they end on)
    r"t(?:(?<=\d t)|(?<=ba t)|(?<=sáu t)|(?<=chín t))háng\s+năm(?=\s+\d{4})",
    # "Điều 1. Công nhận 29 sản phẩm …", "Điều 1. Phê duyệt kết quả đánh giá, phân hạng …": a decision's
    # operative article recognises, or approves results, by itself
    r"c(?:(?<=điều \d\. c)|(?<=điều \d\d\. c))ông\s+nhận(?!\w)",
    r"p(?:(?<=điều \d\. p)|(?<=điều \d\d\. p))hê\s+duyệt\s+kết\s+quả(?!\w)",
]
# Target cues that need more than a phrase list: "phát triển" plans only when a number follows it
# ("Phát triển 15 điểm du lịch"), not as the noun of "phát triển nông thôn".
_TARGET_PATTERNS = [
    r"p(?<!\wp)hát\s+triển(?=\s+(?:thêm\s+)?\d)",
]


def _months_opening() -> str:
    """A headline or line opening on the months it reports: "Nghệ An: 9 tháng có thêm 61 sản phẩm"
    (lexicon `months`: the months in words, and what says they are still to come)."""
    lex = cues()["months"]
    counts, ahead = alternation(lex["counts"]), alternation(lex["ahead"])
    return rf"(?:^|(?<=:\s))(?:\d{{1,2}}|{counts})\s+tháng(?!\s+{ahead})(?!\w)"


def _phrases(phrases) -> list[str]:
    return branches(phrases, not_after=r"\w", not_before=r"\w")


def _present(spec: dict) -> str:
    r"""The pattern of "hiện" alone (lexicon `status.present`), for `re` on lower-cased text.

    It starts with the word's first letter, so `re` searches by it; the words it must not
    end or start are look-arounds after that letter.

    >>> _present({"word": "hiện", "not_after": ["thực"], "not_before": ["đại"]})
    'h(?<!\\wh)(?<!thực h)iện(?!\\s+(?:đại))(?!\\w)'
    """
    word = spec["word"]
    first, rest = re.escape(word[0]), re.escape(word[1:])
    behind = "".join(f"(?<!{re.escape(w)} {first})" for w in spec["not_after"])
    ahead = "|".join(re.escape(w) for w in spec["not_before"])
    return rf"{first}(?<!\w{first}){behind}{rest}(?!\s+(?:{ahead}))(?!\w)"


@lru_cache(maxsize=1)
def _compared_plan() -> tuple[frozenset[str], "re.Pattern[str]"]:
    """The plan's words, and what before them makes the plan a measure of a result (lexicon
    `status.plan_words`, `status.compared_before`): "so với kế hoạch", "đạt 120% kế hoạch"."""
    lex = cues()["status"]
    # (a PDF's line may break inside the words: "vượt 22 sản phẩm so\nvới mục tiêu")
    before = "|".join(r"\s+".join(map(re.escape, w.split())) + (r"\s*" if not w[-1].isalpha() else r"\s+")
                      for w in lex["compared_before"])
    return frozenset(lex["plan_words"]), re.compile(rf"(?:(?<!\w){before})(?:[^\s.;:,!?()]+\s+){{0,2}}\Z")


def _compared(lower: str, cue_start: int, cue_end: int) -> bool:
    """Whether the target cue at lower[cue_start:cue_end] is the plan a result is measured against.

    >>> low = "vượt 4% so với kế hoạch; trong đó"
    >>> _compared(low, low.find("kế"), low.find("kế") + 8), _compared("theo kế hoạch", 5, 13)
    (True, False)
    >>> low = "điểm bán chưa đạt một nửa kế hoạch, với 6 điểm"
    >>> _compared(low, low.find("kế"), low.find("kế") + 8)
    True
    """
    words, before = _compared_plan()
    if " ".join(lower[cue_start:cue_end].split()) not in words:
        return False
    return bool(before.search(lower, max(0, cue_start - 24), cue_start))


@lru_cache(maxsize=1)
def _regexes() -> tuple["re.Pattern[str]", "re.Pattern[str]", regex.Pattern, "re.Pattern[str]"]:
    """Cue patterns for lower-cased text: the standard `re` reads these literals several times faster."""
    lex = cues()["status"]
    actual = re.compile("|".join(_phrases(lex["actual"]) + [_present(lex["present"])] + _ACTUAL_PATTERNS
                                 + [_months_opening()]), re.M)
    target = re.compile("|".join(_phrases(lex["target"]) + _TARGET_PATTERNS))
    after_only = re.compile("|".join(_phrases(lex["actual_after"])))
    return actual, target, phrase_regex(lex["strong_target"]), after_only


def status_cues(text: str, start: int = 0, end: int | None = None, lower: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, status) of every status cue in text[start:end], in text order.

    Cues that count only after a quantity have the status "actual_after".
    `lower` is `text.lower()` when the caller has it.
    """
    end = len(text) if end is None else end
    if lower is None or len(lower) != len(text):
        lower = text.lower()
        if len(lower) != len(text):  # a character whose lower case is longer: no cue is read there
            return []
    actual, target, _, after_only = _regexes()
    found = [(m.start(), m.end(), "actual") for m in actual.finditer(lower, start, end)
             if not _NEGATED.search(lower, max(0, m.start() - 16), m.start())
             and not _PURPOSE.search(lower, max(0, m.start() - 8), m.start())
             and not _in_term(text, m.start())]
    found += [(m.start(), m.end(), "actual" if _DONE_BEFORE.search(lower, max(0, m.start() - 12), m.start()) else "target")
              for m in target.finditer(lower, start, end) if not _in_term(text, m.start())
              and not _RANKS.match(lower, m.start(), m.end() + 8)
              and not _NAME_WORD.match(text, m.start(), m.end() + 8) and not _compared(lower, m.start(), m.end())
              and not (lower.startswith("yêu cầu", m.start()) and _MET_BEFORE.search(lower, max(0, m.start() - 12), m.start()))
              and not (lower.startswith("phải", m.start()) and _FORCED.match(lower, m.end()))]
    # cues that count only after a quantity are kept apart: they must not hide the others
    after = [(m.start(), m.end(), "actual_after") for m in after_only.finditer(lower, start, end)
             if not _NEW_AFTER.match(text, m.end(), m.end() + 12)]
    return sorted(_longest(found) + _longest(after))


def _longest(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Where two cues overlap ("công nhận được" inside "mới công nhận được"), the longer."""
    found.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    kept: list[tuple[int, int, str]] = []
    for cue in found:
        if kept and cue[0] < kept[-1][1]:
            continue
        kept.append(cue)
    return kept


# what "phải" is forced into (lexicon `status.forced`): "phải tạm dừng sản xuất" happened
_FORCED = re.compile(rf"\s+(?:{alternation(cues()['status']['forced'])})(?!\w)")
# months still to come: "6 tháng cuối năm", "những tháng còn lại" (lexicon `months.ahead`)
_MONTHS_AHEAD = regex.compile(rf"(?<![\p{{L}}])tháng\s+{alternation(cues()['months']['ahead'])}(?![\p{{L}}])", regex.I)
# heading words that review only when they open the heading (lexicon `headings.opening_only`)
_OPENING_ONLY = frozenset(cues()["headings"]["opening_only"])
_NUMBERING = regex.compile(r"\s*(?:[IVX]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\))?\s*", regex.I)


@lru_cache(maxsize=1)
def _heading_regexes() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    lex = cues()["headings"]
    return phrase_regex(lex["actual"]), phrase_regex(lex["target"]), phrase_regex(lex["topic"])


@lru_cache(maxsize=1024)  # a text's headings are read again for each figure under them
def heading_status(heading: str) -> str | None:
    """What a section heading announces: results ("actual"), a plan ("target"), a topic whose
    section decides ("topic"), or None.

    >>> heading_status("I. KẾT QUẢ THỰC HIỆN NĂM 2023"), heading_status("II. MỤC TIÊU"), heading_status("1. Mục tiêu chung")
    ('actual', 'target', 'target')
    >>> heading_status("III. KẾT QUẢ NĂM 2023 VÀ NHIỆM VỤ NĂM 2024") is None, heading_status("5. Kinh phí")
    (True, 'topic')
    >>> heading_status("Cẩm Khê vượt kế hoạch sản phẩm OCOP"), heading_status("1. Tổ chức đánh giá, phân hạng đợt 2")
    ('actual', None)
    >>> heading_status("Hoàn thành chỉ tiêu trước ngày 15/11"), heading_status("Tập trung hoàn thành chỉ tiêu 6 tháng cuối năm")
    ('target', 'target')
    >>> heading_status("2. Chương trình mục tiêu quốc gia xây dựng nông thôn mới") is None
    True
    >>> heading_status("b) Nguyên nhân chủ quan"), heading_status("2. Nguyên nhân của những chỉ tiêu chưa đạt") is None
    ('actual', True)

    """
    actual, target, topic = _heading_regexes()
    if DEADLINE.search(heading) or _MONTHS_AHEAD.search(heading):
        # "Hoàn thành chỉ tiêu trước ngày 15/11", "Tập trung hoàn thành chỉ tiêu 6 tháng cuối năm": what is to
        # be done by a day, or in the months still to come
        return "target"
    a, t = actual.search(heading), target.search(heading)
    while t is not None and _in_term(heading, t.start()):
        t = target.search(heading, t.end())  # "2. Chương trình mục tiêu quốc gia xây dựng nông thôn mới": a name
    if a and " ".join(a.group().lower().split()) in _OPENING_ONLY and not _NUMBERING.fullmatch(heading, 0, a.start()):
        a = None  # "Đánh giá kết quả …" reviews; "1. Tổ chức đánh giá, phân hạng …" is a task
    if t and not a and _compared(heading.lower(), t.start(), t.end()):
        return "actual"  # "Cẩm Khê vượt kế hoạch sản phẩm OCOP": the plan is what a result is measured by
    if a and t:
        return None
    return "actual" if a else "target" if t else "topic" if topic.search(heading) else None


@lru_cache(maxsize=None)
def _cue_list(key: str, within: str | None = None) -> frozenset[str]:
    """The phrases of lexicon `status.<key>`, checked to be a kind of `status.<within>` when given."""
    lex = cues()["status"]
    words = frozenset(lex[key])
    if within is not None:
        assert words <= set(lex[within]), sorted(words - set(lex[within]))
    return words


def _said(cue: str) -> str:
    return " ".join(cue.lower().split())


def is_weak_cue(cue: str) -> bool:
    """Whether a cue also qualifies a noun (lexicon `status.weak`): it does not override the quantity before it.

    >>> is_weak_cue("đã"), is_weak_cue("phấn đấu")
    (True, False)
    """
    return _said(cue) in _cue_list("weak")


# at most two words, no punctuation: between an aspect word and the figure its verb takes ("đã có 44")
_VERB_GAP = regex.compile(r"\s*(?:\p{L}+\s+){0,2}")


def speaks_of_figure(text: str, cue: tuple[int, int], figure: int, gap: regex.Pattern = _VERB_GAP) -> bool:
    """Whether a weak cue of aspect (lexicon `status.aspect`) stands right before the verb whose object is
    the figure at `figure` (or whatever stands at `figure`, when `gap` says what may lie between), so
    that it speaks of it, not of a noun.

    >>> t = "dự kiến đạt 4 tỷ đồng; đến nay đã có 36 hợp đồng"
    >>> speaks_of_figure(t, (31, 33), 37), speaks_of_figure("sản phẩm đã có sao, 5 sản phẩm", (9, 11), 20)
    (True, False)
    """
    return _said(text[cue[0]:cue[1]]) in _cue_list("aspect", "weak") and bool(gap.fullmatch(text, cue[1], figure))


# a series of verb phrases after an aspect word, up to the next verb: "đã hoàn thiện hồ sơ, đề nghị …"
_SERIES = regex.compile(r"\s+[^\d.;:!?()\n,]{1,48}(?:,|\s+và|\s+rồi)\s*")


def aspect_over_series(text: str, earlier: list[tuple[int, int, str]], cue: tuple[int, int]) -> bool:
    """Whether the last weak cue of aspect ("đã", "vừa") among the `earlier` cues of its sentence opens a
    series of verb phrases whose later verb is `cue`, with no strong plan's cue between: the aspect is
    that verb's too.

    >>> t = "Tỉnh đã hoàn thiện hồ sơ, đề nghị Trung ương đánh giá 3 sản phẩm"
    >>> aspect_over_series(t, [(5, 7, "actual")], (26, 33))
    True
    >>> aspect_over_series("đã ban hành kế hoạch, phấn đấu có 40", [(0, 2, "actual")], (22, 30))
    False
    """
    aspect = next((c for c in reversed(earlier) if _said(text[c[0]:c[1]]) in _cue_list("aspect", "weak")), None)
    return aspect is not None and not strong_target_between(text, aspect[1], cue[1]) \
        and bool(_SERIES.fullmatch(text, aspect[1], cue[0]))


def strives_to_exceed(text: str, cue: tuple[int, int, str], start: int) -> bool:
    """Whether a report's cue "vượt", or a weak one, is what a plan's strong cue right before it strives for
    ("phấn đấu vượt 340", "phấn đấu vượt chỉ tiêu, cụ thể:", "kỳ vọng thu hút 50.000 lượt khách"): a plan,
    not a result; `start`: where its sentence starts.

    >>> t = "các ngành phấn đấu vượt chỉ tiêu, cụ thể:"
    >>> strives_to_exceed(t, (19, 23, "actual"), 0), strives_to_exceed("đã vượt chỉ tiêu", (3, 7, "actual"), 0)
    (True, False)
    """
    said = _said(text[cue[0]:cue[1]])
    return cue[2] == "actual" and (said.startswith("vượt") or said in _cue_list("weak")) \
        and strong_target_between(text, max(start, cue[0] - 16), cue[0])


def is_task_cue(cue: str) -> bool:
    """Whether a target cue is a verb of doing (`status.task`), which plans only where no other scope is open.

    >>> is_task_cue("có  thêm"), is_task_cue("phấn đấu")
    (True, False)
    """
    return _said(cue) in _cue_list("task", "target")


def reports_reached(cue: str, text: str, start: int, figure: int, plan_year_before: bool) -> bool:
    """Whether a verb of reaching (lexicon `status.reach`) reports a figure of news: no strong plan's cue
    and no months still to come in text[start:figure] (the sentence before it), no year a plan sets
    before it (`plan_year_before`).

    >>> reports_reached("có thêm", "- Thanh Sơn có thêm 4 sản phẩm", 0, 21, False)
    True
    >>> reports_reached("có thêm", "Quảng Ninh: 6 tháng cuối năm có thêm 12 sản phẩm", 0, 38, False)
    False
    """
    return _said(cue) in _cue_list("reach", "task") and not plan_year_before \
        and not strong_target_between(text, start, figure) and not _MONTHS_AHEAD.search(text, start, figure)


def is_allocation_cue(cue: str) -> bool:
    """Whether a verb of doing sets money aside (lexicon `status.allocation`): a plan for its year,
    however late in it the text was posted.

    >>> is_allocation_cue("bố trí"), is_allocation_cue("hỗ trợ")
    (True, False)
    """
    return _said(cue) in _cue_list("allocation", "task")


def is_year_mark(cue: str) -> bool:
    """Whether a report cue only singles out a year (lexicon `status.year_marks`).

    >>> is_year_mark("Riêng  năm"), is_year_mark("đến nay")
    (True, False)
    """
    return _said(cue) in _cue_list("year_marks", "actual")


# the months a line opens on ("9 tháng", "sáu tháng"): the cue `_months_opening` finds
_MONTHS_COUNT = re.compile(rf"(?:\d{{1,2}}|{alternation(cues()['months']['counts'])})\s+tháng")
_MONTHS_OF_YEAR = re.compile(r"tháng\s+năm")  # "10 tháng năm 2024": the cue said of the months


@lru_cache(maxsize=1)
def _elapsed_cues() -> tuple[str, ...]:
    return tuple(cues()["status"]["elapsed"])


def is_elapsed_cue(cue: str) -> bool:
    """Whether an actual cue names a period gone by, which reports whatever year follows it.

    A headline's months ("9 tháng năm 2024: Trà Vinh có thêm 27 sản phẩm") are such a period.

    >>> is_elapsed_cue("9 tháng đầu năm"), is_elapsed_cue("riêng năm"), is_elapsed_cue("Sáu tháng"), is_elapsed_cue("tháng năm")
    (True, False, True, True)
    """
    said = " ".join(cue.lower().split())
    return any(said.endswith(e) for e in _elapsed_cues()) or bool(_MONTHS_COUNT.fullmatch(said)
                                                                  or _MONTHS_OF_YEAR.fullmatch(said))
