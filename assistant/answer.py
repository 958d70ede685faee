"""Answering a question: its asks, each answered in each document in scope, then what was not found
and the comparison. One document's answer to one ask is chosen in `answer_for_doc`."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from assistant.arithmetic import (
    add_execution_rate,
    add_plan_gap,
    add_up,
    answer_change_rate,
    answer_computation,
    answer_row_change,
    answer_share,
    answer_stated_share,
    answer_year_before,
    compare,
    form_disagrees,
    in_wan,
    plan_gap,
    states_execution,
    unit_share,
)
from assistant.asks import Ask, asked_text, fund_part_too, how_far_apart, split_asks
from assistant.catalog import Catalog
from assistant.compose import (
    FORM_AMOUNT,
    TABLE_NAMED,
    Draft,
    Figure,
    asks_within,
    bare,
    clean,
    describe,
    form_bodies,
    is_indicator,
    is_unit_row,
    leaf,
    match_rows,
    name_forms,
    named_in,
    names_column,
    part_label,
    passages,
    pick_value,
    project_name,
    quantize2,
    quotes_a_project,
    row_phrase,
    subject_text,
    without_places,
)
from assistant.evidence import DocInfo, RowEvidence, TextEvidence
from assistant.figures import (
    answer_blank_column,
    answer_cited_column,
    answer_class_parts,
    answer_empty_table,
    answer_empty_titled,
    answer_figure,
    answer_listing,
    answer_sangong,
    answer_source,
    section_states,
)
from assistant.findings import answer_findings, asks_consistency
from assistant.measures import answer_measure
from assistant.narrative import (
    answer_contents,
    answer_counted_cell,
    answer_definition,
    answer_duty,
    answer_form_reason,
    answer_form_text,
    answer_item,
    answer_passage,
    answer_points_lost,
    answer_quoted_rate,
    answer_release_mark,
    answer_row_text,
    answer_section,
    answer_table_named,
    answer_tables_listed,
    answer_task,
    answer_use_clause,
    counts_ok,
    following,
    items_after,
    restates_use,
    states_count,
    withheld,
)
from assistant.rank import AMOUNT, BECAUSE, overlap, reason_of, runs_in
from assistant.understand import (
    COLUMN_INTENTS,
    SANGONG_PARTS,
    Query,
    aliases,
    place_forms,
    regions_of,
    understand,
    writes_unit,
)
from assistant.vocab import (
    ANAPHOR,
    CHANGE_Q,
    CHANGE_SIZE,
    CHANGE_USE_Q,
    CHANGE_WORDS,
    COMPARE_Q,
    COUNT_Q,
    DIFF_ASKED,
    EACH_YEAR,
    EMPTY_KINDS,
    EXECUTION_ASKED,
    FUND_TABLES,
    GOAL_ASKED,
    INTERROGATIVE,
    MONEY_ASKED,
    MONEY_WORDS,
    MORE_OR_LESS,
    PART_TABLES,
    PERCENT_Q,
    PLAN_GAP,
    PRINTED_AS,
    RANKING_AFTER,
    RANKING_Q,
    REGION_WIDE,
    SCORE_ASKED,
    SOURCE_ASKED,
    SUBJECT_ASKED,
    SUBJECT_NOUN,
    SUM_Q,
    THING_ASKED,
    TOP_ITEM,
    TOTAL_NAMES,
    USE_ASKED,
    USE_Q,
    USE_WORD,
    WHEN_Q,
    WHEN_WORD,
    WHICH_TABLE_ASKED,
    WHY_ASKED,
    WHY_Q,
    YEAR_START_ASKED,
    change_text,
    sangong_words,
)
from ingest.text import longest


def answer_for_doc(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    """One document's answer to one ask. A unit the question names inside the document must be what the
    evidence is about: a department-wide figure does not answer for one of its units."""
    # (not a unit the question writes with another document's place: "甲市X医院" is not 乙's "…附属X医院")
    units = [u for u in q.units if u in doc.context and not any(
        n.endswith(u) and (place := n[: -len(u)]) in _places(cat) and place not in doc.department and place not in doc.context
        for n in q.named if n != u)]
    # (and a unit as the question writes it short, "某医大附属X医院", beside its printed name)
    units += [u for u in q.units if u not in units and any(writes_unit(u, p) for p in units)]
    if len(units) < len(q.units):
        q = replace(q, units=units)  # "深圳市考试院和上海市职业能力考试院": the unit is in the other document
    mark = d.mark()
    if not _answer_for_doc(cat, q, doc, d, prefix):
        return False
    form_disagrees(cat, doc, d, mark[1])  # (a project's narrative figures its own form prints otherwise)
    wide = REGION_WIDE.findall(q.text)  # "全区…收入": the district's, which a department's own tables do not give
    if re.match(r"国家|中央", doc.department):
        wide = [w for w in wide if w != "全国"]  # a national department's "全国…" names its own work ("全国…系统")
    if not units and not wide:
        return True
    said = clean("".join(d.parts[mark[0]:]) + "".join(
        e.label + e.unit_name + e.table + _form_bodies(cat, e) if isinstance(e, RowEvidence) else e.section + e.text
        for e in d.evidence[mark[1]:]))
    if all(w in said for w in wide) and (not units or any(clean(u) in said for u in units)
                                         or any(_named_itself(e, q.subject) for e in d.evidence[mark[1]:])):
        return True
    d.rollback(mark)
    return False


def _column_unsaid(cat: Catalog, q: Query, doc: DocInfo, r: RowEvidence) -> bool:
    """One column of the row asked ("年初预算数"), and no sentence on the row's project that writes its words."""
    cols = [c for c in r.values if names_column(c, subject_text(q))]
    if len(cols) != 1:
        return False
    words, proj = re.sub(r"数$", "", cols[0].split("/")[-1]), project_name(r.table)
    return not any(words in clean(e.text) for e in passages(cat, q, doc, k=15) if overlap(proj, clean(e.text)) >= 0.6)


def _form_row_named(r: RowEvidence, subject: str) -> bool:
    """A row of a project's form the question names, other than its whole amount ("其他资金", "其中：当年财政拨款")."""
    label = part_label(r.label)
    return r.table_kind == "performance" and r.kind == "" and len(label) >= 4 and label in subject \
        and not FORM_AMOUNT.fullmatch(label)


def _form_bodies(cat: Catalog, e: RowEvidence) -> str:
    """The bodies a performance form names as carrying out its project ("实施单位：X医院"): a row of the form is theirs."""
    return form_bodies(cat, e.doc).get(e.table_idx, "") if e.table_kind == "performance" else ""


def _places(cat: Catalog) -> frozenset[str]:
    """The places the stored documents are of, as written ("西安市", "西安")."""
    if "places" not in cat.memo:
        cat.memo["places"] = frozenset(f for d in cat.docs.values() for r in regions_of(d.department) for f in place_forms(r))
    return cat.memo["places"]  # type: ignore[return-value]




# a set counted and asked of each ("5个基地各自的X", "三家医院分别…")
_EACH_COUNTED = re.compile(r"(?<![\d.])(?:[2-9]|[1-9]\d|[两二三四五六七八九十])(?:个|家|所|处|座)([\u4e00-\u9fa5]{2,8}?)的?(?:各自|分别|各)")
_OF_WHOLE_BODY = re.compile(r"占(?:全|整个|部门|本部门|总体|全系统|所有|各)")  # a share of the department's whole
_QUOTED_NAME = re.compile(r"[“\"「『][^”\"」』]{2,40}[”\"」』]")  # a name the question quotes
# a place the money is given to ("分给某区的有多少"): answered only by a document that prints the place
_RECIPIENT = re.compile(r"(?:分给|拨给|拨付给|下达给|分配给|补助给|划拨给|划给|转移支付给)"
                        r"(?P<who>[^\W\d_的和与及在是有]{1,8}?(?:省|市|区|县|镇|乡|街道|村|社区))(?=[的\W]|$)")
# money a higher level of government gives ("中央财政下达的", "来自省级补助的"): a release prints such money by its giver
_GIVER = re.compile(r"(?P<who>中央|省级?|上级)(?:财政)?(?:拨给|拨付|下达|补助|转移支付|安排给|给)|来自(?P<from>中央|省级?|上级)")
_GIVER_PRINTED = r"(?:财政|补助|转移支付|资金|拨款|专项|下达)"
# an amount of something named before 额 ("交易额"): a budget asks it of a budget noun, or the documents print it
_MEASURE_WORD = re.compile(r"[\u4e00-\u9fa5]{2}额")
# how far one thing is from another that is not a year ("比乙局多多少", not "比上年多多少")
# ("A比B多还是少": which way, and how far apart)
_DOCS_DIFF = re.compile(r"比(?!上一?年|去年|前一?年|20\d\d年|以前|往年|年初)([^，。？?]{1,24}?)(?:" + DIFF_ASKED
                        + r"|(?:要|是)?(?:多|高|大)了?还是(?:少|低|小))")


