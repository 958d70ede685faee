"""The offline answer composer: deterministic Chinese sentences built only from evidence,
each figure followed by its [n] citation marker; computations show their formula."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from assistant.catalog import BODY_FIELD, Catalog
from assistant.evidence import DocInfo, RowEvidence, TextEvidence
from assistant.rank import printed_in
from assistant.retrieve import RRF_K, rrf
from assistant.understand import COLUMN_INTENTS, Query, aliases, regions_of
from assistant.vocab import (
    ASKED_AS_WRITTEN,
    BODY_ASKED,
    CHANGE_Q,
    COUNT_Q,
    COUNTED,
    FUND_TABLES,
    HEADCOUNT_Q,
    MONEY_ASKED,
    PRINTED_AS,
    RESIDUE_WORDS,
    SAME_COUNT,
    SCORE_ASKED,
    SCORE_COLUMN,
    SPLIT_COLUMNS,
    SUBJECT_NOUN,
    TOTAL_NOISE,
    USE_Q,
    counted_noun,
    id_marks,
)
from ingest.model import SCORE_TOTAL, code_level, parse_amount
from ingest.text import longest

_WS = re.compile(r"\s+")
_DASHES = re.compile(r"[-－—_]")
_ORDINAL = re.compile(r"^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d))")
_PURPOSE = re.compile(r"主要用于|主要为|用于|主要是|原因|因为|由于|主要包括|具体包括")
# a form's own amount ("当年预算", "资金总额")
PERIOD_AMOUNT = re.compile(r"实施期|中期")  # a form's total over its implementation period, not the year's
FORM_AMOUNT = re.compile(r"(当年|年度|本年)?(财政拨款)?(预算数?|预算金额)|(项目|年度|实施期|中期)?资金总额|金额合计|年度资金申请总额|项目(资金)?总额")
# a form's rows for where its money comes from: not a project's name
_FORM_SOURCE = re.compile(r"(其中[:：]?)?(当年)?(财政拨款|上年结转|上年结余|其他资金)")
_TOTAL_LABELS = ("合计", "总计", "支出合计", "本年支出合计")
_CJK = re.compile(r"[\u4e00-\u9fa5]")
_STANDARD_WORDS = re.compile(r"一般公共|政府性|国有资本|经营|财政|专户|上年|本年|年度|单位|部门|其他|事务|管理")
_PROSE_LABEL = re.compile(r"[：:]\s*(是指|指|包括)")
SYNONYMS = {
    "收入预算总额": "收入总计", "收入预算总数": "收入总计", "预算收入总额": "收入总计",
    "总收入": "收入总计", "收入总额": "收入总计", "收入合计": "收入总计",
    "总支出": "支出总计", "支出总额": "支出总计", "支出合计": "支出总计",
    "一般公共预算收入": "一般公共预算拨款收入", "财政拨款收入": "财政拨款收入",
}
# table kinds to prefer, by what the question is about
KIND_ORDER = ("expense_total", "general_public_expense", "income_expense_total", "fiscal_income_expense_total",
              "income_total", "general_public_basic", "basic_expense", "project_expense", "sanggong", "gov_fund",
              "state_capital", "procurement", "assets", "performance", "org", "other")


@lru_cache(maxsize=65536)
def clean(t: str) -> str:
    return _WS.sub("", t or "")


@lru_cache(maxsize=65536)
def bare(label: str) -> str:
    return _ORDINAL.sub("", clean(label))


def part_label(label: str) -> str:
    """A row's name without the "其中：" that marks it a part ("其中：当年财政拨款" is asked "当年财政拨款")."""
    return re.sub(r"^其中[:：]?", "", bare(label))


def leaf(col: str) -> str:
    return col.split("/")[-1]


def group_total(col: str, table: str = "") -> str:
    """A column as a reader names it: its last level, with its group when that level is only a total
    ("财政拨款/合计" -> "财政拨款合计"), unless the table is about that group already."""
    parts = col.split("/")
    if len(parts) > 1 and parts[-1] in ("小计", "合计", "总计") and parts[-2] not in table:
        return parts[-2] + parts[-1]
    return parts[-1]


def fmt_unit(unit: str | None) -> str:
    return unit or ""


@dataclass(frozen=True)
class Figure:
    """An amount an answer gave: for which ask and document, as printed, in which unit, from where."""

    ask: int
    doc: DocInfo
    printed: str
    value: Decimal
    unit: str
    evidence: RowEvidence | TextEvidence
    what: str = ""  # the listed thing it answers ("公务接待费"), when the ask listed several

    @property
    def wan(self) -> Decimal:
        return self.value / 10000 if self.unit == "元" else self.value * 10000 if self.unit == "亿元" else self.value


@dataclass
class Draft:
    """The answer being written: text, cited evidence in citation order, computed numbers."""

    parts: list[str] = field(default_factory=list)
    evidence: list[RowEvidence | TextEvidence] = field(default_factory=list)
    computed: list[Decimal] = field(default_factory=list)
    answerable: bool = True
    figures: list[Figure] = field(default_factory=list)  # the amounts the answer gives, for comparisons
    ask: int = 0  # which ask is being answered
    what: str = ""  # which listed thing of it

    def record(self, doc: DocInfo, printed: str, unit: str | None, ev: RowEvidence | TextEvidence,
               also: bool = False) -> None:
        """Remember an amount given for the current ask (the first one per document counts; `also`: one more
        column of the same row the ask named, "人员经费和公用经费哪个多")."""
        value = parse_amount(printed)
        if value is None or not also and any(f.ask == self.ask and f.doc.doc_id == doc.doc_id for f in self.figures):
            return
        self.figures.append(Figure(self.ask, doc, printed, value, unit or "", ev, self.what))

    def cited(self, ev: RowEvidence | TextEvidence) -> bool:
        return any(e.key == ev.key and (not isinstance(e, TextEvidence) or e.text == ev.text) for e in self.evidence)

    def cite(self, ev: RowEvidence | TextEvidence) -> str:
        for i, e in enumerate(self.evidence):
            if e.key == ev.key and (not isinstance(e, TextEvidence) or e.text == ev.text):
                return f"[{i + 1}]"
        self.evidence.append(ev)
        return f"[{len(self.evidence)}]"

    def add(self, text: str) -> None:
        self.parts.append(text)

    def mark(self) -> tuple[int, int, int]:
        """Where the answer stands, to go back to when a reading turns out not to answer."""
        return len(self.parts), len(self.evidence), len(self.figures)

    def rollback(self, mark: tuple[int, int, int]) -> None:
        self.parts, self.evidence, self.figures = self.parts[: mark[0]], self.evidence[: mark[1]], self.figures[: mark[2]]

    @property
    def text(self) -> str:
        # (a cited sentence two asks both give is said once)
        seen: set[str] = set()
        out = []
        for sentence in re.split(r"(?<=。)", "".join(self.parts)):
            if "[" in sentence and sentence in seen:
                continue
            seen.add(sentence)
            out.append(sentence)
        return "".join(out)


# ---------------------------------------------------------------- row lookup

def _kind_order(q: Query) -> list[str]:
    order = list(KIND_ORDER)
    front: list[str] = []
    if any(c in q.columns for c in ("人员经费", "公用经费")) or re.search(r"经济分类|工资福利|商品和服务|对个人和家庭", q.text) \
            and not re.search(r"(?:一般公共预算|财政拨款)支出(?!.*基本)", q.text):  # (unless the whole 支出 is named)
        front += ["general_public_basic", "basic_expense"]
    if "收入" in q.subject and "支出" not in q.subject:
        front += ["income_expense_total", "income_total", "fiscal_income_expense_total"]
    if "财政拨款" in q.text:
        front += ["fiscal_income_expense_total", "general_public_expense"]
    if "三公" in q.text:
        front += ["sanggong"]
    front += [kind for word, kind in FUND_TABLES.items() if word in q.text]  # the named fund's own table
    if any(word in q.text for word in FUND_TABLES):
        front += ["fiscal_income_expense_total"]  # then the 财政拨款 tables the fund is part of, before all funds'
    if "采购" in q.text:
        front += ["procurement"]
    if "资产" in q.text:
        front += ["assets"]
    return front + [k for k in order if k not in front]


def subject_text(q: Query) -> str:
    s = q.subject
    for k, v in SYNONYMS.items():
        if k in s and v not in s:
            s = s.replace(k, v)
    # money "from" a fund is the fund's grant ("有多少来自某基金" -> 某基金预算拨款)
    return _FROM_FUND.sub(lambda m: re.sub("(?<!预算)$", "预算", m.group(1)) + "拨款", s)


_FROM_FUND = re.compile(f"(?:来自|来源于|出自)于?({'|'.join(FUND_TABLES)})(?:预算)?(?:拨款|资金)?")


_EVERY_ITEM = re.compile(r"工作|经费|支出|费用|资金|专项|项目|安排|预算|钱|[的在上里中]")


