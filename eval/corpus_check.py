"""Corpus check: ingest ../shared/corpus/{real,more,not-disclosures} into a fresh store (no embeddings)
and compare with eval/corpus_expected.tsv: every disclosure stored with its department, year,
预算/决算 and 部门/单位; every file of not-disclosures refused (with its reason) and absent from the store.

    python -m eval.corpus_check [--corpus DIR] [--store DIR]

Prints one line per file and a summary; exit code 1 when anything differs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from ingest.service import IngestService, expand
from ingest.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = ROOT / "eval" / "corpus_expected.tsv"
DEFAULT = ROOT.parent / "shared" / "corpus"


def expected() -> dict[str, tuple[str, int, str, str]]:
    out: dict[str, tuple[str, int, str, str]] = {}
    for line in EXPECTED.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, dept, year, kind, scope = line.split("\t")
            out[name] = (dept, int(year), kind, scope)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--store", type=Path, help="store folder (default: a temporary one)")
    a = ap.parse_args(argv)
    folders = [a.corpus / n for n in ("real", "more", "not-disclosures")]
    if not all(f.is_dir() for f in folders):
        print(f"找不到语料目录：{a.corpus}（需要 real、more、not-disclosures 三个子目录）", file=sys.stderr)
        return 1
    home = a.store or Path(tempfile.mkdtemp(prefix="budgetqa-corpus-"))
    settings = Settings(home=home)
    svc = IngestService(settings, embed=False)
    want = expected()
    refused = [f for f in expand([folders[2]]) if f.suffix.lower() == ".pdf"]
    files = [f for folder in folders[:2] for f in sorted(folder.glob("*.pdf"))] + refused
    bad = 0
    for f, res in zip(files, svc.ingest(files), strict=True):
        if f in refused:
            ok = not res.ok
            print(f"{'拒绝' if ok else '错误：导入了'}\t{f.name}\t{res.error}")
        else:
            d = res.info
            got = (d.department, d.year, d.kind, d.scope) if d is not None else None
            ok = res.ok and got == want.get(f.name)
            print(f"{'正确' if ok else '错误'}\t{f.name}\t{got or res.error}" + ("" if ok else f"\t应为 {want.get(f.name)}"))
        bad += not ok
    stored = {r.source for r in svc.documents()}
    leaked = sorted(stored & {f.name for f in refused})
    disclosures = {f.name for f in files if f not in refused}
    print(f"公开文件：{len(disclosures & stored)}/{len(disclosures)} 已导入；"
          f"非公开文件：{len(refused) - len(leaked)}/{len(refused)} 被拒绝；不一致 {bad} 个；存储：{home}")
    return 1 if bad or leaked else 0


if __name__ == "__main__":
    sys.exit(main())
