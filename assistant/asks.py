"""A question → its asks. "X是多少？比上年增加了多少？为什么？" is three asks about X; "A和B的X各是多少？哪个高？"
is one value ask (answered in each named document) and one comparison; "X、Y、Z分别是多少" is three asks.

Each ask is a standalone question: a part that has no subject of its own ("比上年增加了多少") takes the
first part's subject phrase. Names that contain 和/及/与 (row labels, department names) are never split:
they come from the stored documents (``protected``), not from a list here.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from assistant.vocab import (
    ANAPHOR,
    ASK_TAIL,
    CHANGE_Q,
    COMPARE_Q,
    DIFF_ASKED,
    DISTRIBUTIVE,
    FOLLOW_UP,
    FUND_COLUMN,
    GAP_COUNTER,
    INCLUDING_FIRST,
    INSTRUCTION,
    INTERROGATIVE,
    LISTED_SUM_Q,
    MORE_OR_LESS,
    SECTION_HAS_ASKED,
    SOURCE_ASKED,
    SOURCE_CHOICE,
    SUBJECT_ASKED,
    SUBJECT_NOUN,
    SUBJECTLESS,
    TOP_ITEM,
    WHY_ASKED,
    without_comparison,
)
from ingest.text import longest

_CLAUSE = re.compile(r"[？?；;！!]+|(?<=[^\d])[，,](?=[^\d])")
# a follow-up asked of each thing the ask before listed ("各占…")
_EACH_OF = re.compile(r"^(?:那|而且|并且)?(?:各自|各|分别)(?=占|是|为|有|比)")
# a clause that is only a noun, asked by its question mark ("X总额？")
_NOUN_ASKED = re.compile(r"(?:" + SUBJECT_NOUN.pattern + r"|总额|金额|总数|规模)$")
_LIST_SEP = re.compile(r"[、和及与跟]|以及")
_COMPARED_WITH = re.compile(r"[和与跟同][^，,？?、和与及跟]{1,20}?(?:相比|比较|对比|比)(?!例|重)")
_QUESTION_END = re.compile(r"(?:(?:一年|每年|全年|今年)(?:一共|总共|共)?(?:花|用)了?)?"
                           r"(?:各自?|分别)?(?:是|为|有|安排|花|用|拨|列支?|得|打)?了?"
                           r"(?:多少(?:钱|万元|元|[个辆台人次名项家所处套件本条分][\u4e00-\u9fa5]{0,3})?|几[^，,]{0,2}|什么|哪些|吗|呢|如何|怎么样?)[？?。]*$")
_DONE_VERB = re.compile(r"(?:(?:安排|花|用|拨|投入|预计|计划|有)了?|一共|总共|共计|加起来)$")  # "X安排了" before "其中Y": X
_BOTH = r"(?:两者|二者|两家|两边|它们|它俩|这两[个家项笔]?(?:单位|部门)?|前者比后者|后者比前者)(?:之间)?"
_WITHIN = re.compile(r"其中|(?:这)?里面|当中")
# a fund's part asked "as well" ("其他收入的又有多少"): of the whole before, as the part asked before it is
_FUND_PAID = rf"(?:用|从|由|靠)?(?:当年)?(?:{FUND_COLUMN.pattern})(?:预算)?(?:管理)?(?:拨款)?(?:资金|经费|收入)?(?:安排|列支|支付)?"
_FUND_PART_TOO = re.compile(_FUND_PAID + r"的(?:部分|那部分)?[又还]")
_CONTAINER = re.compile(r"[^，,。？?]{2,40}?(?:中|里|当中|里面)[，,]")  # "…支出中，": what the things after it are in
# "培训费呢": the ask before, of another thing ("跟上年比呢" is a change, not a thing)
_OTHER_THING = re.compile(r"(?:那么?)?((?![和跟与同比较])(?!.*(?:去年|上年|同比|相比)).{2,20}?)(?:又|的)?呢")
_SHARE_OF = re.compile(r"(?:在|于)[^，,？?]{1,14}?(?:中|里|当中|之中)占")  # "在全部收入中占多少": a denominator
_BOUNDARY = re.compile(r"[，,：:]|其中|里面?|当中|之中|的|20\d\d年度?|\x00\d+\x00")


@dataclass(frozen=True)
class Ask:
    text: str  # a standalone question
    op: str = "value"  # value / compare (compare: answered from the other asks' figures)
    items: tuple[str, ...] = ()  # "X、Y分别是多少": the standalone question of each listed thing
    names: tuple[str, ...] = ()  # the listed things themselves (to check that an answer covers each)
    subject: str = ""  # its own subject phrase ("" for a follow-up: "比上年增加了多少")
    tail: str = ""  # a follow-up's own words, or what "其中X" asks within the subject before (X)


def _subject_phrase(clause: str) -> str:
    """The clause without its question tail: "北京市商务局2026年收入预算是多少" -> "北京市商务局2026年收入预算"."""
    m = ASK_TAIL.search(clause)
    head = clause[: m.start()] if m else clause
    return re.sub(r"[的，,：:\s]+$", "", head)


# a clause opening with what it asks ("X，多少是A的、多少是B的"): no subject before it
_ASK_FIRST = re.compile(r"(?:又|还)?有?多少(?!人|个|项|名|家|次)")


def fund_part_too(tail: str) -> bool:
    """A fund's part of the whole before, asked alongside another part ("事业收入安排的还有多少"): the other
    part's row, whatever columns it prints, does not answer it."""
    return _FUND_PART_TOO.match(tail) is not None


