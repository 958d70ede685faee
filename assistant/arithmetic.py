"""Computed answers: shares, ratios, differences and sums from cited figures, each with its formula;
and the comparison of one figure across documents."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import NamedTuple

from assistant.catalog import Catalog
from assistant.compose import (
    FORM_AMOUNT,
    KIND_ORDER,
    TABLE_NAMED,
    Draft,
    Figure,
    bare,
    clean,
    col_for,
    describe,
    form_bodies,
    group_total,
    is_unit_row,
    leaf,
    match_rows,
    name_value,
    passages,
    pick_value,
    project_name,
    quantize2,
    row_phrase,
    subject_text,
    total_row,
    without_places,
    year_columns,
)
from assistant.evidence import DocInfo, RowEvidence, TextEvidence
from assistant.figures import col_names, figure_for
from assistant.narrative import glossed, last_heading
from assistant.rank import QUALIFIERS, overlap
from assistant.understand import Query, aliases, understand
from assistant.vocab import (
    CHANGE_SIZE,
    CJK,
    COMPARE_LOW,
    COMPARE_Q,
    COUNT_Q,
    FUND_TABLES,
    MONEY_ASKED,
    MORE_OR_LESS,
    PART_TABLES,
    RATE_Q,
    SPLIT_COLUMNS,
    TOTAL_NAMES,
)
from ingest.model import parse_amount
from ingest.text import longest


def answer_share(cat: Catalog, q: Query, doc: DocInfo, d: Draft) -> bool:
    if q.units and unit_share(cat, q, doc, d):
        return True
    tr = total_row(cat, doc)
    if tr is None or _names_other_whole(q.subject_full or q.text, doc):
        return False
    found = None
    if q.columns:
        picked = pick_value(tr, q.columns)
        if picked and any(leaf(picked[0]).startswith(col_names(c)) for c in q.columns):
            found = (tr, picked[0], picked[1])
    found = found or figure_for(cat, q, doc)
    if found is None:
        return False
    r, col, value = found
    den_col = next((c for c in tr.values if leaf(c) in ("合计", "总计")), None) \
        or next((c for c in tr.values if "/" not in c and leaf(c).endswith(("总计", "合计"))), None)  # ("支出总计")
    if den_col is None:
        return False
    num, den = parse_amount(value), parse_amount(tr.values[den_col])
    if num is None or den is None or den == 0 or (r is tr and col == den_col) or num == den and r is not tr and _totals(r, tr):
        return False  # (one table's total over another's is no share of anything)
    share = quantize2(num / den * 100)
    d.computed.extend([share, Decimal(100)])
    d.add(
        f"{describe(doc)}{row_phrase(r, col, value)}{d.cite(r)}，{row_phrase(tr, den_col, tr.values[den_col])}{d.cite(tr)}；"
        f"占比 = {value} ÷ {tr.values[den_col]} × 100% = {share}%。"
    )
    return True


# a share the narrative states, "X支出N万元，占Y的P%"
_STATED_SHARE = re.compile(r"([\u4e00-\u9fa5（）()]{2,30}?)(?:为|是)?(\d[\d,]*(?:\.\d+)?)(?:万元|元)[，,]?占([^，。；%％\d]{0,24}?)的?"
                           r"(?:比重|比例)?(?:为|是)?(\d+(?:\.\d+)?)[%％]")


def answer_stated_share(cat: Catalog, q: Query, doc: DocInfo, d: Draft) -> bool:
    """"Y里X占多少": the sentence that states X's amount and its share of Y, when the release prints it (its own
    figure, not one worked out from rows that may be of another basis)."""
    text = re.sub(r"[“”\"]", "", q.subject_full or q.text)
    m = next((m for pat in _RATIO if (m := pat.search(text))), None)
    if m is None:
        return False
    part = _without_owner(re.split(r"[，,]", m.group(1) if m.re is _SHARE else m.group("part"))[-1], doc)
    whole = _without_owner(re.split(r"[，,]", m.group(2) if m.re is _SHARE else (m.groupdict().get("whole") or ""))[-1], doc)
    part, whole = (re.sub(r"[的里中]$|^[的在]|20\d\d年度?", "", clean(x)) for x in (part, whole))
    if len(part) < 2 or len(whole) < 2 or q.units:
        return False
    for e in cat.doc_texts(doc.doc_id):
        for sm in _STATED_SHARE.finditer(re.sub(r"[“”\"\s]", "", e.text)):
            if overlap(part, sm.group(1)) >= 0.8 and overlap(whole, sm.group(3)) >= 0.6:
                d.add(f"{describe(doc)}：{e.text.strip().rstrip('。；;')}{d.cite(e)}。")
                d.record(doc, sm.group(2), "万元" if "万元" in sm.group(0) else "元", e)
                return True
    return False


def _names_other_whole(text: str, doc: DocInfo) -> bool:
    """The share asks of a whole the question names that the release reports apart ("三公经费里，X占…"): the release's
    total is not its whole."""
    m = next((m for pat in _RATIO if (m := pat.search(re.sub(r"[“”\"]", "", text)))), None)
    if m is None:
        return False
    whole = _without_owner(re.split(r"[，,]", m.group(2) if m.re is _SHARE else (m.groupdict().get("whole") or ""))[-1], doc)
    # (a whole that is one kind of spending the release reports apart, never its total: 三公, 机关运行经费, 政府采购)
    return re.search(r"三公|机关运行经费|政府采购|采购预算", whole) is not None


_COLUMN_CORE = re.compile(r"(?:预算)?(?:拨款)?(?:收入|支出)?$")  # a column's name as a subject writes it ("基本支出" -> 基本)


def unit_share(cat: Catalog, q: Query, doc: DocInfo, d: Draft) -> bool:
    """A share asked of a unit inside a department: the unit's own row of the table the question names, a column the
    question names over the row's total column."""
    subject = clean(subject_text(q))
    # (with none of its rows named, the unit's own rows of the tables broken down by unit: a column of its own)
    rows = [r for r in match_rows(cat, q, doc)[:8] if is_unit_row(r, q.units)] \
        or [r for r in cat.doc_rows(doc.doc_id) if (not r.unit_name or bare(r.label) == bare(r.unit_name))
            and is_unit_row(r, q.units) and r.table_kind != "performance"]
    rows.sort(key=lambda r: not any(c in r.table for c in q.columns))
    for r in rows:
        whole = next((c for c in r.values if bare(leaf(c)) in ("总计", "合计") and "/" not in c), None) \
            or next((c for c in r.values if bare(leaf(c)) in ("总计", "合计")), None) \
            or next((c for c in r.values if bare(c).endswith(("总计", "合计")) and "/" not in c), None)  # ("支出总计")
        part = next((c for c in r.values if c != whole and bare(leaf(c)) not in ("总计", "合计", "小计")
                     and len(core := _COLUMN_CORE.sub("", bare(leaf(c)))) >= 2 and core in subject), None)
        if whole is None or part is None:
            continue
        at = subject.find(bare(r.label)) if bare(r.label) != bare(r.unit_name) else -1
        col_at, of = subject.find(_COLUMN_CORE.sub("", bare(leaf(part)))), subject.find("占")
        if at >= 0 and (0 <= col_at < at or at < of < col_at):
            if any(x is not r and x.table_idx == r.table_idx and x.unit_name == r.unit_name and len(bare(x.label)) >= 3
                   and bare(x.label) != bare(x.unit_name) and bare(x.label) in subject.replace(bare(r.label), "")
                   for x in cat.doc_rows(doc.doc_id)):
                continue  # (another row of the unit named as the whole, "X占Y（基本支出）": not the unit's own column)
            # "某处基本支出中X的比重", "X在基本支出里占几成": the column is the whole, the row the part: the row's cell
            # over the same column on the unit's own head row
            head = next((x for x in cat.doc_rows(doc.doc_id) if x.table_idx == r.table_idx and x.unit_name == r.unit_name
                         and bare(x.label) == bare(x.unit_name) and parse_amount(x.values.get(part, ""))), None)
            if head is None or r.unit_name is None:
                continue
            if (parse_amount(r.values[part]) or 0) > (parse_amount(head.values[part]) or 0):
                continue
            if _state_share(d, doc, f"{row_phrase(r, part, r.values[part])}{d.cite(r)}，{row_phrase(head, part, head.values[part])}"
                            f"{d.cite(head)}", r.values[part], head.values[part]):
                return True
            continue
        if _state_share(d, doc, f"{row_phrase(r, part, r.values[part])}{d.cite(r)}，{leaf(whole)}为{r.values[whole]}{r.unit or ''}",
                        r.values[part], r.values[whole]):
            return True
    return False


