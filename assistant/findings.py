"""Consistency questions ("这份公开材料有没有数字对不上的地方？", "表格之间有没有矛盾") answered from the
publication check's stored findings (ingest/audit_store.py; recomputed there when the parser, the
rules or the file change).

The answer lists a document's findings: errors, then warnings, each with its message and the rows or
sentences it rests on as citations; rounding differences as a count with one example. Every number
of a message is printed in a cited row or sentence, or is what the message computes with its formula
shown (the sum and difference, the rounding tolerance with its reason), so the answer passes the
number check (assistant/verify.py). With no finding the answer says which rules were applied.

Scope: the documents the question names; with none named, the one document in scope, else the
reader is asked which document (a per-document summary of many files would bury the findings).
"""

from __future__ import annotations

import re
import zlib
from decimal import Decimal

from assistant.catalog import Catalog
from assistant.compose import Draft, describe
from assistant.evidence import DocInfo, RowEvidence, TextEvidence
from assistant.understand import Query
from assistant.verify import numbers_in, to_decimal, unverified
from assistant.vocab import CONSISTENCY_TARGET, MISMATCH, MISMATCH_STRONG, OTHER_YEAR
from ingest.audit import RULES, Finding, Report
from ingest.model import RowCitation, TextCitation, parse_amount

# the most findings of one severity listed in a chat answer (the 审校 tab and `budgetqa check` list all)
MAX_LISTED = 12
# the rounding tolerance a message explains: "5 个数各按 2 位小数印出，……合计最多相差 0.025万元"
_TOLERANCE = re.compile(r"(\d+) 个数各按 ([\d、]+) 位小数印出，每个最多有半个末位的舍入误差，合计最多相差 ([\d.,]+)")
# numbers a message states together with how they are got: a count of summed parts, last year derived
# from this year and the change, the printed decimals of a percentage rounded to a whole number
_DERIVED = re.compile(r"\d+ 项之和|推得上年 [\d.,]+|小数位都是 0，应是先取整再补 0")
# a page named in a message ("印了两次（第 3 页和第 5 页）"): one of the finding's cited pages
_PAGE = re.compile(r"第 ?(\d+) ?页")
# rules applied on every document (they count no comparisons)
_ALWAYS = ("template", "duplicate_table")


def asks_consistency(question: str) -> bool:
    """Does the question ask whether the disclosure agrees with itself?"""
    t = re.sub(r"\s+", "", question)
    if not MISMATCH.search(t):
        return False
    if MISMATCH_STRONG.search(t):
        return True
    return not OTHER_YEAR.search(t) and bool(CONSISTENCY_TARGET.search(t))


def answer_findings(cat: Catalog, q: Query) -> Draft:
    """The findings of the documents in scope, as a cited draft (the answer's intent is "consistency")."""
    q.intents = ["consistency", *(i for i in q.intents if i != "consistency")]
    d = Draft()
    if len(q.docs) > 1 and not q.dept_named:
        d.answerable = False
        names = "、".join(dict.fromkeys(describe(x) for x in q.docs[:5]))
        d.add(f"已导入多份公开文件，请指明要检查哪一份（在问题中写出部门，或在网页中筛选文件），例如：{names}。")
        return d
    lines: list[str] = []
    for doc in q.docs:
        if lines:
            lines.append("")  # a blank line between documents
        report = _report(cat, doc)
        if report is None:
            lines.append(f"{describe(doc)}：无法读取该文件的审校结果。")
            continue
        lines += _doc_lines(cat, doc, report, d)
    d.add("\n".join(lines))
    return d


def _report(cat: Catalog, doc: DocInfo) -> Report | None:
    from ingest.audit_store import report_for

    return report_for(cat.store, doc.doc_id) if cat.store is not None else None


def _doc_lines(cat: Catalog, doc: DocInfo, report: Report, d: Draft) -> list[str]:
    """One document's part of the answer, line by line (citations numbered in the order they appear)."""
    by = {s: [f for f in report.findings if f.severity == s] for s in ("error", "warning", "rounding")}
    errors, warnings, rounding = by["error"], by["warning"], by["rounding"]
    if not report.findings:
        return [f"{describe(doc)}：审校没有发现数字对不上的地方。{_checked(report)}"]
    d.computed.extend(Decimal(len(x)) for x in (errors, warnings, rounding))
    lines = [f"{describe(doc)}的审校结果（文件自身各表之间、表格与说明之间是否一致）：错误{len(errors)}项，"
             f"提示{len(warnings)}项，尾差{len(rounding)}处。"]
    if not errors:
        lines.append("没有发现错误（数字对不上、且超出四舍五入范围的地方）。")
    for label, listed in (("错误", errors), ("提示", warnings)):
        for f in listed[:MAX_LISTED]:
            lines.append(f"· {label}（{f.rule_name}）：{_finding_text(cat, doc, f, d)}")
        if len(listed) > MAX_LISTED:
            rest = len(listed) - MAX_LISTED
            d.computed.extend([Decimal(rest), Decimal(MAX_LISTED)])
            lines.append(f"· 另有{label}{rest}项未列出（共{len(listed)}项），见“审校”页或 budgetqa check。")
    if rounding:
        # the example that rests on the fewest rows: the easiest to check on the page
        example = min(rounding, key=lambda f: len(f.citations))
        lines.append(f"另有尾差{len(rounding)}处：差额在印出数字的四舍五入范围内，不算错误。"
                     f"例如：{_finding_text(cat, doc, example, d)}")
    if not errors and not warnings:
        lines.append(_checked(report))
    return lines


