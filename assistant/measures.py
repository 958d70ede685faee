"""What a named item measures or aims at ("一年出几期", "及时率要求多少", "房租多少", "过水能力提高到多少"):
the clause of the item's own evidence that holds the asked words and a value of the asked kind. The item's
evidence is its performance form, the run of rows a wide form prints under its name (indicators, goal
text), and the sentences that name it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from assistant.catalog import Catalog
from assistant.compose import Draft, bare, bigrams, clean, describe, project_name
from assistant.evidence import DocInfo, RowEvidence, TextEvidence
from assistant.rank import AMOUNT, overlap
from assistant.understand import aliases
from assistant.vocab import (
    CHANGE_Q,
    CJK,
    COUNT_Q,
    FEE_ASKED,
    HEADCOUNT_Q,
    MEASURE_NOISE,
    MONEY_ASKED,
    SAME_COUNT,
    WHY_Q,
)
from ingest.text import longest

_CLAUSE = re.compile(r"[。；;，]|,(?!\d{3})")
_VALUE_ONLY = re.compile(r"^[≥≤<>=＝＜＞]*=?\s*\d")  # a row that prints only a value ("<=18人")
_SCORING = re.compile(r"权重|分值|得分")  # a form's scoring columns: not what is measured
_RATE = re.compile(r"率|比例|百分")
_GOALS = re.compile(r"目标|指标")
_FORM_WORDS = re.compile(r"绩效|目标|指标|年度|当年|总体|整体|预算|资金|项目|支出|情况")
_QUANTITY = re.compile(r"多少|几|多大|多高|多长|多远|多久|比例|百分")
_PERCENT = re.compile(r"\d\s*[%％]")
_QUOTED = re.compile(r"《([^》]+)》")
_HEAD = re.compile(r"([\u4e00-\u9fa5]{4})(?<!的)(?:是|为|有|定了?|要)?(?:多少|几)")
_ITEM_NO = re.compile(r"^(?:目标|指标|任务)?\d{1,2}[：:、.．]")
_YEAR_TAG = re.compile(r"^\d+[、.．-]|20\d\d年度?|[-－—_]+$")


@dataclass
class _Clause:
    text: str
    evidence: list[RowEvidence] | TextEvidence
    item: str  # the item's name as printed ("" for a sentence)
    table: str


def _names(name: str, subject: str) -> bool:
    """Whether the subject names the item: most of its name, and a name that is more than form words."""
    core = _core(name)
    return bool(core) and overlap(core, subject) >= 0.6


@lru_cache(maxsize=1 << 16)
def _core(name: str) -> str:
    """The item's name without year tags; "" when it is no more than form words."""
    core = _YEAR_TAG.sub("", bare(name))
    return core if len(CJK.findall(_FORM_WORDS.sub("", core))) >= 3 else ""


def _tables(cat: Catalog, doc: DocInfo) -> dict[int, list[RowEvidence]]:
    tables: dict[int, list[RowEvidence]] = {}
    for r in cat.doc_rows(doc.doc_id):
        tables.setdefault(r.table_idx, []).append(r)
    return tables


def _runs(cat: Catalog, doc: DocInfo, subject: str) -> Iterator[tuple[str, list[RowEvidence]]]:
    """(item name, rows) for the item the subject names: a performance form of its own, or the rows from one
    labelled with it up to the next item (a row with a code, or one filling the first row's columns)."""
    titles = [t for t in _QUOTED.findall(subject) if len(t) >= 4]
    for rows in _tables(cat, doc).values():
        if rows[0].table_kind == "performance" and _names(project_name(rows[0].table), subject):
            yield project_name(rows[0].table), rows
            continue
        run: list[RowEvidence] = []
        for r in rows:
            if _names(r.label, subject) or any(t in r.label for t in titles):  # (a quoted title names it too)
                run.append(r)
            elif run and (r.code or set(r.values) & set(run[0].values) or len(run) > 60):
                if _described(run):
                    yield bare(run[0].label), run
                run = []
            elif run:
                run.append(r)
        if run and _described(run):
            yield bare(run[0].label), run
    # a title the question quotes ("《某某年鉴》") printed in a row's text: that row is the item's
    for title in titles:
        for rows in _tables(cat, doc).values():
            for r in rows:
                if title in clean(" ".join(r.values.values())) and _described([r]):
                    yield bare(r.label), [r]


def _described(rows: list[RowEvidence]) -> bool:
    """Whether the rows say more of the item than its amount: indicator rows below it, or a goal in words."""
    return len(rows) > 1 or any(len(CJK.findall(v)) >= 15 for r in rows for v in [r.label, *r.values.values()])


def _row_clauses(name: str, rows: list[RowEvidence]) -> Iterator[_Clause]:
    for i, r in enumerate(rows):
        values = {k: v for k, v in r.values.items() if not _SCORING.search(k)}
        for text in [r.label, *values.values()]:
            if len(CJK.findall(text)) >= 15:  # goal text: each of its clauses
                for part in _CLAUSE.split(text):
                    if part.strip():
                        yield _Clause(part.strip(), [r], name, r.table)
        if len(CJK.findall(r.label)) >= 15:
            continue
        short = " ".join(v for v in values.values() if len(CJK.findall(v)) < 15)
        text, used = r.label + ("：" + short if short else ""), [r]
        if not re.search(r"\d", short):  # the value printed on a row of its own below ("<=18人")
            nxt = next((x for x in rows[i + 1 : i + 4] if _VALUE_ONLY.match(clean(x.label))), None)
            if nxt is not None:
                text, used = f"{r.label}：{nxt.label}", [r, nxt]
        yield _Clause(text, used, name, r.table)


