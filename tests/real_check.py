"""Compare parsed real PDFs with the rows verified by eye (tests/fixtures/real_expected.json)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ingest.model import Document, Row, Table

FIXTURES = Path(__file__).parent / "fixtures"
EXPECTED = json.loads((FIXTURES / "real_expected.json").read_text(encoding="utf-8"))


def clean(t: str) -> str:
    return re.sub(r"\s+", "", t or "")


def parsed(name: str) -> Document:
    from tests.conftest import parsed_once  # one parse per session, shared with the stores the tests build

    return parsed_once(FIXTURES / "real" / name)


def find_row(doc: Document, exp: dict) -> tuple[Table, Row] | str:
    """The stored row matching an expected row, or a reason why none does."""
    tables = [t for t in doc.tables if clean(exp["table_contains"]) in clean(t.title) and exp["page"] in t.pages]
    if not tables:
        titles = sorted({t.title for t in doc.tables if exp["page"] in t.pages})
        return f"no table '{exp['table_contains']}' on p{exp['page']} (tables there: {titles})"
    near: list[str] = []
    for t in tables:
        for r in t.rows:
            if r.page != exp["page"] or clean(r.label) != clean(exp["label"]):
                continue
            if exp.get("code", "") != r.code or (exp.get("side") and exp["side"] != r.side):
                near.append(f"code={r.code} side={r.side}")
                continue
            bad = []
            for key, val in exp["values"].items():
                got = [v for col, v in r.values.items() if clean(col.split("/")[-1]) == clean(key)]
                if val not in got:
                    bad.append(f"{key}: want {val} got {got or r.values}")
            if bad:
                near.append("; ".join(bad))
                continue
            return t, r
    return f"row '{exp['label']}' not matched in {[t.title for t in tables]} ({' | '.join(near[:3])})"


def report() -> tuple[int, int, list[str]]:
    hits, total, misses = 0, 0, []
    for f in EXPECTED:
        doc = parsed(f["file"])
        for key in ("department", "year", "kind", "scope"):
            if getattr(doc, key) != f[key]:
                misses.append(f"{f['file']}: {key} want {f[key]} got {getattr(doc, key)}")
        for exp in f["rows"]:
            total += 1
            res = find_row(doc, exp)
            if isinstance(res, str):
                misses.append(f"{f['file']} p{exp['page']} [{exp['feature']}]: {res}")
                continue
            t, _ = res
            if exp.get("unit") and t.unit != exp["unit"]:
                misses.append(f"{f['file']} p{exp['page']}: unit want {exp['unit']} got {t.unit}")
                continue
            hits += 1
    return hits, total, misses


if __name__ == "__main__":
    h, n, m = report()
    print(f"{h}/{n} rows")
    print("\n".join(m))
