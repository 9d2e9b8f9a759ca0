"""The clause resolver: rate, star class, scope and metric of each prose candidate, from its clause.

`per` is "year" for a rate ("mỗi năm", "/năm", "hằng năm"); `stars` the class
on the noun phrase the figure counts (`stars`); `scope` the place named before
it in its clause (`scope`), else the issuing district or the province; `metric`
the words after the unit (`metric`), for a sum of money the purpose it is for.

>>> from ocop_extract.document import Doc
>>> from ocop_extract.metadata import Metadata
>>> from ocop_extract.targets.context import target_context
>>> from ocop_extract.targets.finders import sentence_candidates
>>> doc = Doc.from_text("x", "Mỗi năm, huyện Lục Ngạn có thêm 5 sản phẩm đạt 3 sao trở lên.")
>>> doc.meta = Metadata(plan_years=(2024, 2025), province="Bắc Giang")
>>> ctx = target_context(doc)
>>> [(c.per, c.stars, c.scope, c.metric) for c in settle_clause_fields(sentence_candidates(ctx), ctx)]
[('year', 3, 'Lục Ngạn', 'sản phẩm đạt 3 sao trở lên')]
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..contain import guard
from ..document import Doc
from .candidates import Candidate
from .context import TargetContext
from .cues import breakdown_regex, cues, phrase_regex
from .metric import metric_after, money_metric
from .scope import subject_place
from .stars import star_mentions, stars_for


# the words that open the parts of a whole ("487 sản phẩm đạt từ 3 sao trở lên, trong đó …"), not a
# list of particulars ("Cụ thể, năm 2024 …"), which may break down something else
# a class said as a floor describes a whole ("đạt từ 3 sao trở lên"), an exact one a part ("5 sản phẩm 4 sao")
_FLOOR_CLASS = regex.compile(r"(?<![\p{L}])(?:từ\s+(?:hạng\s+)?0?[1-5]\s*sao|0?[1-5]\s*sao\s+trở\s+lên)", regex.I)
_OF_ALL = regex.compile(r"(?<![\p{L}])(?:trong\s+đó|bao\s+gồm|gồm)(?![\p{L}])", regex.I)
_REMAINDER = regex.compile(r"\s+còn\s+lại(?![\p{L}])", regex.I)  # "3 sản phẩm còn lại chưa đạt": the rest, no part


# the next item of a list of named parts, each with its count: "; Trung du và miền núi phía Bắc có 5 sản phẩm",
# ", Tây Nguyên 2 sản phẩm", " và Đông Nam Bộ 1 sản phẩm"
_NEXT_NAMED_ITEM = regex.compile(r"\s*(?:;|,|\s+và)\s+(?:\p{Lu}[^;.:()\d]{0,80}?\s+(?:(?:cùng\s+)?(?:có|với|là)\s+)?"
                              # … or named by its year: "; năm 2020 có thêm 7 sản phẩm", " và năm 2023 đạt … với 24"
                              r"|năm\s+(?:19|20)\d{2}[^;.:()\d]{0,50}?\s+)\Z")


def _class_of_list(text: str, c: Candidate, before: Candidate | None) -> int | None:
    """The class of the first item of a list of named parts, each counted ("Đồng bằng sông Hồng dẫn đầu với
    7 sản phẩm 5 sao; Trung du và miền núi phía Bắc có 5 sản phẩm; Tây Nguyên 2 sản phẩm"), for a later
    item that names none, when the item before it had one of its own, or None."""
    if before is None or before.stars is None or before.unit != "product" or c.unit != "product" \
            or before.prose is None or before.prose.sentence is not c.prose.sentence:
        return None
    own = star_mentions(text, before.end, min(before.end + 24, c.start))
    if own and own[0][0] <= before.end + 8:
        after = own[0][1]  # the item before said its class right after its count ("7 sản phẩm 5 sao") …
    elif before.why and before.why[-1].endswith("as the first item of its list"):
        after = before.end  # … or took it as an item of the list
    else:
        return None
    item = _NEXT_NAMED_ITEM.search(text, after, c.start)
    return before.stars if item is not None and not _OF_ALL.search(text, after, c.start) else None


def settle_clause_fields(candidates: list[Candidate], ctx: TargetContext) -> list[Candidate]:
    """Set `per`, `stars`, `scope` and `metric` of every prose candidate (a table cell's come from its table)."""
    text, province, places = ctx.doc.text, ctx.meta.province, ctx.meta.local_places
    rate_before, rate_after = _rate_regexes()
    before: Candidate | None = None  # the prose candidate before, whose class a list's next item may take
    counted: Candidate | None = None  # the last count of products that is no part of another
    topics: dict[int, int | None] = {}  # the class each paragraph opens on as its subject ("Các sản phẩm 5 sao …")
    for c in candidates:
        if c.prose is None or not c.kept:
            continue  # a table cell's come from its table; a dropped reading needs none
        q, (c_start, c_end) = c.prose.q, c.prose.clause
        with guard("target", text, q.start, q.end):  # a failure costs this figure, not the document
            c.per = "year" if (q.per_year or rate_before.search(text, c_start, q.start)
                               or rate_after.match(text, q.end, q.end + 64)) else None
            c.stars = stars_for(text, q, c.prose.in_clause, c_start, c_end)
            if c.stars is None and (whole := _class_of_whole(text, c, counted)):
                c.stars = whole
                c.why.append(f"stars {whole}: as the figure it is a part of")
            if c.stars is None and not star_mentions(text, q.start, c_end) and (listed := _class_of_list(text, c, before)):
                c.stars = listed
                c.why.append(f"stars {listed}: as the first item of its list")
            if c.stars is None and q.unit == "product" and not star_mentions(text, c_start, c_end) \
                    and (topic := _topic_class(ctx.doc, c, topics)):
                c.stars = topic
                c.why.append(f"stars {topic}: the class its paragraph opens on")
            before = c
            counted = c if q.unit == "product" and c.part_of is None else counted
            c.scope = subject_place(text[c_start:q.start], province, places) or ctx.default_scope
            metric_start = q.end if q.unit == "%" else q.end - len(q.unit_text)
            c.metric = (money_metric(text, c_start, q.start, q.end, c_end) if q.unit == "VND"
                        else metric_after(text, max(metric_start, q.start), c_end))
            continue
        c.kept = False
    return candidates


def _class_of_whole(text: str, c: Candidate, counted: Candidate | None) -> int | None:
    """The class of the whole a part breaks down, or None: "487 sản phẩm đạt từ 3 sao trở lên, trong đó Vĩnh Long
    (cũ) 168 sản phẩm", "Công nhận 15 sản phẩm … hạng 3 sao. Cụ thể: nhóm thực phẩm 9 sản phẩm" (not of a class
    listed after another, "63 sản phẩm 3 sao và 8 sản phẩm 4 sao. Cụ thể, …", whose breakdown is of the whole)."""
    assert c.prose is not None
    q, c_end, head = c.prose.q, c.prose.clause[1], c.part_of
    while head is not None and head.part_of is not None:
        head = head.part_of  # "trong đó A 168 sản phẩm, B 176 sản phẩm": the whole both are parts of
    if head is not None and head.unit != q.unit and counted is not None and counted.prose is not None \
            and counted.prose.sentence.paragraph == c.prose.sentence.paragraph:
        head = counted  # "15 sản phẩm của 11 chủ thể thuộc 9 xã …. Cụ thể: …": the products' count is the whole
    opener = breakdown_regex("breakdown_parts").search(text, head.end, q.start) if head is not None else None
    if opener is None or not head.stars or not q.unit == head.unit == "product" \
            or star_mentions(text, q.start, c_end) or _REMAINDER.match(text, q.end):
        return None
    said = _FLOOR_CLASS.search(text, head.start, min(q.start, head.end + 48)) or (
        star_mentions(text, head.end, min(opener.start(), head.end + 160)) and head.prose is not None
        and not any(o.unit == "product" and o.start < head.start for o in head.prose.in_clause))
    return head.stars if said else None


# a paragraph that opens on products of a class as its subject: "Các sản phẩm 5 sao trải rộng trên 31 tỉnh, …"
# (not the products it goes on to name, "Các sản phẩm đạt 4 sao đợt này là …", nor a count, "Số sản phẩm 4 sao còn ít")
_TOPIC_CLASS = regex.compile(r"\s*(?:các|những)\s+sản\s+phẩm\s+(?:OCOP\s+)?(?:hạng\s+)?([1-5])\s*sao(?![\p{L}])"
                             r"(?![^.;]{0,30}?(?<![\p{L}])(?:là|đợt\s+này)(?![\p{L}]))", regex.I)


def _topic_class(doc: Doc, c: Candidate, topics: dict[int, int | None]) -> int | None:
    """The class a paragraph opens on as its subject ("Các sản phẩm 5 sao trải rộng trên 31 tỉnh, thành phố. Dẫn
    đầu là Quảng Ninh với 11 sản phẩm, …"), for a count of products in it that names none, or None."""
    assert c.prose is not None
    paragraph = c.prose.sentence.paragraph
    if paragraph not in topics:
        line = doc.lines[paragraph]
        m = _TOPIC_CLASS.match(doc.text, line.start, line.end)
        topics[paragraph] = int(m.group(1)) if m else None
    return topics[paragraph]


@lru_cache(maxsize=1)
def _rate_regexes() -> tuple[regex.Pattern, regex.Pattern]:
    before = phrase_regex(cues()["rate"]["before"])
    # a rate right after the unit, a few words at most between: "03 sản phẩm mới mỗi năm"
    after = regex.compile(r"(?:\s*[\p{L}\d]+){0,3}?\s*"
                          + phrase_regex(cues()["rate"]["after"]).pattern.replace("(?<![\\p{L}\\d])", ""), regex.I)
    return before, after
