"""Answering: question kinds → a Draft of cited sentences. Offline and deterministic."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import partial

from assistant import rank
from assistant.asks import Ask, split_asks
from assistant.catalog import Catalog, TableInfo, split_sentences
from assistant.compose import (
    _PURPOSE,
    Draft,
    Figure,
    asks_within,
    bare,
    clean,
    describe,
    is_unit_row,
    key_terms,
    leaf,
    match_rows,
    name_forms,
    passages,
    pick_value,
    project_name,
    quantize2,
    rare_part,
    row_phrase,
    subject_text,
    total_row,
    year_columns,
)
from assistant.evidence import DocInfo, RowEvidence, TextEvidence
from assistant.findings import answer_findings, asks_consistency
from assistant.rank import Asked
from assistant.understand import Query, aliases, understand
from assistant.vocab import (
    COMPARE_LOW,
    COMPARE_Q,
    DISTRIBUTIVE,
    FUND_TABLES,
    GOAL_ASKED,
    MEASURE_Q,
    MONEY_ASKED,
    PERCENT_Q,
    RATE_Q,
    RESIDUE_WORDS,
    SAME_COUNT,
    TOTAL_NOISE,
    UNIT_MEANS,
    USE_ASKED,
    USE_HEADINGS,
    WHEN_ASKED,
    WHY_ASKED,
    counted_noun,
    term_in,
)
from ingest.model import parse_amount

_NUMERIC = re.compile(r"\d")
_AMOUNT = rank.AMOUNT
def _amount_in(text: str) -> tuple[str, str] | None:
    """The first amount a sentence states, as printed, with its unit."""
    m = _AMOUNT.search(text)
    if m is None:
        return None
    return m.group(0)[: m.end(1) - m.start() if m.group(1) else len(re.match(r"\d[\d,]*", m.group(0)).group(0))], (
        "元" if m.group(2) == "元" else "万元")


_MONEY_Q = MONEY_ASKED
_CHANGE_Q = re.compile(r"比上年|较上年|比去年|同比|(增加|减少|增长|下降|减|增|多|少)了?多少|变化")
# a change stated with its size ("减少85万元", "增长3.2%") or as none ("持平")
_CHANGE_SIZE = re.compile(r"(增加|减少|增长|下降|上升|减|增)了?\s*[\d.,]+\s*[万元%]|持平|相同|一致|不变|无变化")
_CHANGE = re.compile(r"(增加|减少|增长|下降|上升|持平|相同|一致|减|增)")
_QUALIFIERS = rank.QUALIFIERS
_USE_Q = re.compile(USE_ASKED + r"|(?:是)?为了(?:解决)?什么|目的|解决什么|什么作用")
_WHY = re.compile(WHY_ASKED + r"|原因")
_BECAUSE = rank.BECAUSE
_GOAL_Q = re.compile(r"目的|为了|解决什么|目标|什么作用|效果|" + WHEN_ASKED)  # (a row's own words first)
_WHEN_Q = re.compile(WHEN_ASKED)
_WHEN = re.compile(r"\d{1,2}月|月份|季度|上半年|下半年|年底|年初|年内")
_USE = re.compile(r"用于|用途|主要包括|具体包括|旨在|为了|目标")


_TOTAL_NAMES = ("合计", "总计", "本年支出合计", "本年收入合计", "支出合计", "收入合计", "支出总计", "收入总计")
# a whole budget asked in other words: "收入预算一共多少", "预算总收入", "收支总预算", "预算总盘子有多大"
_BARE_TOTAL = re.compile(r"^总?(收入|支出|收支)?(总额|总数|总计|合计|总量|规模|总)?$")


# tables that hold one part of spending (基本支出 or 项目支出 only), by economic classification
_PART_TABLES = ("general_public_basic", "basic_expense", "project_expense")


def _section_states(cat: Catalog, q: Query, doc: DocInfo) -> bool:
    """A narrative section headed with the subject ("（五）委托业务费情况") states it with an amount."""
    subj = re.sub(r"[^\u4e00-\u9fa5]", "", subject_text(q))
    if len(subj) < 3:
        return False
    return any(subj in clean(_last_heading(e)) and _AMOUNT.search(e.text) for e in cat.doc_texts(doc.doc_id))


def _names_other(cat: Catalog, q: Query, doc: DocInfo) -> bool:
    """The subject names something no row or column of the document does (a project, a programme):
    "信访视频指挥调度平台项目支出" is not answered by the 项目支出 total."""
    return len(_residue(cat, q, doc)) >= 4


def _residue(cat: Catalog, q: Query, doc: DocInfo) -> str:
    """The subject without the document's row, column and table names and common budget words."""
    from assistant.understand import aliases

    residue = subject_text(q)
    key = ("names", doc.doc_id)
    if key not in cat.memo:  # every printed name of the document, once per document (not per question)
        tables = cat.tables.get(doc.doc_id, [])
        cat.memo[key] = sorted(
            {bare(r.label) for r in cat.doc_rows(doc.doc_id)} | {leaf(c) for t in tables for c in t.columns}
            | {re.sub(r"^20\d\d年度?", "", clean(t.title)) for t in tables} | set(aliases(doc.department)),
            key=len, reverse=True)
    names: list[str] = cat.memo[key]  # type: ignore[assignment]
    for n in (n for n in names if len(n) >= 3 and n in residue):
        residue = residue.replace(n, "")
    for c in q.columns:
        residue = residue.replace(c, "")
    return RESIDUE_WORDS.sub("", residue)


def _total_side(q: Query) -> str | None:
    """"收入预算是多少" / "一共有多少钱": a question about the whole budget; its side (收入 for 收支)."""
    rest = TOTAL_NOISE.sub("", subject_text(q))
    m = _BARE_TOTAL.match(rest)
    if not m or q.columns or q.units or not rest and not re.search(r"总|盘子|规模|一共|共计|合计|加起来", q.text):
        return None
    return "收入" if m.group(1) in (None, "收支") else m.group(1)  # 收支 totals are equal: the income side


_TOTAL_SENT = re.compile(r"^(20\d\d年度?)?[^，。；]{0,12}?(收入|支出)(预算|决算)(总额|总计|合计)?(为|是)?\s*\d[\d,]*(\.\d+)?\s*万?元")


def _total_sentence(cat: Catalog, doc: DocInfo, side: str) -> TextEvidence | None:
    """A document whose tables are not read (images, a narrative-only file): the sentence that opens with
    the year's total ("2026年度收入预算97851.51万元，比…")."""
    for e in cat.doc_texts(doc.doc_id):
        m = _TOTAL_SENT.match(clean(e.text))
        if m and m.group(2) == side and "财政拨款" not in m.group(0) and "一般公共" not in m.group(0):
            return e
    return None


def _bare_total(cat: Catalog, q: Query, doc: DocInfo) -> tuple[RowEvidence, str, str] | None:
    """"收入预算是多少" / "部门综合预算收入": the 收入总计 (支出总计) of the 收支总表, else of the 收入/支出总表."""
    side = _total_side(q)
    if side is None:
        return None
    rows = cat.doc_rows(doc.doc_id)
    # a total printed as asked ("本年支出合计") before the others
    names = tuple(sorted((f"{side}总计", f"本年{side}合计", f"{side}合计"), key=lambda n: n not in q.text))
    for kind, labels in (("income_expense_total", names),
                         ("income_total" if side == "收入" else "expense_total", ("合计", "总计", *names))):
        for label in labels:
            for r in rows:
                if r.table_kind == kind and bare(r.label) == label and (not r.side or r.side.startswith(side)):
                    picked = pick_value(r, [], "", q.want_year)
                    if picked:
                        return r, picked[0], picked[1]
    return None