def _own_subject(clause: str) -> bool:
    """Whether a later clause names a subject of its own (a leading 其中 aside)."""
    rest = re.sub(r"^(?:其中|(?:这)?里面|当中)", "", clause)
    if FOLLOW_UP.match(rest) or ANAPHOR.match(rest) or _SHARE_OF.match(rest):
        return False
    if _ASK_FIRST.match(rest) or _FUND_PART_TOO.match(rest):
        return False
    if (told := SECTION_HAS_ASKED.match(rest)) and told.group("verb"):
        return True  # "有没有讲X": whether the release tells of X, a thing of its own
    if rest.startswith("项目") and len(rest) > 4 and not _own_subject(rest[2:]):
        return False  # "项目按期完工了吗": the project named before, what is asked of it
    if (src := SOURCE_CHOICE.search(rest)) and not re.sub(r"^(?:用|花)?的?(?:是|为)?|[？?。，,]", "", rest[: src.start()] + rest[src.end():]):
        return False  # "用的是A资金还是B资金": where the money before comes from
    if re.search(r"(?:部门|单位)(?:综合)?(?:预算|决算)(?:总额|总数|总计|总共|一共)?(?:是|有|为)?(?:多少|几)", rest):
        return True  # a release's whole ("另一份单位预算多少"): a subject of its own
    rest = SUBJECTLESS.sub("", re.sub(SUBJECT_ASKED, "", rest))  # ("列在哪个科目下": where the subject before is printed)
    # a subject is a budget noun phrase ("公务用车费用", "运维项目数量"); "共接待了多少人" continues the one before
    # (and so does the money alone, or a source of it, "经费用掉几何", "那上年结转呢": the thing before's)
    rest = re.sub(r"[^\u4e00-\u9fa5A-Za-z]", "", rest)
    # (or paid from a fund, "由X资金安排的还有多少": the thing before's part from that fund)
    money_only = re.fullmatch(r"(?:(?:用|从|由|靠)(?=.))?(?:当年)?(?:财政拨款|其他资金|上年结转资金|(?:一般公共|政府性基金|国有资本经营)"
                              r"(?:预算)?(?:拨款)?)?(?:资金|经费|费用|款项?)?(?:安排|列支|支付)?(?:部分)?[又还]?占?", rest)
    return len(rest) >= 2 and bool(SUBJECT_NOUN.search(rest)) and not (money_only and not _WITHIN.match(clause))


def _mask(text: str, protected: list[str]) -> tuple[str, list[str]]:
    """Replace protected names (longest first) by placeholders so list separators inside them are kept."""
    kept: list[str] = []
    quoted = re.findall(r"[“「『\"][^”」』\"]{2,30}[”」』\"]", text)  # a quoted name is one name
    # "和2025年年初预算比": the base of a comparison, not a list
    # (so too a bracketed list, "某基金（甲、乙、丙）": one thing's own parts)
    bracketed = re.findall(r"[（(][^（）()]{1,30}[）)]", text)
    protected = [*quoted, *_COMPARED_WITH.findall(text), *bracketed, *protected]
    for name in protected:
        if name in text and (_LIST_SEP.search(name) or name in quoted):
            mark = "\x01" if name in quoted else "\x00"  # (a quoted name is a listed thing, not context before the list)
            text = text.replace(name, f"{mark}{len(kept)}{mark}")
            kept.append(name)
    return text, kept


