"""An in-memory view of the store for fast exact lookup and BM25: every row and every
narrative sentence of every ingested document, as evidence objects."""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field

import jieba
import numpy as np
from rank_bm25 import BM25Okapi

from assistant.evidence import DocInfo, RowEvidence, TextEvidence
from assistant.retrieve import DenseFn
from assistant.vocab import TOTAL_NAMES
from ingest.settings import RankWeights
from ingest.store import Store
from ingest.text import longest

jieba.setLogLevel(logging.WARNING)
_WS = re.compile(r"\s+")
_CJK_RUN = re.compile(r"[^\u4e00-\u9fa5]|^其中")  # a name's own characters: no numbering, brackets, "其中："
_NUMBERING = re.compile(r"^(第[一二三四五六七八九十]+部分|[（(]?[一二三四五六七八九十\d]+[)）、.．]?)\s*")


class _Bm25:
    """rank_bm25's Okapi scores, computed only over the entries holding each query token (the library
    walks every entry per token, which is most of a question's time on a 262-page release)."""

    def __init__(self, corpus: list[list[str]]) -> None:
        self.okapi = BM25Okapi(corpus)
        post: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
        for i, freqs in enumerate(self.okapi.doc_freqs):
            for tok, f in freqs.items():
                post[tok][0].append(i)
                post[tok][1].append(f)
        self.postings = {t: (np.array(ix), np.array(fs)) for t, (ix, fs) in post.items()}
        self.doc_len = np.array(self.okapi.doc_len)

    def get_scores(self, query: list[str]) -> np.ndarray:
        """Same arithmetic as BM25Okapi.get_scores (a token an entry lacks adds 0 there)."""
        ok = self.okapi
        score = np.zeros(ok.corpus_size)
        for q in query:
            if q not in self.postings:
                continue
            ix, f = self.postings[q]
            dl = self.doc_len[ix]
            score[ix] += (ok.idf.get(q) or 0) * (f * (ok.k1 + 1) / (f + ok.k1 * (1 - ok.b + ok.b * dl / ok.avgdl)))
        return score


def _heading_name(heading: str) -> str:
    """'二十一、深圳市考试院' -> '深圳市考试院'."""
    return _NUMBERING.sub("", heading.strip())


_UNIT_NAME = re.compile(r"(中心|办公室|办事处|街道|局|院|所|站|馆|队|处|办|委|会|学校|医院|大学|学院|幼儿园|[(（]本级[)）])$")
BODY_FIELD = re.compile(r"(项目)?实施单位|预算单位")
_BRACKETED = re.compile(r"^(.+?)[（(]([^（()）]+)[）)]$")


def _unit_names(label: str) -> list[str]:
    """A label that names a unit, under each name it prints: "X中心（Y中心）" is X中心 and Y中心 (and the label
    itself); none when it names no unit."""
    names = [label]
    if (m := _BRACKETED.match(label)) is not None and not re.fullmatch(r"本级", m.group(2)):
        names += [m.group(1), m.group(2)]
    return [n for n in dict.fromkeys(names) if len(n) >= 5 and _UNIT_NAME.search(n)]


_STOP = set("的 了 是 和 与 及 在 对 为 有 中 其中 等 个 年 元 万元 多少 什么 哪些 怎么 如何 吗 呢 ？ ? ， 。 、 ： （ ） “ ” 《 》 ( ) : , .".split())
for _w in ("三公经费", "一般公共预算", "政府性基金", "国有资本经营", "项目支出", "基本支出", "人员经费", "公用经费",
           "机关运行经费", "财政拨款", "政府采购", "绩效目标", "名词解释", "因公出国", "公务接待", "公务用车"):
    jieba.add_word(_w)


def tokens(text: str) -> list[str]:
    """jieba words plus CJK character bigrams (robust to unseen terms), minus stop words."""
    t = _WS.sub("", text)
    words = [w for w in jieba.lcut_for_search(t) if w not in _STOP and w.strip()]
    cjk = re.sub(r"[^\u4e00-\u9fa5]", "", t)
    bigrams = [cjk[i : i + 2] for i in range(len(cjk) - 1)]
    return words + bigrams


