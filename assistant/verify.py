"""Number verification: every number printed in an answer must be in a cited row or
passage, or be the result of a computation over cited numbers whose formula is shown."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from assistant.evidence import RowEvidence, TextEvidence

# numbers as printed: 1,935.36 / 34.22 / 2.88% / 2026 ; not the [n] citation markers
_NUM = re.compile(r"(?<![\d.\[])[-−]?\d[\d,]*(?:\.\d+)?%?(?![\d\]])")
_MARKER = re.compile(r"\[\d+\]")


def mask(text: str, bad: list[str], placeholder: str = "〔未核实数字〕") -> str:
    """Replace the unverified number tokens (whole tokens only, never digits inside others)."""
    badset = set(bad)
    return _NUM.sub(lambda m: placeholder if m.group(0) in badset else m.group(0), text)


def numbers_in(text: str) -> list[str]:
    return [m.group(0) for m in _NUM.finditer(_MARKER.sub(" ", text))]


def to_decimal(s: str) -> Decimal | None:
    t = s.replace(",", "").replace("−", "-").rstrip("%")
    try:
        return Decimal(t)
    except InvalidOperation:
        return None


def _places(d: Decimal) -> int:
    exp = d.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def _same(answer: Decimal, known: Decimal) -> bool:
    """Equal, or the answer rounds the known number at its own (non-zero) number of decimals."""
    if answer == known:
        return True
    p = _places(answer)
    return p >= 1 and known.quantize(Decimal(1).scaleb(-p)) == answer


def evidence_numbers(evidence: list[RowEvidence | TextEvidence]) -> list[Decimal]:
    out: list[Decimal] = []
    for e in evidence:
        texts: list[str]
        if isinstance(e, RowEvidence):
            texts = [*e.values.values(), *e.values.keys(), e.code, e.label, e.table, e.unit_name, str(e.doc.year or "")]
        else:
            texts = [e.text, e.section, str(e.doc.year or "")]
        for t in texts:
            for n in numbers_in(t or ""):
                d = to_decimal(n)
                if d is not None:
                    out.append(d)
    return out


def unverified(answer: str, evidence: list[RowEvidence | TextEvidence], computed: list[Decimal]) -> list[str]:
    """Numbers in the answer found neither in the cited evidence nor among computed results."""
    known = evidence_numbers(evidence) + list(computed)
    bad: list[str] = []
    for n in numbers_in(answer):
        d = to_decimal(n)
        if d is None:
            continue
        if not any(_same(d, k) for k in known):
            bad.append(n)
    return bad
