"""What an item measures or aims at, lists, ratios by word order, places and units named in passing, counts
and reasons in the next paragraph — each on a real document, figures checked on its pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.service import Assistant
from ingest.settings import Settings
from tests.conftest import answered, bm25_bot, bm25_store, corpus_pdf

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
REAL, MORE = SHARED / "real", SHARED / "more"
FILES = [
    REAL / "changchun-shi_xinfangju_2026_bumen-yusuan.pdf",
    REAL / "beijing-shi_shenjiju_2026_bumen-yusuan_baobiao.pdf",
    MORE / "zhuhai-shi_jiaotong-gongwu-zhongxin_2026_bumen-yusuan.pdf",
    REAL / "xian-shi_xinfangju_2026_bumen-yusuan.pdf",
    REAL / "shanghai-putuo_caizhengju_2024_juesuan.pdf",
    MORE / "chongqing-shi_shangwuwei_2026_bumen-yusuan.pdf",
    MORE / "beijing-shi_shangwuju_2026_bumen-yusuan.pdf",
    MORE / "guangzhou-shi_shangwuju_2026_bumen-yusuan.pdf",
    MORE / "xian-shi_anjianju_2019_bumen-zonghe-yusuan.pdf",
    MORE / "shenzhen-shi_zhengfu-bangongting_2026_bumen-yusuan.pdf",
    REAL / "shanghai-putuo_shangwuwei_2025_bumen-yusuan.pdf",
    MORE / "yantai-shi_dashujuju_2026_bumen-yusuan.pdf",
    REAL / "foshan-shi_guidaojiaotongju_2019_juesuan.pdf",
    MORE / "suzhou-shi_jiaotongju_2026_bumen-yusuan.pdf",
]
pytestmark = pytest.mark.skipif(not all(f.is_file() for f in FILES), reason=f"{SHARED} 不存在（../shared 语料目录缺失）")


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant(Settings(home=bm25_store(tmp_path_factory.mktemp("measures"), *FILES), dense_retrieval=False))


def test_a_part_of_a_projects_money_from_its_goal_text(bot: Assistant) -> None:
    a = answered(bot, "长春市信访局的驻京经费有多少？其中房租多少？")
    assert "312" in a.answer and "249.8" in a.answer  # p16 form: 年度资金总额, 年度绩效目标 "房租费249.8万元"


def test_an_indicator_under_a_project_in_a_wide_form(bot: Assistant) -> None:
    a = answered(bot, "北京市审计局《北京审计》杂志办刊经费多少？每期印刷多少册？")
    assert "17.398" in a.answer and "900" in a.answer  # p12: the project row, then 每期印刷数量 900 册
    assert "册" in a.answer


def test_a_goal_clause_with_the_asked_words(bot: Assistant) -> None:
    a = answered(bot, "珠海工务中心的广南梅第二条原水管道工程一期今年预算多少？管道过水能力提高到多少？")
    assert "2,579.00" in a.answer and "160" in a.answer  # p19 row and its 绩效目标 column


def test_the_items_of_a_named_table_without_its_groups(bot: Assistant) -> None:
    a = answered(bot, "西安市信访局的专项业务经费包括哪几项，各多少钱？")
    assert "驻京信访工作" in a.answer and "2,560,000.00" in a.answer  # p29 专项业务经费支出表
    assert "“通用项目”" not in a.answer and "“专用项目”" not in a.answer  # group rows: sums of the items below


def test_the_whole_of_a_ratio_named_before_the_part(bot: Assistant) -> None:
    a = answered(bot, "普陀区财政局2024年决算，一般公共预算财政拨款基本支出中公用经费占多大比例？")
    assert "7.90%" in a.answer  # 184.65 (p17) over the 基本支出 of the same fund (2,336.91), not 支出合计


def test_a_place_named_apart_from_a_shared_department_word(bot: Assistant) -> None:
    a = answered(bot, "重庆市的市商务发展专项今年安排了多少钱？")
    assert "46794.00" in a.answer  # p26 form: 当年预算
    assert {c.department for c in a.citations} == {"重庆市商务委员会"}


def test_a_unit_listed_in_the_document_is_not_an_unknown_body(bot: Assistant) -> None:
    a = answered(bot, "西安市安全生产监督管理局2019年安全生产宣传教育中心的支出总计是多少？")
    assert "463.23" in a.answer and "存储中没有" not in a.answer  # p5: the unit's row


def test_a_count_is_not_answered_by_an_amount_row(bot: Assistant) -> None:
    a = answered(bot, "深圳市人民政府办公厅有几辆其他用车？")
    assert "其他用车 4 辆" in a.answer and "199.55" not in a.answer  # p12 资产 paragraph


def test_a_reason_told_in_the_next_paragraph(bot: Assistant) -> None:
    a = answered(bot, "深圳市政府办公厅2026年收入比上年增加多少？原因是什么？")
    assert "519.87" in a.answer and "在职人数增加" in a.answer  # p6: 收支总体情况, then 主要原因说明


def test_a_term_asked_in_other_words_gets_its_definition(bot: Assistant) -> None:
    for q in ("深圳市政府办公厅的预算里说的财政拨款收入指什么？", "什么是深圳市政府办公厅预算中的财政拨款收入？"):
        a = answered(bot, q)
        assert "指预算单位从本级财政部门取得的财政预算资金收入" in a.answer, q  # p12 名词解释 "一、财政拨款收入："


def test_a_reason_asked_with_what_is_not_a_definition(bot: Assistant) -> None:
    a = answered(bot, "深圳市政府办公厅2026年收入增加的主要原因是什么？")
    assert "在职人数增加" in a.answer and "的解释" not in a.answer


def test_a_share_asked_after_the_amount(bot: Assistant) -> None:
    a = answered(bot, "普陀区财政局2024年决算的公用经费是多少？占基本支出的比例是多少？")
    assert "184.65" in a.answer and "7.90%" in a.answer  # a follow-up starting with 占: the part is the subject before


def test_an_either_or_change_the_document_does_not_state_is_said_missing(bot: Assistant) -> None:
    a = answered(bot, "上海市普陀区商务委员会2025年的机关运行经费是多少？比上年增加还是减少？")
    assert "171.01" in a.answer  # p22; no change on last year is printed
    assert "未找到能回答" in a.answer and "见上文" not in a.answer and "预算表[" not in a.answer


def test_the_rows_a_total_is_printed_under(bot: Assistant) -> None:
    """"列在哪些科目" asks where the total just asked is printed: its 科目 rows, each with its code."""
    a = answered(bot, "重庆市商务委员会2026年一般公共预算支出合计多少？分别列在哪些科目里？")
    assert "101,833.84" in a.answer  # p16 2026年一般公共预算支出情况表, 合计
    assert "“行政运行”（2011301）6,231.54" in a.answer and "列出19项" in a.answer  # its lowest 科目 rows, p16–18
    assert "未找到" not in a.answer


def test_within_the_item_before_is_not_the_item_again(bot: Assistant) -> None:
    """"其中运行费是多少" after the car costs: the running cost, not the first answer printed twice."""
    a = answered(bot, "广州市商务局2026年公务用车购置及运行费是多少？其中运行费是多少？")
    assert a.answer.count("公务用车购置及运行维护费9.73万元") == 1  # p36, quoted once
    assert "公务用车运行维护费9.73万元，比上年减少0.05万元" in a.answer  # p36, the part asked


def test_a_duty_named_by_its_field(bot: Assistant) -> None:
    """"在会展业方面负责什么": the one duty that names the field, not a refusal nor the whole list."""
    a = answered(bot, "广州市商务局在会展业方面负责什么？")
    assert "拟订并组织实施会展、电子商务、商贸服务等发展规划和政策措施" in a.answer  # p3 一、主要职责 (六)
    assert "外商投资" not in a.answer


def test_which_items_a_term_covers_is_its_definition(bot: Assistant) -> None:
    """"三公经费具体指哪几项": the 名词解释 entry, not a refusal nor a list of table rows."""
    a = answered(bot, "珠海工务中心说的三公经费具体指哪几项？")
    assert "因公出国（境）费用、公务用车购置及运行维护费和公务接待费" in a.answer  # p24 名词解释 十、“三公”经费


def test_a_fund_and_a_column_read_that_funds_own_table(bot: Assistant) -> None:
    """"一般公共预算里项目支出": the 项目支出 column on the 一般公共预算支出表's "总计：" row, not a project form's amount."""
    a = answered(bot, "长春市信访局一般公共预算里项目支出一共多少？")
    assert "474.56" in a.answer and "本年一般公共预算支出表" in a.answer  # p10 预算表5, 总计：
    assert "年度资金总额" not in a.answer


def test_a_tables_total_asked_in_other_words_than_its_title(bot: Assistant) -> None:
    # 北京市审计局 p11 预算11表财政拨款政府购买服务明细表 合计 3,756.180280 (failed on bff2ca6: refused)
    a = answered(bot, "北京市审计局2026年用财政拨款购买社会服务的预算一共多少？")
    assert "3,756.180280万元" in a.answer and a.citations[0].row == "合计"


def test_which_body_a_department_also_is(bot: Assistant) -> None:
    # "哪个单位的牌子" asks a name: the asked kind of thing (单位, 机构) is no word the sentence must print (failed on f1f1934)
    a = answered(bot, "北京市商务局还加挂了哪个单位的牌子？")
    assert "加挂北京市人民政府口岸办公室" in a.answer
    a = answered(bot, "普陀区商务委2025年还加挂了哪些机构的牌子？")
    assert "加挂上海市普陀区经济委员会、上海市普陀区粮食和物资储备局牌子" in a.answer


def test_a_reception_centre_is_not_reception_costs(bot: Assistant) -> None:
    # 西安市信访局 专项业务经费支出表: 接待中心人员信访岗位津贴 146,820.00元 — not 公务接待费, a 三公 part (failed on f1f1934)
    a = answered(bot, "西安市信访局接待中心人员信访岗位津贴安排了多少？")
    assert "146,820.00元" in a.answer and "三公" not in a.answer


def test_sangong_parts_within_project_spending(bot: Assistant) -> None:
    # 广州市商务局 p18 一般公共预算项目支出情况表（按经济分类科目）: 因公出国（境）费用 250.00, 公务接待费 41.50; the 三公 table's
    # 公务接待费 44.90 adds the 基本支出's 3.40 (failed on f1f1934: the 三公 table's totals)
    a = answered(bot, "广州市商务局2026年项目支出中因公出国（境）费用和公务接待费各有多少？")
    assert "250.00万元" in a.answer and "41.50万元" in a.answer and "44.90" not in a.answer
    assert all("项目支出" in c.table for c in a.citations)


def test_a_project_named_with_a_word_inside(bot: Assistant) -> None:
    # 长春市信访局 项目支出表(预算表9): 驻京经费 312.00, asked "驻京工作上的经费" (failed on f1f1934; before parser 18 the
    # project's name and its amounts were two rows)
    a = answered(bot, "长春市信访局2026年在驻京工作上的经费安排了多少？")
    assert "312.00万元" in a.answer and a.citations[0].row == "驻京经费"


def test_where_a_term_is_said_is_not_the_term(bot: Assistant) -> None:
    # 名词解释: "一、财政拨款收入：指单位本年度从本级财政部门取得的财政拨款…" ("决算报告里提到的" says where, not what)
    a = answered(bot, "普陀区财政局的决算报告里提到的“财政拨款收入”是指什么？")
    assert "本级财政部门取得的财政拨款" in a.answer, a.answer


def test_a_table_named_without_its_number(bot: Assistant) -> None:
    # 预算03表 支出总表: 合计 32,852.053832 (基本支出 25,218.537585 + 项目支出 7,633.516247)
    a = answered(bot, "北京市审计局2026年部门预算里，支出总表合计多少钱？")
    assert "32,852.053832万元" in a.answer, a.answer


def test_a_project_of_a_list_form_by_its_name(bot: Assistant) -> None:
    """重庆商务委 2026 p28 一般性项目绩效目标表: the project's row gives its amount, its text row its goal."""
    a = answered(bot, "重庆市商务委2026年市商务发展一般性项目安排了多少钱？绩效目标是什么？")
    assert "8,071.45" in a.answer and "学校保持在校生规模" in a.answer
    assert any(c.kind == "row" and c.row == "市商务发展一般性项目" for c in a.citations)


