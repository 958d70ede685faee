"""Self-checks on a parsed document: totals that a correct parse of a correct table satisfies.

Used by the corpus report (eval/corpus_report.py); the publication check will build on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ingest.model import Document, Row, Table, parse_amount

ROUNDING = Decimal("0.02")


@dataclass
class Check:
    name: str
    status: str  # pass / rounding / fail / missing
    detail: str


def _norm(label: str) -> str:
    t = re.sub(r"\s+", "", label)
    return re.sub(r"^[一二三四五六七八九十]+[、.．]", "", t)


def _first_amount(row: Row, prefer: tuple[str, ...] = ()) -> Decimal | None:
    for p in prefer:
        for col, v in row.values.items():
            if col.split("/")[-1] == p:
                a = parse_amount(v)
                if a is not None:
                    return a
    for v in row.values.values():
        a = parse_amount(v)
        if a is not None:
            return a
    return None


def _find(table: Table, names: tuple[str, ...], side: str = "") -> Row | None:
    for name in names:
        for r in table.rows:
            if _norm(r.label) == name and (not side or r.side == side or not r.side):
                return r
    return None


def balance_check(doc: Document) -> Check:
    """收支总表: 收入总计 = 支出总计."""
    tables = [t for t in doc.tables if t.kind == "income_expense_total" and t.rows]
    if not tables:
        return Check("收支平衡", "missing", "未找到收支总表")
    t = tables[0]
    inc = _find(t, ("收入总计", "收入合计", "总计", "本年收入合计", "合计"), "收入")
    exp = _find(t, ("支出总计", "支出合计", "总计", "本年支出合计", "合计"), "支出")
    if inc is None or exp is None or inc is exp:
        return Check("收支平衡", "missing", f"{t.title}：未找到收入总计/支出总计行")
    a, b = _first_amount(inc, ("预算数", "合计", "金额")), _first_amount(exp, ("预算数", "合计", "金额"))
    if a is None or b is None:
        return Check("收支平衡", "missing", f"{t.title}：总计行没有数值")
    return _compare("收支平衡", a, b, f"{t.title} p{inc.page}：收入总计 {a} / 支出总计 {b}")


_TOTAL_LEAF = ("合计", "总计", "小计", "本年支出合计", "支出总计", "合计数")
_PART = re.compile(r"^(基本支出|项目支出|经营支出|事业单位经营支出|上缴上级支出|上解上级支出|对附属单位补助支出)$")
# Shaanxi-style breakdown: 人员经费支出 + 公用经费支出 (基本) + 专项业务经费支出 (项目)
_PART_ALT = re.compile(r"^(人员经费支出|公用经费支出|专项业务经费支出)$")


def _row_sum(row: Row) -> tuple[Decimal, Decimal, list[str]] | None:
    """(合计, sum of its parts, part names) for one row of a 支出总表, or None."""
    total: Decimal | None = None
    parts: dict[str, Decimal] = {}
    groups: dict[str, Decimal] = {}
    for col, v in row.values.items():
        segs = col.split("/")
        leaf = segs[-1]
        a = parse_amount(v)
        if a is None:
            continue
        if leaf in _TOTAL_LEAF and total is None and not any(_PART.match(x) for x in segs):
            total = a
        elif _PART.match(leaf) or _PART_ALT.match(leaf):
            parts.setdefault(leaf, a)
        else:
            # 基本支出/人员经费 + 基本支出/公用经费 when no 基本支出 column of its own
            grp = next((x for x in segs if _PART.match(x)), None)
            if grp and leaf not in _TOTAL_LEAF and not leaf.startswith("其中"):
                groups[grp] = groups.get(grp, Decimal(0)) + a
            elif grp and leaf in _TOTAL_LEAF:
                parts.setdefault(grp, a)
    for g, a in groups.items():
        parts.setdefault(g, a)
    if any(_PART.match(k) for k in parts):
        parts = {k: v for k, v in parts.items() if not _PART_ALT.match(k)}
    if total is None or not parts:
        return None
    return total, sum(parts.values(), Decimal(0)), list(parts)


def expense_check(doc: Document) -> Check:
    """支出总表: 合计 = 基本支出 + 项目支出 (+ other spending columns printed beside them), every row."""
    tables = [t for t in doc.tables if t.kind == "expense_total" and t.rows]
    if not tables:
        return Check("支出合计", "missing", "未找到支出总表")
    res = _expense_rows(tables[0])
    if res.status == "missing":
        # no 基本/项目 columns in the 支出总表: the breakdown is in the 一般公共预算支出表
        alt = [t for t in doc.tables if t.kind == "general_public_expense" and t.rows]
        if alt:
            res2 = _expense_rows(alt[0])
            if res2.status != "missing":
                return res2
    return res


def _tolerance(values: list[str]) -> Decimal:
    """Two units of the last printed decimal place (0.02 for 2 decimals, 2 for whole yuan)."""
    places = max((len(v.split(".")[1]) if "." in v else 0) for v in values) if values else 2
    return Decimal(2).scaleb(-places)


def _expense_rows(t: Table) -> Check:
    checked = 0
    worst: tuple[Decimal, str, Decimal] | None = None
    for row in t.rows:
        res = _row_sum(row)
        if res is None:
            continue
        total, s, names = res
        checked += 1
        d = abs(total - s)
        tol = _tolerance(list(row.values.values()))
        if worst is None or d - tol > worst[0] - worst[2]:
            worst = (d, f"p{row.page} {row.code} {row.label}：合计 {total} / {' + '.join(names)} = {s}", tol)
    if not checked or worst is None:
        return Check("支出合计", "missing", f"{t.title}：没有同时含 合计 与 基本支出/项目支出 的行（列：{t.columns[:6]}）")
    if worst[0] == 0:
        return Check("支出合计", "pass", f"{t.title}：{checked} 行全部相符")
    status = "rounding" if worst[0] <= worst[2] else "fail"
    return Check("支出合计", status, f"{t.title}：{checked} 行，最大差异 {worst[1]}（相差 {worst[0]}）")


def _compare(name: str, a: Decimal, b: Decimal, detail: str) -> Check:
    d = abs(a - b)
    if d == 0:
        return Check(name, "pass", detail)
    if d <= ROUNDING:
        return Check(name, "rounding", f"{detail}（相差 {d}）")
    return Check(name, "fail", f"{detail}（相差 {d}）")


def self_checks(doc: Document) -> list[Check]:
    return [balance_check(doc), expense_check(doc)]
