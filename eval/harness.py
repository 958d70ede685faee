"""The eval harness: run the assistant over a gold file and report CONTRACT.md's metrics,
a per-kind breakdown and the failures; results are kept in eval/results/ and summarised in
eval/REPORT.md (numbers, machine, commit, date)."""

from __future__ import annotations

import hashlib
import json
import os
import platform
import statistics
import subprocess
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

from eval.metrics import Score, score
from ingest.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "eval" / "results"
REPORT = ROOT / "eval" / "REPORT.md"


def load_gold(path: Path) -> list[dict]:
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise SystemExit(f"{path}:{n}: 不是有效的 JSON：{e}") from e
    return items


def split_of(item: dict) -> str:
    """'dev' (tune on it) or 'test' (look at its failures only at the end): the item's own "split",
    else a fixed half of the ids by hash, so the split never depends on file order."""
    if item.get("split") in ("dev", "test"):
        return item["split"]
    return "dev" if int(hashlib.sha1(str(item["id"]).encode()).hexdigest(), 16) % 2 == 0 else "test"


def _pct(xs: list[float], p: float) -> float:
    if not xs:
        return 0.0
    s = sorted(xs)
    k = max(0, min(len(s) - 1, round(p / 100 * (len(s) - 1))))
    return round(s[k], 1)


def metrics(scores: list[Score], splits: dict[str, str] | None = None) -> dict:
    answerable = [s for s in scores if s.cited is not None or s.kind != "unanswerable"]
    unans = [s for s in scores if s.kind == "unanswerable"]
    cited = [s for s in scores if s.cited is not None]
    lat = [s.latency_ms for s in scores]
    by_kind: dict[str, list[Score]] = defaultdict(list)
    for s in scores:
        by_kind[s.kind].append(s)
    return {
        "n": len(scores),
        "answer_accuracy": round(sum(s.right for s in scores) / len(scores), 4) if scores else 0.0,
        "citation_hit_rate": round(sum(bool(s.cited) for s in cited) / len(cited), 4) if cited else 0.0,
        "unanswerable_accuracy": round(sum(s.right for s in unans) / len(unans), 4) if unans else 1.0,
        "unverified_number_rate": round(sum(s.unverified for s in scores) / len(scores), 4) if scores else 0.0,
        "latency_ms_p50": round(statistics.median(lat), 1) if lat else 0.0,
        "latency_ms_p95": _pct(lat, 95),
        "failures": [s.id for s in scores if not s.right or s.cited is False or s.unverified],
        "by_kind": {
            k: {"n": len(v), "accuracy": round(sum(s.right for s in v) / len(v), 4)} for k, v in sorted(by_kind.items())
        },
        "failure_reasons": {s.id: s.why for s in scores if s.why or s.unverified},
        "by_split": {
            sp: {"n": len(v), "accuracy": round(sum(s.right for s in v) / len(v), 4)}
            for sp in ("dev", "test") for v in [[s for s in scores if (splits or {}).get(s.id) == sp]] if v
        },
        "answerable_n": len(answerable),
    }


def run(gold: Path, settings: Settings, baseline: bool = False, split: str | None = None) -> dict:
    from assistant.service import Assistant

    items = [it for it in load_gold(gold) if split is None or split_of(it) == split]
    bot = Assistant(settings)
    if items:
        bot.ask(items[0]["question"])  # warm-up: catalog, jieba, model
    scores: list[Score] = []
    by_file: dict[str, list[str]] = {}
    for d in bot.catalog.docs.values():
        by_file.setdefault(d.source, []).append(d.doc_id)
    for it in items:
        # "doc_file": ask within that document, as the web app's document filter does
        scope = by_file.get(it["doc_file"], ["-"]) if it.get("doc_file") else None
        t0 = time.perf_counter()
        ans = bot.ask(it["question"], scope).model_dump()
        ms = (time.perf_counter() - t0) * 1000
        scores.append(score(it, ans, ms))
    m = metrics(scores, {it["id"]: split_of(it) for it in items})
    m["gold"] = gold.name if split is None else f"{gold.stem}.{split}{gold.suffix}"
    m["retrieval"] = "hybrid" if settings.dense_retrieval else "BM25"
    m["docs"] = len(bot.catalog.docs)
    if baseline:
        from eval.baseline import score as baseline_score

        m["baseline"] = baseline_score(items, settings)
    save(m)
    return m


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
    except Exception:
        return "unknown"


def save(m: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    m = {**m, "date": datetime.now(UTC).isoformat(timespec="seconds"), "commit": _commit(),
         "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"}
    (RESULTS / f"{Path(m['gold']).stem}.json").write_text(json.dumps(m, ensure_ascii=False, indent=1), encoding="utf-8")
    write_report()


def _split_acc(m: dict, split: str) -> str:
    v = m.get("by_split", {}).get(split)
    return f"{v['accuracy']:.3f} ({v['n']})" if v else "–"


def write_report() -> None:
    rows = []
    for f in sorted(RESULTS.glob("*.json")):
        m = json.loads(f.read_text(encoding="utf-8"))
        if "gold" not in m:
            continue
        rows.append(m)
    lines = ["# 评测报告 (eval report)", "",
             "由 `budgetqa eval --gold FILE` / `make eval` 生成。Generated by the eval harness; do not edit by hand.",
             "盲测集（写题时未运行本程序）第一次运行的成绩和之后的改动记在 [BLIND.md](BLIND.md)。", "",
             "每个评测集按题号固定分成两半：dev（调参时看）和 test（只在最后看失败题）。",
             "Each gold set is split in two by a hash of the item id: dev (tune on it) and test (failures read only at the end).", "",
             "| gold | n | 文件数 docs | retrieval | answer accuracy | dev | test | citation hit | unanswerable | unverified rate | p50 ms | p95 ms | commit | date | machine |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for m in rows:
        lines.append(
            f"| {m['gold']} | {m['n']} | {m.get('docs', '')} | {m.get('retrieval', 'hybrid')} | {m['answer_accuracy']:.3f} | {_split_acc(m, 'dev')} | "
            f"{_split_acc(m, 'test')} | {m['citation_hit_rate']:.3f} | "
            f"{m['unanswerable_accuracy']:.3f} | {m['unverified_number_rate']:.3f} | {m['latency_ms_p50']} | "
            f"{m['latency_ms_p95']} | {m['commit']} | {m['date'][:10]} | {m['machine']} |"
        )
    for m in rows:
        lines += ["", f"## {m['gold']}", "", "| kind | n | accuracy |", "|---|---|---|"]
        for k, v in m["by_kind"].items():
            lines.append(f"| {k} | {v['n']} | {v['accuracy']:.3f} |")
        if m.get("baseline"):
            b = m["baseline"]
            lines += ["", f"Naive RAG baseline (pdfplumber page text → RecursiveCharacterTextSplitter → same embedding → "
                      f"Chroma top-5; figure recall in retrieved context, an upper bound for an LLM reading it): "
                      f"**{b['figure_recall']:.3f}** over {b['n']} answerable items."]
        if m["failure_reasons"]:
            lines += ["", "Failures:", ""]
            lines += [f"- {k}: {'; '.join(v) or 'unverified numbers'}" for k, v in m["failure_reasons"].items()]
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")
