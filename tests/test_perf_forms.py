"""Several 绩效目标 forms printed one after another in one table run (上海普陀 万里街道 2023, pages 31–35,
checked on the rendered pages): one table per project, titled with its project, each with its own amounts
and indicators."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import parsed_once

PDF = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "shanghai-putuo_wanlijiedao_2023_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not PDF.is_file(), reason=f"{PDF} 不存在（../shared 语料目录缺失）")


def test_one_table_per_project_form() -> None:
    forms = {t.title.split("：", 1)[-1]: t for t in parsed_once(PDF).tables if t.kind == "performance"}
    assert {"新建万里街道社区公共服务中心", "就业援助基地补贴", "公共服务设施运行经费"} <= set(forms)
    first = forms["新建万里街道社区公共服务中心"]
    values = {r.label: next(iter(r.values.values()), "") for r in first.rows}
    assert values["项目资金总额"] == "4,100,000.00"  # p31
    assert values["规划建筑面积"] == "≥13459.00(平方米)"
    # the next project's indicators are not in this form
    assert "补贴对象满意度" not in values
    assert {r.label: next(iter(r.values.values()), "") for r in forms["就业援助基地补贴"].rows}["项目资金总额"] == "6,351,000.00"


REAL = PDF.parent
MORE = PDF.parents[1] / "more"


def _doc(path: Path):
    if not path.is_file():
        pytest.skip(f"{path} 不存在")
    return parsed_once(path)


def test_form_title_with_leading_digits_and_colon_keys() -> None:
    """泉州市政府办 2026 p32: "96196 电梯应急处置服务平台项目绩效目标表" is a title, not a unit-code line, so the
    form is not merged into p31's; its keys are printed with a colon ("资金总额：")."""
    tables = {t.title: t for t in _doc(REAL / "quanzhou-shi_zhengfu-bangongshi_2026_bumen-yusuan.pdf").tables}
    form = tables["96196电梯应急处置服务平台项目绩效目标表"]
    assert form.pages == [32] and tables["市行政中心钢结构修缮项目绩效目标表"].pages == [31]
    rows = {r.label: r for r in form.rows}
    assert rows["资金总额"].values == {"资金总额": "57.00"}
    assert rows["项目实施期目标"].kind == "text" and "12345" in rows["项目实施期目标"].values["项目实施期目标"]


def test_year_line_under_title_and_task_list() -> None:
    """西安市信访局 2026: each form's "（2026年度）" line is not its title; p42's 部门整体支出绩效目标表 lists tasks
    (任务名称 | 主要内容 | 预算金额: 总额 / 财政拨款 / 其他资金) as rows of their own."""
    tables = _doc(REAL / "xian-shi_xinfangju_2026_bumen-yusuan.pdf").tables
    assert not [t.title for t in tables if t.title.startswith("（")]
    whole = next(t for t in tables if t.title == "部门整体支出绩效目标表")
    rows = {r.label: r.values for r in whole.rows}
    assert whole.unit == "万元" and rows["保运转"]["总额"] == "1932.81" and rows["金额合计"]["总额"] == "2838.42"
    assert rows["驻京信访工作开展"]["主要内容"].startswith("负责进京信访信息预警")
    assert "年度总体目标" in rows


def test_project_list_goal_column_is_a_value() -> None:
    """湖州退役军人事务局 2026 p32: "511-退役军人事务局 万元" is a meta line, not the title; the goal column
    (项目总体绩效目标) is a value of each project's row, not a row of its own."""
    tables = _doc(MORE / "huzhou-shi_tuiyijunren-ju_2026_bumen-yusuan.pdf").tables
    t = next(t for t in tables if 32 in t.pages)
    assert t.title == "2026年市级部门项目支出绩效表"
    row = next(r for r in t.rows if r.label == "拥军优抚与褒扬纪念")
    assert row.values["金额"] == "409.00" and "九连冠" in row.values["项目总体绩效目标"]
    assert row.unit_name == "湖州市退役军人事务局"


def test_unit_blocks_by_unit_code() -> None:
    """西安安监局 2019 p9: 科目 rows under "125004 西安市安全生产应急救援中心" belong to that unit."""
    tables = _doc(MORE / "xian-shi_anjianju_2019_bumen-zonghe-yusuan.pdf").tables
    rows = [r for t in tables if 9 in t.pages for r in t.rows if r.code == "2240108"]
    assert rows and all(r.unit_name == "西安市安全生产应急救援中心" for r in rows)
    assert any(r.values.get("合计") == "205.64" for r in rows)


