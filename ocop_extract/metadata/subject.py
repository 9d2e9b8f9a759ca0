"""Subject: which document a news article reports on, and what it says of it.

Among the documents an article mentions, the subject is the one it introduces
as issued ("UBND tỉnh vừa ban hành Kế hoạch …", "Theo Kế hoạch số 42/KH-UBND …",
"Kế hoạch số 1986/KH-UBND được ban hành ngày …") or as setting the targets
("Kế hoạch số 305/KH-UBND … đặt mục tiêu …"), early in the text, not one it
cites ("Thực hiện Quyết định số 919/QĐ-TTg …", "theo khoản 3 Điều 2 Nghị quyết …"). Later mentions of the same
type without another number are the same document (its issuer, date and years
may be stated there).

>>> from ocop_extract.document import Doc
>>> from .mentions import find_mentions
>>> doc = Doc.from_text("x", "Tiêu đề bài báo về OCOP năm 2024\\nThực hiện Quyết định số 919/QĐ-TTg, "
...     "ngày 07/04/2023, UBND tỉnh đã ban hành Quyết định số 656/QĐ-UBND phê duyệt Kế hoạch giai đoạn 2023-2025.")
>>> s = choose(doc, find_mentions(doc))
>>> s.mention.number.number, s.issued_date, s.years(doc)
('656/QĐ-UBND', '2023-04-07', (2023, 2025))
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

import regex

from ..document import Doc
from ..lexicon import load_lexicon
from .dates import year_of
from .headline import headline
from .mentions import Mention, subject_types
from .issued import ISSUING, issued_on, lexicon_words, title_phrase
from .years import plan_years, year_spans


VERB_BEFORE = regex.compile(rf"\b(?:{ISSUING}|{lexicon_words('drafting_verbs')})\b[^.;]{{0,25}}$", regex.I)
_VERB_AFTER = regex.compile(rf"^[^.;]{{0,120}}?\b(?:được|do\b[^.;]{{0,60}}?)\s*(?:{ISSUING})", regex.I)
# (after an agency's mark, "(BVP) - ", or an interview's speaker, "Ông Phạm Quang Hưng: ")
_THEO = regex.compile(r"^\W*(?:\(\w+\)\s*-\s*|(?:Ông|Bà|Anh|Chị|Đồng\s+chí)\s[^:.;]{2,40}:\s*)?(?:theo|tại)\s+$", regex.I)
# a document said as just issued, right before its name: "đã thông qua", "vừa ký ban hành", "chính thức phê duyệt"
_SAID_ISSUED = regex.compile(rf"(?<![\p{{L}}])(?:đã|vừa|chính\s+thức)\s+(?:biểu\s+quyết\s+|ký\s+)?(?:{ISSUING})\s+$", regex.I)
_CENTRAL_CODE = regex.compile(r"(?:TTg|CP|B[A-Z]|QH|TW|ĐCT)")  # (ĐCT: a national mass organisation's presidium)
_TARGET_BONUS = 2  # the sentence says what the document sets out to do
_MAX_SPAN = 5  # years a plan followed through several sentences may span
_NAMED_BEFORE = 150  # characters before a parenthesised mention that may name it


@lru_cache(maxsize=2)
def _target_verbs(restating: bool = False) -> regex.Pattern:
    """What a document sets out to do, said after its name (lexicon `target_verbs`; `restating`: with the goals
    an article restates of a document it cites, `restated_goals`)."""
    lex = load_lexicon("metadata")
    words = sorted(lex["target_verbs"] + (lex["restated_goals"] if restating else []), key=len, reverse=True)
    return regex.compile(r"(?<![\p{L}])(?:" + "|".join(regex.escape(w) for w in words) + r")(?![\p{L}])", regex.I)


# "của (UBND) tỉnh/huyện" with no name: the province, or the district of that level, the article is about


@dataclass
class Subject:
    """The chosen mention and the mentions that refer to the same document."""

    mention: Mention
    group: list[Mention] = field(default_factory=list)
    issued_date: Optional[str] = None

    def years(self, doc: Doc, headline: str = "", lead: str = "") -> Optional[tuple[int, int]]:
        """Years of the subject: its title phrase, its coreferents', the headline, its sentence, the lead."""
        issued_year = year_of(self.issued_date)
        for m in [self.mention, *self.group]:
            for phrase in (named_before(doc.text, m), title_phrase(doc.text, m.end, _in_parens(doc.text, m))):
                found = plan_years(phrase, issued_year)
                if found and all(s[2] == "until" for s in year_spans(phrase)):
                    # "từ nay đến cuối năm 2025": a first stage, the later sentences may carry the plan on
                    return self._followed(doc, [(0, 0, "until", found)]) or found
                if found:
                    return found
        found = _approved_years(doc, self.mention, issued_year)
        if found:
            return found
        # the headline names the plan's years more reliably than any sentence of the body, unless they
        # ended before the plan was issued ("… 41 sản phẩm OCOP trong năm 2024" over a plan of January 2025)
        found = plan_years(headline, issued_year) if headline else None
        if found and not (issued_year and found[1] < issued_year):
            return found
        spans = year_spans(doc.text[self.mention.sent_start:self.mention.sent_end])
        if any(s[2] != "until" for s in spans):
            return next(s[3] for s in spans if s[2] != "until")
        found = self._followed(doc, spans)
        if found:
            return found
        spans = [s for s in year_spans(lead) if s[2] != "until"]
        return spans[0][3] if spans else None

    def _followed(self, doc: Doc, spans: list) -> Optional[tuple[int, int]]:
        """The years the plan is followed through: its sentence's "đến cuối năm 2025" and the years of the
        later sentences that speak of it ("Năm 2026, Kế hoạch đặt mục tiêu …"), first to last."""
        later = [s[3] for m in self.group if m.start > self.mention.start
                 for s in year_spans(doc.text[m.sent_start:m.sent_end]) if s[2] != "until"]
        if not later:
            return None
        years = [y for s in spans for y in s[3]] + [y for pair in later for y in pair]
        return (min(years), max(years)) if max(years) - min(years) <= _MAX_SPAN else None


