"""Checking a draft before publication: every figure in the text is looked up in the store —
match (with its citation), differs (with the stored value and its citation) or not found."""

from __future__ import annotations

import re
from decimal import Decimal

from pydantic import BaseModel, Field

from assistant.catalog import Catalog
from assistant.evidence import Citation, RowEvidence, TextEvidence
from assistant.figures import figure_for, sentence_with_number
from assistant.understand import COLUMN_INTENTS, understand
from ingest.model import parse_amount

# a figure and the words before it: "项目支出34.22万元", "基本支出 59.58 万元"
_FIG = re.compile(r"(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万元|元|亿元)")
_CLAUSE_START = re.compile(r"[。；;，,、：:（(\n]")


class Figure(BaseModel):
    text: str  # the figure with its subject, as written in the draft
    status: str  # match / differs / not_found (the contract's three values)
    ambiguous: bool = False  # not_found because it differs in several departments and the draft names none
    value: str
    expected: str | None = None
    citations: list[Citation] = Field(default_factory=list)


class CheckResult(BaseModel):
    figures: list[Figure] = Field(default_factory=list)


def _subject(draft: str, start: int) -> str:
    head = draft[:start]
    cut = max((m.end() for m in _CLAUSE_START.finditer(head)), default=0)
    return head[cut:].strip()


def check_draft(cat: Catalog, draft: str, docs: list[str] | None = None) -> CheckResult:
    scope = set(docs) if docs else None
    base = understand(draft, list(cat.docs.values()), scope)  # departments and years named in the draft
    out = CheckResult()
    for m in _FIG.finditer(draft):
        subj = _subject(draft, m.start())
        value = m.group("num")
        num = parse_amount(value)
        text = f"{subj}{value}{m.group('unit')}"
        fig = Figure(text=text, status="not_found", value=value)
        if num is None or len(re.sub(r"[^\u4e00-\u9fa5]", "", subj)) < 2:
            out.figures.append(fig)
            continue
        # every document in scope is asked; a match anywhere wins. "differs" needs one document:
        # with several departments and none named, a differing figure is ambiguous, not wrong.
        differs: list[tuple[str, Citation]] = []
        for doc in base.docs:
            q = understand(subj, [doc])
            q.intents = ["figure"]
            found = None if _CHANGE.search(subj) else figure_for(cat, q, doc)
            if found is not None and found[2] and _names_row(cat, q, doc, found[0], found[1], subj):
                r, _col, stored = found
                amt = parse_amount(stored)
                if amt is not None and r.unit == m.group("unit"):
                    if amt == num:
                        fig.status, fig.expected, fig.citations = "match", stored, [r.citation(1)]
                        break
                    differs.append((stored, r.citation(1)))
            # the narrative may state it instead
            hit = _in_text(cat, q, doc, subj, num)
            if hit is not None:
                fig.status, fig.expected, fig.citations = "match", value, [hit.citation(1)]
                break
        else:
            if len(differs) == 1 or (differs and len(base.docs) == 1):
                fig.status, fig.expected, fig.citations = "differs", differs[0][0], [differs[0][1]]
            elif differs:
                fig.ambiguous = True  # status stays not_found
                fig.citations = [c for _, c in differs[:5]]
        out.figures.append(fig)
    return out


# "比上年增加 2.55 万元": a change, not a stored figure (changes are matched in the narrative only)
_CHANGE = re.compile(r"(比|较|与).{0,12}(增加|减少|增长|下降|相比)|(增加|减少|增长|下降|增减)了?$")


def _names_row(cat: Catalog, q, doc, r: RowEvidence, col: str, subj: str) -> bool:
    """Only a row the draft names can make its figure "differ": its printed name or code, or a total
    row's column ("项目支出") when the draft names nothing else. "全年预算数 2277 万元" names no row."""
    from assistant.compose import bare, leaf
    from assistant.figures import names_other

    flat = re.sub(r"\s+", "", subj)
    name = bare(r.label)
    if r.code and r.code in flat:
        return True
    generic = name in ("合计", "总计", "小计", "预算数", "决算数", "执行数", "金额", "预算", "决算", "本年", "上年")
    if not generic and name in flat and (len(name) >= 4 or flat.endswith(name)):
        return True
    # a total's column ("项目支出 34.22 万元"): the draft's subject must end with that column's name
    tail = re.sub(r"(预算数|决算数|预算|决算|支出数|为|是|共计|共|总额|安排|合计)+$", "", flat)
    asked = [c for c in q.columns if c in leaf(col) or c in col]
    names = [a for c in asked for a in (c, *COLUMN_INTENTS.get(c, ()))]
    return bool(asked) and any(tail.endswith(a) for a in names) and not names_other(cat, q, doc)


def _in_text(cat: Catalog, q, doc, subj: str, num: Decimal) -> TextEvidence | None:
    key = re.sub(r"[^\u4e00-\u9fa5]", "", subj)[-4:]
    return sentence_with_number(cat, q, doc, num, [key] if key else [], query=subj, k=15)


__all__ = ["CheckResult", "Figure", "check_draft", "RowEvidence"]
