"""Document metadata read from the document itself (file names lie).

The cover title is split over lines ("2026 年度" / "福州市商务局" / "部门预算"), so the
large-font lines of the first pages are joined before matching.
"""

from __future__ import annotations

import re
from collections import Counter

_WS = re.compile(r"\s+")
_ORG = re.compile(
    r"(局|委员会|委|办公室|办公厅|办|厅|院|部|总会|会|处|室|中心|所|站|队|馆|校|部门|政府|街道办事处|街道|镇|乡|署|社|团|"
    r"联合会|公司|行|台|库|园)(（[^）]{1,12}）|\([^)]{1,12}\))?$"
)
_NOISE = re.compile(
    r"20\d\d年度?|二〇[〇一二三四五六七八九]{2}年[一二三四五六七八九十]{1,2}月|(区级|市级|省级|县级|本级)?(部门|单位)?(综合)?(预算|决算)"
    r"(信息)?(公开)?(情况)?(说明)?(报表)?|年度|信息公开|公开说明|情况说明|目录|附件\d*[:：]?|第[一二三四五六七八九十]部分"
)
_LABELLED = re.compile(r"(?:预算主管部门|主管部门|部门名称|单位名称|编制单位|编制部门|预算单位|部门)[:：]\s*(?P<dept>[^\s:：，,]{2,40})")
_CODE_DEPT = re.compile(r"^\d{3,9}\s+(?P<dept>[\u4e00-\u9fa5（）()]{2,30})(\s|$)")
_CJK_RUN = re.compile(r"[\u4e00-\u9fa5（）()·]{2,40}")
_YEAR_KIND = re.compile(r"(20\d\d)\s*年度?\s*(区级|市级|省级|县级)?\s*(部门|单位)?\s*(综合)?\s*(预算|决算)")


def _clean(t: str) -> str:
    return _WS.sub("", t or "")


def _strip_unit(dept: str) -> str:
    return re.sub(r"(金额)?单位[:：]?.*$", "", dept)


def is_labelled(line: str) -> bool:
    """'预算主管部门：上海市普陀区财政局' and the like."""
    return bool(re.match(r"^(预算主管部门|主管部门|部门名称|单位名称|编制单位|编制部门)[:：]", _clean(line)))


def dept_from_text(text: str) -> str:
    """An organisation name in a title-like string, or ''."""
    m = _LABELLED.search(text)
    if m:
        d = _strip_unit(m.group("dept"))
        if len(d) >= 2:
            return d
    t = _NOISE.sub(" ", _clean(text))
    for run in _CJK_RUN.findall(t):
        run = re.sub(r"^关于", "", run)
        if _ORG.search(run) and 3 <= len(run) <= 28 and "是" not in run:
            return run
    return ""


def detect(title_lines: list[str], meta_lines: list[str]) -> dict:
    """Department, year, kind (预算/决算), scope (部门/单位) and a title.

    title_lines: the big-font lines of the first pages in reading order, page by page
    (an empty string between pages); meta_lines: table meta lines ("编制部门：…", "711 工会部门").
    """
    out: dict = {"department": "", "year": None, "kind": "", "scope": "", "title": ""}
    pages: list[list[str]] = [[]]
    for ln in title_lines:
        if ln == "":
            pages.append([])
        else:
            pages[-1].append(ln)
    years: Counter[int] = Counter()
    for pi, lines in enumerate(pages):
        joined = _clean("".join(lines))
        if not joined:
            continue
        if not out["department"]:
            labelled = [x for x in lines if _LABELLED.search(_clean(x))]
            for cand in [*labelled, joined, *lines]:
                d = dept_from_text(cand)
                if d:
                    out["department"] = d
                    break
        for m in _YEAR_KIND.finditer(joined):
            years[int(m.group(1))] += 3 if pi == 0 else 1
            out["kind"] = out["kind"] or m.group(5)
            out["scope"] = out["scope"] or (m.group(3) or "")
        if not out["title"] and _YEAR_KIND.search(joined):
            out["title"] = joined[:80]
    meta_votes: Counter[str] = Counter()
    for line in meta_lines:
        t = line.strip()
        m = _LABELLED.search(_clean(t)) or _CODE_DEPT.match(t)
        if m:
            d = _strip_unit(m.group("dept"))
            if len(d) >= 2 and not re.search(r"万元|^元$", d):
                meta_votes[d] += 1
        y = re.search(r"(?:预算年度|年度)[:：]\s*(20\d\d)", _clean(t))
        if y:
            years[int(y.group(1))] += 1
    if not out["department"] and meta_votes:
        out["department"] = meta_votes.most_common(1)[0][0]
    if not years and pages and pages[0]:
        for y in re.findall(r"20\d\d", _clean("".join(pages[0]))):
            years[int(y)] += 1
    if not years:
        for ln in title_lines:
            for y in re.findall(r"(20\d\d)\s*年", ln):
                years[int(y)] += 1
    if years:
        out["year"] = years.most_common(1)[0][0]
    allt = _clean("".join(title_lines))
    cover = _clean("".join(pages[0])) if pages else ""
    kinds = re.findall(r"(?:部门|单位)(?:综合)?(预算|决算)|年度?(预算|决算)", cover)
    found = {a or b for a, b in kinds}
    if len(found) == 1:
        out["kind"] = found.pop()  # the cover says it: "……年度部门决算"
    if not out["kind"]:
        out["kind"] = "决算" if "决算" in allt and "预算" not in allt else "预算"
    if not out["scope"]:
        out["scope"] = "单位" if re.search(r"单位(预算|决算)", allt) and not re.search(r"部门(预算|决算)", allt) else "部门"
    if not out["title"]:
        out["title"] = (allt[:80]) if allt else ""
    return out


def apply(doc, title_lines: list[str], meta_lines: list[str]) -> None:
    """Set department, year, kind, scope and title of a Document from its own text."""
    info = detect(title_lines, meta_lines)
    doc.department = info["department"]
    doc.year = info["year"]
    doc.kind = info["kind"]
    doc.scope = info["scope"]
    doc.title = info["title"]
