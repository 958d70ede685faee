"""The assistant service: question in, cited and verified answer out (CONTRACT.md answer object).

The pipeline is a LangChain Runnable chain: understand → compose (exact lookup + BM25 over
rows and sentences) → verify. The catalog is loaded once per process and reloaded when the
store's documents change.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import replace
from decimal import Decimal
from itertools import zip_longest

from langchain_core.language_models import BaseChatModel
from langchain_core.runnables import RunnableLambda
from pydantic import BaseModel, Field

from assistant.answer import compose
from assistant.asks import warm as warm_asks
from assistant.catalog import Catalog
from assistant.compose import Draft
from assistant.evidence import Citation, RowEvidence, TextEvidence
from assistant.llm import make_llm, rewrite
from assistant.retrieve import Dense
from assistant.understand import Query, short_forms, understand
from assistant.verify import mask, unverified
from ingest.settings import Settings
from ingest.store import Store


class Answer(BaseModel):
    question: str
    answer: str
    answerable: bool
    citations: list[Citation] = Field(default_factory=list)
    unverified_numbers: list[str] = Field(default_factory=list)
    intent: str = ""
    docs: list[str] = Field(default_factory=list)
    latency_ms: float = 0.0
    writer: str = "offline"  # offline / llm
    note: str = ""


LLM_EXTRA = 4  # ranked rows and sentences per document the optional LLM sees beyond the offline answer's evidence


class Assistant:
    def __init__(self, settings: Settings, llm: BaseChatModel | None = None):
        self.settings = settings
        self.llm = llm if llm is not None else make_llm(settings)
        self.store = Store(settings.db_path)
        self._cat: Catalog | None = None
        self._lock = threading.Lock()
        self._dense = Dense(settings)
        self.chain = (
            RunnableLambda(self._understand, name="understand")
            | RunnableLambda(self._compose, name="compose")
            | RunnableLambda(self._verify, name="verify")
        )

    @property
    def catalog(self) -> Catalog:
        with self._lock:
            sig = tuple(sorted(d.doc_id for d in self.store.documents()))
            if self._cat is None or self._cat.signature != sig:
                self._cat = Catalog.load(self.store)
                warm_asks()
                self._cat.weights = self.settings.rank
                if self.settings.dense_retrieval:
                    self._cat.dense = self._dense.paragraphs
                    self._dense.warm()  # model and vectors loaded with the catalog, not on a user's question
            return self._cat

    def _understand(self, inp: dict) -> tuple[Catalog, Query]:
        cat = self.catalog
        scope = set(inp["docs"]) if inp.get("docs") else None
        q = understand(inp["question"], list(cat.docs.values()), scope)
        # a short form of a name the documents print ("公车购置费"): the question read with the name written out
        spelled = q.text
        quoted = "".join(re.findall(r"“[^”]*”|\"[^\"]*\"|「[^」]*」|『[^』]*』", q.text))
        for short, name in short_forms(q.subject, [cat.terms(d.doc_id) for d in q.docs[:8]], quoted):
            if not any(short in u for u in q.absent_units):  # (a unit the release does not list is no short form)
                # (the subject drops 的: "单台车的油耗" holds the short form "单台车油耗")
                spelled = re.sub("的?".join(map(re.escape, short)), name, spelled)
        if spelled != q.text:
            q = replace(understand(spelled, list(cat.docs.values()), scope), written=q.text)
        return cat, q

    def _compose(self, x: tuple[Catalog, Query]) -> tuple[Query, Draft]:
        cat, q = x
        return q, compose(cat, q)

    def _verify(self, x: tuple[Query, Draft]) -> Answer:
        q, d = x
        text = d.text
        years = [Decimal(doc.year) for doc in q.docs if doc.year]  # document metadata is a source too
        writer, note = "offline", ""
        evidence = list(d.evidence)
        if self.llm is not None and d.answerable and d.evidence:
            ranked = self.evidence(q.text, [doc.doc_id for doc in q.docs], k=LLM_EXTRA)
            llm_text, why, used = rewrite(self.llm, q.text, d, years, ranked)
            if llm_text is not None:
                text, writer, evidence = llm_text, "llm", used
            else:
                note = f"{why}，已改用离线答案。"
        bad = unverified(text, evidence, d.computed + years)
        if bad:
            text = mask(text, bad)  # no number without a source: an unverified number is not printed
        return Answer(
            question=q.written or q.text,
            answer=text,
            answerable=d.answerable,
            citations=[e.citation(i + 1) for i, e in enumerate(evidence)],
            unverified_numbers=bad,
            intent=q.intent,
            docs=[doc.doc_id for doc in q.docs],
            writer=writer,
            note=note,
        )

    def ask(self, question: str, docs: list[str] | None = None) -> Answer:
        t0 = time.perf_counter()
        ans: Answer = self.chain.invoke({"question": question, "docs": docs or []})
        ans.latency_ms = round((time.perf_counter() - t0) * 1000, 1)
        return ans

    def evidence(self, question: str, docs: list[str] | None = None, k: int = 8) -> list[RowEvidence | TextEvidence]:
        """The ranked rows and sentences for a question (what ``assistant.retriever`` hands to LangChain):
        per document in scope, the rows it names and the best sentences, interleaved."""
        from assistant.compose import match_rows, passages

        cat = self.catalog
        q = understand(question, list(cat.docs.values()), set(docs) if docs else None)
        out: list[RowEvidence | TextEvidence] = []
        for doc in q.docs:
            rows, texts = match_rows(cat, q, doc)[:k], passages(cat, q, doc, k=k)
            for pair in zip_longest(rows, texts):
                out.extend(e for e in pair if e is not None)
        return out[: k * max(1, len(q.docs))]

    def verify(self, draft: str, docs: list[str] | None = None):
        """Check every figure of a draft against the store (see assistant.checker)."""
        from assistant.checker import check_draft

        return check_draft(self.catalog, draft, docs)
