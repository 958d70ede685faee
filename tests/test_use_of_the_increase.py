""""…比上年增加了多少？多出来的钱干什么用？": the increase is the change an earlier ask found; what the release says of
it (the sentence after the change), not another sentence that only tells some use (北京市审计局 2026 说明 p7: "2026 年支出
预算 32852.05 万元，比 2025 年年初预算数30385.62 万元增加 2466.43 万元，增长 8.12%。主要原因是新招录人员等原因导致基本
经费增加"; checked on the rendered page)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"
DOCS = (REAL / "beijing-shi_shenjiju_2026_bumen-yusuan_shuoming.pdf", REAL / "beijing-shi_shenjiju_2026_bumen-yusuan_baobiao.pdf")
pytestmark = pytest.mark.skipif(not all(p.is_file() for p in DOCS), reason=f"{REAL} 不存在（../shared 语料目录缺失）")


def test_what_the_increase_is_for(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, *DOCS), "北京市审计局2026年支出预算比上年增加了多少？多出来的钱干什么用？")
    assert "2466.43" in a.answer and "新招录人员" in a.answer, a.answer
    assert "公务接待" not in a.answer, a.answer
