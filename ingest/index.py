"""The Chroma index: one chunk per narrative paragraph piece, with metadata pointing back to its
paragraph in the structured store. Table rows are not embedded: figures are found by exact lookup
and BM25 over the rows in the store, and no query read the row vectors (they were 87% of the
embedding time, eval/BENCH.md). ``row_sentence`` stays for the benchmark's comparison."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from ingest.model import Document  # noqa: E402
from ingest.settings import Settings  # noqa: E402

CHUNK_CHARS = 400
SEEN_MAX = 20_000


def collection_name(model: str, int8: bool = False) -> str:
    slug = re.sub(r"[^a-zA-Z0-9._-]+", "-", model).strip("-._")[:48] or "model"
    return f"budgetqa-{slug}" + ("-int8" if int8 else "")


def chunks(doc: Document) -> Iterator[tuple[str, str, dict]]:
    """(id, text, metadata) for every paragraph chunk of a document."""
    base = {"doc_id": doc.doc_id, "department": doc.department, "year": doc.year or 0}
    for p in doc.paragraphs:
        if p.in_contents:
            continue  # (the 目录's entries: read from the store, never retrieved)
        head = " > ".join(p.heading_path)
        text = p.text
        pieces = [text[i : i + CHUNK_CHARS] for i in range(0, len(text), CHUNK_CHARS - 50)] or [text]
        for k, piece in enumerate(pieces):
            yield (
                f"{doc.doc_id}:{doc.parser}:p:{p.index}:{k}",
                f"{head}：{piece}" if head else piece,
                {**base, "kind": "text", "para_idx": p.index, "page": p.page},
            )


@lru_cache(maxsize=4)
def _client(path: str):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    return chromadb.PersistentClient(path=path, settings=ChromaSettings(anonymized_telemetry=False))


class Index:
    def __init__(self, settings: Settings):
        self.settings = settings
        Path(settings.chroma_path).mkdir(parents=True, exist_ok=True)
        self.client = _client(str(Path(settings.chroma_path).resolve()))
        self.name = collection_name(settings.embedding_model, settings.embed_int8)
        self.collection = self.client.get_or_create_collection(self.name, metadata={"hnsw:space": "cosine"})
        self._embedder = None
        self._seen: dict[str, list[float]] = {}  # text -> vector, over the documents of one ingest

    @property
    def embedder(self):
        if self._embedder is None:
            from ingest.embedding import Embedder

            self._embedder = Embedder(
                self.settings.embedding_model,
                self.settings.model_cache,
                batch_size=self.settings.embed_batch_size,
                int8=self.settings.embed_int8,
            )
        return self._embedder

    def embed(self, doc: Document) -> tuple[list[str], list[str], list[dict], list[list[float]]]:
        items = list(chunks(doc))
        ids = [i for i, _, _ in items]
        texts = [t for _, t, _ in items]
        metas = [m for _, _, m in items]
        # the same words are embedded once: boilerplate (名词解释) repeats across one city's documents
        new = [t for t in dict.fromkeys(texts) if t not in self._seen]
        if len(self._seen) + len(new) > SEEN_MAX:
            self._seen.clear()
        self._seen.update(zip(new, self.embedder.embed_passages(new) if new else [], strict=True))
        return ids, texts, metas, [self._seen[t] for t in texts]

    def add(self, ids: list[str], texts: list[str], metas: list[dict], vecs: list[list[float]]) -> None:
        step = 2000
        for i in range(0, len(ids), step):
            self.collection.upsert(
                ids=ids[i : i + step],
                documents=texts[i : i + step],
                metadatas=metas[i : i + step],  # type: ignore[arg-type]
                embeddings=vecs[i : i + step],  # type: ignore[arg-type]
            )

    def delete_doc(self, doc_id: str) -> None:
        self.collection.delete(where={"doc_id": doc_id})

    def prune(self, doc_id: str, keep: list[str]) -> None:
        """Delete a document's chunks that are not in keep (left by an older reading)."""
        kept = set(keep)
        have = self.collection.get(where={"doc_id": doc_id}, include=[])["ids"]
        self.delete_ids([i for i in have if i not in kept])

    def delete_ids(self, ids: list[str]) -> None:
        if ids:
            self.collection.delete(ids=ids)

    def count(self, doc_id: str | None = None) -> int:
        if doc_id is None:
            return self.collection.count()
        return len(self.collection.get(where={"doc_id": doc_id}, include=[])["ids"])
