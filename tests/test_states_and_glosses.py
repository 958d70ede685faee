"""What a question puts its ask after ("建成以后做什么用": the sentence printing 建成后); a form's goal text printed beside
a label whose cell has no rules (it was lost); a clause of the department's whole form asked by a number; an economic
class with its group in brackets ("商品和服务支出（公用经费）": not the 公用经费 column); a department's short form in
brackets after its name; money spent in other words ("花掉"); a reason asked as 理由; a count of a thing ("几名保安": the
indicator of 保安, not the first one counted in people); the words right before the question word name what is asked
("…的罚没任务是多少"); a change the reader states roughly ("少了五千多万元") is no part of the subject. Figures checked on the pages:
万里街道 2023 p30 "建成后作为万里街道社区事物受理、社区管理、社区文化艺术活动场所"; 西安市安监局 2019 p33 年度总体目标
"目标10：处理事故45起以上…完成罚没任务150万元"; 深圳市人社局 2026 p133 福田分局 商品和服务支出 721.41, p61 收入总计
571,347.93 (本级 156,491.01); 西安市卫健委 2022 决算 p10 本年支出合计 2,074,962.01 万元; 烟台市信访局 2026 接访大厅运行经费
145.00 万元, 保安人数 ≥8人 (保洁人数 ≥4人); 重庆市科学技术局 2026 p3 基本支出比 2025 年减少 5,371.59 万元, 主要原因是重庆市
中药研究院已调整为市教委下属事业单位."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
WANLI = CORPUS / "real" / "shanghai-putuo_wanlijiedao_2023_bumen-yusuan.pdf"
SAFETY = CORPUS / "more" / "xian-shi_anjianju_2019_bumen-zonghe-yusuan.pdf"
LABOUR = CORPUS / "more" / "shenzhen-shi_renshe-ju_2026_bumen-yusuan.pdf"
HEALTH = CORPUS / "real" / "xian-shi_weijianwei_2022_juesuan.pdf"
PETITION = CORPUS / "real" / "yantai-shi_xinfangju_2026_bumen-yusuan.pdf"
SCIENCE = CORPUS / "more" / "chongqing-shi_kejiju_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not all(p.is_file() for p in (WANLI, SAFETY, LABOUR, HEALTH, PETITION, SCIENCE)),
                                reason=f"{CORPUS} 不存在（../shared 语料目录缺失）")


def test_the_sentence_printing_the_state_asked_after(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, WANLI), "万里街道2023年预算里那个社区公共服务中心新建工程，建成以后用来做什么？")
    assert "文化艺术活动场所" in a.answer, a.answer


def test_goal_text_beside_a_label_with_no_rules(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, SAFETY)
    a = answered(bot, "西安市安全生产监督管理局2019年部门整体支出绩效目标中，计划处理多少起事故？")
    assert "45起" in a.answer and len(a.answer) < 200, a.answer  # (the clause, not the whole text)
    a = answered(bot, "西安市安监局2019年整体绩效目标里罚没任务定了多少？")
    assert "150万元" in a.answer, a.answer
    a = answered(bot, "西安市安监局2019年整体绩效目标中，执法检查方面的罚没任务是多少？")
    assert "150万元" in a.answer, a.answer


def test_a_class_glossed_by_its_group_and_a_short_name_in_brackets(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, LABOUR)
    a = answered(bot, "深圳市社会保险基金管理局福田分局2026年商品和服务支出（公用经费）的基本支出是多少？")
    assert "721.41" in a.answer, a.answer
    a = answered(bot, "深圳市人力资源和社会保障局（市人社局）2026年部门预算总额是多少？")
    assert "571,347.93" in a.answer and "156,491.01" not in a.answer, a.answer


def test_a_reason_asked_as_liyou(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, LABOUR), "深圳市人力资源和社会保障局2026年预算比上年增加，理由是什么？")
    assert "原因" in a.answer, a.answer


def test_money_spent_in_other_words(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, HEALTH), "西安市卫生健康委员会2022年决算里，全年一共花掉了多少钱？")
    assert "2,074,962.01" in a.answer, a.answer


def test_the_thing_counted(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, PETITION), "烟台市信访局2026年接访大厅运行经费安排了多少？按绩效目标至少要配几名保安？")
    assert "145.00" in a.answer and "≥8人" in a.answer and "≥4人" not in a.answer, a.answer


def test_a_change_stated_roughly(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, SCIENCE), "重庆市科学技术局2026年的基本支出较上年少了五千多万元，原因何在？")
    assert "中药研究院" in a.answer, a.answer
