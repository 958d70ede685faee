"""Answers from the narrative: the sentences that state what is asked (a figure, a change and its
reason, what money is for, a definition, duties), each quoted with its heading path."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from difflib import SequenceMatcher
from functools import partial

from assistant import rank
from assistant.catalog import Catalog, split_sentences
from assistant.compose import (
    _PURPOSE,
    Draft,
    _quoted,
    bare,
    clean,
    describe,
    key_terms,
    leaf,
    match_rows,
    passages,
    project_name,
    quantize2,
    row_phrase,
    subject_marks,
    subject_text,
)
from assistant.evidence import DocInfo, RowEvidence, TextEvidence
from assistant.rank import AMOUNT, BECAUSE, Asked, amount_in, overlap, reason_of
from assistant.understand import Query, aliases
from assistant.vocab import (
    BREAKDOWN_ASKED,
    CHANGE_Q,
    CHANGE_SIZE,
    CHANGE_WORD,
    CHANGE_WORDS,
    CJK,
    COMPARE_Q,
    CONTENT_ASKED,
    COUNT_Q,
    DIFF_ASKED,
    DUTY_LIST,
    DUTY_WHICH,
    FIRM_ASKED,
    FIRM_WORD,
    HEADCOUNT_Q,
    MEASURE_ASKED,
    MEASURE_Q,
    MONEY_ASKED,
    NATURE_ASKED,
    ORG_ASKED,
    OTHER_MEASURES,
    PART_CONTENT_ASKED,
    PARTS_ASKED,
    PER_HEAD,
    PLAN_FINAL,
    POINTS_LOST,
    RATE_Q,
    RELEASE_KIND_ASKED,
    RESIDUE_WORDS,
    SAME_COUNT,
    SECRET,
    SECTION_HAS_ASKED,
    SHARE_WORDS,
    STATED_NONE,
    TABLES_ASKED,
    TASK_ASKED,
    TASK_HEADINGS,
    UNIT_MEANS,
    UNITS_ASKED,
    USE_ASKED,
    USE_HEADINGS,
    USE_Q,
    USE_WORD,
    WHEN_ASKED,
    WHICH_TABLE_ASKED,
    WHY_Q,
    WITHHELD,
    YEAR_START_ASKED,
    counted_noun,
    term_in,
)
from ingest.meta import find_title
from ingest.model import CONTENTS, COVER, SCORE_TOTAL, parse_amount
from ingest.text import longest

_WHAT_ASKED = re.compile(r"哪些|哪个|什么|怎么|如何|为何|为什么|是否")
_ITEM_MARK = r"[（(]?\d{1,2}[.、．)）](?!\d)|(?:19|20)\d\d年度?"  # a list item's number ("1.负责…", "（2）…"), a year: no count


def residue(cat: Catalog, q: Query, doc: DocInfo) -> str:
    """The subject without the document's row, column and table names and common budget words."""

    residue = subject_text(q)
    key = ("names", doc.doc_id)
    if key not in cat.memo:  # every printed name of the document, once per document (not per question)
        tables = cat.tables.get(doc.doc_id, [])
        cat.memo[key] = sorted(
            {bare(r.label) for r in cat.doc_rows(doc.doc_id)} | {leaf(c) for t in tables for c in t.columns}
            | {re.sub(r"^20\d\d年度?", "", clean(t.title)) for t in tables} | set(aliases(doc.department))
            | {re.sub(r"^(?:20\d\d年度?)?(?:部门)?(?:预算|决算)?\d+表", "", clean(t.title)) for t in tables},  # ("预算03表支出总表")
            key=longest)
    names: list[str] = cat.memo[key]  # type: ignore[assignment]
    if any(x in names for x in re.findall(r"[（(]([^（）()]{3,20})[）)]", q.subject)):
        return ""  # "那笔开销（本年支出合计）": a printed name in brackets says what the words around it mean
    for n in (n for n in names if len(n) >= 3 and n in residue):
        residue = residue.replace(n, "")
    for c in q.columns:
        residue = residue.replace(c, "")
    # a table named in short (its title less "情况", "预算"…): where to read, not a thing of its own
    residue = re.sub(r"[\u4e00-\u9fa5]{2,20}?(?:总表|情况表|明细表|预算表|决算表)(?=里|中|内|上|的)", "", residue)
    residue = RESIDUE_WORDS.sub("", residue)
    if residue and q.columns and (said := _definitions(cat, doc, tuple(q.columns))):
        # "为了机构运转的某支出": words the document's own definition of the column uses describe it, they name
        # nothing else ("基本支出：指为保障机构正常运转、完成日常工作任务而发生的…")
        residue = re.sub(r"[\u4e00-\u9fa5]{2,}", lambda m: "" if _described(m.group(0), said) else m.group(0), residue)
    return residue


def _definitions(cat: Catalog, doc: DocInfo, terms: tuple[str, ...]) -> str:
    """The document's definitions of these terms ("X：指…", "X是指…"), as one text."""
    key = ("defined", doc.doc_id, terms)
    if key not in cat.memo:
        cat.memo[key] = "".join(
            clean(e.text) for e in cat.doc_texts(doc.doc_id)
            if any(re.search(re.escape(t) + r"\s*(?:[:：]\s*(?:是|系)?指|[，,]?(?:是|系)指)", e.text) for t in terms))
    return cat.memo[key]  # type: ignore[return-value]


def _described(words: str, definition: str) -> bool:
    """Words a definition mostly uses (three in four of their characters, half their character pairs)."""
    pairs = [words[i : i + 2] for i in range(len(words) - 1)]
    return sum(c in definition for c in words) >= 0.75 * len(words) and sum(p in definition for p in pairs) >= 0.5 * len(pairs)


def last_heading(e: TextEvidence) -> str:
    return e.section.split(" > ")[-1]


def kind_rank(q: Query, kind: str) -> int:
    from assistant.compose import _kind_order

    order = _kind_order(q)
    return order.index(kind) if kind in order else len(order)


def _topic_of(section: str, bodies: list[str]) -> str:
    """A heading path without the names of the units it files sentences under."""
    for b in bodies:
        section = section.replace(b, "")
    return section


def _names_a_lower_level(txt: str, subj: str) -> bool:
    """"城乡社区支出（类）其他城乡社区支出（款）其他城乡社区支出（项）922.02万元": a sentence that walks down the
    科目 levels is about its last level; the subject names an upper one, not that one."""
    for path in re.findall(r"(?:[^（）()“”\"、，。；：:\d.]+?（(?:类|款|项)）){2,}", txt):
        levels = [x.strip() for x in re.findall(r"([^（）]+?)（(?:类|款|项)）", path)]
        last = levels[-1]
        if last in subj:
            continue
        # ("其他X支出" is the rest of X, not X: a subject that means it says 其他)
        if last.startswith("其他") and "其他" not in subj or overlap(subj, last) < 0.5 \
                or any(len(x) >= 3 and x in subj for x in levels[:-1]) and overlap(subj, last) < 0.8:
            return True
    return False


def _amount_of_another(txt: str, subj: str) -> bool:
    """"一般公共预算安排委托业务费5,424.49万元，比上年增加…": the first amount, and the change told after it, are of
    the noun just before it (委托业务费), which shares nothing with the subject asked."""
    m = re.search(r"\d[\d,]*(?:\.\d+)?\s*万?元", txt)
    if m is None:
        return False
    head = next((x for x in reversed(re.split(r"安排|用于|共计|合计|达到|[为是，,：:；;]", txt[: m.start()])) if CJK.search(x)), "")
    head = re.sub(r"20\d\d年度?|本部门|本单位|[^\u4e00-\u9fa5]", "", head)
    # (a subject named after it, "…，其中：基本支出增加7.48万元", is spoken of too)
    return len(head) >= 3 and overlap(head, subj) == 0 and overlap(subj, head) == 0 and overlap(subj, txt[m.end():]) < 0.5


def _names_row(txt: str, label: str) -> bool:
    """A sentence about a 科目 the tables print: it writes the name whole, not only inside "其他…" (the rest of
    it, another 科目: "其他城乡社区支出" is not 城乡社区支出)."""
    txt, label = txt.replace("的", ""), label.replace("的", "")
    return any(txt[max(0, m.start() - 2):m.start()] != "其他" for m in re.finditer(re.escape(label), txt))


def count_written(counted: tuple[str, str] | None, txt: str) -> bool:
    """The counted noun right after its number ("共计 7 个一级项目", "全力做好10项重点工作")."""
    return bool(counted) and len(counted[1]) >= 4 and bool(re.search(
        rf"\d\s*(?:余|多)?\s*[{SAME_COUNT.get(counted[0], counted[0])}][^，。；]{{0,4}}{counted[1][-2:]}", txt))


def states_count(cat: Catalog, q: Query, doc: DocInfo) -> bool:
    """A count asked ("几项重点工作") that a sentence of the document writes with its noun."""
    counted = counted_noun(q.text)
    return bool(counted) and any(count_written(counted, clean(e.text)) for e in passages(cat, q, doc, k=15))


_REASON_OPENS = re.compile(r"(?:其中)?(?:主要|这)?(?:原因|是由于|由于|因为)")


def _before(cat: Catalog, e: TextEvidence) -> TextEvidence | None:
    """The sentence before e in its paragraph, or None."""
    return cat.sentence_at(e.doc.doc_id, e.para_idx - 1) if e.para_idx % 1000 else None


_OPENS_WITH_CHANGE = re.compile(r"(?:比|较)(?:上年|去年|上一年|20\d\d年)")


def _explained(cat: Catalog, e: TextEvidence) -> TextEvidence | None:
    """The sentence a reason opening its own sentence ("主要原因是…") explains: the one before it."""
    return _before(cat, e) if _REASON_OPENS.match(clean(e.text)) else None


