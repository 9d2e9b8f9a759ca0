"""ocop_extract: numeric targets, issuers, dates, places and references from Vietnamese plan texts.

The public entry points are `process_text` and `process_bytes` (one document
in, one `Record` out) and the command line, `python -m ocop_extract`.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "process_text", "process_bytes"]


def __getattr__(name: str):
    # Imported lazily so that `--help` does not load the NLP stack.
    if name in ("process_text", "process_bytes"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
