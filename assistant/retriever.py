"""The evidence retriever as a LangChain ``BaseRetriever``: table rows and narrative sentences of the
ingested disclosures as ``Document``s, each with its citation as metadata, so it composes with a
user's own chains (``retriever | format_docs | prompt | llm``).

    from assistant.retriever import BudgetRetriever
    docs = BudgetRetriever.from_settings(Settings()).invoke("三公经费是多少？")
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from assistant.evidence import RowEvidence, TextEvidence
from ingest.settings import Settings


def to_document(e: RowEvidence | TextEvidence, n: int) -> Document:
    """One piece of evidence as a LangChain Document: its printed text and its citation."""
    c = e.citation(n)
    if isinstance(e, RowEvidence):
        vals = "，".join(f"{k}={v}" for k, v in e.values.items()) or "（空白）"
        text = f"《{e.table}》“{e.label}”{(' ' + e.code) if e.code else ''}：{vals}（单位：{e.unit or '未注明'}）"
    else:
        text = e.text
    meta = c.model_dump(mode="json")
    meta["score"] = e.score
    return Document(page_content=text, metadata=meta, id=e.key)


class BudgetRetriever(BaseRetriever):
    """Rows and sentences for a question, within the documents the question names (or ``doc_ids``).

    Ranking is the assistant's own: jieba BM25 over rows and sentences, dense paragraphs from Chroma
    fused by reciprocal rank (see ``Catalog.search``)."""

    assistant: Any  # assistant.service.Assistant (Any: pydantic need not validate it)
    k: int = 8
    doc_ids: list[str] | None = None

    @classmethod
    def from_settings(cls, settings: Settings, **kw: Any) -> BudgetRetriever:
        from assistant.service import Assistant

        return cls(assistant=Assistant(settings), **kw)

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        hits = self.assistant.evidence(query, self.doc_ids, k=self.k)
        return [to_document(e, i + 1) for i, e in enumerate(hits)]
