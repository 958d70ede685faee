"""Scoring one answer against one gold item, exactly as ../shared/CONTRACT.md defines it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

_PUNCT = re.compile(r"[\s\u3000，。、；：:;,.（）()“”\"'《》<>【】\[\]\-—_/·]")
_NUM = re.compile(r"(?<![\d.])(-?\d[\d,]*(?:\.\d+)?)(\s*[%％]|\s*万元|\s*元|\s*亿元)?")
_MARK = re.compile(r"\[\d+\]")


def squash(t: str) -> str:
    return _PUNCT.sub("", t or "")


def _dec(s: str) -> Decimal | None:
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:
        return None


def _places(s: str) -> int:
    s = s.replace(",", "").rstrip("%")
    return len(s.split(".")[1]) if "." in s else 0


def answer_numbers(answer: str) -> list[tuple[Decimal, str]]:
    """(value, unit suffix) for every number in the answer text, citation markers removed."""
    out: list[tuple[Decimal, str]] = []
    for m in _NUM.finditer(_MARK.sub(" ", answer)):
        d = _dec(m.group(1))
        if d is not None:
            out.append((d, (m.group(2) or "").strip().replace("％", "%")))  # (a quote keeps the full-width sign)
    return out


def figure_found(fig: str, nums: list[tuple[Decimal, str]], unit: str = "") -> bool:
    is_pct = fig.strip().endswith("%")
    g = _dec(fig.strip().rstrip("%"))
    if g is None:
        return False
    places = _places(fig)
    q = Decimal(1).scaleb(-places)
    for v, u in nums:
        if is_pct:
            if u == "%" and abs(v - g) <= Decimal("0.1"):
                return True
            continue
        cands = [v]
        if unit == "万元" and u == "元":
            cands = [v / 10000]
        elif unit == "元" and u == "万元":
            cands = [v * 10000]
        for c in cands:
            try:
                if c.quantize(q) == g:
                    return True
            except InvalidOperation:
                continue
    return False


def citation_hit(gold: list[dict], cits: list[dict]) -> bool:
    for g in gold:
        for c in cits:
            if "table" in g and c.get("kind") == "row":
                if squash(g["table"]) in squash(c.get("table", "")) and (
                    squash(g.get("row", "")) in (squash(c.get("row", "")), squash(c.get("code", "")),
                                                 squash(c.get("code", "") + c.get("row", "")))  # "125003 …支队"
                    or not g.get("row")
                ):
                    return True
            if "section" in g and c.get("kind") == "text":
                if squash(g["section"]) in squash(c.get("section", "")):
                    return True
    return False


@dataclass
class Score:
    id: str
    kind: str
    right: bool
    cited: bool | None  # None: not applicable (unanswerable item)
    unverified: bool
    latency_ms: float
    why: list[str] = field(default_factory=list)


def score(item: dict, ans: dict, latency_ms: float) -> Score:
    why: list[str] = []
    unverified = bool(ans.get("unverified_numbers"))
    kind = item.get("kind", "")
    if not item.get("answerable", True):
        right = ans.get("answerable") is False
        if not right:
            why.append("should have refused")
        return Score(item["id"], kind or "unanswerable", right, None, unverified, latency_ms, why)
    text = ans.get("answer", "")
    nums = answer_numbers(text)
    if ans.get("answerable") is False:
        why.append("refused")
    missing = [f for f in item.get("figures", []) if not figure_found(f, nums, item.get("unit") or "")]
    if missing:
        why.append(f"missing figures {missing}")
    flat = re.sub(r"\s+", "", text)  # (a quote keeps the page's spaces: "1007 室" is 1007室)
    kw = [k for k in item.get("keywords", []) if re.sub(r"\s+", "", k) not in flat]
    if kw:
        why.append(f"missing keywords {kw}")
    anyk = item.get("keywords_any", [])
    if anyk and not any(re.sub(r"\s+", "", k) in flat for k in anyk):
        why.append(f"none of {anyk}")
    right = not why
    cited: bool | None = None
    if item.get("citations"):
        cited = citation_hit(item["citations"], ans.get("citations", []))
        if not cited:
            why.append("citation miss")
    return Score(item["id"], kind, right, cited, unverified, latency_ms, why)