def test_key_project_list_with_unit_in_header() -> None:
    """广州市卫健委 2026 pp116–120 "项目 | 预算数（单位：万元） | 绩效目标": one row per project, not a key/value form."""
    tables = _doc(MORE / "guangzhou-shi_weijianwei_2026_bumen-yusuan.pdf").tables
    t = next(t for t in tables if "重点项目预算绩效目标" in t.title)
    rows = {r.label: r.values for r in t.rows}
    row = rows["广州市急救医疗指挥中心调度席位扩容项目"]  # p118
    assert row["预算数（单位：万元）"] == "1,241.49" and "容灾备份中心" in row["绩效目标"]


def test_special_fund_form_amounts_and_named_indicators() -> None:
    """重庆经信委 2026 p29 市级重点专项资金绩效目标表: 当年预算 / 市级支出 / 补助区县 (printed ",\\n212777.00") are
    rows; indicators headed 指标名称 | 指标值 are named by 指标名称."""
    tables = _doc(MORE / "chongqing-shi_jingxinwei_2026_bumen-yusuan.pdf").tables
    form = next(t for t in tables if t.title.endswith("市工业和信息化专项"))
    rows = {r.label: r for r in form.rows}
    assert rows["当年预算"].values == {"当年预算": "212777.00"} and rows["补助区县"].values == {"补助区县": "89901.00"}
    assert rows["全市生产新能源汽车数量"].kind == "indicator" and rows["全市生产新能源汽车数量"].values["指标值"] == "120"
    assert rows["当年绩效目标"].kind == "text"


def test_a_list_of_projects_with_their_indicators_is_one_form_per_project() -> None:
    """重庆经信委 2026 p31 一般性项目绩效目标表: 序号 | 项目名称 | 当年财政拨款预算金额 | 当年绩效目标 | 指标…, the
    project's cells printed once beside its first indicator: each project its own form, its amount on its row."""
    tables = _doc(MORE / "chongqing-shi_jingxinwei_2026_bumen-yusuan.pdf").tables
    forms = {t.title.split("：", 1)[-1]: t for t in tables if "一般性项目" in t.title}
    assert set(forms) == {"职业教育运转及发展项目", "工业和信息化业务工作经费"}
    rows = {r.label: r for r in forms["工业和信息化业务工作经费"].rows}
    assert rows["工业和信息化业务工作经费"].values == {"当年财政拨款预算金额": "6,564.12"}
    assert rows["微信公众号发文数量"].kind == "indicator" and rows["微信公众号发文数量"].values["指标值"] == "1500"
    assert "项目名称" not in rows["微信公众号发文数量"].values
    assert "满足年度学生实习实训人次" not in rows  # the other project's indicator


def test_a_self_evaluation_form_continued_on_the_next_page_keeps_its_columns() -> None:
    """国家信访局 2024 决算 pp30–31: the 信访干部培训专项 自评表 goes on over the page, where the grid has two columns
    fewer (no merged blank beside 三级指标); each cell is read under the header column above it, by position."""
    doc = parsed_once(Path(__file__).resolve().parent / "fixtures" / "real" / "zhongyang_guojia-xinfangju_2024_juesuan.pdf")
    form = next(t for t in doc.tables if t.kind == "performance" and t.title.startswith("信访干部培训专项"))
    rows = {r.label: r for r in form.rows if r.page == 31}
    sat = rows["受训学员满意率"].values
    assert (sat["年度指标值"], sat["实际完成值"], sat["分值"], sat["得分"]) == ("≥95%", "100%", "10", "10")
    total = rows["总分"].values  # "总分" spans the indicator columns: 分值 100, 得分 98
    assert (total["分值"], total["得分"]) == ("100", "98") and "实际完成值" not in total
    # on its own page the form was read right already
    assert {r.label: r for r in form.rows if r.page == 30}["培训人数"].values["实际完成值"] == "366 人"


def test_a_form_whose_next_pages_name_their_columns_on_a_line_above_the_grid() -> None:
    """西安市安监局 2019 pp39–45: 专项资金整体支出绩效目标表 goes on over six pages; from p40 on, "一级指标 二级指标 指标内容
    指标值" is a line above each grid (一级指标 printed down the page's edge, outside it): no table of its own, and
    each indicator is read under those columns."""
    doc = _doc(MORE / "xian-shi_anjianju_2019_bumen-zonghe-yusuan.pdf")
    assert not any(t.title.startswith("一级指标") for t in doc.tables)
    form = next(t for t in doc.tables if t.title == "2019年专项资金整体支出绩效目标表")
    rows = {(r.page, r.label): r for r in form.rows}
    assert rows[(42, "指标1：事故办理时限")].values["指标值"] == "≤1月" and rows[(42, "指标1：事故办理时限")].code == "时效指标"
    assert rows[(40, "指标8：管理人员考核特种作业人员考核")].values["指标值"] == "9000人"
    assert rows[(45, "指标11：人民群众满意度")].values["指标值"] == "90%"  # (a two-column grid: its last two names)
