"""Helpers for management commands that run long: a text progress bar."""

import time


class ProgressBar:
    """A one-line text progress bar, redrawn in place with a carriage return.

    The label (the file being read, then the writing stage) changes in place; when the count starts again from a
    lower percentage a new stage has begun, and it gets a line of its own so the finished one stays visible.
    Redraws only when label or whole percentage change, and at most ten times a second, so that a fast caller
    does not spend its time writing to the terminal.
    """

    WIDTH = 30
    LABEL_WIDTH = 32

    def __init__(self, stream, *, min_interval: float = 0.1):
        self.stream = stream
        self.min_interval = min_interval
        self._shown: tuple[str, int] | None = None
        self._last_draw = 0.0

    def __call__(self, label: str, done: int, total: int) -> None:
        percent = 100 if total <= 0 else min(100, done * 100 // total)
        state = (str(label), percent)
        if state == self._shown:
            return
        now = time.monotonic()
        # The end of a stage is always drawn, so that it visibly finishes.
        if self._shown is not None and percent < 100 and now - self._last_draw < self.min_interval:
            return
        if self._shown is not None and percent < self._shown[1]:
            self.stream.write("\n", ending="")
        filled = self.WIDTH * percent // 100
        bar = "#" * filled + "." * (self.WIDTH - filled)
        self.stream.write(f"\r{state[0][: self.LABEL_WIDTH]:<{self.LABEL_WIDTH}} [{bar}] {percent:3d}%", ending="")
        self.stream.flush()
        self._shown = state
        self._last_draw = now

    def finish(self) -> None:
        """End the bar's line, so that what is written next starts on a line of its own."""
        if self._shown is not None:
            self.stream.write("\n", ending="")
            self.stream.flush()
            self._shown = None
