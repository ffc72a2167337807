"""The compiled word-list cache is a pickle: it is loaded only from a file of the user's own that
nobody else can write, lives in a private folder, and is pruned to the newest few."""

from __future__ import annotations

import os
import pickle
import stat
import time

import pytest

from inclusive_hiring.catalog import cache


def test_a_trusted_file_is_loaded(tmp_path):
    path = tmp_path / "c" / "index-a.pickle"
    cache.write_cache(path, {"ok": 1})
    assert cache.read_cache(path) == {"ok": 1}
    assert stat.S_IMODE(path.parent.stat().st_mode) & 0o077 == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize("mode", [0o620, 0o602, 0o666])
def test_a_file_others_can_write_is_never_unpickled(tmp_path, mode):
    path = tmp_path / "index-a.pickle"
    path.write_bytes(pickle.dumps({"ok": 1}))
    path.chmod(mode)
    assert cache.read_cache(path) is None


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="chown to another user needs root")
def test_a_file_of_another_user_is_never_unpickled(tmp_path):
    path = tmp_path / "index-a.pickle"
    path.write_bytes(pickle.dumps({"ok": 1}))
    path.chmod(0o600)
    os.chown(path, 12345, 12345)
    assert cache.read_cache(path) is None


def test_a_symlink_is_never_followed(tmp_path):
    real = tmp_path / "elsewhere.pickle"
    real.write_bytes(pickle.dumps({"ok": 1}))
    real.chmod(0o600)
    (tmp_path / "index-a.pickle").symlink_to(real)
    assert cache.read_cache(tmp_path / "index-a.pickle") is None


def test_writing_prunes_to_the_newest(tmp_path):
    now = time.time_ns()
    for i in range(7):
        (tmp_path / f"index-{i}.pickle").write_bytes(pickle.dumps(i))
        os.utime(tmp_path / f"index-{i}.pickle", ns=(now - (10 - i) * 10**9,) * 2)
    cache.write_cache(tmp_path / "index-new.pickle", "new")
    left = sorted(p.name for p in tmp_path.glob("index-*.pickle"))
    assert len(left) == cache.KEEP
    assert "index-new.pickle" in left and "index-6.pickle" in left and "index-0.pickle" not in left
    (tmp_path / "notes.txt").write_text("kept")
    cache.prune(tmp_path, keep=1)
    assert (tmp_path / "notes.txt").exists()


def test_a_foreign_cache_is_rebuilt_silently(tmp_path, monkeypatch, capsys):
    from inclusive_hiring.catalog.index import CatalogIndex, load_index

    monkeypatch.setenv("IH_CACHE_DIR", str(tmp_path))
    first = load_index()
    [path] = list(tmp_path.glob("index-*.pickle"))
    path.chmod(0o666)
    again = load_index()
    assert isinstance(again, CatalogIndex) and again is not first and again.digest == first.digest
    assert stat.S_IMODE(path.stat().st_mode) == 0o600   # rebuilt and written again, privately
    assert capsys.readouterr().err == ""
