"""The unit of work every engine ships: a batch of documents in, their JSON lines out.

`process_batch` is what runs in a worker process (local pool) or on a cluster
worker (dask). It is a plain top-level function of plain data, so it pickles
under any start method, and it sends back strings rather than objects: a JSON
line is cheaper to move between processes than a pydantic model.

>>> item = Item("corpus/x.txt", b"")
>>> [done.error for done in process_batch([item])]
[True]
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, NamedTuple, Optional, Sequence

from ..errors import OcopExtractError
from ..options import DEFAULT_OPTIONS, Options

# The per-document function: (doc_id, data, path, options) -> Record.
DocFunction = Callable[[str, bytes, str, Options], "object"]


class Item(NamedTuple):
    """One document to process: its path, and its bytes when the sender read them already.

    `unreadable` carries the reason when the sender could not read the file,
    so a cluster worker writes the same error record a local run would.
    """

    path: str
    data: Optional[bytes] = None
    unreadable: Optional[str] = None


def load_item(path: str) -> Item:
    """An item with its bytes read here (for engines whose workers cannot see this machine's files)."""
    from ..reader import read_file

    try:
        return Item(path, read_file(path).data)
    except OcopExtractError as exc:
        return Item(path, None, str(exc))


class Done(NamedTuple):
    """One processed document: its JSON line (no newline) and what the summary counts."""

    line: str
    targets: int
    error: bool


def record_line(record) -> str:
    """One record as a JSON line (no trailing newline), keys in contract order."""
    return json.dumps(record.model_dump(mode="json", exclude_none=False), ensure_ascii=False)


def process_item(item: Item, options: Options = DEFAULT_OPTIONS,
                 function: DocFunction | None = None) -> Done:
    """Read (if needed) and process one document; never raises for a bad document.

    An unreadable file gives an error record, as does a document on which the
    per-document function itself fails (type "internal") or that runs past its
    time budget (type "timeout", `ocop_extract.budget`): one bad document
    must not sink a run over tens of thousands, and it is never dropped silently.
    """
    from ..budget import TimeBudgetExceeded, deadline, seconds_for
    from ..errors import UnreadableInput
    from ..pipeline import error_record, process_bytes, save_text
    from ..reader import read_file

    function = function or process_bytes
    doc_id = Path(item.path).stem
    data = item.data
    if item.unreadable is not None:
        return _done(error_record(doc_id, item.path, UnreadableInput(item.unreadable)))
    if data is None:
        try:
            data = read_file(item.path).data
        except OcopExtractError as exc:
            return _done(error_record(doc_id, item.path, exc))
    try:
        with deadline(seconds_for(len(data), options.time_budget)):
            record = function(doc_id, data, item.path, options)
            if options.indicators:
                record = annotate_bytes(record, data, options)
        save_text(record, data, options)
    except TimeBudgetExceeded as exc:  # a runaway document becomes its error record "timeout"
        import hashlib

        record = error_record(doc_id, item.path, exc, hashlib.sha256(data).hexdigest())
    except Exception as exc:  # noqa: BLE001 - a bug on one document becomes its error record
        import hashlib

        failure = InternalFailure(f"{type(exc).__name__}: {exc}")
        record = error_record(doc_id, item.path, failure, hashlib.sha256(data).hexdigest())
    return _done(record)


def annotate_bytes(record, data: bytes, options: Options = DEFAULT_OPTIONS):
    """The step after the pipeline: each target's indicator and scope place (`ocop_extract.indicators`)."""
    if not record.targets:
        return record
    from ..indicators import annotate
    from ..pipeline import read_document

    text = read_document(data, record.source.path, options).text
    try:
        # The mapper only sets fields of each target: copies of the targets keep the record
        # intact if it fails, at a fraction of a deep copy's cost.
        copy = record.model_copy(update={"targets": [target.model_copy() for target in record.targets]})
        return annotate(copy, text)
    except Exception as exc:  # noqa: BLE001 - the mapper failing costs the indicators, not the record
        note = f"indicators: {type(exc).__name__} ({exc}): left out"
        return record.model_copy(update={"warnings": record.warnings + [note]})


def process_batch(items: Sequence[Item], options: Options = DEFAULT_OPTIONS,
                  function: DocFunction | None = None) -> list[Done]:
    """Process a batch of documents in order; the function every engine maps."""
    return [process_item(item, options, function) for item in items]


def _done(record) -> Done:
    return Done(record_line(record), len(record.targets), record.error is not None)


class InternalFailure(OcopExtractError):
    """The per-document function raised: a bug, reported in the document's error record."""

    kind = "internal"
