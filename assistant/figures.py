"""Answers from table rows: the row and column that hold the asked figure (totals, named rows,
columns, blank and empty tables, the 三公 table), corroborated by a sentence when one states it."""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.catalog import Catalog, TableInfo
from assistant.compose import (
    FORM_AMOUNT,
    FUND_WORDS,
    PERIOD_AMOUNT,
    TABLE_NAMED,
    Draft,
    asks_within,
    bare,
    clean,
    describe,
    fours,
    gapped,
    group_total,
    is_unit_row,
    key_terms,
    leaf,
    long_column_named,
    match_rows,
    name_value,
    names_column,
    part_label,
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
from assistant.narrative import answer_passage, counts_ok, kind_rank, last_heading, only_an_example, residue
from assistant.rank import AMOUNT, BECAUSE, amount_in, overlap, printed_in
from assistant.understand import Query, aliases
from assistant.vocab import (
    BARE_TOTAL,
    CHANGE_Q,
    CJK,
    COUNT_Q,
    DISTRIBUTIVE,
    EMPTY_KINDS,
    EXECUTION_ASKED,
    FEE_ASKED,
    FIRM_ASKED,
    FIRM_WORD,
    FUND_COLUMN,
    FUND_TABLES,
    GOAL_ASKED,
    HEADCOUNT_Q,
    LEVEL_ASKED,
    LEVELS,
    MONEY_ASKED,
    OTHER_MEASURES,
    PER_HEAD,
    PERCENT_Q,
    PERSONNEL_CLASSES,
    SANGONG_STEMS,
    STATED_NONE,
    SUBJECT_ASKED,
    TOP_ITEM,
    TOTAL_NAMES,
    TOTAL_NOISE,
    USE_ASKED,
    WHY_Q,
    sangong_words,
)
from ingest.model import code_level, parse_amount
from ingest.text import longest


def section_states(cat: Catalog, q: Query, doc: DocInfo, sentence: bool = False) -> bool:
    """A narrative section headed with the subject ("（五）委托业务费情况") states it with an amount."""
    subj = re.sub(r"[^\u4e00-\u9fa5]", "", subject_text(q))
    if len(subj) < 3:
        return False
    # (or, `sentence`, one that gives the subject its amount: "全局会议费预算 12.00 万元")
    said = re.compile(re.escape(subj) + r"[^，。；;,\d]{0,6}?\d[\d,.]*\s*万?元")
    return any(subj in clean(last_heading(e)) and AMOUNT.search(e.text) or sentence and said.search(clean(e.text))
               for e in cat.doc_texts(doc.doc_id))


def names_other(cat: Catalog, q: Query, doc: DocInfo) -> bool:
    """The subject names something no row or column of the document does (a project, a programme):
    "信访视频指挥调度平台项目支出" is not answered by the 项目支出 total."""
    return len(residue(cat, q, doc)) >= 4


# a fund's own table, whose total a question asks when it names the fund before a bare total ("财政拨款的总盘子")
FUND_TOTALS = {"财政拨款": "fiscal_income_expense_total", **FUND_TABLES}


def _total_fund(q: Query) -> tuple[str, str] | None:
    """"财政拨款支出总计" / "政府性基金预算支出合计": the fund named before a bare total, and the rest."""
    subject = subject_text(q)
    for w in FUND_TOTALS:
        i = subject.find(w)
        # ("本级和…": names gone; "单位预算里的…": the document's own kind)
        before = re.sub(r"本级|(?:部门|单位)(?:预算|决算)?|[和与及跟、]", "", TOTAL_NOISE.sub("", subject[:i])) if i >= 0 else "x"
        rest = TOTAL_NOISE.sub("", re.sub(r"^(拨款|预算)+", "", subject[i + len(w):])) if i >= 0 else ""
        if i >= 0 and not before:
            return w, rest
        if i >= 0 and before in ("收入", "支出") and not re.sub(r"^(收入|支出)", "", rest):
            return w, before  # a fund inside a side ("income, its X fund"): the fund's income
    return None


def _total_side(q: Query, fund: tuple[str, str] | None = None) -> str | None:
    """"收入预算是多少" / "一共有多少钱": a question about the whole budget; its side (收入 for 收支). `fund`: the
    fund named before the total (`_total_fund`)."""
    rest = TOTAL_NOISE.sub("", subject_text(q))
    alone = bool(fund) and rest == fund[0]  # (nothing but the fund asked, "财政拨款有多少": its whole)
    if fund:
        rest = fund[1]  # the fund's own table: its columns are the fund's
        # (the fund alone is its whole only when a total is asked, "财政拨款一共多少", or it is all that is asked)
        if not rest and not re.search(r"总|一共|共计|合计|加起来|规模", q.text) and not alone \
                or any(c not in fund[0] and fund[0] not in c for c in q.columns):
            return None
    m = BARE_TOTAL.match(rest)
    # (the document's own kind asked as the thing, "X的部门预算有多大": its whole)
    whole = _DOC_KIND.fullmatch(re.sub(r"的|是|多少|有", "", subject_text(q))) is not None
    # (or nothing named but the money spent, "今年要花多少": all of it)
    if not m or q.columns and not fund or q.units or not rest and not whole and not alone \
            and not re.search(r"总|盘子|规模|一共|共计|合计|加起来|全年"
                              r"|(?:年度?|今年|明年|实际|要|准备|打算)(?:花|用掉|开支)了?多少", q.text):
        return None
    side = m.group(1)
    if side in (None, "收支", "收入支出"):  # 收支 totals are equal: the income side, unless spending is asked
        side = "支出" if re.search(r"花|支出|用掉|开支", q.text) else "收入"
    if fund and side == "收入" and fund[0] in FUND_TABLES:
        return None  # "一般公共预算拨款收入": a row of the income tables; that fund's own table is its spending
    return side


_TOTAL_SENT = re.compile(r"^(20\d\d年度?)?[^，。；]{0,12}?(收入|支出)(预算|决算)(总额|总计|合计)?(为|是)?\s*\d[\d,]*(\.\d+)?\s*万?元")


def _total_sentence(cat: Catalog, doc: DocInfo, side: str) -> TextEvidence | None:
    """A document whose tables are not read (images, a narrative-only file): the sentence that opens with
    the year's total ("2026年度收入预算97851.51万元，比…")."""
    for e in cat.doc_texts(doc.doc_id):
        m = _TOTAL_SENT.match(clean(e.text))
        if m and m.group(2) == side and "财政拨款" not in m.group(0) and "一般公共" not in m.group(0):
            return e
    return None


_DOC_KIND = re.compile(r"(?:部门|单位)?(?:综合)?(?:预算|决算)")  # ("部门预算" printed as a row: the document's own name)
_NUMBERING = re.compile(r"^[一二三四五六七八九十]+[、.．]|^[（(][一二三四五六七八九十]+[）)]")


def _bare_total(cat: Catalog, q: Query, doc: DocInfo) -> tuple[RowEvidence, str, str] | None:
    """"收入预算是多少" / "部门综合预算收入": the 收入总计 (支出总计) of the 收支总表, else of the 收入/支出总表."""
    fund = _total_fund(q)
    side = _total_side(q, fund)
    if side is None or q.units:
        return None  # (a unit inside the department: its own row, not the department's total)
    rows = cat.doc_rows(doc.doc_id)
    subject = subject_text(q)
    if not fund and any(len(lab := _NUMBERING.sub("", bare(r.label))) >= 3 and lab in subject and not BARE_TOTAL.match(lab)
                        and lab not in TOTAL_NAMES and not _DOC_KIND.fullmatch(lab) for r in rows if r.table_kind == "income_expense_total"):
        return None  # a row of the 收支总表 the question names (one source of income), not its total
    # a total printed as asked ("本年支出合计") before the others; "本年收入" is this year's, without carry-over
    # (money spent in a final account, "实际花了多少": this year's spending, not with what is carried into the next year)
    # ("本年总共花了": this year's, with words between)
    spent = side == "支出" and doc.kind == "决算" and bool(re.search(r"花|用掉|实际|支出了|决算支出|支出决算", q.text)) \
        or bool(re.search(rf"本年[^，。？?]{{0,4}}?{side}", q.text))
    names = tuple(sorted((f"{side}总计", f"本年{side}合计", f"{side}合计"),
                         key=lambda n: n not in q.text and not (n.startswith("本年") and (n[:-2] in q.text or n[2:] in q.text or spent))))
    kinds = (("income_expense_total", names),
             ("income_total" if side == "收入" else "expense_total", ("合计", "总计", *names)))
    if fund:
        # (a fund's whole asked with 总计: its 总计 row, with what was carried over, before this year's 合计)
        word = next((w for w in ("总计", "合计") if w in q.text), "")
        labels = (*names, "合计", "总计")
        if side == "收入" and not word:
            # a fund's income with no 总计 said (a fund word and 收入): this year's, without what was carried over
            labels = tuple(sorted(labels, key=lambda n: not n.startswith("本年")))
        kinds = ((FUND_TOTALS[fund[0]], tuple(sorted(labels, key=lambda n: bool(word) and not n.endswith(word)))),)
    for kind, labels in kinds:
        for label in labels:
            for r in rows:
                # (a two-sided table's "总计" on the asked side is that side's 总计)
                printed = f"{r.side[:2]}{bare(r.label)}" if r.side and bare(r.label) in ("总计", "合计") else bare(r.label)
                if r.table_kind == kind and label in (bare(r.label), printed) and (not r.side or r.side.startswith(side)):
                    picked = pick_value(r, [], "", q.want_year)
                    if picked:
                        return r, picked[0], picked[1]
    if fund and (r := total_row(cat, doc, (FUND_TOTALS[fund[0]],))) and (picked := pick_value(r, [], "", q.want_year)):
        return r, picked[0], picked[1]  # a one-unit table's total is its unit's row
    return None


def _column_total(cat: Catalog, q: Query, doc: DocInfo) -> tuple[RowEvidence, str, str] | None:
    """"X费支出合计多少" (X费 a column of a table): a column the subject names whole, with nothing else but total words: its
    value on the total row of the first table that prints it."""
    if q.columns or q.units:
        return None  # the named columns of the standard tables are read by intent; a unit's, on the unit's own row
    rest = TOTAL_NOISE.sub("", subject_text(q))
    for r in cat.doc_rows(doc.doc_id):
        if bare(r.label) not in TOTAL_NAMES:
            continue
        # (the table named too, "X预算中Y资金安排的": Y, an income column, on the total row of the table titled X)
        title = re.sub(r"^20\d\d年度?|表$", "", clean(r.table))
        named = next((title[i:j] for n in range(len(title), 3, -1) for i in range(len(title) - n + 1)
                      if (j := i + n) and title[i:j] in rest), "")
        for c, v in r.values.items():
            name = bare(leaf(c))
            # (an income column, "Y资金收入", asked as "Y资金")
            core = name if name in rest else TOTAL_NOISE.sub("", name[:-2]) \
                if named and name.endswith("收入") and len(name) >= 6 else ""  # (only in the table the question names)
            left = rest.replace(core, "").replace(named, "") if named else rest.replace(core, "")
            if len(name) >= 4 and len(core) >= 4 and core in rest and not re.sub(r"合计|总计|总额|总数|小计|总", "", left) \
                    and parse_amount(v) is not None:
                return r, c, v
    return None


def _column_named(r: RowEvidence, plain: str) -> bool:
    """A column of the row (its last level, three characters or more, not the row's own name again) is named in the
    subject."""
    return any(len(c := re.sub(r"[（）()、]", "", leaf(col))) >= 3 and c in plain and c != bare(r.label) for col in r.values)


def _names_a_row(q: Query, rows: list[RowEvidence]) -> bool:
    """The subject, without its fund and column words, names one of these rows ("政府性基金项目支出里的X": X)."""
    rest = subject_text(q)
    for w in (*FUND_TOTALS, *q.columns):
        rest = rest.replace(w, "")
    return any(len(name := bare(r.label)) >= 2 and name not in TOTAL_NAMES and name in rest for r in rows)


def _org_total(subject: str) -> bool:
    """"X中心（二级单位）单独预算总额": an organisation's whole budget and nothing else, which none of its projects
    ("X中心工作经费") is."""
    from assistant.understand import _ORG_CANDIDATE

    orgs = [m.group(0) for m in _ORG_CANDIDATE.finditer(subject)]
    rest = re.sub(r"[（(][^）)]*[）)]", "", subject)
    for o in orgs:
        rest = rest.replace(o, "")
    return bool(orgs) and re.search(r"总额|总计|合计|总预算|总数", subject) is not None \
        and not TOTAL_NOISE.sub("", re.sub(r"总额|总计|合计|总|单独|自己|本身|单位|二级|下面|下属", "", rest))


_SPENDING_COLUMNS = ("基本支出", "项目支出", "人员经费", "公用经费")


def _repeated(cat: Catalog, r: RowEvidence) -> bool:
    """Whether the row's table prints the same label again with other figures (one block per unit, the units not said)."""
    return any(x is not r and x.table_idx == r.table_idx and not x.unit_name and bare(x.label) == bare(r.label)
               and x.values != r.values for x in cat.doc_rows(r.doc.doc_id))


def figure_for(cat: Catalog, q: Query, doc: DocInfo) -> tuple[RowEvidence, str, str] | None:
    """The row and column that answer a figure question in one document."""
    total = _bare_total(cat, q, doc) or _column_total(cat, q, doc)
    if total is not None:
        return total
    rows = match_rows(cat, q, doc)
    # (people counted without a counter word, "多少工作人员": in 人 or 名)
    counters = COUNT_Q.findall(q.text) or (["人", "名"] if HEADCOUNT_Q.search(q.text) else [])
    if counters and not MONEY_ASKED.search(q.text):
        # "多少名文职人员": a count, which no amount gives (a performance indicator may count people)
        rows = [r for r in rows if r.unit not in ("元", "万元") or r.table_kind == "performance" or r.kind == "indicator"]
        # the rows that print a number of what is counted ("366 人") first
        units = "|".join(dict.fromkeys(counters))  # ("人次", "公里": each counter whole)
        # (or the counter printed first, as a form's target: "吨≥1000")
        counted = re.compile(rf"\d\s*(?:{units})|^\s*(?:{units})\s*[≥≤><＞＜=＝]*\s*\d")
        rows.sort(key=lambda r: not any(counted.search(v) for v in r.values.values()))
        # and only rows that count something: a number of it, or a column or row that names a count
        rows = [r for r in rows if any(counted.search(v) for v in r.values.values())
                or re.search(rf"{units}|数量|人数|编制|个数|次数|台数", r.label + "".join(r.values))]
    if PER_HEAD.search(q.text):  # an amount per person: no project's or table's total (a form's indicator may give one)
        rows = [r for r in rows if r.kind == "indicator" or PER_HEAD.search(r.label + "".join(r.values))]
    if q.want_year:  # last year's figure: only rows printed with a column of that year
        rows = [r for r in rows if pick_value(r, [], "", q.want_year)]
    if (measure := OTHER_MEASURES.search(q.text)) is not None:  # "总投资" is not the year's budget
        rows = [r for r in rows if measure.group(0) in r.label + "".join(r.values)]
    if FIRM_ASKED.search(q.text):  # "哪家公司承接": a row naming a firm
        rows = [r for r in rows if FIRM_WORD.search(r.label + "".join(r.values))]
    if rows and rows[0].table_kind in ("project_expense", "special_fund", "performance") and _org_total(q.subject):
        rows = [r for r in rows if r.table_kind not in ("project_expense", "special_fund", "performance")]
    if q.units:  # a unit asked: not a row its table prints again for other units, none of them named
        rows = [r for r in rows if r.unit_name or not _repeated(cat, r)]
    if set(q.columns) & set(_SPENDING_COLUMNS):
        # spending asked by its column within a fund: an income row named by the fund is no answer; with
        # none left, the spending total's column
        spent = [r for r in rows if r.side != "收入"]
        if not spent and rows and (tr := total_row(cat, doc)) is not None \
                and (picked := pick_value(tr, q.columns)) and any(leaf(picked[0]).startswith(c) for c in _SPENDING_COLUMNS):
            return tr, picked[0], picked[1]
        rows = spent
    specific = names_other(cat, q, doc)
    if specific:
        # the question names something of its own ("信访视频指挥调度平台项目支出"): a total row is no answer
        rows = [r for r in rows if bare(r.label) not in TOTAL_NAMES]
    fund_word = next((word for word in FUND_TABLES if word in q.text), "")
    fund = FUND_TABLES.get(fund_word)
    # (what the subject names beside the fund and its columns: "…拨款安排的某项经费" is that measure, not a column)
    beside = re.sub(r"安排|拨款|预算|资金|支出|收入|[的中里]", "", TOTAL_NOISE.sub("", re.sub(
        "|".join(map(re.escape, sorted({fund_word, *q.columns, *FUND_TABLES} - {""}, key=longest))), "",
        re.sub(r"[（(][^）)]*[）)]", "", subject_text(q)))))  # (a gloss in brackets says which fund, nothing more)
    if fund and q.columns and not specific and not _names_a_row(q, rows[:5]) and not q.units and not {"人员经费", "公用经费"} & set(q.columns) and (tr := total_row(cat, doc, (fund,))) is not None \
            and (picked := pick_value(tr, q.columns, "", q.want_year)) and any(c in picked[0] for c in q.columns):
        return tr, picked[0], picked[1]  # "政府性基金的项目支出": the column on that fund's own table's total
    best: tuple[float, RowEvidence, tuple[str, str]] | None = None
    if q.units and q.columns and any(is_unit_row(r, q.units) and r.values for r in rows[:5]):  # (not a list of units)
        rows = [r for r in rows if is_unit_row(r, q.units)]  # a unit named: its rows, not the department's total
        if not asks_within(q):  # nothing of the unit's own named: the unit's own row, not a project of its block
            rows.sort(key=lambda r: not (not r.unit_name and is_unit_row(r, q.units)))
    plain = re.sub(r"[（）()、]", "", subject_text(q))
    titled = "".join(TABLE_NAMED.findall(q.text))  # ("基本支出表中的…": a column word inside a table's name)
    if rows and all(c in titled for c in q.columns) and not _column_named(rows[0], plain):
        # the same row printed in several tables: the one with a column the question names ("X的上年结转")
        same = [r for r in rows[1:5] if bare(r.label) == bare(rows[0].label) and _column_named(r, plain)]
        if same:
            rows = [same[0], *(r for r in rows if r is not same[0])]
    for r in rows[:5]:
        picked = pick_value(r, q.columns, subject_text(q), q.want_year)
        if not picked:
            continue
        if not q.columns:
            return r, picked[0], picked[1]
        # the row that meets most of the asked intents, by column, label or table ("基本支出决算表"《人员经费合计》)
        met = sum(1 for c in q.columns if c in picked[0] or c in bare(r.label) or c in r.table)
        # (a unit's row in the table the column names, "X中心Y表里Z资金": the fund's column, or another column the
        # subject names by its own name, "X中心项目支出中的事业收入")
        named_leaf = len(leaf(picked[0])) >= 2 and names_column(re.sub(r"[（）()、]", "", leaf(picked[0])), plain)
        met += bool((fund_word and fund_word in picked[0] or named_leaf) and q.units and is_unit_row(r, q.units))
        # (the total column of a table the column names: "基本支出预算表" 总计)
        # (or the one amount a row of that table prints: "项目支出…表" 因公出国（境）费用 | 预算 250.00)
        whole = any(c in r.table for c in q.columns) and (
            bare(leaf(picked[0])) in ("总计", "合计")
            or sum(parse_amount(v) is not None for v in r.values.values()) == 1 and bare(r.label) not in TOTAL_NAMES
            and set(q.columns) <= {"基本支出", "项目支出"})
        if not (any(c in picked[0] for c in q.columns) or met >= 2 or whole) \
                and q.columns == ["财政拨款"] and "财政拨款" in r.table and "财政拨款" not in r.label:
            whole, met = True, 0.5  # a table of 财政拨款 alone is all 财政拨款: after a row printing the column
        # (or a row whose own name holds the column asked, in a table with no such column: a form's "其中：当年财政拨款")
        labelled = r.table_kind == "performance" and any(c in bare(r.label) for c in q.columns) \
            and not any(_col_for_intent(r, c) for c in q.columns)
        if any(c in picked[0] for c in q.columns) or met >= 2 or whole or labelled:
            if whole and met < 1 and len(bare(r.label)) >= 3 and bare(r.label) in plain:
                met += 0.6  # (the row the question names, over another row of the same table: "本年收入" not 本年支出)
            elif whole and q.units and is_unit_row(r, q.units) and len(bare(r.label)) >= 4 and bare(r.label) in plain \
                    and not any(bare(r.label) in u or u in bare(r.label) for u in q.units):
                met += 1  # (a unit's row named whole in the table the column names, over its row of another table
                # printing the column: "X分局项目支出里的某项目" is that project's row)
            if best is None or met > best[0]:
                best = (met, r, picked)
    if best is not None:
        return best[1], best[2][0], best[2][1]
    if rows:
        picked = pick_value(rows[0], q.columns, subject_text(q), q.want_year)
        free = ("performance", "sanggong") if "sanggong" in q.asked else ("performance",)  # (a 三公 row when 三公 is asked)
        if picked and not (q.columns and rows[0].table_kind not in free
                           and not any(c in picked[0] or c in bare(rows[0].label) or c in rows[0].table
                                       or _col_for_intent(rows[0], c) for c in q.columns)):
            return rows[0], picked[0], picked[1]  # (not a row without the asked column: "公用经费" is not 支出合计)
        if not rows[0].values:
            return rows[0], "", ""
    if not rows and (tr := _titled_total(cat, q, doc)) is not None and (picked := pick_value(tr, q.columns, "", q.want_year)):
        return tr, picked[0], picked[1]  # "专项业务经费一共多少": the total of the table the subject names
    if fund and not rows and len(beside) < 3 and (tr := total_row(cat, doc, (fund,))) is not None:
        picked = pick_value(tr, q.columns, "", q.want_year)
        # (a column asked that the fund's table does not print: not its total; the tables of that column below)
        if picked and (not q.columns or any(c in picked[0] or leaf(picked[0]).startswith(col_names(c)) for c in q.columns)):
            return tr, picked[0], picked[1]
    if q.columns and not specific:
        # "项目支出是多少": the 合计 row of the 支出总表, in the asked column (not when the question names
        # something else: "信访视频指挥调度平台项目支出了多少")
        kinds = ("general_public_basic", "basic_expense") if any(c in q.columns for c in ("人员经费", "公用经费")) else (
            "expense_total", "general_public_expense")
        if fund in kinds:  # "一般公共预算支出中项目支出": the named fund's table first
            kinds = (fund, *(k for k in kinds if k != fund))
        for kind in kinds:  # (the first of these tables that prints the column: a 支出总表 may print only its parts)
            tr = total_row(cat, doc, (kind,))
            if tr is not None:
                picked = pick_value(tr, q.columns, "", q.want_year)
                if picked and any(c in picked[0] or leaf(picked[0]).startswith(col_names(c)) for c in q.columns):
                    return tr, picked[0], picked[1]
        if q.columns == ["基本支出"]:  # no column of it printed: the total of a table of 基本支出 alone is its whole
            for kind in ("basic_expense", "general_public_basic"):
                tr = total_row(cat, doc, (kind,))
                col = next((c for c in (tr.values if tr is not None else {}) if bare(leaf(c)) in ("合计", "总计")), None)
                if tr is not None and col is not None and parse_amount(tr.values[col]) is not None:
                    return tr, col, tr.values[col]
    return None


def _titled_total(cat: Catalog, q: Query, doc: DocInfo) -> RowEvidence | None:
    """The total row of the one table whose title holds the whole subject ("专项业务经费" in
    "部门综合预算专项业务经费支出表")."""
    core = re.sub(r"[^\u4e00-\u9fa5]|合计|总计|总额|总数", "", TOTAL_NOISE.sub("", subject_text(q)))
    if len(core) < 4 or core in FUND_WORDS:
        return None  # (a fund alone, "财政拨款", says whose money a table lists, not which table)
    # (tables with answers of their own kind — 三公, 采购, 资产, 绩效 — are not this)
    # (the subject in other words around the title's: "用财政拨款买社会服务", most of it in runs of the title)
    titled = [t for t in cat.tables.get(doc.doc_id, []) if printed_in(core, clean(t.title), 0.5) and not t.empty
              and t.kind in ("project_expense", "special_fund", "fiscal_expense", "other")]
    if len(titled) != 1:
        return None
    return next((r for r in cat.doc_rows(doc.doc_id) if r.table_idx == titled[0].idx and r.values
                 and bare(r.label) in TOTAL_NAMES), None)


def answer_listing(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "", most: int = 0) -> bool:
    """"有哪几笔结转资金，各是多少": each row of the one table whose title holds the subject, with its amount
    (the lowest level only, when rows carry 科目 codes). `most`: what the money is used for, no sentence saying it
    (what the money of a table's subject is used for): the largest items of the table the subject names, that many."""
    top = TOP_ITEM.search(q.text)  # the largest (smallest) item asked: the list's extreme
    core = re.sub(SUBJECT_ASKED + r"|[（(][^（）()]{1,8}[）)]|[^\u4e00-\u9fa5]|合计|总计|总额|总数|(?:都|主要|具体)?(?:有|包括|包含|分为)?哪(?:几|些)?(?:笔|个|项目|项|家)?|(?:都|主要|具体)$", "",
                  TOTAL_NOISE.sub("", TOP_ITEM.sub("", subject_text(q))))
    if most:  # (the money named: "项目支出", "专项资金"; the rest asks its use)
        named = re.search(r"[\u4e00-\u9fa5]{2,10}?(?:支出|资金|经费)", core)
        if named is None:
            return False
        core = named.group(0)
    if top:  # (what is left of the subject names the table; projects by default)
        core = re.sub(r"[中里]$", "", re.sub(r"最[大多高少低小]|金额|资金|钱|一[项块笔个]|科目", "", core))
        core = re.sub(r"(?:项目|项)$", "", core) or "项目支出"
        core = "项目支出" if core == "项目" else core
    core = re.sub(r"(?<=支出)(?:是|有|为|包括|包含)?(?:项目|笔|项)$", "", core)  # "X支出有哪个项目": the rows of the X支出 table
    # (not when some are set aside, "除了A以外还有哪些项目": the rest is told by what is left of the list)
    projects = not top and not most and bool(re.fullmatch(r"[\u4e00-\u9fa5]{0,4}?项目(?:是|有|为)?|项目支出", core)) \
        and not re.search(r"除了?[^。？?]{2,40}?(?:以外|之外|外)", q.text)
    if projects:  # (the projects, no table named: the table of 项目支出, as for the largest)
        core = "项目支出"
    if len(core) < (2 if top else 4):  # ("最X的一项Y": the one table of Y items)
        return False

    def titled_by(core: str) -> list:
        return [t for t in cat.tables.get(doc.doc_id, []) if (core in clean(t.title) or core in TOTAL_NOISE.sub("", clean(t.title)))
                and not t.empty and t.kind != "performance"]  # (a form's indicators are not what the money is split into)

    titled = titled_by(core)
    if top and not titled and (m := TOP_ITEM.search(subj := subject_text(q))):
        # "X中最大的一项Y": the table of X, else of Y (the words either side of the extreme asked)
        for side in (subj[: m.start()], subj[m.end():]):
            side = re.sub(r"[（(][^（）()]{1,8}[）)]|[^\u4e00-\u9fa5]", "", TOTAL_NOISE.sub("", side))
            if len(side) >= 2 and (titled := titled_by(side)):
                core = side
                break
    if (top or projects) and len(titled) > 1:  # (the table titled by it, "培训费明细表", not one that lists it beside others)
        titled = [t for t in titled if clean(t.title).startswith(core)] or titled
    if most and len(titled) > 1:  # (the table of projects, not one that splits them by economic class)
        titled = [t for t in titled if t.kind in ("project_expense", "special_fund")]
    forms = False
    if not titled and "项目" in core:
        # no table of projects but one of their goals ("项目支出绩效目标表"): its project rows, by their 资金总额
        titled = [t for t in cat.tables.get(doc.doc_id, []) if core in clean(t.title) and not t.empty and t.kind == "performance"]
        forms = True
    if top and not titled and core == "项目支出":
        return _top_form(cat, doc, d, prefix, next(g for g in top.groups() if g) in "少低小")
    if len(titled) != 1:
        return False
    rows = [r for r in cat.doc_rows(doc.doc_id) if r.table_idx == titled[0].idx and bare(r.label) not in TOTAL_NAMES
            and bare(r.label)]  # (a row with no name of its own: a 科目 line of the items below)
    if forms:  # (each project once, though a form repeats its name on its lines; not the body they belong to)
        bodies = {bare(doc.department), *map(bare, doc.units)}
        seen: set[str] = set()
        rows = [r for r in rows if r.kind == "" and bare(r.label) not in bodies and any(
            FORM_AMOUNT.fullmatch(leaf(c)) and parse_amount(v) is not None for c, v in r.values.items())
            and not (bare(r.label) in seen or seen.add(bare(r.label)))]
    codes = {r.code for r in rows if r.code}
    cols = [c for c in q.columns if c not in clean(titled[0].title)]  # (a column the table's title names: all of it)
    listed = [(r, p) for r in rows if not any(c != r.code and r.code and c.startswith(r.code) for c in codes)
              and (p := pick_value(r, cols, "", q.want_year)) and parse_amount(p[1]) is not None]
    amounts = [parse_amount(v) or Decimal(0) for _, (_, v) in listed]

    # a row whose amount is the sum of the items right below it is a group or a unit (from the bottom up, so
    # a unit over groups sums the items, not the groups again)
    group = [False] * len(listed)
    for i in range(len(listed) - 1, -1, -1):
        run, n = Decimal(0), 0
        for j in (j for j in range(i + 1, len(listed)) if not group[j]):
            run, n = run + amounts[j], n + 1
            if run >= amounts[i]:
                group[i] = run == amounts[i] and n >= 2
                break
    listed = [x for i, x in enumerate(listed) if not group[i]]
    if not listed:
        return False
    if top:
        low = next(g for g in top.groups() if g) in "少低小"
        bodies = {doc.department, *doc.units}  # (a unit's row heads its items: it is no item)
        items = [x for x in listed if bare(x[0].label) not in bodies] or listed
        r, (_, v) = (min if low else max)(items, key=lambda x: parse_amount(x[1][1]) or Decimal(0))
        listed = items
        d.computed.append(Decimal(len(listed)))
        d.add(f"{prefix}{describe(doc)}《{titled[0].title}》列出的{len(listed)}项中，金额{'最小' if low else '最大'}的是"
              f"“{bare(r.label)}”{f'（{r.code}）' if r.code else ''}{v}{r.unit or ''}{d.cite(r)}。")
        d.record(doc, v, r.unit, r)
        return True
    if most:
        bodies = {doc.department, *doc.units}
        items = [x for x in listed if bare(x[0].label) not in bodies]
        if len(items) < 2:
            return False
        big = sorted(items, key=lambda x: -(parse_amount(x[1][1]) or 0))[:most]
        d.computed.extend([Decimal(len(items)), Decimal(len(big))])
        said = "；".join(f"“{bare(r.label)}”{v}{r.unit or ''}{d.cite(r)}" for r, (_, v) in big)
        d.add(f"{prefix}{describe(doc)}的说明没有逐项写明用途；《{titled[0].title}》按项目列出{len(items)}项，"
              f"金额最大的{len(big)}项为：{said}。")
        for r, (_, v) in big:
            d.record(doc, v, r.unit, r)
        return True
    d.computed.extend([Decimal(len(listed)), Decimal(10)])
    head = f"列出{len(listed)}项"
    if len(listed) > 12:  # a long list: the largest ten, in the table's order
        top = {id(r) for r, p in sorted(listed, key=lambda x: -(parse_amount(x[1][1]) or 0))[:10]}
        listed, head = [x for x in listed if id(x[0]) in top], f"列出{len(listed)}项，金额最大的10项为"
    d.add(f"{prefix}{describe(doc)}《{titled[0].title}》{head}：{_items_said(d, doc, listed)}。")
    return True


def _items_said(d: Draft, doc: DocInfo, listed: list[tuple[RowEvidence, tuple[str, str]]]) -> str:
    """Listed rows, each with its code, amount and citation ("“X”（2130301）9,264.10万元[2]"), each amount recorded."""
    said = "；".join(f"“{bare(r.label)}”{f'（{r.code}）' if r.code else ''}{v}{r.unit or ''}{d.cite(r)}" for r, (_, v) in listed)
    for r, (_, v) in listed:
        d.record(doc, v, r.unit, r)
    return said


def answer_class_parts(cat: Catalog, q: Query, doc: DocInfo, d: Draft) -> bool:
    """A level asked below a class the question names ("某款下面分成哪些项级科目"): the rows of that level under the
    class (the most specific one named), in the first table that prints them, each with its amount."""
    if (m := LEVEL_ASKED.search(q.text)) is None or WHY_Q.search(q.text) or not re.search(r"哪些|哪几|各|分别|多少", q.text):
        return False  # (why a level is not published asks a reason, not the rows)
    word = m.group(1) or m.group(2)
    level, text = LEVELS[word], q.text
    for a in sorted(aliases(doc.department), key=longest):
        text = text.replace(a, "|")  # ("X公安局…": the department's name names no class)
    rows = cat.doc_rows(doc.doc_id)
    # (functional classes only, codes 2xx: the economic classes, 3xx, have no 项 level)
    named = [r for r in rows if 0 < code_level(r.code) < level and r.code.startswith("2") and len(name := bare(r.label)) >= 2
             and (name in text or r.code in text)]
    if not named:
        return False
    top = max(named, key=lambda r: code_level(r.code))
    parts = [r for r in rows if r.code.startswith(top.code) and code_level(r.code) == level]
    if not parts:
        return False
    table = parts[0].table_idx
    listed = [(r, v) for r in parts if r.table_idx == table and (v := pick_value(r, q.columns, "", q.want_year))]
    if not listed:
        return False
    d.computed.append(Decimal(len(listed)))
    top = next((r for r in rows if r.code == top.code and r.table_idx == table), top)  # (cited from the same table)
    head = d.cite(top)
    d.add(f"{describe(doc)}《{listed[0][0].table}》中“{bare(top.label)}”（{top.code}）{head}下列出{len(listed)}个"
          f"{word}级科目：{_items_said(d, doc, listed)}。")
    return True


def _top_form(cat: Catalog, doc: DocInfo, d: Draft, prefix: str, low: bool) -> bool:
    """The largest (smallest) project when no table lists projects and each has a 绩效目标 form: each form's year
    amount (not a total over its implementation period), compared."""
    amounts: list[tuple[RowEvidence, str, Decimal]] = []
    for t in cat.tables.get(doc.doc_id, []):
        if t.kind != "performance" or t.empty:
            continue
        rows = [r for r in cat.doc_rows(doc.doc_id) if r.table_idx == t.idx and FORM_AMOUNT.fullmatch(bare(r.label))
                and not PERIOD_AMOUNT.match(bare(r.label))]
        hit = next(((r, v, a) for r in rows for v in r.values.values() if (a := parse_amount(v)) is not None), None)
        if hit is not None:
            amounts.append(hit)
    if len(amounts) < 2:
        return False
    r, v, _ = (min if low else max)(amounts, key=lambda x: x[2])
    d.computed.append(Decimal(len(amounts)))
    d.add(f"{prefix}{describe(doc)}没有列出全部项目的表；按{len(amounts)}张项目绩效目标表所列金额，{'最小' if low else '最大'}的是"
          f"“{project_name(r.table)}”{v}{r.unit or ''}{d.cite(r)}。")
    d.record(doc, v, r.unit, r)
    return True


def _col_for_intent(r: RowEvidence, intent: str) -> str | None:
    from assistant.compose import col_for

    return col_for(r, intent)


def col_names(intent: str) -> tuple[str, ...]:
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


def also_printed(cat: Catalog, r: RowEvidence, amount: Decimal | None, k: int = 2) -> list[RowEvidence]:
    """The same row in other tables of the document printing the same figure (a 功能科目 in the 收入 and the
    支出 table): a reader can check the figure in either, and sees that the tables agree."""
    if amount is None or not amount or r.table_kind == "performance":
        return []  # (each form is one project's: another form's row of the same name is another project's)
    name, out, seen = bare(r.label), [], {r.table_idx}
    for x in cat.doc_rows(r.doc.doc_id):
        if x.table_idx in seen or x.unit != r.unit or not (name and bare(x.label) == name or r.code and x.code == r.code):
            continue
        if any(parse_amount(v) == amount for v in x.values.values()):
            out.append(x)
            seen.add(x.table_idx)
            if len(out) == k:
                break
    return out


def _form_amount(cat: Catalog, r: RowEvidence, amount: Decimal | None) -> RowEvidence | None:
    """A project row's own performance form (titled with the project's name), when its amount row prints another
    figure than the row does (compared in 万元)."""
    name = bare(r.label)
    if amount is None or r.table_kind not in ("project_expense", "special_fund") or len(name) < 4:
        return None
    wan = amount / 10000 if r.unit == "元" else amount
    for x in cat.doc_rows(r.doc.doc_id):
        if x.table_kind == "performance" and project_name(x.table) == name and FORM_AMOUNT.fullmatch(bare(x.label)) \
                and len(x.values) == 1 and (v := parse_amount(next(iter(x.values.values())))) is not None:
            return x if abs((v / 10000 if x.unit == "元" else v) - wan) >= Decimal("0.01") else None
    return None


_FUND_PART_KINDS = ("general_public_expense", "fiscal_income_expense_total")


def _own_year_column(r: RowEvidence) -> str:
    """The row's first amount column of its document's own year ("" when it prints no amount)."""
    cols = year_columns([c for c, v in r.values.items() if parse_amount(v) is not None], r.doc.year, r.doc.year)
    return cols[0] if cols else ""


def _fund_part(cat: Catalog, r: RowEvidence, amount: Decimal | None) -> RowEvidence | None:
    """A 科目 of an all-funds table ("支出预算总表") printed with a smaller amount in a 一般公共预算 or 财政拨款 table: the
    part of it the government's own funds pay."""
    if amount is None or not amount or r.table_kind not in ("expense_total", "income_expense_total", "income_total"):
        return None
    name = bare(r.label)
    for x in cat.doc_rows(r.doc.doc_id):
        if x.table_kind in _FUND_PART_KINDS and x.unit == r.unit and (r.code and x.code == r.code or not (r.code and x.code) and len(name) >= 4 and bare(x.label) == name):
            # (the document's own year: a column of the year before, "上年预算数", is no part)
            first = parse_amount(x.values[c]) if (c := _own_year_column(x)) else None
            if first is not None and 0 < first < amount:
                return x
    return None


def answer_source(d: Draft, doc: DocInfo) -> bool:
    """"这些钱从哪里来": the fund columns that carry the rows already cited for this document (their parts,
    not their totals), each with its amount."""
    said = False
    for r in [e for e in d.evidence if isinstance(e, RowEvidence) and e.doc.doc_id == doc.doc_id]:
        funds = [(c, v) for c, v in r.values.items() if leaf(c) not in ("小计", "合计", "总计", *TOTAL_NAMES)
                 and FUND_COLUMN.search(c) and not re.search(r"总计|合计", c) and (a := parse_amount(v)) is not None and a != 0]
        if not funds or len(r.values) < 3:
            continue
        parts = "、".join(f"{'中的'.join(c.split('/'))}{v}{r.unit or ''}" for c, v in funds)
        d.add(f"“{bare(r.label)}”的钱来自{parts}{d.cite(r)}。")
        said = True
    return said


def _whole_of(cat: Catalog, r: RowEvidence, text: str) -> RowEvidence:
    """A row printed as a part ("其中：当年财政拨款") asked without its own words: the row above it that it is part of."""
    part = part_label(r.label)
    if part == bare(r.label) or part in clean(text):
        return r
    above = [x for x in cat.doc_rows(r.doc.doc_id) if x.table_idx == r.table_idx and x.row_idx < r.row_idx
             and not bare(x.label).startswith("其中") and x.values]
    return max(above, key=lambda x: x.row_idx) if above else r


def answer_cited_column(cat: Catalog, d: Draft, doc: DocInfo, text: str, subject: str, said: str) -> bool:
    """"其中X又有多少": a column of a row already cited for this document, when the ask wants only an amount and
    names that column and nothing else (two characters of other words at most). "想做成什么": the goal the row
    prints in a column of its own (a project's 绩效目标)."""
    cited_rows = [e for e in reversed(d.evidence) if isinstance(e, RowEvidence) and e.doc.doc_id == doc.doc_id]
    if re.search(GOAL_ASKED, text):
        for r in cited_rows:
            col = next((c for c, v in r.values.items() if "目标" in leaf(c) and len(CJK.findall(v)) >= 8), None)
            if col is not None:
                d.add(f"{describe(doc)}{row_phrase(r, col, r.values[col])}{d.cite(r)}。")
                return True
    if not re.search(r"多少|几", text) or WHY_Q.search(text) or CHANGE_Q.search(text) or re.search(USE_ASKED, text):
        return False
    for cited in cited_rows:
        r = _whole_of(cat, cited, text)
        asked = clean(subject).replace("、", "").replace(bare(r.label), "")  # ("X里Y": X is the row)
        for col, value in r.values.items():
            name = leaf(col).replace("、", "")
            # (or written with a word inside, "全年实际执行" for 全年执行数)
            if (len(name) >= 3 and not re.search(r"合计|总计|小计", name) and len(asked) - len(name) <= 2
                    and (name in asked or gapped(re.sub(r"数$", "", name), asked))
                    or long_column_named(col, asked)) and parse_amount(value) is not None:
                # (said with the row already: the ask answered in a word)
                d.add(f"其中{re.sub(r'^其中[:：]?', '', leaf(col))}为{value}{r.unit or ''}{d.cite(r)}。" if value in said
                      else f"{describe(doc)}{row_phrase(r, col, value)}{d.cite(r)}。")
                d.record(doc, value, r.unit, r)
                return True
    return False


_WHOLE_COL = re.compile(r"合计|总计|小计|总额|金额|^预算数?$|本年预算|决算数")
_SELF_EVAL_COL = re.compile(r"^(年初|全年)(预算|执行)数")


def _personnel_classes(cat: Catalog, doc: DocInfo) -> list[tuple[RowEvidence, str]] | None:
    """The department's rows of PERSONNEL_CLASSES in a 基本支出 table (by code, else by name), each with its first
    amount; None unless both are printed in one table (not one of blocks per unit: its first block may be a unit's)."""
    blocks = {r.table_idx for r in cat.doc_rows(doc.doc_id) if r.unit_name}
    for kind in ("basic_expense", "general_public_basic"):
        rows = [r for r in cat.doc_rows(doc.doc_id) if r.table_kind == kind and r.table_idx not in blocks]
        found = []
        for code, name in PERSONNEL_CLASSES:
            r = next((x for x in rows if x.code == code), None) or next((x for x in rows if bare(x.label) == name), None)
            v = next((v for v in r.values.values() if parse_amount(v) is not None), None) if r is not None else None
            if r is None or v is None:
                break
            found.append((r, v))
        if len(found) == 2 and found[0][0].table_idx == found[1][0].table_idx:
            return found
    return None


def _split_basic(cat: Catalog, doc: DocInfo, d: Draft, col: str, parts: list[tuple[RowEvidence, str]], prefix: str) -> bool:
    """人员经费 or 公用经费 that no table prints: 人员经费 is the two PERSONNEL_CLASSES of the 基本支出 table added up,
    公用经费 the rest of that table's total (基本支出 = 人员经费 + 公用经费); each with its formula shown."""
    (a, va), (b, vb) = parts
    personnel = quantize2(parse_amount(va) + parse_amount(vb))
    head = f"{prefix}{describe(doc)}未单列{col}；按支出经济分类，人员经费为工资福利支出与对个人和家庭的补助之和："
    inputs = f"{row_phrase(a, '', va)}{d.cite(a)}，{row_phrase(b, '', vb)}{d.cite(b)}"
    if col == "人员经费":
        d.computed.append(personnel)
        d.add(f"{head}{inputs}；{va} + {vb} = {personnel}{a.unit or ''}。")
        d.record(doc, str(personnel), a.unit, a)
        return True
    total = next((r for r in cat.doc_rows(doc.doc_id) if r.table_idx == a.table_idx and not r.code and not r.unit_name
                  and bare(r.label) in TOTAL_NAMES), None)
    vt = next((v for v in total.values.values() if parse_amount(v) is not None), None) if total is not None else None
    if total is None or vt is None:
        return False
    common = quantize2(parse_amount(vt) - personnel)
    d.computed.extend([personnel, common])
    d.add(f"{head}{inputs}；公用经费为基本支出减去人员经费：{row_phrase(total, '', vt)}{d.cite(total)}；"
          f"{vt} − ({va} + {vb}) = {common}{a.unit or ''}。")
    d.record(doc, str(common), a.unit, total)
    return True


def answer_figure(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    found = figure_for(cat, q, doc)
    # (a fund named before the total, "财政拨款收入": the whole budget's sentence is not that fund's)
    if found is None and not _total_fund(q) and (side := _total_side(q)) and (e := _total_sentence(cat, doc, side)) is not None:
        d.add(f"{prefix}{describe(doc)}：“{e.text.rstrip('。；')}”{d.cite(e)}。")
        if (amt := amount_in(e.text)) is not None:
            d.record(doc, *amt, e)
        return True
    if found is None and q.columns in (["人员经费"], ["公用经费"]) and (parts := _personnel_classes(cat, doc)) \
            and not any(re.search(rf"{q.columns[0]}[^，。；]{{0,6}}?\d", e.text) for e in cat.doc_texts(doc.doc_id)):
        return _split_basic(cat, doc, d, q.columns[0], parts, prefix)  # (not when a sentence states it)
    if found is None:
        return False
    r, col, value = found
    if value and MONEY_ASKED.search(q.text) and not re.search(r"\d", value):
        return False  # words in an amount's cell (a header read into the grid) are no amount
    if value and (MONEY_ASKED.search(q.text) or FEE_ASKED.search(q.text)) and re.search(r"[%％‰]", value) \
            and not re.search(r"率|" + PERCENT_Q.pattern, q.text):
        return False  # a rate ("…费用审减率 ≥10%") is no amount of money
    if value and MONEY_ASKED.search(q.text) and len(res := residue(cat, q, doc)) >= 4 \
            and bare(r.label) in subject_text(q) and res not in clean(r.label + r.table) \
            and any(res in clean(e.text) and bare(r.label) in clean(e.text) and AMOUNT.search(e.text)
                    for e in passages(cat, q, doc, k=15)) \
            and answer_passage(cat, q, doc, d, prefix):
        return True  # "深汕X服务" asked, a row "X服务" printed: the sentence that prints the whole name with its amount
    if not value:
        if MONEY_ASKED.search(q.text) and answer_passage(cat, q, doc, d, prefix):
            return True  # a blank row, but the narrative states the subject's amount
        if not any(x.values for x in cat.doc_rows(doc.doc_id) if x.table_idx == r.table_idx):
            return False  # a list printed in a grid (the units a budget holds): no amount is said blank in it
        d.add(f"{prefix}{describe(doc)}《{r.table}》中“{bare(r.label)}”未填列数值（未安排）{d.cite(r)}。")
        return True
    d.add(f"{prefix}{describe(doc)}{row_phrase(r, col, value)}{d.cite(r)}")
    d.record(doc, value, r.unit, r)
    amount = parse_amount(value)
    if same := also_printed(cat, r, amount):
        d.add("（同一数字也见于" + "、".join(f"《{s.table}》{d.cite(s)}" for s in same) + "）")
    elif (other := _form_amount(cat, r, amount)) is not None:
        # the project's own form prints another amount: both shown, for the reader to weigh (a form's total may cover
        # more than the year, or the two tables may disagree)
        v = next(iter(other.values.values()))
        d.add(f"（同一项目的《{other.table}》列“{bare(other.label)}”{v}{other.unit or ''}{d.cite(other)}，与此处金额不同）")
        d.record(doc, v, other.unit, other, also=True)
    if not q.columns and (part := _fund_part(cat, r, amount)) is not None:
        # an all-funds row, and the same 科目 in the 一般公共预算 / 财政拨款 table with less: that part, beside it
        d.add(f"（《{part.table}》中同一科目为{part.values[_own_year_column(part)]}{part.unit or ''}{d.cite(part)}）")
    if r.unit == "元" and amount is not None and abs(amount) >= 10000 and "%" not in value:
        wan = quantize2(amount / 10000)  # readers think in 万元: the conversion, with its formula
        d.computed.extend([wan, Decimal(10000)])
        d.add(f"（即{wan}万元 = {value} ÷ 10000）")
    more = list(dict.fromkeys(c for it in q.columns for c in [_col_for_intent(r, it)] if c and c != col))
    if more:
        d.add("，" + "，".join(f"{leaf(c)}为{r.values[c]}{r.unit or ''}" for c in more))
        for c in more:
            d.record(doc, r.values[c], r.unit, r, also=True)
    # the other parts of the same row, when the question named no column
    if not q.columns and len(r.values) > 1 and not q.want_year:
        # (not another year's column: "2025年预算数" is no part of this year's 合计)
        others = [(c, v) for c, v in r.values.items() if c != col
                  and parse_amount(v.rstrip("%％") if r.kind != "indicator" else v) is not None
                  and not (re.match(r"上年|(20\d\d)年", c) and not c.startswith(f"{r.doc.year}年"))
                  and not re.search(r"增减|变动|增长|比上年|同比", c)
                  # (a group's subtotal: that group's parts only, a purchases group's 小计 not beside 支出总计)
                  and (not ("/" in col and leaf(col) in ("小计", "合计")) or c.startswith(col.rsplit("/", 1)[0] + "/"))]
        # (the parts that hold money before those printed 0: "其他资金30.40" says whose money it is)
        # (a self-evaluation form's money row: plan, actual, rate and score all told)
        cap = 5 if any(_SELF_EVAL_COL.search(leaf(c)) for c in r.values) else 3
        others = sorted(others, key=lambda cv: parse_amount(cv[1]) == 0)[:cap]
        if others:
            unit = "" if "%" in r.label or r.kind == "indicator" else (r.unit or "")

            def said(c: str, v: str) -> str:  # (a score or a rate beside the money: no unit)
                bare_unit = "%" in v or re.search(r"分值|得分|率", leaf(c))
                return f"{name_value(re.sub(r'^其中[:：]?', '', group_total(c, r.table)), v)}{'' if bare_unit else unit}"

            listed = "、".join(said(c, v) for c, v in others)
            # the parts of a whole ("合计 … 其中 A …"); beside any other column, the row's other columns
            d.add(f"，其中{listed}" if _WHOLE_COL.search(leaf(col)) or leaf(col) == leaf(next(iter(r.values)))
                  and not _SELF_EVAL_COL.search(leaf(col)) else f"（同一行另列：{listed}）")
    if r.kind == "indicator":
        # a self-evaluated indicator: what was achieved and why it fell short, as the form prints them
        told = [(c, v) for c, v in r.values.items() if c != col and parse_amount(v) is None
                and re.search(r"实际|完成|偏差|原因", leaf(c))]
        if told:
            d.add("；" + "；".join(f"{leaf(c)}：{v.rstrip('。')}" for c, v in told))
    if DISTRIBUTIVE.search(q.text) and (part := rare_part(cat, doc, bare(r.label), subject_text(q))):
        # "冬季促消费专项资金有两批，各是多少": every row of the table that carries the same distinctive name
        sibs = [x for x in cat.doc_rows(doc.doc_id) if x.table_idx == r.table_idx and x is not r and part in x.label][:5]
        # the ones the question names by their own words (A and B of "给A、B的钱各有几何"): those only, each a figure of
        # the ask ("哪个多" compares them)
        named = [x for x in sibs if fours(bare(x.label).replace(part, "")) & fours(clean(q.text))]
        for s in named or sibs:
            if (v := s.values.get(col)) and parse_amount(v) is not None:
                d.add(f"；“{bare(s.label)}”为{v}{s.unit or ''}{d.cite(s)}")
                d.record(doc, v, s.unit, s, also=bool(named))
    for unit in dict.fromkeys(COUNT_Q.findall(q.text)):
        # "…是多少？共接待了多少人？": the sentence that gives the count
        hit = next((e for e in passages(cat, q, doc, k=15)
                    if re.search(rf"\d[\d,]*\s*(?:余|多)?(?:批次|次)?[、，]?\s*\d*\s*{unit}", e.text)
                    and overlap(bare(r.label), clean(e.text)) >= 0.25), None)
        if hit is not None and not any(isinstance(e, TextEvidence) and e.text == hit.text for e in d.evidence):
            d.add(f"。说明中写道：“{hit.text.rstrip('。')}”{d.cite(hit)}")
    # (a zero is printed for many things: "政府采购支出 0万元" says nothing of 一般公共服务支出's 0.00 unless it names it)
    zero = parse_amount(value) == 0
    sup = _support(cat, q, doc, value, [bare(r.label)] if zero else key_terms(q) or [bare(r.label)])
    if sup is not None and not any(isinstance(e, TextEvidence) and e.text == sup.text for e in d.evidence):
        d.add(f"。说明中写道：“{sup.text.rstrip('。')}”{d.cite(sup)}")
        # (its other items after "；": a short list whole, a long one's items the question names)
        rest = cat.rest_of_list(sup)
        asked = fours(clean(q.text)) - fours(clean(sup.text))
        for more in [x for x in rest if len(rest) <= 2 or fours(clean(x.text)) & asked]:
            d.add(f"，“{more.text.rstrip('。')}”{d.cite(more)}")
        nxt = cat.next_sentence(sup)
        if WHY_Q.search(q.text) and not BECAUSE.search(sup.text) and nxt is not None and BECAUSE.search(nxt.text):
            d.add(f"，“{nxt.text.rstrip('。')}”{d.cite(nxt)}")
    elif sup is None and (other := stated_otherwise(cat, q, doc, r, amount)) is not None:
        # the release's own text gives the same 科目 another amount: the table leads, the disagreement is flagged
        e, printed = other
        d.add(f"。注意：说明中对同一科目写的是{printed}{d.cite(e)}，与表中数字不一致（“{e.text.rstrip('。')}”）")
    d.add("。")
    return True


_STATED_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(万元|亿元|元)")
_SCALE = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}


def stated_otherwise(cat: Catalog, q: Query, doc: DocInfo, r: RowEvidence, amount: Decimal | None) -> tuple[TextEvidence, str] | None:
    """A sentence that names a coded row by its 科目 name ("（款）X（项）", "“X”科目") and gives it, right after the name,
    an amount that no column of that 科目 prints in any table of the release (to the sentence's precision)."""
    name = bare(r.label)
    # (a 功能科目, whose name no other 科目 of the release carries: "行政运行" is under several 款)
    if amount is None or not r.code.startswith("2") or len(name) < 4 \
            or len({x.code for x in cat.doc_rows(doc.doc_id) if x.code and bare(x.label) == name}) > 1:
        return None
    printed = [(v, x.unit) for x in cat.doc_rows(doc.doc_id) if x.code == r.code and x.unit in _SCALE
               for c in x.values.values() if (v := parse_amount(c)) is not None]
    for e in passages(cat, q, doc, k=12):
        txt = clean(e.text)
        if (at := txt.find(name)) < 0 or at and txt[at - 1] not in "）)”“\"-—、，,：:" \
                or (m := _STATED_AMOUNT.search(txt, at + len(name))) is None \
                or not re.fullmatch(r"(?:[（(][项款类][）)]|[”\"」]|科目|支出|为|是)*", txt[at + len(name): m.start()]):
            continue  # (the 科目 itself, its amount right after its name: not a longer name holding it)
        said = parse_amount(m.group(1))
        if said is None:
            continue
        step = Decimal(1).scaleb(-len(m.group(1).split(".")[1])) if "." in m.group(1) else Decimal(1)
        if not any(abs(v * _SCALE[u] / _SCALE[m.group(2)] - said) <= step for v, u in printed):
            return e, m.group(0)
    return None


_NOT_BUDGETED = re.compile(r"根据|不编制|未编制|不安排|未安排|不列|无此项")  # why a part has no budget


def _names_part(part: str, text: str) -> int:
    """How a text names a 三公 part: 2 as itself ("公务用车购置费", "公务用车购置预算"), 1 inside a larger part
    ("公务用车购置及运行维护费"), 0 not at all."""
    stem = part.removesuffix("费")
    own = re.search(re.escape(stem) + r"(?!及|和|与)", text) is not None
    return 2 if own else 1 if stem in text else 0


_RATE_PRINTED = re.compile(r"(?:完成|执行)[^，。；]{0,8}\d+(?:\.\d+)?[%％]")


def _plan_of_year(text: str, year: int | None) -> bool:
    """Whether the question asks the budget of the year a final account is of ("2024年的…预算" beside another
    year's): the words from that year to the next year named say 预算 and nothing of what was spent."""
    if not year:
        return False
    # (any place the year is named: "X年决算中写的X年某经费预算" asks the budget at its second)
    for m in re.finditer(f"{year}年", text):
        said = re.split(r"20\d\d年", text[m.end():])[0]
        if "预算" in said and not re.search(r"决算|实际|执行|花|用掉|支出了", said):
            return True
    return False


def answer_sangong(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    rows = [r for r in cat.doc_rows(doc.doc_id) if r.table_kind == "sanggong" and r.values
            and "表" in r.table and any(parse_amount(v) is not None for v in r.values.values())]
    said = False
    start, start_part = len(d.evidence), len(d.parts)
    recorded = len(d.figures)  # (the figure this answer gives, for a comparison or a ranking)
    part = next((p for p in SANGONG_STEMS if p in sangong_words(q.text)), "")
    pool = [e for e in passages(cat, q, doc, f"三公经费 预算 安排 {part or '因公出国 公务接待 公务用车'}", k=40)
            if "名词解释" not in e.section]
    if q.units and (mine := [r for r in rows if is_unit_row(r, q.units)]):
        # a unit of a table with one block per unit, or one row per unit: its rows (the sentences tell the department's)
        rows, pool = mine, []
    if not counts_ok(q.text, ""):
        return False  # "几辆公务用车": a count, not money
    # the part named in the sentence or in its heading ("（一）因公出国（境）费用。2026年预算数142.2万元")
    # (not a part named only in a list of what another amount covers: "公用经费N万元，主要包括：…邮电费、某某费、…")
    sents = [e for e in pool if (_names_part(part, e.text + last_heading(e)) if part else "三公" in e.text) and AMOUNT.search(e.text)
             and not (part and only_an_example(part, clean(e.text)))]
    if part:  # the part itself before a larger part its name begins ("公务用车购置" is not 公务用车购置及运行维护费)
        # (a rate of the plan asked: the sentence that prints one, "完成预算的N%", not "占N%")
        rate = bool(EXECUTION_ASKED.search(q.text))
        sents.sort(key=lambda e: (_names_part(part, e.text + last_heading(e)) < 2,
                                  rate and not _RATE_PRINTED.search(clean(e.text))))
    if not part:
        # the total first: "“三公”经费预算数为 8.00 万元", not "其中，因公出国（境）费…"
        # (an amount named after a part first is the part's: "…决算中，因公出国（境）费支出决算 4.69 万元")
        sents.sort(key=lambda e: (clean(e.text).startswith("其中"),
                                  any(p in AMOUNT.split(clean(e.text), maxsplit=1)[0] for p in SANGONG_STEMS),
                                  not re.search(r"三公.{0,4}经费(预算|支出)", clean(e.text))))
    if sents:
        s = sents[0]
        # (the part named only in the sentence's heading: the heading said with it)
        head = last_heading(s).rstrip("。：:") if part and not _names_part(part, s.text) else ""
        d.add(f"{prefix}{describe(doc)}{head}：“{s.text.rstrip('。；')}”{d.cite(s)}。")
        amt = amount_in(s.text)
        if doc.kind == "决算" and not _plan_of_year(q.written or q.text, doc.year) \
                and (m := re.search(r"决算[数额]?[为是]?\s*(?=\d)", s.text)):
            amt = amount_in(s.text[m.end():]) or amt  # a final account's own figure, not the budget beside it
        if amt is not None:
            d.record(doc, *amt, s)
        said = True
        if re.search(r"增减|比上年|去年|上年|变化|持平", q.text) and not re.search(r"持平|增加|减少", s.text):
            same = [e for e in pool if e.para_idx // 1000 == s.para_idx // 1000]
            change = next((e for e in same + pool if re.search(r"持平|增减|增加|减少", e.text)
                           and ("三公" in e.text or e in same) and e is not s), None)
            if change is not None:
                d.add(f"“{change.text.rstrip('。；')}”{d.cite(change)}。")
        if "why" in q.asked and not BECAUSE.search(s.text):
            # a reason asked (why the final account is above the budget): the sentence of the same section that gives one,
            # nearest the subject
            # (the sentence right after, when it gives one; not a reason told of another part)
            subj = clean(subject_text(q))
            nxt = cat.next_sentence(s)
            why = nxt if nxt is not None and BECAUSE.search(nxt.text) else max(
                (e for e in pool if e.section == s.section and e is not s and BECAUSE.search(e.text)
                 and (not part or _names_part(part, e.text) == 2 or not any(p in e.text for p in SANGONG_STEMS))),
                key=lambda e: overlap(subj, clean(e.text)), default=None)
            if why is not None:
                d.add(f"“{why.text.rstrip('。；')}”{d.cite(why)}。")
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
        if "change" in q.asked and doc.year in q.years and year != doc.year:
            year = doc.year  # "this year…, and against last year?": the document's year, then the change from the year before
        r = next((x for x in dated if bare(x.label).startswith(str(year))), first) if dated else first
        cols = year_columns([c for c, v in r.values.items() if parse_amount(v) is not None], year,
                            doc.year if q.want_year and not dated else None)
        asked = [c for c in cols if part and part in clean(c).replace("(", "（").replace(")", "）")]
        cols = asked or cols
        # a fund's column with nothing in it ("公务接待费/政府性基金预算 0.00") beside the first fund's says nothing
        funds = [leaf(c) for c in cols if "/" in c and any(f in leaf(c) for f in FUND_TABLES)]
        cols = [c for c in cols if not (funds and leaf(c) != funds[0] and leaf(c) in funds
                                        and parse_amount(r.values[c]) == 0)] or cols
        parts = [f"{name_value(c.rsplit('/', 1)[0] + '（' + leaf(c) + '）' if '/' in c else c, r.values[c])}{r.unit or ''}"
                 for c in cols][:7]
        if parts:
            d.add(f"{'' if said else prefix + describe(doc)}《{r.table}》{_unit_of(r)}{('“' + bare(r.label) + '”') if r.label else ''}：{'，'.join(parts)}{d.cite(r)}。")
            said = True
            if len(d.figures) == recorded:  # no sentence gave the figure: the row's first (its total, or the part asked)
                d.record(doc, r.values[cols[0]], r.unit, r)
            nxt = rows[rows.index(r) + 1] if dated and r in rows and rows.index(r) + 1 < len(rows) else None
            if "change" in q.asked and nxt is not None and re.search(r"增减|变化|比上年", nxt.label) \
                    and nxt.unit_name == r.unit_name and (c := cols[0]) in nxt.values:
                d.add(f"“{bare(nxt.label)}”{name_value(c.rsplit('/', 1)[0] + '（' + leaf(c) + '）' if '/' in c else c, nxt.values[c])}"
                      f"{nxt.unit or ''}{d.cite(nxt)}。")  # the table's own change row, after the year's row
            if "change" in q.asked and dated and r in dated:
                _year_before(d, r, cols[0], [x for x in dated if x.unit_name == r.unit_name])
    elif answer_empty_table(cat, doc, d, "sanggong", "" if said else prefix + describe(doc)):
        said = True
    told = "".join(d.parts[start_part:])
    if said and part and ("why" in q.asked and not any(isinstance(e, TextEvidence) and BECAUSE.search(e.text)
                                                       for e in d.evidence[start:]) or _names_part(part, told) < 2):
        # why a part is (not) budgeted, told in a sentence of its own with no amount ("…本部门年初不编制…"); or the
        # part asked, which neither the table nor a sentence with an amount names
        why = next((e for e in pool if _names_part(part, e.text) == 2 and (BECAUSE.search(e.text) or _NOT_BUDGETED.search(e.text))
                    and not d.cited(e)), None)
        if why is not None:
            d.add(f"“{why.text.rstrip('。；')}”{d.cite(why)}。")
    return said


def _year_before(d: Draft, r: RowEvidence, col: str, dated: list[RowEvidence]) -> None:
    """The year before's row of a table with one row per year, and the change worked out from the two."""
    year = int(bare(r.label)[:4])
    prev = next((x for x in dated if bare(x.label).startswith(str(year - 1))), None)
    now, then = parse_amount(r.values.get(col, "")), parse_amount(prev.values.get(col, "")) if prev else None
    if prev is None or now is None or then is None:
        return
    diff = quantize2(abs(Decimal(now) - Decimal(then)))
    d.computed.append(diff)
    name = col.rsplit("/", 1)[0] + "（" + leaf(col) + "）" if "/" in col else col
    d.add(f"“{bare(prev.label)}”{name_value(name, prev.values[col])}{prev.unit or ''}{d.cite(prev)}。")
    if now == then:
        d.add(f"{year}年与{year - 1}年持平。")
        return
    hi, lo = (r, prev) if now > then else (prev, r)
    d.add(f"{year}年比{year - 1}年{'增加' if now > then else '减少'} {hi.values[col]} − {lo.values[col]} = {diff}{r.unit or ''}。")


def _unit_of(r: RowEvidence) -> str:
    """"“X单位”" for a row of one unit's block in a table of several units, else ""."""
    return f"“{r.unit_name}”" if r.unit_name and r.unit_name != r.doc.department else ""


_EMPTY_NOTE = re.compile(r"空表|无.{0,20}(预算|支出|收入|情况|资产)|本表无|无数据|无发生")


def _table_evidence(doc: DocInfo, t: TableInfo, label: str) -> RowEvidence:
    return RowEvidence(doc=doc, table=t.title, table_kind=t.kind, unit=t.unit, label=label, code="",
                       page=t.pages[0] if t.pages else 1, values={}, table_idx=t.idx, row_idx=-1)


def _say_empty(doc: DocInfo, d: Draft, t: TableInfo, prefix: str) -> None:
    """"《表》为空表：备注", citing the table."""
    note = next((n for n in t.notes if _EMPTY_NOTE.search(n)), "")
    d.add(f"{prefix}《{t.title}》为空表{('：' + note.rstrip('。')) if note else ''}{d.cite(_table_evidence(doc, t, '（空表）'))}。")


def _amounts(r: RowEvidence) -> bool:
    """A row that prints an amount (not only words: "无", a "合计" label read into a cell)."""
    return any(parse_amount(v) is not None for v in r.values.values())


def answer_empty_table(cat: Catalog, doc: DocInfo, d: Draft, kind: str, prefix: str, q: Query | None = None) -> bool:
    """An empty standard table (空表列示): say so, citing the table and its note, and the sentence that says there is
    none; with no table of the kind printed, that sentence alone ("本部门无当年某预算收支")."""
    tables = [t for t in cat.tables.get(doc.doc_id, []) if t.kind == kind]
    if any(_amounts(r) for r in cat.doc_rows(doc.doc_id) if r.table_kind == kind):
        return False
    said = _none_said(cat, q, doc, kind, with_amount=bool(tables)) if q is not None else None
    if not tables and said is None:
        return False
    if tables:
        _say_empty(doc, d, tables[0], prefix)
    if said is not None:
        d.add(f"{'说明中写道' if tables else prefix}：“{said.text.rstrip('。；')}”{d.cite(said)}。")
    return True




def _none_said(cat: Catalog, q: Query, doc: DocInfo, kind: str, with_amount: bool = False) -> TextEvidence | None:
    """The sentence saying the document has none of a table's kind ("本部门无某预算收支"); or, with
    `with_amount`, one that gives its amount."""
    word = next((w for w, k in EMPTY_KINDS.items() if k == kind and w in q.text), "")
    cands = [e for e in passages(cat, q, doc, k=10) if word and word in e.text and "名词解释" not in e.section]
    # (a sentence saying there is none first, then one with its amount)
    return next((e for e in cands if STATED_NONE.search(e.text)), None) \
        or (next((e for e in cands if AMOUNT.search(e.text)), None) if with_amount else None)


def answer_empty_titled(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str) -> bool:
    """A table the question names by its title (most of its words), printed empty: say so, with its note."""
    subj = clean(subject_text(q))
    for t in cat.tables.get(doc.doc_id, []):
        if not t.empty or any(_amounts(r) for r in cat.doc_rows(doc.doc_id) if r.table_idx == t.idx):
            continue
        core = re.sub(r"^20\d\d年度?|[（(][^）)]*[）)]|[：:].*$|表$", "", clean(t.title))
        if len(core) < 6 or overlap(core, subj) < 0.75:
            continue
        _say_empty(doc, d, t, prefix + describe(doc))
        if (said := _none_said(cat, q, doc, t.kind)) is not None and not d.cited(said):
            d.add(f"说明中写道：“{said.text.rstrip('。；')}”{d.cite(said)}。")
        return True
    return False


def answer_blank_column(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str) -> bool:
    """A column the question names (事业收入, 对附属单位补助支出) left blank in the table's total row."""
    subj = subject_text(q)
    if names_other(cat, q, doc):
        return False
    for t in sorted(cat.tables.get(doc.doc_id, []), key=lambda t: kind_rank(q, t.kind)):
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
        if any(parse_amount(r.values[col]) is None for r in cat.doc_rows(doc.doc_id) if r.table_idx == t.idx and r.values.get(col)):
            continue  # a column of words (绩效目标): blank in the total row says nothing of an amount
        d.add(f"{prefix}{describe(doc)}《{t.title}》“{bare(total.label)}”行中“{leaf(col)}”未填列数值（未安排）{d.cite(total)}。")
        return True
    return False