def _state_share(d: Draft, doc: DocInfo, sides: str, num_printed: str, den_printed: str) -> bool:
    """"<sides>；占比 = num ÷ den × 100% = P%。" added to the draft; False when the two amounts make no share."""
    num, den = parse_amount(num_printed), parse_amount(den_printed)
    if num is None or not den:
        return False
    share = quantize2(num / den * 100)
    d.computed.extend([share, Decimal(100)])
    d.add(f"{describe(doc)}{sides}；占比 = {num_printed} ÷ {den_printed} × 100% = {share}%。")
    return True


def in_wan(d: Draft, f: Figure) -> str:
    """A figure as readers compare it, in 万元: one printed in 元 is converted, with its formula."""
    if f.unit in ("元", "亿元"):
        wan = quantize2(f.wan)
        d.computed.extend([wan, Decimal(10000)])
        return f"{wan}万元（{f.printed}{f.unit} {'÷' if f.unit == '元' else '×'} 10000）"
    return f"{f.printed}{f.unit or '万元'}"


def compare(d: Draft, question: str, docs: list[DocInfo]) -> None:
    """"哪个高": the amounts the other asks gave (the first ask's per document, else each ask's), in
    万元, ordered, with the difference and its formula (and which way it went, for one department's two years)."""
    _compare(d, question)
    _over_years(d, _per_thing(d), question)


def _compare(d: Draft, question: str) -> None:
    figs = _per_thing(d)
    if len(figs) < 2:
        if not (MORE_OR_LESS.search(question) and CHANGE_SIZE.search("".join(d.parts))):
            d.add("可比较的数字不足两个，无法比较。")  # (a change the release states answers "多还是少")
        return
    if (count := COUNT_Q.search(question)) and not MONEY_ASKED.search(question) \
            and not any(f.unit == count.group(1) for f in figs):
        # a count asked ("多几辆"): amounts of money are no answer to compare
        d.add(f"问的是数量（{count.group(1)}），找到的数字不是这一数量，无法比较。")
        return
    low = bool(COMPARE_LOW.search(COMPARE_Q.search(question).group(0))) if COMPARE_Q.search(question) else False
    figs = sorted(figs, key=lambda f: f.wan, reverse=not low)

    first = figs[0]
    # (two bodies, one printing both a 部门 and a 单位 budget: the first against each of the other's)
    rivals = [figs[1], *(f for f in figs[2:] if len({x.doc.department for x in figs}) == 2
                         and f.doc.department == figs[1].doc.department != first.doc.department)]
    counted = len(units := {f.unit for f in figs}) == 1 and units.isdisjoint({"元", "万元", "亿元", ""})
    in_yuan = units == {"元"}
    gaps = []
    for other in rivals:
        hi, lo = (other, first) if low else (first, other)
        if counted:  # counts ("共 20 个部门"): compared as counted
            gap = hi.value - lo.value
            d.computed.append(gap)
            text = f"{hi.printed} − {lo.printed} = {gap}{next(iter(units))}"
        elif in_yuan:  # all in 元: the difference in 元 as well, exact to the fen
            gap = hi.value - lo.value
            d.computed.extend([gap, quantize2(gap / 10000)])
            text = f"{hi.printed} − {lo.printed} = {gap:,}元（即{quantize2(gap / 10000)}万元"
            hw, lw = quantize2(hi.value / 10000), quantize2(lo.value / 10000)
            if hw - lw != quantize2(gap / 10000):  # (the 万元 figures given above, rounded, differ by a fen more or less)
                d.computed.extend([hw, lw, hw - lw])
                text += f"；按上文的万元数计，{hw} − {lw} = {hw - lw}万元"
            text += "）"
        else:
            diff = quantize2(hi.wan - lo.wan)
            d.computed.extend([diff, *(quantize2(f.wan) for f in figs)])
            text = f"{quantize2(hi.wan)} − {quantize2(lo.wan)} = {diff}万元"
        gaps.append(f"与{_name(other, figs)}相差 {text}")
    if counted:
        order = "，".join(f"{_name(f, figs)}{f.printed}{next(iter(units))}{d.cite(f.evidence)}" for f in figs)
    elif in_yuan:
        order = "，".join(f"{_name(f, figs)}{f.printed}元{d.cite(f.evidence)}" for f in figs)
    else:
        order = "，".join(f"{_name(f, figs)}{in_wan(d, f)}{d.cite(f.evidence)}" for f in figs)
    word = ("最少" if low else "最多") if counted else ("最低" if low else "最高")
    if all(f.value == first.value and f.unit == first.unit for f in figs):  # (equal: none is higher)
        d.add(f"比较：{order}；{'、'.join(_name(f, figs) for f in figs)}的数额相同。")
        return
    d.add(f"比较：{order}；{word}的是{_name(first, figs)}，{'；'.join(gaps)}。")


def _over_years(d: Draft, figs: list[Figure], question: str = "") -> None:
    """One department's releases of two years compared: which way it went, said after the difference (in the
    question's own words when it asks "多还是少")."""
    years = {f.doc.year for f in figs}
    # (a year's 决算 against a later year's 预算 too: one year's actual and the next year's plan, which way it went)
    if len(figs) == 2 and len(years) == 2 and None not in years and len({f.doc.department for f in figs}) == 1:
        old, new = sorted(figs, key=lambda f: f.doc.year or 0)
        plain = re.search(r"[多少]了?还是[多少]", question) is not None
        way = ("多" if plain else "增加") if new.wan > old.wan else ("少" if plain else "减少") if new.wan < old.wan else "持平"
        d.parts[-1] = d.parts[-1].rstrip("。") + f"，{new.doc.year}年比{old.doc.year}年{way}。"


def _per_thing(d: Draft) -> list[Figure]:
    """The figures a comparison or a sum reads: the first ask's, one per document; else one per ask."""
    figs = [f for f in d.figures if f.ask == min((x.ask for x in d.figures), default=0)]
    years = next((g for a in sorted({f.ask for f in d.figures})
                  if len(g := [f for f in d.figures if f.ask == a and re.fullmatch(r"20\d\d年", f.what)]) >= 2), [])
    if years and len({f.doc.release for f in figs}) <= 1:
        return years  # (an ask gave two years of one document: those)
    if len({f.doc.release for f in figs}) > 1:  # (a release printed as two files is one thing compared)
        figs = [f for i, f in enumerate(figs) if all(x.doc.release != f.doc.release for x in figs[:i])]
    if len(figs) < 2:
        figs = [next(f for f in d.figures if f.ask == a) for a in sorted({f.ask for f in d.figures})]
    return figs


def _name(f: Figure, figs: list[Figure]) -> str:
    """What a figure is called beside the others: its document when they come from several, else its row
    (or its column, for two columns of one row, a one-row table whose label is its title, or a total)."""
    if len({x.doc.release for x in figs}) > 1:
        return describe(f.doc)
    ev = f.evidence
    label = bare(getattr(ev, "label", ""))
    shared = sum(bare(getattr(x.evidence, "label", "")) == label for x in figs) > 1
    if shared and isinstance(ev, RowEvidence) and ev.table_kind == "performance" \
            and len({getattr(x.evidence, "table", "") for x in figs}) == len(figs):
        return project_name(ev.table)  # one row of each project's form ("资金总额"): the projects
    if isinstance(ev, RowEvidence) and (not label or shared or label == bare(ev.table) or label in TOTAL_NAMES):
        col = next((c for c, v in ev.values.items() if v == f.printed), None)
        if col is not None and leaf(col) not in TOTAL_NAMES:
            return leaf(col)
        if shared and len({getattr(x.evidence, "unit_name", "") for x in figs}) == len(figs) and ev.unit_name:
            return f"{ev.unit_name}的{label}"  # (one row in each unit's block: its unit says which)
        if shared and len({getattr(x.evidence, "table", "") for x in figs}) == len(figs):
            return f"《{ev.table}》中的{label}"  # (one row in each of several tables: its table says which)
    return label or f.what or describe(f.doc)


