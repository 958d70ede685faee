"""Ingest benchmark: our parse time per page (no embedding) beside pdfplumber's own
extract_tables() on the same pages, and embedding throughput.

    python -m eval.bench_ingest [PDF or FOLDER ...] [--no-embed] [--json]

Default input: ../shared/corpus/real if present, else tests/fixtures/real. Each file is
parsed twice and the faster run kept (the first run warms the OS cache).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

import pdfplumber

from ingest.service import read_document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
FIXTURES = ROOT / "tests" / "fixtures" / "real"


def bare_pdfplumber(path: Path) -> float:
    t0 = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.flush_cache()
    return time.perf_counter() - t0


def ours(path: Path) -> float:
    t0 = time.perf_counter()
    read_document(path)
    return time.perf_counter() - t0


def files_of(args: list[str]) -> list[Path]:
    if not args:
        src = CORPUS if CORPUS.is_dir() else FIXTURES
        if src == FIXTURES:
            print(f"未找到 {CORPUS}，改用 {FIXTURES}", file=sys.stderr)
        args = [str(src)]
    out: list[Path] = []
    for a in map(Path, args):
        out.extend(sorted(a.glob("*.pdf")) if a.is_dir() else [a])
    return out


def embed_throughput() -> dict:
    from ingest.index import chunks
    from ingest.settings import Settings

    s = Settings()
    from ingest.embedding import Embedder

    t0 = time.perf_counter()
    emb = Embedder(s.embedding_model, s.model_cache, s.embed_batch_size)
    emb.embed_passages(["预热"])
    load = time.perf_counter() - t0
    doc = read_document(ROOT / "ingest" / "samples" / "gonghui-2026.pdf")
    doc.doc_id = "bench"
    texts = [t for _, t, _ in chunks(doc)]
    t0 = time.perf_counter()
    emb.embed_passages(texts)
    dt = time.perf_counter() - t0
    return {"model": s.embedding_model, "load_s": round(load, 2), "texts": len(texts), "seconds": round(dt, 2),
            "per_s": round(len(texts) / dt, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--no-embed", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    rows = []
    for f in files_of(a.paths):
        with pdfplumber.open(f) as pdf:
            pages = len(pdf.pages)
        bare = min(bare_pdfplumber(f) for _ in range(2))
        mine = min(ours(f) for _ in range(2))
        rows.append({"file": f.name, "pages": pages, "bare_s": bare, "ours_s": mine})
        if not a.json:
            print(f"{f.name[:50]:50s} {pages:4d}页  pdfplumber {bare / pages * 1000:6.1f} ms/页  "
                  f"budgetqa {mine / pages * 1000:6.1f} ms/页  ×{mine / bare:.2f}")
    tp = sum(r["pages"] for r in rows)
    tb = sum(r["bare_s"] for r in rows)
    to = sum(r["ours_s"] for r in rows)
    summary = {
        "files": len(rows),
        "pages": tp,
        "pdfplumber_ms_per_page": round(tb / tp * 1000, 1),
        "ours_ms_per_page": round(to / tp * 1000, 1),
        "ratio": round(to / tb, 2),
        "machine": f"{platform.machine()} {platform.python_version()}",
    }
    if not a.no_embed:
        summary["embedding"] = embed_throughput()
    if a.json:
        print(json.dumps({"summary": summary, "files": rows}, ensure_ascii=False, indent=1))
    else:
        print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
