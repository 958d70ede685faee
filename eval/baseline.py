"""The naive-RAG baseline a user would otherwise pick: pdfplumber page text,
RecursiveCharacterTextSplitter, the same embedding model, Chroma top-5.

Scored by whether the gold figures appear in the retrieved context — an upper bound for any
LLM that reads it. Its index lives in <store>/baseline, apart from budgetqa's own.
"""

from __future__ import annotations

import hashlib

import pdfplumber
from langchain_text_splitters import RecursiveCharacterTextSplitter

from eval.metrics import answer_numbers, figure_found
from ingest.service import IngestService
from ingest.settings import Settings

TOP_K = 5


def _collection(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.PersistentClient(path=str(settings.home / "baseline"), settings=ChromaSettings(anonymized_telemetry=False))
    name = "naive-rag" + ("-int8" if settings.embed_int8 else "")  # vectors of one model variant only
    return client.get_or_create_collection(name, metadata={"hnsw:space": "cosine"})


def build(settings: Settings, embedder) -> object:
    """Index every ingested PDF once (by content hash)."""
    col = _collection(settings)
    have = {m["sha"] for m in col.get(include=["metadatas"])["metadatas"] or []}
    splitter = RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50, separators=["\n\n", "\n", "。", "，", ""])
    svc = IngestService(settings, embed=False)
    for d in svc.documents():
        path = svc.source_path(d.doc_id)
        if d.format != "pdf" or d.sha256 in have or path is None or not path.exists():
            continue
        texts, metas = [], []
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                for chunk in splitter.split_text(page.extract_text() or ""):
                    texts.append(chunk)
                    metas.append({"sha": d.sha256, "page": page.page_number})
        if not texts:
            continue
        vecs = embedder.embed_passages(texts)
        ids = [hashlib.sha1(f"{d.sha256}:{i}".encode()).hexdigest() for i in range(len(texts))]
        for i in range(0, len(ids), 2000):
            col.add(ids=ids[i : i + 2000], documents=texts[i : i + 2000], metadatas=metas[i : i + 2000],
                    embeddings=vecs[i : i + 2000])
    return col


def score(items: list[dict], settings: Settings) -> dict:
    from ingest.embedding import Embedder

    emb = Embedder(settings.embedding_model, settings.model_cache, settings.embed_batch_size, settings.embed_int8)
    col = build(settings, emb)
    answerable = [it for it in items if it.get("answerable", True) and it.get("figures")]
    sha_of = {d.source: d.sha256 for d in IngestService(settings, embed=False).documents()}
    hits = 0
    for it in answerable:
        # the same scope as budgetqa gets: one document when the item names it
        where = {"sha": sha_of.get(it["doc_file"], "-")} if it.get("doc_file") else None
        res = col.query(query_embeddings=[emb.embed_query(it["question"])], n_results=TOP_K, include=["documents"],
                        where=where)
        context = "\n".join((res.get("documents") or [[]])[0])
        nums = answer_numbers(context)
        if all(figure_found(f, nums) for f in it["figures"]):
            hits += 1
    return {"n": len(answerable), "figure_recall": round(hits / len(answerable), 4) if answerable else 0.0, "top_k": TOP_K}
