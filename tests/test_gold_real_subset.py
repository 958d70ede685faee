"""The real gold sets on the real PDFs copied into tests/fixtures/real (10 of them, loaded together,
so each question must also find its department). BM25 only, no model load. The whole corpus with
hybrid retrieval is `make eval` (eval/REPORT.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.service import Assistant
from eval.harness import load_gold, metrics
from eval.metrics import score
from ingest.settings import Settings
from tests.conftest import bm25_store

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "fixtures" / "real"
GOLD = [ROOT / "eval" / "gold" / n for n in ("real.jsonl", "real-holdout.jsonl", "real-blind2.jsonl")]


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> dict:
    items = [it for g in GOLD for it in load_gold(g) if (REAL / it["file"]).exists()]
    home = bm25_store(tmp_path_factory.mktemp("real-gold"), *(REAL / f for f in sorted({it["file"] for it in items})))
    bot = Assistant(Settings(home=home, dense_retrieval=False))
    scores = [score(it, bot.ask(it["question"]).model_dump(), 0.0) for it in items]
    return metrics(scores)


def test_real_gold_on_the_fixtures(result: dict) -> None:
    assert result["n"] >= 50
    assert result["answer_accuracy"] >= 0.95, result["failure_reasons"]
    assert result["citation_hit_rate"] >= 0.95, result["failure_reasons"]
    assert result["unanswerable_accuracy"] == 1.0, result["failure_reasons"]
    assert result["unverified_number_rate"] == 0.0
