"""The lexicon as data: every key is read by the code, and a phrase in two roles says so."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

PACKAGE = Path(__file__).parent.parent / "ocop_extract"
LEXICON = PACKAGE / "lexicon"
SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))

# Sections whose keys are data (a word, a code, a macro's name), not names the code looks up.
DATA_SECTIONS = {("indicators", "macros"), ("metadata", "type_codes"), ("metadata", "type_nouns"),
                 ("places", "provinces"), ("places", "unit_abbreviations")}
DATA_FILES = {"provinces_2025"}  # one table keyed by province
# Declarations read by this test (`test_a_phrase_in_two_roles_says_so`), not by the code.
DECLARATIONS = {("cues", "two_roles")}


def _load(name: str):
    return yaml.safe_load((LEXICON / f"{name}.yaml").read_text(encoding="utf-8"))


def _keys():
    for path in sorted(LEXICON.glob("*.yaml")):
        name = path.stem
        yield name, (name,)
        data = _load(name)
        if name in DATA_FILES or not isinstance(data, dict):
            continue
        for key, value in data.items():
            yield key, (name, key)
            if (name, key) in DATA_SECTIONS | DECLARATIONS or not isinstance(value, dict):
                continue
            if all(isinstance(v, (list, dict, str)) for v in value.values()):
                for sub in value:
                    yield sub, (name, key, sub)


def _read(key) -> bool:
    return re.search(r"[\"']" + re.escape(str(key)) + r"[\"']", SOURCE) is not None


@pytest.mark.parametrize("key,where", list(_keys()), ids=lambda v: "/".join(map(str, v)) if isinstance(v, tuple) else None)
def test_every_lexicon_key_is_read(key, where):
    assert _read(key), f"lexicon {'/'.join(map(str, where))}: no module reads {key!r}; delete it or read it"


def _roles() -> dict[str, set[str]]:
    lex = _load("cues")
    roles: dict[str, set[str]] = defaultdict(set)
    for side in ("before", "after"):
        for words in lex["comparators"][side].values():
            for w in words:
                roles[w].add("comparator")
        for w in lex["rate"][side]:
            roles[w].add("rate")
    for w in lex["comparators"]["fillers"]:
        roles[w].add("filler")
    for status in ("actual", "actual_after", "target"):
        for w in lex["status"][status]:
            roles[w].add(status)
    return roles


def test_a_phrase_in_two_roles_says_so():
    declared = {w: set(key.split("_and_")) for key, words in _load("cues")["two_roles"].items() for w in words}
    unsaid = {w: sorted(r) for w, r in _roles().items() if len(r) > 1 and declared.get(w) != r}
    assert not unsaid, f"phrases in two roles not declared in cues.yaml two_roles: {unsaid}"
    stale = {w: sorted(r) for w, r in declared.items() if _roles().get(w) != r}
    assert not stale, f"two_roles declares roles the lists do not give: {stale}"


def test_a_comparator_has_one_meaning():
    lex = _load("cues")
    meanings: dict[str, set[str]] = defaultdict(set)
    for side in ("before", "after"):
        for comparator, words in lex["comparators"][side].items():
            for w in words:
                meanings[w].add(comparator)
    assert {w: m for w, m in meanings.items() if len(m) > 1} == {}


def test_sub_lists_stay_inside_their_list():
    status = _load("cues")["status"]
    assert set(status["task"]) <= set(status["target"])  # a verb of doing is a kind of target cue
    assert set(status["strong_target"]) <= set(status["target"])


# Duckling's pairing (Rules.hs beside Corpus.hs): each lexicon file and the corpora of tests/corpus/
# that exercise its lists.
CORPORA = {
    "cues": ("comparators", "status", "stars", "years"),
    "indicators": ("indicators", "indicators_list"),
    "layout": ("layout",),
    "metadata": ("metadata",),
    "numbers": ("numbers", "units"),
    "places": ("scope", "metadata"),
    "units": ("units", "tables"),
    "tables": ("tables",),
    # generated from underthesea's mapping and checked against it (tests/test_gazetteer.py)
    "provinces_2025": (),
}


def test_every_lexicon_file_has_its_corpus():
    corpus = Path(__file__).parent / "corpus"
    assert sorted(CORPORA) == sorted(p.stem for p in LEXICON.glob("*.yaml"))
    missing = [f"{name}: {c}" for name, corpora in CORPORA.items() for c in corpora
               if not (corpus / f"{c}.yaml").exists()]
    assert not missing
    from test_target_corpus import DIMENSIONS
    run_elsewhere = {"metadata", "indicators", "indicators_list"}  # test_metadata, test_indicators, test_indicator_corpus
    assert {c for cs in CORPORA.values() for c in cs} - run_elsewhere <= set(DIMENSIONS)