def own_qualifier(subj: str, field: str) -> str:
    """The subject's one word of two or three characters besides the department's field ("信访") and words every
    item has (工作, 经费, 支出…): "驻京信访工作" -> "驻京"; "" when it has none or several."""
    rest = _EVERY_ITEM.sub("|", subj.replace(field, "|") if field else subj)
    words = [w for w in re.split(r"[^\u4e00-\u9fa5]+|\|", rest) if w]
    # (beside words every item has, "驻京经费"; not a word asked alone, "编制")
    return words[0] if len(words) == 1 and 2 <= len(words[0]) <= 3 and len(subj) > len(words[0]) else ""


def is_indicator(r: RowEvidence) -> bool:
    """A performance indicator's row: marked so, or printing a value in an indicator column ("本年绩效指标值")."""
    return r.kind == "indicator" or any("指标值" in leaf(c) for c in r.values)


def named_in(label: str, subject: str) -> bool:
    """A row's name written in the subject (which drops 的: "A和B补助" names "A和B的补助")."""
    return bare(label) in subject or bare(label).replace("的", "") in subject


def subject_marks(cat: Catalog, doc: DocInfo, subj: str) -> list[str]:
    """The subject's identifying Latin words and numbers (not a code the document's rows carry)."""
    marks = id_marks(subj)
    return [m for m in marks if not any(r.code == m for r in cat.doc_rows(doc.doc_id))] if marks else []


def match_rows(cat: Catalog, q: Query, doc: DocInfo) -> list[RowEvidence]:
    """Rows of one document whose label, code or column the question names, best first (kept per question
    reading: one answer asks it many times)."""
    key = ("rows", doc.doc_id, q.text, q.subject, *map(tuple, (q.units, q.intents, q.columns, q.codes)))
    if key not in cat.memo:
        if len(cat.memo) > 4096:
            for k in [k for k in cat.memo if k[0] == "rows"]:
                del cat.memo[k]
        cat.memo[key] = _match_rows(cat, q, doc)
    return list(cat.memo[key])  # type: ignore[call-overload]


_SIDES = {"收入": "支出", "支出": "收入"}
# the tables whose every amount is of an asked column ("财政拨款": a 一般公共预算 or 财政拨款 table's)
_WHOLLY = {"财政拨款": ("general_public_expense", "general_public_basic", "fiscal_expense", "fiscal_income_expense_total"),
           "基本支出": ("basic_expense", "general_public_basic"), "项目支出": ("project_expense",)}
FUND_WORDS = frozenset({"财政拨款", *FUND_TABLES, "一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款",
                        "政府性基金预算", "国有资本经营预算"})


def _qualified_fund(name: str, subj: str) -> bool:
    """A row named only by a fund, in a subject that names something else besides ("某经费财政拨款安排"): the fund
    qualifies that thing; the fund's own row is not the answer."""
    if name not in FUND_WORDS:
        return False
    rest = re.sub(r"收入|支出|[^\u4e00-\u9fa5]", "", TOTAL_NOISE.sub("", subj.replace(name, "")))
    # (a 类 named inside the fund, "某资金里X支出": two characters name it)
    return len(rest) >= 4 or len(re.sub(r"^(?:拨款|预算|资金)+|^[里中的]|[里中的]$", "", rest)) >= 2 and bool(
        re.search(r"[里中][\u4e00-\u9fa5]{2,}支出", subj))


_BODY_FIELD = re.compile(r"(?:项目)?([\u4e00-\u9fa5]{2})(?:单位|部门)")
_RELEASE_ROW = re.compile(r"(?:[一二三四五六七八九十]+[、.．])?(?:部门|单位)(?:综合)?(?:预算|决算)")


_LEAD_YEAR = re.compile(r"^20\d\d年度?")
_YEAR_RANGE = re.compile(r"(20\d\d)年?\s*[-—–~至]\s*(20\d\d)年")


def _years_range(text: str) -> str:
    """A span of years written one way ("2026年-2027年", "2026至2027年" -> "2026-2027年")."""
    return _YEAR_RANGE.sub(r"\1-\2年", text)


def _department_wide(cat: Catalog, doc: DocInfo) -> frozenset[str]:
    """The names of the rows printed for the department as a whole, in a document whose tables also print unit blocks
    (none otherwise); read once per document."""
    key = ("wide", doc.doc_id)
    if key not in cat.memo:
        rows = cat.doc_rows(doc.doc_id)
        cat.memo[key] = frozenset(bare(r.label) for r in rows if not r.unit_name and r.values) \
            if any(r.unit_name for r in rows) else frozenset()
    return cat.memo[key]  # type: ignore[return-value]


def _listed_names(cat: Catalog, doc: DocInfo) -> tuple[dict[str, set[Decimal]], Counter[tuple[int, str]]]:
    """Read once per document: the amounts each name prints in the standard tables, and how many rows of each
    performance table share each part of a dashed name ("某补助-某学生补助")."""
    key = ("listed", doc.doc_id)
    if key not in cat.memo:
        amounts: dict[str, set[Decimal]] = {}
        for r in cat.doc_rows(doc.doc_id):
            if r.table_kind != "performance":
                amounts.setdefault(bare(r.label), set()).update(a for v in r.values.values() if (a := parse_amount(v)))
        parts = Counter((r.table_idx, x) for r in cat.doc_rows(doc.doc_id) if r.table_kind == "performance"
                        for x in _DASHES.split(bare(r.label)))
        cat.memo[key] = (amounts, parts)
    return cat.memo[key]  # type: ignore[return-value]


def _unnamed(text: str, names: list[str]) -> str:
    for n in sorted((n for n in names if len(n) >= 5), key=longest):
        text = text.replace(n, "|")
    return text


