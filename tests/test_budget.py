"""Time budgets: a runaway document becomes an error record "timeout", and the batch goes on."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time

import pytest
import regex

from ocop_extract.budget import TimeBudgetExceeded, deadline
from ocop_extract.engines.work import Item, process_item
from ocop_extract.options import Options
from ocop_extract.targets import resolve_fields

PLAIN = "Năm 2024, huyện phấn đấu có thêm ít nhất 12 sản phẩm OCOP đạt từ 3 sao trở lên.\n"
# one line, no final mark, a figure every few words: a few seconds of honest work per 100 KB
RUNAWAY = "Phấn đấu có ít nhất 70% sản phẩm đạt 3 sao, hỗ trợ 12 hợp tác xã với 850 triệu đồng " * 3500


def _run(folder, *flags) -> tuple[int, dict[str, dict]]:
    done = subprocess.run([sys.executable, "-m", "ocop_extract", str(folder), "--no-progress", *flags],
                          capture_output=True, text=True, timeout=300)
    records = {json.loads(line)["doc_id"]: json.loads(line) for line in done.stdout.splitlines()}
    return done.returncode, records


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_runaway_document_times_out_and_the_batch_goes_on(tmp_path, workers):
    for name, text in (("a_plan", PLAIN), ("b_runaway", RUNAWAY), ("c_plan", PLAIN.replace("12", "15"))):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    started = time.perf_counter()
    status, records = _run(tmp_path, "--time-budget", "0.5", "-w", workers)
    assert time.perf_counter() - started < 60
    assert status == 1 and list(records) == ["a_plan", "b_runaway", "c_plan"]
    runaway = records["b_runaway"]
    assert runaway["error"]["type"] == "timeout" and runaway["targets"] == []
    budget = 0.5 * len(RUNAWAY.encode()) / 100_000  # 0.5 s per 100 KB of its bytes
    assert runaway["error"]["message"] == f"the document ran past its time budget of {budget:g} s"
    assert runaway["source"]["sha256"]
    assert [t["value"] for t in records["a_plan"]["targets"]] == [12]
    assert [t["value"] for t in records["c_plan"]["targets"]] == [15]
    assert records["a_plan"]["error"] is None and records["c_plan"]["error"] is None


def test_without_a_budget_the_same_document_is_read(tmp_path):
    (tmp_path / "runaway.txt").write_text(RUNAWAY[:20_000], encoding="utf-8")
    status, records = _run(tmp_path, "--time-budget", "0")
    assert status == 0 and len(records["runaway"]["targets"]) > 500


def test_the_timer_interrupts_a_pattern_match():
    started = time.perf_counter()
    with pytest.raises(TimeBudgetExceeded):
        with deadline(0.2):
            regex.search(r"a[^b]*b", "a" * 200_000)  # quadratic: minutes without the timer
    assert time.perf_counter() - started < 5


def test_an_item_guard_does_not_swallow_the_timeout(monkeypatch):
    # the timer fires inside the guard of one target: the document times out, it is not "left out"
    def slow(*args):
        time.sleep(5)

    monkeypatch.setattr(resolve_fields, "stars_for", slow)
    done = process_item(Item("slow.txt", PLAIN.encode()), Options(time_budget=0.3))
    record = json.loads(done.line)
    assert done.error and record["error"]["type"] == "timeout" and record["warnings"] == []


def test_outside_the_main_thread_there_is_no_timer():
    seen = []

    def work():
        with deadline(0.05):
            time.sleep(0.2)
        seen.append("finished")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == ["finished"]


def test_a_deadline_inside_another_leaves_the_outer_in_charge():
    with pytest.raises(TimeBudgetExceeded, match="0.1 s"):
        with deadline(0.1):
            with deadline(10):
                time.sleep(1)
