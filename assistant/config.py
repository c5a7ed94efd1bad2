"""Validated settings: where the corpus and cache live, and the retrieval parameters."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_dir
from pydantic import BaseModel, ConfigDict, Field

from assistant.prompts import REPO_ROOT

DEFAULT_CORPUS = REPO_ROOT / "corpus"


def default_cache_dir() -> Path:
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "newsdesk"
    return Path(user_cache_dir("newsdesk", appauthor=False))


class Settings(BaseModel):
    """Everything a command needs to open a corpus."""

    model_config = ConfigDict(extra="forbid")

    corpus: list[Path] = Field(
        default_factory=lambda: [DEFAULT_CORPUS],
        description="Files and folders to read; folders are read recursively.",
    )
    cache_dir: Path = Field(
        default_factory=default_cache_dir,
        description="Where built indexes are kept between runs.",
    )
    use_cache: bool = Field(default=True, description="Load and save the index cache.")
    k: int = Field(default=10, ge=1, le=1000, description="How many passages a search returns.")
    bm25_k1: float = Field(default=1.5, gt=0, description="BM25 term-frequency saturation.")
    bm25_b: float = Field(default=0.75, ge=0, le=1, description="BM25 length normalisation.")
    bm25_delta: float = Field(default=1.0, ge=0, description="BM25+ lower bound per matched term.")
    title_weight: int = Field(
        default=2, ge=0, le=5, description="Times the title's words are added to each passage."
    )
    context: int = Field(
        default=1, ge=0, le=3, description="Neighbouring sentences on each side in a passage."
    )
    max_file_bytes: int = Field(
        default=5 * 1024 * 1024, gt=0, description="Files larger than this are skipped."
    )