def _match_rows(cat: Catalog, q: Query, doc: DocInfo) -> list[RowEvidence]:
    subj = subject_text(q)
    raw = q.subject
    gloss = "".join(re.findall(r"[（(]([^）)]*)[）)]", subj))  # "住房保障（公积金、提租和购房补贴）": an explanation
    order = _kind_order(q)
    named_form = _named_form(cat, doc, subj, tuple(q.units))
    bodies = form_bodies(cat, doc) if q.units else {}
    table_named = named_table(cat, doc, subj)
    core = dept_field(doc.department)
    titled = re.findall(r"[《“「『]([^》”」』]{3,30})[》”」』]", q.text)  # names the question quotes
    # (or a short thing the unit's own block prints by that name: "X学院的电费")
    within = bool(q.units) and (asks_within(q) or _in_unit_block(cat, doc, q, own_words(q)))
    # forms where the question names a column of some row ("6月底"): that row answers, not the form's total
    # (or a row of it by name: "其中补助区县有多少")
    col_named = {r.table_idx for r in cat.doc_rows(doc.doc_id) if r.table_kind == "performance"
                 and (any(len(leaf(c)) >= 2 and leaf(c) != r.label and leaf(c) in subj for c in r.values)
                      or (r.kind in ("", "indicator") and len(bare(r.label)) >= 3 and bare(r.label) in subj
                          and not FORM_AMOUNT.fullmatch(bare(r.label))))}
    quoted = _quoted(q.text)
    owners = {a for a in aliases(doc.department) if len(a) >= 3} if quoted else set()
    own_names = aliases(doc.department)  # (a block labelled with the department itself is the department's)
    wide = _department_wide(cat, doc) if not q.units else frozenset()
    # rows of the standard tables the subject names exactly (four characters or more)
    exact = {n for r in cat.doc_rows(doc.doc_id) if r.table_kind != "performance" and len(n := bare(r.label)) >= 4
             and (n in subj or "的" in n and n.replace("的", "") in subj)}  # (as named_in, on the hot path)
    fund_kinds = {kind for word, kind in FUND_TABLES.items() if word in q.text}
    # (a shorter name too, when the asked unit's own block prints a row of it: "X医院的工作经费")
    in_block = {_untagged(bare(r.label), r.unit_name) for r in cat.doc_rows(doc.doc_id)
                if r.unit_name and is_unit_row(r, q.units)} if within else set()
    exact |= {n for n in in_block if len(n) >= 2 and n in subj}  # ("物业管理费（X医院）" in X医院's block; "劳务费", "电费")
    named_whole = [n for n in exact if (len(n) >= 6 or n in in_block)
                   and not any(n.endswith(u) or u.endswith(n) for u in q.units)] if within else []
    restated: dict[str, RowEvidence] = {}
    unitless = subj
    for u in sorted(q.units, key=longest):
        unitless = unitless.replace(u, "|")
    standard_names, dash_parts = _listed_names(cat, doc)
    marks = subject_marks(cat, doc, subj)
    score_asked = bool(SCORE_ASKED.search(q.text))
    qual = own_qualifier(subj, core)
    marked_forms = {r.table_idx for r in cat.doc_rows(doc.doc_id) if r.table_kind == "performance"
                    and all(m in r.label + "".join(r.values.values()) for m in marks)} if marks else set()
    scored: list[tuple[float, RowEvidence]] = []
    for r in cat.doc_rows(doc.doc_id):
        name = bare(r.label)
        if r.table_kind == "performance" and r.kind == "":
            name = part_label(r.label)  # (a form's part rows, asked without 其中)
        if r.table_kind != "performance" and _PROSE_LABEL.search(name):
            continue  # a definition read as a table row ("机关运行经费：是指…"): prose, not a row of figures
        if _RELEASE_ROW.fullmatch(name):
            continue  # a row printed with the release's own name ("一、部门预算"): a question names the release, not it
        if r.table_kind == "performance" and not score_asked and r.values and all(SCORE_COLUMN.search(leaf(c)) for c in r.values):
            continue  # a project's points ("自评分数"), when its points are not asked
        if name not in subj:  # "广州牛路水库建设工程" names the row "广州市牛路水库建设工程"
            name = next((f for f in _asked_forms(name, core) if f in subj), name)
        if name not in subj and q.units and r.unit_name and is_unit_row(r, q.units):
            name = _untagged(name, r.unit_name)  # "物业管理费（X医院）" in X医院's block, X医院 asked: its 物业管理费
        if name not in subj and q.units and r.unit_name and is_unit_row(r, q.units) and len(name) >= 8:
            # "X院住培补助经费" in X院's block, X院 asked: the name after its owner's short tag, as the subject names it
            # (a tag of the owner's own characters, "市一医院" of 某市第一人民医院; not "其他X")
            name = next((name[i:] for i in range(2, len(name) - 5) if name[i:] in subj
                         and sum(c in r.unit_name for c in name[:i]) >= max(2, 0.75 * i)), name)
        if r.table_kind != "performance" and _qualified_fund(name, subj):
            continue  # (a form's own 财政拨款 row answers within its project)
        score = 0.0
        if r.table_kind == "performance":
            proj = project_name(r.table)
            # (or printed with its year in front, "2026年驻京经费", which the reader leaves out)
            bare_name = _LEAD_YEAR.sub("", name)
            listed = next((x for x in (name, *_DASHES.split(name), bare_name) if len(x) >= 4 and x in subj
                           and (x in (name, bare_name) or dash_parts[r.table_idx, x] == 1)), "") if r.kind == "" else ""
            # (or by most of its words with a name it quotes, "办《某刊》" of "《某刊》办刊经费": a row of a list of
            # projects with its amount)
            loose = not listed and r.kind == "" and bool(r.values) and len(name) >= 6 and name != project_name(r.table) \
                and any(x in name for x in titled) \
                and len(common := bigrams(name) & bigrams(subj)) >= 3 and len(common) >= 0.5 * len(bigrams(name))
            if loose:
                listed = name
            if listed and not (len(proj) >= 4 and proj in subj) \
                    and not FORM_AMOUNT.fullmatch(name) and not _FORM_SOURCE.fullmatch(name):
                # a list of projects, one row each ("某刊物办刊经费 | 项目总额 | 绩效目标"); a part of a
                # dashed name ("某补助-某学生补助") names it too, when no other row shares it ("某经费-某海关")
                proj = listed
                if {parse_amount(v) for v in r.values.values()} & standard_names.get(bare(r.label), set()):
                    restated[bare(r.label)] = r  # (a standard table prints the same project with the same amount)
            # (the department's own name in a form's, "X委员会部门整体支出", says whose form it is, not what it is of)
            shared = bigrams(_unnamed(proj, own_names)) & bigrams(subj)
            # the project named whole, or quoted as the most of the form's name that ends it (a qualifier before it,
            # "西安市级" + the quoted name; not a longer thing, "X培训" for a quoted X)
            proj_named = len(proj) >= 4 and (proj in subj or proj in q.text
                                             or any(len(x) >= 0.6 * len(core) and core.endswith(x) for x in quoted
                                                    for core in {proj, re.sub(r"[（(][^（）()]*[）)]$", "", proj)}))  # (its fund in brackets after)
            only_proj = len(proj) >= 4 and not subj.replace(proj, "")  # a project named and nothing else: its amount
            if proj_named:  # (or a name holding the department's short name)
                score += 10 * len(proj)
            elif (weight := len(shared) + 2 * sum(x.isascii() for x in shared)) >= 3 \
                    or (shared and len(shared) >= 0.5 * len(bigrams(proj))):
                score += 5 * weight  # (a Latin word shared, "MRI", is as specific as a few character pairs)
            elif shared and r.table_idx == named_form:
                score += 15  # (the form named by few words and the unit carrying it out, "某医院的方舱式CT")
            elif not (r.kind == "indicator" and len(plain := _INDICATOR_NO.sub("", name)) >= (4 if re.search(r"绩效|指标", subj) else 6)
                      and re.search(r"指标|目标|满意度|率|要求", subj)
                      and plain.replace("的", "") in (subj + "|" + q.text).replace("的", "")) \
                    and not (r.kind == "indicator" and len(r.code) >= 4 and r.code in subj):  # (its 二级指标 named)
                continue
            # (a total over the implementation period, "实施期资金总额", when the form is what is asked: the budget
            # tables print the year's amount, to the yuan)
            if FORM_AMOUNT.fullmatch(r.label) and (not PERIOD_AMOUNT.match(r.label) or re.search(r"绩效|目标表|实施期", q.text)) \
                    and (MONEY_ASKED.search(q.text) or re.search(r"预算|金额", subj) or only_proj) \
                    and not re.search(r"指标|控制|目标(?!表)", subj) \
                    and (r.table_idx not in col_named or any(len(leaf(c)) >= 2 and leaf(c) in subj for c in r.values)) \
                    and (proj_named or not any(n in proj for n in exact)):
                # (not a longer project holding a row the question names exactly: "X业务" is no "X业务培训")
                score += 45  # "项目预算多少": the project's 预算数, not an indicator that mentions 预算
            if r.kind == "text" and (body := _BODY_FIELD.fullmatch(bare(r.label))):
                # a form's field naming a body ("实施单位", "主管部门"): the body asked by the field's own verb
                if not (BODY_ASKED.search(q.text) and body.group(1) in q.text):
                    continue
                score += 40
            elif r.kind == "text":
                if not (re.search(r"目标(?!表)|效果|干啥", q.text) or USE_Q.search(q.text)):
                    continue
                wants_goal = bool(re.search(r"目标|效果", subj))
                score += 30 if wants_goal == ("目标" in r.label) else 5
            if r.kind == "indicator" and SCORE_TOTAL.fullmatch(name) and SCORE_ASKED.search(q.text):
                score += 55  # the form's score asked, no indicator named: its 总分 row
            elif r.kind == "indicator":
                rest = _beside(subj, proj) - _GENERIC
                hit = len(rest & bigrams(name + r.code))
                if any(x in proj or proj in x for x in quoted) and hit == 1 and len(name) >= 4 \
                        and name.endswith(head := _cjk_of(subj)[0][-2:]) and head in rest:
                    # the project quoted, and the thing asked of it ends its words as it ends an indicator's name
                    # ("…”项目的发放标准" -> "某补贴核定标准")
                    hit += 1
                fuzzy = hit / len(rest) if rest else 0.0
                score += 20 + 40 * fuzzy if (fuzzy >= 0.3 or hit >= 2) else -15
                if len(r.code) >= 4 and r.code in subj:
                    score += 10 * len(r.code)  # its 二级指标 named whole ("社会效益指标有哪些"): the indicators under it
                if (counters := COUNT_Q.findall(q.text)) and any(re.search(rf"\d\s*{c}", v) for c in counters for v in r.values.values()):
                    score += 10  # a count asked ("考多少人"): the indicator valued in that counter, not its rate
                if (counted := counted_noun(q.text)) and len(counted[1]) >= 2 and counted[1] in name \
                        and any(re.search(rf"\d\s*[{SAME_COUNT.get(counted[0], counted[0])}]", v) for v in r.values.values()):
                    score += 20  # (and of the thing counted, in a counter of its kind: "几名保安" is 保安人数 ≥8人)
            elif r.kind == "" and not (part_label(r.label) in subj or any(leaf(c) in subj for c in r.values)):
                if not (MONEY_ASKED.search(q.text) or re.search(r"预算|资金|金额|钱|经费|支出|安排|计划|月底|财政|编码|代码", subj + q.text)
                        or only_proj):
                    continue
                if not proj_named and not len(shared) >= (0.5 if loose else 0.6) * len(bigrams(proj)) \
                        and r.table_idx != named_form:
                    continue  # a loose match on the project name and a row the question does not name
                score -= 4
        elif r.kind == "text":
            continue
        if r.code and r.code in q.codes:
            score += 200 + len(r.code)  # a code is the most specific name: above a unit's own row
        if r.table_kind == "performance" and r.kind == "" and name == project_name(r.table) and "目标" in subj \
                and not MONEY_ASKED.search(q.text):
            pass  # a project's own row in a list of projects holds its amount: its goal is its text row
        elif len(name) >= 3 and name in raw and name not in subj:
            score += 10 * len(name) + 2 * code_level(r.code) + 1  # printed as asked ("本年支出合计"), before synonyms
        elif len(name) >= 2 and (name in subj or name.replace("的", "") in subj) \
                and (not q.units or name in unitless  # (not a word of a unit's name: "应急救援" of "X应急救援中心"…
                     or is_unit_row(r, q.units) and (not r.unit_name or bare(r.label) == bare(r.unit_name))):  # …but its own row)
            # 项 over 款 when both are named; the later-named subject is the more specific one ("气象事务行政运行")
            score += 10 * len(name) + 2 * code_level(r.code) + 0.01 * subj.find(name.replace("的", "") if name not in subj else name)
        elif "、" in name and len(name) <= 16 and (item := max((x for x in name.split("、") if len(x) >= 2 and x in unitless
                                                                and _rows_with(cat, doc, x) <= 3), key=len, default="")):
            score += 10 * len(item)  # one of the few things a row lists ("航标灯" of "航标灯、闪光器"), few rows name it
        elif len(parts := [_LEAD_YEAR.sub("", x) for x in _DASHES.split(name) if x]) >= 2 \
                and all(len(x) >= 2 and x in subj for x in parts):
            # "某补助经费-某单位" asked "某单位的某补助经费" (its year in front left out)
            score += 10 * sum(map(len, parts))
        elif r.side and name in ("合计", "总计") and f"{r.side}总计" in subj:
            score += 40
        elif len(name) >= 4 and name.endswith("支出") and name[:-2] in subj and len(name) - 2 >= 2 \
                and f"{name[:-2]}收入" not in subj:  # ("其他收入" asked: not the row "其他支出")
            score += 8 * (len(name) - 2)
        elif len(name) >= 4 and name.endswith(("合计", "小计")) and name[:-2] in subj:
            score += 10 * (len(name) - 2) + 1  # "人员经费合计" answers "人员经费是多少"
        elif quoted_in := [x for x in quoted if _years_range(x) in _years_range(name)]:
            score += 10 * max(map(len, quoted_in))  # a name quoted in short ("“…二期”工程")
            if any(_years_range(name).replace(_years_range(x), "") in owners for x in quoted_in):
                score += 5  # the department's own project of that name, before its units' ("X局2026-2027年…")
        elif len(name) >= 8 and r.table_kind in ("project_expense", "special_fund") and gapped(name, subj):
            score += 8 * len(name)  # a long project name with a short word inside, or left out ("甲水库人影增雨" asked "甲水库增雨")
        elif r.code and r.table_kind != "performance" and len(subj) >= 6 and name.endswith(subj) and "其他" not in name:
            score += 10 * len(subj)  # a 科目 asked without the bodies its name opens with ("X支出" of "机关事业单位X支出")
        elif r.kind != "indicator" and (part := rare_part(cat, doc, name, subj, r.unit_name if q.units and r.unit_name
                                                             and is_unit_row(r, q.units) else "", tuple(q.units))):
            # part of a long name, which few rows share ("冷链物流" of "某市冷链物流发展扶持项目"), or few rows of the
            # unit asked; then the name's other words the subject writes
            score += 8 * len(part) + 0.5 * len(bigrams(name) & bigrams(subj))
        elif len(name) >= 4 and r.table_kind in ("project_expense", "special_fund") and gapped(name, subj):
            score += 6 * len(name)  # a project named with a short word inside ("会展经费" asked "会展工作的经费")
        elif r.code and r.table_kind != "performance" and not (COUNT_Q.search(q.text) or HEADCOUNT_Q.search(q.text)) \
                and name == word_names(cat, doc, subj):  # (not people counted: "离休人员有多少" is no 离休费)
            score += 8 * len(subj)  # the 科目 a reader's short word names ("公积金": 住房公积金; "工资": 工资福利支出)
        elif r.table_kind != "performance" and (k := _named_tail(name, subj)):
            score += 8 * k  # a class of the thing asked, printed with its grade before it ("三类会议费" for 会议费)
        elif r.table_kind != "performance" and qual and qual in name and r.unit in ("元", "万元") \
                and sum(qual in x.label for x in cat.doc_rows(doc.doc_id) if x.table_kind != "performance") <= 3:
            # the one word the subject has beside the department's field and words every item has ("驻京" of
            # "驻京信访工作"), in a name few rows carry: the same thing printed in other words ("驻京经费")
            score += 6 * len(qual) + len(bigrams(name) & bigrams(subj))
        if score > 0 and r.table_idx == table_named:
            score += 15  # a row of the table the question names
        elif score > 0 and r.table_kind in fund_kinds and (q.units or not r.unit_name):
            score += 8  # a row of the named fund's own table ("某资金里X": its X, basic and project spending both)
        if score > 0 and r.table_kind in ("project_expense", "special_fund") and re.search(re.escape(name) + r"(?:的)?项目(?!支出)", subj):
            score += 10  # "X项目": the project X, not the 科目 of the same name
        elif score > 0 and r.table_kind in ("project_expense", "special_fund", "performance") \
                and re.search(f"(?:{re.escape(name)}|{re.escape(project_name(r.table))})" + r"[”」』\"]?(?:的)?科目", subj):
            score -= 50  # "X科目": the classification's row X, not a project of the same name
        if score > 0 and r.kind != "indicator" and _INDICATOR_NO.match(name) and MONEY_ASKED.search(q.text):
            score *= 0.5  # a form's indicator read in a grid of its own ("指标3：完成…作业能力 | 460 万元/年"): no money of it
        if score > 0 and name in quoted and r.table_kind != "performance":  # (a form's rows repeat its name)
            score += 5 * len(name)  # the name quoted whole: that row, before longer names holding it
        need_cols = score > 0 or name in _TOTAL_LABELS or r.table_kind in ("org", "performance", "sanggong") \
            or (within and not r.unit_name)  # (only then are the named columns read below)
        named_cols = [c for c in _named_leaves(tuple(r.values)) if names_column(c, subj)] if need_cols else []
        if named_cols and (score > 0 or name in _TOTAL_LABELS or r.table_kind in ("org", "performance", "sanggong")):
            # (a column named without its trailing "支出" tips a tie between tables only)
            score += max(6 + len(c) if c in subj else 2 for c in named_cols)
        if r.table_kind == "org" and re.search(r"性质|规格|级别|保障形式|包括哪些单位|哪些单位|所属单位|下属单位", subj):
            score += 12
        # (or a column of the unit's own row the question names: a fund column asked within the unit)
        if q.units and not r.unit_name and is_unit_row(r, q.units) and r.table_kind != "performance" \
                and (not within or named_cols and not any(len(n) >= 6 and n not in named_cols and not any(
                    n.endswith(u) or u.endswith(n) for u in q.units) for n in exact)):  # (nor another row named whole)
            score += 10 * len(name)  # the unit's own row in a table broken down by unit (not a thing of the unit's)
        elif within and bare(r.label) == bare(r.unit_name) and is_unit_row(r, q.units) and any(
                _own_name(c) != leaf(c) and names_column(_own_name(c), subj) or long_column_named(c, subj) for c in r.values):
            score += 10 * len(bare(r.label))  # a block's head row, the unit's own, by a column group it prints ("政府采购项目/小计")
        elif q.units and r.unit_name and r.table_kind in fund_kinds and own_label(r.label).endswith(tuple(q.units)):
            score += 10 * len(own_label(r.label))  # (the unit's own row of the fund's table the question names, in blocks)
        if within and score > 0 and (r.unit_name and own_label(r.label).endswith(tuple(q.units))
                                     or not r.unit_name and is_unit_row(r, q.units)) \
                and any(n not in named_cols and not any(n in c for c in r.values) for n in named_whole):  # (nor a column group of its row)
            score -= 10 * len(name) * (1 if r.values else 2)  # a thing of the unit named whole ("X中心的某一经济分类行"): the unit's own row is where, not what
        if gloss and len(name) >= 2 and name in gloss and name not in re.sub(r"[（(][^）)]*[）)]", "", subj):
            score *= 0.5  # named only inside a parenthesised explanation: below what the question itself names
        if score <= 0 or (marks and r.table_idx not in marked_forms and not (len(name) >= 6 and name in subj)
                          and not (r.table_kind == "performance" and proj_named)
                          and not all(m in r.label + r.table + r.code + r.unit_name for m in marks)):
            continue  # (a name's Latin word or number a row matched loosely, or its form, does not print: another thing)
        if r.table_kind == "performance" and r.kind == "" and "绩效" not in q.text \
                and any(bare(r.label) in COLUMN_INTENTS[k] for k in ("基本支出", "项目支出", "人员经费", "公用经费")):
            score -= 100  # a form restating 项目支出 / 基本支出: the standard tables answer those
        if (r.table_kind == "procurement" and "采购" not in q.text) or (r.table_kind == "assets" and "资产" not in q.text):
            score -= 10  # what is bought, or owned, is a part of a subject's money: not its amount unless asked
        rank = order.index(r.table_kind) if r.table_kind in order else len(order)
        score += (len(order) - rank) * 0.5
        if q.columns and (printed := [c for c in q.columns if col_for(r, c)]):
            # (and 2 for each other asked column its table is wholly: 财政拨款 asked with 项目支出, a 一般公共预算 table's)
            score += 5 + 2 * sum(1 for c in q.columns if c not in printed and r.table_kind in _WHOLLY.get(c, ()))
        if any(c in SPLIT_COLUMNS and not col_for(r, c) and c not in r.label and r.table_kind not in _WHOLLY.get(c, ())
               for c in q.columns):
            score -= 15  # a split asked ("…项目支出") that the row neither prints nor is: its total is another figure
        if r.side and r.side in subj:
            score += 0.6
        elif r.side in _SIDES and _SIDES[r.side] in subj:
            score -= 3  # "…收入" asked: not a row of the 支出 side
        if q.units and r.unit_name:
            # the unit asked about; another unit's block is about another body
            score += 8 if is_unit_row(r, q.units) else -40
            if any(_sub_body(r.unit_name, u, q.text) for u in q.units):
                score -= 20  # (a body under the one asked, "X局福田分局" for X局: not X局 itself)
        elif q.units and r.table_kind == "performance" and r.table_idx in bodies and not any(u in bodies[r.table_idx] for u in q.units) \
                and any(u in b for b in bodies.values() for u in q.units):
            score -= 40  # a form another body carries out, while the unit asked carries out forms of its own
        elif within and bare(r.label) in in_block and not is_unit_row(r, q.units):
            score -= 40 + 10 * len(name)  # (the department's row of a name the unit's own block prints too: the unit's is asked)
        elif not q.units and r.unit_name and bare(r.label) in wide and r.unit_name not in own_names \
                and r.table_kind not in ("project_expense", "special_fund", "performance"):  # (a project is one unit's)
            score -= 20  # the department asked as a whole: its own row of the same name, not one unit's block
        if named_form is not None and r.table_kind == "performance" and r.table_idx != named_form:
            score -= 40  # the form of another project than the one the question names
        if not r.values:
            score -= 20  # a blank row answers only when nothing printed does
        scored.append((score, r))
    # "群众团体事务下面的行政运行": the named row under a named parent code wins over its namesakes
    plain = subj.replace("的", "")
    named = {r.code: r for _, r in scored if r.code and bare(r.label).replace("的", "") in plain}

    def under_named(r: RowEvidence) -> float:
        label = bare(r.label).replace("的", "")
        above = [x for c, x in named.items() if r.code and r.code != c and r.code.startswith(c)] if label in plain else []
        if any(bare(x.label).replace("的", "") == label and x.values != r.values for x in above):
            return -5  # "离休费" (项) under a larger "离休费" (款): the 款 is the whole asked
        return 50 + 10 * max(len(bare(x.label)) for x in above) if above else 0  # (above the parent's own name score)

    scored = [(sc + under_named(r), r) for sc, r in scored]
    own = bigrams(own_words(q)) if q.units else frozenset()
    inside = max((sc for sc, r in scored if r.unit_name and is_unit_row(r, q.units) and bare(r.label) != bare(r.unit_name)
                  and bare(r.label) not in _TOTAL_LABELS and own & bigrams(bare(r.label))), default=0.0)
    if inside > 0:
        # a thing of the unit asked, and a row of the unit's own block names its own words: the unit's head rows say
        # where, not what
        scored = [(min(sc, inside - 1) if is_unit_row(r, q.units) and (
            not r.unit_name or bare(r.label) == bare(r.unit_name)) else sc, r) for sc, r in scored]
    scored.sort(key=lambda x: -x[0])
    out = [r for _, r in scored]
    if out and restated.get(bare(out[0].label)) is out[0] and not (re.search(r"目标(?!表)|效果", q.text) or USE_Q.search(q.text)):
        # a list of projects' goals restating a project of the project table, its amount asked: the project table's
        # row (its funds to the cent) answers, the list's beside it
        same = next((r for r in out[1:6] if r.table_kind != "performance" and bare(r.label) == bare(out[0].label)
                     and {parse_amount(v) for v in r.values.values()} & {parse_amount(v) for v in out[0].values.values()} - {None}), None)
        if same is not None:
            out.remove(same)
            out.insert(0, same)
    return out


