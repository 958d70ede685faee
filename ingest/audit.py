"""Publication check (审校): a stored document audited for its own consistency.

Every rule works on the data model (ingest/model.py) from the structure of the standard tables;
nothing here knows a particular department. A finding names the rule, its severity, the figure as
printed, what the other printed figures make it, the difference and the rows or sentences it
rests on (citations in the shape `budgetqa ask --json` prints).

Severities:
- ``error``: printed figures disagree by more than their printed precision can explain;
- ``rounding``: they disagree, but by no more than the rounding of the printed figures allows
  (each figure printed to d decimals is off by at most 0.5 × 10^-d, so a comparison of n figures
  may be off by their sum);
- ``warning``: completeness (template sentences left empty, a table printed twice) and checks
  that rest on reading a sentence rather than a table.

Amounts are Decimals; 元 and 万元 are converted to 万元 before comparing, never reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations
from typing import Any, Literal

from pydantic import BaseModel, Field, PrivateAttr

from ingest.model import Citation, Document, Paragraph, Row, Table, as_citations, parse_amount

Severity = Literal["error", "warning", "rounding"]
SEVERITY_NAMES = {"error": "错误", "warning": "提示", "rounding": "尾差"}
SEVERITY_ORDER = {"error": 0, "rounding": 1, "warning": 2}

# rule id -> Chinese name (for tables and reports)
RULES: dict[str, str] = {
    "balance": "收支平衡",
    "side_total": "收支总表合计",
    "cross_total": "表间总数",
    "same_code": "同一科目各表一致",
    "row_sum": "行内合计",
    "sub_over_total": "分项大于小计",
    "hierarchy": "科目层级合计",
    "sanggong": "三公经费合计",
    "narrative": "说明与表格",
    "narrative_parts": "说明中的分项",
    "change": "增减变化",
    "percent": "百分比",
    "template": "模板未填",
    "duplicate_table": "表格重复",
    "performance": "绩效目标表与预算",
}

WAN = Decimal(10000)
_ZERO = Decimal(0)


class Finding(BaseModel):
    rule: str
    severity: Severity
    message: str
    value: str | None = None
    expected: str | None = None
    difference: str | None = None
    citations: list[Citation] = Field(default_factory=list)
    _figures: tuple = PrivateAttr(default=())  # the printed figures compared, for merging repeats

    @property
    def rule_name(self) -> str:
        return RULES.get(self.rule, self.rule)


class Report(BaseModel):
    doc: str
    findings: list[Finding] = Field(default_factory=list)
    checked: dict[str, int] = Field(default_factory=dict)  # comparisons made per rule (also those that agreed)

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "rounding": 0, "warning": 0}
        for f in self.findings:
            out[f.severity] += 1
        return out


# ---------------------------------------------------------------- amounts


@dataclass(frozen=True)
class Amount:
    """A printed figure: its value in 万元 and the half-unit of its last printed place (in 万元)."""

    wan: Decimal
    half: Decimal
    printed: str
    unit: str

    @staticmethod
    def of(printed: str, unit: str | None) -> Amount | None:
        v = parse_amount(printed)
        if v is None:
            return None
        t = printed.strip().replace(",", "")
        places = len(t.split(".")[1].rstrip(")")) if "." in t else 0
        half = Decimal(5).scaleb(-places - 1)
        u = unit or "万元"
        return Amount(to_wan(v, u), to_wan(half, u), printed.strip(), u)


def to_wan(v: Decimal, unit: str | None) -> Decimal:
    if unit == "元":
        return v / WAN
    if unit == "千元":
        return v / 10
    if unit == "亿元":
        return v * WAN
    return v


def fmt(v: Decimal) -> str:
    """A Decimal as a plain string without exponent, trailing zeros kept to 2+ places."""
    q = v.quantize(Decimal("0.01")) if v == v.quantize(Decimal("0.01")) else v.normalize()
    s = format(q, "f")
    return s


def in_unit(v: Decimal, unit: str) -> str:
    """A 万元 value back in the printed unit (for messages)."""
    if unit == "元":
        return fmt(v * WAN) + "元"
    return fmt(v) + "万元"


def _sum(xs: Iterable[Amount]) -> Decimal:
    return sum((x.wan for x in xs), _ZERO)


def _tolerance(xs: Iterable[Amount]) -> Decimal:
    return sum((x.half for x in xs), _ZERO)


def _tol_reason(xs: list[Amount], tol: Decimal, unit: str) -> str:
    places = sorted({len(x.printed.replace(",", "").split(".")[1]) if "." in x.printed else 0 for x in xs})
    p = "、".join(str(d) for d in places)
    return (f"{len(xs)} 个数各按 {p} 位小数印出，每个最多有半个末位的舍入误差，合计最多相差 "
            f"{in_unit(tol, unit)}")


def _severity(diff: Decimal, xs: list[Amount]) -> Severity | None:
    """None when equal; rounding when within the printed precision; error otherwise."""
    d = abs(diff)
    if d == 0:
        return None
    return "rounding" if d <= _tolerance(xs) else "error"


# ---------------------------------------------------------------- labels and columns

_WS = re.compile(r"\s+")
_ORD = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d))")
TOTAL_LEAF = {"合计", "总计", "小计", "合计数", "本年支出合计", "本年收入合计"}


def _is_total_leaf(name: str) -> bool:
    """A column that is its group's total: 合计 / 小计 / 总计, or "项目支出总数" under 项目支出."""
    return name in TOTAL_LEAF or bool(re.search(r"(总数|总额|合计|小计)$", name)) and not _SUBPART.match(name)
# value columns that are not a part of their group's total
_NOT_PART = re.compile(
    r"^其中|^含|扣除|不含|剔除|占|%|率|比上年|比去年|增减|增长|减少|增加|上年(预算|执行|决算|数|同期|实际)|去年|变动|执行数|预计|调整|"
    r"年初(预算|数)|以前年度|序号|行次|栏次|编码|代码|名称|^项目$|^科目$|^单位$|数量|单价|计量|目录|人数|指标|说明|"
    r"备注|年度|年份|金额单位|\d{4}年"
)
# groups whose 合计 is not a sum (rates, shares, prices, counts)
_NOT_GROUP = re.compile(r"%|率|占|比重|单价|数量|人数|编码|名称")
_SUBPART = re.compile(r"^(其中|含)[：:]?")


def norm(label: str) -> str:
    t = _WS.sub("", label or "")
    t = t.replace("（", "(").replace("）", ")").replace("：", ":")
    return _ORD.sub("", t).strip(":")


def leaf(col: str) -> str:
    return col.split("/")[-1]


def amount(row: Row, col: str, table: Table) -> Amount | None:
    v = row.values.get(col)
    return Amount.of(v, table.unit) if v else None


def garbled(row: Row, col: str) -> bool:
    """A cell holding a number run together with text ("出 1090.22"): unreadable, so no claim rests on it."""
    v = row.values.get(col) or ""
    return bool(v) and parse_amount(v) is None and bool(re.search(r"\d", v))


def _is_total_label(label: str) -> bool:
    n = norm(label)
    return n in {"合计", "总计", "本年支出合计", "本年收入合计", "支出合计", "收入合计", "合计数"} or bool(
        re.fullmatch(r"(部门|单位)?(支出|收入)?(总计|合计)", n)
    )


# ---------------------------------------------------------------- citations


def row_citation(doc: Document, table: Table, row: Row, columns: Iterable[str] = ()) -> dict[str, Any]:
    return {
        "kind": "row",
        "doc": doc.doc_id,
        "department": doc.department,
        "year": doc.year,
        "table": table.title,
        "table_idx": next((i for i, t in enumerate(doc.tables) if t is table), None),
        "row": row.label,
        "code": row.code,
        "page": row.page,
        "values": dict(row.values),
        "unit": table.unit,
        "side": row.side,
        "source": doc.source,
        "bbox": row.bbox.model_dump() if row.bbox else None,
        "columns": [c for c in dict.fromkeys(columns)],
    }


def text_citation(doc: Document, para: Paragraph, sentence: str = "") -> dict[str, Any]:
    return {
        "kind": "text",
        "doc": doc.doc_id,
        "department": doc.department,
        "year": doc.year,
        "section": " > ".join(para.heading_path),
        "page": para.page,
        "text": sentence or para.text,
        "source": doc.source,
        "bbox": para.bbox.model_dump() if para.bbox else None,
    }


