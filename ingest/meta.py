"""Document metadata read from the document itself (file names lie).

The cover title is split over lines ("2026 年度" / "福州市商务局" / "部门预算"), so the
large-font lines of the first pages are joined before matching.
"""

from __future__ import annotations

import re
from collections import Counter

from ingest.text import clean

# a body's name ends so ("…局", "…中心", "…支队")
ORG_END = re.compile(
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


def _strip_unit(dept: str) -> str:
    return re.sub(r"(金额)?单位[:：]?.*$", "", dept)


def is_labelled(line: str) -> bool:
    """'预算主管部门：上海市普陀区财政局' and the like."""
    return bool(re.match(r"^(预算主管部门|主管部门|部门名称|单位名称|编制单位|编制部门)[:：]", clean(line)))


# a disclosure's own title: "2026年度福州市商务局部门预算", "上海市2026年市级单位预算", "2019年部门综合预算公开报表"
TITLE_RE = re.compile(r"(?P<year>20\d\d)?年?度?(区级|市级|省级|县级|本级)?(?P<scope>部门|单位)(综合)?(?P<kind>预算|决算)")
# an official letter that only mentions budgets: "关于做好2026年部门预算编制工作的通知"
_NOTICE = re.compile(r"关于.{0,60}(通知|通报|意见|报告|批复|函|办法|规定|方案)|(通知|通报|批复)$")
_NAME_LINE = re.compile(r"^[\u4e00-\u9fa5（）()·]{3,30}$")
_NOT_NAME = re.compile(r"[的是为将按由其在对与及了]")


def dept_from_text(text: str) -> str:
    """A labelled organisation name ("预算单位：上海市信访办公室") or a line that is only a name, or ''."""
    m = _LABELLED.search(clean(text))
    if m:
        d = _strip_unit(m.group("dept"))
        if len(d) >= 2:
            return d
    t = clean(text)
    if _NAME_LINE.match(t) and ORG_END.search(t) and not _NOT_NAME.search(t):
        return t
    return ""


def _drop_suffix_bumen(name: str) -> str:
    """'北京市医疗保障局部门' -> '北京市医疗保障局' (the organisation, not 'its department'); '工会部门' stays."""
    if name.endswith("部门") and re.search(r"(局|委员会|委|办公室|办公厅|厅|中心)$", name[:-2]):
        return name[:-2]
    return name


def find_title(text: str) -> re.Match[str] | None:
    """The 部门/单位 预算/决算 title in a cleaned title line, or None (also for a notice that mentions one)."""
    m = TITLE_RE.search(text)
    if m is None or _NOTICE.search(text[: m.start()] + text[m.start() : m.end() + 30]):
        return None
    return m


def dept_before_title(text: str, m: re.Match[str]) -> str:
    """The organisation named right before the title words: '2026年度福州市商务局' + '部门预算'."""
    prefix = _NOISE.sub(" ", text[: m.start()])
    prefix = re.sub(r"(20\d\d)?年度?$", "", prefix.rstrip())
    runs = [re.sub(r"^关于", "", r) for r in _CJK_RUN.findall(prefix)]
    names = [r for r in runs if ORG_END.search(r) and 3 <= len(r) <= 30]
    return _drop_suffix_bumen(names[-1]) if names else ""


def detect(title_lines: list[str], meta_lines: list[str]) -> dict:
    """Department, year, kind (预算/决算), scope (部门/单位) and the document's title.

    title_lines: the big-font lines of the first pages in reading order, page by page
    (an empty string between pages); meta_lines: table meta lines ("编制部门：…", "711 工会部门").
    The department comes only from the title page: a labelled name, the name in the title, or a
    line that is a name alone; else from the tables' labelled meta lines. Never from a sentence.
    ``title`` is the recognised 预算/决算 title ('' when the first pages have none).
    """
    out: dict = {"department": "", "year": None, "kind": "", "scope": "", "title": ""}
    pages: list[list[str]] = [[]]
    for ln in title_lines:
        if ln == "":
            pages.append([])
        else:
            pages[-1].append(ln)
    years: Counter[int] = Counter()
    for lines in pages:
        joined = clean("".join(lines))
        m = find_title(joined)
        if not joined or m is None:
            continue
        start = max(0, m.start() - 40)
        out["title"] = joined[start : m.end() + 8][:80]
        out["kind"], out["scope"] = m.group("kind"), m.group("scope")
        if m.group("year"):
            years[int(m.group("year"))] += 5
        labelled = [d for x in lines if _LABELLED.search(clean(x)) for d in [dept_from_text(x)] if d]
        named = [d for x in lines for d in [dept_from_text(x)] if d]
        out["department"] = (labelled or [dept_before_title(joined, m)] or [""])[0] or (named or [""])[0]
        for y in re.findall(r"(20\d\d)\s*年?", joined[: m.end() + 8]):
            years[int(y)] += 1
        break
    meta_votes: Counter[str] = Counter()
    for line in meta_lines:
        t = line.strip()
        m = _LABELLED.search(clean(t)) or _CODE_DEPT.match(t)
        if m:
            d = _strip_unit(m.group("dept"))
            if len(d) >= 2 and not re.search(r"万元|^元$", d):
                meta_votes[d] += 1
        y = re.search(r"(?:预算年度|年度)[:：]\s*(20\d\d)", clean(t))
        if y:
            years[int(y.group(1))] += 1
    if not out["department"] and meta_votes:
        out["department"] = _drop_suffix_bumen(meta_votes.most_common(1)[0][0])
    if not years and pages and pages[0]:
        for y in re.findall(r"20\d\d", clean("".join(pages[0]))):
            years[int(y)] += 1
    if not years:
        for ln in title_lines:
            for y in re.findall(r"(20\d\d)\s*年", ln):
                years[int(y)] += 1
    if years:
        out["year"] = years.most_common(1)[0][0]
    allt = clean("".join(title_lines))
    if not out["kind"]:
        out["kind"] = "决算" if "决算" in allt and "预算" not in allt else "预算"
    if not out["scope"]:
        out["scope"] = "单位" if re.search(r"单位(预算|决算)", allt) and not re.search(r"部门(预算|决算)", allt) else "部门"
    if not out["title"]:
        out["title"] = allt[:80]  # the first words, for display; ingest.disclosure tells a real title by find_title
    return out


def apply(doc, title_lines: list[str], meta_lines: list[str]) -> None:
    """Set department, year, kind, scope and title of a Document from its own text."""
    info = detect(title_lines, meta_lines)
    doc.department = info["department"]
    doc.year = info["year"]
    doc.kind = info["kind"]
    doc.scope = info["scope"]
    doc.title = info["title"]
