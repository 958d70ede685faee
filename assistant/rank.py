"""Ranking the sentences that could answer an ask: a few named signals, each a number in [0, 1] (or a
count), weighted by `ingest.settings.RankWeights` (chosen on the gold sets' dev halves, eval/TUNE.md).

A signal is computed from the ask (`Asked`) and one sentence; the score is the weighted sum. Nothing
here names a question's words: the signals are about amounts, reasons, the asked attribute, the
subject's words and the question's own wording."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.evidence import TextEvidence
from assistant.vocab import CHANGE_WORDS
from ingest.settings import RankWeights

_WS = re.compile(r"\s+")
AMOUNT = re.compile(r"\d[\d,]*(\.\d+)?\s*(亿元|万元|元|亿(?![人户个名次])|万(?![人户个名次]))")
BECAUSE = re.compile(r"原因|由于|因为|主要是|变动情况是|因此|[，,]故")  # a reason, not a use ("用于")
# fund and column words: a sentence about 财政拨款 收支 is not about the 收支 the question asks
QUALIFIERS = ("财政拨款", "一般公共预算", "政府性基金", "国有资本经营", "基本支出", "项目支出")
# the standard tables' own measures: a sentence on 三公 is not about the budget a question names alone
MEASURES = ("三公", "机关运行经费", "政府采购")


def reason_of(subject: str, text: str) -> bool:
    """A reason the text gives of the subject: told after the text names it (or it names it not at all, or opens
    with the reason); "收入减少N万元，主要是A减少…，S减少…" gives S's change as a reason of 收入's, not S's own."""
    core = re.sub(r"[^\u4e00-\u9fa5]", "", CHANGE_WORDS.sub("", subject))
    at = min((i for k in range(len(core) - 3) if (i := text.find(core[k:k + 4])) >= 0), default=-1)
    # (a sentence opening with its reason, "主要原因是…", explains the one before: what it names is the reason's)
    return any(m.start() > at or m.start() <= 4 for m in BECAUSE.finditer(text))


def _clean(t: str) -> str:
    return _WS.sub("", t or "")


def overlap(subject: str, text: str) -> float:
    """Share of the subject's CJK bigrams and Latin words found in the text (0 for an empty subject); words
    asked in one form and printed in another ("总额" / "金额") count as the same."""
    grams = _grams(subject)
    if not grams:
        return 0.0
    low = _normal(text)
    return sum(1 for g in grams if g in low) / len(grams)


@lru_cache(maxsize=1 << 16)
def _normal(text: str) -> str:
    from assistant.vocab import SAME_WORDS

    for asked, printed in SAME_WORDS:
        text = text.replace(asked, printed)
    return text.lower()


@lru_cache(maxsize=1 << 16)
def _grams(subject: str) -> frozenset[str]:
    subject = _normal(subject)
    cjk = re.sub(r"[^\u4e00-\u9fa5]", "", subject)
    # a short subject ("车", "辆车") is matched by its characters, a longer one by its bigrams
    grams = set(cjk) if len(cjk) <= 3 else {cjk[i : i + 2] for i in range(len(cjk) - 1)}
    return frozenset(grams | set(re.findall(r"[a-z]{2,}", subject)))


def states(attr: str, text: str) -> bool:
    """Whether the text gives the attribute (its last three characters or more) a number right after it."""
    for k in range(len(attr), 2, -1):
        if re.search(re.escape(attr[-k:]) + r"[^\d。；]{0,4}\d", text):
            return True
    return False


@dataclass(frozen=True)
class Asked:
    """What an ask wants, as the ranking sees it."""

    question: str  # the ask's text
    subject: str  # its subject, in the documents' words
    wording: str  # the question without department and year, question words kept
    attribute: str = ""  # the words right before what is asked ("规划建筑面积" in "规划建筑面积多大")
    amount: bool = False
    reason: bool = False


def signals(a: Asked, e: TextEvidence) -> dict[str, float]:
    """The named signals of one sentence for one ask (the keys are RankWeights' fields)."""
    text, section = _clean(e.text), _clean(e.section)
    return {
        "amount": float(a.amount and bool(AMOUNT.search(e.text))),
        "reason": float(a.reason and not a.amount and bool(BECAUSE.search(e.text))),
        "reason_with_amount": float(a.reason and a.amount and bool(BECAUSE.search(e.text))),
        "attribute": float(bool(a.attribute) and states(a.attribute, text)),
        "subject": overlap(a.subject, text),
        "subject_in_section": overlap(a.subject, text + section),
        "wording": overlap(a.wording, text),
        "condition": float(any(c in text for c in conditions(a.question))),
        "subject_lead": overlap(a.subject, lead(text)),
        "other_fund": -float(sum(1 for w in QUALIFIERS if w in e.text and w not in a.question)
                             + sum(1 for w in MEASURES if w in e.text + section and w not in a.question)),
    }


# a state the question puts its ask after ("竣工后作何用途", "投用后收入多少"): two characters and 后
_CONDITION = re.compile(r"([\u4e00-\u9fa5]{2})(?<![以之今前然最此随年])[以之]?后(?![年期续来面])")


def conditions(question: str) -> list[str]:
    """The states a question's ask follows, as the documents write them ("建成以后" -> 建成后)."""
    return [m + "后" for m in _CONDITION.findall(question)]


_LEAD_END = re.compile(AMOUNT.pattern + r"|用于|主要|原因|包括")


def lead(text: str) -> str:
    """The words of a sentence before its first amount or use ("项目支出 148.8 万元，主要用于…" -> 项目支出): what the
    sentence is about, not what it names as a use ("…主要用于研发项目支出")."""
    m = _LEAD_END.search(text)
    return text[: m.start()] if m else text


def score(a: Asked, e: TextEvidence, w: RankWeights) -> float:
    return sum(getattr(w, name) * value for name, value in signals(a, e).items())


def amount_in(text: str) -> tuple[str, str] | None:
    """The first amount a sentence states, as printed, with its unit."""
    m = AMOUNT.search(text)
    if m is None:
        return None
    return m.group(0)[: m.end(1) - m.start() if m.group(1) else len(re.match(r"\d[\d,]*", m.group(0)).group(0))], (
        "元" if m.group(2) == "元" else "亿元" if m.group(2).startswith("亿") else "万元")


def runs_in(subject: str, text: str) -> tuple[int, float]:
    """The longest run of the subject printed in the text, and the share of the subject its runs of two or more
    characters cover ("财政拨款…购买服务" in "财政拨款政府购买服务明细表": 4, 8 of 13)."""
    from difflib import SequenceMatcher

    if not subject:
        return 0, 0.0
    blocks = SequenceMatcher(None, subject, text, autojunk=False).get_matching_blocks()
    return max((b.size for b in blocks), default=0), sum(b.size for b in blocks if b.size >= 2) / len(subject)


def printed_in(phrase: str, text: str, share: float) -> bool:
    """Whether the text prints the phrase: whole, or a run of four or more of it with runs covering `share` of it."""
    if phrase in text:
        return True
    longest, covered = runs_in(phrase, text)
    return longest >= 4 and covered >= share