def _numbered(cits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: dict[tuple, dict[str, Any]] = {}
    for c in cits:
        key = (c["kind"], c.get("table"), c.get("row"), c.get("code"), c.get("page"), c.get("text"))
        if key in seen:  # the same row cited for another column: one citation naming both columns
            prev = seen[key]
            if "columns" in prev:
                prev["columns"] = list(dict.fromkeys([*prev["columns"], *c.get("columns", [])]))
            continue
        item = {"n": len(out) + 1, **c}
        seen[key] = item
        out.append(item)
    return out


# ---------------------------------------------------------------- context


@dataclass
class Ctx:
    doc: Document
    findings: list[Finding] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)

    def count(self, rule: str) -> None:
        self.checked[rule] = self.checked.get(rule, 0) + 1

    def add(
        self,
        rule: str,
        severity: Severity,
        message: str,
        value: Decimal | str | None,
        expected: Decimal | str | None,
        citations: list[dict[str, Any]],
        difference: Decimal | None = None,
        figures: Iterable[Amount] = (),
    ) -> None:
        if difference is None and isinstance(value, Decimal) and isinstance(expected, Decimal):
            difference = value - expected
        f = Finding(
            rule=rule,
            severity=severity,
            message=message,
            value=fmt(value) if isinstance(value, Decimal) else value,
            expected=fmt(expected) if isinstance(expected, Decimal) else expected,
            difference=fmt(difference) if difference is not None else None,
            citations=_numbered(citations),
        )
        figs = list(figures)
        if figs:
            f._figures = (figs[0].wan, tuple(sorted(x.wan for x in figs[1:])))
        self.findings.append(f)

    def tables(self, *kinds: str) -> list[Table]:
        return [t for t in self.doc.tables if t.kind in kinds and t.rows]


def _compare_sum(
    ctx: Ctx,
    rule: str,
    what: str,
    total: Amount,
    parts: list[tuple[str, Amount]],
    citations: list[dict[str, Any]],
) -> None:
    """A printed total against the sum of printed parts."""
    ctx.count(rule)
    xs = [total] + [a for _, a in parts]
    s = _sum(a for _, a in parts)
    sev = _severity(total.wan - s, xs)
    if sev is None:
        return
    unit = total.unit
    expr = " + ".join(f"{n} {a.printed}" for n, a in parts)
    if len(expr) > 160:
        expr = f"{len(parts)} 项之和"
    msg = f"{what}：印为 {total.printed}，而 {expr} = {in_unit(s, unit)}，相差 {in_unit(abs(total.wan - s), unit)}"
    if sev == "rounding":
        msg += f"；在尾差范围内（{_tol_reason(xs, _tolerance(xs), unit)}）"
    ctx.add(rule, sev, msg, _as_printed(total.wan, unit), _as_printed(s, unit), citations,
            difference=_as_printed(total.wan - s, unit), figures=xs)


def _as_printed(v: Decimal, unit: str) -> Decimal:
    return v * WAN if unit == "元" else v


def _compare_same(
    ctx: Ctx,
    rule: str,
    what: str,
    a: Amount,
    b: Amount,
    a_name: str,
    b_name: str,
    citations: list[dict[str, Any]],
) -> None:
    """The same quantity printed twice."""
    ctx.count(rule)
    sev = _severity(a.wan - b.wan, [a, b])
    if sev is None:
        return
    unit = a.unit
    msg = (f"{what}：{a_name} {a.printed}{'' if a.unit == b.unit else a.unit}，{b_name} {b.printed}"
           f"{'' if a.unit == b.unit else b.unit}，相差 {in_unit(abs(a.wan - b.wan), unit)}")
    if sev == "rounding":
        msg += f"；在尾差范围内（{_tol_reason([a, b], _tolerance([a, b]), unit)}）"
    ctx.add(rule, sev, msg, _as_printed(a.wan, unit), _as_printed(b.wan, unit), citations,
            difference=_as_printed(a.wan - b.wan, unit))


# ---------------------------------------------------------------- 收支总表


def _side_amount(row: Row, table: Table) -> tuple[str, Amount] | None:
    """The row's main figure: 预算数 / 合计 / 金额 / 决算数 column, else its first amount."""
    cols = [c for c in row.values if amount(row, c, table) is not None]
    if not cols:
        return None
    for pref in ("预算数", "合计", "金额", "决算数", "本年预算数", "小计"):
        for c in cols:
            if leaf(c) == pref or leaf(c).startswith(pref):
                a = amount(row, c, table)
                assert a is not None
                return c, a
    # two-year tables: the current year's figure
    for c in cols:
        if re.search(r"本年|\d{4}年(预算|决算)", c) and not re.search(r"上年|增减|比", c):
            a = amount(row, c, table)
            assert a is not None
            return c, a
    a = amount(row, cols[0], table)
    assert a is not None
    return cols[0], a


def _find_rows(table: Table, names: Iterable[str], side: str = "") -> list[Row]:
    wanted = set(names)
    return [r for r in table.rows if norm(r.label) in wanted and (not side or r.side == side)]


_INCOME_TOTAL = ("收入总计", "总计", "收入合计")
_EXPENSE_TOTAL = ("支出总计", "总计", "支出合计")
_INCOME_YEAR = ("本年收入合计", "收入本年合计", "本年收入小计", "本年收入")
_EXPENSE_YEAR = ("本年支出合计", "支出本年合计", "本年支出小计", "本年支出")


def _side_rows(table: Table, side: str) -> list[Row]:
    return [r for r in table.rows if r.side == side]


def check_income_expense_total(ctx: Ctx) -> None:
    for t in ctx.tables("income_expense_total", "fiscal_income_expense_total"):
        if not any(r.side for r in t.rows):
            continue
        inc = _find_rows(t, _INCOME_TOTAL, "收入")
        exp = _find_rows(t, _EXPENSE_TOTAL, "支出")
        if inc and exp:
            ia, ea = _side_amount(inc[-1], t), _side_amount(exp[-1], t)
            if ia and ea:
                _compare_same(
                    ctx, "balance", f"《{t.title}》收入总计与支出总计不等", ia[1], ea[1], "收入总计", "支出总计",
                    [row_citation(ctx.doc, t, inc[-1], [ia[0]]), row_citation(ctx.doc, t, exp[-1], [ea[0]])],
                )
        for side, year_names in (("收入", _INCOME_YEAR), ("支出", _EXPENSE_YEAR)):
            _check_side_sum(ctx, t, side, year_names)


_TOP_ORD = re.compile(r"^([一二三四五六七八九十]+)[、.．]")
_CN_NUM = {c: i + 1 for i, c in enumerate("一二三四五六七八九十")}


def _cn(s: str) -> int:
    """一 .. 九十九."""
    if len(s) == 1:
        return _CN_NUM.get(s, 0)
    if s.startswith("十"):
        return 10 + _CN_NUM.get(s[1:], 0)
    if s.endswith("十"):
        return _CN_NUM.get(s[0], 0) * 10
    if len(s) == 3 and s[1] == "十":
        return _CN_NUM.get(s[0], 0) * 10 + _CN_NUM.get(s[2], 0)
    return 0


def _check_side_sum(ctx: Ctx, t: Table, side: str, year_names: tuple[str, ...]) -> None:
    """本年收入合计 = Σ 一、二、… rows above it on the same side (numbered consecutively from 一)."""
    rows = _side_rows(t, side)
    idx = next((i for i, r in enumerate(rows) if norm(r.label) in year_names), None)
    if idx is None:
        return
    items: list[Row] = []
    expect = 1
    for r in rows[:idx]:
        m = _TOP_ORD.match(_WS.sub("", r.label))
        if not m:
            continue
        n = _cn(m.group(1))
        if n != expect:
            return  # a second numbering (按功能 / 按经济分类) or an unexpected layout: no check
        expect += 1
        items.append(r)
    if len(items) < 2:
        return
    total_row = rows[idx]
    ta = _side_amount(total_row, t)
    if ta is None:
        return
    col = ta[0]
    parts: list[tuple[str, Amount]] = []
    cits = [row_citation(ctx.doc, t, total_row, [col])]
    for r in items:
        a = amount(r, col, t)
        if a is None:
            # the row's figure in another column: this layout is not a simple column; skip it
            if any(amount(r, c, t) for c in r.values):
                return
            continue
        parts.append((norm(r.label), a))
        cits.append(row_citation(ctx.doc, t, r, [col]))
    if not parts:
        return
    _compare_sum(ctx, "side_total", f"《{t.title}》{norm(total_row.label)}与{side}各项之和不等", ta[1], parts, cits)


# ---------------------------------------------------------------- across tables


def _total_row(t: Table) -> Row | None:
    """The table's 合计 row (first row labelled 合计/总计 without a code)."""
    for r in t.rows:
        if not r.code and _is_total_label(r.label) and not r.unit_name:
            return r
    for r in t.rows:
        if not r.code and _is_total_label(r.label):
            return r
    return None


def _total_col(t: Table, row: Row) -> tuple[str, Amount] | None:
    for c in t.columns:
        if "/" not in c and leaf(c) in TOTAL_LEAF:
            a = amount(row, c, t)
            if a is not None:
                return c, a
    for c in t.columns:
        if leaf(c) in TOTAL_LEAF and not _NOT_PART.search(c.split("/")[0]):
            a = amount(row, c, t)
            if a is not None:
                return c, a
    return None


