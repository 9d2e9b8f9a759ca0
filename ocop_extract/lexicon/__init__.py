"""Word lists and patterns kept as data (YAML files beside this module)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@lru_cache(maxsize=None)
def load_lexicon(name: str) -> Any:
    """Load `lexicon/<name>.yaml` (cached)."""
    with resources.files(__package__).joinpath(f"{name}.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)