def test_a_units_whole_budget_is_none_of_its_projects(bot: Assistant) -> None:
    """烟台大数据局 项目支出预算情况表 "市大数据中心工作经费" 33.00 is a project of the center, not its whole budget."""
    a = bot.ask("烟台大数据局下面的大数据中心，自己的预算总额是多少？")
    assert "33.00" not in a.answer and not a.answerable
    assert "33.00" in answered(bot, "烟台市大数据局的市大数据中心工作经费是多少？").answer


def test_parts_named_within_a_whole_are_its_child_rows(bot: Assistant) -> None:
    """"X一共多少？其中Y和Z各多少": Y and Z are rows under X's code; a 款 and its 项 of one name (离休费 30301 /
    3030101) answer with the 款, the whole (重庆商务委 一般公共预算基本支出情况表)."""
    a = answered(bot, "重庆市商务委2026年对个人和家庭的补助总共是多少？其中离休费和生活补助分别是多少？")
    assert "1,532.07" in a.answer and "174.28" in a.answer and "1,191.84" in a.answer
    assert "52.68" not in a.answer


def test_a_forms_total_named_by_its_table_title(bot: Assistant) -> None:
    """"部门整体支出绩效目标表里的资金总额": the form's 金额合计 row (西安信访局 p42); the table's title is no
    goal asked."""
    a = answered(bot, "西安市信访局（汇总）2026年部门整体支出绩效目标表里的资金总额是多少？")
    assert "2838.42" in a.answer and "金额合计" in a.answer