def _figure_for(cat: Catalog, q: Query, doc: DocInfo) -> tuple[RowEvidence, str, str] | None:
    """The row and column that answer a figure question in one document."""
    total = _bare_total(cat, q, doc)
    if total is not None:
        return total
    rows = match_rows(cat, q, doc)
    if _COUNT_Q.search(q.text) and not _MONEY_Q.search(q.text):
        # "多少名文职人员": a count, which no amount gives (a performance indicator may count people)
        rows = [r for r in rows if r.unit not in ("元", "万元") or r.table_kind == "performance" or r.kind == "indicator"]
    if q.want_year:  # last year's figure: only rows printed with a column of that year
        rows = [r for r in rows if pick_value(r, [], "", q.want_year)]
    specific = _names_other(cat, q, doc)
    if specific:
        # the question names something of its own ("信访视频指挥调度平台项目支出"): a total row is no answer
        rows = [r for r in rows if bare(r.label) not in _TOTAL_NAMES]
    best: tuple[int, RowEvidence, tuple[str, str]] | None = None
    for r in rows[:5]:
        picked = pick_value(r, q.columns, subject_text(q), q.want_year)
        if not picked:
            continue
        if not q.columns:
            return r, picked[0], picked[1]
        # the row that meets most of the asked intents, by column, label or table ("基本支出决算表"《人员经费合计》)
        met = sum(1 for c in q.columns if c in picked[0] or c in bare(r.label) or c in r.table)
        if any(c in picked[0] for c in q.columns) or met >= 2:
            if best is None or met > best[0]:
                best = (met, r, picked)
    if best is not None:
        return best[1], best[2][0], best[2][1]
    if rows:
        picked = pick_value(rows[0], q.columns, subject_text(q), q.want_year)
        if picked and not (q.columns and rows[0].table_kind not in ("performance", "sanggong")
                           and not any(c in picked[0] or c in bare(rows[0].label) or c in rows[0].table
                                       or _col_for_intent(rows[0], c) for c in q.columns)):
            return rows[0], picked[0], picked[1]  # (not a row without the asked column: "公用经费" is not 支出合计)
        if not rows[0].values:
            return rows[0], "", ""
    if not rows and (tr := _titled_total(cat, q, doc)) is not None and (picked := pick_value(tr, q.columns, "", q.want_year)):
        return tr, picked[0], picked[1]  # "专项业务经费一共多少": the total of the table the subject names
    fund = next((kind for word, kind in FUND_TABLES.items() if word in q.text), None)
    if fund and not rows and (tr := total_row(cat, doc, (fund,))) is not None:
        picked = pick_value(tr, q.columns, "", q.want_year)
        if picked:
            return tr, picked[0], picked[1]
    if q.columns and not specific:
        # "项目支出是多少": the 合计 row of the 支出总表, in the asked column (not when the question names
        # something else: "信访视频指挥调度平台项目支出了多少")
        kinds = ("general_public_basic", "basic_expense") if any(c in q.columns for c in ("人员经费", "公用经费")) else (
            "expense_total", "general_public_expense")
        tr = total_row(cat, doc, kinds)
        if tr is not None:
            picked = pick_value(tr, q.columns, "", q.want_year)
            if picked and any(c in picked[0] or leaf(picked[0]) in _col_names(c) for c in q.columns):
                return tr, picked[0], picked[1]
    return None


def _titled_total(cat: Catalog, q: Query, doc: DocInfo) -> RowEvidence | None:
    """The total row of the one table whose title holds the whole subject ("专项业务经费" in
    "部门综合预算专项业务经费支出表")."""
    core = re.sub(r"[^\u4e00-\u9fa5]|合计|总计|总额|总数", "", TOTAL_NOISE.sub("", subject_text(q)))
    if len(core) < 4:
        return None
    # (tables with answers of their own kind — 三公, 采购, 资产, 绩效 — are not this)
    titled = [t for t in cat.tables.get(doc.doc_id, []) if core in clean(t.title) and not t.empty
              and t.kind in ("project_expense", "special_fund", "fiscal_expense", "other")]
    if len(titled) != 1:
        return None
    return next((r for r in cat.doc_rows(doc.doc_id) if r.table_idx == titled[0].idx and r.values
                 and bare(r.label) in _TOTAL_NAMES), None)


def _col_for_intent(r: RowEvidence, intent: str) -> str | None:
    from assistant.compose import _col_for

    return _col_for(r, intent)


def _col_names(intent: str) -> tuple[str, ...]:
    from assistant.understand import COLUMN_INTENTS

    return COLUMN_INTENTS.get(intent, (intent,))


def sentence_with_number(cat: Catalog, q: Query, doc: DocInfo, num: Decimal, keys: list[str],
                         query: str | None = None, k: int = 12) -> TextEvidence | None:
    """A narrative sentence that states this number and names one of the keys (used to corroborate a
    table figure, and by the draft checker)."""
    for e in passages(cat, q, doc, query=query, k=k):
        if keys and not any(t in e.text for t in keys):
            continue
        for m in re.findall(r"\d[\d,]*(?:\.\d+)?", e.text):
            if parse_amount(m) == num:
                return e
    return None


def _support(cat: Catalog, q: Query, doc: DocInfo, value: str, terms: list[str]) -> TextEvidence | None:
    num = parse_amount(value)
    return None if num is None else sentence_with_number(cat, q, doc, num, terms)


