"""Dense retrieval over the Chroma index (the same embedding model as at ingest), fused with
BM25 by reciprocal rank. Used for narrative evidence; figures come from exact lookup."""

from __future__ import annotations

import logging
from collections.abc import Callable

from ingest.settings import Settings

log = logging.getLogger(__name__)
RRF_K = 60


class Dense:
    """Paragraph ranks from Chroma for a query, scoped to documents. Loads the model lazily."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._index = None
        self.available = settings.chroma_path.exists()

    def _idx(self):
        if self._index is None:
            from ingest.index import Index

            self._index = Index(self.settings)
            if self._index.count() == 0:
                self.available = False
        return self._index

    def paragraphs(self, query: str, doc_ids: set[str], k: int = 20) -> list[tuple[str, int]]:
        """[(doc_id, paragraph index)] best first; [] when there is no index."""
        if not self.available:
            return []
        try:
            idx = self._idx()
            if not self.available:
                return []
            vec = idx.embedder.embed_query(query)
            where: dict = {"kind": "text"}
            if doc_ids:
                where = {"$and": [{"kind": "text"}, {"doc_id": {"$in": sorted(doc_ids)}}]}
            res = idx.collection.query(query_embeddings=[vec], n_results=k, where=where, include=["metadatas"])
        except Exception as e:  # a broken index must not break answering
            log.warning("dense retrieval unavailable: %s", e)
            self.available = False
            return []
        out: list[tuple[str, int]] = []
        for m in (res.get("metadatas") or [[]])[0]:
            key = (str(m["doc_id"]), int(m["para_idx"]))
            if key not in out:
                out.append(key)
        return out


def rrf(*rankings: list, k: int = RRF_K) -> dict:
    """Reciprocal-rank fusion of several best-first lists of hashable keys."""
    score: dict = {}
    for ranking in rankings:
        for rank, key in enumerate(ranking):
            score[key] = score.get(key, 0.0) + 1.0 / (k + rank + 1)
    return score


DenseFn = Callable[[str, set[str], int], list[tuple[str, int]]]
