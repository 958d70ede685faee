"""A fund's part of a table the question names, asked in a reader's words ("用事业收入安排的", "其他收入的又有多少");
the gap between an item's plan and its actual when only a rate is printed; the reason of a whole release's change;
both sides' whole ("收支总计"); a share of a fund's own table; the largest item asked "最多的那一项"; two departments
asked "A比B多还是少". Figures checked on the pages: 重庆市科技局 2026 政府采购预算明细表 合计 6,143.52 / 一般公共预算拨款
2,521.44 / 事业收入 622.08 / 其他收入 3,000.00 (收入总体情况表 其他收入 10,885.00); 万里街道 2023 公益性岗位补贴 执行数
667.32, 预算 635.10 万元; 普陀区社会福利院 2024 收入预算 比2023年预算增加0.46万元, 原因 机关事业单位退休人员活动费增加;
西安市卫健委 2022 决算 收入总计、支出总计均增加789,183.4万元 (新院区), 本年收入合计 2,015,094.22, 财政拨款收入
805,251.56 (39.96%); 西安市信访局 2026 培训费明细表 最大一项 联合学院非法集资案善后工作会议 12.00 万元; 广州市商务局
/水务局 2026 工资福利支出+对个人和家庭的补助 14,866.24 / 27,781.11 万元; 深圳市人社局 2026 一般公共预算支出表（按经济分类）
南山分局 工资福利支出 基本支出 3,703.00 / 分局 基本支出 4,454.94 (83.12%), 光明分局 物业管理费 116.35 / 商品和服务支出
613.24 (18.97%); 苏州市交通运输局 2026 说明 "公务接待费支出 46.51 万元，占“三公”经费的 13.46%"; 广州市水务局 2026 政府性基金预算
250,223.44 / 收入总计 300,185.19 (83.36%); 普陀区委社会工作部 2024 决算 收入支出总计增加 307.82 万元, 原因 单位于2024年成立; 人社局 宝安分局/龙岗分局 商品和服务支出
2,118.69 / 2,264.26; 万里街道 2024 收入预算比2023年预算减少876.75万元, 原因 项目调整; 广州市卫健委 2026 部门预算基本支出预算表 广州血液中心
财政拨款合计 15,808.35; 重庆市科技局/商务委 2026 政府采购服务预算 901 / 4,813.5 万元."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"
MORE = REAL.parent / "more"
KEJIJU = MORE / "chongqing-shi_kejiju_2026_bumen-yusuan.pdf"
WANLI = REAL / "shanghai-putuo_wanlijiedao_2023_bumen-yusuan.pdf"
FULIYUAN = REAL / "shanghai-putuo_shehuifuliyuan_2024_danwei-yusuan.pdf"
WEIJIAN = REAL / "xian-shi_weijianwei_2022_juesuan.pdf"
XINFANG = REAL / "xian-shi_xinfangju_2026_bumen-yusuan.pdf"
SHANGWU = MORE / "guangzhou-shi_shangwuju_2026_bumen-yusuan.pdf"
SHUIWU = MORE / "guangzhou-shi_shuiwuju_2026_bumen-yusuan.pdf"
RENSHE = MORE / "shenzhen-shi_renshe-ju_2026_bumen-yusuan.pdf"
JIAOTONG = MORE / "suzhou-shi_jiaotongju_2026_bumen-yusuan.pdf"
SHEHUI = REAL / "shanghai-putuo_shehuigongzuobu_2024_juesuan.pdf"
WANLI24 = REAL / "shanghai-putuo_wanlijiedao_2024_bumen-yusuan.pdf"
WEIJIAN26 = MORE / "guangzhou-shi_weijianwei_2026_bumen-yusuan.pdf"
SHANGWEI = MORE / "chongqing-shi_shangwuwei_2026_bumen-yusuan.pdf"
FILES = (KEJIJU, WANLI, FULIYUAN, WEIJIAN, XINFANG, SHANGWU, SHUIWU, RENSHE, JIAOTONG, SHEHUI, WANLI24,
         WEIJIAN26, SHANGWEI)
pytestmark = pytest.mark.skipif(not all(f.is_file() for f in FILES),
                                reason="../shared 语料目录缺失")


def test_fund_parts_of_the_table_asked(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, KEJIJU)
    a = answered(bot, "重庆市科学技术局2026年政府采购预算是多少？用一般公共预算拨款的有多少，其他收入的又有多少？")
    assert "2,521.44" in a.answer and "3,000.00" in a.answer and "10,885.00" not in a.answer, a.answer
    a = answered(bot, "重庆市科学技术局2026年政府采购预算里，用事业收入安排的有多少？")
    assert "622.08" in a.answer, a.answer


def test_gap_of_plan_and_actual_and_the_release_reason(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path / "a", WANLI), "万里街道2023年公益性岗位补贴预算跟2022年执行数比，差了多少？")
    assert "667.32 − 635.10 = 32.22" in a.answer, a.answer
    a = answered(bm25_bot(tmp_path / "b", FULIYUAN), "上海市普陀区社会福利院2024年预算比上年增加了多少，主要因为什么？")
    assert "0.46" in a.answer and "退休人员活动费" in a.answer and "根据实际支出" not in a.answer, a.answer


def test_both_sides_whole_and_a_share_of_this_years_income(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, WEIJIAN)
    a = answered(bot, "西安市卫健委2022年决算的收支总计为啥涨了？")
    assert "789,183.4" in a.answer and "新院区" in a.answer, a.answer
    a = answered(bot, "西安市卫健委2022年决算，财政拨款收入在本年收入里占多少比例？")
    assert "39.96%" in a.answer, a.answer


def test_largest_item_and_two_departments_more_or_less(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path / "a", XINFANG), "西安市信访局2026年的培训里，花钱最多的那一项叫什么？")
    assert "非法集资" in a.answer and "12.00" in a.answer, a.answer
    a = answered(bm25_bot(tmp_path / "b", SHANGWU, SHUIWU), "广州市商务局2026年人员经费比广州市水务局多还是少？")
    assert "27781.11 − 14866.24 = 12914.87" in a.answer, a.answer


def test_shares_of_the_whole_named(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path / "a", RENSHE)
    a = answered(bot, "深圳社保基金管理局南山分局2026年工资福利支出占基本支出的比例")
    assert "83.12%" in a.answer, a.answer
    a = answered(bot, "深圳社保基金管理局光明分局2026年物业管理费占商品和服务支出的比例是多少？")
    assert "18.97%" in a.answer, a.answer
    a = answered(bm25_bot(tmp_path / "b", JIAOTONG), "苏州市交通运输局2026年三公经费，公务接待费占比多少？")
    assert "13.46%" in a.answer and "32.25%" not in a.answer, a.answer
    a = answered(bm25_bot(tmp_path / "c", SHUIWU), "广州市水务局2026年的收入，有百分之多少是由政府性基金预算来拨的？")
    assert "83.36%" in a.answer, a.answer
    a = answered(bm25_bot(tmp_path / "d", SHEHUI), "普陀区委社会工作部2024年决算的收入和支出为什么翻了一倍？")
    assert "307.82" in a.answer and "成立" in a.answer, a.answer


def test_two_units_which_more_and_a_reason_asked_as_the_documents_explanation(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path / "a", RENSHE), "2026年深圳社保基金管理局宝安分局与龙岗分局，哪一家一般公共预算商品和服务支出更多？")
    assert "2,118.69" in a.answer and "2,264.26" in a.answer and "2264.26 − 2118.69 = 145.57" in a.answer, a.answer
    a = answered(bm25_bot(tmp_path / "b", WANLI24), "万里街道2024年收入预算比上年少了多少，文件怎么解释的？")
    assert "876.75" in a.answer and "项目调整" in a.answer, a.answer


def test_a_unit_named_after_qizhong(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, WEIJIAN26), "广州市卫健委2026年的基本支出预算表里，其中广州血液中心的财政拨款有多少？")
    assert "15,808.35" in a.answer and "存储中没有" not in a.answer, a.answer


def test_a_unit_under_its_department_and_the_clause_compared(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path / "a", WEIJIAN26), "广州市卫健委所属广州血液中心2026年基本支出的财政拨款是多少？")
    assert "15,808.35" in a.answer, a.answer
    a = answered(bm25_bot(tmp_path / "b", KEJIJU, SHANGWEI),
                 "2026年重庆市科学技术局和重庆市商务委员会的政府采购服务预算各是多少？谁更多？")
    assert "4813.50 − 901.00 = 3912.50" in a.answer, a.answer