def answer_figure(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    found = _figure_for(cat, q, doc)
    if found is None and (side := _total_side(q)) and (e := _total_sentence(cat, doc, side)) is not None:
        d.add(f"{prefix}{describe(doc)}：“{e.text.rstrip('。；')}”{d.cite(e)}。")
        if (amt := _amount_in(e.text)) is not None:
            d.record(doc, *amt, e)
        return True
    if found is None:
        return False
    r, col, value = found
    if not value:
        if _MONEY_Q.search(q.text) and answer_passage(cat, q, doc, d, prefix):
            return True  # a blank row, but the narrative states the subject's amount
        d.add(f"{prefix}{describe(doc)}《{r.table}》中“{bare(r.label)}”未填列数值（未安排）{d.cite(r)}。")
        return True
    d.add(f"{prefix}{describe(doc)}{row_phrase(r, col, value)}{d.cite(r)}")
    d.record(doc, value, r.unit, r)
    amount = parse_amount(value)
    if r.unit == "元" and amount is not None and abs(amount) >= 10000 and "%" not in value:
        wan = quantize2(amount / 10000)  # readers think in 万元: the conversion, with its formula
        d.computed.extend([wan, Decimal(10000)])
        d.add(f"（即{wan}万元 = {value} ÷ 10000）")
    more = list(dict.fromkeys(c for it in q.columns for c in [_col_for_intent(r, it)] if c and c != col))
    if more:
        d.add("，" + "，".join(f"{leaf(c)}为{r.values[c]}{r.unit or ''}" for c in more))
    # the other parts of the same row, when the question named no column
    if not q.columns and len(r.values) > 1 and not q.want_year:
        others = [(c, v) for c, v in r.values.items() if c != col and parse_amount(v) is not None][:3]
        if others:
            unit = "" if "%" in r.label or r.kind == "indicator" else (r.unit or "")
            d.add("，其中" + "、".join(f"{re.sub(r'^其中[:：]?', '', leaf(c))}{v}{unit}" for c, v in others))
    if DISTRIBUTIVE.search(q.text) and (part := rare_part(cat, doc, bare(r.label), subject_text(q))):
        # "冬季促消费专项资金有两批，各是多少": every row of the table that carries the same distinctive name
        for s in [x for x in cat.doc_rows(doc.doc_id) if x.table_idx == r.table_idx and x is not r and part in x.label][:5]:
            if (v := s.values.get(col)) and parse_amount(v) is not None:
                d.add(f"；“{bare(s.label)}”为{v}{s.unit or ''}{d.cite(s)}")
                d.record(doc, v, s.unit, s)
    for unit in dict.fromkeys(_COUNT_Q.findall(q.text)):
        # "…是多少？共接待了多少人？": the sentence that gives the count
        hit = next((e for e in passages(cat, q, doc, k=15)
                    if re.search(rf"\d[\d,]*\s*(?:余|多)?(?:批次|次)?[、，]?\s*\d*\s*{unit}", e.text)
                    and _overlap(bare(r.label), clean(e.text)) >= 0.25), None)
        if hit is not None and not any(isinstance(e, TextEvidence) and e.text == hit.text for e in d.evidence):
            d.add(f"。说明中写道：“{hit.text.rstrip('。')}”{d.cite(hit)}")
    sup = _support(cat, q, doc, value, key_terms(q) or [bare(r.label)])
    if sup is not None and not any(isinstance(e, TextEvidence) and e.text == sup.text for e in d.evidence):
        d.add(f"。说明中写道：“{sup.text.rstrip('。')}”{d.cite(sup)}")
        nxt = cat.next_sentence(sup)
        if _WHY.search(q.text) and not _BECAUSE.search(sup.text) and nxt is not None and _BECAUSE.search(nxt.text):
            d.add(f"，“{nxt.text.rstrip('。')}”{d.cite(nxt)}")
    d.add("。")
    return True


def _last_heading(e: TextEvidence) -> str:
    return e.section.split(" > ")[-1]


def _sangong_words(text: str) -> str:
    """"出国（境）费", "接待费": the 三公 parts are often written without 因公 / 公务."""
    return re.sub(r"(?<!因公)出国", "因公出国", re.sub(r"(?<!公务)(接待|用车)", r"公务\1", text))


def answer_sangong(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    rows = [r for r in cat.doc_rows(doc.doc_id) if r.table_kind == "sanggong" and r.values
            and "表" in r.table and any(parse_amount(v) is not None for v in r.values.values())]
    said = False
    part = next((p for p in _SANGONG_PARTS if p in _sangong_words(q.text)), "")
    pool = [e for e in passages(cat, q, doc, f"三公经费 预算 安排 {part or '因公出国 公务接待 公务用车'}", k=40)
            if "名词解释" not in e.section]
    if not _counts_ok(q.text, ""):
        return False  # "几辆公务用车": a count, not money
    # the part named in the sentence or in its heading ("（一）因公出国（境）费用。2026年预算数142.2万元")
    sents = [e for e in pool if (part in e.text + _last_heading(e) if part else "三公" in e.text) and _AMOUNT.search(e.text)]
    if not part:
        # the total first: "“三公”经费预算数为 8.00 万元", not "其中，因公出国（境）费…"
        sents.sort(key=lambda e: (clean(e.text).startswith("其中"), not re.search(r"三公.{0,4}经费(预算|支出)", clean(e.text))))
    if sents:
        s = sents[0]
        d.add(f"{prefix}{describe(doc)}：“{s.text.rstrip('。；')}”{d.cite(s)}。")
        if (amt := _amount_in(s.text)) is not None:
            d.record(doc, *amt, s)
        said = True
        if re.search(r"增减|比上年|去年|上年|变化|持平", q.text) and not re.search(r"持平|增加|减少", s.text):
            same = [e for e in pool if e.para_idx // 1000 == s.para_idx // 1000]
            change = next((e for e in same + pool if re.search(r"持平|增减|增加|减少", e.text)
                           and ("三公" in e.text or e in same) and e is not s), None)
            if change is not None:
                d.add(f"“{change.text.rstrip('。；')}”{d.cite(change)}。")
    if rows and part:
        # a 三公 table with one row per item: the row of the part asked about, beside the total
        hit = next((r for r in rows if part in clean(r.label)), None)
        if hit is not None and hit is not rows[0]:
            picked = pick_value(hit, [], "")
            if picked:
                d.add(f"{'' if said else prefix + describe(doc)}{row_phrase(hit, picked[0], picked[1])}{d.cite(hit)}。")
                said = True
    if rows:
        # a table with one row per year ("2025年", "2026年"): the document's own year
        dated = [r for r in rows if re.fullmatch(r"(20\d\d)年?度?(预算|决算)?数?", bare(r.label))]
        # a table of 行政经费 and 三公: the 三公 row, not the first
        first = next((x for x in rows if "三公" in x.label), rows[0])
        year = q.want_year or doc.year  # (a year before the document's: its own row or columns only)
        r = next((x for x in dated if bare(x.label).startswith(str(year))), first) if dated else first
        cols = year_columns([c for c, v in r.values.items() if parse_amount(v) is not None], year,
                            doc.year if q.want_year and not dated else None)
        asked = [c for c in cols if part and part in clean(c).replace("(", "（").replace(")", "）")]
        cols = asked or cols
        parts = [f"{c.rsplit('/', 1)[0] + '（' + leaf(c) + '）' if '/' in c else c}{r.values[c]}{r.unit or ''}"
                 for c in cols][:7]
        if parts:
            d.add(f"{'' if said else prefix + describe(doc)}《{r.table}》{('“' + bare(r.label) + '”') if r.label else ''}：{'，'.join(parts)}{d.cite(r)}。")
            said = True
    elif answer_empty_table(cat, doc, d, "sanggong", "" if said else prefix + describe(doc)):
        said = True
    return said


_SANGONG_PARTS = ("因公出国", "公务接待", "公务用车购置及运行", "公务用车购置费", "公务用车运行", "公务用车购置", "公务用车")
_EMPTY_KINDS = {"政府性基金": "gov_fund", "国有资本经营": "state_capital", "政府采购": "procurement",
                "国有资产": "assets", "固定资产": "assets", "三公": "sanggong"}
_EMPTY_NOTE = re.compile(r"空表|无.{0,20}(预算|支出|收入|情况|资产)|本表无|无数据|无发生")


def _table_evidence(doc: DocInfo, t: TableInfo, label: str) -> RowEvidence:
    return RowEvidence(doc=doc, table=t.title, table_kind=t.kind, unit=t.unit, label=label, code="",
                       page=t.pages[0] if t.pages else 1, values={}, table_idx=t.idx, row_idx=-1)


def answer_empty_table(cat: Catalog, doc: DocInfo, d: Draft, kind: str, prefix: str, q: Query | None = None) -> bool:
    """An empty standard table (空表列示): say so, citing the table and its note."""
    tables = [t for t in cat.tables.get(doc.doc_id, []) if t.kind == kind]
    has_values = any(r.values for r in cat.doc_rows(doc.doc_id) if r.table_kind == kind)
    if not tables or has_values:
        return False
    t = tables[0]
    note = next((n for n in t.notes if _EMPTY_NOTE.search(n)), "")
    ev = _table_evidence(doc, t, "（空表）")
    d.add(f"{prefix}《{t.title}》为空表{('：' + note.rstrip('。')) if note else ''}{d.cite(ev)}。")
    if q is not None:
        word = next((w for w, k in _EMPTY_KINDS.items() if k == kind and w in q.text), "")
        for e in passages(cat, q, doc, k=10):
            if word and word in e.text and _AMOUNT.search(e.text) and "名词解释" not in e.section:
                d.add(f"说明中写道：“{e.text.rstrip('。；')}”{d.cite(e)}。")
                break
    return True


def answer_blank_column(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str) -> bool:
    """A column the question names (事业收入, 对附属单位补助支出) left blank in the table's total row."""
    subj = subject_text(q)
    if _names_other(cat, q, doc):
        return False
    for t in sorted(cat.tables.get(doc.doc_id, []), key=lambda t: _kind_rank(q, t.kind)):
        cols = [c for c in t.columns if len(leaf(c)) >= 3 and leaf(c) in subj]
        if not cols:
            continue
        total = next((r for r in cat.doc_rows(doc.doc_id) if r.table_idx == t.idx
                      and bare(r.label) in ("合计", "总计")), None)
        if total is None:
            continue
        col = max(cols, key=lambda c: len(leaf(c)))
        if col in total.values:
            continue
        d.add(f"{prefix}{describe(doc)}《{t.title}》“{bare(total.label)}”行中“{leaf(col)}”未填列数值（未安排）{d.cite(total)}。")
        return True
    return False


def _kind_rank(q: Query, kind: str) -> int:
    from assistant.compose import _kind_order

    order = _kind_order(q)
    return order.index(kind) if kind in order else len(order)


def answer_passage(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "", purpose: bool = False,
                   within: list[str] | None = None) -> bool:
    """Narrative answer: the best matching sentences that mention the subject (under a heading or in a
    paragraph that names one of `within`, when given)."""
    terms = key_terms(q)
    subj = subject_text(q)
    cands = passages(cat, q, doc, k=15)
    paras = {p.para_idx: p.text for p in cat.paragraphs.get(doc.doc_id, [])}
    own = _residue(cat, q, doc)  # words only the question has ("中央财政负担"): a sentence must share them
    money = bool(_MONEY_Q.search(q.text))
    counted = counted_noun(q.text)  # "多少辆车": a count of 辆 of 车 is the subject
    chosen: list[TextEvidence] = []
    for e in cands:
        txt = clean(e.text)
        if within and not any(u in clean(e.section) + clean(paras.get(e.para_idx // 1000, "")) for u in within):
            continue
        if money and len(own) >= 4 and _overlap(own, txt + clean(e.section)) < 0.4:
            continue
        if terms and not all(term_in(t, txt + clean(e.section)) for t in terms):
            continue
        if len(txt) < 12 and not re.search(r"\d", txt):
            continue  # a heading line ("（一）机关运行经费。")
        if q.want_year and str(q.want_year) not in txt:
            continue  # last year's figure: a sentence about it names that year
        if "definition" not in q.intents and re.match(r"^(\d+[、.．])?[^，。：:]{2,20}(：|:)?(是指|指)", txt):
            continue  # a definition is not a figure or a reason
        if purpose and not _PURPOSE.search(txt) and not USE_HEADINGS.search(_last_heading(e)):
            continue
        whole = paras.get(e.para_idx // 1000, "")
        means = _units_mean(txt)  # "房屋8,268.74平方米" gives an area: it answers "房屋面积"
        overlap = max(_overlap(subj, txt + clean(e.section) + means), 0.9 * _overlap(subj, clean(whole) + clean(e.section)))
        if counted and _counts_ok(q.text, txt) and counted[1][-1] in txt:
            overlap = 1.0  # the count, and the noun's head ("公车" -> 车: nouns end in what they are)
        # a count of people asked ("核定编制多少人") and given ("人员编制52人"): the subject's words are fewer
        # (the number slot is gone from both: "编制多少人" and "编制52人" share 编制人)
        people = bool(_COUNT_Q.findall(q.text)) and set(_COUNT_Q.findall(q.text)) <= {"人", "名"} and _counts_ok(q.text, txt)
        if people:
            overlap = max(overlap, _overlap(subj, "".join(_PROSE_CJK.findall(txt))))
        if overlap < (0.3 if people else 0.5):
            continue
        if any(w.lower() not in txt.lower() for w in re.findall(r"[A-Za-z]{2,}", subj)):
            continue
        if not _counts_ok(q.text, txt):
            continue
        if money and _only_an_example(subj, txt):
            continue  # "…其他收入878.44万元，…例如：存款利息收入、房产出租收入…": no amount of its own
        if "名词解释" in e.section and "definition" not in q.intents:
            continue
        chosen.append(e)
    if not chosen:
        return False
    # "多少辆车" asks a count, not an amount
    wants_amount = bool(re.search(r"多少|几|金额|预算", q.text)) and not (_COUNT_Q.search(q.text) and not _MONEY_Q.search(q.text))
    wants_reason = bool(_WHY.search(q.text))
    wants_use = bool(re.search(USE_ASKED, q.text))

    asked = Asked(q.text, subj, q.subject_full, _asked_attribute(q.text), wants_amount, wants_reason)
    chosen = sorted(chosen, key=lambda e: rank.score(asked, e, cat.weights), reverse=True)
    best = chosen[0]
    keep = [best]
    # a compound question ("是多少？主要用于什么？"): one sentence for each thing it asks
    wants_change = bool(_CHANGE_Q.search(q.text))
    needs = [pat for want, pat in ((wants_amount, _AMOUNT), (wants_change, _CHANGE), (wants_reason, _BECAUSE),
                                   (wants_use, _USE)) if want]
    for pat in needs:
        if not any(pat.search(e.text) for e in keep):
            # the sentence right after ("…增长 92.19%。主要原因是去年并入购房补贴。") before any other
            follow = [n for e in keep for n in [cat.next_sentence(e)] if n is not None]
            extra = next((e for e in follow + chosen[1:] if pat.search(e.text) and e not in keep), None)
            if extra is not None:
                keep.append(extra)
    if len(keep) == 1 and len(chosen) > 1 and not needs:
        keep.append(chosen[1])
    for e in list(keep):
        # a reason is quoted with what it explains: "…预算 0.00 万元，…。主要是本单位属于…" (the figure before it)
        prev = cat.sentence_at(doc.doc_id, e.para_idx - 1) if e.para_idx % 1000 else None
        if prev is not None and prev not in keep and _BECAUSE.search(e.text) and not _AMOUNT.search(e.text) \
                and _AMOUNT.search(prev.text) and _overlap(subj, clean(prev.text)) >= 0.3:
            keep.append(prev)
        # a sentence that announces a list ("设10个内设机构，包括：") is quoted with the list's items
        if _LIST_OPENS.search(clean(e.text)):
            keep += [x for x in _list_after(cat, e) if x not in keep]
    if _MONEY_Q.search(q.text) and not _COUNT_Q.search(q.text) and not any(_AMOUNT.search(e.text) for e in keep):
        return False  # "总投资是多少": sentences about the project that state no amount do not answer it
    chosen = sorted(keep, key=lambda e: e.para_idx)
    if wants_amount and (amt := _amount_in(best.text)) is not None:
        d.record(doc, *amt, best)
    if all(d.cited(e) for e in chosen):  # an earlier ask already quoted these sentences
        d.add(f"{prefix}{describe(doc)}：见上文{''.join(d.cite(e) for e in chosen)}。")
        return True
    chosen = [e for e in chosen if not d.cited(e)]  # what an earlier ask quoted is not repeated
    body = "".join(_with_heading(e) + d.cite(e) + "。" for e in chosen)
    d.add(f"{prefix}{describe(doc)}：{body}")
    return True


_EXAMPLES = re.compile(r"例如|比如|诸如|譬如")


def _only_an_example(subj: str, txt: str) -> bool:
    """The subject is named only among a sentence's examples, with no amount of its own next to it."""
    m = _EXAMPLES.search(txt)
    if m is None or _overlap(subj, txt[: m.start()]) >= 0.5:
        return False
    tail = txt[m.end():]
    cjk = "".join(_PROSE_CJK.findall(subj))
    for k in range(len(cjk), 3, -1):
        for i in range(len(cjk) - k + 1):
            at = tail.find(cjk[i : i + k])
            if at >= 0:
                return not re.match(r"[^，。；、]{0,6}\d", tail[at + k:])
    return False


def _with_heading(e: TextEvidence) -> str:
    """A sentence as quoted; one that is little more than an amount ("795万元") says under which headings."""
    text = e.text.rstrip("。；，：;,:")
    if len(_PROSE_CJK.findall(re.sub(r"万?元", "", text))) >= 6 or not e.section:
        return text
    return f"（{'·'.join(e.section.split(' > ')[-2:])}）{text}"


def _following(cat: Catalog, x: TextEvidence) -> TextEvidence | None:
    """The sentence after x: in its paragraph, else the first of the next paragraph."""
    return cat.next_sentence(x) or cat.sentence_at(x.doc.doc_id, (x.para_idx // 1000 + 1) * 1000)


def _list_after(cat: Catalog, e: TextEvidence, most: int = 12) -> list[TextEvidence]:
    """The first sentence of each numbered item ("（八）外事科。…") that follows a sentence announcing a list."""
    after = partial(_following, cat)
    out: list[TextEvidence] = []
    nxt = after(e)
    while nxt is not None and len(out) < most and _LIST_ITEM.match(clean(nxt.text)) and nxt.section.startswith(e.section):
        out.append(nxt)
        nxt = after(nxt)
        while nxt is not None and nxt.para_idx // 1000 == out[-1].para_idx // 1000 and not _LIST_ITEM.match(clean(nxt.text)):
            nxt = after(nxt)  # the rest of the item
    return out


_LIST_OPENS = re.compile(r"(包括|如下|分别是|具体为)[：:]?$")
_LIST_ITEM = re.compile(r"^([（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])")
_COUNT_Q = re.compile(r"(?:几|多少)(辆|人次|人|个|名|家|户|次|项|份|场|期|所|处|条|台|套|位)")


_HEADCOUNT_Q = re.compile(r"编制数|编制人数|人员编制|人数|(?:多少|几个?)编制|编制(?:有|是)?(?:多少|几)")


def _counts_ok(question: str, text: str) -> bool:
    """'几辆' asks for a count of vehicles: the text must give a number of 辆 (or 台, as some write it);
    '面积多大' an area: a number of 平方米."""
    for unit in _COUNT_Q.findall(question):
        if not re.search(rf"\d[\d,.]*\s*(?:余|多)?[{SAME_COUNT.get(unit, unit)}]", text):
            return False
    for asked, unit in MEASURE_Q:
        if asked.search(question) and not _MONEY_Q.search(question) and not re.search(rf"\d[\d,.]*\s*{unit}", text):
            return False
    if _HEADCOUNT_Q.search(question) and not re.search(r"\d[\d,]*\s*(?:余|多)?(人|名)", text):
        return False  # 编制数 / 人数: a number of people, not an amount
    return True


_ASKED_ATTR = re.compile(r"([\u4e00-\u9fa5]{2,8}?)(?:大概|大约|一共|共|总共|又)?(?:有|是|为|约|安排了?|花了?)?(?:多大|多少|几)")


def _asked_attribute(question: str) -> str:
    """The words right before what is asked: "规划建筑面积多大" -> "规划建筑面积"."""
    found = [m.group(1) for m in _ASKED_ATTR.finditer(clean(question))]
    return found[-1] if found else ""


def _units_mean(text: str) -> str:
    """The nouns the printed units of a text stand for ("2辆" -> 车辆)."""
    return "".join(noun for unit, noun in UNIT_MEANS.items() if re.search(rf"\d\s*{unit}", text))


_overlap = rank.overlap


def answer_definition(cat: Catalog, q: Query, doc: DocInfo, d: Draft) -> bool:
    term = re.sub(r"是什么意思|指什么|什么是|的含义|含义|定义|是指|名词解释|包括哪些内容|包括哪些费用|包括哪些|包括什么|"
                  r"指的是|哪些钱|是什么|意思|包括|指", "", subject_text(q))
    term = re.sub(r"[“”\"'‘’]", "", term)
    if len(term) < 2:
        return False
    best: tuple[int, TextEvidence] | None = None
    for p in cat.paragraphs.get(doc.doc_id, []):
        parts = re.split(r"[：:]", re.sub(r"^\d+[、.．]", "", clean(p.text)), maxsplit=1)
        if len(parts) < 2:
            continue
        head = re.sub(r"[“”\"'‘’]", "", parts[0])
        if not (2 <= len(head) <= 20):
            continue
        if term == head or (term in head and len(term) >= 0.6 * len(head)) or (head in term and len(head) >= 0.6 * len(term)):
            score = 2 if "名词解释" in p.section else 1
            if best is None or score > best[0]:
                best = (score, p)
    if best is None:
        return False
    p = best[1]
    d.add(f"{describe(doc)}的解释：{p.text.rstrip('。')}{d.cite(p)}。")
    return True


def answer_share(cat: Catalog, q: Query, doc: DocInfo, d: Draft) -> bool:
    tr = total_row(cat, doc)
    if tr is None:
        return False
    found = None
    if q.columns:
        picked = pick_value(tr, q.columns)
        if picked and any(leaf(picked[0]) in _col_names(c) for c in q.columns):
            found = (tr, picked[0], picked[1])
    found = found or _figure_for(cat, q, doc)
    if found is None:
        return False
    r, col, value = found
    den_col = next((c for c in tr.values if leaf(c) in ("合计", "总计")), None)
    if den_col is None:
        return False
    num, den = parse_amount(value), parse_amount(tr.values[den_col])
    if num is None or den is None or den == 0 or (r is tr and col == den_col):
        return False
    share = quantize2(num / den * 100)
    d.computed.extend([share, Decimal(100)])
    d.add(
        f"{describe(doc)}{row_phrase(r, col, value)}{d.cite(r)}，{row_phrase(tr, den_col, tr.values[den_col])}{d.cite(tr)}；"
        f"占比 = {value} ÷ {tr.values[den_col]} × 100% = {share}%。"
    )
    return True


_PLAN_FINAL = re.compile(r"(?:年初|全年)预算.{0,16}决算|决算.{0,16}(?:年初|全年)预算|预算数.{0,8}决算数|实际执行|实际决算|执行数|执行了多少")
_ITEM_END = re.compile(r"[（(]\d*项[）)]")


def _named_row(cat: Catalog, q: Query, doc: DocInfo) -> RowEvidence | None:
    """The one 科目 row the question names: by code, else by a printed name of four or more characters."""
    by_code = [r for c in q.codes for r in cat.by_code.get(c, []) if r.doc.doc_id == doc.doc_id]
    if by_code:
        return by_code[0]
    top = match_rows(cat, q, doc)[:1]
    if top and len(bare(top[0].label)) >= 4 and bare(top[0].label) in subject_text(q) and top[0].code:
        return top[0]
    return None


def _item_sentences(cat: Catalog, doc: DocInfo, label: str) -> list[list[TextEvidence]]:
    """Each 说明 item about a 科目: its heading sentence ("4、…财政委托业务支出（项）。") and the sentences
    after it, up to the next item."""
    texts = {e.para_idx: e for e in cat.doc_texts(doc.doc_id)}
    items: list[list[TextEvidence]] = []
    for p in cat.paragraphs.get(doc.doc_id, []):
        cur: list[TextEvidence] | None = None
        for k, sent in enumerate(p.sentences):
            flat = clean(sent)
            ev = texts.get(p.para_idx * 1000 + k)
            if ev is None:
                continue
            if label in flat and _ITEM_END.search(flat):
                cur = [ev]
                items.append(cur)
            elif _ITEM_END.search(flat) and "预算" not in flat:
                cur = None  # the next item begins
            elif cur is not None:
                cur.append(ev)
    return items


def answer_item(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    """A named 科目 in the 说明's item list (决算 and many 预算 releases): "X（项）。主要用于……。年初预算为 A 万元，
    支出决算为 B 万元。……的主要原因是……" — the sentences that answer what is asked (use, plan vs final, reason)."""
    row = _named_row(cat, q, doc)
    if row is None:
        return False
    wants = [(_PLAN_FINAL.search(q.text), lambda t: ("预算" in t and "决算" in t or "执行数" in t)
              and len(_AMOUNT.findall(t)) >= 2),
             (_CHANGE_Q.search(q.text) or RATE_Q.search(q.text), lambda t: bool(_CHANGE_SIZE.search(t))),
             (_USE_Q.search(q.text), lambda t: bool(_USE.search(t))),
             (_WHY.search(q.text), lambda t: bool(_BECAUSE.search(t))),
             (re.search(r"多少|金额", q.text), lambda t: bool(_AMOUNT.search(t)))]
    wants = [f for w, f in wants if w]
    if not wants:
        return False
    for item in _item_sentences(cat, doc, bare(row.label)):
        picked = [e for e in item[1:] if any(f(clean(e.text)) for f in wants)]
        if not picked or not all(any(f(clean(e.text)) for e in picked) for f in wants):
            continue
        if all(d.cited(e) for e in picked):  # an earlier ask quoted them already
            d.add(f"{prefix}{describe(doc)}：见上文{''.join(d.cite(e) for e in picked)}。")
            return True
        fresh = [e for e in picked if not d.cited(e)]
        head = f"{prefix}{describe(doc)}" + ("：" if d.cited(item[0]) else f"“{item[0].text.rstrip('。')}”{d.cite(item[0])}：")
        body = "，".join(f"“{e.text.rstrip('。；')}”{d.cite(e)}" for e in fresh)
        d.add(f"{head}{body}。")
        return True
    return False


_PROSE_CJK = re.compile(r"[\u4e00-\u9fa5]")


def answer_row_text(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    """What a named project is for, when a table says it in words: the row's text cell (绩效目标, 项目概述,
    主要内容) rather than a narrative sentence that only shares its words."""
    subj = subject_text(q)
    for r in match_rows(cat, q, doc)[:3]:
        name = bare(r.label)
        form = r.table_kind == "performance" and r.kind == "text"  # a form's 目标 row: its project is the table's
        if form:
            name = project_name(r.table)
        elif len(name) < 4 or _overlap(name, subj) < 0.5:
            continue
        texts = [(c, v) for c, v in r.values.items() if len(_PROSE_CJK.findall(v)) >= 15]
        if not texts:
            continue
        body = "；".join(f"{leaf(c)}：“{v.rstrip('。')}”" for c, v in texts)
        d.add(f"{prefix}{describe(doc)}《{r.table}》中“{name}”的{body}{d.cite(r)}。")
        return True
    return False


def answer_for_doc(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    """One document's answer to one ask. A unit the question names inside the document must be what the
    evidence is about: a department-wide figure does not answer for one of its units."""
    units = [u for u in q.units if u in doc.context]
    if len(units) < len(q.units):
        q = replace(q, units=units)  # "深圳市考试院和上海市职业能力考试院": the unit is in the other document
    mark = (len(d.parts), len(d.evidence), len(d.figures))
    if not _answer_for_doc(cat, q, doc, d, prefix):
        return False
    if not units:
        return True
    said = clean("".join(d.parts[mark[0]:]) + "".join(
        e.label + e.unit_name + e.table if isinstance(e, RowEvidence) else e.section + e.text for e in d.evidence[mark[1]:]))
    if any(clean(u) in said for u in units):
        return True
    d.parts, d.evidence, d.figures = d.parts[: mark[0]], d.evidence[: mark[1]], d.figures[: mark[2]]
    return False


def _answer_for_doc(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    intents = q.intents or ["figure"]
    if (_PLAN_FINAL.search(q.text) or _USE_Q.search(q.text) or _WHY.search(q.text)) and answer_item(cat, q, doc, d, prefix):
        return True
    if re.search(r"是什么|指什么|指的是|包括哪些|包括什么|含义|意思|哪些钱|是指|定义", q.text) and answer_definition(cat, q, doc, d):
        return True
    if ("三公" in q.text or any(p in _sangong_words(q.text) for p in _SANGONG_PARTS)) and "share" not in intents:
        if answer_sangong(cat, q, doc, d, prefix):
            return True
    top = match_rows(cat, q, doc)[:1]
    if q.units and not (top and is_unit_row(top[0], q.units) and not asks_within(q)) \
            and answer_passage(cat, q, doc, d, prefix, within=q.units):
        return True  # a unit inside the document: its own section, when no row is labelled with it or the
        # question asks about something of the unit's ("…中心的高层次人才奖励补贴")
    named_row = bool(top) and len(bare(top[0].label)) >= 6 and bare(top[0].label) in subject_text(q)
    for word, kind in _EMPTY_KINDS.items():
        if word in q.text and not named_row and answer_empty_table(cat, doc, d, kind, prefix + describe(doc), q):
            return True
    if (_DUTY_LIST.search(q.text) or _DUTY_WHICH.search(q.text) or _UNITS.search(q.text)) and answer_duty(cat, q, doc, d):
        return True
    if ({"share", "diff", "sum"} & set(intents)) and answer_computation(cat, q, doc, d):
        return True
    if "share" in intents and answer_share(cat, q, doc, d):
        return True
    if "definition" in intents and answer_definition(cat, q, doc, d):
        return True
    if (_CHANGE_Q.search(q.text) or re.search(r"全年(?!预算)|累计", q.text)) and answer_passage(cat, q, doc, d, prefix):
        return True  # changes and yearly results are told in the narrative, not in this year's tables
    if "purpose" in intents:
        goal = _GOAL_Q.search(q.text)  # what a project is for: its goal as the table states it, first
        ok = (goal and answer_row_text(cat, q, doc, d, prefix)) or answer_passage(cat, q, doc, d, prefix, purpose=True) \
            or answer_row_text(cat, q, doc, d, prefix)
        if ok and q.columns:
            answer_figure(cat, q, doc, d)
        if ok:
            return True
    if top and (top[0].table_kind in _PART_TABLES or re.search(r"基本支出|项目支出", top[0].table)) and not q.columns \
            and _section_states(cat, q, doc) \
            and answer_passage(cat, q, doc, d, prefix):
        return True  # "委托业务费安排了多少": its own section states the whole; a 基本/项目支出表 row is one part of it
    if answer_figure(cat, q, doc, d, prefix):
        return True
    if answer_blank_column(cat, q, doc, d, prefix):
        return True
    return answer_passage(cat, q, doc, d, prefix)


def compose(cat: Catalog, q: Query) -> Draft:
    d = Draft()
    if not q.docs:
        d.answerable = False
        if q.unknown:
            d.add(f"存储中没有“{'、'.join(q.unknown)}”的公开文件，无法回答。")
        else:
            d.add("存储中没有与问题相符的已导入文件" + ("（没有所问年度的文件）" if q.years else "") + "，无法回答。")
        return d
    if asks_consistency(q.text):  # "有没有数字对不上的地方": the publication check's findings
        return answer_findings(cat, q)
    if q.ambiguous:
        _scope_by_names(cat, q)
    if q.ambiguous and len(q.ambiguous) > 3:
        d.answerable = False
        d.add("已导入多个部门的文件，请在问题中指明部门（或在网页中筛选文件），例如：" + "、".join(q.ambiguous[:5]) + "。")
        return d
    asks = split_asks(q.text, cat.names() + _joined_names(cat, q),
                      [a for doc in q.docs for a in aliases(doc.department)] + q.named + q.units)
    values = [a for a in asks if a.op == "value"]
    # an ask with its own subject leads a group; the follow-ups after it ("比上年增加了多少", "为什么") join it
    groups: list[list[Ask]] = []
    for ask in values:
        if ask.subject or not groups:
            groups.append([ask])
        else:
            groups[-1].append(ask)
    compound = len(values) > 1 or any(a.items for a in values)
    scopes = {a.text: understand(a.text, q.docs).docs for a in values} if compound else {}
    answered = 0

    def release(doc: DocInfo) -> tuple[str, int | None, str]:
        return doc.department, doc.year, doc.kind

    missing: list[tuple[tuple, int | None, str]] = []  # (release, ask, what was not found)
    found: set[tuple] = set()
    done: set[tuple] = set()
    for doc in q.docs:
        ok = False
        for g, group in enumerate(groups):
            if compound and scopes[group[0].text] and doc not in scopes[group[0].text]:
                continue  # the group names another document
            # the group's lead ask first (the question itself when it asks one thing)
            d.ask = 100 * g
            before = len(d.parts)
            gq = understand(group[0].text, [doc]) if compound else q
            lead = gq
            got = answer_for_doc(cat, gq, doc, d)
            if not got:
                d.parts = d.parts[:before]
            said = _said(d, before)
            quoted = [e for e in d.evidence if isinstance(e, TextEvidence) and e.doc.doc_id == doc.doc_id]
            # then each ask, or listed thing, that answer does not cover
            for k, ask in enumerate(group if compound else []):
                subs = list(zip(ask.items, ask.names, strict=True)) or [(ask.text, "")]
                for text, name in subs:
                    aq = understand(text, [doc])
                    if got and (_covers(said, name) if name else _covers_ask(aq, said, ask.tail)):
                        found.add((release(doc), 100 * g + k + 1))
                        continue
                    if got and not name and (more := _told_next(cat, d, quoted, aq, said, ask.tail)):
                        said += more  # the reason or change is told right after what was quoted
                        found.add((release(doc), 100 * g + k + 1))
                        continue
                    d.ask = 100 * g + k + 1
                    own = _TAIL_NOISE.sub("", ask.tail)
                    tries = [aq]
                    if not name and len(own) >= 2:
                        # a follow-up with words of its own ("接待了多少人"): asked on its own, in this document
                        tries.append(understand(ask.tail, [doc]))
                    if not ask.subject and not name:
                        # a follow-up about the lead's subject ("钱是怎么用出去的"): its own words only ask
                        tries.append(replace(aq, subject=lead.subject))
                    new, same = "", False
                    for tq in tries:
                        mark = (len(d.parts), len(d.evidence), len(d.figures))
                        if answer_for_doc(cat, tq, doc, d):
                            new = "".join(d.parts[mark[0]:])
                            if new and new not in said:
                                break
                            same = True  # the same answer again says nothing new: try the next reading
                        new = ""
                        d.parts, d.evidence, d.figures = d.parts[: mark[0]], d.evidence[: mark[1]], d.figures[: mark[2]]
                    if not new and not same:
                        missing.append((release(doc), d.ask, f"{describe(doc)}：未找到能回答“{_echo(name or text)}”的表格行或说明文字。"))
                        continue
                    got = True
                    said += new
                    found.add((release(doc), d.ask))
            ok = ok or got
        if ok:
            answered += 1
            done.add(release(doc))
        elif len(q.docs) > 1:
            missing.append((release(doc), None, f"{describe(doc)}：未找到相关内容。"))
    # a release printed as two files (北京: 报表 and 说明) is one source: what one file answers is not missing in the other
    for rel, ask_id, text in missing:
        if (rel, ask_id) not in found and not (ask_id is None and rel in done):
            d.add(text)
    for ask in asks:
        if ask.op == "compare":
            compare(d, ask.text, q.docs)
    if q.unknown and answered:
        d.add(f"存储中没有“{'、'.join(q.unknown)}”的公开文件。")
    if answered == 0:
        d.parts = []
        d.evidence = []
        d.figures = []
        d.answerable = False
        names = "、".join(describe(x) for x in q.docs[:4])
        d.add(f"在{names}中没有找到能回答这个问题的表格行或说明文字，不作推测。")
    return d


def _joined_names(cat: Catalog, q: Query) -> list[str]:
    """Names with 及/和/与 inside that the documents print whole ("党建及业务专题培训"): not a list of two."""
    text = clean(q.text)
    out: list[str] = []
    for m in re.finditer(r"[及和与]", text):
        i = m.start()
        for a in range(min(10, i), 1, -1):
            found = next((text[i - a : i + 1 + b] for b in range(min(10, len(text) - i - 1), 1, -1)
                          if re.fullmatch(r"[\u4e00-\u9fa5]+", text[i - a : i + 1 + b])
                          and any(text[i - a : i + 1 + b] in _doc_text(cat, doc) for doc in q.docs[:8])), None)
            if found:
                out.append(found)
                break
    return out


def _doc_text(cat: Catalog, doc: DocInfo) -> str:
    key = ("text", doc.doc_id)
    if key not in cat.memo:
        cat.memo[key] = clean("".join(e.text for e in cat.doc_texts(doc.doc_id)))
    return cat.memo[key]


def _scope_by_names(cat: Catalog, q: Query) -> None:
    """No department named and several in scope: a row or project name of six characters or more that the
    question writes (with or without its place) and only one department's documents hold names that department."""
    text = clean(q.text)
    owners: dict[str, list[DocInfo]] = {}
    for doc in q.docs:
        for r in cat.doc_rows(doc.doc_id):
            for name in {bare(r.label), project_name(r.table) if r.table_kind == "performance" else ""}:
                if len(name) >= 6 and any(len(f) >= 6 and f in text for f in name_forms(name)):
                    owners.setdefault(doc.department, []).append(doc)
                    break
            if doc.department in owners:
                break
    if len(owners) == 1:
        (q.docs,) = owners.values()
        q.ambiguous = []


def _said(d: Draft, before: int) -> str:
    """What the parts from `before` on say, with the sentences they only point to ("见上文[1]")."""
    new = "".join(d.parts[before:])
    if "见上文" not in new:
        return new
    return new + "".join(e.text for i, e in enumerate(d.evidence, 1) if isinstance(e, TextEvidence) and f"[{i}]" in new)


def _echo(text: str) -> str:
    """The asked words, for saying what was not found (no digits: a number is printed only from a source)."""
    return re.sub(r"[\d（）()]", "", clean(text)).rstrip("？?。，")


def _needs(text: str) -> list[re.Pattern[str]]:
    """What an answer must hold for each thing the ask asks: a change, a reason, a use, a share."""
    asked = ((_CHANGE_Q, _CHANGE_SIZE), (_WHY, _BECAUSE), (_USE_Q, _USE), (PERCENT_Q, _PERCENT), (_GOALS_Q, _GOALS),
             (_WHEN_Q, _WHEN))
    return [found for q, found in asked if q.search(text)]


_PERCENT = re.compile(r"\d\s*%")
_GOALS_Q = re.compile(GOAL_ASKED)
_GOALS = re.compile(r"目标|完成|实现|达到|确保|提高|提升|保障")


def _told_next(cat: Catalog, d: Draft, quoted: list[TextEvidence], aq: Query, said: str, tail: str = "") -> str:
    """A follow-up ("为什么", "增加了多少", "其中X多少") answered by the sentences right after those already
    quoted (up to four, across the paragraphs of a list). Returns what was added."""
    unmet = [p for p in _needs(aq.text) if not p.search(clean(said))]
    own = _TAIL_NOISE.sub("", re.sub(r"^其中", "", tail))
    named = len(own) >= 2 and _overlap(own, clean(said)) < 0.6 and bool(re.search(r"多少|几", tail))
    if not unmet and not named:
        return ""

    def answers(t: str) -> bool:
        if unmet:
            return any(p.search(t) for p in unmet)
        return _overlap(own, t) >= 0.6 and bool(_AMOUNT.search(t) or _COUNT_Q.search(tail) and _counts_ok(tail, t))

    for e in quoted:
        nxt, steps = _following(cat, e), 0
        in_list = bool(re.search(r"[：:]$", clean(e.text)))
        while nxt is not None and steps < 4:
            if answers(clean(nxt.text)) and not d.cited(nxt):
                text = f"“{nxt.text.rstrip('。；')}”{d.cite(nxt)}。"
                d.add(text)
                return text
            # the next sentence of the paragraph; into the next paragraph only through a list ("其中：（一）…（二）…")
            in_list = in_list or bool(re.search(r"[：:]$", clean(nxt.text)))
            nxt, steps = (cat.next_sentence(nxt) or (_following(cat, nxt) if in_list else None)), steps + 1
    return ""


_TAIL_NOISE = re.compile(r"的|是|了|有|会|多少|几|什么|哪些|百分之?|比例|占比|比重|吗|呢|" + WHY_ASKED + r"|原因|主要|[？?，,。]")


def _covers_ask(aq: Query, said: str, tail: str = "") -> bool:
    """Whether what was said already answers an ask: each thing it asks for (a change, a reason, a use,
    a count, an amount, a share) is there, and a follow-up's own words ("完成预算的百分之多少") are spoken of."""
    text, flat = aq.text, clean(re.sub(r"《[^》]*》", "", said))  # a table's title says nothing of the answer
    own = _TAIL_NOISE.sub("", tail)
    if len(own) >= 2 and _overlap(own, flat) < 0.5:
        return False
    if any(not found.search(flat) for found in _needs(text)):
        return False
    if not _counts_ok(text, flat):
        return False
    return not (re.search(r"多少|几|金额", text) and not _COUNT_Q.search(text) and not _AMOUNT.search(flat))


def _covers(said: str, name: str) -> bool:
    """Whether an answer speaks of a listed thing: most of its character pairs are in the answer."""
    return _overlap(re.sub(r"是|多少|的|了", "", name), clean(said)) >= 0.6


def compare(d: Draft, question: str, docs: list[DocInfo]) -> None:
    """"哪个高": the amounts the other asks gave (the first ask's per document, else each ask's), in
    万元, ordered, with the difference and its formula."""
    figs = [f for f in d.figures if f.ask == min((x.ask for x in d.figures), default=0)]
    if len(figs) < 2:
        figs = [next(f for f in d.figures if f.ask == a) for a in sorted({f.ask for f in d.figures})]
    if len(figs) < 2:
        d.add("可比较的数字不足两个，无法比较。")
        return
    low = bool(COMPARE_LOW.search(COMPARE_Q.search(question).group(0))) if COMPARE_Q.search(question) else False
    figs = sorted(figs, key=lambda f: f.wan, reverse=not low)

    def name(f: Figure) -> str:
        return describe(f.doc) if len({x.doc.doc_id for x in figs}) > 1 else bare(getattr(f.evidence, "label", "")) or describe(f.doc)

    def amount(f: Figure) -> str:
        if f.unit == "元":
            wan = quantize2(f.wan)
            d.computed.extend([wan, Decimal(10000)])
            return f"{wan}万元（{f.printed}元 ÷ 10000）"
        return f"{f.printed}万元"

    first, second = figs[0], figs[1]
    hi, lo = (second, first) if low else (first, second)
    diff = quantize2(hi.wan - lo.wan)
    d.computed.extend([diff, *(quantize2(f.wan) for f in figs)])
    order = "，".join(f"{name(f)}{amount(f)}{d.cite(f.evidence)}" for f in figs)
    d.add(f"比较：{order}；{'最低' if low else '最高'}的是{name(first)}，与{name(second)}相差 "
          f"{quantize2(hi.wan)} − {quantize2(lo.wan)} = {diff}万元。")


# ---------------------------------------------------------------- computations over two cited figures

_DIFF = re.compile(r"^(.+?)比(.+?)(?:多|少|高|低|大|小)(?:多少|几|了多少)")
_TEMPORAL = re.compile(r"^(上年|去年|上一?年度?|前一年|以前年度)?的?(执行数|决算数|预算数|预算|决算|实际数?|同期)?数?$")
_DIFF2 = re.compile(r"^(.+?)(?:和|与|跟)(.+?)(?:相差|差)(?:多少|几)")
_SHARE = re.compile(r"^(.+?)占了?(.+?)的?(?:比例|比重|百分比|百分之|多少|几成)")
# part and whole of a ratio, in the ways people ask it: "X在Y中占多大比例", "Y里，X占几成", "X占Y的比例", "X占比"
_RATIO = (
    re.compile(r"^(?P<part>.+?)(?:在|于)(?P<whole>.+?)(?:中|里|当中|之中)(?:所)?占"),
    re.compile(r"^(?P<whole>.+?)(?:中|里|当中|之中)[，,]?(?:的)?(?P<part>[^，,]+?)(?:大概|大约|约)?(?:占比|占了?(?:多大|几成|多少|百分|的?比例|比重))"),
    _SHARE,
    re.compile(r"^(?P<part>.+?)的?(?:占比|所占比例|比重)"),
)
_SUM_PROJECTS = re.compile(r"(项目|[几\d一二三四五六七八九十]+个项目|各项目).*(预算数|预算).*(加起来|合计|总共|一共|之和|总和)")


def _operand(cat: Catalog, doc: DocInfo, text: str) -> tuple[RowEvidence | TextEvidence, str, Decimal] | None:
    """One figure named by a phrase: a table row/column, else an amount stated in the narrative."""
    from assistant.understand import understand

    sub = understand(text, [doc])
    sub.intents = ["figure"]
    sub.subject = re.sub(r"的|是多少|多少|[？?，,。]", "", text)  # keep words like 工会经费 whole
    found = _figure_for(cat, sub, doc)
    if found is not None and found[2]:
        amt = parse_amount(found[2])
        if amt is not None:
            return found[0], found[2], amt
    term = re.sub(r"的|是|多少|[？?，,。]", "", text)
    if len(term) >= 2:
        for e in passages(cat, sub, doc, k=20):
            flat = re.sub(r"[“”\"‘’\s]", "", e.text)
            m = re.search(re.escape(term) + r"[^0-9。；]{0,8}?(\d[\d,]*(?:\.\d+)?)\s*万元", flat)
            if m is None and term in re.sub(r"[“”\"‘’\s]", "", _last_heading(e)) and not re.search(r"[，；]", flat[:8]):
                m = re.search(r"^[^0-9]{0,12}?(?:20\d\d年)?[^0-9]{0,8}?(\d[\d,]*(?:\.\d+)?)\s*万元", flat)  # under its heading
            if m:
                amt = parse_amount(m.group(1))
                if amt is not None:
                    return e, m.group(1), amt
        # "工程类采购" printed "政府采购工程预算550.00万元": the clause whose words before its amount share most of the term's
        best: tuple[float, TextEvidence, str] | None = None
        for e in passages(cat, sub, doc, k=20):
            for clause in re.split(r"[，；、：。]", re.sub(r"[“”\"‘’\s]", "", e.text)):
                cm = re.search(r"^([^0-9]{2,24}?)(\d[\d,]*(?:\.\d+)?)万元$", clause)
                if cm and (ov := _overlap(term, cm.group(1))) >= 0.5 and (best is None or ov > best[0]):
                    best = (ov, e, cm.group(2))
        if best is not None and (amt := parse_amount(best[2])) is not None:
            return best[1], best[2], amt
    return None


def _phrase(ev: RowEvidence | TextEvidence, value: str, d: Draft) -> str:
    if isinstance(ev, RowEvidence):
        col = next((c for c, v in ev.values.items() if v == value), "")
        return f"{row_phrase(ev, col, value)}{d.cite(ev)}"
    head = re.sub(r"^[（(][一二三四五六七八九十\d]+[)）]|^[一二三四五六七八九十\d]+[、.．]", "", _last_heading(ev)).rstrip("。")
    where = f"“{head}”一节" if head and len(head) <= 20 and head not in ev.text else "说明"
    return f"{where}中“{ev.text.rstrip('。；')}”{d.cite(ev)}"


def answer_computation(cat: Catalog, q: Query, doc: DocInfo, d: Draft) -> bool:
    text = re.sub(r"^(请问)?", "", q.subject_full or q.text)
    if _SUM_PROJECTS.search(text):
        rows = [r for r in cat.doc_rows(doc.doc_id) if r.table_kind == "performance" and r.label == "预算数"]
        vals = [(r, r.values.get("预算数", "")) for r in rows]
        vals = [(r, v) for r, v in vals if parse_amount(v) is not None]
        if len(vals) >= 2:
            total = sum((parse_amount(v) for _, v in vals), Decimal(0))
            d.computed.append(total)
            parts = "，".join(f"{project_name(r.table)}{v}{r.unit or ''}{d.cite(r)}" for r, v in vals)
            d.add(f"{describe(doc)}各项目预算数：{parts}；合计 = {' + '.join(v for _, v in vals)} = {total}{vals[0][0].unit or ''}")
            tr = total_row(cat, doc)
            col = next((c for c in (tr.values if tr else {}) if leaf(c) == "项目支出"), None)
            if tr is not None and col and parse_amount(tr.values[col]) == total:
                d.add(f"，与《{tr.table}》项目支出{tr.values[col]}{tr.unit or ''}一致{d.cite(tr)}")
            d.add("。")
            return True
    if "share" in q.intents and answer_ratio(cat, text, doc, d):
        return True
    for pat, op in ((_DIFF, "diff"), (_DIFF2, "diff")):
        m = pat.search(text)
        if not m:
            continue
        if op == "diff" and _TEMPORAL.match(re.sub(r"(增加|减少|增长|下降|上升|增|减)$", "", m.group(2))):
            return False  # "预算比（2025年）执行数减少了多少": a change over time, told in the narrative
        a = _operand(cat, doc, m.group(1))
        b = _operand(cat, doc, m.group(2))
        if a is None or b is None or a[0] is b[0] and a[1] == b[1]:
            return False
        unit = next((e.unit for e in (a[0], b[0]) if isinstance(e, RowEvidence) and e.unit), "万元")
        res = a[2] - b[2]
        d.computed.append(abs(res))
        d.add(f"{describe(doc)}{_phrase(a[0], a[1], d)}，{_phrase(b[0], b[1], d)}；"
              f"差额 = {a[1]} − {b[1]} = {abs(res)}{unit}。")
        return True
    return False


_WHOLE_WORDS = re.compile(r"全部|所有|整个|总|整体|全年|本年|合计|总计|总额|预算|的")


def _whole_in_table(cat: Catalog, doc: DocInfo, part: RowEvidence, col: str, whole: str) -> tuple[RowEvidence, str] | None:
    """The whole of a ratio inside the part's own table: a column of the same row named by it ("合计" for
    总支出), a row of the table named by it, or — when the table is about it ("…基本支出表") — the
    table's total row in the same column."""
    words = _WHOLE_WORDS.sub("", clean(whole))
    about_whole = not words or words in _WHOLE_WORDS.sub("", clean(part.table))
    if about_whole:  # "…基本支出表" 合计 row: 人员经费 over the same row's 合计
        for c, v in part.values.items():
            if c != col and leaf(c) in _TOTAL_NAMES and parse_amount(v) is not None:
                return part, c
    for c, v in part.values.items():
        if c != col and parse_amount(v) is not None and (leaf(c) in _TOTAL_NAMES and not words or words and words == leaf(c)):
            return part, c
    rows = [r for r in cat.doc_rows(doc.doc_id) if r.table_idx == part.table_idx and r is not part]
    for r in rows:
        if words and bare(r.label) in (words, words + "合计") and parse_amount(r.values.get(col, "")) is not None:
            return r, col
    if about_whole:
        for r in rows:
            if bare(r.label) in _TOTAL_NAMES and parse_amount(r.values.get(col, "")) is not None:
                return r, col
    # "财政拨款收入里…": the table is about that fund; the whole is this year's total on the part's side
    core = re.sub(r"收入|支出|收支", "", words)
    if part.side and core and core in clean(part.table):
        totals = [r for r in rows if r.side == part.side and parse_amount(r.values.get(col, "")) is not None
                  and re.fullmatch(rf"(本年)?{part.side}(合计|总计)?|合计|总计", bare(r.label))]
        totals.sort(key=lambda r: (not bare(r.label).startswith("本年"), "总计" in bare(r.label)))
        if totals:
            return totals[0], col
    return None


def _without_owner(text: str, doc: DocInfo) -> str:
    """A phrase without the department's names, its place and the year."""
    from assistant.understand import aliases, mentions

    for a in sorted(aliases(doc.department), key=len, reverse=True):
        if len(a) >= 3:
            for at in reversed(mentions(text, a)):  # "科学技术支出" is a subject, not 科学技术局
                text = text[:at] + text[at + len(a):]
    text = re.sub(r"20\d\d年度?", "", text)
    place = re.match(r"^[\u4e00-\u9fa5]{2,4}?(?=省|市|区|县)", doc.department)  # "重庆" of 重庆市…
    if place:
        text = re.sub(rf"^{place.group(0)}(省|市|区|县)?", "", text)
    return re.sub(r"^的", "", text)


_WHOLE_BUDGET = re.compile(r"(整个|全部|全|本|该)?(部门|单位|局|委|办)?的?(全部|总|整体|全年)?(预算|支出|决算)?(总额|总计|合计|总数)?")


def answer_ratio(cat: Catalog, text: str, doc: DocInfo, d: Draft) -> bool:
    """"X占Y的比例" and its other wordings: X and, where possible, Y from the same table (公用经费 over the
    基本支出 合计 of the same 基本支出 table, not over 支出总计); the formula is shown."""
    text = re.sub(r"[“”\"]", "", text)
    m = next((m for pat in _RATIO if (m := pat.search(text))), None)
    if m is None:
        return False
    part_text = m.group(1) if m.re is _SHARE else m.group("part")
    whole_text = m.group(2) if m.re is _SHARE else (m.groupdict().get("whole") or "")
    whole_text = _without_owner(whole_text, doc)  # "重庆经信委2026年一般公共预算基本支出" -> "一般公共预算基本支出"
    if _WHOLE_BUDGET.fullmatch(whole_text):
        whole_text = ""  # "整个部门预算": the document's total
    part = _operand(cat, doc, _without_owner(part_text, doc).strip("，,、 ") or part_text)
    if part is None:
        return False
    whole = None
    if isinstance(part[0], RowEvidence):
        col = next((c for c, v in part[0].values.items() if v == part[1]), "")
        hit = _whole_in_table(cat, doc, part[0], col, whole_text)
        if hit is not None:
            r, c = hit
            whole = (r, r.values[c], parse_amount(r.values[c]))
    if whole is None:
        if not whole_text:
            tr = total_row(cat, doc)
            den = next((c for c in (tr.values if tr else {}) if leaf(c) in _TOTAL_NAMES), None)
            if tr is None or den is None:
                return False
            whole = (tr, tr.values[den], parse_amount(tr.values[den]))
        else:
            whole = _operand(cat, doc, whole_text)
    if whole is None or not whole[2] or (whole[0] is part[0] and whole[1] == part[1]):
        return False
    res = quantize2(part[2] / whole[2] * 100)
    d.computed.extend([res, Decimal(100)])
    d.add(f"{describe(doc)}{_phrase(part[0], part[1], d)}，{_phrase(whole[0], whole[1], d)}；"
          f"占比 = {part[1]} ÷ {whole[1]} × 100% = {res}%。")
    return True


# ---------------------------------------------------------------- duties and organisation

_DUTY_LIST = re.compile(r"(有哪些|哪些|主要|什么)(职责|职能)|职责(是什么|有哪些|包括)|负责(哪些|什么)")
_DUTY_WHICH = re.compile(r"(属于|是).{0,6}(哪项|哪一项|哪个|什么)(职责|职能)|哪项职责|哪一项职责")
_UNITS = re.compile(r"(包括|包含|有)(哪些|几个|多少)(单位|下属单位|所属单位)|哪些单位|单位构成|预算单位")


def _duty_sections(cat: Catalog, doc: DocInfo) -> list[tuple[str, TextEvidence]]:
    """(duty heading, first paragraph under it) in document order."""
    out: list[tuple[str, TextEvidence]] = []
    for p in cat.paragraphs.get(doc.doc_id, []):
        path = p.section.split(" > ")
        for i, h in enumerate(path[:-1]):
            if re.search(r"职责|职能", h):
                sub = path[i + 1]
                if not any(sub == x for x, _ in out):
                    out.append((sub, p))
                break
    return out


def answer_duty(cat: Catalog, q: Query, doc: DocInfo, d: Draft) -> bool:
    secs = _duty_sections(cat, doc)
    if _DUTY_WHICH.search(q.text) and secs:
        subj = re.sub(_DUTY_WHICH, "", subject_text(q))
        best: tuple[float, str, TextEvidence] | None = None
        for p in cat.paragraphs.get(doc.doc_id, []):
            path = p.section.split(" > ")
            head = next((path[i + 1] for i, h in enumerate(path[:-1]) if re.search(r"职责|职能", h)), None)
            if head is None:
                continue
            ov = _overlap(subj, clean(p.text))
            if best is None or ov > best[0]:
                best = (ov, head, p)
        if best is not None and best[0] >= 0.5:
            _, head, p = best
            sent = next((s for s in split_sentences(p.text) if _overlap(subj, clean(s)) >= 0.5), p.text)
            ev = TextEvidence(doc=doc, section=p.section, page=p.page, text=sent, bbox=p.bbox, para_idx=p.para_idx * 1000 + 999)
            d.add(f"{describe(doc)}：这项工作属于“{_bare_heading(head)}”职责——“{sent.rstrip('。；')}”{d.cite(ev)}。")
            return True
    if _DUTY_LIST.search(q.text) and secs:
        items = "；".join(f"{_bare_heading(h)}{d.cite(p)}" for h, p in secs)
        d.add(f"{describe(doc)}的主要职责：{items}。")
        return True
    if _UNITS.search(q.text):
        rows = [r for r in cat.doc_rows(doc.doc_id) if r.table_kind == "org"]
        if rows:
            items = "；".join(
                f"{r.label}（{'，'.join(f'{leaf(c)}：{v}' for c, v in r.values.items())}）{d.cite(r)}" for r in rows
            )
            d.add(f"{describe(doc)}包括的单位：{items}。")
            return True
    return False


def _bare_heading(h: str) -> str:
    return re.sub(r"^(\d+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)", "", h).strip()