def answer_passage(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "", purpose: bool = False,
                   within: list[str] | None = None) -> bool:
    """Narrative answer: the best matching sentences that mention the subject (under a heading or in a
    paragraph that names one of `within`, when given)."""
    terms = key_terms(q)
    # (both sides' whole, "收支总计", equal sides: printed as one side's, "收入总计、支出总计均为…")
    subj = re.sub(r"收支(?=总|合计|规模)", "收入", subject_text(q))
    # (a change asked "增长多少" may be printed "减少…": the direction asked does not decide which sentence is about it)
    # (and a whole asked in the asker's word, "预算总额", is written "预算总计")
    about = CHANGE_WORDS.sub("", subj) if "change" in q.asked else subj
    about = re.sub(r"总额|总数|总盘子", "总计", about)
    if "change" in q.asked and (side := re.fullmatch(r"(?:部门|单位)?(?:综合)?(?:预算)?(收入|支出)(?:预算)?(?:总计|合计)", about)):
        about = side.group(1)  # (one side's whole: its change is written without 总计, "收入较上年增加")
    if re.search(r"三公|机关运行经费", about):  # (paid from 财政拨款 by definition: a sentence may name the fund otherwise)
        about = re.sub(r"(?:一般公共预算)?(?:财政)?拨款(?:安排)?|一般公共预算", "", about)
    if "change" in q.asked and len(re.sub(r"[跟和与同比较相各自分别了的是多少增减]|上一?年|去年|[出起下]来", "", about)) < 2:
        return False  # a change of nothing named ("比上年增加还是减少" read alone): any change sentence would do
    # (one unit's sentence among many alike, "N.某单位下设…共6个部门": a deeper pool, then the unit's own)
    cands = passages(cat, q, doc, k=40 if within else 15)
    # (a use asked: the sentence that names the subject and opens a list of what it holds, "X N万元，具体包括：", first)
    opens = [e for e in cat.doc_texts(doc.doc_id) if _LIST_OPENS.search(clean(e.text)) and USE_WORD.search(e.text)
             and len(head := "".join(CJK.findall(_LIST_ITEM.sub("", rank.lead(clean(e.text)))))) >= 4
             and overlap(head, subj) >= 0.8] \
        if purpose and not within else []
    cands += [e for e in opens if e not in cands]
    # (a subject the tables print as a row's own name, "城乡社区支出": a sentence about it writes that name; a use asked
    # of a fund may be told under its name as printed elsewhere, with 财政 inside it, and "…主要用于")
    row_named = len(about) >= 4 and "其他" not in about \
        and any(bare(r.label) == about and (r.code or not purpose) for r in cat.doc_rows(doc.doc_id))
    paras = {p.para_idx: p.text for p in cat.paragraphs.get(doc.doc_id, [])}
    own = residue(cat, q, doc)  # words only the question has ("中央财政负担"): a sentence must share them
    money = bool(MONEY_ASKED.search(q.text))
    counted = counted_noun(q.text)  # "多少辆车": a count of 辆 of 车 is the subject
    # (the noun's other name the question gives, "处室（部门）")
    other_name = m.group(1) if counted and (m := re.search(re.escape(counted[1]) + r"[（(]([^）)]{2,6})[）)]", q.text)) else ""

    def written(txt: str) -> bool:
        return count_written(counted, txt)

    any_written = any(written(clean(e.text)) for e in cands)
    bodies = sorted((u for u in doc.units if len(u) >= 5 and u not in subj
                     and not any(x in u or u in x for x in [*q.units, *(within or [])])), key=longest)

    use_only = bool(re.search(USE_ASKED, q.text)) and not WHY_Q.search(q.text)
    own_people = len(_PEOPLE_WORDS.sub("", subj)) >= 2  # (people of something named: "培训多少人")

    marks = subject_marks(cat, doc, subj)

    def fits(e: TextEvidence, fit_to: str) -> bool:
        txt = clean(e.text)
        # (a change opening its sentence, "比上年增加N万元，主要原因是…", is of the thing the sentence before names)
        lead_in = clean(p.text) if _OPENS_WITH_CHANGE.match(txt) and (p := _before(cat, e)) is not None else ""
        if within and not any(u in clean(e.section) + clean(paras.get(e.para_idx // 1000, "")) for u in within):
            return False
        if money and len(own) >= 4 and overlap(own, txt + clean(e.section)) < 0.4:
            return False
        if terms and not all(term_in(t, lead_in + txt + clean(e.section)) for t in terms):
            return False
        if marks and not all(m in e.text + e.section for m in marks):
            return False  # (a name's Latin word or number the sentence does not print: another thing)
        if len(txt) < 12 and not re.search(r"\d", txt) and not STATED_NONE.search(txt):
            return False  # a heading line ("（一）机关运行经费。"; not "本单位无机关运行经费。")
        if len(head := re.sub(r"[。.：:]$", "", txt)) >= 4 and head in clean(e.section):
            return False  # a line that is its section's own heading ("(四)国有资产占有使用情况。")
        if re.fullmatch(r"(?:第[一二三四五六七八九十]+部分|[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．])[^，。；：:,]{2,30}[。.]?", txt) \
                and not re.search(r"\d\s*(?:万|亿|元|%|％|辆|人|个|台|项|家|平方)", txt):
            return False  # a numbered heading line anywhere ("第一部分 2026年度部门预算情况说明")
        # (not a sentence saying there is none: "本单位无某某表。")
        if re.fullmatch(r"[^，。；：:,]{4,40}表(?:[（(][^）)]*[）)])?[。.]?", txt) and not STATED_NONE.search(txt):
            return False  # a table's title line ("(2026年度)政策和项目预算绩效目标表"): its table answers, not its title
        if _names_a_lower_level(txt, about) or row_named and not _names_row(lead_in + txt + clean(e.section), about):
            return False
        if "change" in q.asked and not lead_in and _amount_of_another(txt, about):
            return False
        if q.want_year and str(q.want_year) not in txt:
            return False  # last year's figure: a sentence about it names that year
        if "definition" not in q.intents and re.match(r"^(\d+[、.．])?[^，。：:]{2,20}(：|:)?(是指|指)", txt):
            return False  # a definition is not a figure or a reason
        # (a use asked, no reason: a sentence that says what the money is for, not why an amount changed)
        if purpose and not (USE_WORD if use_only else _PURPOSE).search(txt) and not USE_HEADINGS.search(last_heading(e)):
            return False
        whole = paras.get(e.para_idx // 1000, "")
        means = _units_mean(txt)  # "房屋8,268.74平方米" gives an area: it answers "房屋面积"
        # (a unit's name, in a heading or a sentence, says whose the sentence is, not what it is about)
        sec, said = _topic_of(clean(e.section), bodies), _topic_of(txt, bodies)
        fit = max(overlap(fit_to, said + sec + means), 0.9 * overlap(fit_to, _topic_of(clean(whole), bodies) + sec))
        if counted and counts_ok(q.text, txt) and counted[1][-1] in txt and (written(txt) or not any_written) \
                and (len(counted[1]) < 4 or counted[1][:-2] in txt + clean(e.section) or bool(other_name) and other_name in txt):  # ("审计项目": not any 项目)
            # the count, and the noun's head ("公车" -> 车: nouns end in what they are); a longer noun counted as
            # written ("7 个一级项目") first
            fit = 1.0
        # a count of people asked ("核定编制多少人") and given ("人员编制52人"): the subject's words are fewer
        # (the number slot is gone from both: "编制多少人" and "编制52人" share 编制人)
        people = bool(COUNT_Q.findall(q.text)) and set(COUNT_Q.findall(q.text)) <= {"人", "名"} and counts_ok(q.text, txt)
        if people:
            fit = max(fit, overlap(subj, "".join(CJK.findall(txt))))
            if not own_people and not _STAFF.search(txt):
                return False  # "实有多少人", nothing else named: the body's own staff, not a meeting's attendance
        if fit < (0.3 if people else 0.5):
            return False
        if any(w.lower() not in txt.lower() for w in re.findall(r"[A-Za-z]{2,}", subj)):
            return False
        if not counts_ok(q.text, txt):
            return False
        if (measure := OTHER_MEASURES.search(q.text)) and measure.group(0) not in txt:
            return False  # "总投资": a sentence that names it
        if PER_HEAD.search(q.text) and not PER_HEAD.search(txt):
            return False  # an amount per person asked: a sentence printing one ("每人每月…"), not a total
        if FIRM_ASKED.search(q.text) and not FIRM_WORD.search(txt):
            return False  # "哪家公司承接": a sentence naming a firm
        named = max(_quoted(q.text), key=len, default="")
        # (a quoted name is the subject; one of a few characters, "“12345一号通”…项目二期", only with the words around it)
        if money and only_an_example(named if len(CJK.findall(named)) >= 4 else subj, txt):
            return False  # "…其他收入878.44万元，…例如：存款利息收入、房产出租收入…": no amount of its own
        if "名词解释" in e.section and "definition" not in q.intents:
            return False
        return True

    chosen: list[TextEvidence] = []
    # (a change of the whole side asked, "收入…增加还是减少": the sentence that gives that side's total and its change)
    # (or of the release itself, "预算比上年多还是少": its income side, as the totals are equal)
    # (and the reason of such a change, "为何总额比上年多": the side's change, then its reason)
    # (both sides, "收入和支出", are the income side's: the totals are equal; a doubling, "翻了一倍", is a change)
    whole = re.sub(r"收入(?:和|与|及|、)支出", "收入", re.sub(
        r"比?(?:20\d\d年度?|上一?年度?|去年)(?:预算|决算)?|翻了?[一两几]?(?:倍|番)|总共|一共|还是|是|了", "",
        CHANGE_WORDS.sub("", subj))).removesuffix("比") if q.asked & {"change", "why"} else None
    side = re.fullmatch(r"(?:预算|决算)?(收入|支出)(?:预算|决算)?(?:总额|总计|总数)?", whole) \
        or re.fullmatch(r"(?:部门|单位)?(?:综合)?(?:预算|决算)(?:总额|总计|总数)?", whole) if whole is not None else None
    if side is not None:
        word = side.group(1) if side.groups() else "收入"
        # (any sentence of the release: the passages drawn may miss the one on the whole)
        every = cands + [e for e in cat.doc_texts(doc.doc_id) if e not in cands]
        # (or the side's 总计 changed, "与上年相比，收入支出总计增加N万元"; not one fund's)
        chosen = [e for e in every if CHANGE_WORD.search(e.text)
                  and re.search(rf"(?:{word}(?:预算|决算)|(?:预算|决算){word})(?:总额|总计|合计)?(?:为|是)?\d"
                                rf"|(?<!拨款){word}(?:支出)?(?:总计|合计)(?:各|均)?(?:增加|减少|增长|下降)\d", clean(e.text))]
        if not side.groups():  # (the release's own change, "2026年预算比2025年预算增加N万元")
            chosen += [e for e in every if e not in chosen and CHANGE_WORD.search(e.text) and re.match(
                r"(?:20\d\d年度?)?(?:部门|单位)?(?:综合)?(?:预算|决算)(?:总额|总计)?(?:比|较)(?:20\d\d年度?|上年)", clean(e.text))]
    if "share" in q.intents:
        # a share printed "占…N%": the words that ask for one are not the sentence's, the percentage is
        # ("占多少" may ask the amount too: then the sentences as for any figure)
        part = re.sub(rf"的?(?:{SHARE_WORDS}|几成|份额)|全部|所有|整个|总(?=支出|收入|预算)|(?<=支出|收入)总计", "", subj)
        chosen = [e for e in cands if "%" in e.text and "占" in e.text and fits(e, part)]
    # (the direction asked first; a sentence printing the other direction only when none prints the one asked)
    chosen = chosen or [e for e in cands if fits(e, subj)] or ([e for e in cands if fits(e, about)] if about != subj else [])
    if not chosen:
        return False
    # "多少辆车" asks a count, not an amount
    # ("预算" asks its amount unless the question asks which or what: "调整的是哪几个项目的预算")
    wants_amount = bool(re.search(r"多少|几|金额|多大|规模", q.text) or "预算" in q.text and not _WHAT_ASKED.search(q.text)
                        or COMPARE_Q.search(q.text)) \
        and not ((COUNT_Q.search(q.text) or _counts_thing(q.text)) and not MONEY_ASKED.search(q.text))
    # (a thing named and nothing asked of it, "X局今年的培训费": its amount, as a lookup)
    wants_amount = wants_amount or not _ASKS_SOMETHING.search(q.text)
    wants_reason = bool(WHY_Q.search(q.text))
    wants_use = bool(re.search(USE_ASKED, q.text))

    asked = Asked(q.text, subj, q.subject_full, _asked_attribute(q.text), wants_amount, wants_reason)
    def read(e: TextEvidence) -> TextEvidence:
        # a reason opening its sentence ("主要原因是…") is about the sentence before it: scored with it (so is a change
        # opening its sentence, "比上年增加N万元，主要原因是…")
        if wants_reason and ((p := _explained(cat, e)) is not None
                             or _OPENS_WITH_CHANGE.match(clean(e.text)) and (p := _before(cat, e)) is not None):
            return replace(e, text=p.text + e.text)
        return e

    def names_after_reason(e: TextEvidence) -> bool:
        # a reason asked: a sentence naming the subject only after its reason words gives the subject's change as the
        # reason of another's ("支出增加N万元，主要是基本支出减少…" is no reason of 基本支出's own change)
        return wants_reason and BECAUSE.search(txt := clean(e.text)) is not None and not reason_of(subj, txt)

    # (what the body has asked, "共有几辆车": a sentence stating what it holds, "截至…共有车辆N辆", before one about
    # what it buys or retires)
    holding = bool(_HOLDING_Q.search(q.text)) and not MONEY_ASKED.search(q.text)

    # (sentences alike, "年初预算为…": the one whose paragraph names the subject, as a tie-break)
    chosen = sorted(chosen, key=lambda e: (e in opens, not names_after_reason(e),
                                           holding and _HOLDING.search(e.text) is not None,
                                           round(rank.score(asked, read(e), cat.weights), 6),
                                           overlap(subj, clean(paras.get(e.para_idx // 1000, "")))), reverse=True)
    best = chosen[0]
    if wants_reason and overlap(subj, clean(best.text)) < 0.5:
        # a reason naming nothing, picked on its paragraph's words ("1.…。主要原因是…。2.X…。主要原因是…"):
        # the sentence that names the subject, with the reason right after it, first
        best = next((e for e in chosen if overlap(subj, clean(e.text)) >= 0.8
                     and (n := cat.next_sentence(e)) is not None and BECAUSE.search(n.text)), best)
    measure = [re.compile(p) for asked, (_, p) in MEASURE_ASKED.items() if asked in q.text]  # ("楼有多高": "高度为…米")
    if measure and not any(p.search(best.text) for p in measure):
        # a measure asked and not printed in the best sentence: the sentence of its section that prints it
        # (or on its page: "…概况" and "…内容" sections of one project)
        near = [x for x in cat.doc_texts(doc.doc_id) if (x.section == best.section or x.page == best.page)
                and any(p.search(x.text) for p in measure)]
        best = min(near, key=lambda x: x.section != best.section, default=best)
    keep = [best]
    if wants_reason and overlap(subj, clean(best.text)) < 0.5:
        # a reason told of a part ("其中：（二）X…增加N万元，主要原因是…"): quoted after the whole's own sentence
        # of its section, the one naming the subject with its amount
        whole = next((e for e in chosen if e.section == best.section and e.para_idx < best.para_idx
                      and overlap(subj, clean(e.text)) >= 0.8 and AMOUNT.search(e.text)), None)
        if whole is not None:
            keep.append(whole)
    # a compound question ("是多少？主要用于什么？"): one sentence for each thing it asks
    # (things compared, "谁的X更多？多多少": 多多少 is how far apart they are, not a change on a year before)
    compared = COMPARE_Q.search(q.text) is not None or len(q.named) >= 2 and "change" not in q.asked  # ("A比B多多少")
    wants_change = any(not (compared and m.group(1) in ("多", "少")) for m in CHANGE_Q.finditer(q.text))
    needs = [pat for want, pat in ((wants_amount, AMOUNT), (wants_change, CHANGE_WORD), (wants_reason, BECAUSE),
                                   (wants_use, USE_WORD)) if want] + measure
    for pat in needs:
        if not any(pat.search(e.text) for e in keep):
            # the sentence right after ("…增长 92.19%。主要原因是去年并入购房补贴。") before any other
            # (or the one before a reason that opens its sentence: what it explains)
            follow = [n for e in keep for n in [cat.next_sentence(e)] if n is not None] \
                + [p for e in keep if wants_reason and (p := _explained(cat, e)) is not None]
            # (the reason of a whole side's change: the paragraphs just after first, not another item's reason)
            extra = next((e for e in follow + ([] if side is not None and pat is BECAUSE else chosen[1:])
                          if pat.search(e.text) and e not in keep), None)
            if extra is None and pat is BECAUSE:
                # (or a paragraph just after, in its section, giving a reason of what it names: "…收入…增加N万元；"
                # "支出…增加M万元。" "收支增加系因…")
                # (of a whole side or the release, "收支减少系因…", whatever it names)
                extra = next((x for x in _paragraphs_after(cat, best, 2) if BECAUSE.search(x.text)
                              and (overlap(subj, clean(x.text)) >= 0.3 or side is not None)
                              and reason_of(subj, clean(x.text))), None)
                if extra is None and side is not None:
                    extra = next((e for e in chosen[1:] if pat.search(e.text) and e not in keep), None)
            if extra is not None:
                keep.append(extra)
    if wants_change and not any(CHANGE_WORD.search(e.text) for e in keep):
        return False  # a change asked: a sentence giving only this year's figure does not answer it
    if len(keep) == 1 and len(chosen) > 1 and not needs:
        keep.append(chosen[1])
    for e in list(keep):
        # a reason is quoted with what it explains: "…预算 0.00 万元，…。主要是本单位属于…" (the figure before it)
        prev = _before(cat, e)
        if prev is not None and prev not in keep and BECAUSE.search(e.text) and not AMOUNT.search(e.text) \
                and AMOUNT.search(prev.text) and overlap(subj, clean(prev.text)) >= 0.3:
            keep.append(prev)
        # (and a change opening its sentence, "比上年增加N万元，主要原因是…": what it is the change of)
        elif prev is not None and prev not in keep and _OPENS_WITH_CHANGE.match(clean(e.text)) \
                and overlap(subj, clean(prev.text)) >= 0.5:
            keep.append(prev)
        # (so is a use opening its own sentence, "…支出 1800.00 万元。主要用于…": the amount it is the use of)
        elif prev is not None and prev not in keep and re.match(r"(?:主要|具体)?用于", clean(e.text)) \
                and not AMOUNT.search(e.text) and AMOUNT.search(prev.text):
            keep.append(prev)
        # a sentence that announces a list ("设10个内设机构，包括：") is quoted with the list's items
        # (or one that holds its item 1, when the question asks what the items are: "查出哪些问题")
        if _LIST_OPENS.search(clean(e.text)) or items_after(cat, e, q.text):
            keep += [x for x in _list_after(cat, e) if x not in keep]
        keep += [x for x in cat.rest_of_list(e) if x not in keep]  # ("主要包括：A…；" then "B…。")
    # (a sentence saying the subject is not there answers: "本单位无机关运行经费")
    none = [e for e in keep if STATED_NONE.search(clean(e.text)) and overlap(subj, clean(e.text)) >= 0.8]
    if MONEY_ASKED.search(q.text) and not COUNT_Q.search(q.text) and not any(AMOUNT.search(e.text) for e in keep):
        if not none:
            return False  # "总投资是多少": sentences about the project that state no amount do not answer it
        keep = none
    elif re.search(r"多少|(?<!哪)几(?=[\u4e00-\u9fa5])", q.text) and not (wants_reason or wants_use or wants_change) \
            and not any(re.search(r"(?<!第)\d|(?<!第)[一二两三四五六七八九十百千]+[个项名人张辆次家所处位条台套户床]", re.sub(_ITEM_MARK, "", e.text))
                        for e in keep):
        if not none:
            return False  # "住了多少人": a sentence about them that gives no number does not answer it
        keep = none
    chosen = sorted(keep, key=lambda e: e.para_idx)
    chosen = [e for i, e in enumerate(chosen) if all(clean(x.text) != clean(e.text) for x in chosen[:i])]  # (printed twice)
    # (the amount of the clause that names the subject most: "总额N万元，其中：货物预算M万元" gives M for 货物)
    priced = [c for c in re.split(r"[，；：:;、]", clean(best.text)) if amount_in(c) is not None]  # (not "2,517.78"'s comma)
    clause = max(priced, key=lambda c: overlap(subj, c) > overlap(subj, priced[0]) + 0.3, default=best.text)
    if wants_amount and (amt := amount_in(clause)) is not None:
        d.record(doc, *amt, best)
    elif COUNT_Q.search(q.text) and not MONEY_ASKED.search(q.text):
        # a count asked ("几个处室"): the number the sentence gives of it, for a comparison of counts
        unit = COUNT_Q.search(q.text).group(1)
        for e in keep:
            if m := re.search(rf"(\d[\d,]*)\s*(?:余|多)?\s*[{SAME_COUNT.get(unit, unit)}]", e.text):
                d.record(doc, m.group(1), unit, e)
                break
    elif thing := _counts_thing(q.text):
        # "车辆数是多少": the number printed by the thing ("共有车辆517辆"), with its counter
        for e in keep:
            if m := re.search(re.escape(thing.group(1)[-2:]) + r"[^，。；\d]{0,4}?(\d[\d,]*)\s*([个项名人张辆次家所处位条台套户床])", e.text):
                d.record(doc, m.group(1), m.group(2), e)
                break
    if all(d.cited(e) for e in chosen):  # an earlier ask already quoted these sentences
        d.add(f"{prefix}{describe(doc)}：见上文{''.join(d.cite(e) for e in chosen)}。")
        return True
    chosen = [e for e in chosen if not d.cited(e)]  # what an earlier ask quoted is not repeated
    body = "".join(_with_heading(e) + d.cite(e) + "。" for e in chosen)
    d.add(f"{prefix}{describe(doc)}：{body}")
    return True


# what follows lists examples or uses of a whole; an item named there has no amount unless one follows it
_EXAMPLES = re.compile(r"例如|比如|诸如|譬如|用于|包括")


# "涉及资金N万元，主要是X经费。": an amount glossed by the one thing right after it is mostly that thing's
_GLOSS = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(?:亿元|万元|元)[，,](?:其中)?(?:主要|即|就)?是([^，,。；、和及等\d]{2,})(?=[。；]|$)")


def glossed(txt: str, subj: str) -> re.Match[str] | None:
    """The amount of `txt` that the subject, and nothing else, glosses right after it."""
    return next((m for m in _GLOSS.finditer(txt) if overlap(m.group(2), subj) >= 0.8), None)


def only_an_example(subj: str, txt: str) -> bool:
    """The subject is named only among a sentence's examples or uses ("主要用于A、B、C等项目"), with no amount of
    its own next to it."""
    # (or named only after the sentence's first amount, which the words before it own: "会议费预算5.6万元，拟召开A、B等会议")
    m = min((x for x in (_EXAMPLES.search(txt), AMOUNT.search(txt)) if x is not None), key=lambda x: x.start(), default=None)
    if m is None or overlap(subj, txt[: m.start()]) >= 0.5:
        return False
    tail = txt[m.end():]
    if m.re is AMOUNT and (g := glossed(txt, subj)) is not None and g.start() == m.start():
        return False  # (the amount glossed by the subject right after it: its own)
    cjk = "".join(CJK.findall(subj))
    for k in range(len(cjk), 3, -1):
        for i in range(len(cjk) - k + 1):
            at = tail.find(cjk[i : i + k])
            if at >= 0:
                return not re.match(r"[^，。；、]{0,6}\d", tail[at + k:])
    return False


_USE_CLAUSE = re.compile(r"用于([^。；]+)")
_USE_FILLER = re.compile(r"支出|资金|经费|项目|专项|相关|工作|方面|[的等和及]")


def restates_use(subj: str, txt: str) -> bool:
    """A use that only names the subject again ("X资金N万元，主要用于X资金支出"): it says nothing of what for."""
    uses = _USE_CLAUSE.findall(txt)
    return bool(uses) and all(len(set(_USE_FILLER.sub("", "".join(CJK.findall(u)))) - set(subj)) <= 1 for u in uses)


# "某年预算数 X 万元，主要用于…": a sentence that names no subject before its amount (its heading does)
_SUBJECTLESS = re.compile(r"(?:20\d\d年度?)?(?:预算数?|决算数?|执行数|安排|为|共|合计)?(?!20\d\d年)\d")


def _with_heading(e: TextEvidence) -> str:
    """A sentence as quoted; one that is little more than an amount ("795万元"), or names no subject before its
    amount, says under which headings."""
    text = e.text.rstrip("。；，：;,:")
    if (len(CJK.findall(re.sub(r"万?元", "", text))) >= 6 and not _SUBJECTLESS.match(clean(text))) or not e.section:
        return text
    return f"（{'·'.join(e.section.split(' > ')[-2:])}）{text}"


def following(cat: Catalog, x: TextEvidence) -> TextEvidence | None:
    """The sentence after x: in its paragraph, else the first of the next paragraph."""
    return cat.next_sentence(x) or cat.sentence_at(x.doc.doc_id, (x.para_idx // 1000 + 1) * 1000)


def _list_after(cat: Catalog, e: TextEvidence, most: int = 12) -> list[TextEvidence]:
    """The first sentence of each numbered item ("（八）外事科。…") that follows a sentence announcing a list."""
    after = partial(following, cat)
    out: list[TextEvidence] = []
    nxt = after(e)
    if _FIRST_ITEM.search(clean(e.text)):  # ("问题如下：（1）A。…。（2）B。"): past the rest of item 1
        while nxt is not None and nxt.para_idx // 1000 == e.para_idx // 1000 and not _LIST_ITEM.match(clean(nxt.text)):
            nxt = after(nxt)
    # (an item carried over a page break may have lost its heading path: no section at all)
    while nxt is not None and len(out) < most and _LIST_ITEM.match(clean(nxt.text)) and (nxt.section.startswith(e.section) or not nxt.section):
        out.append(nxt)
        nxt = after(nxt)
        while nxt is not None and nxt.para_idx // 1000 == out[-1].para_idx // 1000 and not _LIST_ITEM.match(clean(nxt.text)):
            nxt = after(nxt)  # the rest of the item
    return out


def items_after(cat: Catalog, e: TextEvidence, question: str) -> list[TextEvidence]:
    """The other items of a numbered list e opens with its item 1 ("原因说明：1.A；"), when the question asks what
    the items are ("哪三条", "哪几项")."""
    return _list_after(cat, e) if _FIRST_ITEM.search(clean(e.text)) and _ITEMS_ASKED.search(question) else []


_LIST_OPENS = re.compile(r"(包括|如下|分别是|具体为)[：:]?$|[：:]$")  # (or any sentence that ends in a colon)


_LIST_ITEM = re.compile(r"^([（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])")
_ITEMS_ASKED = re.compile(r"哪[些几两二三四五六七八九十]|有什么|都有啥|包括什么")


_COUNT_NOUN_Q = re.compile(r"(?:数量|个数|数目|件数|次数|人次|人数)(?:是|有|为|大概|大约)*(?:多少|几)")
# "车辆数是多少": the count of a thing named before 数 (not "预算数", "执行数": amounts of money)
_THING_COUNT_Q = re.compile(r"([\u4e00-\u9fa5]{2,4}?)(?:总)?数(?:分别|各自?|是|有|为|大概|大约|一共|共)*(?:多少|几)")


_STAFF = re.compile(r"编制|在职|实有|在编|职工|工作人员|干部|退休|人员")
_PEOPLE_WORDS = re.compile(r"实有|现有|目前|现在|共有|一共|总共|人数?|名|[^\u4e00-\u9fa5]")


def _counts_thing(question: str) -> re.Match[str] | None:
    """"车辆数是多少": the count of the thing before 数 (not "预算数", "执行数": amounts of money)."""
    thing = _THING_COUNT_Q.search(question)
    return thing if thing and not MONEY_ASKED.search(question) \
        and not re.search(r"[算行付资款额出入标值分率]$|预算|决算|执行|金额", thing.group(1)) else None


# any word that asks something of what is named (without one, a named thing is looked up: its amount)
# (nor a rate or a share, looked up: no amount of money)
_ASKS_SOMETHING = re.compile(r"多少|几|什么|啥|哪|吗|呢|为何|为啥|怎|如何|是否|是不是|有没有|有无|能否|还是|多大|多高|多长|多远|介绍|"
                             r"情况|说明|解释|讲讲|说说|原因|用途|用于|干嘛|做什么|目标|内容|包括|含义|意思|定义|指|率|比例|占比|比重|百分")
_HOLDING_Q = re.compile(r"(?:^|[^购置新增添买])(?:有|共有|现有|实有|拥有|保有|在用)(?:多少|几)")
_HOLDING = re.compile(r"共有|现有|实有|拥有|保有|占有|在用|截至|截止|分布构成")


def counts_ok(question: str, text: str) -> bool:
    """'几辆' asks for a count of vehicles: the text must give a number of 辆 (or 台, as some write it);
    '面积多大' an area: a number of 平方米."""
    for unit in COUNT_Q.findall(question):
        if not re.search(rf"\d[\d,.]*\s*(?:余|多)?[{SAME_COUNT.get(unit, unit)}]", text):
            return False
    # a count asked by its noun ("X数量", "X人次"): a number of something counted, not an amount of money
    if _COUNT_NOUN_Q.search(question) and not MONEY_ASKED.search(question) \
            and not re.search(r"\d[\d,.]*\s*(?:余|多)?(?:个|件|次|人|家|项|辆|台|批|起|条|份|户|所|座|套|名|位)", text):
        return False
    if (thing := _counts_thing(question)) \
            and not re.search(re.escape(thing.group(1)[-2:]) + r"[^，。；]{0,4}\d|\d\s*[^\d，。；]{1,2}" + re.escape(thing.group(1)[-2:]), text):
        return False  # the thing counted, with its number beside it ("共有车辆517辆")
    for asked, unit in MEASURE_Q:
        if asked.search(question) and not MONEY_ASKED.search(question) and not re.search(rf"\d[\d,.]*\s*{unit}", text):
            return False
    if HEADCOUNT_Q.search(question) and not re.search(r"\d[\d,]*\s*(?:余|多)?(人|名)", text):
        return False  # 编制数 / 人数: a number of people, not an amount
    return True


_ASKED_ATTR = re.compile(r"([\u4e00-\u9fa5]{2,8}?)(?:大概|大约|一共|共|总共|又)?(?:有|是|为|约|安排了?|花了?)?(?:多大|多少|几)")


def _asked_attribute(question: str) -> str:
    """The words right before what is asked: "规划建筑面积多大" -> "规划建筑面积"."""
    found = [m.group(1) for m in _ASKED_ATTR.finditer(clean(question))]
    # (a measure asked by its question word, "楼有多高": its own name, 高度)
    measures = [m for asked, (m, _) in MEASURE_ASKED.items() if asked in question]
    return measures[-1] if measures else found[-1] if found else ""


def _units_mean(text: str) -> str:
    """The nouns the printed units of a text stand for ("2辆" -> 车辆)."""
    return "".join(noun for unit, noun in UNIT_MEANS.items() if re.search(rf"\d\s*{unit}", text))


_DEFINING = (r"(?:是|具体)?指(?:什么)?(?:支出|费用|钱)?$|(?:具体)?指哪[几些两二三四五六七八九十]?(?:项|些|类|方面)?|是什么意思|指什么|什么是|的含义|含义|定义|"
             r"是指|名词解释|包括哪些内容|包括哪些费用|(?:具体)?包括哪[几些]?(?:项|块|类|部分|方面)?|包括什么|反映(?:的?是)?(?:哪些|什么)?(?:支出|费用|内容|开支)?|"
             r"指的是|哪些钱|是什么|意思|包括|指")


def _term(text: str) -> str:
    text = re.sub(r"^(?:部门|单位)(?=[“\"「])", "", text)  # "单位“三公”经费": the document's kind, then the term
    term = re.sub(r"[“”\"'‘’]", "", re.sub(_DEFINING, "", text))
    # where the question read the term ("…报告中讲的"): where, not what
    term = re.sub(r"^.*(?:预算|决算|文件|公开|说明)(?:(?:里|中)(?:所?说|讲|提到|写)?|所?说|讲|提到)的?(?=[\u4e00-\u9fa5]{2})", "", term)
    term = re.sub(r"(?:都|具体|主要|一般|钱)+$", "", term)
    term = re.sub(r"^.*其中[，,：:]?(?=[\u4e00-\u9fa5]{2})", "", term)  # "X，其中Y指什么": Y
    term = re.sub(r"^[^中里]{2,10}?(?:经费|支出|费用|资金|预算)(?:中|里面?|当中)的?(?=[\u4e00-\u9fa5]{3})", "", term)  # "X经费中的Y": Y
    term = re.sub(r"(?<=[）)])(?:下面?|里面?|中|之下)的?", "", term)  # "X（款）下的Y（项）": Y under X
    return re.sub(r"^(?:所?说|讲|提到|写)的?|^的", "", term)


def answer_use_clause(cat: Catalog, q: Query, doc: DocInfo, d: Draft) -> bool:
    """What a term's money is for, asked of a term the glossary explains inside a longer entry (one part of an entry
    that lists several, "其中：…某费主要安排…"): that clause."""
    if not USE_Q.search(q.text):
        return False
    term = _term(re.sub(r"(?:主要|一般|大多)?(?:用在|用于|花在|用到|安排在|(?:安排|开支|列支)(?:在|于)?)(?:哪些|什么)?(?:方面|地方|事情?|事项|工作)?上?(?:的?支出)?$",
                        "", subject_text(q)))
    term = re.split(r"[里中]", term)[-1] if len(re.split(r"[里中]", term)[-1]) >= 4 else term  # ("三公经费里X": X)
    term = re.sub(r"^(?:部门|单位)(?=[\u4e00-\u9fa5]{4})", "", term)  # ("单位" + a term: the document's kind, then the term)
    if len(term) < 4:
        return False
    ev = _defining_clause(cat, doc, term, verbs="主要用于|用于|主要安排|主要包括")
    if ev is None or "名词解释" not in ev.section:
        return False
    d.add(f"{describe(doc)}的解释：{ev.text.rstrip('。；;')}{d.cite(ev)}。")
    return True


def _defining_clause(cat: Catalog, doc: DocInfo, term: str, verbs: str = "是指|指|反映|包括|主要用于|用于") -> TextEvidence | None:
    """A clause inside a longer entry that defines the term ("其中，公务用车购置费反映…"), a glossary's first."""
    at = re.compile(rf"(?:^|[，,：:；;])(?:其中[，,：:]?)?{re.escape(term)}(?:具体)?(?:{verbs})")
    best: TextEvidence | None = None
    for p in cat.paragraphs.get(doc.doc_id, []):
        if term not in clean(p.text):
            continue
        for s in re.split(r"(?<=[。；;])", p.text):
            if at.search(re.sub(r"[“”\"'‘’]", "", clean(s))):
                ev = TextEvidence(doc=doc, section=p.section, page=p.page, text=s.strip(), bbox=p.bbox,
                                  para_idx=p.para_idx * 1000 + 998)
                if "名词解释" in p.section:
                    return ev
                best = best or ev
    return best


def answer_definition(cat: Catalog, q: Query, doc: DocInfo, d: Draft) -> bool:
    subj = subject_text(q)
    term = _term(subj)
    # "X指哪些？Y包不包括Z？": the term before the first defining word
    head = _term(subj[: m.start()]) if (m := re.search(r"(?:是|具体)?指(?!标)|反映|是什么|包括|含义|定义|意思", subj)) else ""
    quoted = re.findall(r"[“\"「『]([^”\"」』]{2,20})[”\"」』]", q.text)  # a term quoted is the term, as written
    for t in dict.fromkeys(x for x in (*quoted, term, head) if len(x) >= 2):
        if _define(cat, doc, d, t):
            return True
    # "X和Y分别是什么意思": each listed term, when every one is defined
    parts = [x for x in re.split(r"[和及与、]|以及", term) if len(x) >= 2]
    if len(parts) > 1:
        trial = Draft()
        if all(_define(cat, doc, trial, t) for t in parts):
            for t in parts:
                mark = len(d.parts)
                _define(cat, doc, d, t)
                if any(p in "".join(d.parts[:mark]) for p in d.parts[mark:]):
                    d.parts = d.parts[:mark]  # (one sentence defines both)
            return True
    return False


def _define(cat: Catalog, doc: DocInfo, d: Draft, term: str) -> bool:
    best: tuple[int, TextEvidence] | None = None
    for p in cat.paragraphs.get(doc.doc_id, []):
        parts = re.split(r"[：:]", re.sub(r"^[\d一二三四五六七八九十]+[、.．]|^[（(][一二三四五六七八九十\d]+[）)]", "", clean(p.text)), maxsplit=1)
        if len(parts) < 2:
            continue
        head = re.sub(r"[“”\"'‘’]", "", parts[0])
        if not (2 <= len(head) <= 40):
            continue
        if _code_name(term) and _code_name(term) == _code_name(head):
            best = (3, p)  # "审计事务（款）事业运行（项）" defined as "…支出(类)审计事务(款)事业运行(项)"
            break
        if (levels := _levels(head)) and set(_levels(term)) <= set(levels) \
                and (_levels(term)[-1:] == levels[-1:] or levels[-1][0] in (term, re.sub(r"支出$", "", term))):
            best = (3, p)  # "行政运行（项）", or the 项 alone, defined under its 类 and 款
            break
        if len(head) > 20:
            continue
        # ("X (…类级)": a bracket after the name saying its level is not part of it)
        plain = re.sub(r"[（(][^）)]{4,}[）)]$", "", head) or head
        if term in (head, plain) or (term in head and len(term) >= 0.6 * len(head)) \
                or any(h in term and len(h) >= 0.6 * len(term) for h in (head, plain)):
            score = 2 if "名词解释" in p.section else 1
            if best is None or score > best[0]:
                best = (score, p)
    if best is None:
        if (ev := _defining_clause(cat, doc, term)) is None:
            return False
        d.add(f"{describe(doc)}的解释：{ev.text.rstrip('。；;')}{d.cite(ev)}。")
        return True
    p = best[1]
    d.add(f"{describe(doc)}的解释：{p.text.rstrip('。')}{d.cite(p)}。")
    return True




def _code_name(text: str) -> str:
    """A 科目 written with its levels ("…(类)审计事务(款)事业运行(项)"): the 款 and 项 names run together, else ""."""
    t = text.replace("（", "(").replace("）", ")")
    if not re.search(r"\((款|项)\)", t):
        return ""
    return re.sub(r"\((类|款|项)\)", "", t.split("(类)")[-1])


def _levels(text: str) -> list[tuple[str, str]]:
    """A 科目 written with its levels: (name, 类/款/项) for each ("…(类)…(款)行政运行(项)")."""
    return re.findall(r"([^()]+?)\((类|款|项)\)", text.replace("（", "(").replace("）", ")"))


_ITEM_END = re.compile(r"[（(]\d*项[）)]")


def _named_row(cat: Catalog, q: Query, doc: DocInfo) -> RowEvidence | None:
    """The one 科目 row the question names: by code, else by a printed name of four or more characters."""
    by_code = [r for c in q.codes for r in cat.by_code.get(c, []) if r.doc.doc_id == doc.doc_id]
    if by_code:
        return by_code[0]
    # (a coded row among the first few: a fund's row, or the same 科目 printed without its code, may come first)
    subj = subject_text(q)
    return next((r for r in match_rows(cat, q, doc)[:5] if r.code and len(bare(r.label)) >= 4 and bare(r.label) in subj), None)


def _item_sentences(cat: Catalog, doc: DocInfo, label: str) -> list[list[TextEvidence]]:
    """Each 说明 item about a 科目: its heading sentence ("4、…财政委托业务支出（项）。") and the sentences
    after it, up to the next item."""
    texts = {e.para_idx: e for e in cat.doc_texts(doc.doc_id)}
    items: list[list[TextEvidence]] = []
    for p in cat.paragraphs.get(doc.doc_id, []):
        cur: list[TextEvidence] | None = None
        for k, sent in enumerate(p.sentences):
            flat = clean(sent)
            ev = texts.get(p.para_idx * 1000 + k)
            if ev is None:
                continue
            if label in flat and _ITEM_END.search(flat):
                cur = [ev]
                items.append(cur)
            elif _ITEM_END.search(flat) and "预算" not in flat:
                cur = None  # the next item begins
            elif cur is not None:
                cur.append(ev)
    return items


_WITHHELD_FILLER = re.compile(r"^(?:由于|因为?)|[（(][类款项][）)]|下的|有关|相关|的|支出|经费|资金|[^\u4e00-\u9fa5]")


def withheld(cat: Catalog, q: Query, doc: DocInfo) -> TextEvidence | None:
    """The sentence saying the parts asked of a whole are kept secret ("…公安（款）下的有关项级科目支出，…涉及国家秘密…，
    不予对外公开"): what it withholds (its clauses other than the secrecy's own) is what the question names."""
    if not BREAKDOWN_ASKED.search(q.text):
        return None
    asked = q.text
    for a in sorted(aliases(doc.department), key=longest):
        asked = asked.replace(a, "")  # (a department's name, "…公安局…", names no part of what is withheld)
    for e in cat.doc_texts(doc.doc_id):
        txt = clean(e.text)
        if not (WITHHELD.search(txt) and SECRET.search(txt)):
            continue
        what = "".join(c for c in re.split(r"[，,；;]", txt)
                       if not WITHHELD.search(c) and not SECRET.search(c) and not re.search(r"根据|规定|按要求", c))
        core = _WITHHELD_FILLER.sub("", what)
        if len(core) >= 4 and sum(c in asked for c in core) >= 0.8 * len(core):
            return e
    return None


def answer_item(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    """A named 科目 in the 说明's item list (决算 and many 预算 releases): "X（项）。主要用于……。年初预算为 A 万元，
    支出决算为 B 万元。……的主要原因是……" — the sentences that answer what is asked (use, plan vs final, reason)."""
    row = _named_row(cat, q, doc)
    if row is None:
        return False
    wants = [(PLAN_FINAL.search(q.text), lambda t: ("预算" in t and "决算" in t or "执行数" in t)
              and len(AMOUNT.findall(t)) >= 2),
             (CHANGE_Q.search(q.text) or RATE_Q.search(q.text), lambda t: bool(CHANGE_SIZE.search(t))),
             (USE_Q.search(q.text), lambda t: bool(USE_WORD.search(t))),
             (WHY_Q.search(q.text), lambda t: bool(BECAUSE.search(t))),
             (re.search(r"多少|金额", q.text), lambda t: bool(AMOUNT.search(t))),
             (YEAR_START_ASKED.search(q.text), lambda t: bool(re.search(r"(?:年初|全年)预算(?:数)?为?\s*\d", t)))]
    wants = [f for w, f in wants if w]
    if not wants:
        return False
    items = _item_sentences(cat, doc, bare(row.label))
    # (a 项 name printed under several 款, "行政运行": the item whose heading names the row's own 款 and 类)
    above = {bare(x.label) for c in {row.code[:3], row.code[:5]} - {row.code} if row.code
             for x in cat.by_code.get(c, []) if x.doc.doc_id == doc.doc_id}
    items.sort(key=lambda it: -sum(a in clean(it[0].text) for a in above))
    for item in items:
        picked = [e for e in item[1:] if any(f(clean(e.text)) for f in wants)]
        if not picked or not all(any(f(clean(e.text)) for e in picked) for f in wants):
            continue
        # (an amount the reader states, "X 202.24万元用在哪": the item's sentence that prints it too, to check it by)
        picked += [e for e in item[1:] if e not in picked and _amounts(e.text) & _amounts(q.text)]
        if all(d.cited(e) for e in picked):  # an earlier ask quoted them already
            d.add(f"{prefix}{describe(doc)}：见上文{''.join(d.cite(e) for e in picked)}。")
            return True
        fresh = [e for e in picked if not d.cited(e)]
        head = f"{prefix}{describe(doc)}" + ("：" if d.cited(item[0]) else f"“{item[0].text.rstrip('。')}”{d.cite(item[0])}：")
        body = "，".join(f"“{e.text.rstrip('。；')}”{d.cite(e)}" for e in fresh)
        d.add(f"{head}{body}{_gap_of_two(q, picked, d)}。")
        return True
    return False


def _gap_of_two(q: Query, picked: list[TextEvidence], d: Draft) -> str:
    """How far apart asked ("差多少") of an item whose sentence prints its two amounts and no gap in money (a plan and
    an actual, "执行数为A万元，预算安排B万元，比…减少N%"): the gap worked out, formula shown ("" when none)."""
    if "diff" not in q.intents and not re.search(r"相比|比较|对比|(?:多|高|增)了?还是(?:少|低|减)|" + DIFF_ASKED, q.text):
        return ""
    for e in picked:
        txt = clean(e.text)
        if re.search(r"(?:增加|减少|增长|下降|上升|多|少)了?\d[\d,]*(?:\.\d+)?(?:万元|元)", txt):
            return ""  # the gap is printed
        found = [(m.group(0)[: m.start(2) - m.start(0)].strip(), m.group(2)) for m in AMOUNT.finditer(txt)]
        if len(found) == 2 and found[0][1] == found[1][1] and found[0][1] in ("万元", "元"):
            a, b = (parse_amount(n) for n, _ in found)
            if a is None or b is None or a == b:
                continue
            big, small = (found[0][0], found[1][0]) if a > b else (found[1][0], found[0][0])
            gap = quantize2(abs(a - b))
            d.computed.append(gap)
            return f"；两数相差 {big} − {small} = {gap}{found[0][1]}"
    return ""


def _amounts(text: str) -> set[str]:
    """The amounts a text writes, as written without separators ("202.24万元")."""
    return {re.sub(r"[,\s]", "", m.group(0)) for m in AMOUNT.finditer(text)}


_RATE = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")
_TENTHS = re.compile(r"(?:增长|增加|上涨|涨|下降|减少|降|多|少)了?(?:近|约|超过?|将近)?([一二两三四五六七八九1-9])成")
_DIGIT = {"一": "1", "二": "2", "两": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}


_QUOTED_AMOUNT = re.compile(r"(\d[\d,]*\.\d+|\d{2,}(?:,\d{3})*)\s*万?元")
_CHANGE_AMOUNT = re.compile(CHANGE_WORD.pattern + r"[^，。；\d]{0,4}?" + _QUOTED_AMOUNT.pattern)  # ("较上年增加 406.39 万元")


_THE_CHANGE = re.compile(r"(?:多出来?|增加|新增|增长|减少|少了?|压减)(?:的|出来的)(?:钱|部分|资金|经费|预算)"
                         # (or a follow-up of a change asked, "较上年增了几何，钱花在哪": what the change went to)
                         r"|比(?:20\d\d年度?|上一?年|去年)(?:预算|决算)?数?(?:多|少|增加|减少)了?(?=[^，,]{0,4}(?:花|用)在)")


def answer_quoted_rate(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    """"为啥涨了N%", "增加N万元，增加的资金用在哪": a reason or a use asked of a rate or a change the reader quotes;
    the sentence printing that rate (or that amount as a change), with the reason (or use) it or the sentence after
    it gives."""
    rates = {Decimal(m.group(1)) for m in _RATE.finditer(q.text)}
    # (a rate told in tenths, "涨了八成": any printed rate from 75% up to 90%)
    tenths = [10 * Decimal(_DIGIT.get(m.group(1), m.group(1))) for m in _TENTHS.finditer(q.text)]
    amounts = {parse_amount(m.group(1)) for m in _QUOTED_AMOUNT.finditer(q.text)} - {None}
    why, use = bool(WHY_Q.search(q.text)), bool(USE_Q.search(q.text))
    # ("多出来的钱用于什么" after an ask that found the change: that change, as cited)
    earlier = [e for e in d.evidence if isinstance(e, TextEvidence) and e.doc.doc_id == doc.doc_id
               and CHANGE_SIZE.search(e.text)] if _THE_CHANGE.search(q.text) else []
    if not (rates or amounts or tenths or earlier) or not (why or use):
        return False

    def quoted(rate: Decimal) -> bool:
        return rate in rates or any(t - 5 <= rate < t + 10 for t in tenths)

    told = re.compile(BECAUSE.pattern + "|" + USE_WORD.pattern) if use else BECAUSE
    subj = clean(subject_text(q))
    hits = [e for e in cat.doc_texts(doc.doc_id) if "名词解释" not in e.section
            and (any(quoted(Decimal(m.group(1))) for m in _RATE.finditer(e.text))
                 or any(parse_amount(m.group(2)) in amounts for m in _CHANGE_AMOUNT.finditer(e.text)))]
    hits.sort(key=lambda e: -overlap(subj, clean(e.text + e.section)))  # (the one about the subject first)
    hits = earlier + [e for e in hits if e not in earlier]
    if use:  # (one that tells the use first)
        hits.sort(key=lambda e: not USE_WORD.search(e.text))
    for e in hits:
        after = cat.next_sentence(e)
        if told.search(e.text):
            both = [e]
        elif after is not None and told.search(after.text):
            both = [e, after]
        elif parts := _parts_told(cat, e, told):
            both = [e, *parts]  # (the whole's change told by its parts' reasons)
        else:
            continue
        if e in earlier and all(d.cited(x) for x in both):
            continue  # (the change cited tells it already: nothing new to say of it)
        said = [x for x in both if not d.cited(x)] or both
        d.add(f"{prefix}{describe(doc)}：" + "；".join(f"“{x.text.rstrip('。；')}”{d.cite(x)}" for x in said) + "。")
        return True
    return False


def _paragraphs_after(cat: Catalog, e: TextEvidence, most: int) -> list[TextEvidence]:
    """The sentences of the next few paragraphs of e's section."""
    first = (e.para_idx // 1000 + 1) * 1000
    return [x for x in cat.doc_texts(e.doc.doc_id)
            if first <= x.para_idx < first + most * 1000 and x.section == e.section]


def _parts_told(cat: Catalog, e: TextEvidence, told: re.Pattern[str]) -> list[TextEvidence]:
    """A whole's change opening a list of its parts ("…下降95.0%，具体如下："): the sentences under the headings below
    its own that tell a change with its reason (or use)."""
    n = cat.next_sentence(e)  # (or a sentence of its own opening the list: "…增加N万元。" "其中：")
    if not re.search(r"[：:]\s*$", clean(e.text)) and not (n is not None and re.fullmatch(r"[^，。]{0,6}[：:]", clean(n.text))):
        return []
    # (or the items after it in its own section: "…增加N万元。其中：" then "（一）…" "（二）…")
    below = e.section + " > "
    return [x for x in cat.doc_texts(e.doc.doc_id) if x.para_idx > e.para_idx
            and (x.section.startswith(below) or x.section == e.section)
            and told.search(x.text) and CHANGE_WORD.search(x.text)][:3]


def _text_cells(r: RowEvidence) -> str:
    """A row's cells written in words (a 绩效目标, a 项目概述), each quoted after its column: "" when it has none.
    (A form's own text row says it in words however short: "总体目标 | 保障单位公务用车出行".)"""
    least = 6 if r.table_kind == "performance" and r.kind == "text" and re.search(r"目标|概况|概述|用途|内容", r.label) else 15
    return "；".join(f"{leaf(c)}：“{v.rstrip('。')}”" for c, v in r.values.items() if len(CJK.findall(v)) >= least)


def answer_counted_cell(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    """A count asked that no sentence writes but a table's text cell does (a form's 绩效目标, "拟更新购置2辆公务用车"):
    the clause of the cell that writes the counted noun after its number, quoted from the row that covers the subject."""
    counted = counted_noun(q.text)
    if not counted:
        return False
    subj = subject_text(q)
    best: tuple[float, RowEvidence, str, str] | None = None
    for r in cat.doc_rows(doc.doc_id):
        for col, v in r.values.items():
            if len(CJK.findall(v)) < 6:
                continue
            for clause in re.split(r"(?<=[。；;，,])", v):
                if count_written(counted, clean(clause)):
                    sc = overlap(subj, clean(clause) + bare(r.label))
                    best = (sc, r, col, clause) if best is None or sc > best[0] else best
    if best is None or best[0] < 0.5:
        return False
    _, r, col, clause = best
    d.add(f"{prefix}{describe(doc)}《{r.table}》中“{bare(r.label)}”的{leaf(col)}：“{clause.rstrip('。；;，,')}”{d.cite(r)}。")
    return True


def answer_row_text(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    """What a named project is for, when a table says it in words: the row's text cell (绩效目标, 项目概述,
    主要内容) rather than a narrative sentence that only shares its words."""
    subj = subject_text(q)
    for r in match_rows(cat, q, doc)[:3]:
        name = bare(r.label)
        form = r.table_kind == "performance" and r.kind == "text"  # a form's 目标 row: its project is the table's
        if form:
            name = project_name(r.table)
        elif len(name) < 4 or overlap(name, subj) < 0.5:
            continue
        body = _text_cells(r)
        if not body:
            continue
        owner = f"{r.unit_name}的" if r.unit_name and r.unit_name not in name else ""  # (whose row, in a unit's block)
        d.add(f"{prefix}{describe(doc)}《{r.table}》中{owner}“{name}”的{body}{d.cite(r)}。")
        return True
    return False


_REASON_COL = re.compile(r"偏差|原因")  # a self-evaluation's "偏差原因分析及改进措施"
_RESULT_COL = re.compile(r"指标值|完成值")


def answer_form_reason(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    """Why a named project's self-evaluation fell short of something ("为什么工期延误"): the row of its form whose
    reason column writes the asked words, with that row's target and result."""
    if "why" not in q.asked:
        return False
    top = next((r for r in match_rows(cat, q, doc)[:3] if r.table_kind == "performance"), None)
    if top is None:
        return False
    # the asked words beside the project's name (the runs of the form's title the subject repeats)
    subj = subject_text(q)
    runs = [b for b in SequenceMatcher(None, subj, top.table, autojunk=False).get_matching_blocks() if b.size >= 2]
    rest = "".join(ch for i, ch in enumerate(subj) if not any(b.a <= i < b.a + b.size for b in runs))
    if len(CJK.findall(rest)) < 3:
        return False
    best: tuple[float, RowEvidence, str] | None = None
    for r in cat.doc_rows(doc.doc_id):
        if r.table_idx != top.table_idx:
            continue
        col = next((c for c, v in r.values.items() if _REASON_COL.search(leaf(c)) and CJK.search(v)), None)
        if col is not None and (share := overlap(rest, clean(r.values[col]))) >= 0.5 and (best is None or share > best[0]):
            best = (share, r, col)
    if best is None:
        return False
    _, r, col = best
    result = "，".join(f"{leaf(c)}为{v}" for c, v in r.values.items() if _RESULT_COL.search(leaf(c)))
    d.add(f"{prefix}{describe(doc)}{row_phrase(r, col, r.values[col])}{d.cite(r)}" + (f"（{result}）" if result else "") + "。")
    return True


def answer_points_lost(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    """Which indicators of a project's self-evaluation lost points ("扣分的指标"): its form's indicator rows
    scored below their 分值, each with both figures (or, none below, that every one got its full 分值)."""
    if not POINTS_LOST.search(q.text):
        return False
    top = next((r for r in match_rows(cat, q, doc)[:8] if r.table_kind == "performance"), None)
    if top is None:
        return False
    scored = [(r, mx, got) for r in cat.doc_rows(doc.doc_id) if r.table_idx == top.table_idx and r.kind == "indicator"
              and (mx := parse_amount(r.values.get("分值", ""))) is not None
              and (got := parse_amount(r.values.get("得分", ""))) is not None]
    items = [(r, mx, got) for r, mx, got in scored if not SCORE_TOTAL.fullmatch(bare(r.label))]
    if not items:
        return False
    lost = [(r, mx, got) for r, mx, got in items if got < mx]
    name = f"《{top.table}》"
    if not lost:
        d.add(f"{prefix}{describe(doc)}{name}中各项指标的得分均等于分值，没有扣分" + "".join(d.cite(r) for r, _, _ in items[:3]) + "。")
        return True
    said = "；".join(f"“{bare(r.label)}”分值{r.values['分值']}、得分{r.values['得分']}{d.cite(r)}" for r, _, _ in lost)
    d.add(f"{prefix}{describe(doc)}{name}中得分低于分值的指标：{said}。")
    return True


def answer_form_text(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    """What a named project holds or pays by ("包括什么内容", "标准是什么"): the text rows of its 绩效目标 form
    (年度目标, 项目概况), quoted; an amount row of the project says nothing of it."""
    if not (content := CONTENT_ASKED.search(q.text)) or MONEY_ASKED.search(q.text):
        return False
    # (a standard asked, "X的标准是多少": a text that states one, by name or as so much per head)
    standard = "标准" in content.group(0)
    asked = subject_text(q) + q.text
    forms = [r for r in cat.doc_rows(doc.doc_id) if r.table_kind == "performance" and r.kind == "text"
             and len(p := project_name(r.table)) >= 4 and p in asked]
    if not forms:
        return False
    table = max(forms, key=lambda r: len(project_name(r.table))).table_idx  # (the longest name asked)
    rows = [r for r in forms if r.table_idx == table]
    said = [body + d.cite(r) for r in rows if (body := _text_cells(r))
            and (not standard or "标准" in body or re.search(r"\d\s*元", body))]
    if not said:
        return False
    d.add(f"{prefix}{describe(doc)}《{rows[0].table}》中“{project_name(rows[0].table)}”的{'；'.join(said)}。")
    return True


def _duty_sections(cat: Catalog, doc: DocInfo) -> tuple[TextEvidence | None, list[tuple[str, TextEvidence]]]:
    """The opening sentence before the duties ("X是…单位。"), and (duty heading, first paragraph under it) in
    document order."""
    out: list[tuple[str, TextEvidence]] = []
    intro: TextEvidence | None = None
    for p in cat.paragraphs.get(doc.doc_id, []):
        path = p.section.split(" > ")
        for i, h in enumerate(path):
            if re.search(r"职责|职能", h):
                # a numbered item under the heading, or a paragraph opening with one ("6.负责…。") not read as one
                sub = path[i + 1] if i + 1 < len(path) else (
                    split_sentences(p.text)[0].rstrip("。；") if _NUMBERED.match(p.text) else "")
                if not sub and not out and intro is None and (m := _FIRST_ITEM.search(p.text)):
                    # "X是…单位。主要职能包括：1.负责…。": the opening, then the first duty
                    whole = [x for x in split_sentences(p.text[: m.start()]) if x.endswith("。")]  # (not "职能包括")
                    intro = replace(p, text="".join(whole), para_idx=p.para_idx * 1000 + 997) if whole else None
                    sub = split_sentences(p.text[m.end():])[0].rstrip("。；")
                elif not sub and not out and intro is None and len(p.text.strip()) >= 15:
                    # an opening paragraph with no item under it ("X是…单位，负责…"); its lead-in to a list
                    # ("…主要职责是：") is not quoted
                    whole = p.text if not p.text.rstrip().endswith(("：", ":")) else \
                        "".join(x for x in split_sentences(p.text) if x.endswith("。"))
                    intro = replace(p, text=whole, para_idx=p.para_idx * 1000 + 997) if whole.strip() else None
                if sub and not any(sub == x for x, _ in out):
                    out.append((sub, p))
                break
    return intro, out


# a sentence that opens a list with its item 1 (not a decimal "：1.5"; "：1.2026年…" is item 1 on a year)
_FIRST_ITEM = re.compile(r"[：:]\s*(?:[1一][、.．](?!\d)|1[.．](?=20\d\d\s*年)|[（(][1一][）)])")


_NUMBERED = re.compile(r"\s*(\d{1,2}[、.．](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)])")
_DUTY_WORDS = r"除了[^，,还]*[，,]?还?|职责|职能|方面|承担|负责|履行|主要|哪些|哪项|什么|具体|工作|这一?块|归不归|管不管|[它他]"
_DUTY_NOISE = re.compile(_DUTY_WORDS + r"|[在的有]|^对|(?<=[\u4e00-\u9fa5]{2})上(?=管?$)|管(?!理)")  # ("对X负责…", "在X上管…")
# the same, keeping the topics' own words whole ("国有资产", "管理"): for several topics named at once
_TOPIC_NOISE = re.compile(_DUTY_WORDS + r"|[（(][^）)]*[）)]|有关|相关|^在|的|管(?=什么|哪些|啥|不管)|(?<=[和与跟])有|有(?=[和与跟])")


def answer_duty(cat: Catalog, q: Query, doc: DocInfo, d: Draft) -> bool:
    intro, secs = _duty_sections(cat, doc)
    if ORG_ASKED.search(q.text):  # internal offices asked: the organisation section, quoted
        org = [p for p in cat.paragraphs.get(doc.doc_id, [])
               if re.search(r"机构设置|内设机构", p.section.rsplit(" > ", 1)[-1]) or re.search(r"内设.{0,4}(机构|处室|科室)", p.text)]
        if re.search(r"几|多少", q.text):  # a count asked: the paragraph that gives one
            # (or that says there are none: "单位无内设机构")
            counts = [p for p in org if re.search(r"(\d+|[一二三四五六七八九十]+)\s*个", p.text) or re.search(r"(?:无|没有|未设)(?:内设)?(?:机构|处室|科室)", p.text)]
            listed = next((m for p in org if (m := re.search(r"(?:包括|包含|设有|分别为)[：:]([^。：:]+)", p.text))
                           and m.group(1).count("、") >= 2), None)
            if not counts and listed is not None:
                # no count printed, the offices listed: the list quoted, and how many names it holds
                p = next(p for p in org if listed.group(0) in p.text)
                names = [n for n in re.split(r"[、，,]", listed.group(1).strip("；; ")) if n.strip()]
                d.computed.append(Decimal(len(names)))
                d.add(f"{describe(doc)}：“{p.text.rstrip('。')}”{d.cite(p)}。文中未写总数，按所列名称计共{len(names)}个。")
                return True
            org = counts
        if org:
            _quote_with_list(cat, doc, d, org[0])
            if re.search(r"几|多少", q.text) and (n := re.search(r"(\d+)\s*个", org[0].text)):
                d.record(doc, n.group(1), "个", org[0])  # the count, for a comparison of counts
            return True
    if NATURE_ASKED.search(q.text) and not DUTY_LIST.search(q.text) and intro is not None and intro.text.strip():
        d.add(f"{describe(doc)}：“{intro.text.rstrip('。')}”{d.cite(intro)}。")  # the nature asked: the opening
        return True
    # "X属于哪项职责" / "在X方面负责什么": the duty that names X, not the whole list
    subj = _DUTY_NOISE.sub("", DUTY_WHICH.sub("", subject_text(q)))
    # (the topics as written, "X、Y": the subject has lost its commas)
    whole = re.sub(r"^[和与跟]|[和与跟]?[上是有]*$", "", _TOPIC_NOISE.sub("", DUTY_WHICH.sub("", clean(re.sub(
        r"[？?。！!]|(?:是|有)?(?:哪些|什么|啥)$", "", q.subject_full or "")))))
    topics = [t for t in re.split(r"[和与及、，,]", whole.split("，")[-1] if "，" in whole else whole)
              if len(t) >= 2 and t not in ("职责", "职能")]
    if len(topics) >= 2 and (secs or intro is not None) and not UNITS_ASKED.search(q.text):
        # several topics ("在X和Y上…", "和X、Y有关的"): for each, the duty sentence that names it
        said: list[tuple[str, TextEvidence]] = []
        for t in topics:
            hit: tuple[float, TextEvidence] | None = None
            for p in cat.paragraphs.get(doc.doc_id, []):
                if not re.search(r"职责|职能", p.section):
                    continue
                for sent in split_sentences(p.text):
                    # (the topic itself, else most of its words: a topic "AB管理" in a duty "AB类控购管理")
                    fit = 1.0 if t in clean(sent) else overlap(t, clean(sent)) if len(t) >= 4 else 0.0
                    if fit >= 0.7 and (hit is None or fit > hit[0]):
                        hit = (fit, TextEvidence(doc=doc, section=p.section, page=p.page, text=sent, bbox=p.bbox,
                                                 para_idx=p.para_idx * 1000 + 999))
            if hit is not None and all(hit[1].text != e.text for _, e in said):
                said.append((t, hit[1]))
        if len(said) == len(topics):  # (each topic its own duty; else the question is read as a whole below)
            body = "；".join(f"与“{t}”有关的：“{e.text.rstrip('。；')}”{d.cite(e)}" for t, e in said)
            d.add(f"{describe(doc)}的职责中，{body}。")
            return True
    # (one short topic, "在X方面管什么", "职责里和X有关的": a word the duties print)
    # (a topic's generic head is not printed with it: "X管理", "X工作", "X方面" are duties naming X)
    topic = re.sub(r"^部门|[跟和与同]|有?关$|(?<=^..)(?:管理|工作|方面|事务|领域|业务)$", "", subj)
    topic = "" if re.search(r"[是干做啥么呢吗些几]", topic) else topic  # (question words are no topic)
    named = [p for p in cat.paragraphs.get(doc.doc_id, []) if re.search(r"职责|职能", p.section) and topic in p.text] \
        if len(topic) == 2 and not UNITS_ASKED.search(q.text) else []
    if 0 < len(named) <= 3 and not DUTY_WHICH.search(q.text):  # each duty that names it, its sentence quoted
        said = []
        for p in named:
            # (every sentence of the duty that names the topic: "负责X规划…。负责管理X工作。")
            sent = "".join([s for s in split_sentences(p.text) if topic in s][:4])
            ev = TextEvidence(doc=doc, section=p.section, page=p.page, text=sent, bbox=p.bbox, para_idx=p.para_idx * 1000 + 999)
            said.append(f"“{sent.rstrip('。；')}”{d.cite(ev)}")
        d.add(f"{describe(doc)}的职责中写到“{topic}”的：{'；'.join(said)}。")
        return True
    if (secs or intro is not None) and (DUTY_WHICH.search(q.text) or len(subj) >= 3) and not UNITS_ASKED.search(q.text):
        best: tuple[float, str | None, TextEvidence, bool] | None = None
        for p in cat.paragraphs.get(doc.doc_id, []):
            path = p.section.split(" > ")
            at = next((i for i, h in enumerate(path) if re.search(r"职责|职能", h)), None)
            if at is None:
                continue
            head = path[at + 1] if at + 1 < len(path) else None  # (an item not read as a heading: its paragraph)
            ov = overlap(subj, clean(p.text)) + 0.25 * (subj in clean(p.text))  # (a short topic by its characters too)
            # (a duty whose own heading names the topic, "（五）负责供水行业管理", before one that mentions it)
            titled = head is not None and overlap(subj, clean(head)) >= 0.5
            if best is None or ov + 0.5 * titled > best[0]:
                best = (ov + 0.5 * titled, head, p, titled)
        if best is not None and best[0] >= 0.5:
            _, head, p, titled = best
            whole_in = [s for s in split_sentences(p.text) if subj in clean(s)][:4]  # (each sentence naming it whole)
            sent = "".join(whole_in) or next((s for s in split_sentences(p.text) if overlap(subj, clean(s)) >= 0.5), p.text)
            if titled and len(split_sentences(p.text)) <= 6:
                sent = p.text.strip()  # the duty the topic heads, whole: what it is made of
            ev = TextEvidence(doc=doc, section=p.section, page=p.page, text=sent, bbox=p.bbox, para_idx=p.para_idx * 1000 + 999)
            item = _bare_heading(head) if head else _bare_heading(split_sentences(p.text)[0].rstrip("。；"))
            if head is None and not _NUMBERED.match(p.text) or clean(_bare_heading(head or split_sentences(p.text)[0])) in clean(sent) \
                    or re.search(r"职责|职能", item):  # (a heading "主要职责" under the duties names no item)
                # duties written as one paragraph, or a duty that is one sentence: the clause itself
                d.add(f"{describe(doc)}：“{sent.rstrip('。；')}”{d.cite(ev)}。")
                return True
            d.add(f"{describe(doc)}：这项工作属于“{item}”职责——“{sent.rstrip('。；')}”{d.cite(ev)}。")
            return True
    if DUTY_LIST.search(q.text) and secs:
        opening = f"“{intro.text.rstrip('。')}”{d.cite(intro)}。" if intro is not None and intro.text.strip() else ""
        # (duties written as numbered paragraphs: each whole, when the list is not too long to read)
        whole = [clean(p.text).rstrip("。；") if clean(p.text).startswith(clean(h)) else h for h, p in secs]
        heads = whole if sum(map(len, whole)) <= 1500 else [h for h, _ in secs]
        items = "；".join(f"{_bare_heading(h)}{d.cite(p)}" for h, (_, p) in zip(heads, secs, strict=True))
        d.add(f"{describe(doc)}：{opening}主要职责：{items}。" if opening else f"{describe(doc)}的主要职责：{items}。")
        return True
    if DUTY_LIST.search(q.text) and intro is not None and intro.text.strip():
        d.add(f"{describe(doc)}：“{intro.text.rstrip('。')}”{d.cite(intro)}。")  # duties written as one paragraph
        return True
    counted = counted_noun(q.text)  # (the units' vehicles counted, "单位…几辆车": not the units)
    if UNITS_ASKED.search(q.text) and not (counted and counted[0] not in "个家"):
        rows = [r for r in cat.doc_rows(doc.doc_id) if r.table_kind == "org"]
        if rows:
            items = "；".join(
                f"{r.label}（{'，'.join(f'{leaf(c)}：{v}' for c, v in r.values.items())}）{d.cite(r)}" for r in rows
            )
            d.add(f"{describe(doc)}包括的单位：{items}。")
            return True
        # no table of units: the sentence of the organisation section that says which units the budget holds
        # (one that counts the budget units first: "预算单位共计 8 家，具体包括：…")
        cands = [p for p in cat.paragraphs.get(doc.doc_id, []) if re.search(_UNITS_SECTION, p.section.rsplit(" > ", 1)[-1] + p.text[:12])
                 and re.search(r"包括|包含|由|分别[为是]", p.text)
                 and re.search(r"(?:预算|下属|所属)单位|预算(?:包括|包含|由)", p.text)]  # ("X局部门预算包括：1.…")
        said = min(cands, key=lambda p: not re.search(r"\d+\s*[家个]", p.text), default=None)
        if said is not None:
            _quote_with_list(cat, doc, d, said)
            # (the last list the sentence opens: "包括：局本级…，以及下属单位。下属单位具体包括：A、B")
            listed = next(reversed(list(re.finditer(r"(?:包括|包含|分别[为是])[：:]([^。：:]+)", said.text))), None)
            if re.search(r"几|多少", q.text) and not re.search(r"\d+\s*[家个]", said.text) and listed is not None:
                # a count asked, none printed: the names the sentence lists, counted and said to be counted
                names = [n for n in re.split(r"[、，,；;]|以及|和|\s*\d{1,2}[.．、]", listed.group(1).strip("；; ")) if n.strip()]
                d.computed.append(Decimal(len(names)))
                d.add(f"文中未写总数，按所列名称计共{len(names)}个。")
            return True
    return False


_UNITS_SECTION = r"机构设置|单位构成|预算单位|部门构成|预算构成"

# one table of a list ("6． 2026年预算单位一般公共预算支出功能分类预算表", "十三、部门整体支出绩效目标表")
_TABLE_ITEM = re.compile(r"^(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.．、]|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)])\s*(?:20\d\d年度?)?[^。；，]{2,60}?表(?:[（(][^）)]{1,20}[）)])?$")


def answer_tables_listed(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    """"公开了几张表": the numbered list of tables the release prints (its contents), each cited, and their count."""
    if not TABLES_ASKED.search(q.text):
        return False
    lists: dict[str, dict[str, TextEvidence]] = {}
    for p in cat.paragraphs.get(doc.doc_id, []):
        path = p.section.split(" > ")
        if _TABLE_ITEM.match(clean(p.text)):  # an item written as a paragraph
            lists.setdefault(p.section, {}).setdefault(clean(p.text), p)
        elif path and _TABLE_ITEM.match(clean(path[-1])):  # an item read as a heading
            lists.setdefault(" > ".join(path[:-1]), {}).setdefault(clean(path[-1]), p)
    items = max(lists.values(), key=len, default={})
    if len(items) < 3:
        return False
    d.computed.append(Decimal(len(items)))
    listed = "；".join(f"{_bare_heading(t)}{d.cite(p)}" for t, p in items.items())
    where = "目录" if next(iter(items.values())).section.startswith(CONTENTS) else ""  # (or its body's own list)
    d.add(f"{prefix}{describe(doc)}{where}列出的表共{len(items)}张：{listed}。")
    return True


_TABLE_WORDS = re.compile(r"20\d\d年度?|公开|有没有|是否|哪|什么|张|报?表|预算|决算|部门|单位|情况|(?:放|列|写|载|见)[在于]?|[“”\"的了是在里中些]")


def answer_table_named(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    """The tables whose titles name what the question asks of ("X是哪张表": the release's tables titled by the
    thing asked, each cited by its first row)."""
    if not WHICH_TABLE_ASKED.search(q.text) or TABLES_ASKED.search(q.text):
        return False
    topic = _TABLE_WORDS.sub("|", re.sub("|".join(map(re.escape, aliases(doc.department))) or "^$", "", subject_text(q)))
    words = [w for w in topic.split("|") if len(w) >= 2]
    if not words:
        return False
    firsts: dict[int, RowEvidence] = {}
    for r in cat.doc_rows(doc.doc_id):
        firsts.setdefault(r.table_idx, r)
    def titled(title: str) -> bool:  # (each word's pairs in the title, one word whole)
        return all(any(w[i:i + 2] in title for i in range(len(w) - 1)) for w in words) and any(w in title for w in words)

    hits = [(t, firsts[t.idx]) for t in cat.tables.get(doc.doc_id, []) if t.idx in firsts and titled(_plain_entry(t.title))]
    if not hits or len(hits) > 12:
        return False
    d.computed.append(Decimal(len(hits)))
    listed = "；".join(f"《{t.title}》{d.cite(r)}" for t, r in hits)
    d.add(f"{prefix}{describe(doc)}公开的表中，题目写到“{'、'.join(words)}”的有{len(hits)}张：{listed}。")
    return True


_RELEASE_WORDS = re.compile(r"文件|材料|公开|说明|文字|报告|文本|目录|内容|(?:部门|单位)(?:综合)?(?:预算|决算)")
_BUDGET_NOUNS = re.compile(r"支出|收入|经费|资金|费用?|拨款|资产|项目")
_PART_HEAD = re.compile(r"^第[一二三四五六七八九十\d]+部分[：:、\s]*")


def answer_contents(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    """How the release is laid out: the parts its 目录 lists ("由哪些部分构成", "分成几个部分"), or the entries under
    one part the question names ("“X”这一部分讲了哪些内容", "X部分有几部分"), each cited; with no 目录, its body's "第N部分" headings."""
    entries = [p for p in cat.paragraphs.get(doc.doc_id, []) if p.section.startswith(CONTENTS)]
    text = re.sub(r"20\d\d年度?", "", clean(q.text))
    # a part named: an entry of the 目录 that has entries under it, printed (without its numbering) in the question
    named = None
    for p in entries:
        own = _NUMBERED.sub("", re.sub(r"20\d\d年度?", "", _PART_HEAD.sub("", clean(p.text)))).lstrip("：:、 ")
        # (or by a quoted part of its name, "“X说明”这一部分", or by its name without its owner, "X表部分")
        said = own if own in text else next((x for x in [*re.findall(r"“([^”]{4,})”", text), re.sub(r"^(?:部门|单位)", "", own) + "部分"]
                                             if re.sub(r"部分$", "", x) in own and x in text and len(x) >= 4), "")
        after = text[text.find(said) + len(said):]
        if p.section == CONTENTS and len(own) >= 4 and said and (PART_CONTENT_ASKED.search(after) or PARTS_ASKED.search(after)):
            named = p
    if named is not None:
        under = [p for p in entries if p.section == f"{CONTENTS} > {named.text}"]
        if under:
            d.computed.append(Decimal(len(under)))
            head = f"{prefix}{describe(doc)}目录中“{clean(named.text)}”{d.cite(named)}"
            listed = "；".join(f"{clean(p.text)}{d.cite(p)}" for p in under)
            d.add(f"{head}下列有{len(under)}项：{listed}。")
            return True
    if _contents_by_place(entries, text, doc, d, prefix) \
            or _contents_has(entries, cat.paragraphs.get(doc.doc_id, []), text, doc, d, prefix):
        return True
    m = PARTS_ASKED.search(text)
    # (of the release itself, "部门预算文件 / 公开材料 / 文字说明由哪些部分构成"; not "基本支出由哪些部分构成")
    before = re.sub(r"20\d\d年度?", "", text[: m.start()] if m else "")
    if not m or not _RELEASE_WORDS.search(before[-14:]) or _BUDGET_NOUNS.search(before[-8:]):
        return False
    parts = [p for p in entries if p.section == CONTENTS]
    where = "目录"
    if len(parts) < 2:  # no 目录 read: the body's own "第N部分" headings, in order
        seen: dict[str, TextEvidence] = {}
        for p in cat.paragraphs.get(doc.doc_id, []):
            head = p.section.split(" > ")[0]
            if _PART_HEAD.match(clean(head)):
                seen.setdefault(clean(head), p)
        parts, where = list(seen.values()), "正文"
        if len(parts) < 2:
            return False
        names = list(seen)
    else:
        names = [clean(p.text) for p in parts]
    d.computed.append(Decimal(len(parts)))
    listed = "；".join(f"{n}{d.cite(p)}" for n, p in zip(names, parts, strict=True))
    d.add(f"{prefix}{describe(doc)}{where}分为{len(parts)}个部分：{listed}。")
    return True


# an entry of the 目录 asked by its place: what follows one ("X之后还有哪些"), the last or first part, or which part
# holds one ("X在第几部分")
_AFTER_ENTRY = re.compile(r"(?:之后|以后|后面|后边)[，,]?(?:还|又)?[^，,。？?]{0,6}?(?:哪些|什么|几)")
_END_PART = re.compile(r"(最后|第一|最前面?)的?(?:一个?|一项)?部分")
_WHICH_PART = re.compile(r"(?:放|列|排|写)?(?:在|是|属于)?(?:第几|哪一?)(?:个)?部分")


def _entry_named(before: str, entries: list[TextEvidence], text: str) -> TextEvidence | None:
    """The 目录 entry the words just before a place word name: the longest end of them it prints ("部门预算表后面",
    "…X在第几部分"); among equals, a part whose name ends with them, then one under the part the question
    names ("情况说明里…"); a last word alone names a part ("表后面": the part of the tables)."""
    before = _plain_entry(re.split(r"[，,。？?]", before)[-1])[-12:]
    best: tuple[int, bool, float, TextEvidence] | None = None
    for p in entries:
        own = _plain_entry(_NUMBERED.sub("", clean(p.text)))
        k = next((n for n in range(len(before), 1, -1) if before[-n:] in own), 0)
        names_part = p.section == CONTENTS and own.endswith(before[-k:])  # ("预算表后面": the part "部门预算表")
        under = overlap(p.section.split(" > ")[-1], text) if p.section != CONTENTS else 0.5
        if k >= 2 and (best is None or (k, names_part, under) > best[:3]):
            best = (k, names_part, under, p)
    if best is None and before:
        return next((p for p in entries if p.section == CONTENTS and _plain_entry(p.text).endswith(before[-1])), None)
    return best[3] if best else None


_TOLD_OF = re.compile(r"(?:的)?(?:情况|说明|部分|内容|事项|一节|章节|吗|呢|没有)+$")


def _contents_has(entries: list[TextEvidence], paras: list[TextEvidence], text: str, doc: DocInfo, d: Draft,
                  prefix: str) -> bool:
    """"有没有说明X（情况）": the 目录 entries that name each thing asked, each cited with the first paragraph of its
    section in the body (a table asked is left to the tables' own answer). Asked with no verb of telling, a thing
    must be an entry's whole name ("有没有X" of "七、X情况")."""
    if not (m := SECTION_HAS_ASKED.search(text)):
        return False
    what = _TOLD_OF.sub("", _plain_entry(m.group("what")))
    if what.endswith("表"):
        return False
    own = [(p, _plain_entry(_NUMBERED.sub("", clean(p.text)))) for p in entries]
    hits: list[TextEvidence] = []
    for thing in (t for t in re.split(r"[和及与、]", what) if len(t) >= 2):
        named = [p for p, o in own if not o.endswith("表") and (thing in o if m.group("verb") or what != m.group("what")
                                                               else _TOLD_OF.sub("", o) == thing)]
        # (under the part the question names first: "决算说明里" -> the entries of the 情况说明 part)
        hit = max(named, key=lambda p: overlap(p.section.split(" > ")[-1], text) if p.section != CONTENTS else 0.0, default=None)
        if hit is None:
            return False  # (a thing no entry names: not the 目录's to answer)
        if hit not in hits:
            hits.append(hit)
    if not hits:
        return False
    said = "；".join(f"“{clean(p.text)}”{d.cite(p)}" for p in hits)
    d.add(f"{prefix}{describe(doc)}有，目录中列有：{said}。")
    for p in hits:  # what the section itself opens with
        body = next((x for x in paras if not x.section.startswith(CONTENTS) and clean(x.section.split(" > ")[-1]) == clean(p.text)), None)
        if body is not None:
            d.add(f"正文“{clean(p.text)}”一节写道：“{body.text.strip().rstrip('。')}”{d.cite(body)}。")
    return True


def _plain_entry(t: str) -> str:
    return re.sub(r"[“”\"「」『』]", "", clean(t))


def _contents_by_place(entries: list[TextEvidence], text: str, doc: DocInfo, d: Draft, prefix: str) -> bool:
    parts = [p for p in entries if p.section == CONTENTS]
    if len(parts) < 2:
        return False
    if (m := _AFTER_ENTRY.search(text)) and (hit := _entry_named(text[: m.start()], entries, text)) is not None:
        same = [p for p in entries if p.section == hit.section]
        if after := same[same.index(hit) + 1:]:
            head = f"{prefix}{describe(doc)}目录中“{clean(hit.text)}”{d.cite(hit)}之后列有："
            d.add(head + "；".join(f"{clean(p.text)}{d.cite(p)}" for p in after) + "。")
            return True
    if m := _END_PART.search(text):
        p = parts[-1] if m.group(1) == "最后" else parts[0]
        d.add(f"{prefix}{describe(doc)}目录中{'最后' if m.group(1) == '最后' else '第一'}一部分是“{clean(p.text)}”{d.cite(p)}。")
        return True
    if (m := _WHICH_PART.search(text)) and (hit := _entry_named(text[: m.start()], parts, text)
                                            or _entry_named(text[: m.start()], entries, text)) is not None:
        # (an entry under a part: itself when it is a "第N部分", else with the part it is listed under)
        held = next((p for p in parts if hit.section == f"{CONTENTS} > {p.text}"), None)
        if held is None or _PART_HEAD.match(clean(hit.text)):
            d.add(f"{prefix}{describe(doc)}目录中“{clean(hit.text)}”{d.cite(hit)}。")
        else:
            d.add(f"{prefix}{describe(doc)}目录中“{clean(hit.text)}”{d.cite(hit)}列在“{clean(held.text)}”{d.cite(held)}下。")
        return True
    return False


# the release itself asked of, not a thing in it: who signed it off ("谁终审", "谁审签"), when it was dated
_MARK_ROLE = re.compile(r"谁[^，。？?]{0,4}?(终审|审核|审签|签发|签批|编制|审定|批准|负责)|(终审|审核|审签|签发|审定)(?:人|的)?是谁")
_MARK_WHEN = re.compile(r"(?:" + WHEN_ASKED + r"|哪年哪月|哪一?天|哪年|日期)[^，。？?]{0,6}?(?:编制|发布|公开|印发|出具|形成|落款|写成)"
                        r"|(?:编制|发布|公开|印发|出具|落款|成文)[^，。？?]{0,4}?(?:" + WHEN_ASKED + r"|哪年哪月|哪一?天|日期|时间)")
_DATE_LINE = re.compile(r"(?:20\d\d|二[〇○零][一二三四五六七八九〇○零]{2})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月"
                        r"(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?")
_ROLE_LINE = re.compile(r"^[^，。：:]{0,12}?(终审|审核|审签|签发|签批|编制|审定|批准|负责人)[^，。：:]{0,8}[：:]\s*\S{2,}")


def answer_release_mark(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    """What the release is, who signed it off, when it was dated: the lines of its cover or last page that say so
    ("上海市2026年市级单位预算", "终审：某某", "二〇二五年七月")."""
    paras = cat.paragraphs.get(doc.doc_id, [])
    # (a field the cover labels, asked by name: "封面所列主管部门叫什么")
    hits = [(t, p) for p in paras if p.section == COVER for t in p.text.split(" ")
            if len(key := t.partition("：")[0]) >= 4 and t != key
            and re.search(re.escape(key) + r"[^，。？?]{0,8}?(?:哪|什么|谁|全称|名称)", clean(q.text))]
    role, when, kind = _MARK_ROLE.search(q.text), _MARK_WHEN.search(q.text), RELEASE_KIND_ASKED.search(q.text)
    if not (hits or role or when or kind):
        return False
    last = max((p.page for p in paras), default=0)
    # (the cover is one paragraph of its lines; other short lines of the first pages or the last one stand alone)
    lines = [(t, p) for p in paras if p.section == COVER for t in p.text.split(" ")] + \
            [(clean(p.text), p) for p in paras if p.section != COVER and not p.section.startswith(CONTENTS)
             and len(clean(p.text)) <= 40 and (p.page <= 2 or p.page == last)]
    if kind:
        # (the whole cover, which prints the title; or else the first line of the text that names the release)
        hits += [(p.text, p) for p in paras if p.section == COVER and find_title(clean(p.text))][:1] or \
                [(t, p) for p in paras if not p.section.startswith(CONTENTS) and find_title(t := clean(p.text))][:1]
    if role:
        word = next(w for w in role.groups() if w)
        hits += [(t, p) for t, p in lines if (m := _ROLE_LINE.match(t)) and word[:2] in m.group(0)]
    if when:
        hits += [(t, p) for t, p in lines if _DATE_LINE.fullmatch(t)]
    # (once each, and not a line the whole cover quoted already)
    hits = [(t, p) for k, (t, p) in enumerate(hits) if not any(t in x for x, _ in hits[:k]) and
            not any(t in x and t != x for x, _ in hits[k + 1:])]
    if not hits:
        return False
    said = "".join(f"“{t}”{d.cite(p)}" for t, p in hits[:3])
    where = "封面" if hits[0][1].section == COVER or hits[0][1].page <= 2 else "末页" if hits[0][1].page == last else "正文"
    d.add(f"{prefix}{describe(doc)}{where}写有：{said}。")
    return True


def _quote_with_list(cat: Catalog, doc: DocInfo, d: Draft, p: TextEvidence) -> None:
    """A paragraph quoted whole, with the numbered items after it when it opens a list ("设N个…，包括：")."""
    said = f"“{p.text.rstrip('。：:')}”{d.cite(p)}"
    if not (_LIST_OPENS.search(p.text.strip()) or re.search(r"[：:]\s*1[.、．]", p.text)):
        # the list opened by the paragraph right after, in the same section (a count, then "具体包括：")
        nxt = next((x for x in cat.paragraphs.get(doc.doc_id, []) if x.para_idx == p.para_idx + 1), None)
        if nxt is not None and nxt.section == p.section and _LIST_OPENS.search(nxt.text.strip()):
            said += f"。“{nxt.text.rstrip('。：:')}”{d.cite(nxt)}"
            p = nxt
    last = [t for t in cat.doc_texts(doc.doc_id) if t.para_idx // 1000 == p.para_idx][-1:]
    if last and (_LIST_OPENS.search(p.text.strip()) or re.search(r"[：:]\s*1[.、．]", p.text)):  # (or holds item 1)
        items = [f"{clean(x.text).rstrip('。')}{d.cite(x)}" for x in _list_after(cat, last[0])]
        if not items and re.search(r"[：:]$", p.text.strip()):
            # the list printed as a table on the same page ("包括：" then a table of the units): its rows' names
            items = [f"{r.label}{d.cite(r)}" for r in cat.doc_rows(doc.doc_id)
                     if r.page == p.page and r.table_kind in ("other", "org") and r.label and not r.values][:20]
        if items:
            said += "：" + "；".join(items)
    d.add(f"{describe(doc)}：{said}。")


def _bare_heading(h: str) -> str:
    return re.sub(r"^(\d+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)", "", h).strip()


_NUMBERED = re.compile(r"^(第[一二三四五六七八九十]+部分|[（(]?[一二三四五六七八九十\d]+[)）、.．]?)\s*")


_TASK_NOISE = re.compile(r"(?:打算|计划|准备)(?:[\u4e00-\u9fa5]{1,3}?(?=做|干|开展|搞|推进|举办|组织))?(?:做|干|开展|搞|推进|举办|组织)?些?|方面|领域|这一?块|重点|工作|任务|[有的]|[做干抓]$")


_INNER_ITEM = re.compile(r"^[一二三四五六七八九十]+是")


def _inner_items(cat: Catalog, doc: DocInfo, p: TextEvidence) -> list[tuple[str, list[TextEvidence]]]:
    """A paragraph's items opened by a short sentence "一是X。", "二是Y。": (that sentence, it and the sentences up to
    the next item)."""
    sents = [t for t in cat.doc_texts(doc.doc_id) if t.para_idx // 1000 == p.para_idx]
    out: list[tuple[str, list[TextEvidence]]] = []
    for t in sents:
        if _INNER_ITEM.match(t.text.strip()) and len(clean(t.text)) <= 24:
            out.append((t.text, [t]))
        elif out:
            out[-1][1].append(t)
    return out


def answer_task(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    """A plan asked about a topic: the item of the work-task section that names the topic, by its heading
    ("（三）抓某项工作") or its opening sentence ("扎实开展某项工作。"), quoted whole."""
    subj = clean(_TASK_NOISE.sub("", TASK_ASKED.sub("", subject_text(q))))
    if not TASK_ASKED.search(q.text) or MONEY_ASKED.search(q.text):
        return False
    paras = cat.paragraphs.get(doc.doc_id, [])
    if len(re.sub(r"要|抓|[前头]?[一二两三四五六七八九十\d]+[项条个]", "", subj)) < 2:
        # no topic named (the plan as a whole): the items of the work-task section, each by its heading
        heads: dict[str, TextEvidence] = {}
        for p in paras:
            path = p.section.split(" > ")
            at = next((i for i, h in enumerate(path) if TASK_HEADINGS.search(h)), None)
            if at is not None and at + 1 < len(path):
                heads.setdefault(path[at + 1], p)
        if len(heads) < 2:
            return False
        items = "；".join(f"{_bare_heading(h).rstrip('。')}{d.cite(p)}" for h, p in heads.items())
        d.add(f"{prefix}{describe(doc)}列出的工作任务有：{items}。")
        return True
    best: tuple[float, list[TextEvidence]] | None = None
    core = re.sub(r"(?<=^..)(?:建设|管理|工作|事务|业务)$", "", subj)
    for p in paras:
        path = p.section.split(" > ")
        at = next((i for i, h in enumerate(path) if TASK_HEADINGS.search(h)), None)
        if at is None:
            continue
        if at + 1 < len(path):  # an item under its own heading: all its paragraphs
            item, group = path[at + 1], [x for x in paras if x.section.split(" > ")[: at + 2] == path[: at + 2]]
        else:  # an item opened by a short sentence in its paragraph
            item, group = split_sentences(p.text)[0], [p]
            if len(clean(item)) > 24:
                # (or items inside it, each opened by a short "一是X。", "二是Y。": the item and its sentences)
                for item, group in _inner_items(cat, doc, p):
                    fit = max(overlap(subj, clean(item)), overlap(core, clean(item)) if core != subj else 0.0)
                    if fit >= 0.6 and (best is None or fit > best[0]):
                        best = (fit, group)
                continue
        # (a topic's generic head is not printed with it: "X建设" is an item naming X)
        fit = max(overlap(subj, clean(item)), overlap(core, clean(item)) if core != subj else 0.0)
        if fit >= 0.6 and (best is None or fit > best[0]):
            best = (fit, group)
    if best is None:
        return False
    body = "".join(f"“{x.text.rstrip('。；')}”{d.cite(x)}。" for x in best[1][:3])
    d.add(f"{prefix}{describe(doc)}：{body}")
    return True


def answer_section(cat: Catalog, q: Query, doc: DocInfo, d: Draft, prefix: str = "") -> bool:
    """A thing of X asked (X's 立项依据, X's 实施内容): the section headed with it ("（2）立项依据"), under a heading
    that names the rest of the subject (the project X), is the answer: its paragraphs, quoted."""
    subj = clean(subject_text(q))
    if len(subj) < 4 or MONEY_ASKED.search(q.text) or re.search(r"多少|几", q.text):
        return False
    best: tuple[float, list[TextEvidence]] | None = None
    paras = cat.paragraphs.get(doc.doc_id, [])
    for p in paras:
        path = [_NUMBERED.sub("", h) for h in p.section.split(" > ")]
        head = clean(path[-1]) if path else ""
        if len(head) < 3 or head not in subj:
            continue
        rest = subj.replace(head, "")
        above = clean("".join(path[:-1]))
        if len(rest) < 2 or "名词解释" in above:
            continue  # (the heading alone is the subject: the other readings answer it)
        fit = overlap(rest, above)
        if fit >= 0.6 and (best is None or fit > best[0]):
            best = (fit, [x for x in paras if x.section == p.section])
    if best is None and _OPEN_ASKED.search(q.text):
        # a section asked about as a whole ("X情况怎么样"): the section whose heading is the subject, quoted
        core = re.sub(r"(?:的|现在)?(?:情况|状况|现状)?$", "", _OPEN_ASKED.sub("", subj))
        cores = [core, *(clean(x) for x in _quoted(q.text))]  # (or a heading quoted: "…最后的“X说明”")
        for p in paras:
            head = clean(_NUMBERED.sub("", p.section.split(" > ")[-1]))
            fit = max(overlap(c, head) if len(c) >= 4 and len(head) >= 4 and not re.search(r"名词解释|^目录", p.section) else 0.0
                      for c in cores)  # (not a line of the contents page)
            if fit >= 0.8 and (best is None or fit > best[0]):
                best = (fit, [x for x in paras if x.section == p.section])
    if best is None:
        return False
    body = "".join(f"“{x.text.rstrip('。；')}”{d.cite(x)}。" for x in best[1][:3])
    d.add(f"{prefix}{describe(doc)}“{_NUMBERED.sub('', last_heading(best[1][0]))}”一节：{body}")
    return True


_OPEN_ASKED = re.compile(r"(?:是)?(?:怎么样|怎样|如何)|(?:介绍|说说|讲讲|谈谈)(?:一下)?|有什么情况|(?:讲|说|写)了?(?:些|点)?(?:什么|啥)")
