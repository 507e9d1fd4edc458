"""What a person at a terminal sees besides the findings: a progress bar for long runs, and
the closing summary on stderr for machine formats (the text format prints its own on stdout).

Built in rather than taken from rich or tqdm: a bar is a dozen lines, and importing either
library costs more start-up time than a short run takes (``python -X importtime``). Nothing is
drawn when stderr is not a terminal, under ``CI``, with ``--quiet``, or for fewer than
:data:`MIN_DRAFTS` drafts to lint, so piped and machine output never sees it.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from sociable.faces.formatters.base import RunSummary

#: Below this many drafts to lint a run ends before a bar would help.
MIN_DRAFTS = 200
#: Redraw at most this often, so drawing never shows up in a profile.
REDRAW_SECONDS = 0.1
BAR_WIDTH = 30


def on_terminal(stream: TextIO) -> bool:
    """A person is watching ``stream``: a terminal, and not a CI log that fakes one."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not os.environ.get("CI")


def render(done: int, total: int, width: int = BAR_WIDTH) -> str:
    """``[##########--------------------] 120/400 drafts``: pure, so tests need no terminal."""
    filled = width * done // total if total else width
    return f"sociable [{'#' * filled}{'-' * (width - filled)}] {done}/{total} drafts"


class Progress:
    """Callable as ``progress(done, total)`` by the runner; :meth:`clear` erases the bar."""

    def __init__(self, stream: TextIO, quiet: bool = False) -> None:
        self.stream = stream
        self.enabled = not quiet and on_terminal(stream)
        self.shown = False
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < MIN_DRAFTS:
            return
        now = time.monotonic()
        if done < total and now - self._last < REDRAW_SECONDS:
            return
        self._last = now
        self.stream.write("\r" + render(done, total))
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        """Erase the bar so findings and the summary start on a clean line."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def echo_summary(summary: RunSummary, format_name: str, quiet: bool, stderr: TextIO) -> None:
    """For machine formats, the summary on stderr when a person is watching it.

    stdout stays exactly the JSON, SARIF or annotations; ruff likewise prints no summary in
    those formats.
    """
    if format_name == "text" or quiet or not on_terminal(stderr):
        return
    from sociable.faces.formatters.text import summary_line

    line = summary_line(summary)
    if line:
        stderr.write(f"sociable: {line}\n")