def long_column_named(col: str, text: str) -> bool:
    """A long column (ten characters or more) the text names by six or more of its own characters in a row, beyond
    its group's name (a long "其中：…中预留给X企业的项目资金规模" by its "X企业" words)."""
    own = re.sub(r"^其中[:：]?|20\d\d年度?", "", leaf(col))
    if len(own) < 10:
        return False
    group = re.sub(r"^20\d\d年度?", "", col.split("/")[-2]) if "/" in col else ""
    own = own.replace(group, "|") if len(group) >= 4 else own
    own = _STANDARD_TERMS.sub("|", own)  # (words every budget table prints name no column of its own)
    return any(own[i : i + 6] in text and "|" not in own[i : i + 6] for i in range(len(own) - 5))


# (the standard tables' fund and column words, and the carry-over every income table prints)
_STANDARD_TERMS = re.compile("|".join(sorted({*FUND_WORDS, *COLUMN_INTENTS, "财政专户", "结转", "结余"}, key=longest)))


def names_column(col: str, text: str) -> bool:
    """Whether the text names a column: whole, or without a trailing "支出" ("专项业务经费" for "专项业务经费支出") or
    "数" ("全年预算" for "全年预算数")."""
    return col in text or len(col) >= 6 and col.endswith("支出") and col[:-2] in text \
        or len(col) >= 5 and col.endswith("数") and col[:-1] in text


