"""Corpus report: parse every PDF of the corpus folders (default ../shared/corpus/real and
../shared/corpus/more), print per document what was read and the publication check's findings
(ingest/audit.py): counts per severity, then every error and warning with its pages.

    python -m eval.corpus_report [FOLDER ...] [--json] [--store DIR] [--all]

With --store the documents are also ingested (structured store and index) into DIR.
--all also lists the rounding findings.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from ingest.audit import SEVERITY_NAMES, audit, pages
from ingest.model import IngestError
from ingest.service import read_document

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
DEFAULT = [CORPUS / "real", CORPUS / "more"]


def run(folders: list[Path]) -> list[dict]:
    rows: list[dict] = []
    for folder in folders:
        for f in sorted(folder.glob("*.pdf")):
            t0 = time.perf_counter()
            try:
                doc = read_document(f)
            except IngestError as e:
                rows.append({"file": f.name, "folder": folder.name, "error": str(e)})
                continue
            report = audit(doc)
            std = sorted({t.kind for t in doc.tables if t.kind not in ("other",)})
            rows.append(
                {
                    "file": f.name,
                    "folder": folder.name,
                    "doc": doc.doc_id,
                    "department": doc.department,
                    "year": doc.year,
                    "kind": f"{doc.scope}{doc.kind}",
                    "pages": doc.pages,
                    "tables": len(doc.tables),
                    "standard_tables": std,
                    "rows": doc.n_rows,
                    "paragraphs": len(doc.paragraphs),
                    "warnings": doc.warnings,
                    "counts": report.counts(),
                    "checked": report.checked,
                    "findings": [
                        {"rule": x.rule, "severity": x.severity, "pages": pages(x), "message": x.message}
                        for x in report.findings
                    ],
                    "seconds": round(time.perf_counter() - t0, 2),
                }
            )
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--all", action="store_true", help="also list rounding findings")
    ap.add_argument("--store", type=Path, help="also ingest into this store folder")
    a = ap.parse_args(argv)
    folders = a.folders or [d for d in DEFAULT if d.is_dir()]
    missing = [d for d in folders if not d.is_dir()]
    if not folders or missing:
        print(f"找不到语料目录：{missing or DEFAULT}（需要 ../shared/corpus/real 和 more，或在参数中给出目录）", file=sys.stderr)
        return 2
    rows = run(folders)
    if a.store:
        from ingest.service import IngestService
        from ingest.settings import Settings

        files = [f for folder in folders for f in sorted(folder.glob("*.pdf"))]
        for _ in IngestService(Settings(home=a.store)).ingest(files):
            pass
    if a.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    total = {"error": 0, "rounding": 0, "warning": 0}
    with_error = 0
    for r in rows:
        if "error" in r:
            print(f"{r['folder']}/{r['file']}\t失败：{r['error']}")
            continue
        c = r["counts"]
        for k in total:
            total[k] += c[k]
        with_error += c["error"] > 0
        print(
            f"{r['folder']}/{r['file'][:48]:48s} {r['department']}\t{r['year']}\t{r['kind']}\t{r['pages']}页\t"
            f"表{r['tables']}(标准{len(r['standard_tables'])})\t行{r['rows']}\t"
            f"错误{c['error']} 尾差{c['rounding']} 提示{c['warning']}\t{r['seconds']}s"
        )
        for x in r["findings"]:
            if x["severity"] != "rounding" or a.all:
                print(f"    [{SEVERITY_NAMES[x['severity']]}] 第{x['pages']}页 {x['message']}")
        if r["warnings"]:
            print(f"    导入警告：{'；'.join(r['warnings'])}")
    n = len(rows)
    print(
        f"\n{n} 个文件；解析 {sum('error' not in r for r in rows)}；审校：错误 {total['error']} 项（{with_error} 个文件），"
        f"尾差 {total['rounding']} 项，提示 {total['warning']} 项"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