def _sentence_clauses(cat: Catalog, doc: DocInfo, subject: str, names: list[str]) -> Iterator[_Clause]:
    """The clauses of the sentences that print the item's name, or most of the subject's words."""
    cores = [c for c in (_YEAR_TAG.sub("", bare(n)) for n in names) if len(CJK.findall(c)) >= 4]
    for e in cat.doc_texts(doc.doc_id):
        if any(c in clean(e.text) for c in cores) or overlap(subject, clean(e.text)) >= 0.6:
            for part in _CLAUSE.split(e.text):
                if part.strip():
                    yield _Clause(part.strip(), e, "", "")


def _fits(asked: str, own: set[str], text: str) -> float | None:
    """How well a clause answers: None when it holds no value of the asked kind, else the share of the asked
    words (bigrams) it holds, plus one when it prints the counted unit asked ("多少期": a number of 期)."""
    flat = _ITEM_NO.sub("", clean(text))  # (a goal's own number, "目标2：", is no value)
    bonus = 0.0
    if unit := COUNT_Q.search(asked):
        if not re.search(rf"\d[\d,.]*\s*(?:余|多)?[{SAME_COUNT.get(unit.group(1), unit.group(1))}]", flat):
            return None
        bonus = 1.0
    elif _RATE.search(MEASURE_NOISE.sub("", clean(asked))):
        if not _PERCENT.search(flat):
            return None
    elif MONEY_ASKED.search(asked) or FEE_ASKED.search(asked):  # ("X费是多少": an amount, not a rate of it)
        if not AMOUNT.search(flat):
            return None
    elif HEADCOUNT_Q.search(asked):  # 编制 / 人数: a number of people
        if not re.search(r"\d[\d,]*\s*(?:余|多)?[人名]", flat):
            return None
    elif not re.search(r"\d", re.sub(r"(?:19|20)\d\d\s*年度?", "", flat)):  # (a year is no value measured)
        return None
    return (sum(g in flat for g in own) / len(own) if own else 0.0) + bonus


def answer_measure(cat: Catalog, doc: DocInfo, d: Draft, subjects: list[str], asked: str, said: str = "",
                   own_rows: bool = False) -> bool:
    """Answer what is asked of the first item a subject names that has a clause fitting it; False when none,
    or when the clause holds no asked word that `said` (another reading's answer) does not already hold.
    `own_rows`: only from the rows the item prints (a question asking nothing else)."""
    return any(_measure(cat, doc, d, s, asked, said, own_rows) for s in dict.fromkeys(subjects) if s)


def _measure(cat: Catalog, doc: DocInfo, d: Draft, subject: str, asked: str, said: str, own_rows: bool = False) -> bool:
    if not _QUANTITY.search(asked) or WHY_Q.search(asked) or CHANGE_Q.search(asked):
        return False  # a reason or a change is told in the narrative, not measured
    runs = list(_runs(cat, doc, subject))
    if "整体" in subject:  # "整体目标中X定了多少": the department's whole form (its name is only form words)
        whole = [(project_name(rows[0].table), rows) for rows in _tables(cat, doc).values()
                 if rows[0].table_kind == "performance" and "整体" in rows[0].table and not _core(project_name(rows[0].table))]
        if whole:  # (whose form it is, the department, is no word of what is asked of it)
            runs += whole
            asked = next((asked.replace(a, "") for a in sorted(aliases(doc.department), key=longest)
                          if len(a) >= 3 and a in asked), asked)
    if own_rows and not runs:
        return False
    if not runs and _GOALS.search(subject + asked):  # "整体绩效目标里X多少": every form's indicators
        runs = [(project_name(rows[0].table), rows) for rows in _tables(cat, doc).values()
                if rows[0].table_kind == "performance"]
    clauses = [c for name, rows in runs for c in _row_clauses(name, rows)]
    if not own_rows:
        clauses += list(_sentence_clauses(cat, doc, subject, [name for name, _ in runs]))
    # the asked words the item's clauses use at all ("光在北京的房租" -> 房租): the others are the asker's own
    flat = [clean(c.text) for c in clauses]
    own = {g for g in bigrams(MEASURE_NOISE.sub("", clean(asked))) if any(g in f for f in flat)}
    if own_rows:  # (asked of the item alone: its own name is what was found, not what is asked of it)
        item = max((clean(name) for name, _ in runs), key=len, default="")
        own = own - (bigrams(item) if len(item) >= 6 else set()) or own
    # (the words right before the question word name what is asked: "X方面定的考核任务有多少" -> 考核任务)
    head = m.group(1) if (m := _HEAD.search(clean(asked))) else ""
    best: tuple[float, int, _Clause] | None = None
    for n, c in enumerate(clauses):
        s = _fits(asked, own, c.text)
        if s is not None and head and head in clean(c.text):
            s += 0.5
        if s is not None and s >= 0.5 and (best is None or s > best[0]):
            best = (s, n, c)
    if best is None:
        return False
    c = best[2]
    if said and all(g in clean(said) for g in own if g in clean(c.text)) \
            and not (clean(c.text) in clean(said) and len(clean(said)) > 200 + 4 * len(clean(c.text))):
        return False  # (said already; a long text quoted whole is said better by its clause)
    if isinstance(c.evidence, TextEvidence):
        d.add(f"{describe(doc)}：“{c.text.rstrip('。')}”{d.cite(c.evidence)}。")
    else:
        cites = "".join(d.cite(r) for r in c.evidence)
        item = c.item if _core(c.item) else bare(c.evidence[0].label)  # (a whole form's row by its own label)
        d.add(f"{describe(doc)}《{c.table}》中“{item}”：{c.text.rstrip('。')}{cites}。")
    return True
