"""Question understanding: which documents (department, year), which subject and column,
and what kind of answer (figure, purpose, definition, list, comparison, computation)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.evidence import DocInfo
from assistant.vocab import (
    AIM,
    ANSWER_FORM,
    BUDGET_NOUN_START,
    DIFF_ASKED,
    EACH_YEAR,
    EMPHASIS,
    EXECUTION_ASKED,
    FINDING_ASKED,
    GAP_COUNTER,
    GOAL_ASKED,
    HELD,
    HOW_ASKED,
    INCLUDED_PARTS,
    INCLUDING_FIRST,
    INTERROGATIVE,
    LEAD_REQUEST,
    MEASURE_ASKED,
    MORE_OR_LESS,
    RATE_Q,
    READER_FORMS,
    SOURCE_LEAD,
    SOURCE_MENTION,
    TOTAL_NAMES,
    UNIT_REQUEST,
    USE_ASKED,
    USE_COLLOQUIAL,
    WHEN_ASKED,
    WHY_ASKED,
    after_of,
    asked_kinds,
    change_text,
)
from ingest.text import longest

_WS = re.compile(r"\s+")
_REGION = re.compile(r"^(中共)?([\u4e00-\u9fa5]{2,8}?(省|自治区|市|自治州|地区|盟|区|县|旗))")

# column intents: question words -> column leaf names
COLUMN_INTENTS: dict[str, tuple[str, ...]] = {
    "基本支出": ("基本支出",),
    "项目支出": ("项目支出", "专项业务经费"),  # (西安 综合预算 print 项目支出 as 专项业务经费支出)
    "人员经费": ("人员经费", "人员支出", "人员类", "工资福利支出"),
    "公用经费": ("公用经费", "日常公用支出", "公用支出"),
    "财政拨款": ("财政拨款", "财政拨款收入", "一般公共预算"),
}

_INTENT_ALIASES = {"人员经费": ("人员支出", "人员类"), "公用经费": ("公用支出", "日常公用")}

SANGONG_PARTS = ("因公出国（境）费", "公务用车购置及运行费", "公务接待费")

INTENT_WORDS: list[tuple[str, re.Pattern[str]]] = [
    # ("A和B各占多少": how much each is, no share unless a share word is said)
    ("share", re.compile(r"占比|(?<!各)占.{0,16}(比例|比重|多少(?![钱万元])|百分比|几成)|各占.{0,16}(比例|比重|百分比|几成)|百分之|比例是|比重")),
    ("diff", _DIFF := re.compile(r"相差|差额|差多少|多出|少了多少|高出|低于|增减|增加了多少|减少了多少|比上年|较上年|变化|"
                                 r"比.{1,24}(多|少|高|低)(多少|几)")),
    ("compare", re.compile(r"各是多少|各为多少|分别是|分别为|比较|哪个(多|大|高|少|低)|谁(多|高)|对比")),
    ("sum", re.compile(r"一共|总共|合计多少|加起来|总和|之和")),
    ("definition", re.compile(r"反映(?:的?是)?(?:哪些|什么)|是什么意思|指什么|指哪[几些两二三四五六七八九十]|什么是|含义|定义|是指|名词解释|包括哪些(内容|费用)|包括哪[几些两二三四五六七八九十]?(?:项(?!目)|块|类|部分|方面)")),
    ("purpose", re.compile(USE_ASKED + "|" + WHY_ASKED + "|" + WHEN_ASKED + r"|原因|主要是|" + AIM + r"|为了(?:解决)?什么|解决什么|什么作用|"
                           + GOAL_ASKED + "|" + FINDING_ASKED)),
    ("list", re.compile(r"有哪些|哪几|列出|包括哪些|都有什么|明细")),
    ("duty", re.compile(r"职责|职能|机构设置|内设机构|负责什么|管什么")),
    ("perf", re.compile(r"绩效|指标值|目标值|满意度|完成率|资金支出计划|支出进度")),
    ("whether", re.compile(r"有没有|有无|是否|是不是")),  # a yes or no the narrative states ("有没有下属单位")
    ("figure", re.compile(r"多少|几|金额|预算数|决算数|数额|规模|安排了|是多少|多大")),
]


_CLASS_MARK = re.compile(r"\s*[（(][类款项][）)]")  # a name marked as a 类 / 款 / 项 of the classification
# short names that are also ordinary budget words ("财政拨款", "人民政府办公室")
_COMMON_WORDS = {"财政", "政府", "人民政府", "发展", "社会", "规划", "自然资源", "卫生", "商业", "经济"}


_ORG_SUFFIX = re.compile(r"(委员会|办公室|办公厅|管理中心|街道办事处|中心|局|委|办|厅|院|部)$")
_SUFFIX_SHORT = {"委员会": ("委", "委员会"), "办公室": ("办", "办公室"), "办公厅": ("办", "办公厅", "厅"),
                 "管理中心": ("中心", "管理中心"), "街道办事处": ("街道", "街道办", "街道办事处")}


@lru_cache(maxsize=8192)
def abbreviations(name: str) -> list[str]:
    """The short forms people write for an organisation's name, built from the name itself:
    '发展和改革委员会' -> 发改委, '科学技术局' -> 科技局, '住房和城乡建设委员会' -> 住建委,
    '交通运输局' -> 交通局, '信访办公室' -> 信访办 (first characters of its words, or its first words)."""
    import jieba

    m = _ORG_SUFFIX.search(name)
    if not m or len(name) - len(m.group(0)) < 2:
        return []
    body, suffix = name[: m.start()], m.group(0)
    words = [w for w in jieba.lcut(body) if w not in ("和", "与", "及", "、")]
    if not words or len(words) > 4:
        return []

    def options(w: str) -> list[str]:
        if len(w) == 4:
            return [w[0], w[2], w[0] + w[2], w[:2], w]
        if re.fullmatch(r"第[一二三四五六七八九十\d]+", w):
            return [w, w[1:]]  # an ordinal without 第: 第一人民医院 -> 一医院
        return [w[0], w] if len(w) >= 2 else [w]

    combos = [""]
    for i, w in enumerate(words):
        # a later word may be left out ("安全生产监督管理局" -> 安监局)
        combos = [c + o for c in combos for o in options(w) + ([""] if i > 0 else [])]
    combos += ["".join(words[:k]) for k in range(1, len(words)) if len("".join(words[:k])) >= 2]
    out = {c + s for c in combos for s in _SUFFIX_SHORT.get(suffix, (suffix,))}
    return sorted(a for a in out if len(a) >= 3 and a != name)


@lru_cache(maxsize=8192)
def regions_of(name: str) -> tuple[str, ...]:
    """The places a name starts with: '上海市普陀区司法局' -> ('上海市', '普陀区'). A later piece is a short place
    name ('普陀区'), so '珠海市政府投资交通市政项目工务中心' has one place, not '政府投资交通市'."""
    out: list[str] = []
    rest = re.sub(r"[（(][^）)]*[）)]$", "", name)
    for _ in range(3):
        m = _REGION.match(rest)
        if not m or len(rest) - len(m.group(0)) < 2:
            break
        if out and len(m.group(2)) - len(m.group(3)) > 3:
            break
        out.append(m.group(2))
        rest = rest[len(m.group(0)):]
    return tuple(out)


def place_forms(place: str) -> tuple[str, ...]:
    """'珠海市' -> ('珠海市', '珠海'): the place as written with and without its ending."""
    m = re.search(r"(省|自治区|市|自治州|地区|盟|区|县|旗)$", place)
    short = place[: m.start()] if m else place
    return (place, short) if len(short) >= 2 else (place,)


def _strip_region(name: str) -> str:
    name = re.sub(r"[（(][^）)]*[）)]$", "", name)
    for r in regions_of(name):
        name = name[name.index(r) + len(r):]
    return name


@lru_cache(maxsize=8192)
def loosely_names(org: str, department: str) -> bool:
    """A short form that keeps pieces (two characters or more) of the name in order and its organisation
    ending: '政府办公厅' for 人民政府办公厅, '钻石交易办' for 钻石宝玉石交易联合管理办公室."""
    mo, md = _ORG_SUFFIX.search(org), _ORG_SUFFIX.search(_strip_region(department))
    if not mo or not md:
        return False
    body = re.sub(r"^中共", "", org)[: -len(mo.group(0))]
    for r in regions_of(department):  # the department's own places, with or without 市/区 ("普陀规划资源局")
        form = next((f for f in place_forms(r) if body.startswith(f)), "")
        body = body[len(form):]
    name = _strip_region(department)
    name = name[: len(name) - len(md.group(0))]
    if len(body) < 2 or mo.group(0) not in _SUFFIX_SHORT.get(md.group(0), (md.group(0),)):
        return False
    i, pos = 0, 0
    while i < len(body):
        for j in range(len(body), i + 1, -1):  # the longest piece that follows in the name
            at = name.find(body[i:j], pos)
            if at >= 0:
                i, pos = j, at + j - i
                break
        else:
            return False
    return True


@lru_cache(maxsize=4096)
def aliases(department: str) -> list[str]:
    """'长沙市信访局' -> ['长沙市信访局', '信访局', '信访']; '工会部门' -> ['工会部门', '工会'];
    '北京市发展和改革委员会' -> [..., '发改委', ...]."""
    out = [department]
    base = re.sub(r"[（(][^）)]*[）)]$", "", department)
    out.append(base)
    rest = base
    for r in regions_of(base):
        rest = rest[rest.index(r) + len(r) :]
        out.append(rest)
    if rest.startswith("委") and len(rest) >= 4 and (regs := regions_of(base)):
        # "中共…普陀区委社会工作部": a department of the party committee, also written "普陀区社会工作部"
        rest = rest[1:]
        out.extend([rest, *(f + rest for f in place_forms(regs[-1]))])
    elif rest.startswith("人民政府") and len(rest) >= 8:  # "人民政府万里街道办事处": the street office itself
        rest = rest[4:]
        out.append(rest)
    elif rest.startswith("国家") and len(rest) >= 5:  # "国家X局": the national level, as a place is ("X局")
        out.extend(abbreviations(rest))
        out.append(re.sub(r"(部门|委员会|办公室|办公厅|局|委|办|厅|院|部|中心)$", "", rest))
        rest = rest[2:]
        out.append(rest)
    out.extend(abbreviations(rest))
    if (regs := regions_of(base)) and len(rest) >= 2:  # ("长沙信访局": the place without its ending, then the body)
        out.extend(f + rest for f in place_forms(regs[-1])[1:])
    core = re.sub(r"(部门|委员会|办公室|办公厅|局|委|办|厅|院|部|中心)$", "", rest)
    if len(core) >= 2 and core not in _COMMON_WORDS:
        out.append(core)
    seen: dict[str, None] = {}
    for a in out:
        if len(a) >= 2:
            seen.setdefault(a, None)
    return list(seen)


# an organisation named in a question: a name (no particles) ending in an organisation word, optionally
# after its region; it must end there ("办公费" and "委托" are not organisations)
# (办 before 公 is the word 办公, "办公用房": no name ends there)
_ORG_WORDS = r"委员会|办公室|办公厅|办事处|街道|工会|局|委|办(?!公)|厅|中心|院|妇联|团委|科协|残联"  # what organisation names end in
_ORG_MENTION = re.compile(
    r"(?:[^\W\d_的和与及在是有年请问各哪个比占给]{2,5}?(?:省|自治区|市|区|县))?[^\W\d_的和与及在是有年请问各哪个比占给]{1,12}?"
    rf"(?:{_ORG_WORDS})"
    r"(?=$|[\W\d_]|[的和与及在是有今明去本部系单各分两共、安拨]|一般|预算|政府|基本|人员|公用|收入|支出|财政|三公|机关)"
)
_REGION_MENTION = re.compile(r"^(?:请问|什么是|什么叫)?(?:20\d\d年度?的?)?([^\W\d_的是什么]{2,5}?(?:省|自治区|市|区|县))(?!级|委|属|直)")
_ORG_END = re.compile(r"(局|委|办|厅|院|部|中心|部门|办公室|委员会|办事处|街道)$")
# the same names followed by anything ("深圳市政府办公厅编…"): only ever matched against stored documents' names
_ORG_CANDIDATE = re.compile(_ORG_MENTION.pattern.split("(?=")[0])
# a unit with a name of another kind ("…监察大队", "…水文站"): a unit only when a document lists it
_UNIT_KINDS = re.compile(r"(?:站|所|馆|学校|医院|幼儿园)$")
_UNDER = r"(?:下属|所属|直属|旗下|下面|底下|下辖)"  # a unit written under its department ("X局下面的Y所")
_PAYEE = re.compile(r"[-—－]|经费|补助|补贴|项目|资金")
_UNIT_MENTION = re.compile(_ORG_MENTION.pattern.split("(?:委员会")[0] + r"(?:支队|大队|总队|站|所|馆|学校|医院|幼儿园)")


def mentions(text: str, alias: str) -> list[int]:
    """Where an alias names its department in the text. A short name without an organisation ending
    ("工会", "审计", "教育", "信访") followed by a budget noun ("工会经费", "审计费", "教育支出", "信访事务")
    names a budget subject, not the department."""
    out: list[int] = []
    start = text.find(alias)
    while start >= 0:
        end = start + len(alias)
        if _ORG_END.search(alias) or len(alias) > 4 or not BUDGET_NOUN_START.match(text[end : end + 2]):
            out.append(start)
        start = text.find(alias, start + 1)
    return out

_ASKED_BODY = re.compile(r"(?:哪个|哪些|哪一个|哪一家|哪家|什么|何种)$")


def _own_level(text: str, dep: str, alias: str, named: dict[str, str]) -> bool:
    """"X局本级" written with any of the department's names ("气象局本级"), not inside another department's name
    ("某市X局（本级）", a place before the short name, is another's)."""
    others = [m.span() for o, a in named.items() if o != dep for m in re.finditer(re.escape(a), text)]
    if not any(alias.endswith(n) or n.endswith(alias) for n in aliases(dep) if len(n) >= 2):
        return False  # (a unit's name that found the department, "某中心（本级）": that unit's, not the department's)
    return any(not any(b <= m.start() < e for b, e in others) and (n == alias or not re.search(r"[省市区县]$", text[: m.start()]))
               for n in {alias, *aliases(dep)} if len(n) >= 2 for m in re.finditer(re.escape(n) + r"的?[（(]?本级", text))


def _bodies(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Bodies the text names; "承担哪个X办公室的工作" asks for a body, it names none; "X表中Y学院" and "X预算中Y分局"
    name Y."""
    text = re.sub(r"(?<=表)[中里内]|(?<=预算|决算|报告|说明|文件)(?:[里内]|中(?!心))", "，", text)
    text = text.replace("其中", "，")  # ("其中X中心": X中心; 其中 is no part of a name)
    return [m for m in pattern.finditer(text) if not _ASKED_BODY.search(text[: m.start()])]
_WHOLE_BODY = re.compile(r"^[占在于是]?[全本该各我](局|委|办|厅|院|部|中心|系统)$")
_NOT_REGION = {"全区", "全市", "本市", "本区", "市区", "城区", "辖区", "社区", "地区", "园区", "片区", "景区", "开发区"}


@dataclass
class Query:
    text: str
    docs: list[DocInfo] = field(default_factory=list)
    dept_named: bool = False
    ambiguous: list[str] = field(default_factory=list)  # departments when none was named and several fit
    unknown: list[str] = field(default_factory=list)  # organisations named that no document is about
    named: list[str] = field(default_factory=list)  # how the question writes each department it names
    units: list[str] = field(default_factory=list)  # units inside a document named by the question
    absent_units: list[str] = field(default_factory=list)  # units written under a named department it does not list
    years: list[int] = field(default_factory=list)
    across_years: bool = False  # a difference asked between two years' documents
    # the year whose figure is asked when it is the year before the document's ("表里2025年预算数"): a
    # budget prints last year's figures beside its own
    want_year: int | None = None
    intents: list[str] = field(default_factory=list)
    asked: set[str] = field(default_factory=set)  # vocab.asked_kinds: plan_final, use, why, define, 三公, …
    columns: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    subject: str = ""  # the question with department, year and question words removed
    written: str = ""  # the question as asked, when `text` spells out a short form it used
    subject_full: str = ""  # the question with department and year removed, question words kept

    @property
    def intent(self) -> str:
        return self.intents[0] if self.intents else "figure"


_KIND_WORDS = r"的|数|实际|执行|预算|决算"  # words of a release's kind, not of what is asked
_EVERY_YEAR = re.compile(r"(?:[两三四五]|几|这几|近几|近[两三四五])(?:个)?年(?:来|以来|间|里|度)?(?:的|分别|各)|历年|各年度?|每一?年|逐年")


def _clean(t: str) -> str:
    return _WS.sub("", t)


@lru_cache(maxsize=4096)
def _place_words(text: str) -> frozenset[str]:
    """Place names in a text, as jieba tags them (ns), two to four characters."""
    import jieba.posseg

    return frozenset(w for w, flag in jieba.posseg.lcut(text) if flag == "ns" and 2 <= len(w) <= 4)


def _by_place(text: str, pool: list[DocInfo], named: dict[str, str], places: set[str]) -> list[DocInfo]:
    """"广州商务局": a place written without 市 right before a name several documents share keeps the
    documents whose own name holds it; a known place ("北京气象局") keeps only that place's documents."""
    def before(d: DocInfo) -> list[str]:  # (each time the name is written: "甲市某局和乙市某局")
        return [p for m in re.finditer(re.escape(named[d.department]), text)
                if re.fullmatch(r"[\u4e00-\u9fa5]{2}", p := text[max(0, m.start() - 2) : m.start()])]

    kept = []
    for d in pool:
        shared = [x for x in pool if named[x.department] == named[d.department]]
        said = [p for p in before(d) if p in places or len(shared) > 1 and any(p in x.department for x in shared)]
        if said and not any(p in d.department for p in said):
            continue
        kept.append(d)
    # ("甲X局": 甲市X局, not 甲市乙区X局 — a district between the place and the name, unwritten, is another body,
    # when one body's name is the place and the name alone)
    def direct(d: DocInfo) -> bool:
        return any(re.fullmatch(rf"{re.escape(p)}[市省]?{re.escape(named[d.department])}(?:[（(].*)?", d.department) for p in before(d))
    return [d for d in kept if direct(d) or not before(d)
            or not any(direct(x) for x in kept if named[x.department] == named[d.department])]


def _listed_places(text: str, named: dict[str, str], places: set[str]) -> list[str]:
    """Known places listed (、/和/与/及) right before a department name the question writes once."""
    for a in sorted(set(named.values()), key=lambda n: (len(n), n)):
        i = text.find(a)
        head = re.sub(r"(?:这|那)?[两三四五六七八九十几\d]*[个家]?(?:市|区|县|省)?的?$", "", text[:i])
        parts = re.split(r"[、和与及跟]", head)
        found = []
        for part in reversed(parts):
            form = next((f for f in sorted(places, key=longest) if part.endswith(f) and len(part) - len(f) <= 4), "")
            if not form:
                break
            found.append(form)
        if len(found) >= 2:
            return found
    # (or listed elsewhere in the question: "同样是X局，甲地和乙地…")
    alt = "|".join(map(re.escape, sorted(places, key=longest)))
    if alt and (m := re.search(rf"(?:{alt})(?:[、和与及跟](?:{alt}))+", text)):
        return re.findall(alt, m.group(0))
    return []


_DATED = re.compile(r"(?:截至|截止|到)?(20\d\d)年(?:\d{1,2}月|底|末)|(?:截至|截止)(20\d\d)年")


# "A、B、C三家…" / "A和B两个单位…": the count of the bodies just listed says nothing more
_LIST_COUNT = re.compile(r"(?<=[局委办厅院心处站队所])(?:这|那)?[两二三四五六七八九十]+(?:家|个)(?:部门|单位|机构)?")


_CLAUSE = re.compile(r"[（(][^（）()]*[）)]|[^，,；;。？?！!（）()]*[，,；;。？?！!]|[^，,；;。？?！!（）()]+")


# "（不包括所属单位）", "（不含下属各中心）": bodies under the department set aside
_OWN_UNIT_ONLY = re.compile(r"[（(]?(?:不含|不包括|不包含|除去|扣除)(?:(?:下属|所属|二级)[^（）()，,]{0,8}|[^（）()，,]{0,8}?(?:单位|机构|中心))"
                            r"[）)]?[，,]?")


def _drop_included(question: str) -> str:
    """"收入总计是多少（上年结转也算进去）": a clause naming what the figure takes in is not the subject; the whole is asked."""
    parts = _CLAUSE.findall(question)
    kept = [p for p in parts if not (INCLUDED_PARTS.search(p) and not re.search(r"多少|几|什么|哪|吗|是否", p))]
    # "（不包括所属单位）": the department's own unit, as "本级" says
    kept = [("" if "本级" in question else "（本级）") if _OWN_UNIT_ONLY.fullmatch(p) else p for p in kept]
    return "".join(kept) if kept != parts and kept else question


_UNIT_BUDGET = re.compile(r"单位(?:综合)?(?:预算|决算)")
_DEPT_BUDGET = re.compile(r"部门(?:综合)?(?:预算|决算)")


def _own_parts(text: str, named: dict[str, str]) -> dict[str, str]:
    """Each named department's own words: from the list separator before its name ("…和2025年B局") to the next
    department's own words."""
    at = sorted((text.find(a), len(a), dep) for dep, a in named.items() if a in text)
    starts = []
    for k, (i, _, _) in enumerate(at):
        before = at[k - 1][0] + at[k - 1][1] if k else 0
        seps = [m.end() for m in re.finditer(r"[和与及跟同、，,]", text[before:i])]
        starts.append(before + seps[-1] if k and seps else (i if k else 0))
    return {dep: text[starts[k]: starts[k + 1] if k + 1 < len(at) else len(text)] for k, (_, _, dep) in enumerate(at)}


_CJK_ONLY = re.compile(r"[\u4e00-\u9fa5]+")
_STANDARD_TERMS = {w for k, v in COLUMN_INTENTS.items() for w in (k, *v)} | {w for v in _INTENT_ALIASES.values() for w in v} \
    | set(TOTAL_NAMES) | {"总支出", "总收入", "总预算", "总额"}


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    import jieba

    return tuple(jieba.lcut(text))


def _shortens(short: str, name: str) -> bool:
    """Whether `short` is `name` written short: the start of each of some of its words, in order, its first and last
    word among them ("公车购置费": 公务用车 购置 费)."""
    words = _words(name)
    if len(words[-1]) >= 2:  # (the name's last character is a word of its own: "维护费" -> 维护, 费)
        words = (*words[:-1], words[-1][:-1], words[-1][-1])

    def fits(s: str, k: int) -> bool:
        if not s:
            return k == len(words)
        if k == len(words):
            return False
        w = words[k]
        # (a word's start, or one character of each half of a four-character word: 公务用车 -> 公车; or, inside the
        # name, that word's last character, the thing it names: 单台公务用车油耗 -> 单台车油耗)
        heads = [w[:n] for n in range(1, len(w) + 1)] + ([w[0] + w[2], w[0] + w[3]] if len(w) == 4 else []) \
            + ([w[3]] if len(w) == 4 and 0 < k < len(words) - 1 else []) \
            + ([w[1:]] if len(w) >= 2 and w[0] == "第" else [])  # (an ordinal without 第: 第二医院 -> 二院)
        return any(s.startswith(h) and fits(s[len(h):], k + 1) for h in heads) \
            or (0 < k < len(words) - 1 and fits(s, k + 1))

    return len(words) >= 2 and fits(short, 0)


def writes_unit(short: str, unit: str) -> bool:
    """Whether a name written in a question is this listed unit: as printed without its place, by a usual short form,
    or by the start of some of its words ("社保X分局" for 社会保险X分局)."""
    if len(short) >= 4 and short[0] in "市区县" and not unit.startswith(short[0]):
        short = short[1:]  # "市一医院": the city's own, its place left unwritten
    if short == unit or short in abbreviations(unit) or len(short) >= 5 and _shortens(short, unit):
        return True
    # (a unit of a body, "某某管理局某某分局", written with the body's short form: "某局某某分局")
    m = re.match(r"(.{2,}?(?:局|委员会|委|办公室|办|中心|院))(.{2,8})$", unit)
    if m is None or not short.endswith(m.group(2)) or len(short) <= len(m.group(2)) + 1:
        return False
    head, body = short[: -len(m.group(2))], m.group(1)
    return head == body or head in abbreviations(body) or len(head) >= 3 and _shortens(head, body)


def short_forms(subject: str, printed: list[tuple[str, dict[tuple[str, str], list[str]]]],
                quoted: str = "") -> list[tuple[str, str]]:
    """Short forms in a subject for names the documents print ("公车购置费" for 公务用车购置费): whole words of the
    subject that no document prints and that write one printed name short (the start of some of its words), at
    least two characters shorter (the shortest such name, when only one is shortest). `printed`: each document's text
    and names by first and last character; `quoted`: what the question quotes, never a short form."""
    found: list[tuple[str, str]] = []
    cuts = [0]
    for w in _words(subject):
        cuts.append(cuts[-1] + len(w))
    for a, i in enumerate(cuts):
        for j in reversed(cuts[a + 1:]):
            short = subject[i:j]
            if len(short) < 3 or len(short) > 10 or found and i < subject.find(found[-1][0]) + len(found[-1][0]):
                continue
            names = {n for _, by_ends in printed for n in by_ends.get((short[0], short[-1]), ())
                     if len(n) > len(short) and _shortens(short, n)}
            if not names or not _CJK_ONLY.fullmatch(short) or short in quoted or any(short in t for t, _ in printed) \
                    or any(w in short for w in _STANDARD_TERMS):  # ("公用经费" is a standard term, not a short form)
                continue
            shortest = [n for n in names if len(n) == min(map(len, names))]
            # (a name only one character longer is the same words: nothing to write out)
            if len(shortest) == 1 and len(shortest[0]) >= len(short) + 2:
                found.append((short, shortest[0]))
            break
    return found


_SINGLE_QUOTED = re.compile(r"[‘']([^‘’'“”]{2,40})[’']")


# what a question sets aside ("除了A、B外，还有…", "A以外的其他X"): not what it asks
_SET_ASIDE_ALL = re.compile(r"[，,]?除了?[^。？?]{2,60}?(?:以外|之外|外)(?=[，,]?(?:还|另|其他|其余))")
_SET_ASIDE = re.compile(r"[\u4e00-\u9fa5]{2,8}?(?:以外|之外)(?=的?(?:其他|其余))")


def _after_last_of(other: str, rest: str, years_apart: bool) -> str:
    """The words after the last "的" ("B局2026年的部门预算" -> 部门预算: the release itself is the thing compared,
    unless what follows names it again, "…相比，谁的预算更多", or two years are compared: each year's release)."""
    return other.rsplit("的", 1)[1] if "的" in other and not re.search(r"预算|决算", rest) and not years_apart else ""


def understand(question: str, docs: list[DocInfo], scope: set[str] | None = None) -> Query:
    # ("到底是多少": "是多少"; "手里有多少": "有多少"; "…？用万元讲": the ask before it)
    question = SOURCE_LEAD.sub("", LEAD_REQUEST.sub("", question.strip()))
    for form, plain in READER_FORMS:
        question = form.sub(plain, question)
    while (plain := ANSWER_FORM.sub("", question)) != question:  # ("简单说一下就行，谢谢": each instruction)
        question = plain
    question = UNIT_REQUEST.sub("", re.sub(HELD, "", question)).rstrip("，, ")
    question = _SINGLE_QUOTED.sub(r"“\1”", question)  # ('X' and ‘X’ quote a name as “X” does)
    question = INCLUDING_FIRST.sub("", question)  # ("连同A、B以后的总计": the 总计)
    question = _drop_included(_LIST_COUNT.sub("", re.sub(EMPHASIS, "", question)))
    q = Query(text=question)
    text = _clean(question)
    pool = [d for d in docs if scope is None or d.doc_id in scope]
    places = {f for d in docs for r in regions_of(d.department) for f in place_forms(r)}

    def as_place(r: str) -> str:
        """"珠海交通市(政工务中心)": a known place followed by more name is that place; a district after
        it ("…新区", "…县") stays a place of its own."""
        if r in places:
            return r
        # "上海普陀区": a city then a district, both known; the district is the place meant
        inner = [r[len(p):] for p in places if r.startswith(p) and r[len(p):] in places]
        if inner:
            return max(inner, key=len)
        if re.search(r"(区|县|旗)$", r):
            return r
        # "列入广州市…": words run into a known place before it ("列入" is no part of the place)
        return max((p for p in places if r.startswith(p)), key=len, default="") \
            or max((p for p in places if r.endswith(p) and len(p) >= 3), key=len, default=r)

    # a date ("截至2025年10月", "2025年底") says when something was counted, not which year's budget
    dated = _DATED.sub("", text)
    q.years = sorted({int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", dated)})
    # departments named in the question (longest alias wins; several may be named)
    named: dict[str, str] = {}
    for d in pool:
        for a in aliases(d.department):
            if a in text and len(a) > len(named.get(d.department, "")) and mentions(text, a):
                named[d.department] = a
    # an alias that is part of a longer matched alias of another department does not count
    named = {k: a for k, a in named.items() if not any(a != b and a in b for b in named.values())}

    def inside_a_word(a: str) -> bool:
        """A short name with no organisation ending written only inside a longer word ("某医疗保障和某某建设"
        holds 医疗保障): a project's words, not the department (after a place or a particle it names it)."""
        if _ORG_END.search(a) or re.search(rf"(?:{_ORG_WORDS})$", a):
            return False  # (an organisation's own word: "总工会" names 工会)
        return not any(at == 0 or not re.match(r"[\u4e00-\u9fa5]", text[at - 1]) or re.search(r"[的和与及、在是年]$", text[:at])
                       or any(text[:at].endswith(p) for p in places) for at in mentions(text, a))

    named = {k: a for k, a in named.items() if not inside_a_word(a)}
    # an organisation written in a shorter form than any alias, or a unit that a document lists as its own
    resolved: set[str] = set()
    mentions_ = [*_bodies(_ORG_MENTION, text), *_bodies(_ORG_CANDIDATE, text), *_bodies(_UNIT_MENTION, text)]
    longer = {m.group(0) for m in mentions_}
    for m in mentions_:
        org = re.sub(r"^(?:下属|所属|旗下|下辖)的?(?=[\u4e00-\u9fa5]{4})", "", m.group(0))  # ("X局所属Y中心": Y中心; 直属分局 is a name)
        if any(org in a or (a in org and _ORG_END.search(a)) for a in named.values()):
            continue  # the department itself ("统计" inside "统计普查中心" is not)
        if m.start() > 0 and text[m.start() - 1] in "（(" and any(
                text[: m.start() - 1].endswith(a) and sum(c in a for c in org) >= 0.8 * len(org) for a in named.values()):
            continue  # its short form in brackets after it ("某某和某某厅（省某某厅）")
        core = _strip_region(org)
        rm = _REGION.match(org)
        place = as_place(re.sub(r"^中共", "", rm.group(0))) if rm and len(org) - len(rm.group(0)) >= 2 else ""
        if place and place not in places and not any(place in d.department or place in d.context for d in docs):
            place, rm, core = "", None, org  # ("某医附属市X医院": words before 市 that are no place of any document)
        near = [d for d in pool if place in d.department or place in d.context]
        # (a unit written without its place right under a department named with its own, "X局下属的Y支队": that one's)
        if not place and any(re.search(re.escape(a) + _UNDER + r"?的?$", text[: m.start()]) for a in named.values()):
            near = [d for d in near if d.department in named] or near
        hits = [d for d in near if loosely_names(org, d.department)]
        if not hits and (len(core) >= 4 or place and len(core) >= 3):  # "深圳市考试院": a unit under its full name
            unit = core if len(core) >= 4 else org
            # (a station, school or hospital only by the end of a name the document lists as a body, not as a payee of
            # a project's money: "辅助人员补助经费-珠海边检总站")
            whole = _UNIT_KINDS.search(unit) is not None
            hits = [d for d in near if unit not in d.department and (
                any(u.endswith(unit) and not _PAYEE.search(u[: -len(unit)]) for u in d.units) if whole else unit in d.context)]
            if hits:
                q.units.append(unit)
        # "某市疾控中心": a unit by the short form of its listed name (not the head of a longer one: "…局福田分局")
        lead = next((p for p in sorted(places, key=longest) if not rm and org.startswith(p)), "")  # ("西安疾控中心")
        short = org[len(lead):] if lead else core
        if re.match(r"[（(]?本级", text[m.end():]):
            short += "本级"  # ("某局本级" of a unit printed "某某管理局本级": the unit, by its body's short form)
        if not hits and len(short) >= 4 and not any(o != org and o.startswith(org) for o in longer):
            for d in (near if not lead else [d for d in pool if lead in d.department or lead in d.context]):
                # (or with its place: "广医…" writes 广州医科大学… short)
                full = {_strip_region(u) if writes_unit(short, _strip_region(u)) else u for u in d.units
                        if writes_unit(short, _strip_region(u)) or writes_unit(short, u)}
                if len(full) == 1:
                    printed = full.pop()
                    if short.endswith("本级"):  # (the body's own level: the body, as "某某管理局（本级）" is read)
                        printed, short = re.sub(r"[（(]?本级[）)]?$", "", printed), short[:-2]
                    # (and as written, when written otherwise: what the question lists is found by it)
                    q.units += [printed] + ([short] if short not in printed else [])
                    hits.append(d)
                    resolved.add(org)
        for d in hits:
            named.setdefault(d.department, org)
    own = _own_parts(text, named) if len(set(named.values())) > 1 else {}
    if named:
        q.dept_named = True
        q.named = sorted(set(named.values()), key=longest)
        pool = [d for d in pool if d.department in named]
        # "烟台、长沙、深圳这三个市信访局": places listed before a name several documents share each pick their own
        listed = _listed_places(text, named, places)
        if len(listed) >= 2:
            pool = [d for d in pool if any(p in d.department for p in listed)] or pool
        # (and a place no document is of, by the word segmenter's place tag: "某地信访局" with no release of it loaded)
        known = places | _place_words(re.sub(r"[“\"「『][^”\"」』]*[”\"」』]", "，", text))  # (not inside a quoted name)
        kept = _by_place(text, pool, named, known)
        if pool and not kept:  # "北京气象局" while only other cities' 气象局 are loaded
            q.unknown.extend(dict.fromkeys(p + a for p in known for a in named.values() if p + a in text))
        pool = kept
        # "X局本级": the department's own unit, one row among its units, in the documents the place kept
        # (a document of the 本级 unit itself, "某局（本级）", is not broken down by unit)
        # (a document not broken down by unit is the department's own level's: "本级" names it, no unit of it)
        q.units += [_strip_region(dep) for dep, a in named.items() if any(d.department == dep and d.units for d in pool)
                    and _own_level(text, dep, a, named) and "本级" not in dep]
    # organisations named in the question that no loaded document is about
    known = [a for d in docs for a in aliases(d.department)]
    quotes = [m.span() for m in re.finditer(r"[“\"「『][^”\"」』]{2,40}[”\"」』]", text)]
    for m in _bodies(_ORG_MENTION, text):
        org = re.sub(r"^[给向]|^(?:下属|所属|旗下|下辖)的?(?=[\u4e00-\u9fa5]{4})", "", m.group(0))  # ("给X中心安排": X中心, the money's recipient)
        if _WHOLE_BODY.search(org) or _CLASS_MARK.match(text, m.end()) or any(b < m.start() < e for b, e in quotes):
            continue  # "全局": the whole bureau; "…医院（项）": a budget subject; "“…中心…专项”": a quoted project's name
        core = _REGION.sub("", org) or org
        if len(core) <= 2:
            continue  # "医院的钱": a kind of body, no name
        if org not in named.values() and org not in resolved and _strip_region(org) not in q.units \
                and not any(a in org or core in a for a in known):
            q.unknown.append(org)
    written: list[str] = []  # units resolved from a short form written under their department
    # a unit written right under a named department ("X局下属的Y支队"): one of its units, by a short form of the name it
    # lists ("军休所"), or none of them
    for m in _bodies(_UNIT_MENTION, text):
        unit = re.split(_UNDER, m.group(0))[-1]  # ("…局下属Y支队" read as one name: Y支队)
        # (or under its department's release named first: "X局的预算里，下属Y支队")
        under = [dep for dep, a in named.items() if re.search(
            re.escape(a) + r"(?:20\d\d年度?)?的?(?:(?:部门|单位)?(?:预算|决算)(?:中|里)?[，,]?)?" + _UNDER + r"的?$",
            text[: m.end() - len(unit)])]
        if not under or unit in q.units:
            continue
        listed = {u for d in docs if d.department in under for u in d.units}
        ends = {u for u in listed if len(u) > len(unit) >= 4 and u.endswith(unit)}
        if len(ends) == 1 and not ends & set(q.units):  # ("下属某某执法大队": the one listed unit it ends)
            q.units += [ends.pop(), unit]
            written.append(unit)
            continue
        if any(u.endswith(unit) or unit.endswith(u) for u in listed if len(u) >= 4) \
                or any(unit in d.context for d in docs if d.department in under):
            continue
        short = {u for u in listed if _shortens(unit, _strip_region(u))}
        if len(short) == 1:
            q.units += [short.pop(), unit]
            written.append(unit)
        else:
            q.absent_units.append(unit)
    # regions named in the question must be the document's own
    regions = [as_place(r) for r in _REGION_MENTION.findall(text)
               if r not in _NOT_REGION and not any(r.endswith(x) for x in _NOT_REGION) and not re.match(r"^(目前|现在|今年|明年|去年|本|该|各|全|我)", r)
               and (r in places or not any(r in o for o in resolved))]  # (the words before 市 of a unit's short form)
    for m in _bodies(_ORG_MENTION, text):
        if m.group(0) in resolved:
            continue  # a unit's short form whose words before 市 are no place ("某医附属市X医院")
        rm = _REGION.match(m.group(0))
        pl = as_place(re.sub(r"^中共", "", rm.group(0))) if rm else ""
        if pl and pl not in regions and not any(pl.endswith(x) for x in _NOT_REGION):  # "…社区" is no place
            regions.append(pl)
    if regions:
        def fits(d: DocInfo) -> bool:
            # a region written right before this department's name must be the document's own
            a = named.get(d.department)
            if a is not None:
                # (each time the name is written: "甲市卫健委和乙市卫健委" names both, each with its own place)
                said = [re.search(r"([^\W\d_和与及跟同、的年委局办厅]{2,5}?(?:省|自治区|市|区|县))总?$", text[: w.start()])
                        for w in re.finditer(re.escape(a), text)]
                if any(m is not None and (as_place(m.group(1)) in d.context or as_place(m.group(1)) in d.department)
                       for m in said):
                    return True
                if all(m is not None for m in said):
                    return False
                # "某市的市级某专项": a place named elsewhere in a question about one department name is still its
                # place (several named: each place goes with its own name)
                return len(set(named.values())) > 1 or any(r in d.context or r in d.department for r in regions)
            return all(r in d.context or r in d.department for r in regions)

        kept = [d for d in pool if fits(d)]
        if pool and not kept:
            q.unknown.extend(r for r in regions if r not in q.unknown)
        pool = kept
    if q.unknown and not q.dept_named:
        pool = []
    if not q.dept_named and not regions and len({d.department for d in pool}) > 1:
        # no department named: a place written without its ending ("广州政务号…") keeps that place's documents
        said = [p for p in places if p in text]
        pool = [d for d in pool if said and all(p in d.department for p in said)] or pool
    # "今年…比2025年少了多少": a year written only as what is compared with does not pick the document
    base = set(re.findall(r"(?:比|较|相比|对比|同比)(20\d\d)年(?!度?(?:部门|单位)?(?:预算|决算))", dated))
    # "比2024年预算多了多少": the base of a change, even when its budget is named
    base |= set(re.findall(r"(?:比|较)(20\d\d)年度?(?:预算|决算)?数?(?:多|少|增|减|高|低|上升|下降)", dated))
    # ("跟某年比", "和某年相比": the same base, the year written before 比)
    with_base = re.compile(r"(?:和|与|跟|同)(20\d\d)年度?(?:预算|决算)?数?(?:相)?比(?!例|重)")
    base |= set(with_base.findall(dated))
    rest = with_base.sub("", dated)
    asked = [y for y in q.years if str(y) not in base or re.search(rf"(?<!比|较){y}年", rest)]
    if asked:
        years = asked
        # "2025年…比2024年增加了多少": the 2025 document states the change; 2024 is what it is compared with
        # (the year written last before the comparison: "2023年、2025年各多少，2025年比2023年…" compares 2025)
        cmp = re.search(r"(20\d\d)年(?:(?!20\d\d)[^？?。]){0,30}?(?:比|较|对比|同比)(20\d\d)年", text) \
            or re.search(r"(20\d\d)年(?:(?!20\d\d)[^？?。]){0,30}?(?:和|与|跟|同)(20\d\d)年[^？?。]{0,20}?(?:相比|比较|对比|相差|差|比(?!例|重))", text)
        # (a document never compares with a later year: "2023年…比2024年" needs both documents)
        if cmp and int(cmp.group(1)) > int(cmp.group(2)) and any(d.year == int(cmp.group(1)) for d in pool):
            years = [int(cmp.group(1))]
        # each of two years asked ("两个年度各…"): each year's own figure, from each year's document when both are loaded
        both = [int(y) for y in (cmp.groups() if cmp else ())]
        if both and (re.search(r"两年|分别|各(?:是|为|自|有)?多少|各是", text) or both[0] < both[1] or MORE_OR_LESS.search(text)
                     or re.search(DIFF_ASKED, text)) \
                and all(any(d.year == y for d in pool) for y in both):
            years = both
            # ("2024年的X比2023年多多少", both years' documents loaded: the two documents' figures, how far apart)
            q.across_years = bool(re.search(DIFF_ASKED, text) or MORE_OR_LESS.search(text))
        # "A2026年…和B2025年…": with several departments named, each one's year is the one written with it
        own_years = {dep: ys for dep, part in own.items()
                     if (ys := [y for y in years if re.search(rf"(?<!\d){y}(?!\d)", part)])}
        kept = [d for d in pool if d.year in own_years.get(d.department, years)]
        if not kept and "决算" not in text:
            # no document of that year: the next year's budget prints its budget figures beside its own (not
            # what was spent: a 决算 is its own document), else nothing to answer from
            kept = [d for d in pool if d.year is not None and d.year - 1 in years and d.kind == "预算"]
        pool = kept
        # the year asked last is the one whose figure is wanted ("2026年…是多少？表里列的2025年…又是多少")
        order = [int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", dated) if int(y) in asked]
        if order and pool and all(d.year != order[-1] for d in pool) \
                and all(d.year == order[-1] + 1 and d.kind == "预算" for d in pool):
            q.want_year = order[-1]
    # 部门 vs 单位 budgets of one body: the question decides, else the 部门 one
    # (each department on its own: another department's 单位预算 stays in scope)
    # (neither named, and both printed for one body and year: both answer, each labelled 部门预算 / 单位预算)
    # (several departments named: the 部门/单位, 预算/决算 written with each one's name is its own)
    def wanted_scope(d: DocInfo) -> str:
        part = own.get(d.department, "")
        for said in (part, text):
            if _UNIT_BUDGET.search(said) or _DEPT_BUDGET.search(said):
                return "单位" if _UNIT_BUDGET.search(said) else "部门"
        # (the whole department said, "下属单位…": the 部门 one; no scope said: both)
        return "部门" if re.search(r"部门|全局|全系统|下属|所属", part or text) else ""

    # (both scopes named for one body, in a list or compared: both answer)
    both = bool(_UNIT_BUDGET.search(text) and _DEPT_BUDGET.search(text))
    if re.search(r"部门|单位|本级|全局|全系统|下属|所属", text):
        pool = [d for d in pool if d.scope == (want := wanted_scope(d)) or not want or both and not own.get(d.department)
                or not any(x.department == d.department and x.scope == want for x in pool)]
    plain = re.sub(r"[“\"「『][^”\"」』]*[”\"」』]|预决算", "", text)  # (a quoted name, "预决算公开", names no kind)

    def wanted_kind(d: DocInfo) -> str:
        part = re.sub(r"[“\"「『][^”\"」』]*[”\"」』]|预决算", "", own.get(d.department, ""))
        if "决算" in part or "预算" in part:
            return "决算" if "决算" in part else "预算"
        return "决算" if "决算" in plain else "预算" if ("预算" in plain and not q.years) else ""

    # per department and year: "2026年预算…跟2024年决算比" keeps both
    # (no year asked: "决算里…" with no year is the department's 决算 of whichever year)
    # (a year's 决算 asked where only that year's budget is stored: the budget holds no figure of it)
    pool = [d for d in pool if not (want_kind := wanted_kind(d)) or d.kind == want_kind
            or not any(x.department == d.department and (x.year == d.year or not asked) and x.kind == want_kind
                       for x in pool) and not (want_kind == "决算" and asked == [d.year] and "预算" not in plain)]
    # one document per department and year: the latest year when none was asked; a date alone
    # ("2024年底有几辆车") picks the document that reports that moment: the 决算 of that year, or
    # the budget of the year after (budgets count assets at the end of the year before)
    # ("三年来", "历年", "每年"): every year's release of the kind asked, each answering
    if not asked and q.dept_named and _EVERY_YEAR.search(text):
        pool = [d for d in pool if d.kind == want_kind] or pool
        asked = sorted({d.year for d in pool if d.year})
    if not asked:
        when = {int(m.group(1) or m.group(2)) for m in _DATED.finditer(text)}

        def reports(d: DocInfo) -> int:
            return 2 if d.year in when and d.kind == "决算" else 1 if d.year is not None and d.year - 1 in when else 0

        latest: dict[str, DocInfo] = {}
        for d in pool:
            cur = latest.get(d.department)
            if cur is None or (reports(d), d.year or 0) > (reports(cur), cur.year or 0):
                latest[d.department] = d
        # (a release printed as two files, 报表 and 说明, is one; its 部门 and 单位 budgets both answer: both stay)
        pool = [d for d in pool if (x := latest.get(d.department)) is not None and (d.year, d.kind) == (x.year, x.kind)]
    q.docs = pool
    if not q.dept_named and len({d.department for d in pool}) > 1:
        q.ambiguous = sorted({d.department for d in pool})
    q.intents = [name for name, pat in INTENT_WORDS if pat.search(text)]
    q.asked = asked_kinds(question)
    # "2022年X比2021年多还是少", no 2021 release in scope: a change on the year before, as the release states it
    prior = {d.year - 1 for d in pool if d.year}
    if len(prior) == 1 and not any(d.year in prior for d in pool) and MORE_OR_LESS.search(question):
        y = prior.pop()
        said = rf"(?:(?:比|较){y}年度?|(?:和|与|跟|同){y}年度?(?:相)?比(?:较|起来)?[，,]?)(?=是?(?:多|少|增|减|高|低|上升|下降))"
        q.asked |= asked_kinds(re.sub(said, "比上年", question)) & {"change"}
        # (and it is asked as one, "比上年多还是少", in the asks too, when no release of that year is stored at all;
        # unless each year's figure is asked: "两年各是多少")
        bodies = {d.department for d in pool}
        if "change" in q.asked and not EACH_YEAR.search(text) \
                and not any(d.year == y and d.department in bodies for d in docs):
            text, q.text = re.sub(said, "比上年", text), re.sub(said, "比上年", q.text)
            q.intents = [name for name, pat in INTENT_WORDS if pat.search(text)]
    if "diff" in q.intents and not _DIFF.search(change_text(text)):
        q.intents.remove("diff")  # "A和B比，差多少": how far apart two figures are, not a change over a year
    if len(q.named) >= 2 and re.search("比(?:" + "|".join(map(re.escape, q.named)) + ")", text):
        q.intents = [i for i in q.intents if i != "diff"]  # ("A比B多多少": two bodies' figures, no change over a year)
        q.asked -= {"change"}
    if "share" in q.intents and RATE_Q.search(text) and not re.search(r"占", text):
        q.intents.remove("share")  # "增幅是百分之几": a change over a year, not a part of a whole
        q.intents.insert(0, "diff") if "diff" not in q.intents else None
    elif "share" in q.intents and EXECUTION_ASKED.search(text) and not re.search(r"占", text):
        q.intents.remove("share")  # "完成了预算的几成": actual over plan, not a part of a whole
    # (not a column word inside a project's quoted name: "“…人员经费”项目")
    unquoted = re.sub(r"[“\"「『][^”\"」』]{2,40}[”\"」』]项目", "", text)
    for col in COLUMN_INTENTS:  # ("人员、公用经费": the tail said once names each)
        unquoted = re.sub(rf"(?:(?<=[年的，,、和与及中里])|^){col[:2]}(?=(?:、|和|与|及)[\u4e00-\u9fa5]{{2}}{col[2:]})", col, unquoted)
    unquoted = _SET_ASIDE.sub("", _SET_ASIDE_ALL.sub("", unquoted))  # (a column set aside is not asked)
    # (nor the group an economic class belongs to, in brackets after it: "工资福利支出（人员经费）")
    unquoted = re.sub(r"(?<=支出)[（(](?:人员|公用)经费[）)]", "", unquoted)
    for col in COLUMN_INTENTS:
        if col in unquoted or any(a in unquoted for a in _INTENT_ALIASES.get(col, ())):
            q.columns.append(col)
    if "基本支出" in q.columns and ({"人员经费", "公用经费"} & set(q.columns)):
        q.columns.remove("基本支出")  # "基本支出中人员支出": the part, not the whole
    q.codes = re.findall(r"(?<!\d)(\d{3}(?:\d{2}){0,2})(?!\d)", re.sub(r"20\d\d年", "", text))
    subj = text
    # (a name no document in scope carries is words of the question: "医疗卫生（卫生健康）支出")
    kept_names = {a for dep, a in named.items() if any(d.department == dep for d in pool)} or set(named.values())
    for a in sorted(kept_names, key=longest):
        quoted = [m.span(1) for m in re.finditer(r"[“\"「『]([^”\"」』]+)[”\"」』]", subj)]
        for at in reversed(mentions(subj, a)):  # "工会部门的工会经费": only the department's mention goes
            if any(b <= at < e for b, e in quoted):
                continue  # part of a quoted name ("“新建万里街道社区公共服务中心”项目")
            cut = at  # "长春信访局"; every place before it ("某市某区X街道")
            while before := max((f for f in places if subj[:cut].endswith(f)), key=len, default=""):
                cut -= len(before)
            # "…委（汇总）": a bracket the document's own name carries goes with it
            after = next((m.group(0) for d in docs for inner in re.findall(r"[（(]([^）)]{1,6})[）)]", d.department)
                          if (m := re.match(rf"[（(]?{re.escape(inner)}[）)]?", subj[at + len(a):]))), "") \
                or (m.group(0) if (m := re.match(r"[（(][^（()）]{0,8}?(?:预算|决算|本级|汇总)[）)]", subj[at + len(a):])) else "") \
                or (m.group(0) if (m := re.match(r"[（(]([\u4e00-\u9fa5]{2,12})[）)]", subj[at + len(a):]))
                    and sum(c in a for c in m.group(1)) >= 0.8 * len(m.group(1)) else "")
            # (or the reader's own aside on which release: "X局（市级单位预算）"; or the name's short form, "某某和某某厅
            # （省某某厅）")
            subj = subj[:cut] + subj[at + len(a) + len(after):]
    for org in q.unknown:  # another organisation named beside this one is not what is asked about
        subj = subj.replace(org, "")
    for unit in written:  # ("X局下面的Y所"): the unit is whose figure, not what it is
        subj = re.sub(_UNDER + "?的?" + re.escape(unit), "", subj)
    for r in regions:
        subj = subj.replace(r, "")
    # "A和B相比，谁的X多？多多少": the other side of the comparison and how far apart are not the subject
    # ("A和B的X相比，差多少": X, written after the other side's "的", is the thing compared, unless said before)
    subj = re.sub(r"(?:和|与|跟|同)(?!(?:20\d\d年度?|上一?年|去年|上年度)的?(?:相)?比)([^，,？?]{0,30}?)(?:相)?比(?:较|起来)?(?=[，,])",
                  lambda m: "" if (x := after_of(m.group(1)) or _after_last_of(m.group(1), subj[m.end():], len(set(re.findall(r"20\d\d", text))) > 1)) in subj[: m.start()]
                  else x, subj)
    subj = re.sub(r"(?:^|(?<=年))在([\u4e00-\u9fa5]{2,12}?)(?:方面|领域|这一?块|上(?=[\u4e00-\u9fa5])(?![年半午级]))", r"\1", subj)  # "在X方面", "在X上": X is the topic
    subj = re.sub(r"(?<=[，,？?、])(?:那|而且)?" + DIFF_ASKED + GAP_COUNTER + r"(?=[？?。]|$)", "", subj)
    # (a unit printed under two names is asked under both: "X学院（Y学院）", its rows under either)
    q.units += [n for d in q.docs for a, b in d.unit_aliases if any(len(u) >= 4 and (a.endswith(u) or b.endswith(u)) for u in q.units)
                for n in (a, b)]
    q.units = list(dict.fromkeys(q.units))  # (a unit written several times, or short and whole, is listed once)
    # (a unit written only as a part of a longer one the question names, "X局" and "宝安分局" of "X局宝安分局", is that one)
    longer = [u for u in q.units if any(len(v) > len(u) and u in v for v in q.units)]
    if longer:
        rest = text
        for v in sorted((v for v in q.units if v not in longer), key=longest):
            rest = rest.replace(v, "|")
        q.units = [u for u in q.units if u not in longer or u in rest]
    if not q.units and q.docs and not any(d.units for d in q.docs):
        # "（局）本级" of a release no unit is listed in: the release itself, no part of the subject
        subj = re.sub(r"(?:^|(?<=[年的和与、]))(?:本?[局委厅办部署])?本级的?(?=[\u4e00-\u9fa5\d]{2})", "", subj)
    # an amount the reader names a thing by is no subject ("那笔500万元的X": X)
    subj = re.sub(r"(?:那|这|该)[笔项]?\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元)的?", "", subj)
    # (nor the whole's amount the reader states before its parts: "X共N万元，其中A和B各多少")
    subj = re.sub(r"(?:[为是共有]|一共|总共|合计)*\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元)(?=[，,]?其中)", "", subj)
    # a change the reader states ("较上年增加N万元，增加的资金作何用途"): its use is asked, not its amount
    subj = re.sub(r"(?<=[多少]了|增加|减少|增长|下降)了?\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元)", "", subj)
    # (or said roughly, "少了三千多万", "多了近两亿")
    subj = re.sub(r"(?<=[多少]了|增加|减少|增长|下降)了?(?:近|约|大约|将近)?[\d一二两三四五六七八九十][\d一二两三四五六七八九十百千,.]*"
                  r"(?:多|余)?(?:万|亿)元?", "", subj)
    # (after "比上年", its direction stays: "较上年多出的钱" is the increase)
    subj = re.sub(r"(?:这些|那些)?(多|增加|新增|减少|少)(?:出来?)?的(?:那|这)?(?:一?部分|些|笔)?(?:钱|部分|资金|经费)"
                  r"(?=[，,]?[\u4e00-\u9fa5]{0,4}(?:用|花|拿去|拿来))",
                  lambda m: m.group(1) if re.search(r"比(?:20\d\d年度?|上一?年|去年)$", subj[: m.start()]) else "", subj)
    # a statement before the ask, which the ask takes up by a time ("X当年刚组建，那一年的Y", "…，那2026年的Y"):
    # background, no subject (not "X，这个项目…", which names its thing before)
    lead = re.match(r"([^，,？?。]{2,40})[，,](?=(?:那|这)(?:一年|年|时候?|个时候)|那么?(?=20\d\d年))", subj)
    if lead and not INTERROGATIVE.search(lead.group(1)) and not re.search(r"(?:里|中|当中|里面|方面)$", lead.group(1)):
        subj = re.sub(r"^(?:那么?|这)(?:一年|年|时候?|个时候)?的?", "", subj[lead.end():])
    # an aside on the year ("2019年（成立当年）") is no subject (a unit or scope in brackets stays)
    subj = re.sub(r"(?<=20\d\d年)[（(]([^）)\d]{2,12})[）)]",
                  lambda m: m.group(0) if re.search(r"本级|汇总|单位|部门|预算|决算", m.group(1))
                  or any(u in m.group(1) for u in q.units) else "", subj)
    q.subject_full = "".join(q.units) + re.sub(r"20\d\d年度?", "", subj)  # a named unit's own sentences first
    # "X和Y年比，多还是少" says "X比Y年多还是少"; "跟Y年比为啥涨了" asks why, Y is what it is compared with
    subj = re.sub(r"(?:和|与|跟|同)(20\d\d年度?)(?:相)?比(?:较|起来)?[，,]?是?(?=多|少|增|减|高|低|上升|下降)", r"比\1", subj)
    subj = re.sub(r"(?:和|与|跟|同)(?:20\d\d年度?|上一?年|去年)(?:相)?比(?:较|起来)?[，,]?(?=" + WHY_ASKED + ")", "", subj)
    subj = re.sub(r"\d+(?:\.\d+)?\s*[%％]", "", subj)  # a rate the reader quotes ("为啥涨了N%") is no subject
    subj = _SET_ASIDE_ALL.sub("", subj)  # "除了A、B外，还有…": not A, B
    # ("A之外的其余X": the standard tables' 其他X)
    subj = re.sub(r"(?:(?<=[中里的，,年])|^)[\u4e00-\u9fa5]{2,8}?(?:以外|之外)的?(?:其他|其余)", "其他", subj)
    # "2025年比2023年X少了多少", both years' documents in scope: X is the subject (each year's own figure)
    subj = re.sub(r"(?<!占)比(20\d\d)年度?([\u4e00-\u9fa5]{2,12}?)(?:多|少|高|低)(?=了?(?:多少|几))",
                  lambda m: m.group(2) if any(str(d.year) == m.group(1) for d in q.docs) else m.group(0), subj)
    if q.across_years:  # ("2024年决算的X和2025年预算相比差多少": X; each release's own kind is its document's)
        subj = re.sub(r"(?:和|与|跟|同)20\d\d年度?(?:部门|单位)?(?:预算|决算)?数?的?(?:相)?(?:比较|对比|比)?(?:相)?差?(?=多少|几|$)", "", subj)
        subj = re.sub(r"^(?:20\d\d年度?)?(?:部门|单位)?(?:预算|决算)(?:数)?(?:的|里|中)?", "", subj)
        # ("X，A年的决算和B年的预算比较…": X, the two releases named after it)
        rel = r"20\d\d年度?的?(?:部门|单位)?(?:预算|决算)(?:的)?(?:实际)?(?:支出|执行|安排)?数?"
        subj = re.sub(rf"(?<=[，,]){rel}(?:(?:和|与|跟|同){rel}的?(?:相)?(?:比较|对比|比)?|(?=[，,？?]|$))", "", subj)
    if len(set(re.findall(r"20\d\d(?=年)", text))) >= 2:
        # ("X年预算的支出比Y年决算的支出高还是低": 支出, each in its release's own kind)
        # (the same thing said again with its release's words, "X预算，比Y年决算的X实际支出…": X)
        subj = re.sub(r"([^\W\d_年比]{2,12}?)[，,]?比20\d\d年度?的?([^\W\d_年比]{2,16}?)是?(?:多|少|高|低)了?(?:还是(?:多|少|高|低))?了?"
                      r"(?=多少|几|[？?，,]|$)",
                      lambda m: own if len(own := re.sub(_KIND_WORDS, "", m.group(1))) >= 2
                      and re.sub(_KIND_WORDS, "", m.group(2)) in (own, own + "支出") else m.group(0), subj)
    # "比2025年少了" speaks of a decrease, as the documents do ("减少")
    # (compared with a year whose own document answers too, "前一年…比后一年多还是少", is no change: nothing is left)
    subj = re.sub(r"(?<!占)(?<!百分)比(20\d\d年度?|上年|去年|上一年)?(?:年初|年度)?(?:预算|决算)?数?是?(多|少|增加|减少|增长|下降|高|低)了?"
                  r"(?:还是(?:多|少|增加|减少|增长|下降|高|低|持平)了?)?",
                  lambda m: "" if m.group(1) and any(str(d.year) == m.group(1)[:4] for d in q.docs)
                  or len(q.named) >= 2 and re.match(r"比(?:多|少|增|减|高|低)", m.group(0))  # (another body: taken out)
                  else "减少" if m.group(2) in ("少", "减少", "下降", "低") else "增加", subj)
    subj = re.sub(rf"[，,]?是?(?:{MORE_OR_LESS.pattern})了?", "", subj)  # (which way, with nothing compared with: asked)
    for asked, (measure, _) in MEASURE_ASKED.items():
        subj = re.sub(rf"有?{asked}", measure, subj)
    # (a quoted name is the printed one, kept whole: "“2019年度X经费”项目")
    quoted = re.findall(r"(?<=[“「『])[^”」』]{2,40}(?=[”」』])", subj)
    for i, name in enumerate(quoted):
        subj = subj.replace(name, chr(0xE000 + i), 1)
    subj = re.sub(
        r"(?:^|(?<=[，,]))在(?=20\d\d年)|(?:^|(?<=[，,：:]))(?:另外|此外|同时|以及)[，,]?|它们?(?=下面|下属|底下|[有设的])|(?:这|那)?(?:两|二|三|四|五|几)(?:家|者|个部门|个单位)(?=各|分别|都|均|谁|哪)|(?:截至|截止|到)?20\d\d年(?:\d{1,2}月(?:底|末)?|底|末)|(?:要|需要|准备)?(?:安排|花|拨|投入)了?(?=多少)|(?<=花)(?:出去|掉)了?(?=多少)|用掉了?(?=多少)|(?:^|(?<=年))(?:一|整|全)年的(?=[\u4e00-\u9fa5]{2})|(?<![国所拥占实现])有(?=多少)|(?<=多少)钱|一共|总共|共计|20\d\d年度?|的|是?多少(?:万元|亿元|元)|百分之(?=多少|几)|是多少|多少|是什么|是啥|(?<!干)啥|(?:这个|这一?项|该)(?=项目)|有?哪(?:一?[个家位种项]|些)(?:[\u4e00-\u9fa5]{1,4}?的)?(?![月年])|了(?=哪|什么|多少)|^还|还(?=有?(?:哪|什么))|请问|主要|用于什么|是?(?:" + HOW_ASKED + r")的?|做了|些?什么|怎样|怎么样|怎么|如何|(?:和|与|跟|同)(?:上一?年|去年|20\d\d年度?)(?:相)?比(?:较|起来)?|是否|有没有|吗|呢|一下|介绍|"
        r"除了?[^，,。？?]{1,20}?(?:以外|之外)?[，,]还?|"  # ("除了X，还有多少Y": Y is asked, X set aside)
        r"按(?:支出)?用途(?:来|划)?(?:分类?|拆开|区分)?(?:来看|看)?的?|"  # (a classification the parts belong to, not a thing asked)
        r"(?:用来|拿来|拿去)(?:干|做)了?(?=什么|啥|嘛)|(?:^|(?<=[，,年度]))(?:部门|单位)?(?:预算|决算)表?(?:里|中)的?[，,]?(?=[“\"「『\ue000-\ue0ff]|[\u4e00-\u9fa5]{2})|"  # (the release as where)
        r"(?:^|(?<=[，,年度]))(?:全系统|整个(?:部门|单位|系统))(?:内|里|的)?(?=[\u4e00-\u9fa5]{2})|"  # (the whole department as whose)
        r"(?:^|(?<=[，,年的]))(?:部门|单位)(?:预算|决算)(?:涉及|包括|包含|覆盖|共有|有)(?=(?:多少|几)[个名位家]?[\u4e00-\u9fa5]{2})|"  # (what it covers)
        r"原因|^(?:关于|针对)|(?<=[，,、])(?:关于|针对)|(?<=[\u4e00-\u9fa5]{2})方面|^(?:同样|同|都)(?:是|为|属)[\u4e00-\u9fa5\d]{0,10}?[，,]|有(?=(?:什么|哪些)(?:具体)?(?:打算|计划))|[这那]一?块|(?:具体|主要)?(?:打算|计划|准备)(?:做|干|开展|搞)?(?:哪些|什么|啥)(?:事情?|工作)?|(?:具体|主要)?打算|"
        r"是?(?=(?:怎么|如何)(?:规定|要求|安排))|(?<=怎么|如何)(?:规定|要求|安排)的?|"
        r"(?:职责|职能)(?:里|中|当中)(?=[，,]?[\u4e00-\u9fa5]{2})|" + SOURCE_MENTION + "|" + WHY_ASKED + "|" + WHEN_ASKED + "|(?:" + USE_COLLOQUIAL + r")用?|这部分|这笔钱?|[这那](?:一|个)?[栏列格行]|(?<=[加少长降])了|(?:一共|共|总共)?有?(?:几|多少)(?=[辆台个家项所处套名位])|有?多大|"
        r"(?:花|用)在了?(?:什么|哪些?|哪个|啥)(?:地方|方面|领域|事情?)?上?|(?:花|用)在(?![哪什])|(?:可以|能够?|可)(?:花|用|支配|使用)(?:的)?(?=$|[？?。，,]|钱)|(?<=[\u4e00-\u9fa5]{2})上(?=的?(?:经费|钱|资金|支出|费用))|现在|目前|今年|(?:预计|预期|估计)(?=收入|支出|花|用|安排)|(?:刚|才|新)?成立(?:的|当年|那年)?(?=[，,]|第|头|首)|(?:第一|头一|首)年|(?:一|整|全)年(?:下来|到头)|这一?整?年|分别|[各又还]自?(?=(?:是|为|有|花了?|安排了?)?(?:多少|多大|几))|(?:显示|表明|来看|看来)(?=[，,])|^(?:从|按|据|根据)(?=[^，,]{1,20}(?:来看|看来|显示|表明)[，,])|[？?。，,！!、]",
        "",
        change_text(subj),  # "哪家多" asks to compare the figures, it is not their subject
    )
    for i, name in enumerate(quoted):
        subj = subj.replace(chr(0xE000 + i), name)
    # a choice asked ("原来属于A还是B"): A and B are the subject; the choosing words and a time before it are not
    subj = re.sub(r"(?:原来|原先|以前|过去|起初|最初)?(?:是|属于?|归)?(?=[^，,。？?]{1,12}?还是(?!增|减|多|少|高|低|上升|下降|持平))",
                  "", subj, count=1) if "还是" in subj else subj
    subj = re.sub(r"还是(?!增|减|多|少|高|低|上升|下降|持平)", "", subj)
    subj = re.sub(r"(?:后来|之后|随后)(?:是|又|再)?", "", subj)  # ("…？后来怎样变了": what changed, not when)
    # ("为什么会少", "为啥这么多": the direction asked again, not "减少" / "最低")
    subj = re.sub(r"(?<=[\u4e00-\u9fa5]{2})(?<![减增最至不降])会?(?:这么|那么)?(?:多|少|高|低)$", "", subj) if "why" in q.asked else subj
    subj = re.sub(r"^[和与及跟、]+|[和与及跟、]+$", "", subj)  # what joined the names taken out ("A和B的预算")
    if q.docs and all(d.kind == "预算" for d in q.docs):
        subj = re.sub(r"年初(?=(?:部门|单位)?预算)", "", subj)  # a budget is the year-start one ("年初预算收入": its income)
    subj = re.sub(r"^给(?=[\u4e00-\u9fa5]{2})", "", subj)  # "给X安排了多少": X is asked
    subj = re.sub(r"([\u4e00-\u9fa5]{2,4})\1", r"\1", subj)  # (a word said again once its clause is gone: "部门预算，谁的预算")
    if len(q.named) >= 2:  # ("A和B的X差多少": how far apart the two are is asked, X is the subject)
        subj = re.sub(r"(?:相差|差距|差了?)(?:有|是)?$", "", subj)
    if not subj and q.across_years and (kind := re.search(r"预算|决算", text)):
        subj = kind.group(0)  # ("X年预算比Y年多多少": nothing but the releases compared, each one's whole)
    q.subject = subj
    return q
