"""Corpus report: parse every PDF of a folder (default ../shared/corpus/real) and print, per
document, what was read and two self-checks (收入总计 = 支出总计; 合计 = 基本支出 + 项目支出).

    python -m eval.corpus_report [FOLDER] [--json] [--store DIR]

With --store the documents are also ingested (structured store and index) into DIR.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from ingest.checks import self_checks
from ingest.model import IngestError
from ingest.service import read_document

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"


def run(folder: Path) -> list[dict]:
    rows: list[dict] = []
    for f in sorted(folder.glob("*.pdf")):
        t0 = time.perf_counter()
        try:
            doc = read_document(f)
        except IngestError as e:
            rows.append({"file": f.name, "error": str(e)})
            continue
        checks = self_checks(doc)
        std = sorted({t.kind for t in doc.tables if t.kind not in ("other",)})
        rows.append(
            {
                "file": f.name,
                "department": doc.department,
                "year": doc.year,
                "kind": f"{doc.scope}{doc.kind}",
                "pages": doc.pages,
                "tables": len(doc.tables),
                "standard_tables": std,
                "rows": doc.n_rows,
                "paragraphs": len(doc.paragraphs),
                "warnings": doc.warnings,
                "checks": {c.name: {"status": c.status, "detail": c.detail} for c in checks},
                "seconds": round(time.perf_counter() - t0, 2),
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--store", type=Path, help="also ingest into this store folder")
    a = ap.parse_args(argv)
    if not a.folder.is_dir():
        print(f"找不到语料目录：{a.folder}（需要 ../shared/corpus/real，或在参数中给出目录）", file=sys.stderr)
        return 2
    rows = run(a.folder)
    if a.store:
        from ingest.service import Ingestor
        from ingest.settings import Settings

        ing = Ingestor(Settings(home=a.store))
        for f in sorted(a.folder.glob("*.pdf")):
            ing.ingest(f)
    if a.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    ok = {"pass", "rounding"}
    both = 0
    for r in rows:
        if "error" in r:
            print(f"{r['file']}\t失败：{r['error']}")
            continue
        st = [r["checks"][k]["status"] for k in ("收支平衡", "支出合计")]
        both += all(s in ok for s in st)
        print(
            f"{r['file'][:48]:48s} {r['department']}\t{r['year']}\t{r['kind']}\t{r['pages']}页\t表{r['tables']}"
            f"(标准{len(r['standard_tables'])})\t行{r['rows']}\t收支平衡:{st[0]}\t支出合计:{st[1]}\t{r['seconds']}s"
        )
        for k in ("收支平衡", "支出合计"):
            if r["checks"][k]["status"] not in ok:
                print(f"    {k}: {r['checks'][k]['detail']}")
        if r["warnings"]:
            print(f"    警告：{'；'.join(r['warnings'])}")
    n = len(rows)
    print(f"\n{n} 个文件；全部解析 {sum('error' not in r for r in rows)}；两项自检都通过 {both}/{n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
