"""Run options: one frozen object with every default in one place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    """How a run behaves. `Options()` is the default run.

    >>> Options().explain
    False
    """

    explain: bool = False        # attach to each target the reasons it was kept
    min_confidence: float = 0.5  # targets below this are left out (a wrong number is worse than none)


DEFAULT_OPTIONS = Options()