def check_cross_totals(ctx: Ctx) -> None:
    """收支总表 = 收入总表 合计 = 支出总表 合计."""
    ie = ctx.tables("income_expense_total")
    if not ie:
        return
    t0 = ie[0]
    refs: dict[str, list[tuple[Row, str, Amount]]] = {"收入": [], "支出": []}
    for side, names in (("收入", _INCOME_TOTAL + _INCOME_YEAR), ("支出", _EXPENSE_TOTAL + _EXPENSE_YEAR)):
        for r in _find_rows(t0, names, side):
            sa = _side_amount(r, t0)
            if sa:
                refs[side].append((r, sa[0], sa[1]))
    for kind, side, tname in (("income_total", "收入", "收入总表"), ("expense_total", "支出", "支出总表")):
        if not refs[side]:
            continue
        for t in ctx.tables(kind)[:1]:
            tr = _total_row(t)
            if tr is None:
                continue
            tc = _total_col(t, tr)
            if tc is None:
                continue
            # matches either the year's total or the grand total of the 收支总表's side
            best = min(refs[side], key=lambda x: abs(x[2].wan - tc[1].wan))
            r, col, a = best
            _compare_same(
                ctx, "cross_total", f"《{t.title}》合计与《{t0.title}》{norm(r.label)}不等",
                tc[1], a, f"{tname}合计", f"收支总表{norm(r.label)}",
                [row_citation(ctx.doc, t, tr, [tc[0]]), row_citation(ctx.doc, t0, r, [col])],
            )


def check_fiscal_totals(ctx: Ctx) -> None:
    """财政拨款收支总表's 一般公共预算 / 政府性基金 / 国有资本经营 columns = those tables' 合计 (a table printed
    empty holds nothing: a non-zero column is an error); the 基本支出 table's 合计 = 基本支出."""
    pairs: list[tuple[Table, Row, str, Amount, str]] = []  # (table, row, col, amount, what) to compare
    gpe = ctx.tables("general_public_expense")[:1]
    gpb = ctx.tables("general_public_basic")[:1]
    gf = ctx.tables("gov_fund")[:1]
    sc = ctx.tables("state_capital")[:1]
    # the fund tables printed without rows (空表): what the 财政拨款收支总表 may not give a non-zero figure for
    blank = {key: [t for t in ctx.doc.tables if t.kind == kind and not t.rows][:1]
             for key, kind in (("gf", "gov_fund"), ("sc", "state_capital"))}
    for t in ctx.tables("fiscal_income_expense_total")[:1]:
        rows = _find_rows(t, _EXPENSE_YEAR, "支出") or _find_rows(t, _EXPENSE_TOTAL, "支出")
        if not rows:
            continue
        r = rows[0]
        for c in r.values:
            a = amount(r, c, t)
            if a is None or not c.startswith("支出"):
                continue
            if "一般公共预算" in c and gpe:
                pairs.append((t, r, c, a, "gpe"))
            elif "政府性基金" in c and (gf or blank["gf"]):
                pairs.append((t, r, c, a, "gf"))
            elif "国有资本经营" in c and (sc or blank["sc"]):
                pairs.append((t, r, c, a, "sc"))
    targets: dict[str, list[Table]] = {"gpe": gpe, "gf": gf, "sc": sc}
    for t, r, c, a, key in pairs:
        if not targets[key] and blank.get(key):
            t2 = blank[key][0]
            ctx.count("cross_total")
            if a.wan != 0:
                empty_row = Row(index=0, label="（空表）", page=t2.pages[0] if t2.pages else r.page, bbox=t2.bbox)
                ctx.add("cross_total", "error",
                        f"《{t.title}》“{leaf(c)}”本年支出合计印为 {a.printed}，而《{t2.title}》是空表（没有支出）",
                        _as_printed(a.wan, a.unit), _ZERO,
                        [row_citation(ctx.doc, t, r, [c]), row_citation(ctx.doc, t2, empty_row)])
            continue
        for t2 in targets[key]:
            tr = _total_row(t2)
            tc = _total_col(t2, tr) if tr is not None else None
            if tr is None or tc is None:
                continue
            _compare_same(ctx, "cross_total", f"《{t.title}》“{leaf(c)}”本年支出合计与《{t2.title}》合计不等",
                          a, tc[1], f"{leaf(c)}", f"《{t2.title}》合计",
                          [row_citation(ctx.doc, t, r, [c]), row_citation(ctx.doc, t2, tr, [tc[0]])])
    for t in gpe:
        tr = _total_row(t)
        basic = [c for c in t.columns if leaf(c) == "基本支出" or leaf(c) == "小计" and "基本支出" in c]
        if tr is None or not basic:
            continue
        a = amount(tr, basic[0], t)
        for t2 in gpb:
            tr2 = _total_row(t2)
            tc = _total_col(t2, tr2) if tr2 is not None else None
            if a is None or tr2 is None or tc is None:
                continue
            _compare_same(ctx, "cross_total", f"《{t2.title}》合计与《{t.title}》基本支出合计不等",
                          tc[1], a, f"《{t2.title}》合计", "一般公共预算支出表基本支出",
                          [row_citation(ctx.doc, t2, tr2, [tc[0]]), row_citation(ctx.doc, t, tr, [basic[0]])])


# scope groups: tables whose figures for one 科目 code must agree column by column
_SCOPES: dict[str, str] = {
    "income_total": "all",
    "expense_total": "all",
    "general_public_expense": "gpb",
    "general_public_basic": "gpb_basic",
    "basic_expense": "basic",
}
_COMPARE_LEAF = {"合计": "合计", "小计": "合计", "合计数": "合计", "基本支出": "基本支出", "项目支出": "项目支出",
                 "人员经费": "人员经费", "公用经费": "公用经费"}


def _code_figures(t: Table, row: Row) -> dict[str, tuple[str, Amount]]:
    """The row's figures under comparable names: 合计 (the row's total), 基本支出, 项目支出, 人员经费, 公用经费.

    A name printed in several columns (当年预算/基本支出 beside 上年结转/基本支出) is not comparable."""
    out: dict[str, tuple[str, Amount]] = {}
    firsts = {c.split("/")[0] for c in t.columns if "/" in c}
    one_group = len(firsts) == 1 and not any("/" not in c and c in TOTAL_LEAF for c in t.columns)
    leaves = [leaf(c) for c in t.columns]
    for c in t.columns:
        segs = c.split("/")
        lf = segs[-1]
        if any(_NOT_PART.search(x) and x not in TOTAL_LEAF for x in segs[:-1]):
            continue
        if lf in ("合计", "总计", "合计数") and (len(segs) == 1 or (len(segs) == 2 and one_group)):
            key = "合计"
        elif lf in ("基本支出", "项目支出", "人员经费", "公用经费") and leaves.count(lf) == 1:
            key = lf
        elif lf in TOTAL_LEAF and len(segs) >= 2 and segs[-2] in ("基本支出", "项目支出") \
                and sum(x.split("/")[-2:-1] == [segs[-2]] for x in t.columns) >= 1 and leaves.count(segs[-2]) == 0:
            key = segs[-2]
        else:
            continue
        a = amount(row, c, t)
        if a is not None and key not in out:
            out[key] = (c, a)
    return out


def check_same_code(ctx: Ctx) -> None:
    """A 科目 code printed in several tables of one scope has the same figures there."""
    seen: dict[tuple[str, str, str, str], tuple[Table, Row, str, Amount]] = {}
    reported: set[tuple] = set()
    for t in ctx.doc.tables:
        scope = _SCOPES.get(t.kind)
        if scope is None or not t.rows:
            continue
        if scope == "all" and t.kind == "income_total" and ctx.doc.kind == "决算":
            continue  # a 决算's income by code is not its expenditure by code
        for r in t.rows:
            if not r.code.isdigit():
                continue
            for key, (col, a) in _code_figures(t, r).items():
                if t.kind == "income_total" and key != "合计":
                    continue
                k = (scope, r.unit_name, r.code, key)
                prev = seen.get(k)
                if prev is None:
                    seen[k] = (t, r, col, a)
                    continue
                pt, pr, pcol, pa = prev
                if pt is t:
                    continue  # the same code twice in one table (blocks by unit): not comparable
                rk = (k, pt.title, t.title)
                if rk in reported:
                    continue
                reported.add(rk)
                _compare_same(
                    ctx, "same_code", f"科目 {r.code} {norm(r.label)} 的{key}在两张表中不同",
                    a, pa, f"《{t.title}》", f"《{pt.title}》",
                    [row_citation(ctx.doc, t, r, [col]), row_citation(ctx.doc, pt, pr, [pcol])],
                )


# ---------------------------------------------------------------- within a row: column groups


@dataclass
class _Node:
    name: str
    path: str = ""
    children: dict[str, _Node] = field(default_factory=dict)


def _column_tree(columns: list[str]) -> _Node:
    root = _Node("")
    for c in columns:
        node = root
        segs = c.split("/")
        for i, s in enumerate(segs):
            node = node.children.setdefault(s, _Node(s, "/".join(segs[: i + 1])))
        node.path = c
    return root