def test_the_row_named_in_a_table_of_one_fund(bot: Assistant) -> None:
    """"财政拨款收支总体情况表中本年收入": that row, not 本年支出 beside it, whose 合计 column the table's
    title alone would pick (重庆商务委)."""
    a = answered(bot, "重庆市商务委2026年财政拨款收支总体情况表中，本年收入是多少？")
    assert "99,320.55" in a.answer and "143,368.57" not in a.answer


def test_a_short_indicator_asked_as_a_performance_target(bot: Assistant) -> None:
    """"绩效指标中培训人数的目标": the indicator row (重庆商务委 一般性项目 form), not the 培训支出 budget row."""
    a = answered(bot, "重庆市商务委的绩效指标中，培训人数定的目标是多少？")
    assert "1066" in a.answer and "16.64" not in a.answer


def test_a_fund_asked_whole_is_its_own_tables_total(bot: Assistant) -> None:
    """"部门预算的财政拨款一共有多少": the 财政拨款收支预算总表's 收入总计 (普陀商务委 2025), the table row cited."""
    a = answered(bot, "普陀区商务委2025年部门预算的财政拨款一共有多少？")
    assert "371,514,655.00" in a.answer and "收入总计" in a.answer


def test_income_items_listed_in_a_final_account(bot: Assistant) -> None:
    # 佛山轨道交通局 2019 收入支出决算总表 p5: 一般公共预算财政拨款收入 1668.14, 其他收入 0.01 (not the row 其他支出)
    a = answered(bot, "佛山轨道交通局2019年决算收入里财政拨款收入、其他收入各有多少？")
    assert "1668.14" in a.answer and "0.01" in a.answer, a.answer
    assert any(c.kind == "row" and "其他收入" in (c.row or "") for c in a.citations)