_RELEASE_NAME = re.compile(r"(?:部门|单位)(?:综合)?(?:预算|决算)")


def _names_other_doc(name: str, doc: DocInfo, docs: list[DocInfo]) -> bool:
    """A listed thing that names another document's department, not this one's."""
    def names(x: DocInfo) -> bool:
        return any(a in name for a in aliases(x.department) if len(a) >= 2)

    if _RELEASE_NAME.match(name) and not name.startswith(doc.scope) \
            and any(x.department == doc.department and name.startswith(x.scope) for x in docs):
        return True  # both scopes listed: the 部门 item is the 部门 release's, not the 单位 one's
    # ("甲市卫健委…和乙市卫健委…": a name both departments share, told apart by the place written with it)
    own = {f for r in regions_of(doc.department) for f in place_forms(r)}
    others = {f for x in docs if x.department != doc.department for r in regions_of(x.department) for f in place_forms(r)}
    if any(p in name for p in others - own) and not any(p in name for p in own - others):
        return True
    return not names(doc) and any(names(x) for x in docs if x.department != doc.department)


def _named_itself(e: RowEvidence | TextEvidence, subject: str) -> bool:
    """A project the question names whole ("…服务中心的场地租金项目"): that project, whoever the question says runs it."""
    if not isinstance(e, RowEvidence):
        return False
    name = project_name(e.table) if e.table_kind == "performance" else \
        bare(e.label) if e.table_kind in ("project_expense", "special_fund") else ""
    return len(name) >= 4 and name in subject


