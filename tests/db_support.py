"""Fixtures and sample records shared by the tests/test_db*.py files.

`db_url` gives each test an empty database of each backend: an SQLite file in
the test's tmp_path, or a new database on a private PostgreSQL server that the
first PostgreSQL test starts (initdb + pg_ctl on a Unix socket in a temporary
folder) and that is stopped when the test session ends.

No PostgreSQL is a failure, not a skip: `scripts/setup.sh --test` installs it.
Only outside CI can `OCOP_SKIP_POSTGRES=1` turn those tests into skips, for a
laptop without the server.
"""

from __future__ import annotations

import atexit
import itertools
import os
import re

import pytest

from ocop_extract.db import connect
from ocop_extract.db.pgserver import PostgresUnavailable, TempPostgres
from ocop_extract.models import ErrorInfo, Place, Record, Reference, Source, Target

BACKENDS = ("sqlite", "postgresql")

_server: TempPostgres | None = None
_counter = itertools.count()


def postgres_server() -> TempPostgres:
    """The session's private PostgreSQL server, started on first use; fails the test when it cannot start."""
    global _server
    if _server is None:
        if os.environ.get("OCOP_SKIP_POSTGRES") == "1" and not os.environ.get("CI"):
            pytest.skip("OCOP_SKIP_POSTGRES=1: PostgreSQL tests skipped (never in CI)")
        try:
            _server = TempPostgres.start()
        except PostgresUnavailable as exc:
            pytest.fail(f"cannot start a PostgreSQL server for the tests: {exc}", pytrace=False)
        atexit.register(_server.stop)
    return _server


def new_database_url(backend: str, tmp_path, name: str) -> str:
    """An empty database of the given backend."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'ocop.db'}"
    dbname = re.sub(r"[^a-z0-9]+", "_", name.lower())[:40] + f"_{next(_counter)}"
    return postgres_server().create_database(dbname)


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path) -> str:
    """An empty database URL, once per backend."""
    return new_database_url(request.param, tmp_path, request.node.name)


def rows(url: str, table: str) -> list[tuple]:
    """Every row of a table, sorted, as plain tuples (JSON columns as Python values)."""
    with connect(url) as db:
        found = db.execute(f'SELECT * FROM "{table}"').fetchall()
    return sorted((tuple(r) for r in found), key=repr)


def count(url: str, table: str) -> int:
    with connect(url) as db:
        return db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]


def _target(text: str, start: int, **fields) -> Target:
    return Target(text=text, span=(start, start + len(text)), **fields)


def quang_nam_plan(sha256: str = "a" * 64) -> Record:
    """A Kế hoạch of UBND tỉnh Quảng Nam with four targets, two references and two places."""
    return Record(
        doc_id="002_dbb531843058f8a7",
        source=Source(path="corpus/002_dbb531843058f8a7.txt", sha256=sha256, encoding="utf-8"),
        genre="official", doc_type="Kế hoạch", number="2134/KH-UBND",
        number_parts={"sequence": "2134", "type_code": "KH", "body_code": "UBND"},
        issuer="UBND tỉnh Quảng Nam", province="Quảng Nam", province_2025="Đà Nẵng",
        signer="Trần Anh Tuấn", issued_date="2022-04-08", plan_years=(2022, 2024),
        references=[
            Reference(type="Nghị quyết", number="07/2021/NQ-HĐND", date="2021-01-13",
                      number_parts={"sequence": "07", "year": 2021, "type_code": "NQ", "body_code": "HĐND"},
                      span=(410, 446)),
            Reference(type="Quyết định", number="919/QĐ-TTg", date="2022-08-01"),
        ],
        places=[Place(name="Quảng Nam", level="province", span=(120, 129)),
                Place(name="Núi Thành", level="district", province="Quảng Nam", span=(2010, 2019))],
        targets=[
            _target("ít nhất 70% số sản phẩm", 1834, value=70, comparator=">=", unit="%", unit_text="%",
                    stars=3, year=2024, scope="Quảng Nam", rule="at_least_percent", confidence=0.9,
                    metric="số sản phẩm đăng ký tham gia Chương trình OCOP đạt hạng 3 sao trở lên"),
            _target("268 sản phẩm", 2100, value=268, comparator="=", unit="product", unit_text="sản phẩm",
                    year=2024, scope="Quảng Nam"),
            _target("từ 15 đến 20 hội chợ", 2300, value=15, value_max=20, comparator="range", unit="event",
                    unit_text="hội chợ", per="year", explain=["cue: từ … đến", "unit: hội chợ"]),
            _target("700 triệu đồng", 2500, value=700_000_000, comparator="=", unit="VND", unit_text="triệu đồng"),
        ],
        warnings=["không rõ ngày ký"],
    )


def hue_news() -> Record:
    """A news article reporting an actual count."""
    return Record(
        doc_id="d08_thuathienhue_news_ocop_2023",
        source=Source(path="tests/gold/devset/d08_thuathienhue_news_ocop_2023.txt", sha256="b" * 64),
        genre="news", doc_type="Kế hoạch", issuer="UBND tỉnh Thừa Thiên Huế", province="Thừa Thiên Huế",
        published_date="2023-09-12", plan_years=(2023, 2023),
        targets=[_target("có 333 sản phẩm", 560, value=333, comparator="=", unit="product",
                         unit_text="sản phẩm", stars=3, status="actual", scope="Thừa Thiên Huế")],
    )


def empty_file() -> Record:
    """The record of a file that could not be read."""
    return Record(doc_id="005_empty", source=Source(path="corpus/005_empty.txt", sha256="e3b0" + "0" * 60),
                  error=ErrorInfo(type="empty", message="the file is empty"))


def sample_records() -> list[Record]:
    return [quang_nam_plan(), hue_news(), empty_file()]
