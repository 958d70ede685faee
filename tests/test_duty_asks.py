"""Duties asked in everyday words ("这个单位是做什么的", "管不管X"), on two documents whose duties are one paragraph
(重庆市政府办公厅 2026) or an opening paragraph before numbered items (上海市职业能力考试院 2026); text checked on the
rendered pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.service import Assistant
from tests.conftest import answered, bm25_bot, corpus_pdf

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
OFFICE = CORPUS / "real" / "chongqing-shi_zhengfu-bangongting_2026_bumen-yusuan.pdf"
EXAMS = CORPUS / "more" / "shanghai-shi_zhiye-nengli-kaoshiyuan_2026_danwei-yusuan.pdf"
pytestmark = pytest.mark.skipif(not (OFFICE.is_file() and EXAMS.is_file()), reason=f"{CORPUS} 不存在（../shared 语料目录缺失）")


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bm25_bot(tmp_path_factory.mktemp("duties"), OFFICE, EXAMS)


def test_what_a_unit_does_is_its_opening_paragraph(bot: Assistant) -> None:
    a = answered(bot, "上海职业能力考试院这个单位是做什么的？")
    # p3: "…是上海市人力资源和社会保障局直属事业单位，负责…职业资格考试组织实施工作，承担…公务员考试命题…"
    assert "职业资格考试" in a.answer and "公务员考试" in a.answer, a.answer
    assert any(c.kind == "text" and c.page == 3 for c in a.citations)


def test_whether_it_handles_a_task_is_the_clause_that_names_it(bot: Assistant) -> None:
    a = answered(bot, "重庆市政府办公厅管不管政务值班？")
    # p1, one paragraph of duties; the clause "负责市政府政务值班和市长公开电话工作…"
    assert "负责市政府政务值班和市长公开电话工作" in a.answer, a.answer
    assert "会议的筹备" not in a.answer  # (not the whole paragraph)


def test_duties_written_as_one_paragraph_are_quoted(bot: Assistant) -> None:
    a = answered(bot, "重庆市政府办公厅平时主要负责哪些工作？")
    assert "职能职责为负责市政府会议的筹备工作" in a.answer, a.answer


BEIJING = CORPUS / "more" / "beijing-shi_yibaoju_2026_bumen-yusuan.pdf"


@pytest.mark.skipif(not BEIJING.is_file(), reason="北京医保局 2026 不在 ../shared/corpus/more")
def test_rank_of_a_body_is_its_opening_paragraph(tmp_path: Path) -> None:
    """p3: "…北京市医疗保障局是市政府直属机构,机构规格为副局级。…主要职责是：" then numbered duties: the rank asked is
    the opening paragraph (its lead-in "主要职责是：" left out), not a duty."""
    bot = bm25_bot(tmp_path, BEIJING)
    a = answered(bot, "北京医保局是个什么级别的单位？")
    assert "机构规格为副局级" in a.answer, a.answer
    assert any(c.kind == "text" and c.page == 3 for c in a.citations)


SHENZHEN = CORPUS / "more" / "shenzhen-shi_zhengfu-bangongting_2026_bumen-yusuan.pdf"


@pytest.mark.skipif(not SHENZHEN.is_file(), reason="深圳市政府办公厅 2026 不在 ../shared/corpus/more")
def test_besides_one_duty_which_other(tmp_path: Path) -> None:
    """"除了X，还负责统筹哪些改革": the duty that names the reforms (p4 "（八）负责统筹政府职能转变和“放管服”改革、
    行政审批制度改革工作"), quoted once, not the whole list."""
    bot = bm25_bot(tmp_path, SHENZHEN)
    a = answered(bot, "深圳市政府办公厅除了处理文件，还负责统筹哪些改革？")
    assert "行政审批制度改革" in a.answer and "文电处理" not in a.answer, a.answer


def test_duties_on_two_topics_each_quoted(tmp_path: Path) -> None:
    """普陀区财政局 2025 主要职责: "在X和Y方面负责什么" — the duty that names each topic ("（五）…国有资产管理…" and
    "负责公务车辆控购管理"), not the whole list."""
    pdf = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "shanghai-putuo_caizhengju_2025_bumen-yusuan.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf} 不存在")
    a = answered(bm25_bot(tmp_path, pdf), "普陀区财政局在国有资产和公务车管理方面负责什么？")
    assert "国有资产管理规章制度" in a.answer and "负责公务车辆控购管理" in a.answer, a.answer
    assert "贯彻执行国家和本市有关财政工作" not in a.answer, a.answer


def test_the_work_plan_asked_with_no_topic_lists_its_items(tmp_path: Path) -> None:
    """泉州市政府办公室 2026 p8, 三、部门主要工作任务: "重点要做哪些工作" names no topic; the answer is the section's items."""
    pdf = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "quanzhou-shi_zhengfu-bangongshi_2026_bumen-yusuan.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf} 不存在")
    a = answered(bm25_bot(tmp_path, pdf), "泉州市政府办2026年重点要做哪些工作？")
    assert "抓重大活动" in a.answer and "抓以文辅政" in a.answer and "抓课题研究" in a.answer, a.answer


