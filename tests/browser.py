"""Headless Chromium for the tests that look at a page: a screenshot and the rendered DOM.

Tests call :func:`require_chromium` first; it skips the test cleanly where Debian's ``chromium`` is
not installed (``.ci/run`` installs it when it can). Chromium starts with a new empty profile and
without background networking, so it never reaches for the network.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio")


def chromium_path() -> str | None:
    """The Chromium binary, or None when there is none on this machine."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def require_chromium() -> str:
    found = chromium_path()
    if found is None:
        pytest.skip("headless Chromium is not installed (apt-get install chromium)")
    return found


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    binary = require_chromium()
    with tempfile.TemporaryDirectory(prefix="ih-chromium-") as profile:
        env = {**os.environ, "HOME": profile}
        return subprocess.run([binary, *_FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=timeout, env=env, check=False)


def screenshot(url: str, out: Path, width: int = 1280, height: int = 1600, timeout: float = 60) -> Path:
    """Render ``url`` (``file://`` or ``http://127.0.0.1:...``) to the PNG ``out``."""
    result = _run([f"--screenshot={out}", f"--window-size={width},{height}",
                   "--virtual-time-budget=5000", url], timeout)
    if not out.exists() or out.stat().st_size == 0:
        raise AssertionError(f"Chromium wrote no screenshot: {result.stderr[-2000:]}")
    return out


def dump_dom(url: str, timeout: float = 60) -> str:
    """The DOM of ``url`` after scripts ran, as HTML text."""
    result = _run(["--dump-dom", "--virtual-time-budget=5000", url], timeout)
    if result.returncode != 0 and not result.stdout:
        raise AssertionError(f"Chromium failed: {result.stderr[-2000:]}")
    return result.stdout
