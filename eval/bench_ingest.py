"""Ingest benchmark: four pipelines side by side on the same files.

1. bare pdfplumber: ``extract_tables()`` on every page (one process);
2. budgetqa parse only: ``read_document`` on each file in this process (CPU per page, comparable
   with 1), and ``budgetqa ingest --no-embed`` of the whole set (parallel parse + SQL writes, wall);
3. budgetqa parse + embed: the whole ingest (parallel parse, embedding and Chroma in this process);
4. the naive pipeline: page text (``extract_text``) -> 500-character chunks (the splitter of
   eval/baseline.py) -> the same embedding model -> Chroma.

The embedding model is loaded (and warmed) before anything is timed. Stores are temporary.

    python -m eval.bench_ingest [PDF or FOLDER ...] [--limit N] [--no-embed] [--json] [--md FILE]

Default input: the bundled sample and the first ``--limit`` (default 8) PDFs of
../shared/corpus/real (tests/fixtures/real when it is absent); a folder given means its PDFs
(``--limit`` applies to each folder). ``--md`` writes the report (machine, commit, load, files).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import pdfplumber

from ingest.service import IngestService, read_document
from ingest.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "ingest" / "samples" / "gonghui-2026.pdf"
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
FIXTURES = ROOT / "tests" / "fixtures" / "real"
CHUNK_CHARS = 500


def bare_pdfplumber(path: Path) -> float:
    t0 = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.flush_cache()
    return time.perf_counter() - t0


def ours(path: Path) -> float:
    t0 = time.perf_counter()
    try:
        read_document(path)
    except Exception as e:  # a refused file still costs its parse
        print(f"  {path.name}: {e}", file=sys.stderr)
    return time.perf_counter() - t0


def files_of(args: list[str], limit: int) -> list[Path]:
    if not args:
        src = CORPUS if CORPUS.is_dir() else FIXTURES
        if src == FIXTURES:
            print(f"未找到 {CORPUS}，改用 {FIXTURES}", file=sys.stderr)
        args = [str(SAMPLE), str(src)]
    out: list[Path] = []
    for a in map(Path, args):
        out.extend(sorted(a.glob("*.pdf"))[:limit] if a.is_dir() else [a])
    return out


def _settings(home: Path) -> Settings:
    base = Settings()
    return Settings(home=home, embedding_model=base.embedding_model, model_cache=base.model_cache,
                    embed_batch_size=base.embed_batch_size, ingest_workers=base.ingest_workers)


def _embedder(settings: Settings):
    from ingest.embedding import Embedder

    emb = Embedder(settings.embedding_model, settings.model_cache, batch_size=settings.embed_batch_size, int8=settings.embed_int8)
    emb.embed_passages(["预热"])  # load and warm up outside the timings
    return emb


def ingest_wall(files: list[Path], embed: bool) -> dict:
    """The whole budgetqa ingest into a fresh store (parallel parse), wall seconds."""
    with tempfile.TemporaryDirectory(prefix="budgetqa-bench-") as home:
        settings = _settings(Path(home))
        svc = IngestService(settings, embed=embed)
        if embed:
            svc.ingestor.index.embedder.embed_passages(["预热"])
        t0 = time.perf_counter()
        results = list(svc.ingest(files))
        wall = time.perf_counter() - t0
        out = {"seconds": wall, "stored": sum(r.ok for r in results), "failed": [r.path.name for r in results if not r.ok]}
        if embed:
            metas = svc.ingestor.index.collection.get(include=["metadatas"])["metadatas"] or []
            out["vectors"] = len(metas)
            out["row_vectors"] = sum(m.get("kind") == "row" for m in metas)
        return out


def naive(files: list[Path]) -> dict:
    """Page text -> 500-character chunks -> the same embedding -> Chroma, wall seconds."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_CHARS, chunk_overlap=50, separators=["\n\n", "\n", "。", "，", ""])
    with tempfile.TemporaryDirectory(prefix="budgetqa-naive-") as home:
        settings = _settings(Path(home))
        emb = _embedder(settings)
        client = chromadb.PersistentClient(path=home, settings=ChromaSettings(anonymized_telemetry=False))
        col = client.get_or_create_collection("naive", metadata={"hnsw:space": "cosine"})
        t0 = time.perf_counter()
        n = 0
        for k, f in enumerate(files):
            with pdfplumber.open(f) as pdf:
                texts = [c for page in pdf.pages for c in splitter.split_text(page.extract_text() or "")]
            if texts:
                vecs = emb.embed_passages(texts)
                col.add(ids=[f"{k}:{i}" for i in range(len(texts))], documents=texts, embeddings=vecs)  # type: ignore[arg-type]
            n += len(texts)
        return {"seconds": time.perf_counter() - t0, "vectors": n}


def embed_throughput() -> dict:
    """Texts per second of the embedding model on the sample's text chunks (what the index embeds)."""
    from ingest.index import chunks

    s = Settings()
    t0 = time.perf_counter()
    emb = _embedder(s)
    load = time.perf_counter() - t0
    doc = read_document(SAMPLE)
    doc.doc_id = "bench"
    texts = [t for _, t, _ in chunks(doc)]
    t0 = time.perf_counter()
    emb.embed_passages(texts)
    dt = time.perf_counter() - t0
    return {"model": s.embedding_model, "load_s": round(load, 2), "texts": len(texts), "seconds": round(dt, 2),
            "per_s": round(len(texts) / dt, 1)}


def machine() -> dict:
    cpu = ""
    try:
        cpu = next(ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                   if ln.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor()
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=True).stdout.strip()
        commit += " (with uncommitted changes)" if dirty else ""
    except (OSError, subprocess.CalledProcessError):
        commit = "?"
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(), "machine": platform.machine(),
            "commit": commit, "workers": Settings().ingest_workers or os.cpu_count()}


