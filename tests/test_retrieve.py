"""Dense retrieval opens its index once, even when the first questions arrive together."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from assistant import retrieve
from ingest import index as index_mod
from ingest.settings import Settings


class SlowIndex:
    opened = 0

    def __init__(self, settings: Settings) -> None:
        SlowIndex.opened += 1
        time.sleep(0.3)  # model load and Chroma open take seconds for real
        self.embedder = self
        self.collection = self

    def embed_query(self, text: str) -> list[float]:
        return [0.1, 0.2]

    def count(self) -> int:
        return 3

    def get(self, **kw) -> dict:
        # d1's paragraph 4 points the query's way, its paragraph 2 less so; d2 is outside the scope asked
        return {"ids": ["a", "b", "c"],
                "metadatas": [{"doc_id": "d1", "para_idx": 2}, {"doc_id": "d2", "para_idx": 7},
                              {"doc_id": "d1", "para_idx": 4}],
                "embeddings": [[0.2, 0.1], [0.1, 0.2], [0.1, 0.2]]}


@pytest.fixture
def slow_index(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Settings:
    SlowIndex.opened = 0
    monkeypatch.setattr(index_mod, "Index", SlowIndex)
    settings = Settings(home=tmp_path)
    settings.chroma_path.mkdir(parents=True)
    return settings


def test_concurrent_first_questions_open_the_index_once(slow_index: Settings) -> None:
    dense = retrieve.Dense(slow_index)
    results: list[list] = []
    threads = [threading.Thread(target=lambda: results.append(dense.paragraphs("三公经费", {"d1"}))) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert SlowIndex.opened == 1
    assert results == [[("d1", 4), ("d1", 2)]] * 6
    assert dense.available


def test_one_failed_query_does_not_turn_dense_off(slow_index: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    dense = retrieve.Dense(slow_index)
    assert dense.paragraphs("a", {"d1"}) == [("d1", 4), ("d1", 2)]
    monkeypatch.setattr(SlowIndex, "embed_query", lambda self, text: (_ for _ in ()).throw(RuntimeError("busy")))
    assert dense.paragraphs("b", {"d1"}) == []
    monkeypatch.undo()
    assert dense.available