def add_up(d: Draft, asked: bool = True) -> None:
    """"A和B加起来": the amounts the other asks gave, in 万元, and their sum with its formula. `asked` False: a
    "一共" that may read one thing's own total (a joined name, "X和Y费一共"): no sum of one figure, and nothing said."""
    figs = _per_thing(d)
    if len(figs) < 2:
        if asked:
            d.add("可相加的数字不足两个，无法相加。")
        return
    total = quantize2(sum((f.wan for f in figs), Decimal(0)))
    d.computed.extend([total, *(quantize2(f.wan) for f in figs)])
    parts = " + ".join(str(quantize2(f.wan)) for f in figs)
    d.add(f"合计：{'，'.join(_name(f, figs) + in_wan(d, f) + d.cite(f.evidence) for f in figs)}；{parts} = {total}万元。")


_DIFF = re.compile(r"^(.+?)比(.+?)(?:多|少|高|低|大|小)(?:多少|几|了多少)")


_TEMPORAL = re.compile(r"^(上年|去年|上一?年度?|前一年|以前年度)?的?(执行数|决算数|预算数|预算|决算|实际数?|同期)?数?$")


_DIFF2 = re.compile(r"^(.+?)(?:和|与|跟)(.+?)(?:相差|差)(?:多少|几)")


_SHARE = re.compile(r"^(.+?)占了?(.+?)的?(?:比例|比重|百分比|百分之|多少|几成)")


# part and whole of a ratio, in the ways people ask it: "X在Y中占多大比例", "Y里，X占几成", "X占Y的比例", "X占比"
_RATIO = (
    re.compile(r"^(?P<part>.+?)(?:在|于)(?P<whole>.+?)(?:中|里|当中|之中)(?:所)?占"),
    re.compile(r"^(?P<whole>.+(?<![当之]))(?:中|里|当中|之中)[，,]?(?:的)?(?P<part>[^，,中里]+?)(?:大概|大约|约)?所?(?:占比|占了?(?:多大|几成|多少|百分|的?比例|比重))"),
    _SHARE,
    re.compile(r"^(?P<part>.+?)的?(?:占比|所占比例|比重)"),
)


_SUM_PROJECTS = re.compile(r"(项目|[几\d一二三四五六七八九十]+个项目|各项目).*(预算数|预算).*(加起来|合计|总共|一共|之和|总和)")


class Operand(NamedTuple):
    """One figure of a computation: its evidence, the amount as printed, its value and (for a row) its column."""

    ev: RowEvidence | TextEvidence
    printed: str
    amount: Decimal
    col: str = ""


def _stated(cat: Catalog, sub: Query, doc: DocInfo, term: str, bare_term: str) -> Operand | None:
    """An amount a sentence states right after the term, or first under a heading naming it."""
    if len(term) < 2:
        return None
    for e in passages(cat, sub, doc, k=20):
        flat = re.sub(r"[“”\"‘’\s]", "", e.text)
        m = next((m for t in dict.fromkeys([term, bare_term]) if len(t) >= 2
                  and (m := re.search(re.escape(t) + r"(?:(?!单价|以上|以下|标准)[^0-9。；]){0,8}?(\d[\d,]*(?:\.\d+)?)\s*万元", flat))), None)
        m = m or next((g for t in dict.fromkeys([term, bare_term]) if len(t) >= 2 and (g := glossed(flat, t))), None)
        if m is None and term in re.sub(r"[“”\"‘’\s]", "", last_heading(e)) and not re.search(r"[，；]", flat[:8]):
            m = re.search(r"^[^0-9]{0,12}?(?:20\d\d年)?[^0-9]{0,8}?(\d[\d,]*(?:\.\d+)?)\s*万元", flat)  # under its heading
        if m and (amt := parse_amount(m.group(1))) is not None:
            return Operand(e, m.group(1), amt)
    return None


def _operand(cat: Catalog, doc: DocInfo, text: str, units: list[str] | None = None) -> Operand | None:
    """One figure named by a phrase: a table row/column, else an amount stated in the narrative. `units`: a unit
    the question named before the phrase ("…支队基本支出中，公用经费"): the phrase is the unit's."""

    sub = understand(text, [doc])
    sub.units = sub.units or list(units or [])
    sub.intents = ["figure"]
    sub.subject = re.sub(r"的|是多少|多少|[？?，,。]", "", text)  # keep words like 工会经费 whole
    found = figure_for(cat, sub, doc)
    row = None
    if found is not None and found[2] and (amt := parse_amount(found[2])) is not None:
        row = Operand(found[0], found[2], amt, found[1])
        if not (isinstance(found[0], RowEvidence) and found[0].table_kind in PART_TABLES and not re.search(r"基本|项目", text)):
            return row
    term = re.sub(r"的|是|多少|[？?，,。]", "", text)
    # "财政拨款三公经费" is printed "“三公”经费预算207.46万元": a fund word the sentence leaves out
    bare_term = re.sub("|".join(QUALIFIERS), "", term)
    said = _stated(cat, sub, doc, term, bare_term)
    if row is not None:
        # (a row of a table of one part of spending, 基本 or 项目 only, that part not asked: a sentence stating
        # more of the thing is its whole)
        return said if said is not None and _in_wan(said) > _in_wan(row) else row
    if said is not None:
        return said
    if len(term) >= 2:
        # "工程类采购" printed "政府采购工程预算550.00万元": the clause whose words before its amount share most of the term's
        best: tuple[float, TextEvidence, str] | None = None
        for e in passages(cat, sub, doc, k=20):
            for clause in re.split(r"[，；、：。]", re.sub(r"[“”\"‘’\s]", "", e.text)):
                cm = re.search(r"^(?:20\d\d年度?)?([^0-9]{2,24}?)(\d[\d,]*(?:\.\d+)?)万元$", clause)
                if cm and (ov := overlap(term, cm.group(1))) >= 0.5 and (best is None or ov > best[0]):
                    best = (ov, e, cm.group(2))
        if best is not None and (amt := parse_amount(best[2])) is not None:
            return Operand(best[1], best[2], amt)
    return None


_DOC_KIND_ONLY = re.compile(r"(?:部门|单位)?(?:综合)?(?:预算|决算)(?:里|中)?")


def _same_cell(a: Operand, b: Operand) -> bool:
    """One cell twice (two cells of a row may print the same amount: 财政拨款 is all of 基本支出)."""
    return a.ev is b.ev and (a.col == b.col if a.col and b.col else a.printed == b.printed)


def _phrase(op: Operand, d: Draft) -> str:
    ev, value = op.ev, op.printed
    if isinstance(ev, RowEvidence):
        col = op.col or next((c for c, v in ev.values.items() if v == value), "")
        return f"{row_phrase(ev, col, value)}{d.cite(ev)}"
    head = re.sub(r"^[（(][一二三四五六七八九十\d]+[)）]|^[一二三四五六七八九十\d]+[、.．]", "", last_heading(ev)).rstrip("。")
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
            parts = "，".join(f"{name_value(project_name(r.table), v)}{r.unit or ''}{d.cite(r)}" for r, v in vals)
            d.add(f"{describe(doc)}各项目预算数：{parts}；合计 = {' + '.join(v for _, v in vals)} = {total}{vals[0][0].unit or ''}")
            tr = total_row(cat, doc)
            col = next((c for c in (tr.values if tr else {}) if leaf(c) == "项目支出"), None)
            if tr is not None and col and parse_amount(tr.values[col]) == total:
                d.add(f"，与《{tr.table}》项目支出{tr.values[col]}{tr.unit or ''}一致{d.cite(tr)}")
            d.add("。")
            return True
    if "share" in q.intents and (answer_ratio(cat, text, doc, d, q.units) or _columns_of_one_row(cat, q, doc, d)):
        return True
    for pat, op in ((_DIFF, "diff"), (_DIFF2, "diff")):
        m = pat.search(text)
        if not m:
            continue
        if op == "diff" and _TEMPORAL.match(re.sub(r"(增加|减少|增长|下降|上升|增|减)$", "", m.group(2))):
            return False  # "预算比（2025年）执行数减少了多少": a change over time, told in the narrative
        if any(_DOC_KIND_ONLY.fullmatch(re.sub(r"[的了]|20\d\d年度?", "", t)) for t in (m.group(1), m.group(2))):
            return False  # "…部门预算…比单位预算…": two documents compared, not two items of one
        if len({x.department for x in q.docs}) > 1:
            return False  # two departments' figures: the comparison across documents says how far apart
        a = _operand(cat, doc, m.group(1))
        b = _operand(cat, doc, m.group(2))
        if a is None or b is None or _same_cell(a, b):
            return False
        a, b = _one_row(doc, m.group(1), m.group(2), a, b)
        a, b = _one_sentence(m.group(1), m.group(2), a, b)
        unit = next((e.unit for e in (a[0], b[0]) if isinstance(e, RowEvidence) and e.unit), "万元")
        res = a[2] - b[2]
        d.computed.append(abs(res))
        big, small = (a[1], b[1]) if res >= 0 else (b[1], a[1])  # the larger first: the formula holds as written
        sides = _phrase(a, d) if a.ev is b.ev and isinstance(a.ev, TextEvidence) else f"{_phrase(a, d)}，{_phrase(b, d)}"
        d.add(f"{describe(doc)}{sides}；差额 = {big} − {small} = {abs(res)}{unit}。")
        return True
    return False


