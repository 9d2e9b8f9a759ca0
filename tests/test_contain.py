"""A failure inside one rule costs one item (a quantity, a target, a table, a field), never the document.

Each test makes one real rule fail on one input (monkeypatching the reader
function to raise there) and checks that the record keeps everything else,
with a warning naming the rule and the characters.
"""

from __future__ import annotations

import pytest

from ocop_extract import contain
from ocop_extract.engines.work import Item, process_item
from ocop_extract.metadata import extract as meta_extract
from ocop_extract.pipeline import process_bytes
from ocop_extract.targets import finders, quantities, resolve_fields

PLAN = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
Số: 215/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Tĩnh, ngày 12 tháng 3 năm 2024

KẾ HOẠCH
Thực hiện Chương trình OCOP tỉnh Hà Tĩnh năm 2024

Căn cứ Quyết định số 919/QĐ-TTg ngày 01/8/2022 của Thủ tướng Chính phủ;
I. MỤC TIÊU
Phấn đấu năm 2024 có thêm ít nhất 40 sản phẩm đạt từ 3 sao trở lên; hỗ trợ 12 hợp tác xã hoàn thiện hồ sơ; \
tổ chức 02 hội chợ sản phẩm OCOP.
Kinh phí thực hiện dự kiến 850 triệu đồng cho các hoạt động xúc tiến thương mại.
STT | Chỉ tiêu | Đơn vị | Kế hoạch 2024 | Thực hiện 2023
1 | Sản phẩm OCOP công nhận mới | sản phẩm | 40 | 35
2 | Điểm bán sản phẩm OCOP | điểm | 6 | 4

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn Hùng
""".encode()


def _record(data: bytes = PLAN):
    return process_bytes("plan", data, "plan.txt")


def _figures(record) -> list[tuple[float, str, str]]:
    return [(t.value, t.text, t.rule) for t in record.targets]


@pytest.fixture(scope="module")
def clean():
    record = _record()
    assert record.warnings == [] and record.error is None
    assert len(record.targets) == 8  # four in the prose, four table cells
    return record


def _fail_on(function, condition):
    """`function`, made to raise where `condition(*args)` holds."""
    def failing(*args, **kwargs):
        if condition(*args, **kwargs):
            raise RuntimeError("injected")
        return function(*args, **kwargs)
    return failing


def test_a_quantity_that_fails_to_read_is_left_out_alone(monkeypatch, clean):
    monkeypatch.setattr(quantities, "_read_quantity",
                        _fail_on(quantities._read_quantity, lambda text, num, *_: num.raw == "12"))
    record = _record()
    assert _figures(record) == [f for f in _figures(clean) if f[1] != "12 hợp tác xã"]
    assert len(record.warnings) == 1
    assert record.warnings[0].startswith("quantity: RuntimeError (injected) on characters ")
    assert "'12 hợp tác xã" in record.warnings[0]
    assert record.number == clean.number and record.signer == clean.signer


def test_a_target_whose_fields_fail_is_left_out_alone(monkeypatch, clean):
    # the star class of the money figure cannot be read: that figure goes, the others stay
    monkeypatch.setattr(resolve_fields, "stars_for", _fail_on(resolve_fields.stars_for, lambda text, q, *_: q.unit == "VND"))
    record = _record()
    assert _figures(record) == [f for f in _figures(clean) if f[2] != "money"]
    assert len(record.warnings) == 1
    assert record.warnings[0].startswith("target: RuntimeError (injected) on characters ")
    assert record.warnings[0].endswith("'850 triệu đồng': left out")


def test_a_table_that_fails_costs_its_cells_only(monkeypatch, clean):
    monkeypatch.setattr(finders, "read_table", _fail_on(finders.read_table, lambda *a: True))
    record = _record()
    assert _figures(record) == [f for f in _figures(clean) if f[2] != "table_cell"]
    assert len(record.warnings) == 1 and record.warnings[0].startswith("table: RuntimeError (injected)")
    assert "'STT | Chỉ tiêu" in record.warnings[0]


@pytest.mark.parametrize("name, field, empty", [
    ("read_signer", "signer", None),
    ("references", "references", []),
    ("plan_years", "plan_years", None),
])
def test_a_metadata_field_that_fails_is_left_empty_alone(monkeypatch, clean, name, field, empty):
    monkeypatch.setattr(meta_extract, name, _fail_on(getattr(meta_extract, name), lambda *a: True))
    record = _record()
    assert getattr(clean, field) not in (None, [])
    assert getattr(record, field) == empty
    for other in ("number", "issuer", "province", "issued_date", "doc_type", "signer", "references", "plan_years"):
        if other != field:
            assert getattr(record, other) == getattr(clean, other), other
    assert _figures(record) == _figures(clean)
    rule = {"read_signer": "signer"}.get(name, name)
    assert len(record.warnings) == 1 and record.warnings[0].startswith(f"{rule}: RuntimeError (injected)")


def test_what_cannot_be_contained_is_still_the_documents_internal_error(monkeypatch):
    monkeypatch.setattr(finders, "sentences", _fail_on(finders.sentences, lambda *a: True))
    done = process_item(Item("plan.txt", PLAN))
    assert done.error and '"type": "internal"' in done.line and "RuntimeError: injected" in done.line


def test_outside_a_document_a_failure_propagates(monkeypatch):
    monkeypatch.setattr(quantities, "_read_quantity", _fail_on(quantities._read_quantity, lambda *a: True))
    with pytest.raises(RuntimeError):
        quantities.find_quantities("hỗ trợ 12 hợp tác xã")


def test_the_zero_scale_range_keeps_the_rest_of_the_document(clean):
    data = PLAN.replace("850 triệu đồng".encode(), "850 triệu đồng, trong đó ngân sách xã 5 - 0 triệu đồng".encode())
    record = _record(data)
    assert record.warnings == []
    assert [f[0] for f in _figures(record)] == [40, 12, 2, 850e6, 0, 40, 35, 6, 4]


def test_a_note_quotes_at_most_a_line_of_the_item():
    note = contain.note("header", ValueError(""), "x" * 500)
    assert note == f"header: ValueError on characters 0-500 '{'x' * 80}…': left out"


def test_a_failure_of_the_indicator_step_costs_the_indicators_not_the_record(monkeypatch):
    import ocop_extract.indicators as indicators
    from ocop_extract.engines.work import annotate_bytes
    from ocop_extract.pipeline import process_bytes

    data = "Năm 2024, tỉnh phấn đấu có thêm 30 sản phẩm OCOP.".encode()
    record = process_bytes("kh", data, "kh.txt")

    def broken(record, source=None):
        raise KeyError("taxonomy")

    monkeypatch.setattr(indicators, "annotate", broken)
    kept = annotate_bytes(record, data)
    assert [t.value for t in kept.targets] == [30]
    assert kept.targets[0].indicator is None
    assert kept.warnings[-1] == "indicators: KeyError ('taxonomy'): left out"
