"""A unit of a department named in a question, the way readers write it: without its city's 市 ("湖州X中心"), by
one of the two names a bracket prints ("X中心（Y中心）"), or shortened ("社保" for 社会保险). The question is about
that unit's part of the department's release, and a release that gives each unit a section of its own answers
from that unit's section. Figures checked on the rendered pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.service import Assistant
from tests.conftest import answered, bm25_bot

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared" / "corpus"
HUZHOU = HERE / "fixtures" / "real" / "huzhou-shi_caizhengju_2026_bumen-yusuan.pdf"
XIAN = SHARED / "real" / "xian-shi_weijianwei_2022_juesuan.pdf"
RENSHE = SHARED / "more" / "shenzhen-shi_renshe-ju_2026_bumen-yusuan.pdf"
corpus = pytest.mark.skipif(not (XIAN.is_file() and RENSHE.is_file()), reason=f"{SHARED} 不存在（../shared 语料目录缺失）")


def test_a_unit_named_without_the_citys_ending(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, HUZHOU)
    # p28: 湖州市绿色财政研究服务中心's row of the 三公 table, 公务接待费 0.45
    a = answered(bot, "湖州绿色财政研究服务中心今年的三公经费是多少")
    assert "湖州市绿色财政研究服务中心" in a.answer and "0.45万元" in a.answer


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bm25_bot(tmp_path_factory.mktemp("units-named"), XIAN, RENSHE)


@corpus
def test_a_unit_named_by_the_name_in_its_bracket(bot: Assistant) -> None:
    # 西安卫健委 2022 决算 p38: "22.西安市公共卫生中心（西安市应急医疗中心）食堂服务项目…执行数652万元"
    a = answered(bot, "西安市应急医疗中心2022年食堂服务项目执行了多少")
    assert "652万元" in a.answer and "西安市卫生健康委员会" in a.answer


@corpus
def test_a_unit_written_short_answers_from_its_own_section(bot: Assistant) -> None:
    # 深圳人社局 2026 p26, section "十四、深圳市社会保险基金管理局大鹏分局": "2.区财政安排项目 94.62 万元"
    # (each of ten 分局 sections prints its own 区财政安排项目)
    a = answered(bot, "深圳社保基金管理局大鹏分局的区财政安排项目有多少钱？")
    assert "94.62" in a.answer and "存储中没有" not in a.answer
    # p23, section "十二、…坪山分局": 在职人员经费 1,238.45
    a = answered(bot, "深圳市社保基金管理局坪山分局2026年在职人员经费多少")
    assert "1,238.45" in a.answer and "存储中没有" not in a.answer


@corpus
def test_a_units_name_is_not_what_a_sentence_is_about(bot: Assistant) -> None:
    # 深圳人社局 2026 prints no 社会保险基金 budget; its sections "…深圳市社会保险基金管理局X分局" give each unit's
    # own budget, which holds the words of the fund's name, not the fund
    a = bot.ask("深圳人社局今年社会保险基金收入预算有多少")
    assert not a.answerable and "分局" not in a.answer, a.answer
    # the unit asked by its name is still answered
    a = answered(bot, "深圳市人社局2026年社会保险基金管理局本级预算是多少")
    assert "11,429.20" in a.answer


@corpus
def test_a_unit_named_after_the_table_it_is_read_in(bot: Assistant) -> None:
    # 深圳市人社局 p155 项目支出总表, 深圳技师学院 block: 上年结余、结转 640.31 万元; the narrative's heading "深圳城市职业学院
    # （深圳技师学院）" says the two names are one unit ("项目支出总表中深圳城市职业学院" was read as one body no document is
    # about, and the question refused)
    a = answered(bot, "深圳人社局2026年项目支出总表中深圳城市职业学院的上年结余、结转是多少？")
    assert "640.31" in a.answer and "存储中没有" not in a.answer, a.answer
    # (so too after the release's name: "…预算中宝安分局" is 深圳市社会保险基金管理局宝安分局, p221 基本工资 631.00, not the
    # bureau's own 1,847.59)
    a = answered(bot, "深圳人社局今年的预算中宝安分局的基本工资安排了多少？")
    assert "631.00" in a.answer and "1,847.59" not in a.answer, a.answer


@corpus
def test_a_column_of_a_units_project_by_the_units_other_name(bot: Assistant) -> None:
    # 深圳市人社局 p155 项目支出总表, 深圳技师学院 block: 技工教育管理 事业收入 2,216.35 万元; the key-project list prints the
    # project's total in a column named by the project itself, which is no column the question names (on 7cc5d00: refused)
    a = answered(bot, "深圳城市职业学院的技工教育管理项目里，事业收入有多少？")
    assert "2,216.35" in a.answer, a.answer


@corpus
def test_a_section_asked_by_its_quoted_heading(bot: Assistant) -> None:
    # 西安市卫健委 2022 决算 p144 "十四、其他需要说明的情况": "1.决算公开表格中金额数值保留两位小数…" (on 7cc5d00 the row
    # "其他支出" answered; the contents page's line of that heading is no section)
    a = answered(bot, "西安市卫健委2022年决算最后“其他需要说明的情况”写了些什么？")
    assert "“其他需要说明的情况”一节" in a.answer and "保留两位小数" in a.answer, a.answer


@corpus
def test_a_units_project_form_answers_for_the_unit(bot: Assistant) -> None:
    # 西安市卫健委 2022 决算 p94 超高端X射线体层摄影设备（CT）项目绩效自评表: 实施单位 西安市中心医院, "其中：当年财政拨款" 1072
    # 万元 — the form is the unit's (its 实施单位), and the row's own name holds the 财政拨款 asked (on 7cc5d00: refused)
    a = answered(bot, "西安市中心医院的超高端CT项目，当年财政拨款有多少？")
    assert "1072" in a.answer and "当年财政拨款" in a.answer, a.answer


@corpus
def test_a_column_group_and_a_long_column_named_by_their_own_words(bot: Assistant) -> None:
    # 深圳市人社局 p75 支出总表, 深圳市公共就业服务中心 row: "2026年政府采购项目/小计" 3,242.95 and "其中：2026年政府采购项目中预留给
    # 中小企业的项目资金规模" 1,742.95 万元 (on 7cc5d00 the row's 支出总计 answered, "其中" listed 基本支出 and 项目支出 under it)
    a = answered(bot, "深圳市人社局2026年，市公共就业服务中心的政府采购项目小计是多少？其中预留给中小企业的资金有多少？")
    assert "2026年政府采购项目小计为3,242.95万元" in a.answer and "1,742.95" in a.answer, a.answer
    assert "其中支出总计" not in a.answer and "其中其中" not in a.answer, a.answer


@corpus
def test_a_units_project_named_within_its_project_spending(bot: Assistant) -> None:
    # 深圳市人社局 项目支出总表, 深圳市社会保险基金管理局南山分局 "社会保障管理" 1,242.12 万元 (on 96f592c the unit's
    # 支出总表 row 人力资源和社会保障管理事务 answered, by its 项目支出 column: 1,404.62)
    a = answered(bot, "深圳市社会保险基金管理局南山分局2026年的项目支出里，“社会保障管理”是多少？")
    assert "1,242.12" in a.answer, a.answer
    assert "1,404.62" not in a.answer, a.answer
