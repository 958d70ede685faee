"""Real documents asked in a reader's words: a 目录 entry by its place ("X之后还有哪些", "最后一部分", "在第几部分",
"X部分分成几个部分", "决算表有几张"); a list of projects with their scores (a ruled two-column table, "项目名称 |
自评分数") read as rows, and a money question never answered by a score; a name's number or Latin word ("12345热线")
that no row or sentence prints is refused; a recipient written right before 安排 is an organisation; a unit's share
of its own whole; the year's whole spending asked as "这一年". Figures checked on the rendered pages."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import answered, bm25_bot, corpus_pdf


def test_contents_entries_after_one_and_the_part_holding_one(tmp_path: Path) -> None:
    # 目录 p. 2: 第三部分 …情况说明 lists "六、一般公共预算“三公”经费支出情况", then 七、预算绩效目标情况 and
    # 八、其他重要事项说明; the last part is 第四部分名词解释
    bot = bm25_bot(tmp_path, corpus_pdf("quanzhou-shi_zhengfu-bangongshi_2026_bumen-yusuan.pdf"))
    a = answered(bot, "泉州市政府办公室2026年预算的情况说明里，讲完“三公”经费以后还讲了什么？")
    assert "预算绩效目标情况" in a.answer and "其他重要事项说明" in a.answer
    a = answered(bot, "泉州市政府办公室2026年部门预算中，名词解释是第几部分？")
    assert "第四部分名词解释" in a.answer
    a = answered(bot, "泉州市政府办公室2026年部门预算最后一部分是什么？")
    assert "第四部分名词解释" in a.answer


def test_the_part_of_the_tables_by_its_last_word(tmp_path: Path) -> None:
    # 目录: 五、部门预算表 (9 tables), then 六、其他相关情况说明 and 七、项目经费情况说明
    bot = bm25_bot(tmp_path, corpus_pdf("shanghai-putuo_wanlijiedao_2025_bumen-yusuan.pdf"))
    a = answered(bot, "万里街道2025年部门预算里，预算表后面还有哪些内容？")
    assert "其他相关情况说明" in a.answer and "项目经费情况说明" in a.answer


def test_a_named_parts_own_count_and_the_tables_counted_noun_first(tmp_path: Path) -> None:
    # 目录 p. 2: "一、文字部分" lists 第一部分 … 第九部分
    bot = bm25_bot(tmp_path, corpus_pdf("shenzhen-shi_zhengfu-bangongting_2026_bumen-yusuan.pdf"))
    a = answered(bot, "深圳市政府办公厅2026年部门预算的文字部分分为几个部分？")
    assert "9项" in a.answer and "第九部分" in a.answer
    # 目录 p. 2: 第二部分 …部门决算表 lists nine tables
    bot = bm25_bot(tmp_path / "b", corpus_pdf("shanghai-putuo_shehuigongzuobu_2024_juesuan.pdf"))
    a = answered(bot, "普陀区委社会工作部2024年的决算表总共有多少张？")
    assert "共9张" in a.answer


def test_a_list_of_project_scores_is_read_and_no_money_question_gets_a_score(tmp_path: Path) -> None:
    # p. 29: a ruled table "项目名称 | 自评分数", 2019年度聘请专家人员经费 96.53, 广佛两市…一体化规划 100
    bot = bm25_bot(tmp_path, corpus_pdf("foshan-shi_guidaojiaotongju_2019_juesuan.pdf"))
    a = answered(bot, "佛山市轨道交通局2019年“2019年度聘请专家人员经费”项目的自评分数是多少？")
    assert "96.53" in a.answer
    a = bot.ask("佛山市轨道交通局2019年“广佛两市轨道交通系统一体化规划”项目决算花了多少钱？")
    assert "自评分数" not in a.answer


def test_the_years_whole_spending_asked_as_this_year(tmp_path: Path) -> None:
    # 收入支出决算总表 p. 6: 本年支出合计 1668.14
    bot = bm25_bot(tmp_path, corpus_pdf("foshan-shi_guidaojiaotongju_2019_juesuan.pdf"))
    a = answered(bot, "从佛山市轨道交通局2019年决算来看，这一年总共支出了多少？")
    assert "1668.14" in a.answer


def test_a_number_in_a_name_no_row_prints_is_refused(tmp_path: Path) -> None:
    # no row or sentence names a 12345 hotline (before: 政务信息化项目（系统业务运营服务） 42.38, a word-overlap match)
    bot = bm25_bot(tmp_path, corpus_pdf("shenzhen-shi_zhengfu-bangongting_2026_bumen-yusuan.pdf"))
    a = bot.ask("深圳市政府办公厅2026年给12345热线运营服务安排了多少钱？")
    assert not a.answerable and "42.38" not in a.answer


def test_a_recipient_before_its_arrangement_no_document_lists_is_refused(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, corpus_pdf("chongqing-shi_kejiju_2026_bumen-yusuan.pdf"))
    a = bot.ask("重庆市科学技术局2026年给重庆市新能源研究院安排了多少钱？")
    assert not a.answerable and "“重庆市新能源研究院”" in a.answer


def test_a_units_share_of_its_own_whole(tmp_path: Path) -> None:
    # 支出总表: 深圳市社会保险基金管理局龙岗分局 支出总计 7,779.78, 项目支出 1,708.06 -> 21.96%
    # (before: over the department's 支出总计 571,347.93, or refused)
    bot = bm25_bot(tmp_path, corpus_pdf("shenzhen-shi_renshe-ju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "深圳市社会保险基金管理局龙岗分局2026年项目支出占它自己支出总计的比重是多少？")
    assert "21.96%" in a.answer and "571,347.93" not in a.answer


def test_spending_asked_where_it_went(tmp_path: Path) -> None:
    # p. 18: 其他社会工作事务支出（项）。主要用于：新建部门开办费、基层政权和社区建设项目支出
    bot = bm25_bot(tmp_path, corpus_pdf("shanghai-putuo_shehuigongzuobu_2024_juesuan.pdf"))
    a = answered(bot, "普陀区委社会工作部2024年其他社会工作事务支出的钱花在了什么地方？")
    assert "开办费" in a.answer


def test_the_things_set_aside_are_not_the_answer(tmp_path: Path) -> None:
    # 项目支出预算情况表: 合计 525.00 = 实施公车统管费用 15.00 + 接访大厅运行经费 145.00 + 信访业务工作经费 75.00 + (not listed)
    bot = bm25_bot(tmp_path, corpus_pdf("yantai-shi_xinfangju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "烟台市信访局2026年的项目里，除了接访大厅运行经费以外，还有哪些项目、各多少？")
    assert "15.00" in a.answer and "75.00" in a.answer and "145.00" not in a.answer
    a = bot.ask("烟台市信访局2026年项目支出中，除了公车统管、接访大厅和信访业务工作经费之外，剩下的项目是哪些？")
    assert not a.answerable and "145.00" not in a.answer



def test_a_projects_goal_listed_under_its_name_with_the_year_in_front(tmp_path: Path) -> None:
    # 预算表11 (a list of project goals): "2026年驻京经费 | 312.00 | 1、支付 2026 年驻京房租费 249.8万元。…"
    bot = bm25_bot(tmp_path, corpus_pdf("changchun-shi_xinfangju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "长春市信访局的驻京经费2026年打算用在哪些方面？")
    assert "房租费" in a.answer


def test_a_unit_named_right_before_what_is_asked_of_it(tmp_path: Path) -> None:
    # 一般公共预算支出表（按功能分类）: 深圳市社会保险基金管理局龙华分局 支出总计 4,523.90 (before: a sentence of its
    # section, 社保综合管理 377.60)
    bot = bm25_bot(tmp_path, corpus_pdf("shenzhen-shi_renshe-ju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "深圳社保基金管理局龙华分局一般公共预算支出总共多少？")
    assert "4,523.90" in a.answer and "377.60" not in a.answer


def test_a_years_actual_against_the_next_years_budget_says_which_way(tmp_path: Path) -> None:
    # 2024年决算 住房公积金 187.19 万元; 2025年预算 2,049,197.00 元 (204.92 万元)
    bot = bm25_bot(tmp_path, corpus_pdf("shanghai-putuo_caizhengju_2024_juesuan.pdf"),
                   corpus_pdf("shanghai-putuo_caizhengju_2025_bumen-yusuan.pdf"))
    a = answered(bot, "普陀区财政局的住房公积金，2024年实际支出多少、2025年预算多少？2025年是增加了还是减少了？")
    assert "187.19" in a.answer and "2025年比2024年增加" in a.answer


def test_a_units_item_within_a_fund_is_read_from_the_funds_table(tmp_path: Path) -> None:
    # 一般公共预算支出表（按经济分类）, 深圳市职业技能培训指导中心's block: 对个人和家庭的补助 支出总计 2,757.75 (basic
    # 39.75 + project); before: its basic-only sentence, 39.75
    bot = bm25_bot(tmp_path, corpus_pdf("shenzhen-shi_renshe-ju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "深圳市职业技能培训指导中心2026年一般公共预算里，对个人和家庭的补助安排了多少？")
    assert "2,757.75" in a.answer
    # the same within its own 一般公共预算 whole (its 支出总计 in that table)
    a = answered(bot, "深圳市职业技能培训指导中心2026年一般公共预算里，对个人和家庭的补助占多大比例？")
    assert "2,757.75 ÷" in a.answer


def test_the_tables_titled_by_what_is_asked(tmp_path: Path) -> None:
    # the release prints eight "…项目绩效目标表" (市行政中心保安服务项目绩效目标表, …)
    bot = bm25_bot(tmp_path, corpus_pdf("quanzhou-shi_zhengfu-bangongshi_2026_bumen-yusuan.pdf"))
    a = answered(bot, "泉州市政府办公室2026年的项目绩效目标放在哪些表里？")
    assert "《市行政中心保安服务项目绩效目标表》" in a.answer and "8张" in a.answer


def test_one_thing_printed_in_other_words_across_releases(tmp_path: Path) -> None:
    # 长春 prints 驻京经费 312.00 万元; 西安 prints 驻京信访工作 2,560,000.00 元 (256.00 万元)
    bot = bm25_bot(tmp_path, corpus_pdf("changchun-shi_xinfangju_2026_bumen-yusuan.pdf"),
                   corpus_pdf("xian-shi_xinfangju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "长春市信访局2026年驻京信访工作花多少钱？")
    assert "312.00" in a.answer
    a = answered(bot, "西安市信访局2026年的驻京经费是多少？")
    assert "2,560,000.00" in a.answer


def test_a_topic_asked_as_in_x_shang(tmp_path: Path) -> None:
    # p. 5, （十九）职能转变: "坚持节水优先…。坚持保护优先…。坚持统筹兼顾…"
    bot = bm25_bot(tmp_path, corpus_pdf("guangzhou-shi_shuiwuju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "广州市水务局2026年在职能转变上提出要坚持什么？")
    assert "节水优先" in a.answer
