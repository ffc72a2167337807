"""Atomic, all-or-nothing writes that never overwrite without force."""

from __future__ import annotations

import os

import pytest

from inclusive_hiring.authoring import PostingError
from inclusive_hiring.authoring.output import write_all


def test_writes_every_file_and_leaves_no_temporary_files(tmp_path):
    written = write_all([(tmp_path / "a.yml", b"spec\n"), (tmp_path / "a.md", b"posting\n")], force=False)
    assert written == [tmp_path / "a.yml", tmp_path / "a.md"]
    assert (tmp_path / "a.md").read_bytes() == b"posting\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "a.yml"]


def test_an_existing_file_stops_everything_before_anything_is_written(tmp_path):
    (tmp_path / "a.md").write_bytes(b"mine\n")
    with pytest.raises(PostingError, match=r"a\.md exists: use --force"):
        write_all([(tmp_path / "a.yml", b"spec\n"), (tmp_path / "a.md", b"posting\n")], force=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]
    assert (tmp_path / "a.md").read_bytes() == b"mine\n"
    write_all([(tmp_path / "a.md", b"posting\n")], force=True)
    assert (tmp_path / "a.md").read_bytes() == b"posting\n"


def test_a_folder_in_the_way_and_a_missing_folder(tmp_path):
    (tmp_path / "x.md").mkdir()
    with pytest.raises(PostingError, match="is a folder"):
        write_all([(tmp_path / "x.md", b"")], force=True)
    with pytest.raises(PostingError, match="no such folder"):
        write_all([(tmp_path / "nope" / "x.md", b"")], force=False)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a POSIX user without root")
def test_an_unwritable_folder_is_one_message(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(PostingError, match="cannot write here"):
            write_all([(folder / "x.md", b"")], force=False)
    finally:
        folder.chmod(0o700)


def test_the_mode_follows_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        write_all([(tmp_path / "a.md", b"x")], force=False)
    finally:
        os.umask(old)
    assert (tmp_path / "a.md").stat().st_mode & 0o777 == 0o640
