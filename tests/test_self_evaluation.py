"""Project self-evaluation forms (项目支出绩效自评表) of a real 决算: the form's total score and its goal block
are stored; a score is answered by the form of the project asked; a self-evaluated indicator says what was
achieved and why it fell short; a later ask that says only "项目" is of the project named before."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot, corpus_pdf, parsed_once

NAME = "xian-shi_weijianwei_2022_juesuan.pdf"


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory):
    return bm25_bot(tmp_path_factory.mktemp("self-eval"), corpus_pdf(NAME))


def test_total_score_and_goal_rows_are_stored() -> None:
    doc = parsed_once(corpus_pdf(NAME))
    form = next(t for t in doc.tables if "经开院区二期建设项目" in t.title and t.kind == "performance")
    rows = {r.label: r.values for r in form.rows}
    assert rows["总分"] == {"分值": "100", "得分": "86"}
    goal = rows["总体目标"]
    assert "三级甲等儿童医院" in goal["预期目标"] and "尚未完成" in goal["实际完成情况"]


def test_score_of_a_quoted_project_under_a_qualified_form_title(bot) -> None:
    # the forms are titled "西安市级X项目绩效自评表"; X quoted is that form, not "X（非…）"'s
    a = answered(bot, "西安卫健委2022年决算，“采供血业务经费（政府采购部分）”项目自评打了多少分？")
    assert "95.65" in a.answer and "93.65" not in a.answer
    assert a.citations[0].page == 62


def test_a_score_asked_after_a_rate_of_the_same_project(bot) -> None:
    a = answered(bot, "西安卫健委2022年决算中，“采供血专用设备类”项目的执行率是多少？自评总分多少？")
    assert "93.27%" in a.answer and "98.49" in a.answer
    assert "99.5" not in a.answer  # (the department's own 整体支出 form)


def test_a_self_evaluated_indicator_says_what_was_achieved(bot) -> None:
    a = answered(bot, "西安卫健委2022年决算里，市儿童医院经开院区二期建设项目的惠及人口指标完成了吗？")
    assert "1240000" in a.answer and "暂未完工开诊" in a.answer and "至少可惠及周边常驻人口" in a.answer


def test_a_bare_project_after_a_project_named(bot) -> None:
    a = answered(bot, "西安卫健委2022年决算里，医用超声波仪器及设备项目自评得了几分？项目的设备质量指标完成得如何？")
    assert a.answer.count("《西安市级医用超声波仪器及设备项目绩效自评表》") == 2
    assert "公共卫生事业发展资金" not in a.answer
    a = answered(bot, "西安卫健委2022年决算里，市儿童医院经开院区二期建设项目自评多少分？项目按时投入使用了吗？")
    assert "86" in a.answer and "未交付使用" in a.answer and "工期延误" in a.answer


def test_narrative_figures_the_project_form_prints_otherwise(bot) -> None:
    # p. 40: "疾控新址实验设备采购项目…全年预算数2277万元，执行数3215.02万元"; its form (p. 89) prints 2174.20, 95.49%
    a = answered(bot, "西安卫健委2022年决算里，疾控中心的疾控新址实验设备采购项目预算执行得怎样？")
    assert "3215.02" in a.answer and "2,174.20" in a.answer and "95.49%" in a.answer and "不一致" in a.answer, a.answer
    assert any(c.page == 89 for c in a.citations)


def test_a_forms_amount_column_asked_by_its_name(bot) -> None:
    # "全年执行数是多少" asks the form's money column (p64 采供血专用设备类: 全年执行数 1318.72), not a yearly result told
    # in the narrative
    a = answered(bot, "西安卫健委2022年决算，市中心血站“采供血专用设备类”项目的全年执行数是多少？")
    assert "1318.72" in a.answer and a.citations[0].page == 64 and a.citations[0].row == "年度资金总额", a.answer


def test_why_a_project_fell_short_is_its_forms_reason(bot) -> None:
    # p132: the 二期 form's 项目实施质量 row scores 3 of 5; its 偏差原因 column says the works were delayed by force
    # majeure. The reason cell that writes the asked words answers, not the form's first indicator.
    a = answered(bot, "西安卫健委2022年决算，高铁新城院区二期项目为什么工期延误？")
    assert "不可抗力" in a.answer and "项目实施质量" in a.answer, a.answer
    assert a.citations[0].page == 132


def test_a_fund_row_of_the_form_of_a_project_its_unit_carries_out(bot) -> None:
    # the unit named (实施单位 of the form), and a row of its form named: that row, not the unit's 综述 sentence
    a = answered(bot, "西安市卫健委2022年决算，西安市红会医院泌尿系内镜及显像设备系统购置项目的其他资金实际执行了多少？")
    assert "34" in a.answer and a.citations[0].kind == "row" and a.citations[0].page == 135


def test_a_project_named_by_a_latin_word_of_its_forms_title(bot) -> None:
    # "DSA" names the form "复合手术室DSA项目"; its own 财政拨款 and 其他资金 rows, not another form of the same hospital
    a = answered(bot, "西安市卫健委2022年决算里，西安市第三医院DSA复合手术室那个项目，财政拨款和其他资金分别是多少？")
    assert "589" in a.answer and "1311" in a.answer and "21143.98" not in a.answer
    assert {c.page for c in a.citations if c.kind == "row"} == {107}


def test_a_goal_block_labelled_on_its_head_row_is_stored() -> None:
    # "年度总体目标完成情况 | 预期目标（年初设定） | 实际完成情况", the texts in the row below with no label (p125)
    doc = parsed_once(corpus_pdf(NAME))
    form = next(t for t in doc.tables if t.kind == "performance" and "能力提升" in t.title
                and any(r.values.get("实施单位") == "西安市胸科医院" for r in t.rows))
    goal = {r.label: r.values for r in form.rows}["年度总体目标完成情况"]
    assert "旋磨治疗仪" in goal["预期目标"] and "血管介入治疗" in goal["实际完成情况"]


def test_what_a_units_project_is_for_is_its_forms_goal(bot) -> None:
    # the 综述 sentence says what was achieved; what the money buys is only in the form's 预期目标
    a = answered(bot, "西安市胸科医院2022年“基层医疗卫生机构能力提升”项目的钱准备用来干什么？")
    assert "旋磨治疗仪" in a.answer and any(c.page == 125 for c in a.citations)
    # (and what the money keeps going, asked as "保障什么")
    a = answered(bot, "西安市公共卫生中心（西安市应急医疗中心）2022年运维服务项目的钱保障什么？")
    assert "氧气" in a.answer


def test_one_project_of_two_hospitals_compared(bot) -> None:
    # "公共卫生事业发展资金" carried out by two hospitals (综述 p44 and p54, 400 万元 each): each hospital's own figure,
    # labelled with its name, and equal figures are said to be equal
    a = answered(bot, "西安市卫健委2022年决算中，西安市第一医院和西安市儿童医院都有“公共卫生事业发展资金”项目，两家各花了多少，谁多？")
    assert "西安市儿童医院400万元" in a.answer and "西安市第一医院400万元" in a.answer and "数额相同" in a.answer


def test_a_model_word_glued_to_its_unit_letter_and_the_unit_carrying_the_form_out(bot) -> None:
    # p. 105: "西安市级1.5TMRI（…）项目绩效自评表", 实施单位 西安市第三医院; p. 131 is 阎良铁路医院's "核磁共振" form (218)
    a = answered(bot, "西安卫健委2022年决算里，第三医院的MRI核磁项目花了多少钱？当年财政拨款占多少？")
    assert "1089.96" in a.answer and "300" in a.answer and "218" not in a.answer, a.answer
    assert any(c.page == 105 for c in a.citations)
    # p. 123: 第九医院's "方舱式X射线电子计算机断层扫描诊断系统" (no "CT" in its name), 年初预算 800, 执行 853.5
    a = answered(bot, "西安卫健委2022年决算里，第九医院方舱式CT实际执行比年初预算多出多少？")
    assert "853.5 − 800 = 53.5" in a.answer, a.answer


def test_forms_of_one_title_told_apart_by_a_phrase_their_goal_writes(bot) -> None:
    # pp. 85-86: two "2022年新冠疫情防控经费" forms of 疾控中心; only p. 86's goal writes "第二季度流调人员…集中管理"
    a = answered(bot, "西安卫健委2022年决算里，疾控中心新冠疫情防控项目（第二季度流调人员新冠疫情防控集中管理）执行了多少钱？")
    assert "1,392.20" in a.answer and "1,033.00" not in a.answer, a.answer


def test_a_sentence_is_checked_against_its_own_bodys_form_only(bot) -> None:
    # p. 52 "67.西安市第九医院药品零差率补助项目…377.58万元"; 中心医院's "公立医院药品零差率补助" form (363.41) is another
    # body's, and 第三医院's MRI sentence keeps a year its form's name drops: no disagreement to report in either
    a = answered(bot, "西安卫健委2022年决算里，第九医院药品零差率补助是多少？")
    assert "377.58" in a.answer and "不一致" not in a.answer, a.answer
    a = answered(bot, "西安卫健委2022年决算里，第三医院那台MRI全年预算多少？")
    assert "1089.96" in a.answer and "不一致" not in a.answer, a.answer


def test_money_alone_after_a_score_is_the_same_projects(bot) -> None:
    # p. 100: 儿童医院's "城市公立医院取消药品加成财政补偿资金（…专项资金）" form: 总分 98, 272.58 spent
    a = answered(bot, "西安卫健委2022年决算里，儿童医院的“城市公立医院取消药品加成财政补偿资金”项目得了几分？资金执行了多少？")
    assert "98" in a.answer and "272.58" in a.answer and "99.5" not in a.answer, a.answer


def test_a_yearly_count_a_forms_indicator_prints_is_that_row(tmp_path: Path) -> None:
    # 信访干部培训专项项目绩效自评表 p. 30: 培训人数 实际完成值 366 人; the narrative's "安排 123 名…骨干到局内一线岗位锻炼"
    # counts others
    bot = bm25_bot(tmp_path, corpus_pdf("zhongyang_guojia-xinfangju_2024_juesuan.pdf"))
    a = answered(bot, "国家信访局2024年信访干部培训专项，全年累计培训了多少人？")
    assert "“数量指标：培训人数”" in a.answer and "366 人" in a.answer


def test_a_money_row_tells_its_rate_and_score(tmp_path: Path) -> None:
    # 国家信访局 2024 决算 信息化运行维护项目绩效自评表, 年度资金总额: 年初 1638.67, 全年 1639.34, 执行 1032.99,
    # 分值 10.0, 执行率 63.01%, 得分 6.3: the row's rate and score are told beside its money
    bot = bm25_bot(tmp_path, corpus_pdf("zhongyang_guojia-xinfangju_2024_juesuan.pdf"))
    a = answered(bot, "国家信访局2024年信息化运行维护项目全年预算数是多少？")
    assert "1639.34" in a.answer and "执行率63.01%" in a.answer and "得分6.3" in a.answer, a.answer