def _answer_for_doc(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    intents = q.intents or ["figure"]
    if EACH_YEAR.search(q.text) and doc.year and doc.year - 1 in q.years and not q.want_year \
            and not any(x.year == doc.year - 1 for x in q.docs if x.department == doc.department):
        # "比上年涨了：这两年各是多少", only this year's release: its figure, then the year before's as the text's
        # change gives it (when no row prints it)
        plain = replace(q, text=EACH_YEAR.sub("", q.text), subject=EACH_YEAR.sub("", q.subject),
                        subject_full=EACH_YEAR.sub("", q.subject_full))
        if not _answer_for_doc(cat, plain, doc, d, prefix):
            return False
        said, mark = "".join(d.parts), d.mark()
        if _answer_for_doc(cat, replace(plain, want_year=doc.year - 1), doc, d):
            d.parts[mark[0]:] = _unsaid(d.parts[mark[0]:], said)  # (what this year's answer quoted is not repeated)
        return True
    if answer_task(cat, q, doc, d, prefix):
        return True  # a plan asked about a topic: the item of the work-task section that names it
    if answer_year_before(cat, q, doc, d, prefix):
        return True  # the year before, which no table prints: this year's figure and the change the text states
    if answer_change_rate(cat, q, doc, d, prefix):
        return True  # a rate of change the text does not print: the change over the year before's figure
    if q.asked & {"why", "use"} and answer_quoted_rate(cat, q, doc, d, prefix):
        return True  # "为啥涨了N%": the sentence that prints that rate, and its reason
    if (q.asked & {"plan_final", "use", "why"} or doc.kind == "决算" and YEAR_START_ASKED.search(q.text)) \
            and answer_item(cat, q, doc, d, prefix):
        return True
    if "define" in q.asked and answer_definition(cat, q, doc, d):
        return True
    if answer_form_text(cat, q, doc, d, prefix):
        return True  # what a named project holds or pays by: its form's words, not its amount
    if answer_contents(cat, q, doc, d, prefix) or answer_table_named(cat, q, doc, d, prefix):
        return True  # how the release is laid out: its parts, what one part holds, which tables are titled by a thing
    if answer_points_lost(cat, q, doc, d, prefix):
        return True  # which indicators of a project's self-evaluation lost points
    top = match_rows(cat, q, doc)[:1]
    # (a unit asked whose own rows print the item, "X局本级的差旅费": those rows, not a sentence on the unit)
    own_rows = bool(q.units) and bool(top) and bool(top[0].unit_name) and is_unit_row(top[0], q.units)
    if "sanggong" in q.asked and "use" in q.asked and answer_use_clause(cat, q, doc, d):
        return True  # what a 三公 part is for: the glossary's clause on it, not its amount
    # (not a project of the asked unit's own block the question names, "某院出访用的某经费": that row; nor a
    # project's indicator the question names, "单台公务用车油耗": its value)
    if "sanggong" in q.asked and "share" not in intents and not _part_of_column(cat, q, doc) \
            and not (top and is_indicator(top[0]) and named_in(top[0].label, subject_text(q))) \
            and not quotes_a_project(cat, doc, q.text) and not (own_rows and named_in(top[0].label, subject_text(q))
                                                                and top[0].table_kind in ("project_expense", "special_fund")):
        if answer_sangong(cat, q, doc, d, prefix):
            return True
    # (or an indicator, or the one column asked, of a form the unit carries out, "实施单位：X": that row; the unit's
    # sentence tells the form's money whole)
    if q.units and not (top and is_unit_row(top[0], q.units) and (not asks_within(q) or own_rows and named_in(top[0].label, subject_text(q)))) \
            and not (top and (top[0].kind == "indicator" and not MONEY_WORDS.search(re.sub(r"“[^”]*”|\"[^\"]*\"|「[^」]*」", "", q.text))
                              or _column_unsaid(cat, q, doc, top[0]) or _form_row_named(top[0], subject_text(q))
                              or top[0].table_kind == "performance" and top[0].kind == "text" and "purpose" in intents)
                     and any(u in _form_bodies(cat, top[0]) for u in q.units)) \
            and answer_passage(cat, q, doc, d, prefix, within=q.units):
        return True  # a unit inside the document: its own section, when no row is labelled with it or the
        # question asks about something of the unit's ("…中心的高层次人才奖励补贴")
    # (a row named whole and left blank, "某基金预算支出": its own empty table, with the note why, answers first)
    # (an income row keeps its own blank: the empty table is of spending)
    named_row = bool(top) and len(bare(top[0].label)) >= 6 and bare(top[0].label) in subject_text(q) \
        and (bool(top[0].values) or "收入" in bare(top[0].label)) \
        and not re.search(re.escape(bare(top[0].label)) + r"[\u4e00-\u9fa5]{0,12}表", subject_text(q))  # (a table's title, "X收入支出表")
    # (each table named, "有A基金和B预算吗")
    said = [kind for kind in dict.fromkeys(k for k in EMPTY_KINDS.values() if f"empty:{k}" in q.asked)
            if not named_row and answer_empty_table(cat, doc, d, kind, prefix + describe(doc), q)]
    if said:
        return True
    if not named_row and answer_empty_titled(cat, q, doc, d, prefix):
        return True  # a table named by its title, printed empty
    if answer_section(cat, q, doc, d, prefix):
        return True  # "X的立项依据": the section headed with what is asked, under X
    if "list" in q.asked and answer_listing(cat, q, doc, d, prefix):
        return True
    if "duty" in q.asked and answer_duty(cat, q, doc, d):
        return True
    if answer_tables_listed(cat, q, doc, d, prefix) or answer_release_mark(cat, q, doc, d, prefix):
        return True
    if intents == ["whether"]:  # a yes or no with no amount asked: a sentence that names the thing asked
        mark = d.mark()
        if answer_passage(cat, q, doc, d, prefix) and _names_most(subject_text(q), clean("".join(d.parts[mark[0]:]))):
            return True
        d.rollback(mark)
    if "share" in intents and q.units and not _OF_WHOLE_BODY.search(q.text) and not any(w in q.text for w in FUND_TABLES) \
            and unit_share(cat, q, doc, d):
        return True  # a unit's part of its own whole (its column over its own total), not of the department's (a
        # fund's whole, the fund named, is its fund table's: worked out below)
    if "share" in intents and answer_stated_share(cat, q, doc, d):
        return True  # a share the release states: its own figure
    if ({"share", "diff", "sum"} & set(intents)) and answer_computation(cat, q, doc, d):
        return True
    if "share" in intents and answer_share(cat, q, doc, d):
        return True
    if "definition" in intents and answer_definition(cat, q, doc, d):
        return True
    if EXECUTION_ASKED.search(q.text):  # a rate of execution: the sentence that states the plan and the actual amount
        mark = d.mark()
        if answer_passage(cat, q, doc, d, prefix) and any(states_execution(e) for e in d.evidence[mark[1]:]):
            return True
        d.rollback(mark)
    # (a yearly result a self-evaluation form's indicator prints in the counter asked, "全年培训了多少人": that row)
    counted = bool(top) and top[0].kind == "indicator" and not CHANGE_Q.search(change_text(q.text)) \
        and any(re.search(rf"\d\s*{c}", v) for c in COUNT_Q.findall(q.text) for v in top[0].values.values())
    if "change" in q.asked and not counted and answer_passage(cat, q, doc, d, prefix):
        return True  # changes and yearly results are told in the narrative, not in this year's tables
    if "change" in q.asked and answer_row_change(cat, q, doc, d, prefix):
        return True  # or by a row that prints both years
    if "purpose" in intents and answer_form_reason(cat, q, doc, d, prefix):
        return True  # why a named project's self-evaluation fell short of something: its form's reason column
    if "purpose" in intents:
        # what a project is for: its goal as the table states it, first (so too for a project the question quotes)
        goal = "goal" in q.asked or quotes_a_project(cat, doc, q.text)
        mark = d.mark()
        ok = (goal and answer_row_text(cat, q, doc, d, prefix)) or answer_passage(cat, q, doc, d, prefix, purpose=True) \
            or answer_row_text(cat, q, doc, d, prefix)
        told = [e for e in d.evidence[mark[1]:] if isinstance(e, TextEvidence) and "用于" in e.text]
        if ok and told and all(restates_use(subject_text(q), e.text) for e in told):
            # (a sentence whose use only names the subject again: the project's own form says what for, if it has one)
            d.rollback(mark)
            if not answer_row_text(cat, q, doc, d, prefix):
                d.rollback(mark)
                ok = answer_passage(cat, q, doc, d, prefix, purpose=True)
        if ok and q.columns:
            answer_figure(cat, q, doc, d)
        if ok:
            return True
        if "use" in q.asked and answer_listing(cat, q, doc, d, prefix, most=5):
            return True  # no sentence says what the money is for: what the table lists it for, largest first
        if "use" in q.asked and answer_definition(cat, q, doc, d):
            return True  # nor a table: what the glossary says the 科目 is ("指…的支出")
    if top and (top[0].table_kind in PART_TABLES or re.search(r"基本支出|项目支出", top[0].table)) and not q.columns \
            and section_states(cat, q, doc, sentence=top[0].table_kind != "project_expense") \
            and answer_passage(cat, q, doc, d, prefix):
        return True  # "委托业务费安排了多少": its own section states the whole; a 基本/项目支出表 row is one part of it
    if COUNT_Q.search(q.text) and not MONEY_ASKED.search(q.text) and states_count(cat, q, doc) \
            and answer_passage(cat, q, doc, d, prefix):
        return True  # a count a sentence writes with its noun ("全力做好10项重点工作"): no table row counts it
    if top and top[0].table_kind in ("project_expense", "special_fund") and THING_ASKED.search(q.text) \
            and not (MONEY_ASKED.search(q.text) or COUNT_Q.search(q.text) or TOP_ITEM.search(q.text) or "list" in q.asked
                     or COMPARE_Q.search(q.text)) \
            and answer_row_text(cat, q, doc, d, prefix):
        return True  # what a project named does, which no amount says ("打造的是什么品牌"): its row's words (绩效目标)
    if answer_figure(cat, q, doc, d, prefix):
        return True
    if answer_blank_column(cat, q, doc, d, prefix):
        return True
    mark = d.mark()
    if not answer_passage(cat, q, doc, d, prefix):
        # (a count no sentence writes: a table's text cell may, "拟购置2辆…")
        return bool(COUNT_Q.search(q.text)) and not MONEY_ASKED.search(q.text) and answer_counted_cell(cat, q, doc, d, prefix)
    if TOP_ITEM.search(q.text) and not COMPARE_Q.search(q.text) and not any("最" in e.text for e in d.evidence[mark[1]:] if isinstance(e, TextEvidence)):
        d.rollback(mark)  # the largest item asked, no list to rank: only a sentence that says which is largest
        return False
    return True


def compose(cat: Catalog, q: Query) -> Draft:
    d = _draft(cat, q)
    if "whether" in q.intents and not {"figure", "sum", "share", "diff", "compare"} & set(q.intents) and d.answerable \
            and d.figures and all(f.value == 0 for f in d.figures):
        d.add("所问事项的金额为0，也就是没有。")  # a yes or no answered by amounts that are all zero: the answer is no
    return d


def _draft(cat: Catalog, q: Query) -> Draft:
    d = Draft()
    if not q.docs:
        d.answerable = False
        if q.unknown:
            d.add(f"存储中没有“{'、'.join(q.unknown)}”的公开文件，无法回答。")
        else:
            d.add("存储中没有与问题相符的已导入文件" + (f"（没有所问年度的{'决算' if '决算' in q.text else ''}文件）" if q.years else "") + "，无法回答。")
        return d
    if q.absent_units:  # "X局下属的Y支队", Y not among the units X's release lists: nothing of X's answers for Y
        d.answerable = False
        d.add(f"{'、'.join(describe(x) for x in q.docs[:4])}中没有列出“{'、'.join(q.absent_units)}”，无法回答，不作推测。")
        # (the units it lists with a name close to the one asked: the reader may have meant one of them)
        near = [u for x in q.docs for u in x.units if u not in aliases(x.department) and not u.startswith(x.department)
                and any(overlap(a, u) >= 0.5 for a in q.absent_units)]
        if near:
            d.add(f"文件列出的名称相近的单位：{'、'.join(dict.fromkeys(near))}。")
        return d
    if (given := _RECIPIENT.search(q.text)) and not _prints(
            cat, q.docs, lambda t: given.group("who") in t, lambda r: given.group("who") in r.label + "|" + r.unit_name):
        d.answerable = False
        d.add(f"{'、'.join(describe(x) for x in q.docs[:4])}中没有写到“{given.group('who')}”，无法回答，不作推测。")
        return d
    # (printed as money: a row or column of it, or a sentence of it with an amount; "由中央财政与地方财政共同负担" is none)
    who = (giver.group("who") or giver.group("from")) if (giver := _GIVER.search(q.text)) else ""
    if who and not _prints(cat, q.docs, lambda t: bool(re.search(who + ".{0,4}" + _GIVER_PRINTED, t) and AMOUNT.search(t)),
                           lambda r: who in r.label, lambda c: who in c):
        d.answerable = False
        d.add(f"{'、'.join(describe(x) for x in q.docs[:4])}中没有写到来自“{who}”的资金，无法回答，不作推测。")
        return d
    if len(q.docs) == 1 and (secret := withheld(cat, q, q.docs[0])) is not None:
        # the parts asked are withheld by the document itself: it says so (which answers why they are not public)
        if WHY_Q.search(q.text) or "公开" in q.text:
            d.add(f"{describe(q.docs[0])}：“{clean(secret.text)}”{d.cite(secret)}")
        else:
            d.answerable = False
            d.add(f"{describe(q.docs[0])}说明这部分明细不予公开：“{clean(secret.text)}”{d.cite(secret)}，无法回答，不作推测。")
        return d
    if len(q.docs) == 1 and answer_class_parts(cat, q, q.docs[0], d):
        return d
    if (measure := _foreign_measure(cat, q.text)) is not None:
        d.answerable = False
        d.add(f"已导入的公开文件中都没有写到“{measure}”，无法回答，不作推测。")
        return d
    if asks_consistency(q.text):  # "有没有数字对不上的地方": the publication check's findings
        return answer_findings(cat, q)
    if q.ambiguous:
        _scope_by_names(cat, q)
    # ("哪个信访局…最多": one name that several departments' releases share, each of them ranked)
    shared = len(q.named) == 1 and len({x.department for x in q.docs}) > 1
    if (q.ambiguous or shared) and (m := RANKING_Q.search(clean(q.text)) or RANKING_AFTER.search(clean(q.text))):
        return _ranking(cat, q, m)
    if q.ambiguous and ("define" in q.asked or "definition" in (q.intents or [])):
        # a term asked with no department ("什么是机关运行经费"): one document's glossary is quoted, and the answer
        # says whose it is
        for doc in q.docs:
            mark = d.mark()
            if answer_definition(cat, q, doc, d):
                d.add(f"（问题未指明部门：以上引自{describe(doc)}的名词解释，其他部门文件的表述可能略有不同。）")
                return d
            d.rollback(mark)
    if q.ambiguous and len(q.ambiguous) > 3:
        d.answerable = False
        d.add("已导入多个部门的文件，请在问题中指明部门（或在网页中筛选文件），例如：" + "、".join(q.ambiguous[:5]) + "。")
        return d
    # units of one document listed are items ("A医院和B医院各多少"); across documents they are scope
    units = q.units if len(q.docs) == 1 else []
    if len({x.department for x in q.docs}) == 1 and len({x.scope for x in q.docs}) > 1:
        units = [f"{x.scope}{x.kind}" for x in q.docs]  # one department's 部门 and 单位 releases, listed: "X的部门、单位预算"
    # (a name that is one of those units with its place before it, "某市X中心", is that unit)
    scope = [a for doc in q.docs for a in aliases(doc.department)] \
        + [n for n in q.named + q.units if not any(u in n for u in units)]
    # ("长沙比深圳多多少": the documents' places name them too)
    places = [f for doc in q.docs for r in regions_of(doc.department) for f in place_forms(r)] if len(q.docs) > 1 else []
    asks = [_heads_carried(cat, q, a) for a in split_asks(q.text, cat.names() + _joined_names(cat, q), scope, units, places)]
    if len(q.docs) > 1 and not any(a.op == "compare" for a in asks) and (m := _DOCS_DIFF.search(q.text)) \
            and any(n in m.group(1) for n in [*scope, *places, "部门预算", "单位预算"] if len(n) >= 2):
        asks.append(Ask(q.text, "compare"))  # "A的X比B多多少" (B a release named): each one's figure, how far apart
    elif len({x.release for x in q.docs}) > 1 and not any(a.op == "compare" for a in asks) and len(asks) == 1 \
            and re.search(r"(?:相差|差距|差了?)(?:有|是)?(?:多少|几|多大)", q.text) and len(q.named) >= 2:
        asks.append(Ask(q.text, "compare"))  # "A和B的X差多少" (two releases named): each one's figure, how far apart
    values = [a for a in asks if a.op == "value"]
    # an ask with its own subject leads a group; the follow-ups after it ("比上年增加了多少", "为什么") join it
    compound = len(values) > 1 or any(a.items for a in values)
    scopes = {a.text: understand(a.text, q.docs).docs for a in values} if compound else {}
    groups: list[list[Ask]] = []
    for ask in values:
        # (a follow-up naming another year's release, "X年预算…？Y年决算…？": a lead of its own)
        if ask.subject or not groups or len(q.docs) > 1 and scopes[ask.text] and not {x.doc_id for x in scopes[ask.text]} \
                & {x.doc_id for x in scopes[groups[-1][0].text]}:
            groups.append([ask])
        else:
            groups[-1].append(ask)
    # one ask and a comparison in a clause of its own ("…各是多少？相差多少"): the ask is read without it
    # (one department's releases of two years: the ask of each year, then how far apart; or two departments,
    # then "A比B多多少" in a clause of its own)
    said = asked_text(q.text)
    trailing = not compound and len(asks) > len(values) and len(values) == 1 and said.startswith(values[0].text) \
        and len(values[0].text) < len(said.rstrip("？?。")) - 2 and len(q.docs) > 1 \
        and len({x.department for x in q.docs}) == 1 \
        or len(values) == 1 and not values[0].items and said.startswith(values[0].text) \
        and how_far_apart(said[len(values[0].text):].strip("？?。，, "), scope + places)
    answered = 0

    def release(doc: DocInfo) -> tuple[str, int | None, str]:
        return doc.department, doc.year, doc.kind

    missing: list[tuple[tuple, int | None, str]] = []  # (release, ask, what was not found)
    found: set[tuple] = set()
    done: set[tuple] = set()
    for doc in q.docs:
        ok = False
        first = len(d.parts)  # where this document's answer begins
        leads: list[str] = []  # each group's subject, for a later ask that measures it
        held: list[str] = []  # the unit an ask before named: it holds for a later ask that names no body
        for g, group in enumerate(groups):
            within = [x for a in group if a is group[0] or EACH_YEAR.search(a.text) for x in scopes[a.text]] if compound else []
            if compound and within and doc not in within:
                continue  # the group names another document (a follow-up asking each year may name more)
            # the group's lead ask first (the question itself when it asks one thing)
            d.ask = 100 * g
            d.what = group[0].names[0] if group[0].names else ""
            before = len(d.parts)
            text = group[0].text
            if compound and len(q.docs) > 1 and all(_RELEASE_NAME.match(n) for n in group[0].names) \
                    and len(own := [it for it, n in zip(group[0].items, group[0].names, strict=True)
                                    if not _names_other_doc(n, doc, q.docs)]) == 1 < len(group[0].items):
                text = own[0]  # a list of releases ("部门、单位预算各自的X"): this release's own item leads
            if compound and g > 0 and not TABLE_NAMED.search(text) and (named := TABLE_NAMED.search(groups[0][0].text)):
                text = f"{named.group(1)}中{text}"  # a table the question names first holds for the later asks
            if (compound or trailing) and len(q.docs) > 1:
                # (the other departments the question names are read out before this one's reading: a name holding
                # 和, "A和B管理局", would otherwise leave a piece of itself in the subject)
                mine = set(aliases(doc.department))  # (a short name both share, "卫健委", is no other's only)
                others = ({a for x in q.docs if x.department != doc.department for a in aliases(x.department)} - mine) \
                    | {n for n in q.named if not any(a in n or n in a for a in mine if len(a) >= 3)}
                for a in sorted((a for a in others if len(a) >= 4), key=longest):
                    text = re.sub(rf"[和与及跟同、]?{re.escape(a)}(?:[（(]?本级[）)]?)?(?=[和与及跟同、]|的|20\d\d年|$)", "", text) \
                        if any(b in text.replace(a, "") for b in aliases(doc.department) if len(b) >= 3) else text
            gq = understand(text, [doc]) if compound or trailing else q
            if q.across_years and ("change" in gq.asked or _CHANGE_ASKED.search(text)) and not _DOCS_DIFF.search(text):
                gq = _as_value(gq)  # "2024年的X和2023年相比，是增加了还是减少了": each year's X, then the two compared
            if compound and held and not gq.units and not any(a in group[0].text for a in aliases(doc.department)):
                gq = replace(gq, units=held)
            held = gq.units or held
            if (compound or trailing) and len(q.docs) > 1:  # the other departments the ask lists are not its subject
                # (nor its own: "X市政府办公厅" is not left as "X" by the short name both share)
                # (and without their places, which the reading took out as places: "X办公厅" of "某市X办公厅")
                names = {a for x in q.docs for a in aliases(x.department)} | set(q.named)  # (as the question wrote them)
                for a in sorted(names | {w for a in names if len(w := without_places(a)) >= 4}, key=longest):
                    # (with the 本级 written after it, and the 和 that joined it)
                    gq = replace(gq, subject=re.sub(rf"[和与及跟同、]?{re.escape(a)}(?:[（(]?本级[）)]?)?[和与及跟同、]?", "", gq.subject))
            lead = gq
            leads.append(subject_text(gq))
            marks = (len(d.evidence), len(d.figures))
            # (a later ask naming only a column of the row just quoted: that row's cell)
            got = compound and g > 0 and answer_cited_column(cat, d, doc, text, subject_text(gq), "".join(d.parts)) \
                or answer_for_doc(cat, gq, doc, d)
            for i, f in enumerate(d.figures[marks[1]:] if len(group[0].names) > 1 else [], start=marks[1]):
                # (the whole list's reading gave one item's figure: it is that item's, by the name its source prints)
                src = clean(f.evidence.text if isinstance(f.evidence, TextEvidence) else f.evidence.label + f.evidence.unit_name)
                named = [n for n in group[0].names if clean(_unscoped(n, q.docs)) in src]
                if len(named) == 1 and f.what != named[0]:
                    d.figures[i] = replace(f, what=named[0])
            if got and g > 0 and _repeats(d, before):
                # the same answer as an ask before says nothing new: what this ask's own words ask ("其中X")
                table = next((e.table for e in d.evidence[marks[0]:] if isinstance(e, RowEvidence) and e.values), "")
                d.parts, d.evidence, d.figures = d.parts[:before], d.evidence[: marks[0]], d.figures[: marks[1]]
                own = group[0].tail
                got = False
                # X within what the ask before answered: X's row in the same table first, else X anywhere
                for text in ([f"{table}里{own}"] if table else []) + [own]:
                    oq = understand(text, [doc])
                    oq = replace(oq, units=oq.units or gq.units)  # (the unit named before still holds)
                    mark = d.mark()
                    got = len(own) >= 2 and answer_for_doc(cat, oq, doc, d) and not _repeats(d, before)
                    if got:
                        break
                    d.rollback(mark)
            if got and len(group[0].names) >= 2 and all(clean(n) in clean(_said(d, before)) for n in group[0].names) \
                    and not any(_covers(_said(d, before), n, group[0].names) for n in group[0].names):
                # a list asked whole ("X和Y分别多少") and answered by a row naming them joined, neither with its own
                # amount ("X和Y支出"): no answer to either; each is asked on its own
                d.rollback((before, marks[0], marks[1]))
                got = False
            if got and not compound and not MONEY_ASKED.search(q.text) and answer_measure(cat, doc, Draft(evidence=list(d.evidence)), [subject_text(gq)], q.text,
                                                       _said(d, before), own_rows=True):
                # one ask the reading answered with the item's amount, while a row of the item prints what it asks
                # ("X项目的满意度指标"): that row instead
                d.rollback((before, marks[0], marks[1]))
                got = False
            if not got:
                d.parts = d.parts[:before]
                # one ask no reading answered: what the item it names measures ("公报一年出几期")
                got = not compound and answer_measure(cat, doc, d, [subject_text(gq)], q.text, own_rows=True)
            said = _said(d, before)
            init, lead_lost = d.mark(), False  # (where the group's own reading ended)
            quoted = [e for e in d.evidence if isinstance(e, TextEvidence) and e.doc.doc_id == doc.doc_id]
            if got and not compound:  # one ask: a reason or change it asks and the quote lacks, told right after
                said += _told_next(cat, d, quoted, q, said)
            # then each ask, or listed thing, that answer does not cover
            for k, ask in enumerate(group if compound else []):
                subs = list(zip(ask.items, ask.names, strict=True)) or [(ask.text, "")]
                for text, name in subs:
                    if name and len(q.docs) > 1 and _names_other_doc(name, doc, q.docs):
                        continue  # "A本级和B本级各多少": the item naming the other department is answered there
                    if lead_lost and not ask.subject and not name:
                        # a follow-up of a lead nothing answers ("剔除的是哪些？每一个多少"): nor is it
                        missing.append((release(doc), 100 * g + k + 1, f"{describe(doc)}：未找到能回答“{_echo(text)}”的表格行或说明文字。"))
                        continue
                    if got and k == 0 and not ask.subject and not name:
                        found.add((release(doc), 100 * g))  # (a follow-up leading its own release's group: answered)
                        continue
                    aq = understand(text, [doc])
                    if q.across_years and ("change" in aq.asked or _CHANGE_ASKED.search(text)) and not _DOCS_DIFF.search(text):
                        aq = _as_value(aq)  # (the two years compared after: each ask is this year's figure)
                    if gq.units and not aq.units and not any(a in text for a in aliases(doc.department)):
                        aq = replace(aq, units=gq.units)
                    # (a unit listed by a shorter name than the answer prints: "…福田分局" is covered by its unit)
                    # (a listed thing is covered when it is spoken of, and what the ask wants of it is there: "分别干什么用")
                    if got and ((_covers(said, _unscoped(name, q.docs), tuple(_unscoped(n, q.docs) for n in ask.names))
                                 or any(u in name and clean(u) in said for u in aq.units))
                                and all(p.search(_said_of(said, _unscoped(name, q.docs))) for p in _needs(ask.tail))
                                if name else _covers_ask(aq, said, ask.tail) and not fund_part_too(ask.tail)):
                        found.add((release(doc), 100 * g + k + 1))
                        continue
                    if got and not name and (more := _told_next(cat, d, quoted, aq, said, ask.tail)):
                        said += more  # the reason or change is told right after what was quoted
                        found.add((release(doc), 100 * g + k + 1))
                        continue
                    d.ask = 100 * g + k + 1
                    d.what = name
                    own = _TAIL_NOISE.sub("", ask.tail)
                    tries = [aq]
                    prev = group[0] if k > 0 else groups[g - 1][0] if g > 0 else None  # (the ask before this one leads)
                    if name and prev is not None and (ctx := _lead_thing(prev.subject, q.docs)) and ctx not in text \
                            and any(ctx in (lab := clean(r.label)) and clean(_unscoped(name, q.docs)) in lab
                                    for r in cat.doc_rows(doc.doc_id)):
                        # ("X有哪些经费？A、B分别多少": A and B are X's, printed as rows "XA", "XB")
                        tries.insert(0, replace(understand(ctx + text, [doc]), units=aq.units))
                    if not ask.subject and not name and len(own) >= 2 \
                            and (thing := re.match(r"(.{4,}(?:的|[”」』]|项目))[^的”」』]{2,8}$", lead.subject)):
                        # a follow-up asking its own thing of the lead's ("X项目的执行率？总分多少"): the thing the
                        # lead's words name before what they ask of it, with this ask's own words
                        tq = understand(thing.group(1) + ask.tail, [doc])
                        tries.append(replace(tq, units=tq.units or aq.units))
                    if not name and len(own) >= 2:
                        # a follow-up with words of its own ("接待了多少人"): asked on its own, in this document
                        tq = understand(ask.tail, [doc])
                        tries.append(replace(tq, units=tq.units or aq.units))  # (the unit asked of still holds)
                    if not ask.subject and not name:
                        # a follow-up about the lead's subject ("钱是怎么用出去的"): its own words only ask
                        tries.append(replace(aq, subject=lead.subject))
                    new, same = "", False
                    start = d.mark()
                    if SOURCE_ASKED.search(text) and not name and answer_source(d, doc):
                        tries = []  # where the money of the rows already quoted comes from: their fund columns
                        new = "".join(d.parts[start[0]:])
                    elif not name and any(answer_cited_column(cat, d, doc, t, subject_text(understand(t, [doc]) if t != text else aq),
                                                              said + "".join(d.parts[first:before]))
                                          for t in dict.fromkeys(x for x in (text, ask.tail) if x)):
                        # (the ask with what it continues, or its own words alone: "那实际用掉几何")
                        tries = []  # a column of the row the answer quoted ("其中X又有多少"): its cell
                        new = "".join(d.parts[start[0]:])
                    for tq in tries:
                        mark = d.mark()
                        if answer_for_doc(cat, tq, doc, d):
                            # what was said already is not said again ("X是多少？较上年变化多少": the change only),
                            # for this ask or one before it
                            d.parts[mark[0]:] = _unsaid(d.parts[mark[0]:], "".join(d.parts[first:before]) + said)
                            new = "".join(d.parts[mark[0]:])
                            if new and new not in said and not _POINTS_BACK.fullmatch(new):
                                break
                            same = True  # the same answer again says nothing new: try the next reading
                        new = ""
                        d.rollback(mark)
                    # what the item asked of before measures or aims at ("一年出几期", "房租多少"): its own clause,
                    # when no reading answered or the one that did says nothing of the ask's own words
                    # a listed thing asks what its list asks ("X和Y的目标各是多少" -> "Y的目标多少")
                    asked = text[text.find(name):] if name and name in text else name or ask.tail or text
                    subjects = [subject_text(aq), *leads[::-1]]
                    if new and len(own) >= 2 and overlap(name or own, clean(new)) < 0.5 and not aq.asked & {"use", "goal", "why"} \
                            and answer_measure(cat, doc, Draft(evidence=list(d.evidence)), subjects, asked, new):
                        d.rollback(start)
                        new = ""
                    if not new:
                        mark = (len(d.parts),)
                        if answer_measure(cat, doc, d, subjects, asked):
                            new = "".join(d.parts[mark[0]:])
                    if not new and (not same or any(not p.search(clean(said)) for p in _needs(aq.text))):
                        # (a reading that repeats what was said, without the change or reason asked, is no answer)
                        missing.append((release(doc), d.ask, f"{describe(doc)}：未找到能回答“{_echo(name or text)}”的表格行或说明文字。"))
                        if k == 0 and not name and d.mark() == init and any(ANAPHOR.match(a.tail) for a in group[1:]):
                            # the group's lead itself unanswered: what its reading quoted answered none of it
                            d.rollback((before, marks[0], marks[1]))
                            said, got, lead_lost = "", False, True
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
    # (a gap between plan and actual asked, both printed in the evidence: the gap answers that ask)
    gap = plan_gap(d, q.text) if PLAN_GAP.search(q.text) else None
    for rel, ask_id, text in missing:
        if (rel, ask_id) not in found and not (ask_id is None and rel in done) and not (gap and PLAN_GAP.search(text)) \
                and text not in d.parts:  # (a release's two files miss the same ask once)
            d.add(text)
    if gap is not None:
        add_plan_gap(d, gap)
    if EXECUTION_ASKED.search(q.text) and d.evidence:
        add_execution_rate(d)
    for ask in asks:
        if ask.op == "compare":
            compare(d, ask.text, q.docs)
        elif ask.op == "sum":
            add_up(d, bool(SUM_Q.search(q.text)))
    if q.across_years and not any(a.op in ("compare", "sum") for a in asks) and len({f.doc.release for f in d.figures}) > 1:
        compare(d, q.text, q.docs)
    # "5个X各自的Y": each of a set the document does not list one by one (no cited row or sentence names an X) —
    # one total does not answer it (the set named by the question itself, "“A”和“B”两个X各", is listed)
    unlisted, apart = "", ""
    if answered and (each := _EACH_COUNTED.search(q.text)) and not _QUOTED_NAME.search(q.text[:each.start()]) and not any(
            each.group(1)[-2:] in (e.label + e.unit_name + e.table if isinstance(e, RowEvidence) else e.text) for e in d.evidence):
        answered, unlisted = 0, each.group(1)
    # "除了A、B和C，其余的是什么": an answer of only the things set aside answers nothing
    if answered and len(q.docs) == 1 and (aside := _SET_ASIDE.search(q.text)) and d.evidence and all(
            _set_aside(e, aside.group(1)) for e in d.evidence if isinstance(e, RowEvidence)) \
            and any(isinstance(e, RowEvidence) for e in d.evidence):
        # the rest of the list the things set aside stand in, each cited; none left, nothing answers
        if not _list_the_rest(cat, q.docs[0], d, aside.group(1)):
            answered, apart = 0, aside.group(1)
    # (a name the answer's own evidence prints in other words is no missing document: "社保基金" / "社会保险基金")
    unknown = [o for o in q.unknown if not any(overlap(o, e.label + e.unit_name if isinstance(e, RowEvidence) else e.text) >= 0.6
                                               for e in d.evidence)]
    if unknown and answered and len(q.docs) == 1 and any(_held_by(q.text, o, q.docs[0]) for o in unknown):
        answered = 0  # "X下属的Y收入多少", Y in no document: X's own figures are not Y's
    elif unknown and answered:
        d.add(f"存储中没有“{'、'.join(unknown)}”的公开文件。")
    if answered == 0 and "change" in q.asked and len(q.docs) == 1 and _change_across_releases(cat, q, q.docs[0], d):
        return d
    if answered == 0:
        d.parts = []
        d.evidence = []
        d.figures = []
        d.answerable = False
        names = "、".join(describe(x) for x in q.docs[:4])
        d.add(f"在{names}中没有找到能回答这个问题的表格行或说明文字，不作推测。")
        if unknown:
            d.add(f"存储中没有“{'、'.join(unknown)}”的公开文件，{names}也没有单列它。")
        if unlisted:
            d.add(f"文件没有逐个列出各“{unlisted}”的数字。")
        if apart:
            d.add(f"找到的只是问题已除去的“{apart}”，文件没有列出其余的。")
    return d


_SET_ASIDE = re.compile(r"除了?([^，,。？?]{2,40}?)(?:以外|之外|外)?[，,][^。？?]{0,12}?(?:其余|其他|剩下|剩余|还有|还剩|另外)")


def _set_aside(e: RowEvidence, aside: str) -> bool:
    """A cited row of one of the things a question sets aside ("除了A、B和C"): its name, or its form's project."""
    name = bare(project_name(e.table) if e.table_kind == "performance" else e.label)
    items = [x for x in re.split(r"[、，,和及与]", aside) if len(x) >= 2]
    return any(x in name or name in x for x in items)


def _list_the_rest(cat: Catalog, doc: DocInfo, d: Draft, aside: str) -> bool:
    """The rows of the project list that holds the things set aside, without them (and without its totals)."""
    lists = {r.table_idx for r in cat.doc_rows(doc.doc_id)
             if r.table_kind in ("project_expense", "special_fund") and _set_aside(r, aside)}
    rest = [r for r in cat.doc_rows(doc.doc_id) if r.table_idx in lists and r.values and not _set_aside(r, aside)
            and bare(r.label) not in TOTAL_NAMES and not r.label.startswith("其中")]
    picked = [(r, p) for r in rest if (p := pick_value(r, []))]
    if not picked:
        return False
    d.parts, d.evidence, d.figures = [], [], []
    listed = "；".join(f"{row_phrase(r, col, value)}{d.cite(r)}" for r, (col, value) in picked)
    d.add(f"{describe(doc)}除去所问的“{aside}”，其余为：{listed}。")
    return True


def _held_by(text: str, org: str, doc: DocInfo) -> bool:
    """The question asks of an organisation under the document's department ("X局下属的Y", "X局的Y"), which the
    document does not list: Y is the subject, not a name beside it."""
    at = text.find(org)
    if at < 0 or org in doc.units:
        return False
    before = text[:at]
    return any(a in before for a in aliases(doc.department) if len(a) >= 3) and bool(
        re.search(r"(?:下属|所属|直属|下设|管理)的?$|的$|[给向为]$", before))  # (or its money's recipient, "给Y安排")


# the words that ask a change on a year before ("比上年增加还是减少", "和某年相比，多还是少")
_CHANGE_ASKED = re.compile(r"(?:比|较|和|与|跟|同)(?:上一?年度?|去年|20\d\d年度?)(?:相)?比?(?:较|起来)?[，,]?是?|"
                           + MORE_OR_LESS.pattern + "|" + CHANGE_Q.pattern)


def _as_value(q: Query) -> Query:
    """A change asked, read as the figure it is a change of (each release's own, when two years' are compared)."""
    text = _CHANGE_ASKED.sub("", q.text).rstrip("？?。，, ")
    # (a budget set against another year's final account: each release's own X, not plan against final within one)
    two = len(set(re.findall(r"20\d\d(?=年)", q.written or q.text))) >= 2
    return replace(q, text=text if INTERROGATIVE.search(text) else f"{text}是多少？",
                   asked=q.asked - {"change"} - ({"plan_final"} if two else set()),
                   written=q.written or q.text,  # (as asked: which year's words say 预算, 决算)
                   subject=CHANGE_WORDS.sub("", q.subject), want_year=None,
                   intents=[i for i in q.intents if i != "diff"] or ["figure"])


def _change_across_releases(cat: Catalog, q: Query, doc: DocInfo, d: Draft) -> bool:
    """A change on last year that the year's release does not state, while last year's release of the same
    department is stored: the figure in each release, and the change worked out from the two."""
    prev = next((x for x in cat.docs.values() if x.department == doc.department and x.kind == doc.kind
                 and x.scope == doc.scope and doc.year and x.year == doc.year - 1), None)
    if prev is None:
        return False
    vq = replace(_as_value(q), docs=[prev, doc])
    mark = d.mark()
    for x in (prev, doc):
        d.ask, d.what = 0, ""
        if not answer_for_doc(cat, replace(vq, years=[x.year]), x, d):
            d.rollback(mark)
            return False
    figs = {f.doc.doc_id: f for f in d.figures[mark[2]:]}
    old, new = figs.get(prev.doc_id), figs.get(doc.doc_id)
    if old is None or new is None or old.unit != new.unit:
        d.rollback(mark)
        return False
    gap = quantize2(new.value - old.value)
    d.computed.append(abs(gap))
    word = "增加" if gap > 0 else "减少" if gap < 0 else "持平"
    d.add(f"{describe(doc)}未写明与上年的比较；按两年文件计算：{doc.year}年{new.printed}{new.unit}{d.cite(new.evidence)}"
          f"比{prev.year}年{old.printed}{old.unit}{d.cite(old.evidence)}{word}"
          + (f"，{max(new, old, key=lambda f: f.value).printed} − {min(new, old, key=lambda f: f.value).printed} = {abs(gap)}"
             f"{new.unit}。" if gap else "。"))
    return True


def _ranking(cat: Catalog, q: Query, m: re.Match[str]) -> Draft:
    """"哪个部门X最多": X in each department's budget of one year (the year asked, else the latest), ranked; the
    top five are cited, and the departments where X was not found are counted."""
    d = Draft()
    year = max(q.years) if q.years else max((x.year for x in q.docs if x.year), default=None)
    pool = [x for x in q.docs if x.year == year and x.kind == "预算"]
    budgets = [x for x in q.docs if x.kind == "预算" and x.year]
    mixed = not q.years and len({x.department for x in pool}) * 2 < len({x.department for x in budgets})
    if mixed:  # (few bodies have that year's budget: each one's latest, its year said beside it)
        latest = {dep: max(x.year for x in budgets if x.department == dep) for dep in {x.department for x in budgets}}
        pool = [x for x in budgets if x.year == latest[x.department]]
    by_dept: dict[str, DocInfo] = {}
    for doc in sorted(pool, key=lambda x: x.scope != "部门"):  # the 部门 budget before a 单位 one
        by_dept.setdefault(doc.department, doc)
    asked = f"{m.group(1)}是多少"
    found: list[Figure] = []
    for doc in by_dept.values():
        scratch = Draft()
        if answer_for_doc(cat, understand(asked, [doc]), doc, scratch) and scratch.figures:
            found.append(scratch.figures[0])
    if not found:
        d.answerable = False
        d.add(f"在{len(by_dept)}个部门的{year}年预算中没有找到“{_echo(m.group(1))}”的数字，无法排序。")
        return d
    low = m.group(2) in "少低小"
    found.sort(key=lambda f: f.wan, reverse=not low)

    lines = "；".join(f"{i}. {f.doc.department}{f'（{f.doc.year}年）' if mixed else ''} {in_wan(d, f)}{d.cite(f.evidence)}"
                     for i, f in enumerate(found[:5], 1))
    d.computed.extend(Decimal(i) for i in range(1, 6))
    d.computed.extend([Decimal(len(found)), Decimal(len(by_dept)), Decimal(year or 0), *(Decimal(f.doc.year or 0) for f in found)])
    word = "最低" if low else "最高"
    basis = "按各部门最新一年的预算（年度不同，仅供参考）" if mixed else f"按{year}年预算"
    d.add(f"{basis}比较{len(by_dept)}个部门的“{_echo(m.group(1))}”（在{len(found)}个部门找到数字），"
          f"{word}的是{found[0].doc.department}。排序：{lines}。")
    if len(found) < len(by_dept):
        d.add(f"其余{len(by_dept) - len(found)}个部门的文件中没有找到这一数字。")
    return d


# an answer that only points at a sentence already quoted ("…：见上文[1]。") says nothing new
_CITED = re.compile(r"\[\d+\]")
_POINTS_BACK = re.compile(r"[^。]*见上文(?:\[\d+\])+。?")


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
                if not _two_terms(found[:a], found[a + 1:]):
                    out.append(found)
                break
    return out


def _two_terms(left: str, right: str) -> bool:
    """Both sides of a join are standard terms ("基本支出和项目支出"): a list of two, though printed together."""
    terms = {*COLUMN_INTENTS, *(n for names in COLUMN_INTENTS.values() for n in names), *SANGONG_PARTS,
             "三公经费", "机关运行经费", "收入", "支出"}
    return any(left.endswith(t) for t in terms) and any(right.startswith(t) for t in terms)


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
        if any(len(f) >= 6 and f in text for name in _printed_names(cat, doc) for f in name_forms(name)):
            owners.setdefault(doc.department, []).append(doc)
    if len(owners) == 1:
        (q.docs,) = owners.values()
        q.ambiguous = []


def _heads_carried(cat: Catalog, q: Query, ask: Ask) -> Ask:
    """"A甲费和乙费": a later listed thing written without the head words the first one has ("乙费" for "A乙费"), when
    only with them is it a name the documents print (a row or a column)."""
    if len(ask.names) < 2 or len(first := ask.names[0]) < 5:
        return ask
    printed = set().union(*(_row_and_column_names(cat, doc) for doc in q.docs[:4]))
    items, names = list(ask.items), list(ask.names)
    for i, name in enumerate(names[1:], 1):
        if len(name) < 3 or name in printed or name not in items[i]:
            continue
        head = next((first[:k] for k in range(2, len(first) - 2) if first[:k] + name in printed), "")
        if head and not name.startswith(head):
            items[i], names[i] = items[i].replace(name, head + name, 1), head + name
    return replace(ask, items=tuple(items), names=tuple(names))


def _row_and_column_names(cat: Catalog, doc: DocInfo) -> set[str]:
    """Every row label and column name one document prints (read once per document)."""
    key = ("row-column-names", doc.doc_id)
    if key not in cat.memo:
        names = {bare(r.label) for r in cat.doc_rows(doc.doc_id)}
        cat.memo[key] = names | {leaf(c) for r in cat.doc_rows(doc.doc_id) for c in r.values}
    return cat.memo[key]  # type: ignore[return-value]


def _printed_names(cat: Catalog, doc: DocInfo) -> set[str]:
    """The names of six characters or more a document prints: its row labels, its performance forms' projects,
    and the names its narrative quotes ("对“全国某系统维护费”等3个项目开展了评价")."""
    key = ("printed-names", doc.doc_id)
    if key not in cat.memo:
        names = {bare(r.label) for r in cat.doc_rows(doc.doc_id)}
        names |= {project_name(r.table) for r in cat.doc_rows(doc.doc_id) if r.table_kind == "performance"}
        names |= {clean(m) for e in cat.doc_texts(doc.doc_id) for m in re.findall(r"[“「]([^”」]{6,40})[”」]", e.text)}
        cat.memo[key] = {n for n in names if len(n) >= 6}
    return cat.memo[key]  # type: ignore[return-value]


def _part_of_column(cat: Catalog, q: Query, doc: DocInfo) -> bool:
    """"项目支出里公务接待费": a 三公 part within a column a table is about (基本支出 / 项目支出), printed on that table's
    own row, is that row's figure, not the 三公 table's total."""
    cols = [c for c in q.columns if c in ("基本支出", "项目支出")]
    top = match_rows(cat, q, doc)[:1] if cols else []
    return bool(top) and top[0].table_kind != "sanggong" and any(c in top[0].table for c in cols)


def _names_most(subject: str, text: str) -> bool:
    """Whether the text prints most of the subject as one run ("所属单位" of "下面的所属单位")."""
    longest, _ = runs_in(subject, text)
    return longest >= 4 and longest >= 0.6 * len(subject)


def _unsaid(parts: list[str], said: str) -> list[str]:
    """The parts that do not repeat a cited statement already in `said` (with the stops that closed one)."""
    out: list[str] = []
    dropped = False
    for p in parts:
        # (what continues a dropped statement goes with it: "，其中…", "（同一数字也见于…）", "。")
        if _CITED.search(p) and p in said or dropped and (not re.search(r"[\u4e00-\u9fa5\d]", p) or p[:1] in "，,；;（("):
            dropped = True
            continue
        out.append(p[1:] if dropped and p[:1] in "。." else p)  # (the stop that closed the dropped statement)
        dropped = False
    return out


def _prints(cat: Catalog, docs: list[DocInfo], in_text: Callable[[str], bool], in_row: Callable[[RowEvidence], bool],
            in_column: Callable[[str], bool] | None = None) -> bool:
    """Whether any of the documents prints a thing: in a sentence, a row, or (a blank one too) a table's column."""
    return any(in_text(t.text) for x in docs for t in cat.doc_texts(x.doc_id)) \
        or any(in_row(r) for x in docs for r in cat.doc_rows(x.doc_id)) \
        or in_column is not None and any(in_column(c) for x in docs for t in cat.tables.get(x.doc_id, []) for c in t.columns)


def _foreign_measure(cat: Catalog, text: str) -> str | None:
    """An amount asked by a word no stored document prints and no budget noun heads ("交易额", "营业额"): a measure of
    something other than a budget (not 总额, 金额, 拨款额, which are the budget's own). Read once per word."""
    for m in _MEASURE_WORD.finditer(text):
        word = m.group(0)
        if SUBJECT_NOUN.search(word[:2]) or word[1] in "总金数余差限定份":  # (入总额: a 总额 of a budget noun)
            continue
        key = ("printed", word)
        if key not in cat.memo:
            cat.memo[key] = any(word in t.text for t in cat.texts) or any(
                word in r.label or any(word in c or word in v for c, v in r.values.items()) for r in cat.rows)
        if not cat.memo[key]:
            return word
    return None


def _repeats(d: Draft, before: int) -> bool:
    """Whether the parts from `before` on only repeat what the parts before them said."""
    new, old = "".join(d.parts[before:]), "".join(d.parts[:before])
    return bool(new) and new in old


def _said(d: Draft, before: int) -> str:
    """What the parts from `before` on say, with the sentences they only point to ("见上文[1]")."""
    new = "".join(d.parts[before:])
    if "见上文" not in new:
        return new
    return new + "".join(e.text for i, e in enumerate(d.evidence, 1) if isinstance(e, TextEvidence) and f"[{i}]" in new)


def _echo(text: str) -> str:
    """The asked words, for saying what was not found (no digits: a number is printed only from a source)."""
    # (a year goes whole: "2026年的X" -> "X", not "年的X")
    return re.sub(r"[\d（）()]", "", re.sub(r"20\d\d年度?的?", "", clean(text))).rstrip("？?。，")


_TABLE_SAID = re.compile(r"表")  # (which table asked: an answer that says which)


def _needs(text: str) -> list[re.Pattern[str]]:
    """What an answer must hold for each thing the ask asks: a change, a reason, a use, a share."""
    asked = ((CHANGE_Q, CHANGE_SIZE), (WHY_Q, BECAUSE), (USE_Q, USE_WORD), (PERCENT_Q, _PERCENT), (_GOALS_Q, _GOALS),
             (WHEN_Q, WHEN_WORD), (_SUBJECTS_Q, _LISTED), (SCORE_ASKED, _SCORED), (WHICH_TABLE_ASKED, _TABLE_SAID))
    found = [found for q, found in asked if q.search(text)]
    if _SHARE_Q.search(text):  # "占总支出的比例": a share, not any percentage ("增长27.64%")
        found = [_SHARE if f is _PERCENT else f for f in found]
    return found


# (a use, or the reason of an increase: "增加N万元，主要原因是…")
_USE_OR_WHY = re.compile(USE_WORD.pattern + r"|(?:增加|增长|新增)[^。；]{0,40}?(?:" + BECAUSE.pattern + ")")
_SUBJECTS_Q = re.compile(SUBJECT_ASKED)  # "列在哪个科目下": the rows it is printed under, listed
_LISTED = re.compile(r"列出\d+项")
_SHARE_Q = re.compile(r"占")
_SHARE = re.compile(r"占[^，。；]{0,20}?\d\s*[%％]")


_PERCENT = re.compile(r"\d\s*%")
_SCORED = re.compile(r"得分|评分|\d\s*分(?!之)")  # a score asked: a score said


_GOALS_Q = re.compile(GOAL_ASKED)


_GOALS = re.compile(r"目标|完成|实现|达到|确保|提高|提升|保障")


def _told_next(cat: Catalog, d: Draft, quoted: list[TextEvidence], aq: Query, said: str, tail: str = "") -> str:
    """A follow-up ("为什么", "增加了多少", "其中X多少") answered by the sentences right after those already
    quoted (up to four, across the paragraphs of a list). Returns what was added."""
    unmet = [p for p in _needs(aq.text) if not p.search(clean(said))]
    if CHANGE_USE_Q.search(aq.text + tail):  # (where a change's money goes: its reason says it, when no use is said)
        unmet = [_USE_OR_WHY if p is USE_WORD else p for p in unmet]
    own = _TAIL_NOISE.sub("", re.sub(r"^其中", "", tail))
    named = len(own) >= 2 and overlap(own, clean(said)) < 0.6 and bool(re.search(r"多少|几", tail))
    if not unmet and not named:
        return ""

    subj = subject_text(aq)

    def answers(t: str) -> bool:
        if unmet:
            return any(p.search(t) for p in unmet) and (BECAUSE not in unmet or reason_of(subj, t))
        return overlap(own, t) >= 0.6 and bool(AMOUNT.search(t) or COUNT_Q.search(tail) and counts_ok(tail, t))

    for e in quoted:
        nxt, steps = following(cat, e), 0
        in_list = bool(re.search(r"[：:]$", clean(e.text)))
        while nxt is not None and steps < 4:
            if answers(clean(nxt.text)) and not d.cited(nxt):
                text = f"“{nxt.text.rstrip('。；')}”{d.cite(nxt)}。"
                for x in items_after(cat, nxt, aq.text + tail):  # (the list it opens, its items asked)
                    text += f"“{x.text.rstrip('。；')}”{d.cite(x)}。" if not d.cited(x) else ""
                d.add(text)
                return text
            # the next sentence of the paragraph; into the next paragraph only through a list ("其中：（一）…（二）…")
            in_list = in_list or bool(re.search(r"[：:]$", clean(nxt.text)))
            # (or, for a reason, into a next paragraph of the section that opens with it: "…主要原因说明：…")
            same = cat.next_sentence(nxt)
            nxt, steps = (same or (following(cat, nxt) if in_list or unmet else None)), steps + 1
            if same is None and not in_list and nxt is not None \
                    and (nxt.section != e.section or not BECAUSE.search(clean(nxt.text)[:15])):
                break
    return ""


# (a change's words ask for a change, checked by _needs: "较上年减了多少" names nothing of its own)
_TAIL_NOISE = re.compile(r"(?:比|较|与)(?:上年|去年|上一年)(?:相比)?|同比|(?:相差|差距|差额|差)(?=了?(?:多少|几|多大)|$)|(?:增加|减少|增长|下降|上升|[增减涨降多少])了?(?=多少|几|百分|$)|"
                         r"个?百分点|的|是|了|有|会|多少|几|什么|哪些|百分之?|比例|占比|比重|吗|呢|" + WHY_ASKED
                         + r"|原因|主要|" + USE_ASKED + r"|钱|地方|方面|具体|[？?，,。]")


def _covers_ask(aq: Query, said: str, tail: str = "") -> bool:
    """Whether what was said already answers an ask: each thing it asks for (a change, a reason, a use,
    a count, an amount, a share) is there, and a follow-up's own words ("完成预算的百分之多少") are spoken of."""
    text, flat = aq.text, clean(re.sub(r"《[^》]*》", "", said))  # a table's title says nothing of the answer
    # (but the fund it is of: a row of a cited table whose title names a fund is that fund's)
    funds = "".join(w for w in FUND_TABLES if any(w in t for t in re.findall(r"《([^》]*)》", said)))
    own = _TAIL_NOISE.sub("", tail)
    printed = re.sub("|".join(PRINTED_AS), lambda m: PRINTED_AS[m.group(0)], own)
    if len(own) >= 2 and max(overlap(own, flat + funds), overlap(printed, flat + funds)) < 0.5:
        return False
    if any(y not in flat for y in re.findall(r"20\d\d(?=年)", own)):
        return False  # a year the follow-up names ("那前一年的呢" written with its year) that nothing said is of
    if any(not found.search(flat) for found in _needs(text)):
        return False
    if BECAUSE in _needs(text) and not any(reason_of(subject_text(aq), x) for x in re.split(r"(?<=[。；])", flat)):
        return False  # (a reason said of something else: the subject only one of its parts)
    if not counts_ok(text, flat):
        return False
    # (a count or a score asked is no amount of money)
    return not (re.search(r"多少|几|金额", text) and not COUNT_Q.search(text) and not SCORE_ASKED.search(text)
                and not AMOUNT.search(flat))


def _unscoped(name: str, docs: list[DocInfo]) -> str:
    """A listed thing without the department the question names with it ("珠海X局给A和B的补助" -> "A")."""
    for doc in docs:
        rest = name
        for p in sorted({f for r in regions_of(doc.department) for f in place_forms(r)}, key=longest):
            if rest.startswith(p):
                rest = rest[len(p):]
                break
        for a in sorted(aliases(doc.department), key=longest):
            if len(a) >= 3 and rest.startswith(a) and len(rest) - len(a) >= 2:
                return re.sub(r"^[给向对为]", "", rest[len(a):])
    return name


def _lead_thing(subject: str, docs: list[DocInfo]) -> str:
    """What a group's lead ask is about, without the department, year and the 为/给 before it ("某局2026年为X" -> "X");
    "" when less than four characters are left."""
    thing = re.sub(r"^[给向对为]", "", re.sub(r"^20\d\d年度?", "", _unscoped(subject, docs)))
    return clean(thing) if re.fullmatch(r"[\u4e00-\u9fa5]{4,}", clean(thing)) else ""


def _said_of(said: str, name: str) -> str:
    """The sentences of what was said that speak of a listed thing."""
    name = re.sub(r"是|多少|的|了", "", name)
    return "".join(t for t in re.split(r"(?<=。)", clean(said)) if overlap(name, t) >= 0.6)


def _covers(said: str, name: str, siblings: tuple[str, ...] = ()) -> bool:
    """Whether an answer speaks of a listed thing: most of its character pairs are in the answer, and what sets
    it apart from the things listed with it ("人员" of "人员经费合计" beside "公用经费合计")."""
    # (a 三公 part in everyday words, "养公车", as the answer prints it: 公务用车运行)
    name = re.sub(r"是|多少|的|了", "", sangong_words(name))
    siblings = tuple(sangong_words(x) for x in siblings)
    if overlap(name, clean(said)) < 0.6:
        return False
    own, after = name, ""
    others: list[str] = []
    for other in siblings:
        other = re.sub(r"是|多少|的|了", "", other)
        if other == name:
            continue
        common = os.path.commonprefix([own, other])
        own = own[len(common):]
        tail = os.path.commonprefix([own[::-1], other[::-1]])
        if tail:
            own, after = own[: len(own) - len(tail)], tail[::-1][:1] + after
        others.append(other)
    text = clean(said)
    for other in others:  # (not inside a name joining it to another listed thing: "购置及运行费" says neither)
        o = other[len(os.path.commonprefix([other, name])):]
        o = o[: len(o) - len(os.path.commonprefix([o[::-1], name[::-1]]))]
        o = o[:-1] if o.endswith("费") and len(o) >= 3 else o  # ("购置费" joined in "购置及运行费")
        if len(o) >= 2 and len(own) >= 2:
            # (either order, with the words they share between: "X经费和Y经费支出")
            text = re.sub(rf"{re.escape(o)}[\u4e00-\u9fa5]{{0,3}}?[及和与、]{re.escape(own)}|"
                          rf"{re.escape(own)}[\u4e00-\u9fa5]{{0,3}}?[及和与、]{re.escape(o)}", "", text)
    # (with what follows it in the name: a listed "其他收入" is not covered by "其他支出")
    if not own and (longer := [o for o in others if len(o) > len(name)]):
        # all of it is in a longer thing listed with it ("其他X支出" beside "其他X管理事务支出"): printed whole
        # apart from that one
        plain = re.sub(r"[“”\"]", "", name)
        return plain in re.sub("|".join(re.escape(re.sub(r"[“”\"]", "", o)) for o in longer), "|", text)
    if not own or len(own) < 2 and not after:
        return True  # nothing of its own sets it apart from the things listed with it
    if len(own) < 2:  # one character sets it apart ("劳" of "劳务费" beside "委托业务费"): with the character after it
        return own + after[0] in text
    return bool(re.search(re.escape(own) + (f"(?:{re.escape(after[:1])}|[为是：:”）)，,]|$)" if after else ""), text))
