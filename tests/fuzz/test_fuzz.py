"""A short fuzzing run inside the suite: a few thousand hostile inputs, every record checked.

The inputs come from every family of `families.FAMILIES` (random bytes, cut and
sprinkled seed texts, dense numbers and words, tables, broken bytes); the checks
are those of `checks.check`. `bench/fuzz.py` runs the same families and checks
over a million inputs. Derandomised, so the suite tests the same inputs each run.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .checks import check
from .families import FAMILIES, HypothesisDraw


@settings(max_examples=2000, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_no_input_breaks_a_record(data):
    family = data.draw(st.sampled_from(FAMILIES), label="family")
    payload = family.make(HypothesisDraw(data))
    outcome = check(payload, "fuzz" + family.suffix)
    assert outcome.problems == [], payload
    assert outcome.left_out == [], payload  # a failure contained is still a bug


# Inputs the fuzzer found: each once cost its document (or gave a record that is not JSON).
FOUND = [
    # a range whose second end reads as zero: ZeroDivisionError while scaling the first end
    ("Dự chi 5 - 0 triệu đồng cho hội chợ.", [0]),
    ("Ngân sách hỗ trợ từ 2 đến 0,0 tỷ đồng; tổ chức 02 hội chợ.", [0, 2]),
    # a numeral of hundreds of digits is no figure: its value was Infinity, which JSON cannot hold
    ("Hỗ trợ " + "9" * 400 + " sản phẩm và 5 sản phẩm.", [5]),
    ("STT | Chỉ tiêu | Đơn vị | Kế hoạch 2024\n1 | Sản phẩm OCOP | sản phẩm | " + "9" * 400
     + "\n2 | Điểm bán | điểm | 7", [7]),
]


@pytest.mark.parametrize("text, values", FOUND)
def test_inputs_the_fuzzer_found(text, values):
    from ocop_extract.pipeline import process_bytes

    outcome = check(text.encode())
    assert outcome.problems == [] and outcome.left_out == []
    assert [t.value for t in process_bytes("found", text.encode()).targets] == values


def test_a_pdf_whose_pages_fail_to_load_is_a_record():
    """Flipped bytes that leave a PDF openable but a page unloadable once escaped the reader."""
    import random

    from .families import RandomDraw
    from .format_families import broken_pdf

    for i in range(40):  # inputs of the fuzzer's PDF family, among them pages PDFium cannot load
        outcome = check(broken_pdf(RandomDraw(random.Random(i))), "fuzz.pdf")
        assert outcome.problems == [], i
