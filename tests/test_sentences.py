"""Sentence ends: after a final mark, before a capital or a digit, across quotes and brackets."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from ocop_extract.document import Doc
from ocop_extract.sentences import sentences

# The rule stated as look-arounds: a gap after ".", "!", "?" or "…" (closing quotes and
# brackets, then white space) when a capital or digit follows; or none at all after "…".
_REFERENCE = regex.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“(\-–•]?\s*[\p{Lu}\d])|(?<=…)(?=\p{Lu})")

pieces = st.sampled_from(["Năm", "2024", "xã", "Đến", ".", "…", "!", "?", " ", "  ", "\"", "”", "“", ")", "(", "-", "•"])


def _reference(text: str) -> list[str]:
    out, pos = [], 0
    for m in _REFERENCE.finditer(text):
        out.append(text[pos:m.start()])
        pos = m.end()
    return out + [text[pos:]] if pos < len(text) else out


@given(st.lists(pieces, min_size=1, max_size=25).map("".join))
def test_sentences_end_where_the_rule_says(text: str) -> None:
    doc = Doc.from_text("d", "Kế hoạch: " + text)
    assert [doc.text[s:e] for s, e in sentences(doc)] == _reference(doc.text)


def test_quotes_and_ellipses() -> None:
    doc = Doc.from_text("d", "Huyện đạt 20 sản phẩm.” Năm 2025 có thêm 5… Đến nay có 3 sản phẩm…Tỉnh có 10.")
    assert [doc.text[s:e] for s, e in sentences(doc)] == [
        "Huyện đạt 20 sản phẩm.", "Năm 2025 có thêm 5…", "Đến nay có 3 sản phẩm…", "Tỉnh có 10."]
