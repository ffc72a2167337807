"""Safe writes: no overwrite without --force, atomic, nothing half-written on failure."""

from __future__ import annotations

import os

import pytest

from inclusive_hiring import atomic
from inclusive_hiring.kits import KitError, write
from inclusive_hiring.kits.write import write_files, write_new_file

FILES = {"00-plan.md": "plan\n", "11-guide-a.md": "guide\n", "30-debrief.md": "debrief\n"}


def listing(folder) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


def test_writes_into_a_new_folder(tmp_path):
    out = tmp_path / "a" / "kit"
    written = write_files(out, FILES)
    assert [p.name for p in written] == list(FILES)
    assert listing(out) == FILES


def test_files_get_normal_permissions(tmp_path):
    write_files(tmp_path, FILES)
    mode = (tmp_path / "00-plan.md").stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask


def test_no_overwrite_without_force(tmp_path):
    (tmp_path / "30-debrief.md").write_text("mine\n", encoding="utf-8")
    with pytest.raises(KitError) as info:
        write_files(tmp_path, FILES)
    assert "30-debrief.md exists: use --force to overwrite" in str(info.value)
    assert listing(tmp_path) == {"30-debrief.md": "mine\n"}  # nothing else written either


def test_force_overwrites(tmp_path):
    (tmp_path / "30-debrief.md").write_text("mine\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("keep\n", encoding="utf-8")
    write_files(tmp_path, FILES, force=True)
    assert listing(tmp_path) == {**FILES, "notes.txt": "keep\n"}


@pytest.mark.parametrize("force", [False, True])
def test_failure_mid_write_leaves_nothing_half_written(tmp_path, monkeypatch, force):
    out = tmp_path / "kit"
    out.mkdir()
    (out / "00-plan.md").write_text("old plan\n", encoding="utf-8")
    real_fdopen = os.fdopen
    calls = []

    class Exploding:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()
            return False

        def write(self, text):
            self.handle.write(text[:3])  # a partial write, then the disk fills up
            raise OSError(28, "No space left on device")

    def fdopen(fd, *args, **kwargs):
        handle = real_fdopen(fd, *args, **kwargs)
        calls.append(fd)
        return Exploding(handle) if len(calls) == 2 else handle

    monkeypatch.setattr(atomic.os, "fdopen", fdopen)
    files = dict(FILES) if force else {k: v for k, v in FILES.items() if k != "00-plan.md"}
    with pytest.raises(KitError) as info:
        write_files(out, files, force=force)
    assert "no space left on device" in str(info.value) and "nothing was written" in str(info.value)
    assert listing(out) == {"00-plan.md": "old plan\n"}  # old file untouched, no temp files left


def test_failure_in_a_new_folder_removes_it(tmp_path, monkeypatch):
    def boom(*args, **kwargs):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", boom)
    with pytest.raises(KitError):
        write_files(tmp_path / "new" / "kit", FILES)
    assert not (tmp_path / "new").exists()


def test_unwritable_folder(tmp_path, monkeypatch):
    """Permission checks go through os.access, so they hold for root too (simulated here)."""
    real_access = os.access
    monkeypatch.setattr(write.os, "access",
                        lambda path, mode: False if str(path) == str(tmp_path) else real_access(path, mode))
    with pytest.raises(KitError) as info:
        write_files(tmp_path, FILES)
    assert str(info.value) == f"{tmp_path}: cannot write here (permission denied)"
    assert listing(tmp_path) == {}


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root can write to a read-only folder, so chmod proves nothing")
def test_unwritable_folder_for_real(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        with pytest.raises(KitError, match="permission denied"):
            write_files(locked / "kit", FILES)
    finally:
        locked.chmod(0o755)


def test_out_is_a_file(tmp_path):
    (tmp_path / "kit").write_text("x", encoding="utf-8")
    with pytest.raises(KitError, match="exists and is not a folder"):
        write_files(tmp_path / "kit", FILES)


def test_write_new_file_never_overwrites(tmp_path):
    target = tmp_path / "kit.yml"
    write_new_file(target, "role: x\n")
    with pytest.raises(KitError, match="never overwrites"):
        write_new_file(target, "role: y\n")
    assert target.read_text(encoding="utf-8") == "role: x\n"
    assert listing(tmp_path) == {"kit.yml": "role: x\n"}
