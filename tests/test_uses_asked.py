"""A use asked ("用途是什么") is answered by the sentence that states it, also when it is written as what the money
secures ("主要是保障……等需要"), not by another item's "主要用于…" (福州市商务局 2026 p28, 因公出国（境）经费 70.00 万元,
"主要是保障经贸招商活动、经贸洽谈、投资促进活动、参展等需要"; checked on the page)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot, corpus_pdf

FUZHOU = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "fuzhou-shi_shangwuju_2026_bumen-yusuan.pdf"


@pytest.mark.skipif(not FUZHOU.is_file(), reason=f"{FUZHOU} 不存在（../shared 语料目录缺失）")
def test_a_use_written_as_what_it_secures(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, FUZHOU), "福州市商务局今年的因公出国经费多少，用途是什么？")
    assert "70.00" in a.answer and "经贸招商" in a.answer, a.answer
    assert "住房公积金" not in a.answer, a.answer


def test_what_spending_is_for_when_no_sentence_says_it(tmp_path: Path) -> None:
    # 广州市信访局 2026 p19–20 部门预算项目支出及其他支出预算表: 9 projects, 云客服服务外包项目 252.28 the largest;
    # its 说明 says nothing of what the 项目支出 is for: the table's largest projects answer, each cited
    bot = bm25_bot(tmp_path, Path(__file__).resolve().parent / "fixtures" / "real" / "guangzhou-shi_xinfangju_2026_bumen-yusuan.pdf")
    a = answered(bot, "广州市信访局项目支出主要用于什么？")
    assert "按项目列出9项，金额最大的5项为：“云客服服务外包项目”252.28万元" in a.answer, a.answer


XIAN_XINFANG = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "xian-shi_xinfangju_2026_bumen-yusuan.pdf"


@pytest.mark.skipif(not XIAN_XINFANG.is_file(), reason="../shared 语料目录缺失")
def test_a_use_asked_is_not_answered_by_a_reason_naming_the_subject(tmp_path: Path) -> None:
    # 西安市信访局 2026: "…下降的主要原因是：专项业务经费相关项目…经费减少" gives a reason, not what the money is for; the
    # 专项业务经费支出表 lists the projects (驻京信访工作 2,560,000.00 元 the largest) (failed on 3e0369c: the reason quoted)
    a = answered(bm25_bot(tmp_path, XIAN_XINFANG), "西安信访局2026年的专项业务经费都用在哪？")
    assert "驻京信访工作" in a.answer and "下降的主要原因" not in a.answer, a.answer


SZ_XINFANG = FUZHOU.parent / "shenzhen-shi_xinfangju_2026_bumen-yusuan.pdf"


@pytest.mark.skipif(not SZ_XINFANG.is_file(), reason=f"{SZ_XINFANG} 不存在（../shared 语料目录缺失）")
def test_what_an_amount_is_made_of_is_quoted_to_the_end_of_its_sentence(tmp_path: Path) -> None:
    # 深圳市信访局 2026 p7: "2.信访大厅运行 603.84 万元，主要包括：大厅保安和安检服务项目支出 328.69 万元，…；大厅日常运维支出
    # 155.15 万元，…；大厅律师服务支出 120 万元…。" — the items after each "；" are the same sentence (on 7cc5d00 only the
    # first was quoted)
    a = answered(bm25_bot(tmp_path, SZ_XINFANG), "深圳市信访局2026年信访大厅运行花多少钱？钱花在哪些地方？")
    assert "603.84" in a.answer and "328.69" in a.answer and "155.15" in a.answer and "律师服务支出 120 万元" in a.answer, a.answer
    assert "未找到" not in a.answer, a.answer  # ("钱花在哪些地方" asks the use those items state; its words ask nothing else)


def test_an_amount_the_reader_names_a_thing_by_is_no_subject(tmp_path: Path) -> None:
    # 烟台市大数据局 2026 p30: 政策和项目预算绩效目标表 "政务基础设施运行维护资金", 6000.00 万元, 总体目标 "保障数字烟台…"
    from tests.conftest import corpus_pdf

    bot = bm25_bot(tmp_path, corpus_pdf("yantai-shi_dashujuju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "烟台大数据局2026年那笔6000万元的“政务基础设施运行维护资金”主要做什么？")
    assert "数字烟台" in a.answer and a.citations[0].page == 30, a.answer


def test_a_quoted_projects_short_goal_over_a_sentence_not_naming_it(tmp_path: Path) -> None:
    # 烟台市大数据局 2026 p31: "实施公车统管费用" 5.00 万元, 总体目标 "保障单位公务用车出行" (ten characters); the
    # 说明's sentence "…涉及一级预算项目3个，预算资金6039万元" does not name it
    from tests.conftest import corpus_pdf

    bot = bm25_bot(tmp_path, corpus_pdf("yantai-shi_dashujuju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "烟台市大数据局今年的“实施公车统管费用”是用在哪方面的？")
    assert "保障单位公务用车出行" in a.answer and "6039" not in a.answer, a.answer


def test_a_use_asked_is_the_list_its_own_sentence_opens(tmp_path) -> None:
    # 深圳市司法局（本级）2026 p7: "（五）项目支出 7,816.49 万元，具体包括：" then "1.非发改立项的建设项目 7.56 万元，…"
    # — the 说明 does tell the uses item by item
    bot = bm25_bot(tmp_path, corpus_pdf("shenzhen-shi_sifaju-benji_2026_bumen-yusuan.pdf"))
    a = answered(bot, "深圳市司法局本级2026年的项目支出都花在哪些方面？")
    assert "具体包括" in a.answer and "非发改立项的建设项目" in a.answer and "没有逐项写明用途" not in a.answer, a.answer


def test_a_use_that_only_names_its_subject_gives_way_to_the_form(tmp_path: Path) -> None:
    # 福州市商务局 2026 p27 "主要用于“菜篮子”工程建设专项资金支出" says nothing of what for; the project's 绩效目标表
    # (p32) says it: 年度目标 "实现年储备活体生猪…冻猪肉储备…"
    from tests.conftest import corpus_pdf

    a = answered(bm25_bot(tmp_path, corpus_pdf("fuzhou-shi_shangwuju_2026_bumen-yusuan.pdf")),
                 "福州市商务局2026年菜篮子工程建设专项资金的用途是什么？")
    assert "生猪" in a.answer and "主要用于“菜篮子”工程建设专项资金支出" not in a.answer, a.answer


def test_how_a_project_is_carried_out(tmp_path: Path) -> None:
    # "怎么实施": the project's own 实施方案 (普陀区商务委 2025 科技创新专项经费情况说明 四、实施方案: "…明确申报指南，
    # 发布项目申报通知…"), not its 立项依据
    from tests.conftest import corpus_pdf

    a = answered(bm25_bot(tmp_path, corpus_pdf("shanghai-putuo_shangwuwei_2025_bumen-yusuan.pdf")),
                 "普陀区商务委2025年的科技创新专项是怎么实施的？")
    assert "申报指南" in a.answer and "立项依据" not in a.answer, a.answer


def test_a_use_opening_its_sentence_is_quoted_with_its_amount(tmp_path: Path) -> None:
    # 福州市商务局 2026 p27: "（一）2120815-农村社会事业支出 1800.00 万元。主要用于“菜篮子”工程建设专项资金支出。" — the use
    # sentence names nothing; the one before says what it is the use of
    from tests.conftest import corpus_pdf

    a = answered(bm25_bot(tmp_path, corpus_pdf("fuzhou-shi_shangwuju_2026_bumen-yusuan.pdf")),
                 "福州市商务局今年政府性基金预算拨款的支出用途是什么？")
    assert "1800.00" in a.answer and "菜篮子" in a.answer, a.answer
