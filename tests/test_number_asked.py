"""A number asked is answered by a number of that kind, or refused: a rate is no amount of money ("…费用审减率
≥10%" for "…费是多少"); a sentence that names the thing but gives no number does not say how many; words around the
year ("一年下来") are not the subject."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"
MORE = REAL.parent / "more"
YT_DATA = MORE / "yantai-shi_dashujuju_2026_bumen-yusuan.pdf"
FULIYUAN = REAL / "shanghai-putuo_shehuifuliyuan_2024_danwei-yusuan.pdf"
FS_RAIL = REAL / "foshan-shi_guidaojiaotongju_2019_juesuan.pdf"


def _need(*files: Path) -> pytest.MarkDecorator:
    return pytest.mark.skipif(not all(f.is_file() for f in files), reason="../shared 语料目录缺失")


@_need(YT_DATA)
def test_a_rate_is_not_an_amount_of_money(tmp_path: Path) -> None:
    # 烟台市大数据局 p30 绩效目标表 (政务基础设施运行维护资金): "部门申报政务云资源费用审减率 ≥10%" is a target, and no
    # table or sentence prints what the cloud rental costs
    a = bm25_bot(tmp_path, YT_DATA).ask("烟台市大数据局政务基础设施运行维护资金里政务云资源费是多少？")
    assert not a.answerable and "10%" not in a.answer, a.answer


@_need(FULIYUAN)
def test_a_sentence_without_a_number_does_not_say_how_many(tmp_path: Path) -> None:
    # 普陀区社会福利院 2024 p3 duties: "为在院入住老人提供生活照料…" names the residents and counts none
    a = bm25_bot(tmp_path, FULIYUAN).ask("普陀区社会福利院入住了多少老人？")
    assert not a.answerable and "生活照料" not in a.answer, a.answer


@_need(FS_RAIL)
def test_words_around_the_year_are_not_the_subject(tmp_path: Path) -> None:
    # 佛山市轨道交通局 2019 决算 p7 收入支出决算总表: 支出总计 1668.14 万元
    a = answered(bm25_bot(tmp_path, FS_RAIL), "佛山市轨道交通局2019年一年下来总共花了多少钱？")
    assert "1668.14" in a.answer, a.answer


HZ_QIXIANG = REAL / "hangzhou-shi_qixiangju_2026_bumen-yusuan.pdf"


@_need(HZ_QIXIANG)
def test_a_budgets_year_start_figure_is_the_budget(tmp_path: Path) -> None:
    # 杭州市气象局 2026 表1 收支预算总表: 收入总计 5,876.67 万元 (on 7cc5d00 "年初" was left in the subject and the one
    # sentence naming 一般公共预算收入 5,753.07 answered)
    a = answered(bm25_bot(tmp_path, HZ_QIXIANG), "杭州市气象局2026年年初预算收入一共多少？")
    assert "5,876.67" in a.answer and "收入总计" in a.answer, a.answer


XA_XINFANG = REAL / "xian-shi_xinfangju_2026_bumen-yusuan.pdf"


@_need(XA_XINFANG)
def test_a_projects_form_printing_another_amount_is_shown_beside_it(tmp_path: Path) -> None:
    # 西安市信访局 2026: p29 专项业务经费支出表 食堂包厨服务 1,310,300.00 元; p40 its 绩效目标表 实施期资金总额 173.41 万元 — the
    # document's own two figures for one project, both cited, the difference said
    a = answered(bm25_bot(tmp_path, XA_XINFANG), "西安信访局食堂包厨服务项目花多少钱？")
    assert "1,310,300.00" in a.answer and "173.41万元" in a.answer and "与此处金额不同" in a.answer, a.answer