def split_sentences(text: str) -> list[str]:
    """Sentences, split after 。；！？ — not inside a closed bracket ("…（A 96万元，比上年减少76万元；B…。）比上年减少…")."""
    inside = [False] * len(text)
    opens: list[int] = []
    for i, ch in enumerate(text):
        if ch in "（(":
            opens.append(i)
        elif ch in "）)" and opens:
            o = opens.pop()
            for k in range(o, i):
                inside[k] = True
    out: list[str] = []
    start = 0
    for i, ch in enumerate(text):
        if ch in "。；！？!?;" and not inside[i]:
            out.append(text[start : i + 1])
            start = i + 1
    out.append(text[start:])
    return [s for s in (x.strip() for x in out) if s]


@dataclass
class TableInfo:
    idx: int
    title: str
    kind: str
    unit: str | None
    empty: bool
    notes: list[str]
    pages: list[int]
    columns: list[str]


@dataclass
class Catalog:
    docs: dict[str, DocInfo] = field(default_factory=dict)
    rows: list[RowEvidence] = field(default_factory=list)
    texts: list[TextEvidence] = field(default_factory=list)  # one per sentence window
    paragraphs: dict[str, list[TextEvidence]] = field(default_factory=dict)  # doc -> whole paragraphs
    tables: dict[str, list[TableInfo]] = field(default_factory=dict)
    by_code: dict[str, list[RowEvidence]] = field(default_factory=lambda: defaultdict(list))
    signature: tuple = ()
    dense: DenseFn | None = None  # set by the assistant when a vector index exists
    weights: RankWeights = field(default_factory=RankWeights)  # set by the assistant from its settings
    _bm25: dict[str, tuple[_Bm25 | None, list[RowEvidence | TextEvidence]]] = field(default_factory=dict)
    _rows_by_doc: dict[str, list[RowEvidence]] = field(default_factory=dict)
    _texts_by_doc: dict[str, list[TextEvidence]] = field(default_factory=dict)
    _by_key: dict[tuple[str, int], TextEvidence] = field(default_factory=dict)
    memo: dict[tuple, object] = field(default_factory=dict)  # per-document values answers reuse
    store: Store | None = None  # where it was loaded from (the publication check's stored findings)

    @classmethod
    def load(cls, store: Store) -> Catalog:
        cat = cls(store=store)
        recs = store.documents()
        cat.signature = tuple(sorted(d.doc_id for d in recs))
        for d in recs:
            doc = store.load(d.doc_id)
            if doc is None:
                continue
            org = " ".join(r.label + r.unit_name for t in doc.tables if t.kind in ("org", "sanggong") for r in t.rows)
            # units the tables list (rows per unit in the income and expenditure tables)
            units = [r.unit_name for t in doc.tables for r in t.rows if r.unit_name]
            named = [r.label for t in doc.tables if t.kind != "performance" for r in t.rows]
            # (and the body a performance form names as the one that carries out its project)
            named += [v for t in doc.tables if t.kind == "performance" for r in t.rows if r.kind == "text"
                      for k, v in r.values.items() if BODY_FIELD.fullmatch(k)]
            # units the narrative gives a heading of their own ("二十一、深圳市考试院")
            named += [h for p in doc.paragraphs for h in map(_heading_name, p.heading_path)]
            units += [n for u in named for n in _unit_names(u)]
            listed_units = tuple(dict.fromkeys(units))
            # (one unit under each name it prints: "十五、X学院（Y学院）")
            pairs = tuple(dict.fromkeys((m.group(1), m.group(2)) for u in named if (m := _BRACKETED.match(u))
                                        and len(_unit_names(m.group(1)) + _unit_names(m.group(2))) == 2))
            org += " " + " ".join(listed_units)
            opening = " ".join(p.text for p in doc.paragraphs[:3])
            context = f"{d.department} {d.title} {org} {opening}"
            info = DocInfo(d.doc_id, d.department, d.year, d.kind, d.scope, d.source, d.title, context, listed_units, pairs)
            cat.docs[d.doc_id] = info
            cat.tables[d.doc_id] = []
            # the units the income table lists one row each ("广州市河涌监测中心"): in a 基本/项目支出 table printed
            # unit by unit, such a row heads its unit's block, and the rows under it are that unit's
            listed = {r.label for t in doc.tables if t.kind == "income_total" for r in t.rows
                      if len(r.label) >= 5 and _unit_names(r.label) and r.label != d.department}  # ("X医院（Y医院）")
            for ti, t in enumerate(doc.tables):
                cat.tables[d.doc_id].append(TableInfo(ti, t.title, t.kind, t.unit, t.empty, list(t.notes), list(t.pages), list(t.columns)))
                block = ""
                blocks = t.kind in ("project_expense", "basic_expense") and sum(r.label in listed for r in t.rows) >= 2
                for r in t.rows:
                    if blocks and not r.unit_name:
                        block = r.label if r.label in listed else block if r.label not in TOTAL_NAMES else ""
                    ev = RowEvidence(
                        doc=info, table=t.title, table_kind=t.kind, unit=t.unit, label=r.label, code=r.code,
                        page=r.page, values=dict(r.values), side=r.side,
                        unit_name=r.unit_name or (block if blocks and r.label != block else ""), kind=r.kind,
                        bbox=r.bbox, row_idx=r.index, table_idx=ti,
                    )
                    cat.rows.append(ev)
                    if r.code:
                        cat.by_code[r.code].append(ev)
            paras: list[TextEvidence] = []
            for p in doc.paragraphs:
                section = " > ".join(p.heading_path)
                whole = TextEvidence(doc=info, section=section, page=p.page, text=p.text, bbox=p.bbox, para_idx=p.index)
                whole.sentences = split_sentences(p.text)
                paras.append(whole)
                if p.in_contents:
                    continue  # (the 目录's entries say what the release holds; no sentence of them answers)
                for k, s in enumerate(whole.sentences):
                    cat.texts.append(
                        TextEvidence(doc=info, section=section, page=p.page, text=s, bbox=p.bbox, para_idx=p.index * 1000 + k)
                    )
            cat.paragraphs[d.doc_id] = paras
        for r in cat.rows:
            cat._rows_by_doc.setdefault(r.doc.doc_id, []).append(r)
        for e in cat.texts:
            cat._texts_by_doc.setdefault(e.doc.doc_id, []).append(e)
        cat.warm()
        return cat

    @staticmethod
    def _text_of(e: RowEvidence | TextEvidence) -> str:
        if isinstance(e, RowEvidence):
            return f"{e.table} {e.code} {e.label} {' '.join(e.values)} {e.unit_name}"
        return f"{e.section.replace(' > ', ' ')} {e.text}"  # the whole heading path: 某专项 > 六、年度预算安排

    def names(self) -> list[str]:
        """Every printed name that holds a list word (和/及/与/、): row labels, column names, table titles,
        departments. A question's list is never split inside one of them."""
        key = ("names-with-and", "")
        if key not in self.memo:
            labels = {re.sub(r"\s+", "", r.label) for r in self.rows}
            # (and without an owner's name after it: "X、Y经费（某医院）" is asked "X、Y经费")
            labels |= {re.sub(r"[（(][^）)]*[）)]$", "", n) for n in labels}
            found = labels | {re.sub(r"^20\d\d年度?", "", t.title)
                                                                      for ts in self.tables.values() for t in ts}
            found |= {c.split("/")[-1] for ts in self.tables.values() for t in ts for c in t.columns}
            found |= {d.department for d in self.docs.values()}
            self.memo[key] = sorted((n for n in found if 3 <= len(n) <= 30 and re.search(r"[和及与、]", n)),
                                    key=longest)
        return self.memo[key]  # type: ignore[return-value]

    def terms(self, doc_id: str) -> tuple[str, dict[tuple[str, str], list[str]]]:
        """What a document prints (its rows, columns and sentences, as one text without spaces) and the names
        it prints (row labels, column names), indexed by first and last character: what a short form may stand for."""
        key = ("terms", doc_id)
        if key not in self.memo:
            rows = self.doc_rows(doc_id)
            names = {_CJK_RUN.sub("", _NUMBERING.sub("", r.label)) for r in rows}
            names |= {_CJK_RUN.sub("", _NUMBERING.sub("", part))
                      for t in self.tables.get(doc_id, []) for c in t.columns for part in c.split("/")}
            by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
            for n in sorted(names):
                if 4 <= len(n) <= 20:
                    by_ends[(n[0], n[-1])].append(n)
            text = _WS.sub("", " ".join(f"{r.label} {' '.join(r.values)}" for r in rows)
                           + " ".join(e.text for e in self.doc_texts(doc_id)))
            self.memo[key] = (text, dict(by_ends))
        return self.memo[key]  # type: ignore[return-value]

    def doc_rows(self, doc_id: str) -> list[RowEvidence]:
        return self._rows_by_doc.get(doc_id, [])

    def next_sentence(self, e: TextEvidence) -> TextEvidence | None:
        """The sentence after e in its paragraph, or None."""
        if not self._by_key:
            self._by_key = {(t.doc.doc_id, t.para_idx): t for t in self.texts}
        return self._by_key.get((e.doc.doc_id, e.para_idx + 1))

    def rest_of_list(self, e: TextEvidence, most: int = 6) -> list[TextEvidence]:
        """The clauses after e that finish its sentence, when e opens a list of amounts and stops at "；"
        ("X万元，主要包括：A 23 名支出 N 万元；" then "B 8 名支出 M 万元。")."""
        out: list[TextEvidence] = []
        cur = e
        while len(out) < most and re.search(r"[；;]\s*$", cur.text) and re.search(r"包括[：:]", e.text) \
                and (cur := self.next_sentence(cur)) is not None:
            out.append(cur)
        return out

    def sentence_at(self, doc_id: str, key: int) -> TextEvidence | None:
        """The sentence with this index (paragraph × 1000 + sentence), or None."""
        if not self._by_key:
            self._by_key = {(t.doc.doc_id, t.para_idx): t for t in self.texts}
        return self._by_key.get((doc_id, key))

    def doc_texts(self, doc_id: str) -> list[TextEvidence]:
        return self._texts_by_doc.get(doc_id, [])

    def warm(self) -> None:
        """Build every per-document BM25 index now (at load), not on a user's first question."""
        for doc_id in self.docs:
            self._index(doc_id)

    def _index(self, doc_id: str) -> tuple[_Bm25 | None, list[RowEvidence | TextEvidence]]:
        """One BM25 index per document, built on first use (questions are always scoped to documents)."""
        if doc_id not in self._bm25:
            corpus: list[RowEvidence | TextEvidence] = [*self.doc_rows(doc_id), *self._texts_by_doc.get(doc_id, [])]
            self._bm25[doc_id] = (_Bm25([tokens(self._text_of(e)) for e in corpus]) if corpus else None, corpus)
        return self._bm25[doc_id]

    def bm25(self, query: str, doc_ids: set[str] | None, k: int = 30,
             texts_only: bool = False) -> list[tuple[RowEvidence | TextEvidence, float]]:
        """Best-scoring rows and sentences; texts_only keeps rows from crowding the narrative out (kept per
        query: one answer asks the same again)."""
        key = ("bm25", query, tuple(sorted(doc_ids)) if doc_ids is not None else None, k, texts_only)
        if key not in self.memo:
            if len(self.memo) > 4096:
                for old in [x for x in self.memo if x[0] == "bm25"]:
                    del self.memo[old]
            self.memo[key] = self._bm25_hits(query, doc_ids, k, texts_only)
        return list(self.memo[key])  # type: ignore[call-overload]

    def _bm25_hits(self, query: str, doc_ids: set[str] | None, k: int,
                   texts_only: bool) -> list[tuple[RowEvidence | TextEvidence, float]]:
        toks = tokens(query)
        hits: list[tuple[RowEvidence | TextEvidence, float]] = []
        for doc_id in sorted(doc_ids if doc_ids is not None else self.docs):
            index, corpus = self._index(doc_id)
            if index is None:
                continue
            scores = index.get_scores(toks)
            start = len(self.doc_rows(doc_id)) if texts_only else 0  # rows come first in the corpus
            hits.extend((corpus[i], float(scores[i])) for i in range(start, len(corpus)) if scores[i] > 0)
        hits.sort(key=lambda x: -x[1])
        return hits[:k]
