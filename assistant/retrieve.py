"""Dense retrieval over the Chroma index (the same embedding model as at ingest), fused with
BM25 by reciprocal rank. Used for narrative evidence; figures come from exact lookup."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from ingest.settings import Settings

log = logging.getLogger(__name__)
RRF_K = 60


class Dense:
    """Paragraph ranks from Chroma for a query, scoped to documents. Loads the model lazily."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._index = None
        self._lock = threading.Lock()  # the first questions may arrive together: open the index once
        self._vectors: dict[str, list[float]] = {}
        self.available = settings.chroma_path.exists()

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
            return self._index

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
            vec = self._vector(idx, query)
            where: dict = {"kind": "text"}
            if doc_ids:
                where = {"$and": [{"kind": "text"}, {"doc_id": {"$in": sorted(doc_ids)}}]}
            res = idx.collection.query(query_embeddings=[vec], n_results=k, where=where, include=["metadatas"])
        except Exception as e:  # one failed query falls back to BM25 for that question only
            log.warning("dense retrieval failed for one query: %s", e)
            return []
        out: list[tuple[str, int]] = []
        for m in (res.get("metadatas") or [[]])[0]:
            key = (str(m["doc_id"]), int(m["para_idx"]))
            if key not in out:
                out.append(key)
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