@lru_cache(maxsize=1 << 14)
def _beside(subj: str, proj: str) -> frozenset[str]:
    """The subject's character pairs outside its mention of the project ("X培训…实际培训人数": 实际培训人数 keeps 培训,
    said again beside the project's name), else those the project's name lacks."""
    from difflib import SequenceMatcher

    m = SequenceMatcher(None, subj, proj, autojunk=False).find_longest_match(0, len(subj), 0, len(proj))
    if m.size >= 4:  # (the project's own word after its name, "X项目里", is no word of what is asked)
        # (nor a short word glued before its name, "市级" + a project's name: the asker's longer name of it)
        before = re.sub(r"(?:^|(?<=[的，,、]))[\u4e00-\u9fa5]{1,4}$", "", subj[: m.a]) if m.size == len(proj) else subj[: m.a]
        return bigrams(before) | bigrams(re.sub(r"^(?:项目)?(?:的|里面?|当?中)?[，,]?", "", subj[m.a + m.size:]))
    return frozenset(bigrams(subj) - bigrams(proj))


@lru_cache(maxsize=4096)
def _named_leaves(cols: tuple[str, ...]) -> tuple[str, ...]:
    """A row's column names a question may name (the last level, three characters or more)."""
    return tuple(c.replace("、", "") for c in map(leaf, cols) if len(c) >= 3 and c != "预算数")  # ("上年结余、结转")


def _own_name(col: str) -> str:
    """A column's own name: a group's subtotal by the group's ("2026年政府采购项目/小计": 政府采购项目)."""
    group = re.sub(r"^20\d\d年度?", "", col.split("/")[-2]) if "/" in col else ""
    return group if leaf(col) in ("小计", "合计") and len(group) >= 4 else leaf(col)


@lru_cache(maxsize=1 << 16)
def fours(text: str) -> frozenset[str]:
    return frozenset(text[i : i + 4] for i in range(len(text) - 3))


_INDICATOR_NO = re.compile(r"^指标\d{1,2}[:：]")  # "指标2：事故办理时限": an indicator's number in its form
_OWNER_TAG = re.compile(r"[（(]([^（）()]{2,})[）)]$")


def _untagged(name: str, unit: str) -> str:
    """A row's name without a bracket after it that names the unit whose block holds it."""
    m = _OWNER_TAG.search(name)
    return name[: m.start()] if m and _tags_unit(m.group(1), unit) else name


def _tags_unit(tag: str, unit: str) -> bool:
    """A bracket after a row's name that names the unit whose block holds it (whole, or without its places)."""
    return tag in unit or unit in tag or without_places(tag) in unit or without_places(unit) in tag


_FUND_INCOME = re.compile(f"({'|'.join(FUND_TABLES)})(?:预算)?(?:拨款)?(?:收入|资金)")


@lru_cache(maxsize=1 << 16)
def _asked_forms(name: str, core: str) -> tuple[str, ...]:
    """The forms of a row's name a question may hold (four characters or more), longest first; with the
    department's own field left out of a long name ("驻京工作" for 信访局's "驻京信访工作")."""
    forms = name_forms(name)
    if (fund := _FUND_INCOME.fullmatch(name)) is not None:
        # a fund's income row is the money it grants (the fund's "预算拨款", however the row is printed)
        forms |= {fund.group(1) + "拨款", re.sub("(?<!预算)$", "预算", fund.group(1)) + "拨款"}
    if core and len(name) >= 6:
        forms |= {f.replace(core, "") for f in forms if core in f}
    return tuple(f for f in sorted(forms, key=longest) if len(f) >= 4)


def name_forms(name: str) -> set[str]:
    """How a question may write a row's name: as printed, without its places, without a year tag
    ("黄杨泵站至缯坑水库第二条原水管建设工程-2026年")."""
    forms = {name, without_places(name)}
    return forms | {re.sub(r"[-－—_]?[（(]?20\d\d年?度?[)）]?$", "", f) for f in forms}


