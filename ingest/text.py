"""Text helpers every reader shares (PDF, XLSX, Markdown) and the grid builders use.

Cleaning (``clean``, ``clean_value``), amounts (``is_number``; ``ingest.model.is_amount`` /
``parse_amount`` for stored values), units named in headers and meta lines (``UNIT_RE``,
``find_unit``) and the line classes the readers agree on: table titles, meta lines between a
title and its table, table-of-contents lines, page numbers and ``注：`` notes.
"""

from __future__ import annotations

import re

_WS = re.compile(r"\s+")
NUMBER_RE = re.compile(r"^[-−]?[\d,]+(\.\d+)?%?$")  # an amount, a percentage or a code
UNIT_RE = re.compile(r"(?:金额|计量|货币)?单位[:：]\s*(万元|元|千元|亿元)")
_BARE_UNIT = re.compile(r"(?:^|\s)(万元|元)$")
_TITLE_END = re.compile(r"(表|情况|明细|汇总)(（[^）]*）|\([^)]*\))?$")
TITLE_PREFIX_ONLY = re.compile(
    r"^((预算|公开|决算|附)?表\s*[0-9一二三四五六七八九十\-—]+(表)?|(预算|公开|决算|部门)[0-9一二三四五六七八九十\-—]+表|附件\s*\d+)[:：]?$"
)
TOC_RE = re.compile(r"(\.{3,}|…{2,}|·{3,})\s*\d*$")
PAGE_NO_RE = re.compile(r"^[-—\s第]*\d(\s?\d){0,2}[-—\s页]*$|^第\s*\d+\s*页(\s*共\s*\d+\s*页)?$")
NOTE_RE = re.compile(r"^(注|备注|说明)[:：0-9１-９]")
_META = re.compile(r"^(单位|部门)名称\s|\s单位\s+(万元|元)$|单位[:：]|预算年度|编制(部门|单位)|部门[:：]|年度[:：]|截止(时间|日期)|^(?!\d+\s*年)\d{3,9}\s+[\u4e00-\u9fa5（）()]+(?<!表)$|^\d{3,9}\s*[-—]\s*[\u4e00-\u9fa5（）()]+(\s+(万元|元))?$|^(?!\d+\s*年)\d{3,9}\s+\S+\s+(单位|截止|预算年度)")


def longest(name: str) -> tuple[int, str]:
    """A sort key: longest first, names of one length in a fixed order (a set's order changes with each process)."""
    return -len(name), name


def clean(text: str | None) -> str:
    """Drop all whitespace: Chinese labels are printed spaced ('合 计') or wrapped."""
    return _WS.sub("", text or "")


def is_number(text: str) -> bool:
    """An amount, a percentage or a code as printed ('1,234.50', '-3', '12.5%')."""
    return bool(NUMBER_RE.match(clean(text)))


def clean_value(text: str | None) -> str:
    """A cell's value: numbers without spaces, text values with wrapped lines joined."""
    t = (text or "").strip()
    if NUMBER_RE.match(clean(t)):
        return clean(t)
    # text values (performance indicators): join wrapped lines
    return re.sub(r"\s*\n\s*", "", t)


def is_title_line(text: str) -> bool:
    t = clean(text)
    if not (4 <= len(t) <= 70) or TOC_RE.search(text) or UNIT_RE.search(t):
        return False
    if any(p in t for p in "。；，,"):
        return False
    return bool(_TITLE_END.search(t)) or bool(TITLE_PREFIX_ONLY.match(t))


def is_meta(text: str) -> bool:
    """Dept / year / unit lines printed between a table title and the table."""
    t = text.strip()
    return bool(_META.search(t) or UNIT_RE.search(clean(t))) or clean(t) in ("万元", "元")


def is_short_title(text: str) -> bool:
    """The line right above a table names it when it is short and not a sentence."""
    t = clean(text)
    return 3 <= len(t) <= 60 and not any(p in t for p in "。；，,") and not TOC_RE.search(text) and not PAGE_NO_RE.match(t)


def find_unit(texts: list[str]) -> str | None:
    """The amount unit named in header or meta lines ('单位：万元', a bare trailing '万元')."""
    for t in texts:
        m = UNIT_RE.search(clean(t))
        if m:
            return m.group(1)
    for t in texts:
        m = _BARE_UNIT.search(t.strip())
        if m and len(clean(t)) <= 30:
            return m.group(1)
    return None