def _node_value(node: _Node, row: Row, t: Table) -> tuple[Amount | None, list[str]]:
    """A column group's printed figure: its own cell, else its 小计/合计 child, else the sum of its parts."""
    if not node.children:
        return amount(row, node.path, t), [node.path]
    for name, ch in node.children.items():
        if _is_total_leaf(name) and not ch.children:
            a = amount(row, ch.path, t)
            if a is not None:
                return a, [ch.path]
    vals: list[Amount] = []
    cols: list[str] = []
    for name, ch in node.children.items():
        if _NOT_PART.search(name):
            continue
        a, cs = _node_value(ch, row, t)
        if a is not None:
            vals.append(a)
            cols += cs
    if not vals:
        return None, []
    s = _sum(vals)
    return Amount(s, _tolerance(vals), fmt(_as_printed(s, vals[0].unit)), vals[0].unit), cols


def _groups(root: _Node) -> Iterator[tuple[_Node, _Node, list[_Node]]]:
    """(group, its total column, its part columns) for every group with a 合计/小计 column."""
    stack = [root]
    while stack:
        node = stack.pop()
        kids = list(node.children.values())
        stack.extend(kids)
        totals = [k for k in kids if _is_total_leaf(k.name) and not k.children]
        if not totals:
            continue
        parts = [k for k in kids if k is not totals[0] and not _is_total_leaf(k.name)
                 and (not _NOT_PART.search(k.name) or _SUBPART.match(k.name))]
        if node is not root and _NOT_GROUP.search(node.name):
            continue
        if parts:
            yield node, totals[0], parts


_SUM_TABLES = {
    "income_total", "expense_total", "general_public_expense", "general_public_basic", "basic_expense", "gov_fund",
    "state_capital", "fiscal_expense", "project_expense", "sanggong", "fiscal_income_expense_total",
}


def _two_breakdowns(total: Decimal, parts: list[Decimal], tol: Decimal) -> bool:
    """Parts printed as two breakdowns side by side (基本/项目 beside 人员/公用/专项): each sums to the total."""
    n = len(parts)
    if n < 4 or n > 12 or abs(sum(parts, _ZERO) - 2 * total) > 2 * tol:
        return False
    idx = range(n)
    for k in range(2, n - 1):
        for comb in combinations(idx, k):
            if abs(sum((parts[i] for i in comb), _ZERO) - total) <= tol:
                return True
    return False


def check_row_sums(ctx: Ctx) -> None:
    """Per row: a group's 合计/小计 = Σ its parts; no part above its 小计."""
    for t in ctx.doc.tables:
        if t.kind not in _SUM_TABLES or not t.rows or not t.columns:
            continue
        root = _column_tree(t.columns)
        # inner groups first: a group whose part is itself wrong in this row is not reported again
        groups = sorted(_groups(root), key=lambda g: -len(g[0].path.split("/")) if g[0].path else 0)
        for r in t.rows:
            if r.kind == "indicator" or any(garbled(r, c) for c in t.columns):
                continue
            wrong: set[int] = set()
            for grp, tot, parts in groups:
                if any(id(p) in wrong for p in parts):
                    wrong.add(id(grp))
                    continue
                if t.kind == "sanggong":
                    # "三公" beside 会议费 / 培训费: only its own three parts (and the car's two) add up to it
                    parts = [p for p in parts if re.search(r"因公出国|公务用车|公务接待|购置|运行", p.name)]
                total = amount(r, tot.path, t)
                if total is None:
                    continue
                vals: list[tuple[str, Amount]] = []
                subs: list[tuple[str, Amount]] = []  # "其中：…" columns
                cols = [tot.path]
                for p in parts:
                    a, cs = _node_value(p, r, t)
                    if a is not None:
                        (subs if _SUBPART.match(p.name) else vals).append((p.name, a))
                        cols += cs
                if subs and vals:
                    # "小计 | 其中：基本支出 | 项目支出": the 其中 column is a part when the parts add up only with it
                    with_subs = vals + [(_SUBPART.sub("", n), a) for n, a in subs]
                    d0 = abs(total.wan - _sum(a for _, a in vals))
                    d1 = abs(total.wan - _sum(a for _, a in with_subs))
                    if d1 < d0:
                        vals = with_subs
                if not vals:
                    continue
                label = f"{r.code} {norm(r.label)}".strip()
                gname = f"“{grp.name}”" if grp.name else ""
                cits = [row_citation(ctx.doc, t, r, cols)]
                over = [(n, a) for n, a in vals if a.wan > total.wan + _tolerance([a, total]) and total.wan >= 0]
                if over:
                    n, a = over[0]
                    ctx.add("sub_over_total", "error",
                            f"《{t.title}》“{label}”行：{gname}分项“{n}” {a.printed} 大于{tot.name} {total.printed}",
                            _as_printed(a.wan, a.unit), _as_printed(total.wan, total.unit), cits)
                    wrong.add(id(grp))
                    continue
                s = _sum(a for _, a in vals)
                tol = _tolerance([total] + [a for _, a in vals])
                if abs(total.wan - s) > tol and _two_breakdowns(total.wan, [a.wan for _, a in vals], tol):
                    continue
                before = len(ctx.findings)
                _compare_sum(ctx, "row_sum", f"《{t.title}》“{label}”行{gname}{tot.name}与各列之和不等", total, vals, cits)
                if len(ctx.findings) > before and ctx.findings[-1].severity == "error":
                    wrong.add(id(grp))


# ---------------------------------------------------------------- hierarchy by code


def _value_columns(t: Table) -> list[str]:
    return [c for c in t.columns if not _NOT_PART.search(leaf(c)) or leaf(c) in TOTAL_LEAF]


def check_hierarchy(ctx: Ctx) -> None:
    """类 = Σ 款 = Σ 项 by code prefix; the table's 合计 = Σ 类."""
    for t in ctx.doc.tables:
        if t.kind not in _SUM_TABLES or t.kind in ("sanggong", "fiscal_income_expense_total") or not t.rows:
            continue
        cols = _value_columns(t)
        blocks: dict[str, list[Row]] = {}
        for r in t.rows:
            blocks.setdefault(r.unit_name, []).append(r)
        for rows in blocks.values():
            _hierarchy_block(ctx, t, rows, cols)


def _hierarchy_block(ctx: Ctx, t: Table, rows: list[Row], cols: list[str]) -> None:
    coded = [r for r in rows if r.code.isdigit() and len(r.code) in (3, 5, 7)]
    if len({r.code for r in coded}) != len(coded):
        return  # a code printed twice in one block (several units without a unit column): no hierarchy
    pairs: list[tuple[Row, list[Row]]] = []
    for r in coded:
        n = len(r.code)
        child_len = n + 2
        kids = [k for k in coded if len(k.code) == child_len and k.code.startswith(r.code)]
        if kids and _clean_span(rows, r):
            pairs.append((r, kids))
    tr = _total_row_in(rows)
    if tr is not None:
        classes = [r for r in coded if len(r.code) == 3]
        lead = {r.code[0] for r in classes}
        if classes and len(lead) == 1:  # one classification (functional 2xx or economic 3xx)
            pairs.append((tr, classes))
    for parent, kids in pairs:
        for c in cols:
            if garbled(parent, c) or any(garbled(k, c) for k in kids):
                continue
            total = amount(parent, c, t)
            vals = [(k.code, a) for k in kids if (a := amount(k, c, t)) is not None]
            if total is None:
                if vals and any(a.wan != 0 for _, a in vals):
                    pass  # parent blank while children printed: printed as blank, no claim
                continue
            if not vals:
                continue
            label = f"{parent.code} {norm(parent.label)}".strip()
            lvl = {3: "类", 5: "款"}.get(len(parent.code), "合计")
            sub = {3: "款", 5: "项", 7: ""}.get(len(parent.code), "类")
            cits = [row_citation(ctx.doc, t, parent, [c])] + [row_citation(ctx.doc, t, k, [c]) for k in kids
                                                             if amount(k, c, t) is not None]
            what = (f"《{t.title}》{lvl}“{label}”的“{leaf(c)}”与所属各{sub}之和不等" if parent.code
                    else f"《{t.title}》“{label}”行的“{leaf(c)}”与各类之和不等")
            _compare_sum(ctx, "hierarchy", what, total, vals, cits)


def _clean_span(rows: list[Row], parent: Row) -> bool:
    """The rows printed under `parent` all carry standard codes under it (no "3012" for 30102, no uncoded row)."""
    i = rows.index(parent)
    for r in rows[i + 1:]:
        c = r.code
        if c.isdigit() and len(c) in (3, 5, 7) and (len(c) <= len(parent.code) or not c.startswith(parent.code)):
            return True  # the next 类/款 begins
        if not (c.isdigit() and len(c) in (3, 5, 7)):
            if _is_total_label(r.label) or not any(parse_amount(v) is not None for v in r.values.values()):
                continue
            return False
    return True


def _total_row_in(rows: list[Row]) -> Row | None:
    for r in rows:
        if not r.code and _is_total_label(r.label):
            return r
    return None


# ---------------------------------------------------------------- 三公 (row-keyed tables)

