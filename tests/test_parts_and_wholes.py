"""Real documents asked for a part within a whole: "其中X" after a unit's total stays in that unit's rows; two
releases of one department compared when the thing is described at length before 相比; a share whose part only a
基本支出 table prints as a row, while the narrative states the thing's whole amount. Figures checked on the
rendered pages."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import answered, bm25_bot, corpus_pdf


def test_a_part_asked_after_a_units_total_is_that_units_row(tmp_path: Path) -> None:
    # 一般公共预算支出表（按经济分类）: 深圳市社会保险基金管理局宝安分局's own 工资福利支出 row 4,785.60;
    # the department's 本级 prints another (9,523.28)
    bot = bm25_bot(tmp_path, corpus_pdf("shenzhen-shi_renshe-ju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "深圳人社局2026年预算里，社保基金管理局宝安分局一般公共预算支出是多少？其中工资福利支出有多少？")
    assert "宝安分局的“工资福利支出”（301）支出总计为4,785.60万元" in a.answer
    assert "9,523.28" not in a.answer


def test_two_releases_compared_with_the_thing_described_before_xiangbi(tmp_path: Path) -> None:
    # 2026 budget p. 24: "三公"经费财政拨款预算数为112.61万元; 2024 决算 p. 24: 支出决算为46.21万元
    bot = bm25_bot(tmp_path, corpus_pdf("zhongyang_guojia-xinfangju_2026_bumen-yusuan.pdf"),
                   corpus_pdf("zhongyang_guojia-xinfangju_2024_juesuan.pdf"))
    a = answered(bot, "国家信访局2026年的三公经费预算数，同2024年决算当中最后实际花出去的三公经费相比，多了多少？")
    assert "112.61 − 46.21 = 66.40" in a.answer


def test_a_share_whose_part_the_narrative_states_whole(tmp_path: Path) -> None:
    # p. 28 "四、委托业务费情况": 委托业务费财政拨款预算为6,003.4万元 (the 基本支出 tables print only 2.40);
    # 收支总体情况表 支出总计 7,503.31
    bot = bm25_bot(tmp_path, corpus_pdf("yantai-shi_dashujuju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "烟台大数据局2026年委托业务费在全部支出里占几成？")
    assert "6,003.4 ÷ 7,503.31" in a.answer


def test_whether_the_release_tells_of_a_thing_and_where(tmp_path: Path) -> None:
    # 目录 p. 2-3: 第三部分…情况说明 lists "八、其他重要事项说明"
    bot = bm25_bot(tmp_path, corpus_pdf("quanzhou-shi_zhengfu-bangongshi_2026_bumen-yusuan.pdf"))
    a = answered(bot, "泉州市政府办公室2026年预算的情况说明里是否交代了其他重要事项？")
    assert "八、其他重要事项说明" in a.answer
    # 目录 p. 2: 一、文字部分 lists 第一部分 … 第九部分名词解释
    bot = bm25_bot(tmp_path / "b", corpus_pdf("shenzhen-shi_xinfangju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "深圳市信访局2026年预算公开材料中，名词解释在哪一部分？")
    assert "第九部分名词解释" in a.answer


def test_two_cities_compared_and_how_far_apart_after_whose(tmp_path: Path) -> None:
    # 西安 部门综合预算收支总表 支出总计 28,384,234.71元; 长沙 部门收支总体情况表 支出总计 1,935.36
    bot = bm25_bot(tmp_path, corpus_pdf("xian-shi_xinfangju_2026_bumen-yusuan.pdf"),
                   corpus_pdf("changsha-shi_xinfangju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "长沙市信访局和西安市信访局2026年的支出预算，哪个城市多？多出多少？")
    assert "2838.42 − 1935.36 = 903.06" in a.answer
    # 发改委 p. 10: 机关运行经费财政拨款预算1739.04万元; 商务局 p. 11: 874.74万元
    bot = bm25_bot(tmp_path / "b", corpus_pdf("beijing-shi_fagaiwei_2026_bumen-yusuan.pdf"),
                   corpus_pdf("beijing-shi_shangwuju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "北京市商务局与北京市发展和改革委员会2026年，哪家的机关运行经费财政拨款预算更多？多多少？")
    assert "1739.04 − 874.74 = 864.30" in a.answer


def test_the_whole_budgets_rate_of_change(tmp_path: Path) -> None:
    # 部门预算编制说明: 支出预算3,121.42万元…比2024年预算增加107.62万元
    bot = bm25_bot(tmp_path, corpus_pdf("shanghai-putuo_caizhengju_2025_bumen-yusuan.pdf"))
    a = answered(bot, "普陀区财政局2025年的部门预算比上年涨了百分之几？")
    assert "107.62 ÷ 3,013.80 × 100% = 3.57%" in a.answer


def test_a_recipient_a_firm_or_a_trade_volume_the_release_never_prints_is_refused(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, corpus_pdf("wuxi-shi_tongjiju_2026_bumen-yusuan.pdf"))
    a = bot.ask("无锡市统计局2026年的农业普查经费拨给江阴市的是多少？")
    assert not a.answerable and "江阴市" in a.answer
    # 云客服服务外包项目 252.28万元 is printed; no supplier is named
    bot = bm25_bot(tmp_path / "b", corpus_pdf("guangzhou-shi_xinfangju_2026_bumen-yusuan.pdf"))
    assert not bot.ask("广州市信访局2026年云客服服务外包的供应商是谁？").answerable
    bot = bm25_bot(tmp_path / "c", corpus_pdf("shanghai-shi_zuanshi-jiaoyi-ban_2026_danwei-yusuan.pdf"))
    a = bot.ask("上海钻石宝玉石交易联合管理办公室预计2026年宝玉石交易额多少亿元？")
    assert not a.answerable and "交易额" in a.answer  # (no stored release prints a 交易额)
    assert answered(bot, "上海钻石宝玉石交易联合管理办公室2026年的收入总额是多少？").answerable  # (总额: the budget's own)


def test_a_continuation_without_its_blank_margin_column_stays_in_its_table(tmp_path: Path) -> None:
    # 预算表12项目支出绩效目标表 runs over pp. 12-19; from p. 13 on, the grid leaves out the blank first column
    from tests.conftest import parsed_once

    pdf = corpus_pdf("beijing-shi_shenjiju_2026_bumen-yusuan_baobiao.pdf")
    doc = parsed_once(pdf)
    form = next(t for t in doc.tables if "项目支出绩效目标表" in t.title)
    assert form.pages == [12, 13, 14, 15, 16, 17, 18, 19]
    assert not any(t.title == "未命名表格" for t in doc.tables)
    cost = next(r for r in form.rows if r.label == "每辆公务用车购置成本")  # p. 17
    assert cost.values.get("本年绩效指标值") == "18.69" and cost.page == 17
    # a project of the list named by a quoted name and most of its words: 《北京审计》杂志办刊经费, 17.398000
    bot = bm25_bot(tmp_path, pdf)
    a = answered(bot, "北京市审计局2026年出《北京审计》杂志要花多少钱？")
    assert "17.398000" in a.answer


def test_short_items_of_a_units_block_listed_together(tmp_path: Path) -> None:
    # 一般公共预算支出表（按经济分类） p. 227-228, 深圳市社会保险基金管理局福田分局's block (its name printed on an earlier
    # page): 劳务费 506.34, 委托业务费 76.60 — "劳务费" is three characters, and told apart from "委托业务费" by one
    bot = bm25_bot(tmp_path, corpus_pdf("shenzhen-shi_renshe-ju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "深圳社保基金管理局福田分局今年一般公共预算中，劳务费、委托业务费各安排了多少钱？（2026年）")
    assert "福田分局的“劳务费”（30226）支出总计为506.34万元" in a.answer
    assert "福田分局的“委托业务费”（30227）支出总计为76.60万元" in a.answer
    a = answered(bot, "2026年深圳市社会保险基金管理局福田分局一般公共预算里的差旅费是多少？")
    assert "福田分局的“差旅费”（30211）支出总计为3.02万元" in a.answer


def test_a_final_accounts_own_budget_asked_beside_a_later_budget(tmp_path: Path) -> None:
    # 2024 决算 p. 24: "三公"经费财政拨款支出预算为 76.43万元，…支出决算为 46.21 万元; 2026 budget: 112.61
    bot = bm25_bot(tmp_path, corpus_pdf("zhongyang_guojia-xinfangju_2026_bumen-yusuan.pdf"),
                   corpus_pdf("zhongyang_guojia-xinfangju_2024_juesuan.pdf"))
    a = answered(bot, "国家信访局2026年的三公经费预算，跟2024年的三公经费预算相比差多少？")
    assert "112.61 − 76.43 = 36.18" in a.answer
