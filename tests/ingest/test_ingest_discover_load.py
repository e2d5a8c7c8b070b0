"""discover(): files, folders, globs, URLs; load(): sizes, unreadable and vanished files, special files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from meetview.ingest import IngestError, Skip, discover, load


def make_tree(root: Path) -> None:
    for rel in (
        "b/2.txt",
        "b/1.md",
        "a/z.html",
        "a/deeper/x.rss",
        "a/deeper/y.xml",
        "top.htm",
        "notes.csv",
        "photo.jpg",
        ".hidden.txt",
        ".git/config.txt",
        "a/.cache/skip.txt",
        "__pycache__/m.txt",
        "zipped.html.gz",
        "README",
    ):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")


def test_folder_is_walked_recursively_in_stable_order(tmp_path):
    make_tree(tmp_path)
    found = list(discover([str(tmp_path)]))
    rel = [Path(s).relative_to(tmp_path).as_posix() for s in found]
    assert rel == [
        "a/deeper/x.rss",
        "a/deeper/y.xml",
        "a/z.html",
        "b/1.md",
        "b/2.txt",
        "top.htm",
        "zipped.html.gz",
    ]


def test_glob_with_double_star_and_relevant_suffixes(tmp_path):
    make_tree(tmp_path)
    found = list(discover([f"{tmp_path}/**/*.txt", f"{tmp_path}/*"]))
    rel = [Path(s).relative_to(tmp_path).as_posix() for s in found]
    # hidden files and folders are never matched; *.csv, *.jpg and suffix-less files are not articles
    assert rel == ["b/2.txt", "top.htm", "zipped.html.gz"]


def test_missing_path_and_empty_glob_are_skips(tmp_path):
    results = list(discover([str(tmp_path / "nope.txt"), f"{tmp_path}/*.none"]))
    assert results == [
        Skip(str(tmp_path / "nope.txt"), "no such file or folder"),
        Skip(f"{tmp_path}/*.none", "no article file matches this pattern"),
    ]


def test_empty_folder_is_a_skip(tmp_path):
    (tmp_path / "empty").mkdir()
    (results,) = list(discover([str(tmp_path / "empty")]))
    assert isinstance(results, Skip) and "no article files" in results.reason


def test_urls_pass_through_and_other_schemes_are_skipped():
    results = list(discover(["https://example.org/a", "HTTP://example.org/b", "ftp://example.org/c"]))
    assert results[:2] == ["https://example.org/a", "HTTP://example.org/b"]
    assert isinstance(results[2], Skip) and "unsupported URL scheme" in results[2].reason


def test_explicit_file_is_always_tried_and_sources_are_yielded_once(tmp_path):
    make_tree(tmp_path)
    photo = str(tmp_path / "photo.jpg")
    found = list(discover([photo, str(tmp_path / "b"), str(tmp_path / "b" / "1.md")]))
    assert found == [photo, str(tmp_path / "b" / "1.md"), str(tmp_path / "b" / "2.txt")]


def test_load_reads_bytes(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"Ministers met.\n")
    doc = load(str(p))
    assert doc.data == b"Ministers met.\n" and doc.source == str(p)


def test_too_large_file(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"x" * 2000)
    with pytest.raises(IngestError, match=r"file too large \(2,000 bytes; the limit is 1,000\)"):
        load(str(p), max_bytes=1000)


def test_vanished_file(tmp_path):
    with pytest.raises(IngestError, match="no such file"):
        load(str(tmp_path / "gone.txt"))


def test_folder_given_to_load(tmp_path):
    with pytest.raises(IngestError, match="is a folder"):
        load(str(tmp_path))


def test_unreadable_file(tmp_path, monkeypatch):
    p = tmp_path / "secret.txt"
    p.write_text("x")
    if os.geteuid() != 0:
        p.chmod(0)
    else:  # root reads everything: simulate the permission error the OS would give anyone else
        real_open = os.open

        def deny(path, *args, **kw):
            if str(path) == str(p):
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, *args, **kw)

        monkeypatch.setattr(os, "open", deny)
    with pytest.raises(IngestError, match="permission denied"):
        load(str(p))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert list(discover([str(fifo)])) == [str(fifo)]
    with pytest.raises(IngestError, match="not a regular file"):
        load(str(fifo))


def test_links_to_files_and_folders_are_imported_once(tmp_path, monkeypatch):
    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    (real / "a.txt").write_text("A")
    (real / "sub" / "b.txt").write_text("B")
    (tmp_path / "link-to-real").symlink_to(real, target_is_directory=True)
    (tmp_path / "c.txt").symlink_to(real / "a.txt")
    monkeypatch.chdir(tmp_path)
    found = list(discover(["real", str(tmp_path / "link-to-real"), "c.txt", "real/sub/../a.txt"]))
    assert found == [str(Path("real") / "a.txt"), str(Path("real") / "sub" / "b.txt")]


def test_the_real_path_shortcut_is_realpath(tmp_path, monkeypatch):
    from meetview.ingest.core import _real_path

    (tmp_path / "d" / "e").mkdir(parents=True)
    (tmp_path / "d" / "e" / "f.txt").write_text("F")
    (tmp_path / "ld").symlink_to(tmp_path / "d", target_is_directory=True)
    (tmp_path / "lf.txt").symlink_to(tmp_path / "d" / "e" / "f.txt")
    monkeypatch.chdir(tmp_path)
    cache: dict[str, str] = {}
    paths = ["d/e/f.txt", "ld/e/f.txt", "lf.txt", "./d/e/f.txt", "d/e/../e/f.txt", "ld/e/..", "f.txt", "ld/x"]
    for p in paths:
        assert _real_path(p, cache) == os.path.realpath(p), p
        assert _real_path(str(tmp_path / p), cache) == os.path.realpath(tmp_path / p), p
