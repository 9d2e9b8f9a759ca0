"""Finding documents: a stream of paths in sorted order, each once, without holding the whole list."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from ocop_extract import batch as batch_module
from ocop_extract.batch import count_documents, document_paths, iter_document_paths
from ocop_extract.errors import UsageError

# Names whose order is easy to get wrong: "-" and "." sort before "/", "_" and letters after it;
# Vietnamese letters, precomposed and with a combining mark, sort after ASCII.
TRICKY = ["a", "a.txt", "a-b", "a_b", "ab", "a b", "A", "Z", "0", "a~", "b!", "đ", "Đường", "kế hoạch",
          "ệ", "a\u0301", "á", "ž"]


def _tree(top: Path, seed: int = 0) -> Path:
    """Nested folders and files named from `TRICKY`, each name a file in some places and a folder in others."""
    rng = random.Random(seed)

    def fill(folder: Path, depth: int) -> None:
        for name in rng.sample(TRICKY, 9):
            if depth < 3 and rng.random() < 0.35:
                (folder / name).mkdir()
                fill(folder / name, depth + 1)
            else:
                (folder / name).write_text("Kế hoạch", encoding="utf-8")

    top.mkdir(parents=True, exist_ok=True)
    fill(top, 0)
    (top / "a").mkdir(exist_ok=True)
    (top / "a" / "b").mkdir(exist_ok=True)
    (top / "a" / "b" / "c.txt").write_text("x", encoding="utf-8")
    return top


def _walked(top: Path) -> list[str]:
    """Every non-hidden file below `top`, by `os.walk`, then sorted: what the stream must equal."""
    found = []
    for folder, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [os.path.join(folder, f) for f in files if not f.startswith(".")]
    return sorted(found)


@pytest.mark.parametrize("seed", range(4))
def test_paths_come_in_sorted_order(tmp_path: Path, seed: int) -> None:
    top = _tree(tmp_path / "t", seed)
    expected = _walked(top)
    assert len(expected) > 20
    assert list(iter_document_paths([top])) == expected


def test_a_folder_sorts_by_its_name_and_a_slash(tmp_path: Path) -> None:
    for name in ("a-b.txt", "a/x.txt", "a0.txt", "a.txt", "ab/y.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [os.path.relpath(p, tmp_path) for p in iter_document_paths([tmp_path])]
    assert found == ["a-b.txt", "a.txt", "a/x.txt", "a0.txt", "ab/y.txt"]


def test_overlapping_roots_give_each_path_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    top = _tree(tmp_path / "t")
    monkeypatch.chdir(top)
    everything = [os.path.relpath(p, top) for p in _walked(top)]
    assert list(iter_document_paths(["."])) == everything  # spelled "a/b/c.txt", not "./a/b/c.txt"
    assert list(iter_document_paths([".", "a", "./a/", "a/b/c.txt", "a//b", "."])) == everything
    assert list(iter_document_paths(["a/b", "a/b/c.txt", "./a/b/c.txt"])) == ["a/b/c.txt"]
    absolute = list(iter_document_paths([top, top / "a", str(top)]))
    assert absolute == _walked(top)


def test_roots_in_any_order_merge_into_one_sorted_stream(tmp_path: Path) -> None:
    for name in ("x/2.txt", "y/1.txt", "z.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = list(iter_document_paths([tmp_path / "z.txt", tmp_path / "y", tmp_path / "x"]))
    assert found == [str(tmp_path / n) for n in ("x/2.txt", "y/1.txt", "z.txt")]


def test_a_missing_root_is_an_error_before_any_path(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="missing"):
        iter_document_paths([tmp_path, tmp_path / "missing"])  # raised by the call, not by iterating


def test_hidden_files_and_folders_are_skipped_unless_named(tmp_path: Path) -> None:
    for name in ("seen.txt", ".hidden.txt", ".git/config.txt", "d/.x.txt", "d/y.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [os.path.relpath(p, tmp_path) for p in iter_document_paths([tmp_path])] == ["d/y.txt", "seen.txt"]
    named = iter_document_paths([tmp_path / ".git", tmp_path / ".hidden.txt"])
    assert list(named) == [str(tmp_path / ".git" / "config.txt"), str(tmp_path / ".hidden.txt")]


def test_links_to_files_are_followed_links_to_folders_are_not(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "e").symlink_to(tmp_path / "d")
    (tmp_path / "f.txt").symlink_to(tmp_path / "d" / "a.txt")
    (tmp_path / "g.txt").symlink_to(tmp_path / "nowhere")
    os.mkfifo(tmp_path / "pipe")
    assert list(iter_document_paths([tmp_path])) == [str(tmp_path / "d" / "a.txt"), str(tmp_path / "f.txt")]
    assert list(iter_document_paths([tmp_path / "e"])) == [str(tmp_path / "e" / "a.txt")]  # a root is walked


def test_the_walk_reads_folders_as_it_reaches_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for group in range(20):
        for i in range(3):
            (tmp_path / f"g{group:02d}").mkdir(exist_ok=True)
            (tmp_path / f"g{group:02d}" / f"{i}.txt").write_text("x", encoding="utf-8")
    listed: list[str] = []
    real_scandir = os.scandir
    monkeypatch.setattr(batch_module.os, "scandir", lambda p: listed.append(p) or real_scandir(p))
    paths = iter_document_paths([tmp_path])
    assert next(paths) == str(tmp_path / "g00" / "0.txt")
    assert len(listed) == 2  # the root and its first folder, not all 21
    assert len(list(paths)) == 59 and len(listed) == 21


def test_list_wrappers_and_count_agree_with_the_stream(tmp_path: Path) -> None:
    top = _tree(tmp_path / "t")
    assert document_paths([top]) == list(iter_document_paths([top]))
    assert count_documents([top, top / "a"]) == len(_walked(top))
