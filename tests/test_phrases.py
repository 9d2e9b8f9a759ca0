"""A factored alternation finds exactly what the plain alternation (longest first) finds."""

from __future__ import annotations

import re

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_extract.phrases import alternation

# Syllables that share prefixes, as cue lists do ("kế", "kế hoạch", "kết quả").
SYLLABLES = ["kế", "kết", "hoạch", "quả", "đã", "đạt", "đến", "nay", "năm", "năm", "hiện", "hiện có", "có", "Có"]
phrase = st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=3).map(" ".join)
text = st.lists(st.sampled_from(SYLLABLES + [",", ".", "\n", "  ", "x"]), max_size=30).map(" ".join)


def _plain(phrases: list[str]) -> str:
    alts = sorted(set(phrases), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in alts) + ")"


@settings(max_examples=300, deadline=None)
@given(st.lists(phrase, min_size=1, max_size=8), text)
def test_same_matches_as_the_plain_alternation(phrases: list[str], sample: str) -> None:
    bounded = r"(?<!\w){}(?!\w)"
    plain = [m.span() for m in re.finditer(bounded.format(_plain(phrases)), sample)]
    assert [m.span() for m in re.finditer(bounded.format(alternation(phrases)), sample)] == plain
    checked_after_first = alternation(phrases, not_after=r"\w") + r"(?!\w)"
    assert [m.span() for m in re.finditer(checked_after_first, sample)] == plain


@settings(max_examples=200, deadline=None)
@given(st.lists(phrase, min_size=1, max_size=8), text)
def test_folded_case_matches_case_insensitively(phrases: list[str], sample: str) -> None:
    bounded = r"(?<![\p{{L}}\d]){}(?![\p{{L}}\d])"
    plain = regex.compile(bounded.format(_plain([p.lower() for p in phrases])), regex.I)
    factored = regex.compile(bounded.format(alternation(phrases, fold_case=True)), regex.I)
    assert [m.span() for m in factored.finditer(sample)] == [m.span() for m in plain.finditer(sample)]


def test_longest_phrase_wins_and_a_space_matches_any_white_space() -> None:
    pattern = re.compile(r"(?<!\w)" + alternation(["kế", "kế hoạch", "kết quả"]) + r"(?!\w)")
    assert [m.group() for m in pattern.finditer("kế hoạch, kế\nhoạch, kết quả, kế, kết")] == [
        "kế hoạch", "kế\nhoạch", "kết quả", "kế"]


def test_an_empty_list_matches_nothing() -> None:
    assert re.search(alternation([]), "anything") is None
