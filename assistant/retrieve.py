"""Dense retrieval over the Chroma index (the same embedding model as at ingest), fused with
BM25 by reciprocal rank. Used for narrative evidence; figures come from exact lookup."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import numpy as np

from ingest.settings import Settings

log = logging.getLogger(__name__)
RRF_K = 60


class Dense:
    """Paragraph ranks for a query, scoped to documents. The vectors are read from Chroma once and
    searched exactly in memory (a few thousand paragraph chunks: a matrix product is faster than a
    filtered Chroma query per call). Loads the model lazily."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._index = None
        self._lock = threading.Lock()  # the first questions may arrive together: open the index once
        self._vectors: dict[str, list[float]] = {}
        self._matrix: np.ndarray | None = None  # one unit-length row per chunk
        self._keys: list[tuple[str, int]] = []  # (doc_id, paragraph index) of each row
        self._rows_of: dict[str, np.ndarray] = {}  # doc_id -> its rows
        self._count = -1
        self.available = settings.chroma_path.exists()

    def _load(self, index) -> None:
        """All chunk vectors of the index into memory (again when the index changed size)."""
        got = index.collection.get(where={"kind": "text"}, include=["metadatas", "embeddings"])
        vecs = np.asarray(got["embeddings"], dtype=np.float32).reshape(len(got["ids"]), -1)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        self._matrix = vecs / np.where(norms == 0, 1, norms)
        self._keys = [(str(m["doc_id"]), int(m["para_idx"])) for m in got["metadatas"]]
        rows: dict[str, list[int]] = {}
        for i, (doc, _) in enumerate(self._keys):
            rows.setdefault(doc, []).append(i)
        self._rows_of = {d: np.asarray(r) for d, r in rows.items()}
        self._count = index.count()

    def _idx(self):
        with self._lock:
            if self._index is None and self.available:
                from ingest.index import Index

                try:
                    index = Index(self.settings)
                    _ = index.embedder.embed_query("预算")  # load the model now, under the lock
                except Exception as e:  # no usable index or model: BM25 only, said once in the log
                    log.warning("dense retrieval unavailable: %s", e)
                    self.available = False
                    return None
                if index.count() == 0:
                    self.available = False
                    return None
                self._index = index
            if self._index is not None and self._index.count() != self._count:
                self._load(self._index)  # first use, or documents were added or removed since
            return self._index

    def warm(self) -> None:
        """Open the index, load the model and the vectors now (a no-op without an index)."""
        if self.available:
            self._idx()

    def _vector(self, idx, query: str) -> list[float]:
        """The query's embedding; a question asks the same text once per document, so it is kept."""
        vec = self._vectors.get(query)
        if vec is None:
            vec = idx.embedder.embed_query(query)
            if len(self._vectors) >= 512:
                self._vectors.clear()
            self._vectors[query] = vec
        return vec

    def paragraphs(self, query: str, doc_ids: set[str], k: int = 20) -> list[tuple[str, int]]:
        """[(doc_id, paragraph index)] best first; [] when there is no index."""
        if not self.available:
            return []
        idx = self._idx()
        if idx is None:
            return []
        try:
            vec = np.asarray(self._vector(idx, query), dtype=np.float32)
        except Exception as e:  # one failed query falls back to BM25 for that question only
            log.warning("dense retrieval failed for one query: %s", e)
            return []
        if self._matrix is None or not len(self._keys):
            return []
        rows = (np.concatenate([self._rows_of[d] for d in sorted(doc_ids) if d in self._rows_of])
                if doc_ids else np.arange(len(self._keys)))
        if not len(rows):
            return []
        sims = self._matrix[rows] @ (vec / (np.linalg.norm(vec) or 1.0))
        out: list[tuple[str, int]] = []
        for i in rows[np.argsort(-sims, kind="stable")]:
            key = self._keys[int(i)]
            if key not in out:
                out.append(key)
                if len(out) >= k:
                    break
        return out


def rrf(*rankings: list, k: int = RRF_K, weights: tuple[float, ...] = ()) -> dict:
    """Reciprocal-rank fusion of several best-first lists of hashable keys (optionally weighted)."""
    score: dict = {}
    for i, ranking in enumerate(rankings):
        w = weights[i] if i < len(weights) else 1.0
        for rank, key in enumerate(ranking):
            score[key] = score.get(key, 0.0) + w / (k + rank + 1)
    return score


DenseFn = Callable[[str, set[str], int], list[tuple[str, int]]]
