"""Shared helpers for the CLI tests: run `budgetqa` in a subprocess, read a store back."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "fixtures" / "real"
SAMPLE_PDF = ROOT / "ingest" / "samples" / "gonghui-2026.pdf"


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return [ln for ln in self.stdout.splitlines() if ln.strip()]


def _command() -> list[str]:
    script = Path(sys.executable).parent / "budgetqa"
    return [str(script)] if script.exists() else [sys.executable, "-m", "ui.cli"]


def run_cli(*args: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """`budgetqa ARGS` in a fresh process. BUDGETQA_HOME is unset unless env sets it."""
    full = {k: v for k, v in os.environ.items() if k != "BUDGETQA_HOME"}
    full.update({"HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False", "TOKENIZERS_PARALLELISM": "false"})
    full.update(env or {})
    p = subprocess.run(
        [*_command(), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full,
        cwd=str(cwd or ROOT),
        timeout=300,
    )
    return Run(p.returncode, p.stdout, p.stderr)


@pytest.fixture(scope="session")
def cli() -> Callable[..., Run]:
    """run_cli: `budgetqa ARGS` in a subprocess, returning exit code, stdout and stderr."""
    return run_cli


@pytest.fixture(scope="session")
def docs_json() -> Callable[..., list[dict]]:
    """`budgetqa docs --json --store STORE` parsed."""

    def docs(store: Path, **kw) -> list[dict]:
        r = run_cli("docs", "--json", "--store", store, **kw)
        assert r.code == 0, r.stderr
        return json.loads(r.stdout)

    return docs


_PARSED: dict[tuple[str, str], object] = {}
_READ: dict[str, Callable] = {}  # the parser itself, kept while bm25_store stands in for it


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def corpus_pdf(name: str) -> Path:
    """A real PDF of ../shared/corpus (real/ or more/); the test is skipped when the corpus is not there."""
    import pytest

    pdf = next((p for p in (CORPUS / "real" / name, CORPUS / "more" / name) if p.is_file()), None)
    if pdf is None:
        pytest.skip(f"{name} 不在 ../shared/corpus（语料目录缺失）")
    return pdf


_SHARED: list[Path] = []  # with pytest-xdist: a folder of this run's parses, shared by its workers


@pytest.fixture(scope="session", autouse=True)
def _shared_parses(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Under `pytest -n N` each worker is a process of its own: a parse one worker made is read back from disk
    by the others (this run's own folder, so no parse outlives the code that made it)."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        folder = tmp_path_factory.getbasetemp().parent / "parsed"
        folder.mkdir(exist_ok=True)
        _SHARED[:] = [folder]


def _read(path: Path, key: tuple[str, str]):
    from filelock import FileLock

    from ingest import service
    from ingest.model import Document

    read = _READ.get("real", service.read_document)
    if not _SHARED:
        return read(path)
    name = hashlib.sha256("/".join(key).encode()).hexdigest()[:24]
    saved = _SHARED[0] / f"{name}.json"
    with FileLock(str(saved) + ".lock"):  # (one worker parses; another asking meanwhile waits for it)
        if saved.is_file():
            return Document.model_validate_json(saved.read_text(encoding="utf-8"))
        doc = read(path)
        part = saved.with_suffix(".part")
        part.write_text(doc.model_dump_json(), encoding="utf-8")
        part.replace(saved)
        return doc


def parsed_once(path: Path):
    """read_document(path), parsed once per test session for the same bytes and file name (a corpus PDF and
    its copy in tests/fixtures are one parse); a deep copy each call, so no test sees another's changes."""
    from ingest import service

    key = (service.sha256_of(path), path.name)
    if key not in _PARSED:
        _PARSED[key] = _read(path, key)
    doc = _PARSED[key].model_copy(deep=True)
    doc.path = str(path.resolve())
    return doc


def bm25_store(home: Path, *files: Path) -> Path:
    """A store at home holding these files, read without embeddings (BM25 answers, no model load).
    Stored through Ingestor.ingest as a user's ingest is; each file is parsed once per session."""
    from ingest import service
    from ingest.settings import Settings

    ing = service.Ingestor(Settings(home=home), embed=False)
    _READ.setdefault("real", service.read_document)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(service, "read_document", lambda path, progress=None: parsed_once(path))
        for f in files:
            res = ing.ingest(f)
            assert res.ok, f"{f.name}: {res.error}"
    return home


def bm25_bot(home: Path, *files: Path):
    """An Assistant over a BM25 store at home holding these files (no embedding model loaded)."""
    from assistant.service import Assistant
    from ingest.settings import Settings

    return Assistant(Settings(home=bm25_store(home, *files), dense_retrieval=False))


@contextmanager
def served_app(settings) -> Iterator[tuple[str, object]]:
    """(url, Blocks): the web app as `budgetqa serve` builds it, on a free localhost port, closed after."""
    import socket

    from ui import app

    demo = app.build_app(settings, embed=False)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    demo.launch(**app.launch_options("127.0.0.1", port), prevent_thread_lock=True, quiet=True)
    try:
        yield f"http://127.0.0.1:{port}/", demo
    finally:
        demo.close()


class FakeEmbedder:
    """Deterministic 16-dimension vectors: enough for the index's bookkeeping, in no time."""

    def __init__(self, name, cache_dir, batch_size=64, int8=False):
        pass

    def embed_passages(self, texts):
        return [[b / 255 + 0.01 for b in hashlib.sha256(t.encode()).digest()[:16]] for t in texts]


@pytest.fixture
def fake_embed(monkeypatch):
    """Ingest "with embeddings" through FakeEmbedder instead of the model."""
    from ingest import embedding

    monkeypatch.setattr(embedding, "Embedder", FakeEmbedder)


def answered(bot, q: str):
    """bot.ask(q), which must answer with no unverified number."""
    a = bot.ask(q)
    assert a.answerable and a.unverified_numbers == [], a.answer
    return a
