"""Tables laid out one cell per line: which lines they take, and junk that must not break them."""

from __future__ import annotations

import random

from ocop_extract.document import Doc
from ocop_extract.layout import line_kinds
from ocop_extract.metadata import Metadata
from ocop_extract.targets import extract_targets
from ocop_extract.targets.tables import read_table
from ocop_extract.targets.vertical import vertical_grid

ANNEX = """PHỤ LỤC
CHỈ TIÊU XÃ ĐẠT CHUẨN NĂM 2024
STT
Huyện, thị xã
Xã NTM nâng cao (xã)
Xã NTM kiểu mẫu (xã)
1
Đại Lộc
2
1
2
Điện Bàn
3
-
Cộng
5
1
Các huyện rà soát, đăng ký thêm 2 xã trước ngày 30/6."""


def test_the_lines_of_a_table_are_table_lines_and_the_prose_after_it_stays_content():
    doc = Doc.from_text("annex", ANNEX)
    kinds = line_kinds(doc)
    assert kinds[:2] == ["content", "content"]
    assert kinds[2:17] == ["table"] * 15
    assert kinds[17] == "content"
    meta = Metadata(genre="official", province="Quảng Nam", plan_years=(2024, 2024))
    targets = extract_targets(doc, meta)
    assert [(t.value, t.scope, t.rule) for t in targets] == [
        (2, "Đại Lộc", "table_cell"), (1, "Đại Lộc", "table_cell"), (3, "Điện Bàn", "table_cell"),
        (5, "Quảng Nam", "table_cell"), (1, "Quảng Nam", "table_cell"), (2, "Quảng Nam", "count_with_unit")]


def test_the_grid_ends_where_no_row_fits():
    grid = vertical_grid(Doc.from_text("annex", ANNEX), 2)
    assert grid is not None and grid.end == 17
    assert [row[1][2] for row in grid.rows] == ["Đại Lộc", "Điện Bàn", "Cộng"]


def test_rows_out_of_order_are_no_table():
    doc = Doc.from_text("t", "STT\nHuyện\nSản phẩm mới (sản phẩm)\n2\nĐại Lộc\n4\n1\nQuế Sơn\n3")
    assert vertical_grid(doc, 0) is None
    assert "table" not in line_kinds(doc)


def test_shuffled_lines_never_raise():
    lines = ANNEX.split("\n") + ["", "|", "STT | Đơn vị | Kinh phí (triệu đồng)", "1 | | 3", "Tổng | 2"]
    rng = random.Random(7)
    for _ in range(300):
        picked = [rng.choice(lines) for _ in range(rng.randint(1, 25))]
        doc = Doc.from_text("junk", "\n".join(picked))
        for first in range(len(doc.lines)):
            vertical_grid(doc, first)
        kinds = line_kinds(doc)
        for first, line in enumerate(doc.lines):
            if kinds[first] == "table" and (first == 0 or kinds[first - 1] != "table"):
                last = next((k for k in range(first, len(kinds)) if kinds[k] != "table"), len(kinds))
                read_table(doc, first, last, 2024)