def _in_parens(text: str, m: Mention) -> bool:
    """True when the mention stands in parentheses ("Chương trình … 2021-2025 (Quyết định số 919/QĐ-TTg …)")."""
    before = text[m.sent_start:m.start]
    return before.rfind("(") > before.rfind(")") and ")" in text[m.end:m.sent_end]


# a decision named as what approved a plan: "Đề án … giai đoạn 2024-2025 đã được UBND huyện phê duyệt
# tại Quyết định số 2154/QĐ-UBND", "Kế hoạch được ban hành kèm theo Quyết định số …"
# "<the plan> (được) phê duyệt tại ": the verb that approves a plan at the decision named after it (read backwards
# from the decision; all the sentence before the verb names the plan)
_APPROVED_AT_TAIL = regex.compile(rf"\s(?:{ISSUING})\s+(?:tại|theo|kèm\s+theo)\s+\Z", regex.I | regex.REVERSE)
_PLAN_TYPE = regex.compile(r"(?<![\p{L}])(?P<type>đề\s+án|kế\s+hoạch|chương\s+trình|dự\s+án)(?![\p{L}])", regex.I)


def _approved_years(doc: Doc, m: Mention, issued_year: Optional[int]) -> Optional[tuple[int, int]]:
    """The years of the plan a decision `m` is named as approving, said before it in its sentence or,
    when the sentence names only its type ("Đề án được phê duyệt tại Quyết định số …"), where the text
    first names a plan of that type with its years; else None.

    >>> from .mentions import find_mentions
    >>> doc = Doc.from_text("x", "Tỉnh vừa phê duyệt Đề án phát triển OCOP giai đoạn 2023-2025, định hướng đến năm 2030. "
    ...                          "Đề án được phê duyệt tại Quyết định số 1426/QĐ-UBND ngày 12/5/2023.")
    >>> _approved_years(doc, find_mentions(doc)[-1], 2023)
    (2023, 2025)
    """
    text = doc.text
    tail = _APPROVED_AT_TAIL.search(text, m.sent_start, m.start)
    if tail is None or tail.start() <= m.sent_start:
        return None
    named = text[m.sent_start:tail.start()]
    found = plan_years(named, issued_year)
    if found:
        return found
    kind = _PLAN_TYPE.search(named)
    if kind is None:
        return None
    said = " ".join(kind.group("type").lower().split())
    for other in _PLAN_TYPE.finditer(text, 0, m.sent_start):
        if " ".join(other.group("type").lower().split()) == said:
            found = plan_years(title_phrase(text, other.end()), issued_year)
            if found:
                return found
    return None


def named_before(text: str, m: Mention) -> str:
    """The words a parenthesised mention gives the number of: those before the parenthesis, back to the
    clause's start ("… mà Chương trình OCOP giai đoạn 2021-2025 (Quyết định số 919/QĐ-TTg …)"); else "".
    """
    if not _in_parens(text, m):
        return ""
    before = text[m.sent_start:m.start]
    before = before[:before.rfind("(")]
    cut = max(before.rfind(c) for c in ",;:")
    return before[cut + 1:][-_NAMED_BEFORE:]