def run(files: list[Path], embed: bool) -> dict:
    load_before = os.getloadavg()
    host = machine()  # the commit as the run starts
    rows = []
    for f in files:
        with pdfplumber.open(f) as pdf:
            pages = len(pdf.pages)
        bare = bare_pdfplumber(f)
        mine = ours(f)
        rows.append({"file": f.name, "pages": pages, "bare_s": round(bare, 3), "ours_s": round(mine, 3)})
        print(f"{f.name[:50]:50s} {pages:4d}页  pdfplumber {bare / pages * 1000:6.1f} ms/页  "
              f"budgetqa {mine / pages * 1000:6.1f} ms/页  ×{mine / bare:.2f}", file=sys.stderr)
    pages = sum(r["pages"] for r in rows)
    modes: dict[str, dict] = {
        "bare": {"seconds": sum(r["bare_s"] for r in rows)},
        "parse": {"seconds": sum(r["ours_s"] for r in rows)},
    }
    print("budgetqa ingest --no-embed …", file=sys.stderr)
    modes["ingest_no_embed"] = ingest_wall(files, embed=False)
    if embed:
        print("budgetqa ingest（含向量化）…", file=sys.stderr)
        modes["ingest"] = ingest_wall(files, embed=True)
        print("朴素流程（页面文本 → 500 字切块 → 同一向量模型）…", file=sys.stderr)
        modes["naive"] = naive(files)
    for m in modes.values():
        m["ms_per_page"] = round(m["seconds"] / pages * 1000, 1)
        m["seconds"] = round(m["seconds"], 2)
    load_after = os.getloadavg()
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": host,
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in load_after],
        "files": rows,
        "pages": pages,
        "modes": modes,
        "parse_vs_bare": round(modes["parse"]["seconds"] / modes["bare"]["seconds"], 2),
    }


_LABELS = {
    "bare": "pdfplumber `extract_tables()`（单进程）",
    "parse": "budgetqa 只解析（`read_document`，单进程）",
    "ingest_no_embed": "budgetqa 导入不向量化（`ingest --no-embed`：并行解析 + SQLite）",
    "ingest": "budgetqa 解析 + 向量化（`ingest`：并行解析，主进程向量化 + Chroma + SQLite）",
    "naive": "朴素流程（页面文本 → 500 字切块 → 同一向量模型 → Chroma，单进程）",
}


def markdown(r: dict, command: str) -> str:
    m = r["machine"]
    busy = max(r["load_before"][0], r["load_after"][0]) > 0.5
    lines = [
        "# 导入速度基准 (ingest benchmark)",
        "",
        f"由 `{command}` 生成（eval/bench_ingest.py）。Generated; do not edit by hand.",
        "",
        f"- 时间：{r['date']}；提交：{m['commit']}",
        f"- 机器：{m['nproc']} 核（nproc），{m['cpu']}，{m['machine']}，Python {m['python']}；解析进程数 {m['workers']}",
        f"- 负载（1/5/15 分钟）：开始 {r['load_before']}，结束 {r['load_after']}"
        + ("。**运行时机器上还有其他进程在运行**（负载大于 0.5），数字偏慢、只宜相互比较。" if busy else "。"),
        f"- 文件：{len(r['files'])} 个 PDF，共 {r['pages']} 页（见文末）",
        "",
        "| 流程 | 总用时 (s) | 每页 (ms) | 相对 pdfplumber | 向量数 |",
        "|---|---:|---:|---:|---:|",
    ]
    bare = r["modes"]["bare"]["seconds"]
    for key, v in r["modes"].items():
        vec = v.get("vectors", "")
        if key == "ingest" and "row_vectors" in v:
            vec = f"{v['vectors']}（表格行 {v['row_vectors']}）"
        lines.append(f"| {_LABELS[key]} | {v['seconds']} | {v['ms_per_page']} | ×{v['seconds'] / bare:.2f} | {vec} |")
    failed = sorted({f for v in r["modes"].values() for f in v.get("failed", [])})
    if failed:
        lines += ["", f"被拒绝（不是公开文件）而未存储的：{'、'.join(failed)}（解析时间仍计入）。"]
    lines += ["", "| 文件 | 页数 | pdfplumber (ms/页) | budgetqa 解析 (ms/页) | 倍数 |", "|---|---:|---:|---:|---:|"]
    for f in r["files"]:
        lines.append(f"| {f['file']} | {f['pages']} | {f['bare_s'] / f['pages'] * 1000:.1f} | "
                     f"{f['ours_s'] / f['pages'] * 1000:.1f} | ×{f['ours_s'] / f['bare_s']:.2f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--limit", type=int, default=8, help="PDFs taken from each folder given (sorted by name)")
    ap.add_argument("--no-embed", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--md", type=Path, help="write the report as Markdown (e.g. eval/BENCH.md)")
    a = ap.parse_args(argv)
    files = files_of(a.paths, a.limit)
    if not files:
        print("没有找到 PDF 文件", file=sys.stderr)
        return 2
    r = run(files, embed=not a.no_embed)
    if not a.no_embed:
        r["embedding"] = embed_throughput()
    if a.md:
        command = "python -m eval.bench_ingest " + " ".join(argv if argv is not None else sys.argv[1:])
        a.md.write_text(markdown(r, command.strip()), encoding="utf-8")
    if a.json:
        print(json.dumps(r, ensure_ascii=False, indent=1))
    else:
        print(json.dumps({k: r[k] for k in ("pages", "modes", "parse_vs_bare", "load_before", "load_after")},
                         ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