def test_a_share_within_the_table_the_whole_names(bot: Assistant) -> None:
    # 广州商务局 p23 部门预算基本支出预算表 合计: 财政拨款合计 16,310.73 of 总计 16,310.73 (not a 三公 sentence)
    a = answered(bot, "广州市商务局2026年的基本支出里，财政拨款占比是多少？")
    assert "16,310.73 ÷ 16,310.73" in a.answer and "100.00%" in a.answer, a.answer
    assert any(c.kind == "row" and "基本支出预算表" in c.table for c in a.citations)


def test_an_amount_stated_in_yi_yuan(bot: Assistant) -> None:
    # 苏州市交通运输局 p5 主要工作任务: "交通建设投资突破 1300 亿元" (亿元 is an amount too)
    a = answered(bot, "苏州交通局“十四五”期间交通建设投资有多少？")
    assert "1300 亿元" in a.answer, a.answer


def test_a_table_named_first_holds_for_the_later_asks(bot: Assistant) -> None:
    # 重庆市商务委 财政拨款收支总体情况表: 收入合计 143,368.57 (not the 部门收入总体情况表 合计 174,900.64)
    a = answered(bot, "重庆市商务委2026年财政拨款收支总体情况表中，上年结转多少？收入合计是多少？")
    assert "44,048.03" in a.answer and "143,368.57" in a.answer and "174,900.64" not in a.answer, a.answer