# "(ban hành kèm Quyết định số 925/QĐ-TTg …)": the decision a programme came with, not one the article reports
_ATTACHED = regex.compile(r"ban\s+hành\s+kèm(?:\s+theo)?\s*\Z", regex.I)
# issued just now: "vừa ban hành", "mới phê duyệt", "vừa ký ban hành"
_JUST_ISSUED = regex.compile(rf"(?:vừa|mới)\s+(?:\S+\s+){{0,2}}?(?:{ISSUING})\s*\Z", regex.I)
_NEWS_OF_ISSUE = 4
_LATE_MAX = 2  # the most a mention's lateness takes off its evidence


def _score(doc: Doc, m: Mention, rank: int) -> float:
    """Evidence that `m` is the subject; `rank` is its offset (earlier is likelier)."""
    text = doc.text
    prefix = text[m.sent_start:m.start]
    after = text[m.end:m.sent_end]
    score = 0.0
    if (VERB_BEFORE.search(prefix) and not _ATTACHED.search(prefix)) or _VERB_AFTER.search(after):
        score += 3
        if m.number and _JUST_ISSUED.search(prefix):
            score += _NEWS_OF_ISSUE  # "UBND tỉnh vừa ban hành Quyết định số 1126/QĐ-UBND …": the news is its issue
    elif _target_verbs().search(after):
        score += _TARGET_BONUS  # not issued in this sentence, but setting its targets
    if m.number:
        score += 2
    if _THEO.match(prefix):
        score += 3
    if m.capitalized:
        score += 1
    return score - min(_LATE_MAX, 0.5 * rank / 500)  # (a plan restated late in a long review still counts)


# a Party congress's resolution ("Nghị quyết Đại hội Đảng bộ huyện"), unnumbered, is no plan the news reports on
_PARTY_CONGRESS = regex.compile(r"\s+đại\s+hội", regex.I)
_IMPLEMENTING = regex.compile(r"(?<![\p{L}])(?:thực\s+hiện|triển\s+khai)\s+\Z", regex.I)
# a rate a document is cited for, per unit: "mỗi sản phẩm đạt 3 sao được thưởng …", "20 triệu đồng/sản phẩm"
_RATE_SAID = regex.compile(r"(?<![\p{L}])mỗi\s+[^,.;:]{0,40}?(?:được|hỗ\s+trợ|thưởng)(?![\p{L}])"
                           r"|đồng\s*/\s*(?:sản\s+phẩm|chủ\s+thể|homestay|điểm|xã|hộ)", regex.I)
_HEADLINE_BONUS = 3
_SUCCESSOR_MARGIN = 1.0  # the evidence a later document of the same type may lack and still be the subject


def _headline_line(doc: Doc) -> int:
    """The index of the headline's line, or -1."""
    title = headline(doc)
    return next((line.index for line in doc.lines if title and line.text.strip() == title), -1)


