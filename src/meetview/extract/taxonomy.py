"""The topic taxonomy: ids, labels and matching terms, read from a TOML file a user can replace."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

ENV_TOPICS = "MEETVIEW_TOPICS"


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    terms: tuple[str, ...]
    # generic words ("economy", "equipment") that name the topic only twice over or beside a term
    weak_terms: tuple[str, ...] = ()


def _read(path: Path | None) -> dict:
    if path is None:
        return tomllib.loads(
            resources.files("meetview.extract.data").joinpath("topics.toml").read_text("utf-8")
        )
    return tomllib.loads(Path(path).read_text("utf-8"))


@lru_cache(maxsize=8)
def load_topics(path: str | None = None) -> dict[str, Topic]:
    """Topics from `path`, else $MEETVIEW_TOPICS, else the bundled file."""
    path = path or os.environ.get(ENV_TOPICS) or None
    data = _read(Path(path) if path else None)
    return {
        tid: Topic(
            tid, str(v.get("label") or tid), tuple(v.get("terms") or ()), tuple(v.get("weak_terms") or ())
        )
        for tid, v in data.items()
        if isinstance(v, dict)
    }


@lru_cache(maxsize=8)
def load_non_terms(path: str | None = None) -> tuple[str, ...]:
    """Phrases that contain a topic term but name no topic ("think tank"): the top-level `not_topics`."""
    path = path or os.environ.get(ENV_TOPICS) or None
    data = _read(Path(path) if path else None)
    return tuple(str(x) for x in data.get("not_topics") or ())


def topic_label(topic_id: str) -> str:
    topic = load_topics().get(topic_id)
    return topic.label if topic else topic_id