def test_the_units_a_budget_holds_with_the_list_that_follows(tmp_path: Path) -> None:
    """普陀区商务委 2025 部门预算 p5: "…包括商务委本部以及下属1家预算单位…" is followed by "具体包括：" and the numbered
    units; the answer quotes the list ("2. 上海市普陀区中小企业服务中心，不单列预算")."""
    pdf = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "shanghai-putuo_shangwuwei_2025_bumen-yusuan.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf} 不存在")
    a = answered(bm25_bot(tmp_path, pdf), "普陀区商务委2025年的部门预算包括哪些预算单位？")
    assert "上海市普陀区中小企业服务中心，不单列预算" in a.answer, a.answer


FUZHOU = CORPUS / "real" / "fuzhou-shi_shangwuju_2026_bumen-yusuan.pdf"


@pytest.mark.skipif(not FUZHOU.is_file(), reason=f"{FUZHOU} 不存在")
def test_a_short_topic_gets_each_duty_that_names_it(tmp_path: Path) -> None:
    # 福州市商务局 2026 p5 and p8: "（一）贯彻执行国家有关贸易、国际经济合作和口岸管理的…" and "（十六）承担市政府口岸工作办公室职责"
    a = answered(bm25_bot(tmp_path, FUZHOU), "福州商务局在口岸方面负责什么？")
    assert "口岸管理" in a.answer and "承担市政府口岸工作办公室职责" in a.answer, a.answer
    assert "流通行业管理" not in a.answer, a.answer  # not the whole list


def test_a_topic_with_a_generic_head_is_the_duties_that_name_it(tmp_path: Path) -> None:
    # 湖州市财政局 2026 p4, duty 4: "组织制定国库管理制度…按规定开展国库现金管理" ("国库管理方面": the duty naming 国库,
    # not a duty picked by the word 管理, and not filed under another duty's heading)
    bot = bm25_bot(tmp_path, Path(__file__).resolve().parent / "fixtures" / "real" / "huzhou-shi_caizhengju_2026_bumen-yusuan.pdf")
    a = answered(bot, "湖州市财政局在国库管理方面负责什么？")
    assert "国库现金管理" in a.answer and "非税收入" not in a.answer, a.answer


def test_duties_asked_with_a_word_between_are_listed_whole(tmp_path: Path) -> None:
    # 广州市信访局 p3 主要职责 (一)…(八): each duty whole, the later clauses too ("负责办理信访复查、复核工作" in (三))
    pdf = Path(__file__).resolve().parent / "fixtures" / "real" / "guangzhou-shi_xinfangju_2026_bumen-yusuan.pdf"
    a = answered(bm25_bot(tmp_path, pdf), "广州信访局的职能主要是哪些？")
    assert "网上信访" in a.answer and "负责办理信访复查、复核工作" in a.answer and "交办的其他事项" in a.answer, a.answer


def test_a_plan_asked_with_an_adverb_before_its_verb(tmp_path: Path) -> None:
    """苏州市审计局 2026 p7: "三是进一步推动审计成果运用权威高效。" opens an item of the work plan; "准备继续做哪些事" asks
    the plan (an adverb between 准备 and 做), and the answer is the item whole (refused on b3f942b)."""
    pdf = Path(__file__).resolve().parent / "fixtures" / "real" / "suzhou-shi_shenjiju_2026_bumen-yusuan.pdf"
    a = answered(bm25_bot(tmp_path, pdf), "苏州市审计局2026年在审计成果运用上，准备继续做哪些事？")
    assert "风险防范清单" in a.answer and "审计整改" in a.answer, a.answer


def test_a_duty_headed_by_the_topic_is_quoted_whole(tmp_path: Path) -> None:
    # 广州市水务局 p3 "（五）负责供水行业管理。组织实施供水行业特许经营管理制度。指导供水企业制定年度建设计划…"; the
    # 水资源 duty (二) names 供水规划 in passing
    bot = bm25_bot(tmp_path, corpus_pdf("guangzhou-shi_shuiwuju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "广州水务局对供水这一块管些什么？")
    assert "特许经营" in a.answer and "年度建设计划" in a.answer, a.answer


def test_a_short_topic_is_named_whole_by_the_sentences_quoted(tmp_path: Path) -> None:
    # 北京市商务局 p4 duty 7: "…商务服务业发展…。…物流配送…。统筹本市会展业发展工作；会同有关部门拟订会展业发展规划…"
    # (a three-character topic is matched by its characters: the duty's first sentence holds 会, 展 and 业 apart)
    bot = bm25_bot(tmp_path, corpus_pdf("beijing-shi_shangwuju_2026_bumen-yusuan.pdf"))
    for q in ("北京市商务局对会展业负责哪些工作？", "北京市商务局在会展业上管些什么？"):
        a = answered(bot, q)
        assert "会展业发展规划" in a.answer, (q, a.answer)
