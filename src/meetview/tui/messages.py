"""Messages the thread workers post back to the app: results in, never widgets touched from a thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from meetview.query.browse import Vocabulary
from meetview.tui.data import DetailResult, EntitiesResult, FacetsResult, MeetingsResult, TimelineResult

if TYPE_CHECKING:
    from meetview.query.index import MeetingIndex


class MeetingsLoaded(Message):
    def __init__(self, generation: int, result: MeetingsResult, append: bool = False) -> None:
        super().__init__()
        self.generation = generation
        self.result = result
        self.append = append


class IndexLoaded(Message):
    """The in-memory index was built (None: building it failed; the app keeps using SQL)."""

    def __init__(self, index: MeetingIndex | None, seconds: float) -> None:
        super().__init__()
        self.index = index
        self.seconds = seconds


class Counted(Message):
    def __init__(self, generation: int, total: int) -> None:
        super().__init__()
        self.generation = generation
        self.total = total


class FacetsLoaded(Message):
    def __init__(self, generation: int, result: FacetsResult) -> None:
        super().__init__()
        self.generation = generation
        self.result = result


class TimelineLoaded(Message):
    def __init__(self, generation: int, result: TimelineResult) -> None:
        super().__init__()
        self.generation = generation
        self.result = result


class EntitiesLoaded(Message):
    def __init__(self, generation: int, result: EntitiesResult) -> None:
        super().__init__()
        self.generation = generation
        self.result = result


class DetailLoaded(Message):
    def __init__(self, result: DetailResult) -> None:
        super().__init__()
        self.result = result


class VocabularyLoaded(Message):
    def __init__(self, vocabulary: Vocabulary) -> None:
        super().__init__()
        self.vocabulary = vocabulary


class QueryFailed(Message):
    """The query parsed but could not run (unknown country, bad date): shown inline, never a crash."""

    def __init__(self, generation: int, text: str, message: str, position: int) -> None:
        super().__init__()
        self.generation = generation
        self.text = text
        self.message = message
        self.position = position


class WorkFailed(Message):
    """Anything else that went wrong in a worker (a locked or broken database)."""

    def __init__(self, what: str, error: str) -> None:
        super().__init__()
        self.what = what
        self.error = error


class Exported(Message):
    def __init__(self, path: Path, count: int) -> None:
        super().__init__()
        self.path = path
        self.count = count


class Copied(Message):
    def __init__(self, meeting_id: int, markdown: str | None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.markdown = markdown