_WHOLE_WORDS = re.compile(r"全部|所有|整个|总|整体|全年|本年|合计|总计|总额|预算|的")


def _whole_in_table(cat: Catalog, doc: DocInfo, part: RowEvidence, col: str, whole: str) -> tuple[RowEvidence, str] | None:
    """The whole of a ratio inside the part's own table: a column of the same row named by it ("合计" for
    总支出), a row of the table named by it, or — when the table is about it ("…基本支出表") — the
    table's total row in the same column."""
    if clean(whole) and bare(part.label) in {clean(whole) + t for t in ("", "合计", "总计")}:
        return None  # the part is its own table's whole ("本年收入合计" of a fund's table): the whole asked is elsewhere
    words = _WHOLE_WORDS.sub("", clean(whole))
    about_whole = not words or words in _WHOLE_WORDS.sub("", clean(part.table))
    if about_whole:  # "…基本支出表" 合计 row: 人员经费 over the same row's 合计 (or its group's 小计)
        group = col.rsplit("/", 1)[0] if "/" in col else None
        for c, v in part.values.items():
            if c != col and (leaf(c) in TOTAL_NAMES or leaf(c) == "小计" and group and c.startswith(group + "/")) \
                    and parse_amount(v) is not None:
                return part, c
    for c, v in part.values.items():
        if c != col and parse_amount(v) is not None and (leaf(c) in TOTAL_NAMES and not words or words and words == leaf(c)):
            return part, c
    rows = [r for r in cat.doc_rows(doc.doc_id) if r.table_idx == part.table_idx and r is not part]
    rows.sort(key=lambda r: r.unit_name != part.unit_name)  # (in a table of unit blocks, the part's own unit's rows first)
    # a whole named with the table's own fund word ("财政拨款…收入合计" in the 财政拨款收支表): the row "收入合计" (the words the title holds left out)
    own = {clean(whole)[k:] for k in range(2, len(clean(whole)) - 1) if clean(whole)[:k] in clean(part.table)}
    for r in rows:
        if words and bare(r.label) in {words, words + "合计", clean(whole), *own} and parse_amount(r.values.get(col, "")) is not None:
            return r, col
    if about_whole:
        for r in rows:
            if bare(r.label) in TOTAL_NAMES and parse_amount(r.values.get(col, "")) is not None:
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
    from assistant.understand import mentions

    for a in sorted(aliases(doc.department), key=longest):
        if len(a) >= 3:
            for at in reversed(mentions(text, a)):  # "科学技术支出" is a subject, not 科学技术局
                text = text[:at] + text[at + len(a):]
    text = re.sub(r"20\d\d年度?", "", text)
    place = re.match(r"^[\u4e00-\u9fa5]{2,4}?(?=省|市|区|县)", doc.department)  # "重庆" of 重庆市…
    if place:
        text = re.sub(rf"^{place.group(0)}(省|市|区|县)?", "", text)
    return re.sub(r"^的", "", text)


# (the whole budget in words: "整个部门预算", "全部支出预算", "它的钱", "所有资金")
_WHOLE_BUDGET = re.compile(r"(整个|全部|所有|全|本|该)?(部门|单位|局|委|办)?的?(全部|所有|总|整体|全年)?(?:预算|决算)?(?:支出)?(?:预算|决算)?"
                           r"(总额|总计|合计|总数|钱|资金|经费)?")




def _column_of_row(cat: Catalog, doc: DocInfo, table: str, part_text: str, whole_text: str,
                   units: list[str] | None) -> tuple[Operand, Operand] | None:
    """A part that is only a column name and a whole that names a row: the row's cell in that column over
    the same row's total column, both from one row."""
    part_name = re.sub(r"的|中|里|[，,、 ]", "", _without_owner(part_text, doc))
    col = next((k for k in SPLIT_COLUMNS if part_name in (k, *col_names(k))), None)
    if not whole_text or any(n in whole_text for k in SPLIT_COLUMNS for n in (k, *col_names(k))):
        return None
    found = _operand(cat, doc, table + whole_text, units)
    if found is None or not isinstance(found[0], RowEvidence):
        return None
    row = found[0]
    if col is None:
        # (or a column the whole's own row prints by that name: "某拨款安排的那部分" of a unit's 收入总计)
        named = re.sub(r"安排|部分$", "", part_name)
        for u in units or []:
            named = named.replace(u, "").replace(without_places(u), "")
        col = next((c for c in row.values if len(named) >= 4 and leaf(c) == named and c != found.col), None)
        if col is None or (amt := parse_amount(row.values[col])) is None or not found.amount:
            return None
        return Operand(row, row.values[col], amt, col), found
    if col_for(row, col) is None:
        # the row found prints no such column (the 收入 table's row of a unit): the same row where the column is
        row = next((r for r in cat.doc_rows(doc.doc_id) if bare(r.label) == bare(row.label) and col_for(r, col)
                    and any(leaf(c) in TOTAL_NAMES for c in r.values)), row)
    part_col = col_for(row, col)
    total_col = next((c for c in row.values if leaf(c) in TOTAL_NAMES and c != part_col), None)
    if part_col is None or total_col is None:
        return None
    amounts = parse_amount(row.values[part_col]), parse_amount(row.values[total_col])
    if amounts[0] is None or not amounts[1]:
        return None
    return Operand(row, row.values[part_col], amounts[0], part_col), Operand(row, row.values[total_col], amounts[1], total_col)


def _column_in_table(cat: Catalog, doc: DocInfo, words: str, own: str, units: list[str] | None
                     ) -> Operand | None:
    """A part named as a column (or column group) of a table whose title names the whole: that column on the
    table's total row, or on a named unit's row."""
    for t in cat.tables.get(doc.doc_id, []):
        if t.empty or words not in clean(t.title):
            continue
        rows = [r for r in cat.doc_rows(doc.doc_id) if r.table_idx == t.idx]
        picked = [r for r in rows if units and is_unit_row(r, units)] or [r for r in rows if bare(r.label) in TOTAL_NAMES]
        for r in picked[:1]:
            col = next((c for c in r.values if "/" in c and c.split("/")[-2] == own and leaf(c) in ("合计", "小计")), None) \
                or next((c for c in r.values if leaf(c) == own), None)
            if col is not None and (amt := parse_amount(r.values[col])) is not None:
                return Operand(r, r.values[col], amt, col)
    return None


