"""Tables whose cells are mostly sentences, part titles in body type, untitled tables under a heading on their own
page (checked on the rendered pages of the real PDFs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot, parsed_once

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _pdf(folder: str, name: str) -> Path:
    pdf = CORPUS / folder / name
    if not pdf.is_file():
        pytest.skip(f"{pdf} 不存在（../shared 语料目录缺失）")
    return pdf


def test_a_page_of_goal_sentences_beside_amounts_continues_its_table() -> None:
    # 深圳市人社局 p39-p53: one table (单位 | 项目 | 预算数（万元） | 绩效目标); p43 opens with the end of p42's last goal
    # and holds three rows of its own (直属分局 社会保障管理 684.15, 社会保险专项经费 29.40, 福田分局 社会保障管理 740.38)
    doc = parsed_once(_pdf("more", "shenzhen-shi_renshe-ju_2026_bumen-yusuan.pdf"))
    table = next(t for t in doc.tables if any(r.unit_name == "深圳市社会保险基金管理局直属分局" for r in t.rows))
    assert "重点项目预算绩效" in table.title and table.kind == "performance" and table.unit == "万元", table.title
    assert {39, 43, 47} <= set(table.pages), table.pages
    p43 = [(r.unit_name, r.label, r.values.get("预算数（万元）")) for r in table.rows if r.page == 43]
    assert ("深圳市社会保险基金管理局直属分局", "社会保障管理", "684.15") in p43, p43
    before = next(r for r in table.rows if r.page == 42 and r.label == "社会保险专项经费")
    assert before.values["绩效目标"].endswith("4,500 人次。"), before.values["绩效目标"][-30:]


def test_a_part_title_at_a_pages_foot_heads_the_text_after_it() -> None:
    # 深圳市人社局 p9: "第三部分 部门预算支出具体情况" is the last line of its page; p10 goes on with text
    doc = parsed_once(_pdf("more", "shenzhen-shi_renshe-ju_2026_bumen-yusuan.pdf"))
    heads = {p.heading_path[0] for p in doc.paragraphs if p.page == 12 and p.heading_path}
    assert heads == {"第三部分部门预算支出具体情况"}, heads


def test_an_untitled_table_takes_the_heading_above_it_on_its_page() -> None:
    # 深圳市信访局 p10: "第七部分 重点项目预算绩效情况说明", a sentence, then the table
    doc = parsed_once(_pdf("real", "shenzhen-shi_xinfangju_2026_bumen-yusuan.pdf"))
    table = next(t for t in doc.tables if any(r.label == "信访大厅运行" for r in t.rows))
    assert table.title == "第七部分重点项目预算绩效情况说明" and table.unit == "万元", (table.title, table.unit)


def test_a_part_title_wrapping_onto_a_second_line() -> None:
    # 普陀区规划和自然资源局 2024 决算 p20: "第三部分 …2024 年度部门决算" + "情况说明"
    doc = parsed_once(_pdf("real", "shanghai-putuo_guihuaziyuanju_2024_juesuan.pdf"))
    heads = {p.heading_path[0] for p in doc.paragraphs if p.page == 20 and p.heading_path}
    assert heads == {"第三部分上海市普陀区规划和自然资源局2024年度部门决算情况说明"}, heads
    assert not any(p.text == "情况说明" for p in doc.paragraphs)


def test_a_goal_on_a_page_once_lost_is_answered(tmp_path: Path) -> None:
    # 深圳市人社局 p43: 直属分局 社会保险专项经费 29.40 万元, "帮扶约11位生活确实有困难的离休人员遗属"
    bot = bm25_bot(tmp_path, _pdf("more", "shenzhen-shi_renshe-ju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "深圳市社保基金管理局直属分局2026年社会保险专项经费的绩效目标，准备帮扶几位离休人员遗属？")
    assert "约11位" in a.answer.replace(" ", "") and "29.40" in a.answer, a.answer


def test_a_units_own_project_named_with_its_owner_in_brackets(tmp_path: Path) -> None:
    # 广州市卫健委 p43: "物业管理费（广州血液中心）" 848.00 in 广州血液中心's block; not the unit's own 收入 row
    bot = bm25_bot(tmp_path, _pdf("more", "guangzhou-shi_weijianwei_2026_bumen-yusuan.pdf"))
    a = answered(bot, "广州市卫健委2026年预算中，广州血液中心的物业管理费要花多少钱？")
    assert "848.00万元" in a.answer and "34,629.16" not in a.answer, a.answer


def test_a_project_named_by_the_part_after_its_dash_in_a_list_of_goals(tmp_path: Path) -> None:
    # 深圳市人社局 p40: "民办技校补助-民办技校从教津贴 | 445.00 | 对全市民办技工学校符合条件的教师发放从教津贴…"
    bot = bm25_bot(tmp_path, _pdf("more", "shenzhen-shi_renshe-ju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "深圳人社局本级2026年民办技校从教津贴项目的绩效目标是什么？")
    assert "发放从教津贴" in a.answer and "绩效目标" in a.answer, a.answer


def test_a_name_run_over_into_the_amount_beside_it() -> None:
    # 西安市气象局 2022 p20 支出总表: "西安市人工影响天气服务保" | "障中1心839311.66" (the name's last characters printed
    # among the amount's digits); p11 "(3)对个人和家庭的补" | "助 0.00"; a date's digits stay with their words
    from tests.conftest import corpus_pdf

    doc = parsed_once(corpus_pdf("xian-shi_qixiangju_2022_bumen-zonghe-yusuan.pdf"))
    unit = next(r for t in doc.tables if t.kind == "expense_total" for r in t.rows if r.code == "234002")
    assert unit.label == "西安市人工影响天气服务保障中心" and unit.values["部门预算/合计"] == "1839311.66"
    labels = {r.label for t in doc.tables for r in t.rows}
    assert "(3)对个人和家庭的补助" in labels and "(3)对个人和家庭的补" not in labels
    doc = parsed_once(corpus_pdf("xian-shi_xinfangju_2026_bumen-yusuan.pdf"))
    assert not any("不晚于年月日" in r.label for t in doc.tables for r in t.rows)


def test_a_unit_asked_is_not_a_sub_body_named_after_it(tmp_path: Path) -> None:
    # p. 87 支出总表: "深圳市社会保险基金管理局（本级）" 政府采购项目 2,014.64; its 直属分局 (470.42) and other 分局 blocks
    # carry its name before their own (on 5d1e2b6 the 直属分局 row answered)
    bot = bm25_bot(tmp_path, _pdf("more", "shenzhen-shi_renshe-ju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "深圳人社局2026年预算里，社会保险基金管理局本级的政府采购项目有多少？")
    assert "2,014.64" in a.answer and "470.42" not in a.answer, a.answer


def test_each_units_run_of_classes_is_that_units() -> None:
    # 深圳市人社局 基本支出总表 (p15 on): the department's row, then each unit's row over its own run of economic classes
    # (工资福利支出 … 资本性支出), the same classes again under the next unit; 龙岗分局 商品和服务支出 898.58 万元
    doc = parsed_once(_pdf("more", "shenzhen-shi_renshe-ju_2026_bumen-yusuan.pdf"))
    table = next(t for t in doc.tables if t.title == "基本支出总表")
    assert table.rows[0].label == "深圳市人力资源和社会保障局" and not table.rows[0].unit_name
    own = [r.label for r in table.rows if r.unit_name == "深圳市人力资源和社会保障局（本级）"]
    assert own[:2] == ["工资福利支出", "基本工资"], own[:5]
    branch = {r.label: r.values.get("总计") for r in table.rows if r.unit_name == "深圳市社会保险基金管理局龙岗分局"}
    assert branch.get("商品和服务支出") == "898.58", branch
