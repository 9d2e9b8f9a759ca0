"""The indicator table (`python -m ocop_extract indicators`): one row per fact across documents."""

from __future__ import annotations

import csv
import io
import json

import pytest

from ocop_extract.cli import main

PLAN = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 1520/KH-UBND
Hà Tĩnh, ngày 15 tháng 3 năm 2024

KẾ HOẠCH
Thực hiện Chương trình Mỗi xã một sản phẩm (OCOP) tỉnh Hà Tĩnh năm 2024

I. MỤC TIÊU
1. Năm 2024, phấn đấu công nhận mới ít nhất 45 sản phẩm OCOP đạt từ 3 sao trở lên.
2. Tổ chức ít nhất 03 hội chợ, tuần hàng giới thiệu sản phẩm OCOP.
3. Tổng kinh phí thực hiện 4.500 triệu đồng.

CHỦ TỊCH
Võ Trọng Hải
"""

NEWS = """Hà Tĩnh đặt mục tiêu công nhận mới {n} sản phẩm OCOP năm 2024

Thứ Năm, 21/03/2024 - 08:10

UBND tỉnh Hà Tĩnh vừa ban hành Kế hoạch số 1520/KH-UBND thực hiện Chương trình OCOP năm 2024.
Theo đó, năm 2024 tỉnh phấn đấu công nhận mới ít nhất {n} sản phẩm OCOP đạt từ 3 sao trở lên.
"""


def _table(capsys, *args) -> tuple[int, list[dict]]:
    code = main(["indicators", *args])
    out = capsys.readouterr().out
    return code, list(csv.DictReader(io.StringIO(out)))


def _row(rows, indicator):
    found = [r for r in rows if r["indicator"] == indicator]
    assert len(found) == 1, found
    return found[0]


def test_plan_and_news_about_it_are_one_row_the_plan_winning(tmp_path, capsys):
    (tmp_path / "a_news.txt").write_text(NEWS.format(n=45), encoding="utf-8")
    (tmp_path / "b_plan.txt").write_text(PLAN, encoding="utf-8")
    code, rows = _table(capsys, str(tmp_path))
    assert code == 0
    new = _row(rows, "ocop_products_new")
    assert (new["province"], new["place"], new["year"], new["stars"], new["status"]) == (
        "Hà Tĩnh", "Hà Tĩnh", "2024", "3", "target")
    assert (new["value"], new["comparator"], new["unit"], new["conflict"]) == ("45", ">=", "product", "0")
    assert new["doc_id"] == "b_plan" and new["genre"] == "official" and new["number"] == "1520/KH-UBND"
    assert json.loads(new["documents"]) == ["b_plan", "a_news"]
    assert new["mentions"] == "3"    # the plan once, the news in its headline and its body
    source = PLAN
    assert source[int(new["span_start"]):int(new["span_end"])] == new["text"]
    assert _row(rows, "budget")["value"] == "4500000000"


def test_conflicting_values_are_kept_side_by_side_and_flagged(tmp_path, capsys):
    (tmp_path / "a_news.txt").write_text(NEWS.format(n=50), encoding="utf-8")
    (tmp_path / "b_plan.txt").write_text(PLAN, encoding="utf-8")
    main(["indicators", str(tmp_path)])
    captured = capsys.readouterr()
    assert "3 indicator rows, 1 with conflicting values" in captured.err
    rows = list(csv.DictReader(io.StringIO(captured.out)))
    new = _row(rows, "ocop_products_new")
    assert new["conflict"] == "1" and new["value"] == "45"        # the official text's value, not a mean
    assert json.loads(new["values"]) == ["45 product: b_plan", "50 product: a_news"]
    assert _row(rows, "budget")["conflict"] == "0"


def test_records_already_written_give_the_same_table(tmp_path, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "b_plan.txt").write_text(PLAN, encoding="utf-8")
    (docs / "a_news.txt").write_text(NEWS.format(n=45), encoding="utf-8")
    assert main([str(docs), "-o", str(tmp_path / "r.jsonl")]) == 0
    # records of an older run, without indicators: they are mapped again from the source
    lines = [json.loads(x) for x in (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()]
    for rec in lines:
        for t in rec["targets"]:
            del t["indicator"]
    (tmp_path / "old.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in lines),
                                        encoding="utf-8")
    capsys.readouterr()
    _, from_docs = _table(capsys, str(docs))
    _, from_records = _table(capsys, str(tmp_path / "r.jsonl"))
    _, from_old = _table(capsys, str(tmp_path / "old.jsonl"))
    assert from_docs == from_records == from_old and len(from_docs) == 3


def test_other_is_left_out_unless_asked(tmp_path, capsys):
    (tmp_path / "p.txt").write_text(PLAN.replace("3. Tổng kinh phí", "3. Diện tích trồng quế đạt 500 ha.\n4. Tổng kinh phí"),
                                    encoding="utf-8")
    _, rows = _table(capsys, str(tmp_path))
    _, with_other = _table(capsys, str(tmp_path), "--other")
    assert "other" not in {r["indicator"] for r in rows}
    assert len(with_other) >= len(rows)


def test_csv_and_parquet_files(tmp_path, capsys):
    pq = pytest.importorskip("pyarrow.parquet")
    (tmp_path / "p.txt").write_text(PLAN, encoding="utf-8")
    assert main(["indicators", str(tmp_path / "p.txt"), "-o", str(tmp_path / "out" / "t.csv")]) == 0
    assert main(["indicators", str(tmp_path / "p.txt"), "-o", str(tmp_path / "t.parquet")]) == 0
    rows = list(csv.DictReader((tmp_path / "out" / "t.csv").open(encoding="utf-8")))
    table = pq.read_table(tmp_path / "t.parquet").to_pylist()
    assert [r["indicator"] for r in rows] == [r["indicator"] for r in table]
    assert table[0]["documents"] == ["p"] and isinstance(table[0]["value"], float)
    assert not list(tmp_path.glob(".*.part")) and not list((tmp_path / "out").glob(".*"))


def test_bad_input_is_reported_and_the_rest_goes_on(tmp_path, capsys):
    (tmp_path / "p.txt").write_text(PLAN, encoding="utf-8")
    assert main([str(tmp_path / "p.txt"), "-o", str(tmp_path / "r.jsonl")]) == 0
    with (tmp_path / "r.jsonl").open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    capsys.readouterr()
    code, rows = _table(capsys, str(tmp_path / "r.jsonl"))
    assert code == 1 and len(rows) == 3
    assert main(["indicators", str(tmp_path / "p.txt"), "-o", str(tmp_path / "t.xlsx")]) == 2
    assert "written as .csv or .parquet" in capsys.readouterr().err