def test_a_count_asked_by_its_noun_is_not_answered_by_money(tmp_path: Path) -> None:
    # 深圳市信访局 2026 prints no number of cases, only "信访工作经费 216.40万元，主要用于…信访案件处理等业务支出"
    bot = Assistant(Settings(home=bm25_store(tmp_path, Path(__file__).resolve().parent / "fixtures" / "real"
                                             / "shenzhen-shi_xinfangju_2026_bumen-yusuan.pdf"), dense_retrieval=False))
    a = bot.ask("深圳市信访局2026年的信访案件数量是多少？")
    assert not a.answerable and "216.40" not in a.answer, a.answer


def test_an_indicator_of_a_project_in_a_table_of_many_projects(tmp_path: Path) -> None:
    # 长沙市信访局 2026 p23 项目支出绩效目标表: 基层及其他信访业务工作经费专项 (126001), 资金总额 35.78, its 群众满意度 row 90
    pdf = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "changsha-shi_xinfangju_2026_bumen-yusuan.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf} 不存在（../shared 语料目录缺失）")
    a = answered(bm25_bot(tmp_path, pdf), "长沙信访局基层及其他信访业务工作经费专项的群众满意度定了多少？")
    assert "群众满意度：90" in a.answer and "35.78" not in a.answer, a.answer


def test_a_length_asked_is_answered_by_a_length_not_by_an_amount(tmp_path: Path) -> None:
    # 广州市水务局 p. 44, 珠江堤岸防护工程维修养护项目's 绩效目标: "已建135公里堤防"; 珠海 工务中心: the water main
    # 广南梅第二条原水管道工程 prints its money (2,579.00万元) and no length
    bot = bm25_bot(tmp_path, corpus_pdf("guangzhou-shi_shuiwuju_2026_bumen-yusuan.pdf"),
                   corpus_pdf("zhuhai-shi_jiaotong-gongwu-zhongxin_2026_bumen-yusuan.pdf"))
    a = answered(bot, "广州市水务局2026年珠江堤岸防护工程维修养护项目要巡查养护多少公里堤防？")
    assert "135公里" in a.answer
    a = bot.ask("珠海市政府投资交通市政项目工务中心2026年广南梅第二条原水管道工程的管线有多少米长？")
    assert not a.answerable and "2,579.00" not in a.answer


def test_money_from_a_higher_government_no_release_prints_is_refused(tmp_path: Path) -> None:
    # 西安市气象局 2022: "由中央财政与地方财政共同负担", and the release shows only the local part (no amount of the
    # central one)
    bot = bm25_bot(tmp_path, corpus_pdf("xian-shi_qixiangju_2022_bumen-zonghe-yusuan.pdf"))
    a = bot.ask("西安市气象局2022年的预算中，中央财政下达给它多少资金？")
    assert not a.answerable and "中央" in a.answer and "1899" not in a.answer
