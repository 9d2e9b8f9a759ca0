"""Table-driven tests of the metadata grammar: tests/corpus/metadata.yaml, one generic runner."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ocop_extract.document import Doc
from ocop_extract.metadata import extract_metadata, gazetteer
from ocop_extract.metadata.byline import published_date
from ocop_extract.metadata.dates import find_dates
from ocop_extract.metadata.headline import headline
from ocop_extract.metadata.issuer import parse_issuer
from ocop_extract.metadata.numbers import find_numbers, parse_number, type_name
from ocop_extract.metadata.places import find_places
from ocop_extract.metadata.signer import signer
from ocop_extract.metadata.years import plan_years

CORPUS = yaml.safe_load((Path(__file__).parent / "corpus" / "metadata.yaml").read_text(encoding="utf-8"))


def _number(text):
    parts = parse_number(text)
    if parts is None:
        found = list(find_numbers(text))
        return None if not found else found
    return [parts.sequence, parts.year, parts.type_code, parts.body_code, type_name(parts)]


def _first_place(text):
    places = find_places(Doc.from_text("t", text))
    return [places[0].name, places[0].level, places[0].province] if places else None


def _news(text):
    meta = extract_metadata(Doc.from_text("t", text))
    # an extractor that raised leaves empty fields and a warning: a negative must not pass on that
    crashed = [w for w in meta.warnings if w.startswith("metadata: ")]
    assert not crashed, crashed
    return meta


READERS = {
    "number": _number,
    "date": lambda t: (find_dates(t)[0].iso if find_dates(t) else None),
    "issuer": lambda t: (lambda i: i.canonical if i else None)(parse_issuer(t)),
    "years": lambda t: (list(plan_years(t)) if plan_years(t) else None),
    "place": _first_place,
    "province_2025": gazetteer.province_2025,
    "published": lambda t: published_date(Doc.from_text("t", t)),
    "signer": lambda t: signer(Doc.from_text("t", t)),
    "headline": lambda t: headline(Doc.from_text("t", t)),
    # whole articles: the document the article reports on (its số hiệu, else its type), its issuer, signer
    "subject": lambda t: (lambda m: m.number or m.doc_type)(_news(t)),
    "news_issuer": lambda t: _news(t).issuer,
    "news_signer": lambda t: _news(t).signer,
    "issued": lambda t: _news(t).issued_date,
    "news_type": lambda t: (lambda m: [m.doc_type, list(m.plan_years) if m.plan_years else None])(_news(t)),
    "genre": lambda t: _news(t).genre,
    "goal_year": lambda t: _news(t).goal_year,
    "news_plan": lambda t: (lambda m: [m.issuer, m.province, list(m.plan_years) if m.plan_years else None])(_news(t)),
}

ROWS = [pytest.param(dim, row["text"], row["expect"], id=f"{dim}:{row['text'][:40]}")
        for dim, rows in CORPUS.items() if dim != "negative" for row in rows]
NEGATIVE = [pytest.param(row["dim"], row["text"], id=f"{row['dim']}:{row['text'][:40]}") for row in CORPUS["negative"]]


def test_corpus_is_large_enough():
    assert len(ROWS) + len(NEGATIVE) >= 60


@pytest.mark.parametrize("dim,text,expect", ROWS)
def test_example(dim, text, expect):
    assert READERS[dim](text) == expect


@pytest.mark.parametrize("dim,text", NEGATIVE)
def test_negative(dim, text):
    assert not READERS[dim](text)


@pytest.mark.parametrize("text", ["", "\n\n", "Số:", "Số: /KH-UBND", "ngày 99 tháng 99 năm 9999",
                                  "KT. CHỦ TỊCH\n", "Căn cứ Quyết định số", "\x00\x01 ✓ 😀", "Theo Kế hoạch số"])
def test_junk_never_raises(text):
    meta = extract_metadata(Doc.from_text("junk", text))
    assert not meta.warnings  # no extractor crashed


_COMMUNE_REPORT = ("ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                   "  XÃ {name}                          Độc lập - Tự do - Hạnh phúc\n\n"
                   "Số: 88/BC-UBND                     {place}, ngày {day}\n\n"
                   "BÁO CÁO\nKết quả thực hiện Chương trình OCOP năm 2025\n\n"
                   "Năm 2025, xã có thêm 2 sản phẩm OCOP đạt 3 sao.\n")


@pytest.mark.parametrize("name, day, province", [
    # a commune made in July 2025 and named after its district: the district's province …
    ("CAN LỘC", "15 tháng 12 năm 2025", "Hà Tĩnh"),
    # … the province it joined, for a text dated after the merger
    ("LỤC NGẠN", "10 tháng 9 năm 2025", "Bắc Ninh"),
    # a district name that several provinces have settles none
    ("TAM NÔNG", "10 tháng 9 năm 2025", None),
])
def test_commune_named_after_its_district(name, day, province):
    text = _COMMUNE_REPORT.format(name=name, place=name.title(), day=day)
    assert extract_metadata(Doc.from_text("x", text)).province == province