def _unmask(text: str, kept: list[str]) -> str:
    return re.sub(r"[\x00\x01](\d+)[\x00\x01]", lambda m: kept[int(m.group(1))], text)


_LIST_REFERENT = re.compile(r"(?:这|那)(?:[两三四五六七八九十]|几)(?:块|项|个|笔|部分|类|样|种)(?:的?(?:钱|费用|经费|支出|预算))?$")


def _shared_tail(items: list[str], kept: list[str]) -> str:
    """The noun the last listed item ends with, when each item before it is a bare stem as long as the last one's
    ("收、支总计": 总计; "人员、公用经费": 经费); "" otherwise."""
    last = _unmask(items[-1], kept)
    if any("\x00" in it or "\x01" in it or len(it) > 4 for it in items) or len(last) < 3:
        return ""
    cut = _plain_words().lcut
    words = cut(last)
    if len(words) != 2 or len(words[0]) > 2 or len(words[1]) < 2:
        return ""
    head, tail = words
    return tail if all(not it.endswith(tail) and len(cut(it)[-1]) == len(head) for it in items[:-1]) else ""


def warm() -> None:
    """Load the word splitter's dictionary now (at load), not on a user's first question that lists items."""
    _plain_words().initialize()


@functools.cache
def _plain_words() -> Any:
    """jieba with its own dictionary only (the index adds whole budget terms, "项目支出", to the shared one)."""
    import jieba

    return jieba.Tokenizer()