def _row_in_table(cat: Catalog, doc: DocInfo, part: Operand, whole: Operand) -> Operand | None:
    """The part's row (by its label) in the table of the whole, in the whole's column when it prints one."""
    if not isinstance(part.ev, RowEvidence) or not isinstance(whole.ev, RowEvidence):
        return None
    name = bare(part.ev.label)
    if name in TOTAL_NAMES:
        return None  # a table's 合计 is named by its table, not its label: another table's 合计 is another whole
    if bare(whole.ev.label) == name and part.col and leaf(part.col) not in TOTAL_NAMES:
        # the whole's own row ("某医院" in the 项目支出 table): the part is its column of the same name
        col = next((c for c in whole.ev.values if c != whole.col and leaf(c) == leaf(part.col)), None)
        if col is not None and (amt := parse_amount(whole.ev.values[col])) is not None and amt <= whole.amount:
            return Operand(whole.ev, whole.ev.values[col], amt, col)
    for r in cat.doc_rows(doc.doc_id):
        if r.table_idx != whole.ev.table_idx or r is whole.ev or bare(r.label) != name:
            continue
        col = whole.col if whole.col in r.values else next((c for c, v in r.values.items() if parse_amount(v) is not None), None)
        if col is not None and (amt := parse_amount(r.values.get(col, ""))) is not None and amt <= whole.amount:
            return Operand(r, r.values[col], amt, col)
    return None


_SIDE_WORDS = re.compile(r"^本级|(?:收入|支出)$")


def _labelled_in(cat: Catalog, doc: DocInfo, whole: Operand, name: str) -> Operand | None:
    """The row of the whole's table labelled with the name itself ("一、财政拨款收入"), in the whole's column."""
    name = re.sub(r"的|[，,、\s]", "", re.sub("^" + _DOC_KIND_ONLY.pattern, "", name))  # ("部门预算里X": X)
    core = _SIDE_WORDS.sub("", name)  # ("财政拨款" is the row "本级财政拨款收入")
    for r in cat.doc_rows(doc.doc_id):
        label = re.sub(r"^其中[:：]?", "", bare(r.label)).replace("的", "")  # ("其中：当年财政拨款")
        if r.table_idx == whole.ev.table_idx and r is not whole.ev and (label == name or len(core) >= 4 and _SIDE_WORDS.sub("", label) == core) \
                and (amt := parse_amount(r.values.get(whole.col, ""))) is not None and amt <= whole.amount:
            return Operand(r, r.values[whole.col], amt, whole.col)
    return None


def _totals(*evs: RowEvidence | TextEvidence) -> bool:
    """Every one a table's total row ("支出总计", "总计：")."""
    return all(isinstance(e, RowEvidence) and re.sub(r"[：:]$", "", bare(e.label)) in TOTAL_NAMES for e in evs)


def _one_sentence(text_a: str, text_b: str, a: Operand, b: Operand) -> tuple[Operand, Operand]:
    """One side read from a sentence that states the other side too ("年初预算为 A 万元，支出决算为 B 万元"): both
    from that sentence, not the other from a table of another scope (支出总计)."""
    for said, other, other_text, first in ((a, b, text_b, True), (b, a, text_a, False)):
        if not isinstance(said.ev, TextEvidence) or isinstance(other.ev, TextEvidence):
            continue
        want = set(CJK.findall(re.sub(r"的|是|多少", "", other_text)))
        for m in re.finditer(r"([\u4e00-\u9fa5]{2,12})[为是]?\s*(\d[\d,]*(?:\.\d+)?)\s*万元", said.ev.text):
            if m.group(2) == said.printed or not want or len(want & set(m.group(1))) * 2 < len(want):
                continue
            amt = parse_amount(m.group(2))
            if amt is not None:
                found = Operand(said.ev, m.group(2), amt)
                return (said, found) if first else (found, said)
    return a, b


def _one_row(doc: DocInfo, text_a: str, text_b: str, a: Operand, b: Operand) -> tuple[Operand, Operand]:
    """Two columns asked ("X列比Y列多多少") found in two tables: both from one row that prints both, the
    table that comes first among the standard ones (all funds before one fund's), so the two are of one scope."""
    if not (isinstance(a.ev, RowEvidence) and isinstance(b.ev, RowEvidence)) or a.ev.table_idx == b.ev.table_idx:
        return a, b
    ca, cb = understand(text_a, [doc]).columns, understand(text_b, [doc]).columns
    if len(ca) != 1 or len(cb) != 1:
        return a, b
    for row in sorted((a.ev, b.ev), key=lambda r: KIND_ORDER.index(r.table_kind) if r.table_kind in KIND_ORDER else 99):
        cols = col_for(row, ca[0]), col_for(row, cb[0])
        amounts = [parse_amount(row.values[c]) for c in cols if c]
        if all(cols) and len(amounts) == 2 and None not in amounts:
            return (Operand(row, row.values[cols[0]], amounts[0], cols[0]),  # type: ignore[arg-type]
                    Operand(row, row.values[cols[1]], amounts[1], cols[1]))  # type: ignore[arg-type]
    return a, b


def _columns_of_one_row(cat: Catalog, q: Query, doc: DocInfo, d: Draft) -> bool:
    """"A是B的百分之几", A and B two columns of the row asked: the one named before "的百分之…" is the whole."""
    text = clean(q.text)
    whole_at = re.search(r"的(?:百分之|比例|比重|几成|多少%)", text)
    top = match_rows(cat, q, doc)[:1]
    if whole_at is None or not top:
        return False
    r = top[0]
    # (each column named with or without its trailing 值 / 数: "实际完成" for 实际完成值)
    named = [(text.find(n), c, n) for c in r.values if parse_amount(r.values[c]) is not None
             for n in [re.sub(r"[值数]$", "", leaf(c))] if len(n) >= 3 and n in text]
    if len(named) != 2:
        return False
    (_, part, _), (_, whole, whole_name) = sorted(named)
    if not text[: whole_at.start()].endswith((leaf(whole), whole_name)):
        return False
    return _state_share(d, doc, f"{row_phrase(r, part, r.values[part])}{d.cite(r)}，{leaf(whole)}为{r.values[whole]}",
                        r.values[part], r.values[whole])