_SG_TOTAL = re.compile(r"^(合计|总计|“?三公”?经费(合计|支出|预算)?(合计)?)$")
_SG_PARTS = [
    ("因公出国(境)费", re.compile(r"因公出国")),
    ("公务用车购置及运行维护费", re.compile(r"公务用车购置及运行|公务用车购置和运行|公务用车费")),
    ("公务接待费", re.compile(r"公务接待")),
]
_SG_CAR = [("公务用车购置费", re.compile(r"购置费$|车辆购置")), ("公务用车运行维护费", re.compile(r"运行(维护|维修)?费$"))]


def check_sanggong(ctx: Ctx) -> None:
    """三公 tables keyed by rows: total = 因公出国(境) + 公务用车购置及运行维护 + 公务接待."""
    for t in ctx.tables("sanggong"):
        labels = [norm(r.label).replace("\"", "").replace("“", "").replace("”", "") for r in t.rows]
        tot_i = next((i for i, lab in enumerate(labels) if _SG_TOTAL.match(lab)), None)
        if tot_i is None:
            continue
        parts: list[tuple[str, Row]] = []
        for name, pat in _SG_PARTS:
            hit = [r for r, lab in zip(t.rows, labels, strict=True) if pat.search(lab) and not lab.startswith("其中")]
            if len(hit) == 1:
                parts.append((name, hit[0]))
        if len(parts) < 3:
            continue
        total = t.rows[tot_i]
        for c in _value_columns(t):
            ta = amount(total, c, t)
            vals = [(n, a) for n, r in parts if (a := amount(r, c, t)) is not None]
            if ta is None or not vals:
                continue
            cits = [row_citation(ctx.doc, t, total, [c])] + [row_citation(ctx.doc, t, r, [c]) for _, r in parts]
            _compare_sum(ctx, "sanggong", f"《{t.title}》“三公”经费合计（{leaf(c)}）与各项之和不等", ta, vals, cits)
        car = parts[1][1]
        subs: list[tuple[str, Row]] = []
        after = t.rows[t.rows.index(car) + 1:]
        for name, pat in _SG_CAR:
            hit = [r for r in after[:3] if pat.search(norm(r.label))]
            if hit:
                subs.append((name, hit[0]))
        if len(subs) == 2:
            for c in _value_columns(t):
                ca = amount(car, c, t)
                vals = [(n, a) for n, r in subs if (a := amount(r, c, t)) is not None]
                if ca is None or not vals:
                    continue
                cits = [row_citation(ctx.doc, t, car, [c])] + [row_citation(ctx.doc, t, r, [c]) for _, r in subs]
                _compare_sum(ctx, "sanggong", f"《{t.title}》公务用车购置及运行维护费（{leaf(c)}）与购置费、运行维护费之和不等",
                             ca, vals, cits)


# ---------------------------------------------------------------- 绩效目标表 against the budget tables

_PERF_AMOUNT = re.compile(r"^(其中[：:]?/?)?(预算数|资金总额|项目总额|年度资金总额|项目资金总额|年度预算申请/资金总额)(\((万元|元)\))?$")


def _perf_amounts(t: Table) -> list[tuple[Row, str, Amount]]:
    """Budget figures of a 绩效目标表: (row, column, amount) for 预算数 / 资金总额 cells (not indicator values)."""
    out: list[tuple[Row, str, Amount]] = []
    for r in t.rows:
        if r.kind == "indicator":
            continue
        for c, v in r.values.items():
            name = norm(c).replace("（", "(").replace("）", ")")
            m = _PERF_AMOUNT.match(name) or (_PERF_AMOUNT.match(norm(r.label)) if c == r.label else None)
            if not m or m.group(1):
                continue
            unit = m.group(4) or t.unit
            a = Amount.of(v, unit) if unit else None
            if a is not None:
                out.append((r, c, a))
    return out


def check_performance(ctx: Ctx) -> None:
    """A project's 预算数 in its 绩效目标表 is not above the document's whole 项目支出; a 部门整体 table's
    资金总额 is one of the budget's totals."""
    if ctx.doc.kind == "决算":
        return  # 绩效自评 tables report other years' and executed figures
    proj = _candidates(ctx, "项目支出")
    totals: list[tuple[Amount, dict[str, Any]]] = []
    for t in ctx.tables("income_expense_total"):
        for r in _find_rows(t, _INCOME_TOTAL + _INCOME_YEAR + _EXPENSE_TOTAL + _EXPENSE_YEAR):
            sa = _side_amount(r, t)
            if sa:
                totals.append((sa[1], row_citation(ctx.doc, t, r, [sa[0]])))
    for t in ctx.tables("income_total", "expense_total"):
        tr = _total_row(t)
        tc = _total_col(t, tr) if tr is not None else None
        if tr is not None and tc is not None:
            totals.append((tc[1], row_citation(ctx.doc, t, tr, [tc[0]])))
    seen: set[tuple[str, str]] = set()
    for t in ctx.tables("performance"):
        if "自评" in t.title:
            continue
        whole = "整体" in t.title
        for r, c, a in _perf_amounts(t):
            if (r.label, a.printed) in seen:
                continue
            seen.add((r.label, a.printed))
            if whole and totals:
                ctx.count("performance")
                if any(_rounds_to(x, a) or _rounds_to(a, x) or _severity(a.wan - x.wan, [a, x]) is None for x, _ in totals):
                    continue
                best, cit = min(totals, key=lambda x: abs(x[0].wan - a.wan))
                _compare_same(ctx, "performance", f"《{t.title}》的资金总额与预算表的总数不符", a, best,
                              "绩效目标表", f"《{cit['table']}》“{cit['row']}”", [row_citation(ctx.doc, t, r, [c]), cit])
            elif not whole and proj:
                ctx.count("performance")
                top, cit = max(proj, key=lambda x: x[0].wan)
                if a.wan > top.wan + _tolerance([a, top]):
                    ctx.add("performance", "error",
                            f"《{t.title}》中项目“{r.code or r.label}”的{norm(leaf(c))} {a.printed}{a.unit}，大于本文件全部项目支出 "
                            f"{top.printed}{'' if top.unit == a.unit else top.unit}（《{cit['table']}》）",
                            _as_printed(a.wan, a.unit), _as_printed(top.wan, a.unit), [row_citation(ctx.doc, t, r, [c]), cit])


# ---------------------------------------------------------------- duplicates


def check_duplicates(ctx: Ctx) -> None:
    seen: dict[tuple, Table] = {}
    for t in ctx.doc.tables:
        if len(t.rows) < 3:
            continue
        key = (t.title, tuple((r.label, r.code, tuple(sorted(r.values.items()))) for r in t.rows))
        prev = seen.get(key)
        if prev is not None and prev.pages != t.pages:
            ctx.add("duplicate_table", "warning",
                    f"《{t.title}》印了两次（第 {prev.pages[0]} 页和第 {t.pages[0]} 页），内容相同",
                    None, None, [row_citation(ctx.doc, prev, prev.rows[0]), row_citation(ctx.doc, t, t.rows[0])])
        else:
            seen[key] = t


# ---------------------------------------------------------------- narrative

_SENT_END = re.compile(r"(?<=[。；;！!？?])")
_NUM = r"(?P<num>-?\d[\d,]*(?:\.\d+)?)\s*(?P<unit>亿元|万元|千元|元)(?![/／])"
_AMOUNT_RE = re.compile(r"-?\d[\d,]*(?:\.\d+)?\s*(?:亿元|万元|千元|元)(?![/／])")
_PCT_RE = re.compile(r"(?P<num>-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?:%|％)")
_UP = re.compile(r"(增加|增长|上升|提高|多|增)了?$")
_DOWN = re.compile(r"(减少|下降|降低|减|少|节约|压减)了?$")
_NOT_CURRENT = re.compile(r"上年|去年|上一年|以前年度|同比|增加|减少|增长|下降|上升|降低|持平|比|较|结转|结余|年初|调整|"
                          r"执行|完成|追加|占|平均|人均|累计|历年|以上|以下|超过|不超过|不足|每|标准")


@dataclass
class _Num:
    start: int
    end: int
    amount: Amount
    before: str  # the clause text before the number (from the last ，/：)


def _amounts(text: str) -> list[_Num]:
    out: list[_Num] = []
    prev_end = 0
    for m in re.finditer(_NUM, text):
        a = Amount.of(m.group("num"), m.group("unit"))
        if a is None:
            continue
        head = text[: m.start()]
        cut = max([head.rfind(ch) for ch in "，,：:；;。、（(("] + [prev_end - 1])
        out.append(_Num(m.start(), m.end(), a, head[cut + 1:]))
        prev_end = m.end()
    return out