def _enumerate(clause: str, protected: list[str], departments: list[str], units: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """"X、Y、Z分别是多少" -> (["X是多少", "Y是多少", "Z是多少"], ["X", "Y", "Z"]) (context before the list
    kept on each); ([], []) when the clause lists nothing."""
    # "两条X（A、B）各多少": the bracket lists the things each asked (the kind before it names them all)
    clause = re.sub(r"(?:(?<=年|的|[，,])|^)[^，,（()\d年的]{0,16}[（(]([^（）()]{2,80})[）)](?=各|分别)",
                    lambda m: m.group(1) if _LIST_SEP.search(m.group(1)) else m.group(0), clause)
    # (a department's own name holding 和, "某某和某某厅", is one name)
    masked, kept = _mask(clause, sorted({*protected, *departments}, key=longest))
    dist = DISTRIBUTIVE.search(masked)
    tail_at = dist.start() if dist else (m.start() if (m := ASK_TAIL.search(masked)) else len(masked))
    head, pred = masked[:tail_at], masked[tail_at:]
    head = _LIST_REFERENT.sub("", head)  # ("X、Y、Z这三块各多少": the list named again)
    if dist:  # (a spending verb stays: "各花了多少" asks what each spent)
        pred = ("花" if re.search(r"[花用]", dist.group(0)) else "") + pred[dist.end() - dist.start():]
    chunks = [c for c in _LIST_SEP.split(head)]
    if len(chunks) < 2 or any(not c.strip() for c in chunks):
        return [], []
    # chunks that are only a department (or its placeholder) are the scope, not items
    def is_dept(c: str) -> bool:
        flat = re.sub(r"20\d\d年度?|的|[，,]", "", _unmask(c, kept))
        return any(flat == d or (flat.endswith(d) and len(flat) - len(d) <= 4) for d in departments)

    items = [c for c in chunks if not is_dept(c)]
    if len(items) < 2 or all(re.match(r"20\d\d年", c) for c in items[1:]) and re.search(r"20\d\d年", items[0]):
        return [], []  # (two years of one thing, "A年X和B年的X": years compared, not things listed)
    if not dist and not all("\x00" in c or "\x01" in c or len(c) >= 2 for c in items):
        return [], []
    first = items[0]
    # (a protected name that is the first thing itself, "X和Y能力建设、Z", is no boundary before it)
    cut = max((m.end() for m in _BOUNDARY.finditer(first) if not (m.group(0).startswith("\x00") and m.end() == len(first))),
              default=0)
    context, items[0] = first[:cut], first[cut:]
    if not items[0]:
        return [], []
    short = min(len(_unmask(it, kept).rstrip("，,")) for it in items[1:])  # ("A与B，哪一家…": the comma is no part of B)
    if len(items[0]) > short + 3:
        # "X（code）年初预算和支出决算": the listed things are as long as the later items; the rest is their owner
        import jieba

        words = jieba.lcut(items[0])
        k = len(words) - 1
        while k > 0 and len("".join(words[k:])) < short:
            k -= 1
        # (a bracket belongs to the word before it: "出国（境）费" is not cut at its bracket)
        while k > 0 and (words[k][:1] in "（(" or len(re.findall(r"[（(]", pre := "".join(words[:k]))) > len(re.findall(r"[）)]", pre))):
            k -= 1
        context, items[0] = context + "".join(words[:k]), "".join(words[k:])
    # ("A、B两个项目，各多少": the count names the list again)
    items[-1] = re.sub(r"(?:这|那)?[两二三四五六七八九十几]+(?:个|项|笔)(?:项目|科目|事项)?[，,]?$", "", items[-1]) or items[-1]
    if (both := re.search(r"(?:都|均)(?=[^，,]{2,})", items[-1])) and both.start() >= 2:
        # "A和B都做了“X”项目，两家各多少": what follows 都 is said of each item (the count naming them again aside)
        rest = re.sub(r"[，,]?(?:这|那)?[两二三四五六七八九十几]+(?:个|项|笔|家|所|位)?$", "", items[-1][both.end():])
        items[-1], pred = items[-1][: both.start()], rest + pred
    if "的" in (last := items[-1]) and not any("的" in it for it in items[:-1]) and last.rfind("的") >= 2:
        # "A和B的X是多少": X asked of each, not "A" and "B的X"
        items[-1], pred = last[: last.rfind("的")], last[last.rfind("的"):] + pred
        # ("A和B拿到的X": a verb after the last body is asked of each too)
        at = max((items[-1].rfind(u) + len(u) for u in units if u in items[-1]), default=0)
        if at and re.fullmatch(r"[\u4e00-\u9fa5]{1,3}", verb := items[-1][at:]) and not SUBJECT_NOUN.search(verb) \
                and all(any(u in _unmask(it, kept) for u in units) for it in items[:-1]):
            items[-1], pred = items[-1][:at], verb + pred
    if tail := _shared_tail(items, kept):  # ("收、支总计", "基本、项目支出": the last item's noun is said of each)
        items[:-1] = [it + tail for it in items[:-1]]
    if (word := re.match(r"总计|合计|小计", pred)) and all(_unmask(it, kept).endswith(word.group(0)) for it in items[:-1]):
        # "A总计和B总计是多少": the last item's own 总计, not "in all"
        items[-1], pred = items[-1] + word.group(0), pred[word.end():]
    pred = pred or "是多少"
    if not INTERROGATIVE.search(pred):
        pred = "是多少"
    if (comma := re.search(r"[，,]", items[-1])) and comma.start() >= 2 and items[-1][comma.end():]:
        # "X和Y，2026年Z各是多少": the words after the list's comma are what each item is asked
        items[-1], pred = items[-1][: comma.start()], items[-1][comma.end():] + pred
    last = _unmask(items[-1], kept)
    if (own := re.match(r"(.{2,20}?本级)的(.{2,})$", last)) and any(d in own.group(1) for d in departments) \
            and all(re.search(r"本级$", _unmask(it, kept)) for it in items[:-1]):
        # "A局本级和B局本级的X": X is asked of each department's own unit
        items[-1], pred = own.group(1), own.group(2) + pred
    elif (body := next((u for u in sorted(units, key=longest) if last.startswith(u) and len(last) >= len(u) + 2), ""))\
            and all(_unmask(it, kept) in units for it in items[:-1]):
        # "A单位和B单位收入各多少": what follows the last body is asked of each
        items[-1], pred = body, last[len(body):] + pred
    elif (year := re.search(r"20\d\d年度?", items[-1])) and any(u in items[-1][: year.start()] for u in units):
        # "单位X和单位Y2026年的Z各是多少": the year and what follows it are asked of each unit
        items[-1], pred = items[-1][: year.start()], items[-1][year.start():] + pred
    lead = "".join(c for c in chunks[: chunks.index(first)])  # departments named before the list
    return [_unmask(f"{lead}{context}{it}{pred}", kept) for it in items], [_unmask(it, kept) for it in items]




_AGAINST_YEAR = re.compile(r"^(?:那|而且|并且)?(?:跟|和|与|同)(20\d\d年度?[^，。？?和与跟同]{0,10}?)(?:相)?比(?:起来|较)?"
                           r"(?:怎么样|如何|怎样|呢|有什么变化|有何变化)$")


def _years_compared(clause: str, question: str) -> bool:
    """Year A against year B, "more or less" ("前一年的X比后一年多还是少"): two years' figures, compared."""
    return bool(MORE_OR_LESS.search(clause) and len(set(re.findall(r"20\d\d", question))) >= 2)


def _summed(clause: str, protected: list[str], scope: list[str], bodies: tuple[str, ...]) -> bool:
    """"A和B加起来（一共）多少": two or more things listed, then their sum asked."""
    return bool(LISTED_SUM_Q.search(clause)) and len(_enumerate(LISTED_SUM_Q.sub("", clause), protected, scope, bodies)[0]) >= 2


_SHARED_NAME = re.compile(r"^(?:同样|同|都)(?:是|为|属)[\u4e00-\u9fa5]{1,10}?[，,]")


# "X局（2025年单位预算）": the reader's aside on which year's release, read as written without its brackets
_RELEASE_ASIDE = re.compile(r"[（(](20\d\d年度?的?(?:部门|单位)?(?:预算|决算))[）)]")


def asked_text(question: str) -> str:
    """The question without what asks nothing: "同样是X局，…" (what the bodies compared share names them) and what a
    whole includes ("算上A和B后"); spaces dropped."""
    text = _RELEASE_ASIDE.sub(r"\1", re.sub(r"\s+", "", question))
    return INCLUDING_FIRST.sub("", _SHARED_NAME.sub("", text))


def split_asks(question: str, protected: list[str] | None = None, departments: list[str] | None = None,
               units: list[str] | None = None, places: list[str] | None = None) -> list[Ask]:
    """The asks of a question, in order. A question with one ask gives [Ask(question)]. Units (bodies inside a
    document) are listed things, "A单位和B单位的X各多少"; departments are the scope."""
    protected = sorted(set(protected or []), key=longest)
    scope = sorted(set(departments or []), key=longest)
    bodies = tuple(units or ())
    departments = sorted(set(scope) | set(bodies), key=longest)
    text = asked_text(question)
    # (each piece with whether a question mark ends it: "X总额？Y又是多少？" asks two things)
    raw: list[tuple[str, bool]] = []
    at = 0
    for sep in [*_CLAUSE.finditer(text), None]:
        c = text[at: sep.start() if sep else len(text)]
        if c:
            raw += [(p, bool(sep) and sep.group(0)[0] in "？?") for p in _pieces(c)]
        at = sep.end() if sep else len(text)
    # a clause with no question word belongs to the next one ("…三公经费里，因公出国、公务接待分别花多少")
    clauses: list[str] = []
    carry = ""
    for c, asked in raw:
        if INTERROGATIVE.search(c) or COMPARE_Q.search(c) or clauses and (_OTHER_THING.fullmatch(c) or SOURCE_ASKED.search(c)) \
                or asked and not carry and _NOUN_ASKED.search(c) and "还是" not in c:  # ("是A还是B？" chooses)
            clauses.append(carry + c)
            carry = ""
        else:
            carry += c + "，"
    if carry:
        if clauses:
            clauses[-1] += "，" + carry.rstrip("，")
        else:
            clauses.append(carry.rstrip("，"))
    if len(clauses) <= 1 and not (clauses and (DISTRIBUTIVE.search(clauses[0]) or COMPARE_Q.search(clauses[0])
                                               or _summed(clauses[0], protected, scope, bodies) or _years_compared(clauses[0], question)
                                               or _enumerate(clauses[0], protected, scope, bodies)[0])):
        return [Ask(question)]  # (one clause that compares, "A和B的X哪个多": the figures, then the comparison)
    asks: list[Ask] = []
    compare_before = False
    context = ""  # what a follow-up continues: the clause before it, without its question tail
    subject_context = ""  # the last clause with a subject of its own, so read
    for i, c in enumerate(clauses):
        written = c  # the clause as asked, before what it continues is added
        if i > 0 and INSTRUCTION.match(c) and asks:
            last = asks[-1]  # "请算出百分比" belongs to the ask before
            asks[-1] = Ask(last.text + "，" + c, last.op, last.items, last.names, last.subject)
            continue
        if i > 0 and "决算" not in c:
            # "与20XX年执行数比较怎样": the subject before against a year's figure, a change over the year (a year's
            # 决算 is another release: the two compared)
            c = _AGAINST_YEAR.sub(r"比\1增减多少", c)
        # (year A against year B, "more or less": two years' figures, compared, when both years are named)
        compare = bool(COMPARE_Q.search(c)) or names_both(c, scope + (places or [])) or _years_compared(c, question)
        pair = re.fullmatch(r"(?:那|而且|并且)?" + _BOTH + DIFF_ASKED + GAP_COUNTER, c)  # ("这两项差距多大"): the two figures asked before
        # ("A和B各自多少？相差几个": how far apart the things the ask before listed are)
        listed_before = bool(asks) and (bool(asks[-1].items) or bool(DISTRIBUTIVE.search(asks[-1].text)))
        # (two years named: a growth asked after them ("增长多少") asks how far apart the years are, not a change within one year)
        grown = len(set(re.findall(r"20\d\d", question))) >= 2 and re.fullmatch(
            r"(?:那|而且|并且)?(?:一共|总共|大概|大约)?(?:增长|增加|减少|下降|变化|涨|降)了?(?:多少|几)" + GAP_COUNTER, c)
        # (two years asked, then "Y年比X年高出几何": the two years' figures, how far apart)
        # (each year named with its release kind: one year's budget against another year's final account)
        release = r"年度?的?(?:预算|决算|实际|执行)?数?"
        two_years = re.fullmatch(r"(?:那|而且|并且)?(20\d\d)" + release + r"比(20\d\d)" + release + DIFF_ASKED + GAP_COUNTER, c)
        # (a gap, and nothing else, after two figures asked: a last clause "两者差值有多大")
        gap = re.fullmatch(r"(?:那|而且|并且)?(?:两者|二者|它们)?(?:之间)?的?(?:差额|差值|相差|差距|差)了?(?:有|是|为)?(?:多少|几|多大)"
                           + GAP_COUNTER, c)
        if i > 0 and ((re.fullmatch(r"(?:那|而且|并且)?(?:20\d\d年度?)?(?:比20\d\d年度?)?" + DIFF_ASKED + GAP_COUNTER, c) or grown)
                      and (compare_before or listed_before) or pair and asks or gap and len(asks) >= 2
                      or two_years and two_years.group(1) != two_years.group(2) and len(asks) >= 2
                      or names_both(c, scope + (places or [])) or names_one(c, scope + (places or []))):
            if not any(a.op == "compare" for a in asks):  # the comparison says how far apart
                asks.append(Ask(question, "compare"))
            compare_before = True
            continue
        compare_before = compare_before or compare
        c = without_comparison(c).replace("比一比", "")
        summed = False
        if _summed(c, protected, scope, bodies):
            c, summed = LISTED_SUM_Q.sub("", c), True  # "A和B加起来": the figures of A and B, then their sum
        if i > 0 and asks and (other := _OTHER_THING.fullmatch(c)):
            # "培训费呢": the ask before, asked of another thing ("那B局呢": of another body)
            before = asks[-1].text
            tail_at = ASK_TAIL.search(before)
            c = other.group(1) + (before[tail_at.start():] if tail_at else "是多少")
        own = i == 0 or _own_subject(c)
        # (after a change asked, "…较上年增减几何？其中Z…": Z is a part of the subject, unless Z asks a change too)
        base = subject_context if _WITHIN.match(c) and not CHANGE_Q.search(c) and subject_context else context
        if subject_context and asks and CHANGE_Q.search(asks[-1].text) and TOP_ITEM.search(c):
            base = subject_context  # (after a change asked, the subject's largest item: of the subject, not its change)
        if _FUND_PART_TOO.match(c) and subject_context:  # (of the whole, without the fund the part before was paid from)
            base = re.sub(rf"[，,]?{_FUND_PAID}的?$", "", subject_context)
        tail, within_ask = c, False
        orgs = [d for d in departments if len(d) >= 3 and d in c]
        if i > 0 and not own and orgs and not ("占" in c and all(o in scope for o in orgs)):
            # "无锡统计局本级又是多少": another body, the same thing asked as before
            # (not the release's own department as the whole of a share: "在X局整个部门里占多少" is the thing before, in X)
            rest = context
            for d in departments:
                if len(d) >= 3:
                    rest = rest.replace(d, "")
            c, own = rest + c, True
        elif i > 0 and (within := _WITHIN.match(c)) and own:
            # "其中X是多少": X within the subject before; X's own words are what it asks
            tail, within_ask = c[within.end():], True
            c = _DONE_VERB.sub("", base) + "里" + tail
        elif i > 0 and not own and re.match(r"20\d\d年", c) and (year := re.search(r"20\d\d年度?", context)) \
                and re.fullmatch(r"的?(?:预算|决算|执行)?数?", context[year.end():]):
            c = context[: year.start()] + c  # "X在2021年预算几何？2020年预算呢": X, in the year this clause names
        elif i > 0 and not own and (asked := re.match(r"20\d\d年度?", c)) and (year := re.search(r"20\d\d年度?", context)) \
                and asked.group(0)[:4] != year.group(0)[:4] \
                and (asked.group(0)[:4] > year.group(0)[:4] or "预算" in c and not re.search("执行|实际|决算", c)) \
                and len(thing := re.sub(r"(?:实际|执行|预算|决算|安排|花|用|拨|数|的|了)+$", "", context[year.end():])) >= 2:
            # "X年Y的实际支出…？Z年的预算…": Y, in year Z, as this clause asks it (an earlier year's 执行数 is
            # printed by the later budget: asked after a budget, it stays in the release asked first)
            # (without the earlier year's actual-spending words: "X实际支出" asked as a budget is X's budget; the thing
            # may be all before the year, "X，2024年实际支出多少")
            thing = re.sub(r"(?:(?:实际|执行)[\u4e00-\u9fa5]{0,2}|预算|决算|安排|花|用|拨|数|的|了)+$", "", thing)
            c = context[: year.start()] + asked.group(0) + thing + c[asked.end():]
        elif i > 0 and not own and asks and (named := next((n for n in sorted(asks[-1].names, key=longest)
                                                            if len(n) >= 2 and c.startswith(n)), "")):
            # "X中A和B各是几？A较上年减了几何": A as the ask before listed it, with what it is listed within (X)
            item = asks[-1].items[asks[-1].names.index(named)]
            c = item[: item.index(named)] + c
        elif i > 0 and c.startswith("项目") and "项目" in context and (not own or c.startswith("项目的")):
            # a bare "项目" after a project named ("X项目得了几分？项目按期完工了吗", "项目的Y指标呢"): that project
            c = context[: context.rfind("项目") + 2] + c[2:]
        elif i > 0 and not own:
            if asks and asks[-1].subject and _ASK_FIRST.match(c):
                base = asks[-1].subject + "，"  # ("X，多少是A的、多少是B的": X's, not the clause before's)
            # ("X的自评：A几何？B几何": a thing of its own asked of the topic before the colon)
            topic = re.match(r"[^：:]{4,}[：:]", base)
            if topic and len(_subject_phrase(c)) >= 2 and not (CHANGE_Q.search(c) or re.search(WHY_ASKED, c) or ANAPHOR.match(c)):
                base = topic.group(0)
            c = base + (ANAPHOR.sub("", c, count=1) or c)  # "这个项目干什么用": the subject before, 干什么用
        if i > 0 and own and asks and (held := _CONTAINER.match(asks[0].text)) \
                and (any(c.startswith(n) for n in (*asks[-1].names, *asks[0].names) if len(n) >= 2)
                     or not orgs and not re.search(r"20\d\d年", c)):
            # "X支出中，A和B各多少？B较上年增长几何": B is still X's B; "X项目里，A多少？B多大": B of X
            c = held.group(0) + c
        if own or not context or CHANGE_Q.search(tail) or _WITHIN.match(tail):
            # a follow-up continues the subject; a change continues into its reason ("比上年少了多少？为什么"),
            # a part into what it is used for ("其中X占多少，作何用途")
            context = _QUESTION_END.sub("", c)
            if own and not within_ask:
                subject_context = context
        if INTERROGATIVE.search(c) or not compare:
            if not any(_key(a.text) == _key(c) for a in asks):
                items, names = _enumerate(c, protected, scope, bodies)
                if i > 0 and not items and asks and asks[-1].names and (each := _EACH_OF.match(written)):
                    # "X和Y各多少？各占…的比例": each thing listed before, asked the same
                    names = list(asks[-1].names)
                    items = [f"{n}{written[each.end():]}" for n in names]
                if i > 0 and not own and not DISTRIBUTIVE.search(tail) and re.search(WHY_ASKED, tail):
                    items, names = [], []  # a reason asked after a list: of the subject before as a whole, not of each listed thing
                asks.append(Ask(c, items=tuple(items), names=tuple(names), subject=_subject_phrase(c) if own else "",
                                tail=tail if not own or within_ask else ""))
        elif not asks:  # "A和B，哪一项更高": the figures of A and B, then the comparison
            c = c.rstrip("，,") + "是多少"
            items, names = _enumerate(c, protected, scope, bodies)
            asks.append(Ask(c, items=tuple(items), names=tuple(names), subject=_subject_phrase(c)))
        if compare and not any(a.op == "compare" for a in asks):
            asks.append(Ask(question, "compare"))
        if summed and not any(a.op == "sum" for a in asks):
            asks.append(Ask(question, "sum"))
    # the comparison and the sum come last: they read the figures the other asks give
    asks.sort(key=lambda a: a.op in ("compare", "sum"))
    if len(asks) == 1 and not asks[0].items:
        return [Ask(question)]
    return asks


def names_both(clause: str, departments: list[str]) -> bool:
    """One named department against another, how far apart ("甲局比乙局高出几何")."""
    m = re.fullmatch(r"(?:那|而且|并且)?(.{2,16}?)(?:的)?比(.{2,16}?)(?:的)?" + DIFF_ASKED + r"[？?。]*", clause)
    if not m:
        return False
    # (a side may be a named department's short form: "甲街道…和乙局…，街道比乙局多几何")
    sides = [{d for d in departments if len(d) >= 2 and (g.endswith(d) or g.endswith(d + "本级") or g in d)}
             for g in (m.group(1), m.group(2))]
    return all(sides) and sides[0] != sides[1]


def names_one(clause: str, departments: list[str]) -> bool:
    """One of the named departments, how much more than the other ("A和B的X各多少？A多多少")."""
    m = re.fullmatch(r"(?:那|而且|并且)?(.{2,16}?)(?:的)?(?:要|还|会)?" + DIFF_ASKED + GAP_COUNTER + r"[？?。]*", clause)
    return bool(m) and sum(1 for d in departments if len(d) >= 2 and (m.group(1).endswith(d) or m.group(1) in d)) >= 1 \
        and len(set(departments)) >= 2


_WHO_MORE = r"(?:(?:谁|哪(?:一)?(?:个|家|边|方|个部门|个单位)?)的?(?:更|最)?(?:高|多|大|少|低)[，,]?)?"  # ("谁多，多多少")


def how_far_apart(clause: str, departments: list[str]) -> bool:
    """A clause that asks only how far apart the things before are ("两者相差…", "A比B多…", "A多…")."""
    return bool(re.fullmatch(r"(?:那|而且|并且)?" + _WHO_MORE + "(?:" + _BOTH + ")?" + DIFF_ASKED + GAP_COUNTER + r"[？?。]*", clause)) \
        or names_both(clause, departments) or names_one(clause, departments)


def _key(ask: str) -> str:
    return re.sub(r"各自?|分别|是|的|[，,。？?]", "", ask)


def _pieces(clause: str) -> list[str]:
    """"公务用车费用是多少、比上年多了多少、为什么" is three clauses (each part asks), not a list."""
    parts = clause.split("、")
    if len(parts) > 1 and all(INTERROGATIVE.search(p) for p in parts):
        return parts
    return [clause]
