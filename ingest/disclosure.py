"""Is a parsed file a budget / final-account disclosure at all?

Public budget folders hold circulars, notices, forms and reports saved under names such as
"2026年部门预算.pdf". A document is stored only when it shows both halves of what every
部门/单位 预算/决算 disclosure has:

- a title: "……部门预算" / "……单位预算" / "……部门决算" (also "部门综合预算") on its first pages,
  or in the titles of its standard tables ("部门预算收支总表"); a tables-only 报表 file with no title
  page (the second half of a two-file release) is recognised by its set of standard tables;
- content: at least one standard table (收支总表, 收入总表, 支出总表, 财政拨款收支总表, 一般公共预算 /
  政府性基金 / 国有资本经营预算支出表, 基本支出表, 项目支出表, “三公”经费表), or, for the narrative
  half of a two-file release, the standard sections of a 情况说明 (收入、支出、“三公”经费、名词解释…).
"""

from __future__ import annotations

import re

from ingest.meta import find_title
from ingest.model import Document, IngestError
from ingest.text import clean

# the standard tables every disclosure prints (ingest.tables.classify keys)
STANDARD_TABLES = frozenset({
    "income_expense_total", "income_total", "expense_total", "fiscal_income_expense_total",
    "general_public_expense", "general_public_basic", "basic_expense", "gov_fund", "state_capital",
    "sanggong", "fiscal_expense", "project_expense",
})
# a tables-only 报表 file without a title page shows at least this many different standard tables
TABLE_SET = 3
# the sections of a 情况说明, by topic; money topics are the ones a budget explanation cannot lack
_SECTION_TOPICS: dict[str, re.Pattern[str]] = {
    "duties": re.compile(r"职责|职能|部门情况|单位情况|基本情况|部门概况|单位概况|机构设置"),
    "total": re.compile(r"收支.*(总体|总表|情况)|总体情况"),
    "income": re.compile(r"收入.*(预算|决算|情况)"),
    "expense": re.compile(r"支出.*(预算|决算|情况)"),
    "fiscal": re.compile(r"财政拨款"),
    "sanggong": re.compile(r"三公"),
    "running": re.compile(r"机关运行经费"),
    "procurement": re.compile(r"政府采购"),
    "assets": re.compile(r"国有资产|资产占用"),
    "performance": re.compile(r"绩效"),
    "glossary": re.compile(r"名词解释"),
}
_MONEY_TOPICS = {"total", "income", "expense", "fiscal", "sanggong"}
NARRATIVE_TOPICS = 4  # distinct section topics, at least two of them about money
_TABLE_TITLE = re.compile(r"(部门|单位)(综合)?(预算|决算)|预算(单位|部门)")


class NotDisclosure(IngestError):
    """A readable file that is not a budget / final-account disclosure."""


def section_topics(doc: Document) -> set[str]:
    heads = {clean(h) for p in doc.paragraphs if not p.in_contents for h in p.heading_path}
    return {topic for h in heads if len(h) <= 40 for topic, pat in _SECTION_TOPICS.items() if pat.search(h)}


def standard_tables(doc: Document) -> set[str]:
    return {t.kind for t in doc.tables if t.kind in STANDARD_TABLES}


def has_title(doc: Document) -> bool:
    """A 部门/单位 预算/决算 title on the first pages, or in a standard table's title."""
    if find_title(clean(doc.title)):
        return True
    return any(t.kind in STANDARD_TABLES and _TABLE_TITLE.search(clean(t.title)) for t in doc.tables)


def check(doc: Document) -> None:
    """Raise IngestError with one Chinese line when the document is not a disclosure."""
    tables = standard_tables(doc)
    topics = section_topics(doc)
    titled = has_title(doc) or len(tables) >= TABLE_SET
    narrative = len(topics) >= NARRATIVE_TOPICS and len(topics & _MONEY_TOPICS) >= 2
    if titled and (tables or narrative):
        return
    first = clean(doc.title)[:30]
    seen = f"（首页文字：“{first}”）" if first else ""
    if titled:
        raise NotDisclosure(
            f"不像部门预算/决算公开文件{seen}：有预算/决算标题，但既没有收支总表等标准预算表，也没有预算说明的标准章节"
        )
    if tables:
        raise NotDisclosure(f"不像部门预算/决算公开文件{seen}：有预算表格，但没有“部门预算”“单位预算”“部门决算”一类的标题")
    raise NotDisclosure(f"不像部门预算/决算公开文件{seen}：没有“部门预算”“单位预算”“部门决算”一类的标题，也没有收支总表等标准预算表")
