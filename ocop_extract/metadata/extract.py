"""Assemble the document fields of a record from the dimension modules.

Official texts are read from their head (header.py) and signature block;
news articles from their subject mention (subject.py), headline and byline. A
roundup of several provinces with no numbered subject gets no issuer, province
or years. Never raises
on junk: a document whose metadata cannot be read gets empty fields and a warning.

>>> from ocop_extract.document import Doc
>>> m = extract_all(Doc.from_text("x", "Thứ Hai, 02/12/2024 | 08:15\\nHuế có thêm 50 sản phẩm OCOP trong năm 2023\\n"
...     "Theo Kế hoạch số 66/KH-UBND do UBND tỉnh Thừa Thiên Huế ban hành ngày 10/3/2023, tỉnh phấn đấu.\\n"
...     "Hoài Thương - 10:20, 21/03/2023"))
>>> m.genre, m.doc_type, m.number, m.issuer, m.province, m.province_2025, m.issued_date, m.published_date, m.plan_years
('news', 'Kế hoạch', '66/KH-UBND', 'UBND tỉnh Thừa Thiên Huế', 'Thừa Thiên Huế', 'Huế', '2023-03-10', '2023-03-21', (2023, 2023))
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

import regex

from ..casefold import lowered
from ..contain import contained
from ..document import Doc
from ..lexicon import load_lexicon
from ..models import Place
from . import Metadata, gazetteer
from .bulletin import is_bulletin
from .byline import published_date
from .dates import parse_date
from .genre import genre as read_genre
from .header import Header, read_header
from .headline import headline as read_headline, lead as read_lead
from .issuer import Issuer, central_issuer, parse_issuer, provincial_ubnd
from .mentions import Mention, find_mentions
from .numbers import clean_number, find_numbers, issuing_code, parse_number, type_name
from .places import find_places, is_roundup, main_communes, main_districts, main_province
from .references import references
from .signer import signer as read_signer, signer_in_sentence
from .signed import signed_back
from .subject import Subject, choose, cited_in_passing
from .subject_issuer import subject_issuer
from .years import horizon_period, joined_horizon, plan_years, reviewed_year


def extract_all(doc: Doc) -> Metadata:
    """Every document field of `doc`; failures become warnings, never exceptions."""
    try:
        return _extract(doc)
    except Exception as exc:  # an extractor bug must not lose the document
        meta = Metadata()
        meta.warnings.append(f"metadata: {type(exc).__name__}: {exc}")
        return meta


def _extract(doc: Doc) -> Metadata:
    meta = Metadata()
    text = doc.text  # a field that fails to read is left empty, with a note (`contain`)
    header = contained("header", text, 0, None, read_header, doc) or Header()
    meta.genre = contained("genre", text, 0, None, read_genre, doc, header)
    places = contained("places", text, 0, None, find_places, doc) or []
    main = contained("province", text, 0, None, main_province, places, doc)
    roundup = False
    if meta.genre == "official":
        contained("official fields", text, 0, None, _official, doc, header, meta, main)
    else:
        roundup = contained("news fields", text, 0, None, _news, doc, meta, main, places) or False
    if meta.issuer is None and meta.province is None and not roundup:
        meta.province = main
    if meta.province and meta.province != main:
        places = contained("places", text, 0, None, find_places, doc, meta.province) or places
    meta.province_2025 = gazetteer.province_2025(meta.province)
    meta.places = places
    mentions = contained("mentions", text, 0, None, find_mentions, doc, meta.province) or []
    # a news text's number is that of the document it reports on, which it cites; an official text's is its own
    own = meta.number if meta.genre == "official" else None
    meta.references = contained("references", text, 0, None, references, doc, mentions, own) or []
    return meta


_MERGER = "2025-07-01"  # the provinces merged on this day


def _province_of(iss: Optional[Issuer], main: Optional[str]) -> Optional[str]:
    """Province of a local issuer; a district found in several provinces is settled by `main`."""
    if iss is None:
        return main
    if iss.level is None:
        return None  # a central body governs no province
    if iss.province:
        return iss.province
    if iss.level in ("huyện", "quận", "thị xã", "thành phố") and iss.place:
        provs = {u.province for u in gazetteer.districts_named(iss.place, iss.level)}
        return main if main in provs else None
    return main


def _named_after_district(place: str, issued: Optional[str]) -> Optional[str]:
    """The province of a commune or ward the gazetteer does not list, named after the one district of
    that name (the communes made in July 2025 often took their district's name: "xã Can Lộc"): the
    district's province, or the province it joined when the text is dated after the merger.

    >>> _named_after_district("Can Lộc", "2025-12-15"), _named_after_district("Lục Ngạn", "2025-09-01")
    ('Hà Tĩnh', 'Bắc Ninh')
    >>> _named_after_district("Lục Ngạn", "2024-05-01"), _named_after_district("Châu Thành", "2025-09-01") is None
    ('Bắc Giang', True)
    """
    provinces = {u.province for u in gazetteer.districts_named(place)}
    if len(provinces) != 1:
        return None
    province, = provinces
    merged = issued is not None and issued >= _MERGER and gazetteer.province_2025(province)
    return merged or province


def _official(doc: Doc, h: Header, meta: Metadata, main: Optional[str]) -> None:
    num = h.number
    if num is not None:
        meta.number, meta.number_parts = num.number, num.parts
    elif "number" in h.portal and parse_number(h.portal["number"]):
        meta.number = clean_number(h.portal["number"])
        meta.number_parts = parse_number(meta.number)
    elif h.portal_title:
        found = next(iter(find_numbers(h.portal_title)), None)
        if found:
            meta.number, meta.number_parts = found.number, found.parts
    meta.doc_type = type_name(meta.number_parts) or h.title_type or ("Công văn" if h.vv else None) \
        or h.portal.get("type")
    province_hint = gazetteer.province_name(h.place) if h.place else None
    iss = parse_issuer(h.issuer_text, province_hint or main, bare=True) if h.issuer_text else None
    if iss is None and "issuer" in h.portal:
        body = issuing_code(meta.number_parts)
        body = body if body in ("UBND", "HĐND") else "UBND"
        iss = parse_issuer(f"{body} {h.portal['issuer']}", main) or parse_issuer(h.portal["issuer"], main)
    if iss is not None:
        meta.set_issuer(iss)
    meta.province = _province_of(iss, province_hint or main) if iss else (province_hint or main)
    meta.issued_date = h.date or (parse_date(h.portal["issued"]) if "issued" in h.portal else None)
    if meta.province is None and iss is not None and iss.level in ("xã", "phường") and iss.place:
        meta.province = _named_after_district(iss.place, meta.issued_date)
    meta.signer = contained("signer", doc.text, 0, None, read_signer, doc, h.portal.get("signer"))
    for title in (h.title_text, h.vv, h.portal_title):
        if title:
            meta.plan_years = contained("plan_years", title, 0, None, plan_years, title, meta.issued_year)
            if meta.plan_years:
                if joined_horizon(title):
                    meta.goal_year = meta.plan_years[0]  # the year's tasks; the horizon says its own year
                break
    meta.period_closed = _period_closed(h.title_text or "", meta.issued_year)
    if meta.plan_years is None and meta.issued_year:
        meta.plan_years = _goal_horizon(doc.text, meta.issued_year)
    if meta.plan_years is None and meta.issued_year and meta.doc_type in _DIRECTING_TYPES:
        # a letter, notice or directive whose title names no year urges the tasks of the year it is issued in
        meta.plan_years = (meta.issued_year, meta.issued_year)


_DIRECTING_TYPES = ("Công văn", "Thông báo", "Chỉ thị")
# a title that reviews a period as a whole: "Tổng kết 05 năm thực hiện Chương trình … giai đoạn 2021-2025"
_REVIEWED_PERIOD = regex.compile(r"(?<![\p{L}])tổng\s+kết(?![\p{L}])[^.]*?(?<!\d)(?:19|20)\d{2}\s*[-–]\s*(?P<end>(?:19|20)\d{2})(?!\d)",
                                 regex.I)


def _period_closed(title: str, issued_year: Optional[int]) -> Optional[int]:
    """The year the period a title reviews as a whole ends, when the text is issued in it or later, else None.

    >>> _period_closed("Tổng kết 05 năm thực hiện Chương trình OCOP giai đoạn 2021-2025", 2025)
    2025
    >>> _period_closed("Sơ kết 03 năm thực hiện Chương trình OCOP giai đoạn 2021-2025", 2023) is None
    True
    """
    m = _REVIEWED_PERIOD.search(title)
    end = int(m["end"]) if m else None
    return end if end is not None and issued_year is not None and end <= issued_year else None
# the horizon of a text's goals: "Để hoàn thành mục tiêu đến năm 2020 …", "phấn đấu đến hết năm 2025 …"
_GOAL_HORIZON = regex.compile(r"(?<![\p{L}])(?:mục\s+tiêu|phấn\s+đấu)[^.;:\n]{0,40}?(?:đến|tới)\s+"
                              r"(?:hết\s+|cuối\s+)?năm\s+(?P<year>(?:19|20)\d{2})(?!\d)", regex.I)
_HORIZON_REACH = 10  # years after the issue a text's own goals may look ahead


def _goal_horizon(text: str, issued: int) -> Optional[tuple[int, int]]:
    """The years an official text whose title names none covers: from its issue to the horizon of its
    first goal ("Chỉ thị … ngày 12 tháng 7 năm 2019 … mục tiêu đến năm 2020" → 2019-2020), or None.

    >>> _goal_horizon("Để hoàn thành mục tiêu đến năm 2020 toàn tỉnh có ít nhất 50 sản phẩm", 2019)
    (2019, 2020)
    >>> _goal_horizon("Tỷ lệ hộ nghèo giảm so với năm 2015", 2019) is None
    True
    """
    for m in _GOAL_HORIZON.finditer(text):
        year = int(m.group("year"))
        if issued <= year <= issued + _HORIZON_REACH:
            return issued, year
    return None


def _names_a_district(text: str, places: list[Place], city: str = "") -> bool:
    """True when `text` names a district of `places`; `city`: the province's own city (Huế from 2025), no district."""
    return any(p.level == "district" and p.name != city and gazetteer.split_kind(p.name)[1] in text for p in places)


# the whole country as the text's scope: "cả nước có 17.420 sản phẩm OCOP", "toàn quốc"
# (the standard `re` on the lower-cased text: found by its first letters, where `regex` with IGNORECASE tries every one)
_COUNTRY = re.compile(r"(?<![^\W\d_])(?:cả\s+nước|toàn\s+quốc)(?![^\W\d_])")


def _news(doc: Doc, meta: Metadata, main: Optional[str], places: list[Place]) -> bool:
    """Fill the fields of a news article; True when it is a roundup of several provinces."""
    meta.published_date = contained("published_date", doc.text, 0, None, published_date, doc)
    mentions = find_mentions(doc, main)
    national = (main is None or is_roundup(places)) and bool(_COUNTRY.search(lowered(doc) or doc.text.lower()))
    subj = choose(doc, mentions, meta.published_date, national=national)
    headline = read_headline(doc)
    if is_roundup(places) and (subj is None or subj.mention.number is None or cited_in_passing(doc, subj)):
        # several provinces' plans, none named by its số hiệu but in passing: no single subject
        meta.warnings.append("roundup of several provinces: no subject document")
        if subj is not None and subj.mention.number is not None:  # the period the provinces' plans share
            meta.plan_years = contained("plan_years", doc.text, 0, None, subj.years, doc, headline, read_lead(doc))
        return True
    if subj is not None and subj.mention.number is None and is_bulletin(doc):
        meta.warnings.append("a bulletin of several items: no subject document")
        subj = None  # one item's unnumbered plan ("vượt 17% kế hoạch năm") is not what the bulletin reports on
    if subj is None:
        meta.province = main
        meta.plan_years = plan_years(headline) if headline and not reviewed_year(headline, meta.published_date) else None
        if meta.plan_years and meta.plan_years[0] == meta.plan_years[1]:
            # a horizon alone in the headline: the period the lead says ends in it
            meta.plan_years = horizon_period(headline, read_lead(doc)) or meta.plan_years
        return False
    m = subj.mention
    meta.doc_type = m.type
    if m.number:
        meta.number, meta.number_parts = m.number.number, m.number.parts
    lead = read_lead(doc)
    iss = _news_issuer(doc, subj, main, places, headline + " " + lead, meta.published_date)
    if iss is not None:
        meta.set_issuer(iss)
    meta.province = _province_of(iss, main)
    if meta.province is None and iss is not None and iss.level is None and main and any(
            p.level != "province" and p.province == main and m.sent_start <= p.span[0] < m.sent_end for p in places):
        # a central decision on a place of the province ("Quyết định số 1587/QĐ-TTg … công nhận huyện Cư
        # Kuin đạt chuẩn nông thôn mới"): the province of that place
        meta.province = main
    meta.issued_date = subj.issued_date
    if meta.issued_date and meta.published_date and meta.issued_date > meta.published_date:
        meta.issued_date = None
        meta.warnings.append("issued date after the publication date: dropped")
    meta.plan_years = contained("plan_years", doc.text, 0, None, subj.years, doc, headline, lead)
    for m in [subj.mention, *subj.group]:
        meta.signer = signer_in_sentence(doc.text[m.sent_start:m.sent_end])
        if meta.signer:
            break
    if meta.signer is None or meta.issued_date is None:
        # "Theo quyết định do Phó Chủ tịch UBND tỉnh … ký ngày 10/10, …": the subject named again as signed
        sentence, day = signed_back(doc, subj, meta.published_date)
        meta.signer = meta.signer or (signer_in_sentence(sentence) if sentence else None)
        if meta.issued_date is None and day and not (meta.published_date and day > meta.published_date):
            meta.issued_date = day
    return False


def _news_issuer(doc: Doc, subj: Subject, main: Optional[str], places: list[Place], head: str,
                 published: Optional[str]) -> Optional[Issuer]:
    """Who issued the subject of a news article: the body the text names, else one district's UBND for an
    article on that district's plan, else the province's for an article on its plan; `head`: headline and lead."""
    m = subj.mention
    districts = main_districts(places, main, doc.text)
    # (since 2025 a commune's UBND issues plans of its own: "Kế hoạch số 215/KH-UBND … của UBND xã")
    iss = subject_issuer(doc, subj, main, {**main_communes(places, main, doc.text), **districts})
    if iss is not None and iss.chair:
        # "Phó Chủ tịch UBND tỉnh … đã ký ban hành Kế hoạch": the chair signs for the body, which issues it
        iss = replace(iss, canonical=iss.canonical[iss.canonical.index(iss.body):], chair=False)
    own = provincial_ubnd(main, published or subj.issued_date) if main else None
    city = f"thành phố {own.place}" if own and own.level == "thành phố" else ""
    names_district = _names_a_district(head, places, city)
    if iss is None and _provincial(m) and m.capitalized and names_district and len(districts) == 1:
        # an article on one district's plan that does not say who issued it: that district's UBND
        (level, place), = districts.items()
        iss = Issuer(f"UBND {level} {place}", "UBND", level, place, main)
    if iss is None and own and _provincial(m) and not names_district:
        # a provincial article reports on the province's plan without naming who issued it
        iss = own
    if iss is None and m.number is not None:  # "được phê duyệt tại Quyết định số 936/QĐ-TTg": its code names who
        iss = central_issuer(issuing_code(m.number.parts), m.start, m.end)
    return iss


def _provincial(m: Mention) -> bool:
    """A plan with no số hiệu, or one numbered by a UBND ("…/KH-UBND"): a province's plan when unattributed."""
    if m.type not in load_lexicon("metadata")["provincial_types"]:
        return False
    return m.number is None or issuing_code(m.number.parts) == "UBND"