def dept_field(department: str) -> str:
    """What a department is about, without its places and kind of body: '西安市信访局' -> '信访'."""
    core = re.sub(r"[（(][^）)]*[）)]", "", without_places(department))
    core = re.sub(r"^中共|(?:委员会|办公室|办公厅|管理局|事务局|局|委|办|厅|中心|部)$", "", core)
    return core if 2 <= len(core) <= 4 else ""


def without_places(name: str) -> str:
    """'广州市牛路水库建设工程' -> '牛路水库建设工程' (its places as written, with or without 市/区, removed)."""
    for r in regions_of(name):
        name = name.replace(r, "", 1)
    return name


def _named_tail(name: str, subj: str) -> int:
    """The length of the rest of a row's name printed with a grade before it ("三类会议费"), when the subject names that
    rest (会议费) and not the graded name; else 0."""
    return len(name) - 2 if len(name) >= 5 and _GRADE.match(name) and name[2:] in subj and name not in subj else 0


_GRADE = re.compile(r"[一二三四五甲乙丙]类|[一二三]级")


@lru_cache(maxsize=4096)
def _cjk_of(subj: str) -> tuple[str, frozenset[str]]:
    """A subject's Chinese characters run together, and their four-character runs (asked once per row)."""
    cjk = "".join(_CJK.findall(subj))
    return cjk, fours(cjk)


def rare_part(cat: Catalog, doc: DocInfo, name: str, subj: str, block: str = "", units: tuple[str, ...] = ()) -> str:
    """The longest run of four or more Chinese characters the subject shares with a row's name, when at most
    three rows of the document (and no column or table title) carry it: a distinctive part of the name. Within
    the block of a unit the question names (`block`), rows of that block only are counted."""
    if len(name) < 6:
        return ""
    cjk, runs = _cjk_of(subj)
    if not fours(name) & runs:
        return ""
    for k in range(min(len(cjk), len(name) - 1), 3, -1):
        for i in range(len(cjk) - k + 1):
            part = cjk[i : i + k]
            if part in name:
                own = _STANDARD_WORDS.sub("", SUBJECT_NOUN.sub("", part))  # "预算拨款收入" is all standard words
                # (a long part, eight characters of its own, may be printed twice for each of a few projects; not
                # the name of a unit asked, which says where, not what)
                most = 6 if len(own) >= 8 and not any(part in u or u in part for u in units) else 3
                # (in the block of a unit asked, fewer rows: six characters, two of them its own, "预算项目评审")
                rare = (len(own) >= 4 or bool(block) and len(own) >= 2 and len(part) >= 6) \
                    and part not in doc.department and part not in block and (
                    _rows_with(cat, doc, part, block) <= most if block
                    else _rows_with(cat, doc, part) <= most and _docs_with(cat, part) <= 2)
                return part if rare else ""
    return ""


_COUNTS_KEPT = 20_000  # counts remembered per catalog (a long-running app asks many different words)


def _forget_counts(cat: Catalog) -> None:
    if len(cat.memo) > _COUNTS_KEPT:
        for k in [k for k in cat.memo if k[0] in ("part", "docs")]:
            del cat.memo[k]


def word_names(cat: Catalog, doc: DocInfo, subj: str) -> str:
    """A reader's short word for a classification row ("公积金", "工资"): the one 科目 name of the document's tables
    that holds it, else the 类 (three-digit code) whose name opens with it; "" when the subject is no such word or
    several names hold it alike."""
    word = "".join(_CJK.findall(subj))
    if not 2 <= len(word) <= 4 or word != subj:
        return ""
    key = ("word", doc.doc_id, word)
    if key not in cat.memo:
        rows = [r for r in cat.doc_rows(doc.doc_id) if r.code and r.table_kind != "performance" and word in bare(r.label)]
        names = {bare(r.label) for r in rows}
        classes = {bare(r.label) for r in rows if len(r.code) == 3 and bare(r.label).startswith(word)}
        found = next(iter(names)) if len(names) == 1 and word not in names else \
            next(iter(classes)) if len(classes) == 1 and word not in names else ""
        # (not the money of what the word names, "离休" of 离休费: the people or the thing, asked without 费)
        cat.memo[key] = "" if found == word + found[-1:] else found
    return cat.memo[key]  # type: ignore[return-value]


def _rows_with(cat: Catalog, doc: DocInfo, part: str, block: str = "") -> int:
    key = ("part", doc.doc_id + ":" + part + ":" + block)
    if key not in cat.memo:
        _forget_counts(cat)
        titles = "".join(t.title + "".join(t.columns) for t in cat.tables.get(doc.doc_id, []))
        cat.memo[key] = 99 if part in titles else sum(
            1 for r in cat.doc_rows(doc.doc_id) if part in r.label and (not block or r.unit_name == block))
    return cat.memo[key]  # type: ignore[return-value]


def _docs_with(cat: Catalog, part: str) -> int:
    """How many stored documents have a row named with these words ("运行维护" is everywhere, "中欧班列" is not)."""
    key = ("docs", part)
    if key not in cat.memo:
        _forget_counts(cat)
        cat.memo[key] = len({r.doc.doc_id for r in cat.rows if part in r.label})
    return cat.memo[key]  # type: ignore[return-value]


def gapped(name: str, subj: str) -> bool:
    """The subject prints the name in two pieces of two or more characters, one or two characters apart; or the
    name holds the subject's words with one or two characters inside ("甲水库人影增雨" asked "甲水库增雨")."""
    for k in range(2, len(name) - 1):
        i = subj.find(name[:k])
        j = subj.find(name[k:], i + k) if i >= 0 else -1
        if j >= 0 and 0 < j - (i + k) <= 2:
            return True
    return len(name) >= 8 and any(name[:k] + name[k + g:] in subj for k in range(3, len(name) - 3) for g in (1, 2))


def _quoted(text: str) -> list[str]:
    """Names the question quotes (“…”, "…", 「…」), four characters or more."""
    return [clean(x) for x in re.findall(r"[“\"「『]([^”\"」』]{4,60})[”\"」』]", text)]


TABLE_NAMED = re.compile(r"([\u4e00-\u9fa5“”（）()]{4,40}?表)(?:里|中|内|上|的|显示|所列|列)")


def named_table(cat: Catalog, doc: DocInfo, text: str) -> int | None:
    """The one table of the document the question names by its title ("X绩效目标表中…", "收支总表里…")."""
    for m in TABLE_NAMED.finditer(text):
        phrase = clean(re.sub(r"20\d\d年度?", "", m.group(1)))
        hits = [t.idx for t in cat.tables.get(doc.doc_id, []) if not t.empty and printed_in(phrase, clean(t.title), 0.8)]
        if len(hits) == 1:
            return hits[0]
    return None


def is_unit_row(r: RowEvidence, units: list[str]) -> bool:
    """Whether a row belongs to one of the units asked about: by its unit column, or it is the unit's own
    row ("广州市第一人民医院", "无锡市统计局（本级）"), not a project named after it."""
    if r.unit_name:
        # (the department's own body, "X局本级": its 本级 block, not the block of the department as a whole)
        return any((u in r.unit_name or r.unit_name in u)
                   and ("本级" in r.unit_name or u not in r.doc.department or "本级" in r.doc.department) for u in units)
    own = own_label(r.label)
    return len(own) >= 4 and any(own.endswith(u) or u.endswith(own) for u in units)


def _sub_body(unit_name: str, unit: str, text: str) -> bool:
    """A unit name that is the asked unit's name and another body's after it ("X局" + "福田分局"), that body not
    asked; not the unit's own block ("X局（本级）", "X中心（Y所）")."""
    rest = unit_name[unit_name.find(unit) + len(unit):] if unit in unit_name else ""
    rest = re.sub(r"^本级$|^[（(][^（）()]*[）)]$", "", rest)  # (its 本级, or its other name in brackets)
    return len(rest) >= 2 and rest not in text


@lru_cache(maxsize=1 << 16)
def own_label(label: str) -> str:
    """A row's name without a trailing bracket ("无锡市统计局（本级）" -> "无锡市统计局")."""
    return re.sub(r"[（(][^）)]*[）)]$", "", bare(label))


def project_name(table: str) -> str:
    """'1、2026年省级困难职工及劳模救助专项资金绩效目标表' -> '省级困难职工及劳模救助专项资金'."""
    if "：" in table:  # "财政项目支出绩效目标填报表：新建万里街道社区公共服务中心", one form of several
        return clean(table.split("：", 1)[1])
    return re.sub(r"^\d+[、.．]|20\d\d年度?|(项目)?(支出)?绩效目标表$|项目(支出)?绩效自评表$", "", clean(table))


def quotes_a_project(cat: Catalog, doc: DocInfo, text: str) -> bool:
    """The question quotes the name of one of the document's projects (its 绩效目标 form or its row in a
    project table): a quoted project whose name holds a 三公 word ("…公务用车…费") is that project, not the 三公 item."""
    quoted = _quoted(text)
    if not quoted:
        return False
    names = {project_name(t.title) for t in cat.tables.get(doc.doc_id, []) if t.kind == "performance"}
    names |= {bare(r.label) for r in cat.doc_rows(doc.doc_id) if r.table_kind in ("project_expense", "special_fund")}
    return any(len(n) >= 4 and (x in n or n in x) for x in quoted for n in names)


