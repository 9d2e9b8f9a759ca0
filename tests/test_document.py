"""Lines of a document: every character is in a line or in the one break after it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ocop_extract.document import Doc

texts = st.lists(st.sampled_from(["Kế hoạch", "20 sản phẩm", " ", "\n", "\r\n", "\r", "\n\n"]), max_size=12).map("".join)


@given(texts)
def test_lines_cover_the_text_with_one_break_between_them(text: str) -> None:
    doc = Doc.from_text("d", text)
    lines = doc.lines
    assert lines[0].start == 0 and [line.index for line in lines] == list(range(len(lines)))
    for line in lines:
        assert doc.text[line.start:line.end] == line.text
        assert "\n" not in line.text and "\r" not in line.text
    for before, after in zip(lines, lines[1:]):
        assert doc.text[before.end:after.start] in ("\n", "\r\n", "\r")
    assert doc.text[lines[-1].end:] in ("", "\n", "\r\n", "\r")


def test_a_final_break_starts_no_empty_line() -> None:
    assert [line.text for line in Doc.from_text("d", "a\n\nb\n").lines] == ["a", "", "b"]
    assert [line.text for line in Doc.from_text("d", "a\r\nb\rc").lines] == ["a", "b", "c"]
    assert [line.text for line in Doc.from_text("d", "").lines] == [""]