# subject name -> pattern in a sentence; checked most specific first
_SUBJECTS: list[tuple[str, re.Pattern[str]]] = [
    ("因公出国(境)费", re.compile(r"因公出国[(（]?境?[)）]?(费用?|经费)?$")),
    ("公务用车购置及运行维护费", re.compile(r"公务用车购置及运行(维护|维修)?费$|公务用车购置和运行(维护|维修)?费$")),
    ("公务用车购置费", re.compile(r"公务用车购置费$|车辆购置费$")),
    ("公务用车运行维护费", re.compile(r"公务用车运行(维护|维修)?费$")),
    ("公务接待费", re.compile(r"公务接待费$")),
    ("三公经费", re.compile(r"[“\"]?三公[”\"]?经费(支出)?(预算)?(安排)?(合计|共计|总额)?(为)?$")),
    ("机关运行经费", re.compile(r"机关运行经费(支出|预算)?(安排)?(共计|合计|为)?$")),
    ("政府采购", re.compile(r"政府采购(预算)?(总额|金额|资金)?(安排)?(共计|合计|为)?$")),
    ("人员经费", re.compile(r"人员经费(支出)?(预算)?(安排)?(为)?$")),
    ("公用经费", re.compile(r"(日常)?公用经费(支出)?(预算)?(安排)?(为)?$")),
    ("基本支出", re.compile(r"基本支出(预算)?(安排)?(为)?$")),
    ("项目支出", re.compile(r"项目支出(预算)?(安排)?(为)?$")),
]
_YEAR = re.compile(r"(\d{4})\s*年")


def _subject(before: str) -> str | None:
    """The subject the number right after `before` is the amount of, when the clause names one plainly."""
    b = re.sub(r"[\s：:]", "", before)
    if _NOT_CURRENT.search(b):
        return None
    for name, pat in _SUBJECTS:
        m = pat.search(b)
        # the subject stands on its own: "临聘人员经费" or "专项公用经费" are not the department's
        if m and (m.start() == 0 or b[m.start() - 1] in _SUBJECT_LEAD or b[: m.start()].endswith(_LEAD_WORDS)):
            return name
    return None


_SUBJECT_LEAD = set("年中括和及的是为、，,：:；（(“\"")
_LEAD_WORDS = ("部门", "单位", "本级", "预算", "安排", "其中", "包括", "财政拨款", "一般公共预算")


def _row_amounts(ctx: Ctx, t: Table, row: Row, cols: Iterable[str]) -> list[tuple[Amount, dict[str, Any]]]:
    out = []
    for c in cols:
        a = amount(row, c, t)
        if a is not None:
            out.append((a, row_citation(ctx.doc, t, row, [c])))
    return out


def _current_cols(t: Table, pat: re.Pattern[str]) -> list[str]:
    """Columns matching pat that hold this year's figure (not 上年 / 增减 / 决算 vs 预算 comparisons)."""
    year = r"上年|去年|增减|比上年|变动|增长|%"
    return [c for c in t.columns if pat.search(c) and not re.search(year, c)]


_TOTAL_COL = re.compile(r"(^|/)(合计|总计|小计|合计数|金额|预算数|决算数|本年预算数|预算金额)$")


def _candidates(ctx: Ctx, subject: str) -> list[tuple[Amount, dict[str, Any]]]:
    """Every table figure the narrative's `subject` may be quoting (all scopes)."""
    out: list[tuple[Amount, dict[str, Any]]] = []
    spending = ("expense_total", "general_public_expense", "fiscal_expense", "gov_fund", "state_capital",
                "fiscal_income_expense_total")
    basic = ("general_public_basic", "basic_expense")
    if subject in ("基本支出", "项目支出"):
        for t in ctx.tables(*spending):
            tr = _total_row(t)
            if tr is not None:
                out += _row_amounts(ctx, t, tr, [c for c in t.columns if leaf(c) == subject or c == subject])
        if subject == "基本支出":
            for t in ctx.tables(*basic):
                tr = _total_row(t)
                tc = _total_col(t, tr) if tr is not None else None
                if tr is not None and tc is not None:
                    out += _row_amounts(ctx, t, tr, [tc[0]])
        else:
            for t in ctx.tables("project_expense"):
                tr = _total_row(t)
                if tr is not None:
                    out += _row_amounts(ctx, t, tr, _current_cols(t, _TOTAL_COL))
    elif subject in ("人员经费", "公用经费"):
        for t in ctx.tables(*basic, *spending):
            tr = _total_row(t)
            if tr is not None:
                out += _row_amounts(ctx, t, tr, [c for c in t.columns if subject in leaf(c) and not leaf(c).startswith("其中")])
        for t in ctx.tables(*basic):
            # by economic class: 人员经费 = 301 + 303, 公用经费 = 302 (+ 310 ...) where the table has no such columns
            tc_rows = {r.code: r for r in t.rows if r.code in ("301", "302", "303", "310", "399") and not r.unit_name}
            tr = _total_row(t)
            tc = _total_col(t, tr) if tr is not None else None
            if tc is None:
                continue
            col = tc[0]
            codes = ("301", "303") if subject == "人员经费" else ("302",)
            parts = [a for c in codes if c in tc_rows and (a := amount(tc_rows[c], col, t)) is not None]
            if parts:
                first = tc_rows[codes[0]] if codes[0] in tc_rows else next(iter(tc_rows.values()))
                s = Amount(_sum(parts), _tolerance(parts), fmt(_as_printed(_sum(parts), parts[0].unit)), parts[0].unit)
                out.append((s, row_citation(ctx.doc, t, first, [col])))
    elif subject in ("三公经费", "因公出国(境)费", "公务用车购置及运行维护费", "公务用车购置费", "公务用车运行维护费", "公务接待费"):
        pats = {
            "三公经费": re.compile(r"^(合计|总计|小计)$|三公"),
            "因公出国(境)费": re.compile(r"因公出国"),
            "公务用车购置及运行维护费": re.compile(r"公务用车购置及运行|公务用车购置和运行|公务用车费|^小计$"),
            "公务用车购置费": re.compile(r"购置费?$|车辆购置"),
            "公务用车运行维护费": re.compile(r"运行(维护|维修)?费?$"),
            "公务接待费": re.compile(r"公务接待"),
        }
        pat = pats[subject]
        for t in ctx.tables("sanggong"):
            for r in t.rows:
                lab = norm(r.label)
                if pat.search(lab):
                    out += _row_amounts(ctx, t, r, _current_cols(t, re.compile(".")))
                out += _row_amounts(ctx, t, r, [c for c in _current_cols(t, pat)])
            if t.empty or not t.rows:
                pass
        for t in ctx.doc.tables:
            if t.kind == "sanggong" and t.empty:
                out.append((Amount(_ZERO, _ZERO, "0", "万元"), {"kind": "row", "doc": ctx.doc.doc_id, "table": t.title,
                                                                "row": "（空表）", "code": "", "page": t.pages[0] if t.pages else 0,
                                                                "values": {}, "unit": t.unit, "bbox": None}))
    elif subject == "机关运行经费":
        for t in ctx.doc.tables:
            for r in t.rows:
                if "机关运行经费" in norm(r.label):
                    out += _row_amounts(ctx, t, r, _current_cols(t, re.compile(".")))
            for c in _current_cols(t, re.compile("机关运行经费")):
                for r in t.rows:
                    out += _row_amounts(ctx, t, r, [c])
    elif subject == "政府采购":
        for t in ctx.tables("procurement"):
            tr = _total_row(t)
            if tr is not None:
                out += _row_amounts(ctx, t, tr, _current_cols(t, re.compile(r"合计|金额|总计|小计|预算")))
        for t in ctx.doc.tables:
            if t.kind == "procurement" and t.empty:
                out.append((Amount(_ZERO, _ZERO, "0", "万元"), {"kind": "row", "doc": ctx.doc.doc_id, "table": t.title,
                                                                "row": "（空表）", "code": "", "page": t.pages[0] if t.pages else 0,
                                                                "values": {}, "unit": t.unit, "bbox": None}))
    return out


def _unit_slip(a: Amount, other_wan: Decimal, tol: Decimal) -> str | None:
    """The figure matches when read in the other unit (万元 printed as 元 or the reverse): the unit it should have."""
    v = parse_amount(a.printed)
    if v is None or v == 0:
        return None
    if a.unit == "元" and abs(v - other_wan) <= tol * WAN + Decimal("0.005"):
        return "万元"
    if a.unit == "万元" and abs(v / WAN - other_wan) <= tol:
        return "元"
    return None


def _rounds_to(precise: Amount, coarse: Amount) -> bool:
    """The coarser printing is the finer one rounded to its own decimals (in its own unit)."""
    places = len(coarse.printed.replace(",", "").split(".")[1]) if "." in coarse.printed else 0
    v = precise.wan * WAN if coarse.unit == "元" else precise.wan
    q = v.quantize(Decimal(1).scaleb(-places), rounding="ROUND_HALF_UP")
    cv = coarse.wan * WAN if coarse.unit == "元" else coarse.wan
    return q == cv