def choose(doc: Doc, mentions: list[Mention], published: Optional[str] = None, national: bool = False) -> Optional[Subject]:
    """The document the article reports on, or None; `published`: the article's posting date, when known;
    `national`: the article is about the country, not one province (a central document it restates is its subject)."""
    types = subject_types()
    cands = [m for m in mentions if m.type in types and (not m.cited or _restated(doc, m, national))
             and not (m.number is None and _PARTY_CONGRESS.match(doc.text, m.end))]
    if not cands:
        # none but the local plan whose implementation the article reviews ("Thực hiện Kế hoạch số 47/KH-UBND
        # … của UBND huyện …, huyện …"): that plan, when it is the only one so named
        cands = [m for m in mentions if m.type in types and m.cited and is_local(m)
                 and _IMPLEMENTING.search(doc.text, m.sent_start, m.start)]
        if len({m.number.number for m in cands}) != 1:
            return None
    # the type the headline names ("Cư Jút đón nhận Quyết định đạt chuẩn …"): its numbered mention in the body
    title_line = _headline_line(doc)
    headed = {m.type for m in cands if m.line == title_line}
    # … or the type a sentence announces as just issued without its number ("UBND tỉnh vừa ký quyết định công
    # nhận 38 sản phẩm …", then "Ngày 25/6/2025, … đã ký Quyết định số 1962/QĐ-UBND …")
    headed |= {m.type for m in cands if m.number is None and _JUST_ISSUED.search(doc.text, m.sent_start, m.start)}
    scores = {id(m): _score(doc, m, m.start) + (_HEADLINE_BONUS if m.number and m.type in headed else 0) for m in cands}

    def evidence(m: Mention) -> float:
        return scores[id(m)]

    best = _successor(doc, max(cands, key=lambda m: (evidence(m), -m.start)), cands, evidence, published)
    best = _plan_over_rule(doc, best, cands, evidence, mentions)
    if best.number is None:
        # (or the local plan whose implementation it reviews: "thực hiện Kế hoạch số 36/KH-UBND …, trong 6
        # tháng đầu năm các địa phương đã …", then "hoàn thành kế hoạch")
        local = [m for m in mentions if m.cited and is_local(m)]
        # (the decision a later mention of the same scheme names: "Đề án … (ban hành kèm theo Quyết định số 2315/QĐ-UBND …)")
        approved = (_approved_by(doc, m, mentions) for m in [best, *cands] if m.type == best.type and m.number is None)
        best = next((a for a in approved if a), None) or _named_asissued_on(doc, best, cands) or _named_before(best, cands) \
            or _named_before(best, local, True) or best
    group = [m for m in cands if m is not best and m.type == best.type
             and (m.number is None or (best.number and m.number.number == best.number.number))]
    group.sort(key=lambda m: (0 if m.start > best.start else 1, abs(m.start - best.start)))
    subj = Subject(best, group)
    # … and a number names one document: its date said at any mention ("thực hiện Kế hoạch số 28/KH-UBND ngày
    # 14/2/2025 …", then "bám sát mục tiêu Kế hoạch số 28/KH-UBND: …")
    same = [m for m in mentions if m is not best and m not in group and best.number and m.number
            and m.number.number == best.number.number]
    subj.issued_date = issued_on(doc, best, published) or next(
        (d for d in (issued_on(doc, g, published) for g in [*group, *same]
                     if g.number or not best.number or _announced(doc, g, best)) if d), None)
    return subj


def _plan_over_rule(doc: Doc, best: Mention, cands: list[Mention], evidence, mentions: list[Mention] = ()) -> Mention:
    """`best`, or, when it is a rule cited for its rate ("Theo Nghị quyết số 06/2022/NQ-HĐND …, mỗi homestay đạt
    chuẩn được hỗ trợ …"), the numbered plan of another type whose goals the article restates, else the local
    plan of another type it says is carried out ("Thực hiện Kế hoạch số 1987/KH-UBND …, các sở, ngành …")."""
    if not (_THEO.match(doc.text[best.sent_start:best.start]) and _RATE_SAID.search(doc.text, best.end, best.sent_end)):
        return best
    planned = [m for m in cands if m.type != best.type and _target_verbs().search(doc.text, m.end, m.sent_end)]
    if planned:  # (a numbered one first; else the plan named without its number: "Kế hoạch năm 2026 của tỉnh đặt mục tiêu …")
        return max(planned, key=lambda m: (m.number is not None, evidence(m)))
    carried_out = [m for m in mentions if m.type != best.type and is_local(m) and m.type in subject_types()
                   and _IMPLEMENTING.search(doc.text, m.sent_start, m.start)]
    return carried_out[0] if len({m.number.number for m in carried_out}) == 1 else best


def _successor(doc: Doc, best: Mention, cands: list[Mention], evidence, published: Optional[str]) -> Mention:
    """`best`, or the document of its type issued after it (not after the article) with about as much evidence:
    a programme's history names the decision that began it and the one now in force ("Quyết định số
    512/QĐ-TTg" of 2018, "Quyết định số 936/QĐ-TTg ngày 8/6/2022"); the article reports under the latter."""
    issued = issued_on(doc, best, published) if best.number is not None else None
    if issued is None:
        return best
    floor = evidence(best) - _SUCCESSOR_MARGIN
    later = [(day, m) for m in cands if m is not best and m.number and m.type == best.type and evidence(m) >= floor
             and (day := issued_on(doc, m, published)) and day > issued and not (published and day > published)]
    return max(later, key=lambda pair: pair[0])[1] if later else best


def is_central(m: Mention) -> bool:
    """Whether `m` is numbered by a central body ("919/QĐ-TTg", "215/QĐ-BCT")."""
    return bool(m.number and m.number.parts.body_code and _CENTRAL_CODE.match(m.number.parts.body_code))


