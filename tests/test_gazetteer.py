"""The 2025 merger table kept in the lexicon agrees with underthesea's mapping."""

from __future__ import annotations

from ocop_extract.lexicon import load_lexicon
from ocop_extract.metadata.gazetteer import province_2025, provinces_2025_table


def test_the_kept_table_matches_underthesea() -> None:
    table = provinces_2025_table()
    assert len(table) == 63
    assert load_lexicon("provinces_2025") == table, "regenerate with: python -m ocop_extract.metadata.gazetteer"


def test_any_spelling_of_an_old_province_gives_its_new_province() -> None:
    assert province_2025("tỉnh Bắc Giang") == "Bắc Ninh"
    assert province_2025("Thừa Thiên Huế") == "Huế"
    assert province_2025("TP.HCM") == "Hồ Chí Minh"
    assert province_2025("An Giang") == "An Giang"
    assert province_2025("huyện Lục Ngạn") is None
    assert province_2025(None) is None
