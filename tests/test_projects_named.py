""""X项目" names the project X of the 项目支出 tables, not the 功能分类 科目 printed with the same name (深圳市司法局
本级 2026: 项目 公共法律服务 3,493.83 万元 on p28; 科目 2040607 公共法律服务 134.45 万元 on p23; checked on the
rendered pages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

PDF = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "more" / "shenzhen-shi_sifaju-benji_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not PDF.is_file(), reason=f"{PDF} 不存在（../shared 语料目录缺失）")


def test_a_project_named_as_a_project(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, PDF)
    a = answered(bot, "深圳市司法局本级今年的公共法律服务项目预算有多少？")
    assert "3,493.83" in a.answer and "134.45" not in a.answer, a.answer
    b = answered(bot, "深圳市司法局本级2026年公共法律服务科目支出多少？")
    assert "134.45" in b.answer, b.answer  # the 科目 asked as a 科目


NATIONAL = PDF.parents[1] / "real" / "zhongyang_guojia-xinfangju_2026_bumen-yusuan.pdf"


@pytest.mark.skipif(not NATIONAL.is_file(), reason=f"{NATIONAL} 不存在（../shared 语料目录缺失）")
def test_a_form_sharing_words_with_the_name_is_not_its_amount(tmp_path: Path) -> None:
    # 国家信访局 2026: 科目 2014004 信访业务 2,475.01 (部门支出总表); the form 信访业务培训 has 年度资金总额 118.01
    bot = bm25_bot(tmp_path, NATIONAL)
    a = answered(bot, "国家信访局2026年部门预算中，信访业务这一块安排了多少钱？")
    assert "2,475.01" in a.answer and "118.01" not in a.answer, a.answer
