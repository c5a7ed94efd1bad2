"""Finding corpus files: folders searched recursively, supported suffixes, each file once.

Kept apart from the loaders (and free of their imports) so that opening an index from the
cache, which only needs the list of files and their stat, starts quickly.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from assistant.models import SkippedFile

SUFFIXES = frozenset((".txt", ".md", ".json", ".jsonl", ".html", ".htm"))


def _os_reason(error: OSError, what: str = "file") -> str:
    if isinstance(error, PermissionError):
        return f"cannot read {what} (permission denied)"
    if isinstance(error, IsADirectoryError):
        return "is a folder, not a file"
    detail = (error.strerror or type(error).__name__).lower()
    return f"cannot read {what} ({detail})"


def special_kind(mode: int) -> str | None:
    """What a file that is neither a regular file nor a folder is, from its `st_mode`."""
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    return None


# --- finding files --------------------------------------------------------------------------


def _ignored(name: str) -> bool:
    return name.startswith(".") or Path(name).stem.lower() == "readme"


def _real(path: str) -> str:
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return str(Path(path).absolute())


def _skip_special(entry: os.DirEntry[str], skipped: list[SkippedFile]) -> None:
    """Report a pipe, socket or device (or a link to one) met in a folder. It is never opened:
    reading a pipe waits for a writer, forever if there is none."""
    kind = special_kind(entry.stat().st_mode)
    if kind is not None:
        skipped.append(SkippedFile(path=entry.path, reason=f"not a regular file ({kind})"))


def _walk(
    root: Path, visited: set[tuple[int, int]], skipped: list[SkippedFile]
) -> Iterator[tuple[Path, str]]:
    """Supported files under `root` with their resolved paths, depth first in name order; each
    real folder once. Only symbolic links are resolved through the file system: the resolved
    path of anything else is its folder's resolved path plus its name (one call per link, not
    one per file: ~20 lstat calls saved for each file of a deep archive)."""
    stack = [(root, _real(str(root)))]
    while stack:
        folder, real_folder = stack.pop()
        try:
            info = os.stat(folder)
            key = (info.st_dev, info.st_ino)
            if key in visited:
                continue  # a symlink back to a folder already read, or a loop
            visited.add(key)
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as error:
            skipped.append(SkippedFile(path=str(folder), reason=_os_reason(error, "folder")))
            continue
        subfolders = []
        for entry in entries:
            if _ignored(entry.name):
                continue
            try:
                link = entry.is_symlink()
                if entry.is_dir():
                    real = _real(entry.path) if link else os.path.join(real_folder, entry.name)
                    subfolders.append((Path(entry.path), real))
                    continue
                if Path(entry.name).suffix.lower() not in SUFFIXES:
                    # Not an article by its name, so passed over, except a pipe, socket or
                    # device, which is reported whatever its name (links are not followed).
                    if not link and not entry.is_file(follow_symlinks=False):
                        _skip_special(entry, skipped)
                    continue
                if link and not os.path.exists(entry.path):
                    skipped.append(SkippedFile(path=entry.path, reason="broken symbolic link"))
                elif entry.is_file():
                    real = _real(entry.path) if link else os.path.join(real_folder, entry.name)
                    yield Path(entry.path), real
                else:
                    _skip_special(entry, skipped)
            except OSError as error:
                skipped.append(SkippedFile(path=entry.path, reason=_os_reason(error)))
        stack.extend(reversed(subfolders))


def corpus_files(paths: Sequence[Path]) -> tuple[list[Path], list[SkippedFile]]:
    """The article files named by `paths`: files as given, folders searched recursively.

    Inside folders only supported suffixes are taken, and hidden entries and README files are
    ignored. Files reached twice (overlapping paths, symlinks) are listed once.
    """
    found: dict[str, Path] = {}
    skipped: list[SkippedFile] = []
    visited: set[tuple[int, int]] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            candidates: Iterator[tuple[Path, str]] = _walk(path, visited, skipped)
        elif path.is_file():
            if path.suffix.lower() not in SUFFIXES:
                supported = " ".join(sorted(SUFFIXES))
                reason = f"unsupported file type '{path.suffix or '(none)'}' (use {supported})"
                skipped.append(SkippedFile(path=str(path), reason=reason))
                continue
            candidates = iter([(path, _real(str(path)))])
        elif path.is_symlink():
            skipped.append(SkippedFile(path=str(path), reason="broken symbolic link"))
            continue
        elif path.exists():
            skipped.append(SkippedFile(path=str(path), reason="not a regular file or folder"))
            continue
        else:
            skipped.append(SkippedFile(path=str(path), reason="no such file or folder"))
            continue
        for candidate, real in candidates:
            found.setdefault(real, candidate)
    return sorted(found.values(), key=str), skipped