def answer_ratio(cat: Catalog, text: str, doc: DocInfo, d: Draft, units: list[str] | None = None) -> bool:
    """"X占Y的比例" and its other wordings: X and, where possible, Y from the same table (公用经费 over the
    基本支出 合计 of the same 基本支出 table, not over 支出总计); the formula is shown."""
    text = re.sub(r"[“”\"]", "", text)
    m = next((m for pat in _RATIO if (m := pat.search(text))), None)
    if m is None:
        return False
    part_text = m.group(1) if m.re is _SHARE else m.group("part")
    table = ""
    if len(re.findall(r"[\u4e00-\u9fa5]", last := re.split(r"[，,]", part_text)[-1])) >= 2:
        # "…基本支出中，X项目占…": the clause before the comma is context (a table it names is kept)
        table = next((m.group(1) for m in TABLE_NAMED.finditer(part_text[: -len(last)])), "")
        part_text = last
    whole_text = m.group(2) if m.re is _SHARE else (m.groupdict().get("whole") or "")
    whole_text = re.split(r"[，,]", whole_text)[-1]  # "…决算中，基本支出里X占": the last clause holds the whole
    whole_text = _without_owner(whole_text, doc)  # "重庆经信委2026年一般公共预算基本支出" -> "一般公共预算基本支出"
    if side := re.fullmatch(r"的?(收入|支出)", whole_text):  # (a side alone, "收入": the release's whole of that side)
        whole_text = f"{side.group(1)}预算" if doc.kind == "预算" else f"本年{side.group(1)}合计"
    for u in units or []:  # a unit named before the whole ("某医院的…"): the unit is where, not what, the whole is
        whole_text = re.sub(rf"^(?:{re.escape(u)}|{re.escape(without_places(u))})的?", "", whole_text)
    # (and the part: the unit, in any of its names, longest first, is passed on as the unit, not read as the part's words)
    if forms := sorted({f for u in units or [] for f in (u, without_places(u)) if len(f) >= 4}, key=longest):
        part_text = re.sub(f"(?:{'|'.join(map(re.escape, forms))})的?", "", part_text) or part_text
    # (the whole a fund alone, "某资金里，X占": X of that fund's own table)
    fund = next((w for w in FUND_TABLES if w in whole_text and w not in part_text), "")
    # (the fund written with what it grants, "一般公共预算当年拨款": the fund alone)
    if fund and not table and not _WHOLE_WORDS.sub("", re.sub(r"(?:当年|本年)?(?:财政)?(?:拨款|资金)(?:安排的?)?(?:支出)?", "",
                                                            clean(whole_text).replace(fund, ""))):
        table = fund
    # (the whole budget named in words, "全年预算支出"; not a bare "总计", which is the part's own table's)
    budget = _WHOLE_BUDGET.fullmatch(whole_text) is not None and re.search(r"预算|决算|支出|部门|单位|钱|资金|经费", whole_text) is not None
    if _WHOLE_BUDGET.fullmatch(whole_text):
        whole_text = ""  # "整个部门预算": the document's total
    whole = None
    # (a unit named and no whole: "某中心的预算里，X的比重" is a share of the unit's own total)
    across = _column_of_row(cat, doc, table, part_text, whole_text or (units[0] if units else ""), units)
    if across is not None:  # a column's share within one 科目 row: the row's own column over the row's total
        part, whole = across
    else:
        own = _without_owner(part_text, doc).strip("，,、 ") or part_text
        part = _operand(cat, doc, table + own, units)
        # a part found outside the table the whole names is read within it (财政拨款 as a share of 基本支出: the
        # 基本支出 table's 财政拨款合计, not the 收入 table's)
        words = _WHOLE_WORDS.sub("", clean(whole_text))
        if part is not None and not table and len(words) >= 2 \
                and not (isinstance(part[0], RowEvidence) and words in clean(part[0].table)):
            part = _column_in_table(cat, doc, words, own, units) or part
    if part is None and across is None and whole_text and (w := _operand(cat, doc, table + whole_text, units)) is not None \
            and isinstance(w.ev, RowEvidence):
        part = _labelled_in(cat, doc, w, own)  # a part no table prints alone: its row in the whole's table ("本级财政拨款收入")
    if part is None:
        return False
    if whole is None and isinstance(part[0], RowEvidence) and not budget:  # (the whole budget named: not the part's table)
        col = part.col or next((c for c, v in part[0].values.items() if v == part[1]), "")
        hit = _whole_in_table(cat, doc, part[0], col, whole_text)
        if hit is not None:
            r, c = hit
            whole = Operand(r, r.values[c], parse_amount(r.values[c]), c)
    if whole is None and isinstance(part[0], RowEvidence) and part[0].table_kind == "performance" \
            and not FORM_AMOUNT.fullmatch(bare(part[0].label)):
        # a part of a project's form ("其中：当年财政拨款"): a share of the form's own whole, in the same column
        # (unless the question names another whole; the form's whole named by its row is that row)
        col = part.col or next((c for c, v in part[0].values.items() if v == part[1]), "")
        tot = next((r for r in cat.doc_rows(doc.doc_id) if r.table_idx == part[0].table_idx and r is not part[0]
                    and FORM_AMOUNT.fullmatch(bare(r.label)) and parse_amount(r.values.get(col, "")) is not None), None)
        if not whole_text and tot is None:
            return False
        if tot is not None and (not whole_text or bare(tot.label) in clean(whole_text)):
            whole = Operand(tot, tot.values[col], parse_amount(tot.values[col]), col)
    if whole is None and not whole_text and isinstance(part[0], RowEvidence) \
            and (part[0].side == "收入" or part[0].table_kind == "income_total"):
        # an income row's share of the whole budget: its own table's total, in the same column (收入总表 合计, not
        # the 支出总表's)
        col = part.col or next((c for c, v in part[0].values.items() if v == part[1]), "")
        tot = next((r for r in cat.doc_rows(doc.doc_id) if r.table_idx == part[0].table_idx and r is not part[0]
                    and bare(r.label) in TOTAL_NAMES and parse_amount(r.values.get(col, "")) is not None), None)
        if tot is not None:
            whole = Operand(tot, tot.values[col], parse_amount(tot.values[col]), col)
    if whole is None:
        if not whole_text:
            tr = total_row(cat, doc)
            den = next((c for c in (tr.values if tr else {}) if leaf(c) in TOTAL_NAMES), None)
            if tr is None or den is None:
                return False
            whole = Operand(tr, tr.values[den], parse_amount(tr.values[den]), den)
        else:
            whole = _operand(cat, doc, table + whole_text, units)
    if whole is not None and isinstance(part.ev, TextEvidence) and isinstance(whole.ev, RowEvidence) \
            and (named := _labelled_in(cat, doc, whole, _without_owner(part_text, doc))) is not None:
        part = named  # a part a sentence states, printed as a row of the whole's table: that row, on one basis
    if whole is not None and across is None and part.ev is whole.ev and isinstance(whole.ev, RowEvidence) and whole.col \
            and (whole.amount == part.amount or whole.ev.unit_name and bare(whole.ev.label) != bare(whole.ev.unit_name)):
        # the whole read as a column of the part's own row ("公用经费里X占多少"): the part's cell in that column over
        # the column on its table's total row (in a table of unit blocks, the unit's own head row: "某分局基本支出里X")
        unit = whole.ev.unit_name
        tot = next((r for r in cat.doc_rows(doc.doc_id) if r.table_idx == whole.ev.table_idx
                    and (bare(r.label) == bare(unit) if unit else bare(r.label) in TOTAL_NAMES)
                    and parse_amount(r.values.get(whole.col, ""))), None)
        if tot is not None:
            if unit:  # (the unit's row read with its own column: that column's cell is the part)
                part = whole
            whole = Operand(tot, tot.values[whole.col], parse_amount(tot.values[whole.col]), whole.col)
    if whole is None or not whole.amount or _same_cell(part, whole):
        return False
    if _totals(part.ev) and isinstance(whole.ev, RowEvidence) and part.ev.table_idx != whole.ev.table_idx \
            and (named := _labelled_in(cat, doc, whole, _without_owner(part_text, doc))) is not None:
        part = named  # a part read as another table's total ("财政拨款收入": that table's 收入总计): its own row by name
    pw, ww = _in_wan(part), _in_wan(whole)
    if isinstance(part.ev, RowEvidence) and isinstance(whole.ev, RowEvidence) and part.ev.table_idx != whole.ev.table_idx \
            and (inside := _row_in_table(cat, doc, part, whole)) is not None:
        part, pw = inside, _in_wan(inside)  # the part read in another table: the whole's table has its row, on one basis
    if pw > ww:
        return False  # no share: the part is not within that whole
    if pw == ww and part.ev is not whole.ev and _totals(part.ev, whole.ev):
        return False  # one table's total over another's (a share of each thing listed, read once with no part): no share of anything
    res = quantize2(pw / ww * 100)
    d.computed.extend([res, Decimal(100)])
    terms = [(op, f"{op.printed}") for op in (part, whole)]
    if _unit(part) != _unit(whole):  # one printed in 元, the other in 万元: both in 万元, with the conversion
        terms = [(op, f"{quantize2(_in_wan(op))}" + (f"（{op.printed}元 ÷ 10000）" if _unit(op) == "元" else "")) for op in (part, whole)]
        d.computed.extend([quantize2(_in_wan(op)) for op in (part, whole)] + [Decimal(10000)])
    sides = _phrase(part, d) if part.ev is whole.ev and isinstance(part.ev, TextEvidence) \
        else f"{_phrase(part, d)}，{group_total(whole.col, getattr(whole.ev, 'table', ''))}为{whole.printed}{_unit(whole)}" \
        if part.ev is whole.ev and whole.col else f"{_phrase(part, d)}，{_phrase(whole, d)}"  # (one row or sentence: once)
    d.add(f"{describe(doc)}{sides}；占比 = {terms[0][1]} ÷ {terms[1][1]} × 100% = {res}%。")
    return True


def _unit(op: Operand) -> str:
    """The unit an operand is printed in: its table's, or 万元 for an amount read from a sentence."""
    return (op.ev.unit or "万元") if isinstance(op.ev, RowEvidence) else "万元"


def _in_wan(op: Operand) -> Decimal:
    return op.amount / 10000 if _unit(op) == "元" else op.amount


_PLAN = re.compile(r"(?:全年|年初|调整)?预算(?:数|额)?(?:为|是)?\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)")
_ACTUAL = re.compile(r"(?:全年)?(?:执行数|支出决算|决算数|实际支出|实际执行)(?:为|是)?\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)")


