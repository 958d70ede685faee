"""The seed gold set (eval/gold/gonghui-2026.jsonl) on the bundled sample, BM25 only (no model
load), so answer-quality regressions show in CI. The full eval with hybrid retrieval and the
real corpus is `make eval`; its numbers are in eval/REPORT.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.service import Assistant
from eval.harness import load_gold, metrics
from eval.metrics import score
from ingest.settings import Settings
from tests.conftest import bm25_store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> dict:
    home = tmp_path_factory.mktemp("gold-store")
    settings = Settings(home=home, dense_retrieval=False)
    bm25_store(home, ROOT / "ingest" / "samples" / "gonghui-2026.pdf")
    bot = Assistant(settings)
    items = load_gold(ROOT / "eval" / "gold" / "gonghui-2026.jsonl")
    scores = [score(it, bot.ask(it["question"]).model_dump(), 0.0) for it in items]
    return metrics(scores)


def test_seed_gold_accuracy(result: dict) -> None:
    assert result["n"] >= 80
    assert result["answer_accuracy"] >= 0.97, result["failure_reasons"]
    assert result["citation_hit_rate"] >= 0.96, result["failure_reasons"]


def test_seed_gold_refuses_and_invents_nothing(result: dict) -> None:
    assert result["unanswerable_accuracy"] == 1.0, result["failure_reasons"]
    assert result["unverified_number_rate"] == 0.0


def test_every_kind_is_mostly_right(result: dict) -> None:
    weak = {k: v for k, v in result["by_kind"].items() if v["accuracy"] < 0.8}
    assert not weak, weak