def is_local(m: Mention) -> bool:
    """Whether `m` is numbered by a local body ("38/2021/NQ-HĐND", "58/KH-UBND"), not a central one ("919/QĐ-TTg")."""
    return bool(m.number and m.number.parts.body_code) and not is_central(m)


def cited_in_passing(doc: Doc, subj: Subject) -> bool:
    """Whether the subject is a local document named once by its number, and not as just issued ("UBND tỉnh
    Bến Tre vừa ban hành Kế hoạch số 120/KH-UBND"): in a roundup, one province's aside ("Nghị quyết số
    38/2021/NQ-HĐND của HĐND tỉnh đặt ra mục tiêu …" in an official's words)."""
    m = subj.mention
    # (named again after it; a plan of its type named before it, unnumbered, is another province's)
    return is_local(m) and not any(g.start > m.start for g in subj.group) \
        and not VERB_BEFORE.search(doc.text[m.sent_start:m.start])


def _named_before(best: Mention, cands: list[Mention], anywhere: bool = False) -> Optional[Mention]:
    """The earlier mention (`anywhere`: any mention) that named `best` ("Theo Nghị quyết, …") by its number
    ("Nghị quyết số 17/2023/NQ-HĐND …"), when one document of its kind was so named; else None."""
    named = [m for m in cands if m.type == best.type and m.number is not None and (anywhere or m.start < best.start)]
    numbers = {m.number.number for m in named}
    return named[-1] if len(numbers) == 1 else None


def _named_asissued_on(doc: Doc, best: Mention, cands: list[Mention]) -> Optional[Mention]:
    """The one numbered mention of `best`'s type said as issued, before or after it ("Theo Nghị quyết vừa
    được thông qua, …", then "HĐND tỉnh đã thông qua Nghị quyết số 86/2025/NQ-HĐND"), else None."""
    named = [m for m in cands if m.type == best.type and m.number is not None and not m.cited
             and _SAID_ISSUED.search(doc.text, m.sent_start, m.start)]
    return named[0] if len({m.number.number for m in named}) == 1 else None


def _announced(doc: Doc, m: Mention, best: Mention) -> bool:
    """Whether `m`, named without a number before `best`, announces it as issued: "Ngày 9/3, UBND tỉnh
    ban hành kế hoạch thực hiện Chương trình …" in the lead, then "Kế hoạch số 58/KH-UBND …"."""
    return m.start < best.start and bool(VERB_BEFORE.search(doc.text[m.sent_start:m.start]))


def _restated(doc: Doc, m: Mention, national: bool = False) -> bool:
    """A local plan the article cites in order to give its targets: "Thực hiện Kế hoạch số 312/KH-UBND
    ngày 28/12/2023 của UBND tỉnh, năm 2024 Sơn La đặt mục tiêu …" (a central one, "919/QĐ-TTg", stays cited)."""
    if not (is_local(m) or (national and is_central(m))):
        return False
    return bool(_target_verbs(restating=True).search(doc.text, m.end, m.sent_end))


# a scheme and the decision approving it: "Đề án … được UBND tỉnh phê duyệt tại Quyết định số 1127/QĐ-UBND",
# "Đề án …, ban hành kèm theo Quyết định số 1820/QĐ-UBND"
_APPROVED_AT = regex.compile(r"(?<![\p{L}])(?:phê\s+duyệt\s+(?:tại|theo|bằng)|ban\s+hành\s+kèm\s+theo)\s+\Z", regex.I)


def _approved_by(doc: Doc, best: Mention, mentions: list[Mention]) -> Optional[Mention]:
    """`best` (a scheme named without a number) with the number and date of the decision approving it
    later in its sentence, or None.

    >>> from .mentions import find_mentions
    >>> doc = Doc.from_text("x", "Tiêu đề về OCOP\\nTheo Đề án phát triển sản phẩm OCOP được UBND tỉnh phê duyệt "
    ...     "tại Quyết định số 1127/QĐ-UBND ngày 14/5/2019, tỉnh phấn đấu có 40 sản phẩm.")
    >>> s = choose(doc, find_mentions(doc))
    >>> s.mention.type, s.mention.number.number, s.issued_date
    ('Đề án', '1127/QĐ-UBND', '2019-05-14')
    """
    for m in mentions:
        if (m.start > best.end and m.start < best.sent_end and m.number is not None
                and _APPROVED_AT.search(doc.text, max(best.end, m.start - 30), m.start)):
            return Mention(best.start, best.end, best.type, best.capitalized, m.number, m.date, m.issuer,
                           best.cited, best.sent_start, best.sent_end, best.line)
    return None