def states_execution(e: RowEvidence | TextEvidence) -> bool:
    """A sentence that states both a plan and an actual amount, in one unit."""
    if not isinstance(e, TextEvidence):
        return False
    plan, actual = _PLAN.search(e.text), _ACTUAL.search(e.text)
    return plan is not None and actual is not None and plan.group(2) == actual.group(2)


def form_disagrees(cat: Catalog, doc: DocInfo, d: Draft, since: int) -> None:
    """A project's plan and spending quoted from the narrative (evidence from `since` on), while the project's own
    self-evaluation form prints other figures: the form's money row beside it, both cited, for the reader to weigh."""
    for e in [x for x in d.evidence[since:] if states_execution(x)]:
        text = clean(e.text)
        plan, actual = _PLAN.search(text), _ACTUAL.search(text)
        undated = re.sub(r"20\d\d年度?", "", text)
        # the form of the project the sentence names: most of the form's name, as the name ends ("西安市级" + X)
        forms = {}
        for r in cat.doc_rows(doc.doc_id):
            if r.table_kind == "performance" and r.table_idx not in forms and (proj := project_name(r.table)):
                tail = next((proj[i:] for i in range(len(proj) - 3) if len(proj[i:]) >= 0.6 * len(proj)
                             and (proj[i:] in text or proj[i:] in undated)), "")  # (the form's name drops years)
                if tail:
                    forms[r.table_idx] = len(tail)
        # (a sentence naming the body that carries a form out, "第九医院…": that body's forms only)
        bodies = form_bodies(cat, doc)
        if any(b and b in text for b in bodies.values()):
            forms = {i: n for i, n in forms.items() if (b := bodies.get(i)) and b in text}
        if not forms or list(forms.values()).count(best := max(forms.values())) > 1:
            continue
        idx = next(i for i, n in forms.items() if n == best)
        row = next((r for r in cat.doc_rows(doc.doc_id) if r.table_idx == idx and "全年执行数" in r.values
                    and "全年预算数" in r.values), None)
        if row is None or row.unit != plan.group(2):
            continue
        printed = [parse_amount(row.values["全年预算数"]), parse_amount(row.values["全年执行数"])]
        said = [parse_amount(plan.group(1)), parse_amount(actual.group(1))]
        if None in printed or printed == said:
            continue
        cols = [c for c in ("全年预算数", "全年执行数", "执行率") if c in row.values]
        d.add(f"（该项目的《{row.table}》“{bare(row.label)}”列" + "、".join(f"{c}{row.values[c]}{'' if c == '执行率' else row.unit}" for c in cols)
              + f"{d.cite(row)}，与上述说明的数字不一致，请以原件核对）")
        for c in cols:
            d.record(doc, row.values[c], None if c == "执行率" else row.unit, row, also=True)


class PlanGap(NamedTuple):
    """A plan and its actual amount, as one sentence or one row prints them."""

    ev: RowEvidence | TextEvidence
    plan: str
    actual: str
    unit: str
    what: str = ""  # the row's column group ("合计"), for a row


def plan_gap(d: Draft, question: str) -> PlanGap | None:
    """The first plan and actual amount the answer's evidence prints side by side: a sentence stating both, else a
    row with a 预算 column and its 决算 (执行) twin ("预算数/合计" and "决算数/合计"; the pair of a column the
    question names first)."""
    for e in d.evidence:
        if states_execution(e):
            plan, actual = _PLAN.search(e.text), _ACTUAL.search(e.text)
            return PlanGap(e, plan.group(1), actual.group(1), plan.group(2))
    pairs = [g for e in d.evidence if isinstance(e, RowEvidence) for g in _row_gaps(e)]
    named = [g for g in pairs if g.what and bare(leaf(g.what)) not in TOTAL_NAMES and _core(leaf(g.what)) in clean(question)]
    return (named or pairs or [None])[0]


def _core(name: str) -> str:
    return re.sub(r"[（(].*?[）)]|费$|经费$|支出$", "", bare(name)) or bare(name)


def _row_gaps(e: RowEvidence) -> list[PlanGap]:
    """A row's 预算 columns, each with its 决算 (执行) twin: the same path, that one part changed."""
    out = []
    for c, v in e.values.items():
        parts = c.split("/")
        at = next((i for i, x in enumerate(parts) if re.fullmatch(r"(?:年初|全年|调整)?预算数?", x)), None)
        if at is None or parse_amount(v) is None:
            continue
        twin = next((t for t in e.values if t.split("/")[:at] == parts[:at] and t.split("/")[at + 1:] == parts[at + 1:]
                     and re.fullmatch(r"(?:全年)?(?:决算|执行)数?|实际(?:支出|执行)数?", t.split("/")[at])), None)
        if twin is not None and parse_amount(e.values[twin]) is not None:
            out.append(PlanGap(e, v, e.values[twin], e.unit or "万元", "/".join(parts[:at] + parts[at + 1:])))
    return out


def add_plan_gap(d: Draft, gap: PlanGap) -> None:
    """"实际比预算少了多少": plan − actual (or the reverse, the larger first), with its formula."""
    p, a = parse_amount(gap.plan), parse_amount(gap.actual)
    res = p - a
    if isinstance(gap.ev, TextEvidence) and re.search(rf"(?<![\d.]){re.escape(str(abs(res)))}(?![\d])", gap.ev.text.replace(",", "")):
        return  # the sentence prints the gap itself ("决算数较预算数减少5.91万元")
    d.computed.append(abs(res))
    what = f"{leaf(gap.what)}" if gap.what and bare(leaf(gap.what)) not in TOTAL_NAMES else ""
    big, small = (gap.plan, gap.actual) if res >= 0 else (gap.actual, gap.plan)
    d.add(f"{what}{'决算比预算少' if res >= 0 else '决算比预算多'} {big} − {small} = {abs(res)}{gap.unit}{d.cite(gap.ev)}。")


def add_execution_rate(d: Draft) -> None:
    """A rate of execution asked: from a quoted sentence that states both the plan and the actual amount ("预算数为 A 万元，
    执行数为 B 万元"), actual ÷ plan with its formula (the sentence's own rounded rate is kept as printed)."""
    for e in d.evidence:
        if not isinstance(e, TextEvidence) or not states_execution(e):
            continue
        plan, actual = _PLAN.search(e.text), _ACTUAL.search(e.text)
        p, a = parse_amount(plan.group(1)), parse_amount(actual.group(1))
        if not p or a is None:
            continue
        rate = quantize2(a / p * 100)
        d.computed.extend([rate, Decimal(100)])
        d.add(f"执行率 = {actual.group(1)} ÷ {plan.group(1)} × 100% = {rate}%{d.cite(e)}。")
        return