def _fragmented(p: Paragraph) -> bool:
    """A paragraph whose text layer lost the order of its figures and punctuation ("总额 万元 … ( ) 。 17,641.87 :")."""
    return (len(re.findall(r"(?:^|\s)[，。、：:；;,()（）](?=\s|$)", p.text)) >= 2
            or len(re.findall(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]", p.text)) >= 3)


def _sentences(p: Paragraph) -> list[str]:
    if _fragmented(p):
        return []
    return [s for s in _SENT_END.split(p.text) if s.strip()]


def _full_sentences(p: Paragraph) -> list[str]:
    """Sentences ended by 。！？ only (a 其中 list runs on over ；)."""
    if _fragmented(p):
        return []
    return [s for s in re.split(r"(?<=[。！!？?])", p.text) if s.strip()]


def _other_year(clause: str, year: int | None) -> bool:
    ys = {int(y) for y in _YEAR.findall(clause)}
    return bool(year and ys and year not in ys)


def check_narrative_figures(ctx: Ctx) -> None:
    """A figure the narrative gives for a named subject equals that subject's table figure."""
    doc = ctx.doc
    other = "预算" if doc.kind == "决算" else "决算"
    for p in doc.paragraphs:
        for s in _sentences(p):
            for n in _amounts(s):
                subj = _subject(n.before)
                if subj is None:
                    continue
                clause = n.before
                if _other_year(clause, doc.year) or other in clause:
                    continue
                after = s[n.end: n.end + 6]
                if re.match(r"^[，,]?(的|以上|以下|左右|多)", after):
                    continue
                cands = _candidates(ctx, subj)
                if not cands:
                    continue
                ctx.count("narrative")
                a = n.amount
                if any(_rounds_to(c, a) or _rounds_to(a, c) for c, _ in cands):
                    continue
                # nearest figure; among equals, the row that names the subject itself
                best, cit = min(cands, key=lambda x: (abs(x[0].wan - a.wan), norm(subj) not in norm(str(x[1].get("row")))))
                xs = [a, best]
                sev = _severity(a.wan - best.wan, xs)
                if sev is None:
                    continue
                slipped = [(c, ci) for c, ci in cands if _unit_slip(a, c.wan, c.half + a.half)]
                if slipped and sev == "error":
                    c, ci = slipped[0]
                    ctx.add("narrative", "warning",
                            f"说明中{subj} {a.printed}{a.unit} 的单位疑似印错：表中为 {c.printed}{c.unit}"
                            f"（《{ci.get('table')}》“{ci.get('row')}”）", a.printed + a.unit, c.printed + c.unit,
                            [text_citation(doc, p, s.strip()), ci])
                    continue
                shown = best.printed + ("" if best.unit == a.unit else best.unit)
                msg = (f"说明中{subj} {a.printed}{a.unit}，表中为 {shown}（《{cit.get('table')}》“{cit.get('row')}”），"
                       f"相差 {in_unit(abs(a.wan - best.wan), a.unit)}")
                if sev == "rounding":
                    msg += f"；在尾差范围内（{_tol_reason(xs, _tolerance(xs), a.unit)}）"
                ctx.add("narrative", sev, msg, _as_printed(a.wan, a.unit), _as_printed(best.wan, a.unit),
                        [text_citation(doc, p, s.strip()), cit], difference=_as_printed(a.wan - best.wan, a.unit))


_CHANGE_VERB = re.compile(r"(增加|增长|上升|提高|减少|下降|降低|压减|节约)了?$")
_CMP = re.compile(r"比|较|与.{0,8}相比|同比")
_LAST = re.compile(r"(上年|去年|上一年度?|\d{4}年)(年初)?(预算|决算)?(数|安排|支出|收入)?(为|是)?$")


def _chunks(s: str) -> list[str]:
    return [c for c in re.split(r"[；;。]|其中[：:]?", s) if c.strip()]


def _decimals(a: str) -> int:
    t = a.replace(",", "")
    return len(t.split(".")[1]) if "." in t else 0


def check_changes(ctx: Ctx) -> None:
    """比上年增加 X = this year − last year (where last year is printed); stated percentages recomputed."""
    doc = ctx.doc
    for p in doc.paragraphs:
        for s in _sentences(p):
            for chunk in _chunks(s):
                nums = _amounts(chunk)
                if len(nums) < 2:
                    continue
                cur = change = last = None
                for n in nums:
                    b = re.sub(r"\s", "", n.before)
                    if change is None and _CHANGE_VERB.search(b) and (_CMP.search(chunk[: n.start]) or cur is not None):
                        change = n
                    elif last is None and _LAST.search(b) and cur is not None and change is None:
                        last = n
                    elif cur is None and change is None and not _NOT_CURRENT.search(b):
                        cur = n
                if cur is None or change is None:
                    continue
                gap = chunk[cur.end: change.start]
                if len(gap) > 30 or len(re.findall(r"[，,]", gap)) > 2:
                    continue  # the change is said of something else than the amount before it
                verb = _CHANGE_VERB.search(re.sub(r"\s", "", change.before))
                assert verb is not None
                sign = -1 if verb.group(1) in ("减少", "下降", "降低", "压减", "节约") else 1
                if _other_year(cur.before, doc.year):
                    continue
                cit = [text_citation(doc, p, s.strip())]
                unit = cur.amount.unit
                if last is not None:
                    ctx.count("change")
                    xs = [cur.amount, last.amount, change.amount]
                    exp = cur.amount.wan - last.amount.wan
                    sev = _severity(sign * change.amount.wan - exp, xs)
                    if sev is not None:
                        msg = (f"说明中本年 {cur.amount.printed}{unit}、上年 {last.amount.printed}{last.amount.unit}，"
                               f"应{'增加' if exp >= 0 else '减少'} {in_unit(abs(exp), unit)}，印为{verb.group(1)} "
                               f"{change.amount.printed}{change.amount.unit}")
                        if sev == "rounding":
                            msg += f"；在尾差范围内（{_tol_reason(xs, _tolerance(xs), unit)}）"
                        ctx.add("change", sev, msg, _as_printed(sign * change.amount.wan, unit), _as_printed(exp, unit), cit)
                        continue
                pm = _PCT_RE.search(chunk[change.end: change.end + 16])
                if pm is None:
                    continue
                between = chunk[change.end: change.end + pm.start()]
                if not re.search(r"增长|增加|下降|减少|降低|上升|幅度|提高|[，,]", between) or "占" in between:
                    continue
                ctx.count("percent")
                pct = Decimal(pm.group("num").replace(",", ""))
                ref = last.amount.wan if last is not None else cur.amount.wan - sign * change.amount.wan
                if ref <= 0:
                    continue
                hc, hr = change.amount.half, (last.amount.half if last is not None else cur.amount.half + change.amount.half)
                lo = (change.amount.wan - hc) / (ref + hr) * 100 if change.amount.wan > hc else _ZERO
                hi = (change.amount.wan + hc) / max(ref - hr, Decimal("1e-9")) * 100
                hp = Decimal(5).scaleb(-_decimals(pm.group("num")) - 1)  # half a unit of the printed last place
                pabs = abs(pct)
                if lo - hp <= pabs <= hi + hp:
                    continue
                calc = change.amount.wan / ref * 100
                base = (f"说明中{verb.group(1)} {change.amount.printed}{change.amount.unit}，按本年 {cur.amount.printed}{unit}"
                        + (f"、上年 {last.amount.printed}{last.amount.unit}" if last is not None else f" 推得上年 {in_unit(ref, unit)}")
                        + f"，{verb.group(1)}幅度应为 {calc:.2f}%，印为 {pm.group('num')}%")
                whole_pct = pct == pct.to_integral_value() and lo - Decimal("0.5") <= pabs <= hi + Decimal("0.5")
                if whole_pct:
                    # "5.0%" for 5.11%: a percentage rounded to a whole number and printed with a trailing zero
                    ctx.add("percent", "rounding", base + "；按整数取整则一致（印出的小数位都是 0，应是先取整再补 0）",
                            pm.group("num") + "%", f"{calc:.2f}%", cit, difference=pabs - calc.quantize(Decimal("0.01")))
                    continue
                ctx.add("percent", "error", base, pm.group("num") + "%", f"{calc:.2f}%", cit,
                        difference=pabs - calc.quantize(Decimal("0.01")))


_COMPLEMENTS = [("基本支出", "项目支出"), ("人员经费", "公用经费")]
_PART_NAME = re.compile(r"(基本支出|项目支出|人员经费|公用经费|经营支出|上缴上级支出|对附属单位补助支出)")


def check_narrative_parts(ctx: Ctx) -> None:
    """"X，其中：基本支出 A，项目支出 B": complementary parts sum to the whole; no part above the whole."""
    doc = ctx.doc
    for p in doc.paragraphs:
        for s in _full_sentences(p):
            m = re.search(r"其中[：:]?", s)
            if not m:
                continue
            head = _amounts(s[: m.start()])
            if not head:
                continue
            whole = head[-1]
            if s[whole.end: m.start()].strip("，,、 ") != "":
                continue
            wb = re.sub(r"\s", "", whole.before)
            w_change = bool(_CHANGE_VERB.search(wb))
            tail = s[m.end():]
            parts: list[tuple[str, _Num, int]] = []
            for n in _amounts(tail):
                b = re.sub(r"\s", "", n.before)
                nm = _PART_NAME.search(b)
                v = _CHANGE_VERB.search(b)
                if bool(v) != w_change or nm is None:
                    continue
                sign = -1 if v and v.group(1) in ("减少", "下降", "降低", "压减", "节约") else 1
                parts.append((nm.group(1), n, sign))
            names = {nm for nm, _, _ in parts}
            for a_name, b_name in _COMPLEMENTS:
                if a_name in names and b_name in names:
                    sel = [(nm, n, sg) for nm, n, sg in parts if nm in (a_name, b_name)]
                    if len(sel) != 2 or (a_name == "人员经费" and "基本支出" in names):
                        # 人员/公用 nested under 基本支出: compare with the 基本支出 figure instead of the whole
                        if a_name == "人员经费" and "基本支出" in names:
                            base = next(n for nm, n, _ in parts if nm == "基本支出")
                            _narr_sum(ctx, p, s, base, [x for x in sel if x[0] in (a_name, b_name)], w_change, 1)
                        continue
                    wsign = -1 if w_change and re.search(r"减少|下降|降低|压减|节约", wb[-4:]) else 1
                    _narr_sum(ctx, p, s, whole, sel, w_change, wsign)


def _narr_sum(ctx: Ctx, p: Paragraph, s: str, whole: _Num, parts: list[tuple[str, _Num, int]], change: bool,
              wsign: int) -> None:
    ctx.count("narrative_parts")
    xs = [whole.amount] + [n.amount for _, n, _ in parts]
    total = wsign * whole.amount.wan
    ssum = sum((sg * n.amount.wan for _, n, sg in parts), _ZERO)
    sev = _severity(total - ssum, xs)
    if sev != "error":
        return  # a rounding difference in the narrative repeats its tables' (reported there)
    unit = whole.amount.unit
    slip = _unit_slip(whole.amount, wsign * ssum, _tolerance(xs))
    if slip:
        ctx.add("narrative_parts", "warning",
                f"说明中 {whole.amount.printed}{unit} 的单位疑似印错：按{slip}读正好等于其中各项之和 "
                f"{fmt(ssum)}万元", whole.amount.printed + unit, fmt(ssum) + "万元", [text_citation(ctx.doc, p, s.strip())])
        return
    expr = " + ".join(f"{nm} {'-' if sg < 0 else ''}{n.amount.printed}" for nm, n, sg in parts)
    what = "增减额" if change else "总数"
    ctx.add("narrative_parts", "error",
            f"说明中{what} {whole.amount.printed}{unit}，其中 {expr} = {in_unit(ssum, unit)}，相差 "
            f"{in_unit(abs(total - ssum), unit)}", _as_printed(total, unit), _as_printed(ssum, unit),
            [text_citation(ctx.doc, p, s.strip())])


_COUNT = re.compile(r"(?P<whole>\d+)\s*(?P<u>台|辆|套|个|人|名|项|家|件|次)[^。；;]{0,6}?其中[^。；;，,]{0,24}?(?P<part>\d+)\s*(?P=u)")
_TEMPLATE = [
    re.compile(r"(主要原因是|原因是|主要用于|主要包括|具体包括|包括|主要为|主要是|用于)[：:]?\s*[。；;]"),
    re.compile(r"(?<!转换)(?<!折算)(?<!换算)(?<![\d.])(安排|增加|减少|共计|合计|为|支出|收入|预算)\s*万元(?=[，。；,;、]|$)"),
    re.compile(r"(增长|下降|增加|减少)\s*%"),
]


def check_text(ctx: Ctx) -> None:
    """Counts whose 其中 part exceeds the whole; template sentences left empty."""
    for p in ctx.doc.paragraphs:
        for s in _sentences(p):
            for m in _COUNT.finditer(s):
                whole, part = int(m.group("whole")), int(m.group("part"))
                if part > whole:
                    ctx.add("narrative_parts", "error",
                            f"说明中总数 {whole}{m.group('u')}，其中 {part}{m.group('u')}，分项大于总数",
                            str(part), str(whole), [text_citation(ctx.doc, p, s.strip())], difference=Decimal(part - whole))
            if re.search(r"\d\s+\d", s):
                continue  # figures run together: the text layer lost their places, the blank may not be blank
            for pat in _TEMPLATE:
                m = pat.search(s)
                if m:
                    ctx.add("template", "warning", f"说明中有未填完的模板句：“{s.strip()[:60]}”（“{m.group(0)}”处缺少内容）",
                            None, None, [text_citation(ctx.doc, p, s.strip())])
                    break


def check_narrative(ctx: Ctx) -> None:
    check_narrative_figures(ctx)
    check_changes(ctx)
    check_narrative_parts(ctx)
    check_text(ctx)


RULE_FUNCS = [
    check_income_expense_total,
    check_cross_totals,
    check_fiscal_totals,
    check_same_code,
    check_row_sums,
    check_hierarchy,
    check_sanggong,
    check_performance,
    check_duplicates,
    check_narrative,
]


_TABLE_RULES = {"balance", "side_total", "cross_total", "same_code", "row_sum", "hierarchy", "sanggong"}
_ALSO = "（同一处不一致也见于其他表或列，见出处）"


def _merge(findings: list[Finding]) -> list[Finding]:
    """One finding per discrepancy: the same figures in several tables or columns become one, citing all."""
    out: dict[tuple, Finding] = {}
    for f in findings:
        first = f.citations[0] if f.citations else None
        # the same two figures disagreeing the same way is one discrepancy, whichever rule saw it
        key = (f.severity, f.value, f.expected, f._figures) if f.rule in _TABLE_RULES and f._figures else (
            f.rule, f.severity, f.value, f.expected, getattr(first, "text", None))
        if key in out:
            g = out[key]
            g.citations = as_citations(_numbered([c.model_dump(exclude={"n"}) for c in g.citations + f.citations]))
            if not g.message.endswith(_ALSO):
                g.message += _ALSO
        else:
            out[key] = f
    return list(out.values())


def audit(doc: Document) -> Report:
    ctx = Ctx(doc)
    for rule in RULE_FUNCS:
        rule(ctx)
    findings = _merge(ctx.findings)
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], min((c.page for c in f.citations), default=0)))
    return Report(doc=doc.doc_id, findings=findings, checked=dict(sorted(ctx.checked.items())))


