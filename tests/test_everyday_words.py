"""Words a reader adds that ask nothing: a stress word ("究竟", "到底"), what two bodies compared share written first
("同样是审计局，…"); and a sentence saying a table is not there ("本单位无项目支出绩效目标表。") is an answer, not a
table's title. Figures checked on the pages of real documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"
SHENZHEN = REAL / "shenzhen-shi_xinfangju_2026_bumen-yusuan.pdf"
BEIJING = REAL / "beijing-shi_shenjiju_2026_bumen-yusuan_baobiao.pdf"
SUZHOU = REAL / "suzhou-shi_shenjiju_2026_bumen-yusuan.pdf"
FUZHOU = REAL.parent / "more" / "fuzhou-shi_gonganju-wenzhi-zhongxin_2026_danwei-yusuan.pdf"
pytestmark = pytest.mark.skipif(not all(f.is_file() for f in (SHENZHEN, BEIJING, SUZHOU, FUZHOU)),
                                reason=f"{REAL} 不存在（../shared 语料目录缺失）")


def test_a_stress_word_is_no_part_of_the_subject(tmp_path: Path) -> None:
    # 深圳市信访局 p6: 在职人员经费 2,422.61 万元 (on 56d3c7a "究竟有多少" quoted 对个人和家庭补助支出 192.55)
    a = answered(bm25_bot(tmp_path, SHENZHEN), "深圳市信访局2026年的人员经费究竟有多少？")
    assert "2,422.61" in a.answer and "192.55" not in a.answer, a.answer


def test_what_the_compared_bodies_share_asks_nothing(tmp_path: Path) -> None:
    # 北京市审计局 预算01表 收入总计 32,852.05; 苏州市审计局 收支总表 收入总计 4,651.67 (on 56d3c7a 苏州 was answered with its
    # 政府采购 sentence)
    bot = bm25_bot(tmp_path, BEIJING, SUZHOU)
    a = answered(bot, "同为审计局，2026年苏州市审计局和北京市审计局的收入预算各是多少？")
    assert "4,651.67" in a.answer and "32,852.05" in a.answer and "政府采购" not in a.answer, a.answer


def test_a_sentence_saying_a_table_is_not_there(tmp_path: Path) -> None:
    # 福州市公安局文职人员管理中心 p23: "本单位无项目支出绩效目标表。" (refused on 56d3c7a)
    a = answered(bm25_bot(tmp_path, FUZHOU), "福州市公安局文职人员管理中心2026年有没有项目支出绩效目标表？")
    assert "本单位无项目支出绩效目标表" in a.answer, a.answer