def answer_row_change(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    """A change on the year before asked ("较上年是升是降"), no sentence telling it: a row of the subject that prints
    both years ("2020年预算数" beside "2021年预算数"), this year's figure less last year's, with the formula."""
    if not doc.year:
        return False
    for r in match_rows(cat, q, doc)[:3]:
        cols = [c for c, v in r.values.items() if parse_amount(v) is not None]
        before = year_columns(cols, doc.year - 1, doc.year)
        now = [c for c in year_columns(cols, doc.year, doc.year) if c not in before]
        if not before or not now or len(now) == len(cols):
            continue
        b, n = r.values[before[0]], r.values[now[0]]
        vb, vn = parse_amount(b), parse_amount(n)
        if vb is None or vn is None:
            continue
        diff = vn - vb
        word = "增加" if diff > 0 else "减少" if diff < 0 else "持平"
        d.computed.append(abs(diff))
        unit = r.unit or ""
        # (a column path written once: "2025年执行数/执行数" is "2025年执行数")
        parts = before[0].split("/")
        said = "".join(p for i, p in enumerate(parts) if not (i and parts[i - 1].endswith(p)))
        text = f"{prefix}{describe(doc)}{row_phrase(r, now[0], n)}，{said}为{b}{unit}{d.cite(r)}；" \
            f"{n} − {b} = {diff}{unit}，比上年{word}" + (f"{abs(diff)}{unit}" if diff else "")
        if RATE_Q.search(q.text) and vb:
            rate = quantize2(diff / vb * 100)
            d.computed.extend([abs(rate), Decimal(100)])
            text += f"（{abs(diff)} ÷ {b} × 100% = {abs(rate)}%）"
        d.add(text + "。")  # (no figure recorded: a change is not the subject's amount, to compare or rank)
        return True
    return False


# "较上年减少N万元", "比某年多…": a change of the year before, with its size
_CHANGE_ON = re.compile(r"(?:较|比|同比|与)(?P<year>20\d\d\s*年度?|上一?年度?|去年)[^，。；\d]{0,16}?[，,]?"
                        r"(?P<dir>增加|减少|增长|下降|上升|多|少)了?\s*(?P<size>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万元|元|亿元)")


class _Stated(NamedTuple):
    """This year's figure and its change on a year before, as a release states them."""

    value: str  # this year's, as printed
    unit: str
    size: str  # the change, as printed
    up: bool
    said: list[RowEvidence | TextEvidence]  # where they are printed, in order
    rate: bool  # the change sentence prints a percentage too


def _values(money: str, text: str) -> list[re.Match[str]]:
    """The amounts of a text that are figures, not the sizes of changes ("减少20,766.6万元")."""
    return [a for a in re.finditer(money, text)
            if not re.search(r"(?:增加|减少|增长|下降|上升|增|减|多|少)了?\s*$", text[: a.start()])]


def _stated_change(cat: Catalog, q: Query, doc: DocInfo, year: int) -> _Stated | None:
    """The subject's figure this year and its change on `year` as the text states it ("X预算A万元…较上年减少
    N万元"), this year's figure from the sentence, the one before it, or the table."""
    now = replace(q, want_year=None)
    # (the thing whose change is asked, without the asking: "机关运行经费增长几", "X照数算降几" -> the X)
    subj = re.sub(r"(?:按|照|以)[^，,。]{0,8}?(?:算|计算)|(?:比|较|与|和|跟|同)(?:(?:上一?年|去年|20\d\d年)度?(?:预算|执行|决算)?数?|(?:预算|执行|决算)数)(?:相比|比较|对比)?",
                  "", subject_text(now))
    # (the thing is written before the change words; reader filler after them is dropped)
    subj = re.split(r"了|增长率?|下降|减少|增加|上升|[增涨降]幅|[涨降]|几|多少|百分之|百分比", subj)[0]
    # (the whole budget asked, "部门预算增长了几": any change sentence, the largest figure's)
    whole = bool(_WHOLE_BUDGET.fullmatch(subj))
    money = r"(\d[\d,]*(?:\.\d+)?)(万元|元|亿元)"
    best: tuple[tuple[float, Decimal, float], TextEvidence, re.Match[str]] | None = None
    for e in passages(cat, now, doc, query=f"{subj}较{year}年增加减少", k=20):
        last = 0  # (where the change before this one ended: its clause is what this change is on)
        for m in _CHANGE_ON.finditer(clean(e.text)):
            first, own_clause, last = last == 0, clean(e.text)[last: m.start()], m.end()
            said_year = m.group("year")
            if said_year[:4].isdigit() and int(said_year[:4]) != year or not said_year[:4].isdigit() and year != (doc.year or 0) - 1:
                continue
            before = clean(e.text)[: m.start()]
            own = _values(money, before)
            if not own and e.para_idx % 1000 and (prev := cat.sentence_at(doc.doc_id, e.para_idx - 1)):
                before = clean(prev.text) + before  # ("X预算A万元…。" then "X比上年减少N万元": the two sentences)
                own_clause = clean(prev.text) + own_clause if first else own_clause
            # (the figure the change is on: the sentence's last amount before it, else the sentence before's first)
            on = own[-1] if own else re.search(money, before)
            amount = parse_amount(on.group(1)) if on and on.group(2) == m.group("unit") else None
            own_clause += m.group(0)  # (with the change's own words: its year and its base)
            fit = (1.0, amount, overlap(subj, own_clause)) if whole and amount else (overlap(subj, own_clause), Decimal(0), 0.0)
            if fit[0] >= 0.6 and (best is None or fit > best[0]):
                best = (fit, e, m)
    if best is None:
        return None
    _, sent, m = best
    amounts = _values(money, clean(sent.text)[: m.start()])
    prev = cat.sentence_at(doc.doc_id, sent.para_idx - 1) if sent.para_idx % 1000 else None
    said: list[RowEvidence | TextEvidence] = [sent]
    if amounts:
        value, unit = amounts[-1].group(1), amounts[-1].group(2)
    elif prev is not None and (whole or overlap(subj, clean(prev.text)) >= 0.6) and (first := re.search(money, clean(prev.text))):
        # ("X预算数为8.00万元，其中…。" then "X较上年减少N万元": the sentence before gives this year's)
        value, unit, said = first.group(1), first.group(2), [prev, sent]
    elif (found := figure_for(cat, now, doc)) is not None and found[2]:
        value, unit, said = found[2], found[0].unit or "万元", [found[0], sent]
    else:
        return None
    if parse_amount(value) is None or parse_amount(m.group("size")) is None or m.group("unit") != unit:
        return None
    rest = clean(sent.text)[m.end():]
    return _Stated(value, unit, m.group("size"), m.group("dir") in ("增加", "增长", "上升", "多"), said,
                   bool(re.match(r"[^。；]{0,12}?\d[\d.]*\s*[%％]", rest)))


def _quote(d: Draft, said: list[RowEvidence | TextEvidence]) -> str:
    if all(d.cited(e) for e in said):  # (quoted by an ask before)
        return "见上文" + "".join(d.cite(e) for e in said)
    return "，".join(f"《{e.table}》中“{bare(e.label)}”{d.cite(e)}" if isinstance(e, RowEvidence)
                    else f"“{e.text.rstrip('。；')}”{d.cite(e)}" for e in said)


def answer_year_before(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    """The year before the document's, asked of a figure no table prints for that year: this year's figure and its
    change as the text states it, the year before computed with the formula shown ("2025年 = 8.00 + 1.75")."""
    if not (q.want_year and doc.year and q.want_year == doc.year - 1) or RATE_Q.search(q.text):
        return False  # (a rate of the change asked: answer_change_rate says it, with the year before's figure)
    if figure_for(cat, q, doc) is not None or "sanggong" in q.asked and any(
            r.table_kind == "sanggong" and pick_value(r, [], "", q.want_year) for r in cat.doc_rows(doc.doc_id)):
        return False  # a row prints that year's figure (a 三公 table, its year-before columns)
    st = _stated_change(cat, q, doc, q.want_year)
    if st is None:
        return False
    cur, size = parse_amount(st.value), parse_amount(st.size)
    before = cur - size if st.up else cur + size  # type: ignore[operator]
    d.computed.extend([before, Decimal(q.want_year)])  # (that year is the text's "上年" of the document's year)
    shown = f"{before:,}" if "," in st.value else str(before)
    d.add(f"{prefix}{describe(doc)}没有直接列出{q.want_year}年的数；{_quote(d, st.said)}。据此{q.want_year}年 = {st.value} "
          f"{'−' if st.up else '+'} {st.size} = {shown}{st.unit}。")
    what = d.what
    for year, printed, ev in ((doc.year, st.value, st.said[0]), (q.want_year, shown, st.said[-1])):
        d.what = f"{year}年"  # (the two years of one document, compared if asked)
        d.record(doc, printed, st.unit, ev, also=True)
    d.what = what
    return True


def answer_change_rate(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    """A rate of change asked ("降了百分之几") that the text does not print: the change over the year before's figure,
    both from the stated figure and change, with the formula shown."""
    if not RATE_Q.search(q.text) or not doc.year:
        return False
    st = _stated_change(cat, q, doc, doc.year - 1)
    if st is None or st.rate:
        return False  # (a rate printed beside the change: the sentence answers)
    cur, size = parse_amount(st.value), parse_amount(st.size)
    before = cur - size if st.up else cur + size  # type: ignore[operator]
    if not before:
        return False
    rate = quantize2(size / before * 100)  # type: ignore[operator]
    d.computed.extend([before, rate, Decimal(100)])
    shown = f"{before:,}" if "," in st.value else str(before)
    d.add(f"{prefix}{describe(doc)}{_quote(d, st.said)}。上年 = {st.value} {'−' if st.up else '+'} {st.size} = {shown}{st.unit}；"
          f"{'增幅' if st.up else '降幅'} = {st.size} ÷ {shown} × 100% = {rate}%。")
    return True