def _checked(report: Report) -> str:
    """Which rules were applied: those that made comparisons, and the completeness checks."""
    names = [RULES[r] for r in RULES if report.checked.get(r)]
    if report.checked.get("row_sum") and "sub_over_total" in RULES:
        names.append(RULES["sub_over_total"])
    names += [RULES[r] for r in _ALWAYS if RULES[r] not in names]
    return "检查过的规则：" + "、".join(names) + "。"


def _finding_text(cat: Catalog, doc: DocInfo, f: Finding, d: Draft) -> str:
    """The finding's message with its citation markers; what the message computes is recorded, and a
    figure the check summed from a row's sub-columns (a column group printed without its own total)
    gets its formula written out."""
    evidence = [_evidence(cat, doc, c) for c in f.citations]
    marks = "".join(d.cite(e) for e in evidence)
    for v in (f.expected, f.difference):
        n = to_decimal(v) if v else None
        if n is not None:
            d.computed.extend([n, abs(n)])
    for m in _TOLERANCE.finditer(f.message):
        d.computed.append(Decimal(m.group(1)))
        d.computed.extend(Decimal(p) for p in m.group(2).split("、"))
        d.computed.extend(x for x in (to_decimal(n) for n in numbers_in(m.group(3))) if x is not None)
    for m in _DERIVED.finditer(f.message):  # "18 项之和", "推得上年 16232.22万元": stated with how they are got
        d.computed.extend(x for x in (to_decimal(n) for n in numbers_in(m.group(0))) if x is not None)
    cited_pages = {c.page for c in f.citations}
    d.computed.extend(Decimal(m.group(1)) for m in _PAGE.finditer(f.message) if int(m.group(1)) in cited_pages)
    text = f.message.rstrip("。")
    sums = []
    for n in dict.fromkeys(unverified(text, evidence, d.computed)):
        value = to_decimal(n)
        formula = _group_sum(evidence, value) if value is not None else None
        if formula:
            d.computed.append(value)
            sums.append(f"{n} = {formula}")
    if sums:
        text += "（" + "；".join(sums) + "）"
    return f"{text}{marks}。"


def _group_sum(evidence: list[RowEvidence | TextEvidence], value: Decimal) -> str | None:
    """"人员支出 2,906.80 + 日常公用支出 838.27" when a cited row's columns under one group add up to value."""
    for e in evidence:
        if not isinstance(e, RowEvidence):
            continue
        groups = {c.rsplit("/", 1)[0] for c in e.values if "/" in c}
        for g in sorted(groups):
            parts = [(c, e.values[c]) for c in e.values if c.rsplit("/", 1)[0] == g and parse_amount(e.values[c]) is not None]
            if len(parts) >= 2 and sum((parse_amount(v) for _, v in parts), Decimal(0)) == value:
                return " + ".join(f"{c.rsplit('/', 1)[1]} {v}" for c, v in parts)
    return None


def _evidence(cat: Catalog, doc: DocInfo, c: RowCitation | TextCitation) -> RowEvidence | TextEvidence:
    """The catalog's row or sentence a finding cites, else one made from the citation itself."""
    if isinstance(c, RowCitation):
        for r in cat.doc_rows(doc.doc_id):
            if (r.table_idx == c.table_idx and r.label == c.row and r.page == c.page and r.code == c.code
                    and r.side == c.side):
                return r
        kind = next((t.kind for t in cat.tables.get(doc.doc_id, []) if t.idx == c.table_idx), "")
        return RowEvidence(doc=doc, table=c.table, table_kind=kind, unit=c.unit, label=c.row, code=c.code,
                           page=c.page, values=dict(c.values), side=c.side, bbox=c.bbox,
                           row_idx=-1 - zlib.crc32(f"{c.row}|{c.code}|{c.side}|{c.page}".encode()) % 10**6,
                           table_idx=c.table_idx if c.table_idx is not None else -1)
    para = next((p for p in cat.paragraphs.get(doc.doc_id, []) if c.text in p.text and p.page == c.page), None)
    return TextEvidence(doc=doc, section=c.section, page=c.page, text=c.text, bbox=c.bbox,
                        para_idx=para.para_idx if para is not None else -1)