def _named_form(cat: Catalog, doc: DocInfo, subj: str, units: tuple[str, ...] = ()) -> int | None:
    """The one performance form whose project the question names, in short or in part ("96196电梯应急平台"
    for "96196电梯应急处置服务平台"): clearly ahead of every other form by shared words and codes (and by the
    unit asked, when the form names it as carrying the project out)."""
    bodies = form_bodies(cat, doc) if units else {}
    marks: dict[int, float] = {}
    for t in cat.tables.get(doc.doc_id, []):
        if t.kind != "performance":
            continue
        proj = project_name(t.title)
        common = bigrams(proj) & bigrams(subj)
        shared = len(common - _FORM_WORDS)  # (not the words every form's title has)
        tokens = [x for x in re.findall(r"[0-9A-Za-z]{3,}", proj) if x in subj]
        latin = [x for x in common if x.isascii()]
        marks[t.idx] = shared + 3 * max(len(tokens), len(latin))  # (a model or code word, "5TMRI", names the project more than a word pair)
    # (the unit asked carries some of them out: its forms only, and a form of its by few words)
    theirs = {i for i, m in marks.items() if m and any(u in bodies.get(i, "") for u in units)}
    if theirs:
        marks = {i: m + 3 for i, m in marks.items() if i in theirs}
    # (a phrase set apart in the question, "（第三季度…集中管理）", that one form's own text writes: forms of one title)
    if phrases := [x for x in re.findall(r"[（(“\"'‘]([^（）()“”\"'‘’]{6,})", subj)]:
        texts = form_texts(cat, doc)
        for x in phrases:
            if len(holding := [i for i, m in marks.items() if m and x in texts.get(i, "")]) == 1:
                marks[holding[0]] += 3
    ranked = sorted(marks.items(), key=lambda x: -x[1])
    if not ranked or ranked[0][1] < 4 or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1] - 1):
        return None
    return ranked[0][0]


def form_texts(cat: Catalog, doc: DocInfo) -> dict[int, str]:
    """Per performance form, what its text rows write (goals, fields), as one text."""
    return _form_text(cat, doc)[1]


def form_bodies(cat: Catalog, doc: DocInfo) -> dict[int, str]:
    """Per performance form, the bodies it names as carrying its project out ("实施单位：X医院")."""
    return _form_text(cat, doc)[0]


def _form_text(cat: Catalog, doc: DocInfo) -> tuple[dict[int, str], dict[int, str]]:
    """The forms' bodies and texts, read once per document."""
    key = ("form text", doc.doc_id)
    if key not in cat.memo:
        bodies: dict[int, str] = {}
        texts: dict[int, str] = {}
        for r in cat.doc_rows(doc.doc_id):
            if r.table_kind == "performance" and r.kind == "text":
                bodies[r.table_idx] = bodies.get(r.table_idx, "") + "".join(v for k, v in r.values.items() if BODY_FIELD.fullmatch(k))
                texts[r.table_idx] = texts.get(r.table_idx, "") + "|".join(r.values.values()) + "|"
        cat.memo[key] = (bodies, texts)
    return cat.memo[key]  # type: ignore[return-value]


def _in_unit_block(cat: Catalog, doc: DocInfo, q: Query, name: str) -> bool:
    """Whether a block of a unit asked prints a row of that name (two characters or more)."""
    return len(name) >= 2 and any(r.unit_name and is_unit_row(r, q.units) and _untagged(bare(r.label), r.unit_name) == name
                                  for r in cat.doc_rows(doc.doc_id))


def asks_within(q: Query) -> bool:
    """The subject names more than the unit it is about: a thing of the unit's own."""
    if any(len(x) >= 2 and not any(x in u or u in x for u in q.units) for x in _quoted(q.text)):
        return True  # a name quoted beside the unit ("X医院的“Y”项目"): a thing of the unit's, however short
    return len(own_words(q)) >= 3


def own_words(q: Query) -> str:
    """What the subject names besides the units asked and the common budget words ("水费" of "某分局的水费是多少")."""
    rest = subject_text(q)
    for u in q.units:
        rest = rest.replace(u, "")
    return re.sub(r"[^\u4e00-\u9fa5]", "", TOTAL_NOISE.sub("", RESIDUE_WORDS.sub("", rest)))


@lru_cache(maxsize=65536)
def bigrams(t: str) -> frozenset[str]:
    """CJK character pairs within each run, and Latin words of two letters or more ("CT", "OFD") as themselves."""
    runs = re.findall(r"[\u4e00-\u9fa5]+", t)
    words = [w.lower() for w in re.findall(r"[A-Za-z]{2,}", t)]
    # (and the ends of a longer one, a model word glued to a unit letter: "1.5TMRI" holds "MRI")
    ends = [x for w in words if len(w) >= 4 for x in (w[1:], w[:-1])]
    return frozenset([r[i : i + 2] for r in runs for i in range(len(r) - 1)] + words + ends)


_GENERIC = bigrams("指标值要求计划项目目标") | {"绩效", "效指", "预算"}
_FORM_WORDS = _GENERIC | bigrams("绩效自评表")


def col_for(row: RowEvidence, intent: str) -> str | None:
    names = COLUMN_INTENTS.get(intent, (intent,))
    for col in row.values:
        own = re.sub(r"^其中[:：]?", "", leaf(col))  # "其中：基本支出"
        if own in names or any(own.startswith(n) for n in names):
            return col
    # a fund as a group: "部门预算/一般公共预算拨款/小计" is that fund's whole
    for col in row.values:
        if leaf(col) in ("小计", "合计") and any(p.startswith(n) for p in col.split("/")[:-1] for n in names):
            return col
    return None


def year_columns(cols: list[str], year: int | None, own: int | None = None) -> list[str]:
    """The columns of one year, when a table has a column group per year ("2018年/…", "2019年/…"; "上年…" /
    "本年…" next to `own`, the document's year). A year before the document's keeps only its own columns."""
    dated = {c: m.group(1) for c in cols if (m := re.match(r"(20\d\d)年", c))}
    if own:
        # (not "上年结转结余": money carried over into this year, no figure of the year before)
        dated |= {c: str(own - 1 if c.startswith("上年") else own) for c in cols if re.match(r"上年(?!结转|结余)|本年", c)}
    if own and year and year < own:
        return [c for c in cols if dated.get(c) == str(year)]
    if not year or len(set(dated.values())) < 2 or str(year) not in dated.values():
        return cols
    return [c for c in cols if dated.get(c, str(year)) == str(year)]


def pick_value(row: RowEvidence, intents: list[str], text: str = "", year: int | None = None) -> tuple[str, str] | None:
    """The cell of a row that answers: a named column, an asked intent's, else the row's total. `year`: a year
    before the document's, answered only from a column of that year."""
    cols = year_columns(list(row.values), year or row.doc.year, row.doc.year if year else None)
    if year and not cols:
        return None
    if len(cols) < len(row.values):
        row = replace(row, values={c: row.values[c] for c in cols})
    plain = re.sub(r"[（）()、]", "", text)  # "因公出国（境）费" names the column printed "因公出国境费"
    named = sorted((c for c in row.values if len(leaf(c)) >= 2 and names_column(re.sub(r"[（）()、]", "", leaf(c)), plain)
                    and leaf(c) not in ("合计",)), key=lambda c: -len(leaf(c)))
    if named:
        return named[0], row.values[named[0]]
    # a long column named by its own words ("…中预留给X企业的项目资金规模"), or a group of columns by its name, its
    # subtotal (a "…采购项目/小计" under its year)
    for c in row.values:
        if long_column_named(c, plain) or "/" in c and leaf(c) in ("小计", "合计") and len(
                g := re.sub(r"^20\d\d年度?", "", c.split("/")[-2])) >= 4 and g in plain:
            return c, row.values[c]
    # a column asked in a reader's words for what it prints ("实际执行" for "…执行数"): the one column ending so
    for said, printed in PRINTED_AS.items():
        if said in plain and len(ends := [c for c in row.values if leaf(c).endswith(printed)]) == 1:
            return ends[0], row.values[ends[0]]
    if row.kind == "indicator":
        if SCORE_ASKED.search(text) and (got := [c for c in row.values if leaf(c) == "得分"]):
            return got[0], row.values[got[0]]  # a score asked: the score given, not the points the row is worth
        if "实际" in text:  # "实际培训了多少人": what was achieved (a 自评表's 实际完成值), not the target
            for col, v in row.values.items():
                if "实际" in leaf(col):
                    return col, v
        for col, v in row.values.items():
            if leaf(col) in ("指标值", "目标值", "本年绩效指标值", "年度指标值"):
                return col, v
    for it in intents:
        if it == "财政拨款" and it in row.table:
            continue  # a table of 财政拨款 alone: its total is all 财政拨款, not one fund's column
        col = col_for(row, it)
        if col:
            return col, row.values[col]
    # a whole printed at the top level ("总计") before a fund group's own ("财政拨款/合计")
    top = [c for c, v in row.values.items() if "/" not in c and parse_amount(v) is not None and leaf(c).endswith(("合计", "总计"))]
    if top:
        return top[0], row.values[top[0]]
    for pref in ("合计", "总计", "预算数", "本年预算", "金额", "决算数", "小计"):
        # "支出总计" is a total too; a top-level column before a group's ("2026年政府采购项目/小计")
        hits = [c for c, v in row.values.items() if parse_amount(v) is not None
                and (leaf(c) == pref or (pref in ("合计", "总计", "金额") and leaf(c).endswith(pref)))]
        if hits:
            col = min(hits, key=lambda c: c.count("/"))
            return col, row.values[col]
    for col, v in row.values.items():
        if parse_amount(v) is not None:
            return col, v
    for col, v in row.values.items():
        return col, v
    return None