# ---------------------------------------------------------------- reports


def _where(c: Citation) -> str:
    if c.kind == "row":
        code = f" {c.code}" if c.code else ""
        cols = "、".join(c.columns)
        return f"《{c.table}》第{c.page}页“{c.row}”{code}" + (f"（{cols}）" if cols else "")
    return f"{(c.section or '正文').split(' > ')[-1]} 第{c.page}页：{c.text}"


def pages(f: Finding) -> str:
    return "、".join(str(p) for p in sorted({c.page for c in f.citations}))


def report_rows(report: Report) -> list[dict[str, str]]:
    """One flat row per finding (CSV, Markdown and the web app's table)."""
    return [
        {
            "序号": str(i),
            "级别": SEVERITY_NAMES[f.severity],
            "规则": f.rule_name,
            "说明": f.message,
            "印出数": f.value or "",
            "应为": f.expected or "",
            "差额": f.difference or "",
            "页码": pages(f),
            "出处": "；".join(_where(c) for c in f.citations),
        }
        for i, f in enumerate(report.findings, 1)
    ]


def to_csv(report: Report) -> str:
    import csv
    import io

    rows = report_rows(report)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else ["序号", "级别", "规则", "说明", "印出数", "应为",
                                                                      "差额", "页码", "出处"])
    w.writeheader()
    w.writerows(rows)
    return "\ufeff" + buf.getvalue()  # BOM: Excel opens it as UTF-8


def to_markdown(report: Report, title: str = "") -> str:
    c = report.counts()
    lines = [f"# 审校报告：{title or report.doc}", "",
             f"错误 {c['error']} 项，尾差 {c['rounding']} 项，提示 {c['warning']} 项。", ""]
    if not report.findings:
        lines.append("未发现数字对不上的地方。")
        return "\n".join(lines) + "\n"
    lines += ["| 序号 | 级别 | 规则 | 说明 | 印出数 | 应为 | 差额 | 出处 |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in report_rows(report):
        cells = [r[k].replace("|", "\\|").replace("\n", " ") for k in ("序号", "级别", "规则", "说明", "印出数", "应为", "差额", "出处")]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def find_document(store: Any, ref: str) -> Any:
    """A stored document by id, or by the path (or file name) of its source file; None if not stored."""
    rec = store.document(ref)
    if rec is not None:
        return rec
    from pathlib import Path

    p = Path(ref)
    recs = store.find_by_path(str(p.resolve())) if p.exists() else []
    if recs:
        return recs[0]
    same = [d for d in store.documents() if d.path == ref or d.source == ref or Path(d.path).name == p.name]
    return same[0] if len(same) == 1 else None
