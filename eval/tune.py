"""Choose the sentence-ranking weights (ingest.settings.RankWeights) on the gold sets' dev halves only.

Coordinate search: one weight at a time, a few multiples of its value, a change kept only when the dev
accuracy (all dev items of all gold sets, pooled) rises. The test halves are scored once, for the
defaults and for the result, and never steer the search. Writes eval/TUNE.md.

    python -m eval.tune --store S [--gold-dir eval/gold] [--md eval/TUNE.md]

The store should hold every document the gold sets ask about (make eval builds one); BM25 only, so the
dense weight is not searched."""

from __future__ import annotations

import argparse
import platform
from datetime import UTC, datetime
from pathlib import Path

from eval.harness import _commit, load_gold, split_of
from eval.metrics import score
from ingest.settings import RankWeights, Settings

ROOT = Path(__file__).resolve().parents[1]
STEPS = (0.0, 0.5, 2.0)  # tried as multiples of a weight's current value (a zero weight tries 0.5 and 1)
SEARCHED = tuple(n for n in RankWeights.model_fields if n != "dense")


def _accuracy(bot, items: list[dict], scope_of) -> float:
    right = sum(score(it, bot.ask(it["question"], scope_of(it)).model_dump(), 0).right for it in items)
    return right / len(items) if items else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--gold-dir", type=Path, default=ROOT / "eval" / "gold")
    ap.add_argument("--md", type=Path, default=ROOT / "eval" / "TUNE.md")
    a = ap.parse_args(argv)

    from assistant.service import Assistant

    bot = Assistant(Settings(home=a.store, dense_retrieval=False))
    cat = bot.catalog
    by_file: dict[str, list[str]] = {}
    for d in cat.docs.values():
        by_file.setdefault(d.source, []).append(d.doc_id)

    def scope_of(it: dict) -> list[str] | None:
        return by_file.get(it["doc_file"], ["-"]) if it.get("doc_file") else None

    gold = sorted(a.gold_dir.glob("*.jsonl"))
    items = [it for f in gold for it in load_gold(f)]
    dev = [it for it in items if split_of(it) == "dev"]
    test = [it for it in items if split_of(it) == "test"]

    def dev_acc(w: RankWeights) -> float:
        cat.weights = w
        return _accuracy(bot, dev, scope_of)

    start = RankWeights()
    best, best_acc = start, dev_acc(start)
    base_dev = best_acc
    log = [f"| (defaults) | | {base_dev:.4f} |"]
    for name in SEARCHED:
        cur = getattr(best, name)
        for value in ([cur * s for s in STEPS] if cur else [0.5, 1.0]):
            trial = best.model_copy(update={name: round(value, 3)})
            acc = dev_acc(trial)
            log.append(f"| {name} | {value:g} | {acc:.4f} |")
            if acc > best_acc + 1e-9:
                best, best_acc = trial, acc
    cat.weights = start
    base_test = _accuracy(bot, test, scope_of)
    cat.weights = best
    best_test = _accuracy(bot, test, scope_of)
    cat.weights = start

    changed = {n: (getattr(start, n), getattr(best, n)) for n in SEARCHED if getattr(start, n) != getattr(best, n)}
    lines = [
        "# 排序权重的选择 (ranking weights, chosen on the dev halves)",
        "",
        "由 `python -m eval.tune --store S` 生成（eval/tune.py）。Generated; do not edit by hand.",
        "",
        f"- 时间：{datetime.now(UTC).isoformat(timespec='seconds')}；提交：{_commit()}；"
        f"{platform.machine()}，Python {platform.python_version()}；BM25（不含向量检索）",
        f"- 金标准集：{', '.join(f.name for f in gold)}；dev {len(dev)} 题，test {len(test)} 题（按题号哈希分半，"
        "test 半只在最后各算一次，不参与选择）",
        "",
        "| | dev | test |",
        "|---|---:|---:|",
        f"| 默认权重 (ingest/settings.py RankWeights) | {base_dev:.4f} | {base_test:.4f} |",
        f"| 坐标搜索结果 | {best_acc:.4f} | {best_test:.4f} |",
        "",
        "改变的权重：" + ("；".join(f"`{n}` {o:g} → {v:g}" for n, (o, v) in changed.items()) if changed else "无（默认值已是 dev 上最好的）"),
        "",
        "| 权重 | 试的值 | dev 准确率 |",
        "|---|---:|---:|",
        *log,
        "",
    ]
    a.md.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines[8:14]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