def total_row(cat: Catalog, doc: DocInfo, kinds: tuple[str, ...] = ("expense_total", "general_public_expense")) -> RowEvidence | None:
    for kind in kinds:
        for r in cat.doc_rows(doc.doc_id):
            if r.table_kind == kind and r.values and (
                    bare(r.label).rstrip("：:") in _TOTAL_LABELS or not r.code and r.unit_name and r.label == r.unit_name and r.row_idx == 0):
                return r  # 合计, or a one-unit table's first row named after the unit
    return None


# ---------------------------------------------------------------- passages



def passages(cat: Catalog, q: Query, doc: DocInfo, query: str | None = None, k: int = 8) -> list[TextEvidence]:
    """Sentences about the query: BM25 (jieba) over sentences and dense retrieval over paragraphs,
    fused by reciprocal rank at the sentence level (a sentence inherits its paragraph's dense rank;
    sentences of paragraphs only the dense side found enter with their first two sentences)."""
    query = query or q.subject_full or q.text  # the scope is the document: its name would only add noise
    if counted := COUNTED.search(q.text):
        query += counted.group(2) + counted.group(1)  # "多少辆车" is written "车辆 605 辆"
    if CHANGE_Q.search(q.text):  # a change asked "增加了多少" may be printed "减少…": both directions are looked for
        query = re.sub(r"增加|减少|增长|下降|上升", "", query) + "增加减少"
    for asked, written in ASKED_AS_WRITTEN:  # "为啥" is written "主要原因是"
        if asked.search(q.text) and written not in query:
            query += written
    sents = [e for e, _ in cat.bm25(query, {doc.doc_id}, k=max(k, 20), texts_only=True)
             if isinstance(e, TextEvidence) and not _CONTENTS_LINE.fullmatch(clean(e.text))]
    if q.units:
        sents = _units_first(sents, q.units, doc)
    dense_pars = [p for d, p in (cat.dense(query, {doc.doc_id}, 10) if cat.dense else []) if d == doc.doc_id]
    if not dense_pars:
        return sents[:k]
    dense_rank = {p: i for i, p in enumerate(dense_pars)}
    seen = {e.para_idx for e in sents}
    extra = [e for e in cat.doc_texts(doc.doc_id)
             if e.para_idx // 1000 in dense_rank and e.para_idx % 1000 < 2 and e.para_idx not in seen]
    bm25_rank = {e.para_idx: i for i, e in enumerate(sents)}
    fused = rrf([e.para_idx for e in sents], [], weights=(1.0,))
    for e in sents + extra:
        p = e.para_idx // 1000
        if p in dense_rank:
            fused[e.para_idx] = fused.get(e.para_idx, 0.0) + cat.weights.dense / (RRF_K + dense_rank[p] + 1)
    pool = {e.para_idx: e for e in sents + extra}
    order = sorted(pool, key=lambda i: (-fused[i], bm25_rank.get(i, 10**6)))
    return [pool[i] for i in order[:k]]


def _units_first(sents: list[TextEvidence], units: list[str], doc: DocInfo) -> list[TextEvidence]:
    """A unit asked about: sentences under its own heading first, those under another unit's heading last (a
    release that gives each unit a section says the same things of each: "六、…X分局 > 2.…项目 N 万元")."""
    def rank(e: TextEvidence) -> int:
        if any(u in e.section for u in units):
            return 0
        others = [x for x in doc.units if x in e.section and x not in doc.department]
        return 2 if others and not any(u in x or x in u for x in others for u in units) else 1

    return sorted(sents, key=rank)


# a line of the table of contents ("9．2025年部门“三公”经费和机关运行经费预算表"): it names a table, it says nothing
_CONTENTS_LINE = re.compile(r"[\d一二三四五六七八九十]+[．.、]?\S{2,50}?表[\d.…—-]*")


def key_terms(q: Query) -> list[str]:
    """Terms the answer must be about: row-like names and column words in the subject."""
    s = subject_text(q)
    terms = [c for c in COLUMN_INTENTS if c in s]
    for w in ("三公", "机关运行经费", "政府采购", "国有资产", "绩效", "收入", "支出", "结转", "会议费", "培训费"):
        if w in s and not any(w in t for t in terms):
            terms.append(w)
    if {"人员经费", "公用经费"} & set(terms):
        terms = [t for t in terms if t != "基本支出"]  # (a part of 基本支出 named: its sentence need not say the whole)
    if any(re.search(re.escape(fund) + r"(?:预算)?拨款", s) for fund in FUND_TABLES):
        terms = [t for t in terms if t != "财政拨款"]  # (so too one fund's 拨款 named within 财政拨款)
    if "收入" in terms and "use" in q.asked:
        terms.remove("收入")  # (what income is used for is told of the spending: "…支出较上年增加…，主要用于…")
    if {"三公", "机关运行经费"} & set(terms):
        # (measures paid from 财政拨款 by their definition: their sentence may name the fund another way or not at all)
        terms = [t for t in terms if t not in ("财政拨款", "一般公共预算")]
    return terms


def describe(doc: DocInfo) -> str:
    return f"{doc.department}{doc.year or ''}年{doc.scope}{doc.kind}"


def row_phrase(r: RowEvidence, col: str, value: str) -> str:
    name = bare(r.label) or r.table
    code = f"（{r.code}）" if r.code and r.code.isdigit() else ""
    if r.table_kind == "performance" and r.code and r.kind != "indicator" and not r.code.isdigit():
        code = f"（项目编码 {r.code}）"
    if r.kind == "indicator" and r.code:
        name = f"{r.code}：{name}"
    side = f"{r.side}侧" if r.side in ("收入", "支出") and r.side not in name else ""
    col_leaf = re.sub(r"[（(](?:单位[:：])?万?元[）)]|^其中[:：]", "", leaf(col))  # "预算数（单位：万元）": the unit is said after
    col_txt = "" if col_leaf in ("合计", "预算数", "金额", "总计", "本年预算", "决算数") or col_leaf == name else col_leaf
    if col_leaf in ("小计", "合计") and group_total(col, r.table) != col_leaf:
        col_txt = group_total(col, r.table)  # "基本支出/小计", "财政拨款/合计": which group's subtotal
    year = re.match(r"(20\d\d)年", col)
    if year and r.doc.year and int(year.group(1)) != r.doc.year and year.group(0) not in col_txt:
        col_txt = f"{year.group(0)}{col_txt or leaf(col)}"  # another year's column says which year
    # (an indicator's value is counted in its own unit, printed in its 计量单位 column, not the table's money unit)
    # (an indicator's value, or a value printed in an indicator column, is no amount of money)
    indicator = r.kind == "indicator" or "指标值" in leaf(col) or "指标" in (r.side or "")
    unit = fmt_unit(r.unit) if parse_amount(value) is not None and "%" not in r.label + col and not indicator else ""
    if indicator and re.fullmatch(r"[≥≤<>=]*\s*[\d.,]+", value.strip()):
        unit = next((v for c, v in r.values.items() if "单位" in leaf(c) and len(v) <= 6 and v not in value), "")
        # (its bound, printed in a column of its own, "指标性质 ≤": "≤18.69万元")
        bound = next((v.strip() for v in r.values.values() if re.fullmatch(r"[≥≤<>＜＞]", v.strip())), "")
        value = value if re.match(r"\s*[≥≤<>＜＞=＝]", value) else bound + value
    if len(_CJK.findall(value)) >= 15:  # a text cell (a goal, an overview) is quoted
        return f"《{r.table}》中{side}“{name}”{code}{col_txt or ('' if col_leaf == name else leaf(col))}：“{value.rstrip('。')}”"
    # a table printed unit by unit: which unit's row (not when the unit is the document's own department)
    body = re.sub(r"[（(][^）)]*[）)]", "", r.unit_name)
    own = r.doc.department.startswith(body) and ("本级" in r.doc.department or "本级" not in r.unit_name)
    owner = f"{r.unit_name}的" if r.unit_name and r.unit_name not in name and not own else ""
    return f"《{r.table}》中{owner}{side}“{name}”{code}{col_txt}为{value}{unit}"


def name_value(name: str, value: str) -> str:
    """A name and its value run together ("基本支出59.58"), spaced when the name ends in a digit or letter ("列3 227.93")."""
    return f"{name} {value}" if re.search(r"[0-9A-Za-z]$", name) else f"{name}{value}"


def quantize2(d: Decimal) -> Decimal:
    return d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
