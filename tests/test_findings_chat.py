"""Consistency questions in the chat: answered from the publication check's stored findings, each
finding cited, every number verified; scoped to the named document or asked which."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant.findings import asks_consistency
from assistant.service import Answer, Assistant
from ingest.settings import Settings
from tests.conftest import REAL, SAMPLE_PDF, bm25_store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_MD = ROOT.parent / "shared" / "samples" / "gonghui-2026" / "disclosure.md"
CLEAN_REAL = REAL / "wuxi-shi_tongjiju_2026_bumen-yusuan.pdf"  # a real disclosure the check finds nothing in

# ways of asking whether a disclosure agrees with itself (none of them is special-cased)
ASKED = [
    "这份公开材料有没有数字对不上的地方？",
    "表格之间有没有矛盾",
    "预算表和说明一致吗",
    "各张表的合计能对得上吗？",
    "说明文字里的金额和表格相符吗",
    "帮我看看这个文件的勾稽关系有没有问题",
    "这份预算里有没有算错的数",
    "文件前后的数据是否一致？",
    "审校一下，有没有错误",
]
# questions about figures, uses and changes: not consistency questions
NOT_ASKED = [
    "基本支出是多少",
    "三公经费比上年增加了多少？",
    "项目支出主要用于什么？",
    "一般公共预算支出和上年一致吗",
    "人员经费占基本支出的比例是多少",
    "2026年收入预算与2025年相比是否一致",
]


def test_consistency_questions_are_recognised() -> None:
    assert [q for q in ASKED if not asks_consistency(q)] == []
    assert [q for q in NOT_ASKED if asks_consistency(q)] == []


def test_no_gold_question_is_taken_for_a_consistency_question() -> None:
    """The gold sets ask figures, uses, duties and refusals: none of them may be answered with findings."""
    taken = [json.loads(line)["question"] for g in sorted((ROOT / "eval" / "gold").glob("*.jsonl"))
             for line in g.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(taken) > 400
    assert [q for q in taken if asks_consistency(q)] == []


@pytest.fixture(scope="module")
def sample_bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant(Settings(home=bm25_store(tmp_path_factory.mktemp("findings-sample"), SAMPLE_PDF),
                              dense_retrieval=False))


def _ask(bot: Assistant, q: str, docs: list[str] | None = None) -> Answer:
    a = bot.ask(q, docs)
    assert a.unverified_numbers == [], a.answer
    assert "〔未核实数字〕" not in a.answer
    return a


def _markers(line: str) -> list[int]:
    return [int(n) for n in re.findall(r"\[(\d+)\]", line)]


@pytest.mark.parametrize("question", ASKED[:4])
def test_sample_findings_answered_and_cited(sample_bot: Assistant, question: str) -> None:
    a = _ask(sample_bot, question)
    assert a.answerable and a.intent == "consistency" and len(a.docs) == 1
    lines = a.answer.splitlines()
    assert "工会部门2026年部门预算" in lines[0] and "错误1项" in lines[0] and "尾差5处" in lines[0]
    # the one error first, cited on its sentence on page 17
    err = next(ln for ln in lines if ln.startswith("· 错误"))
    assert "38.47" in err and "7.48 + 项目支出 26.12 = 33.60" in err and "相差 4.87" in err
    [n] = _markers(err)
    c = a.citations[n - 1]
    assert c.kind == "text" and c.page == 17 and "增加38.47万元" in c.text
    # the rounding differences: counted, one example with its rows
    rounding = [ln for ln in lines if "尾差" in ln and "例如" in ln]
    assert len(rounding) == 1 and "另有尾差5处" in rounding[0] and "在尾差范围内" in rounding[0]
    cited = [a.citations[n - 1] for n in _markers(rounding[0])]
    assert cited and all(c.kind == "row" and c.bbox is not None for c in cited)
    assert lines.index(err) < lines.index(rounding[0])
    # every citation is used by a line, numbered in order of appearance
    assert sorted({n for ln in lines for n in _markers(ln)}) == list(range(1, len(a.citations) + 1))


def test_cli_answers_from_the_findings(tmp_path: Path, cli) -> None:
    store = bm25_store(tmp_path / "s", SAMPLE_PDF)
    r = cli("ask", "--json", "--store", store, "工会的预算公开里，表格数字有没有对不上的？")
    assert r.code == 0, r.stderr
    a = json.loads(r.stdout)
    assert a["answerable"] and a["unverified_numbers"] == [] and "错误1项" in a["answer"]
    assert a["citations"][0]["kind"] == "text" and a["citations"][0]["page"] == 17


@pytest.fixture(scope="module")
def two_bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    home = bm25_store(tmp_path_factory.mktemp("findings-two"), SAMPLE_PDF, CLEAN_REAL)
    return Assistant(Settings(home=home, dense_retrieval=False))


def test_several_documents_and_none_named_asks_which(two_bot: Assistant) -> None:
    a = _ask(two_bot, "这份公开材料有没有数字对不上的地方？")
    assert not a.answerable and "请指明" in a.answer
    assert "工会部门" in a.answer and "统计局" in a.answer and a.citations == []


def test_named_document_only(two_bot: Assistant) -> None:
    a = _ask(two_bot, "工会部门的预算表和说明一致吗？")
    assert a.answerable and "错误1项" in a.answer and "统计局" not in a.answer
    assert {c.department for c in a.citations} == {"工会部门"}


def test_no_finding_says_what_was_checked(two_bot: Assistant) -> None:
    a = _ask(two_bot, "无锡市统计局的预算公开有没有矛盾的地方")
    assert a.answerable and a.citations == []
    assert "审校没有发现数字对不上的地方" in a.answer
    assert "检查过的规则：" in a.answer and "收支平衡" in a.answer and "科目层级合计" in a.answer
    assert "模板未填" in a.answer


def test_scoped_by_document_filter(two_bot: Assistant) -> None:
    """The web app's document filter (ask --doc) leaves one document: it is the one checked."""
    sample = next(d.doc_id for d in two_bot.store.documents() if d.department == "工会部门")
    a = _ask(two_bot, "有没有数据前后不一致？", [sample])
    assert a.answerable and a.docs == [sample] and "错误1项" in a.answer


@pytest.mark.skipif(not SAMPLE_MD.is_file(), reason="../shared/samples/gonghui-2026/disclosure.md 不存在")
def test_planted_error_is_answered_with_its_row(tmp_path: Path) -> None:
    """A changed cell in a copy of the sample: the chat lists the new errors, citing the changed row."""
    text = SAMPLE_MD.read_text(encoding="utf-8")
    assert text.count("一般行政管理事务	34.22		34.22") >= 1
    planted = tmp_path / "planted.md"
    planted.write_text(text.replace("一般行政管理事务	34.22		34.22", "一般行政管理事务	35.22		34.22", 1), encoding="utf-8")
    bot = Assistant(Settings(home=bm25_store(tmp_path / "s", planted), dense_retrieval=False))
    a = _ask(bot, "这份材料里哪些地方数字对不上？")
    errs = [ln for ln in a.answer.splitlines() if ln.startswith("· 错误")]
    row_sum = [ln for ln in errs if "行内合计" in ln and "35.22" in ln]
    assert row_sum, a.answer
    cited = [a.citations[n - 1] for n in _markers(row_sum[0])]
    assert any(c.kind == "row" and c.code == "2012902" and c.values.get("合计") == "35.22" for c in cited)


def test_real_findings_pass_the_number_check(tmp_path: Path) -> None:
    """Real disclosures: a figure the check summed from a column group is given with its formula
    (Hangzhou's 基本支出 = 人员支出 + 日常公用支出), a long sum is "N 项之和"; nothing is left unverified."""
    hangzhou = REAL / "hangzhou-shi_qixiangju_2026_bumen-yusuan.pdf"
    shanghai = REAL / "shanghai-shi_caizhengju_2025_danwei-yusuan.pdf"
    bot = Assistant(Settings(home=bm25_store(tmp_path / "s", hangzhou, shanghai), dense_retrieval=False))
    docs = {d.department: d.doc_id for d in bot.store.documents()}
    a = _ask(bot, "杭州市气象局的公开材料里各表数字对得上吗？")
    assert a.docs == [docs["杭州市气象局"]] and "尾差2处" in a.answer and "没有发现错误" in a.answer
    assert "3745.07 = 人员支出 2,906.80 + 日常公用支出 838.27" in a.answer
    b = _ask(bot, "有没有算错的地方", [docs["上海市财政局"]])
    assert re.search(r"而 \d+ 项之和 = ", b.answer), b.answer
    assert b.citations and all(c.department == "上海市财政局" for c in b.citations)


def test_web_chat_example_and_source_view(tmp_path: Path) -> None:
    """The web app's example question: the findings with their citations, the error's page on request."""
    from ui import app

    settings = Settings(home=bm25_store(tmp_path / "s", SAMPLE_PDF), dense_retrieval=False)
    question = "这份公开材料有没有数字对不上的地方？"
    history, _, citations, choices, *_ = app.ask_example(settings, app.EXAMPLES.index(question), [])
    reply = history[-1]["content"]
    assert "错误1项" in reply and "**出处**" in reply and "说明中的分项" in reply
    assert choices["choices"][0][0] == "[1] 3、比上年增减情况 第17页"
    image, caption, _ = app.show_source(settings, citations, 0)
    assert image is not None and "第 17 页（黄色框为引用位置）" in caption


def test_message_wordings_pass_the_number_check() -> None:
    """Messages that name pages or explain a rounded percentage (as ingest.audit words them) leave no
    number unverified; a page that is not cited does not pass."""
    from assistant.catalog import Catalog
    from assistant.compose import Draft
    from assistant.evidence import DocInfo
    from assistant.findings import _finding_text
    from assistant.verify import unverified
    from ingest.audit import Finding, row_citation, text_citation
    from ingest.model import Document, Paragraph, Row, Table

    rows = [Row(index=0, label="合计", values={"合计": "5.00"}, page=p) for p in (3, 5)]
    tables = [Table(title="部门预算支出总表", rows=[r], pages=[r.page]) for r in rows]
    para = Paragraph(text="培训费39.51万元，比上年预算数减少2.02万元，下降5.0%。", page=11)
    doc = Document(doc_id="d", source="x.pdf", format="pdf", department="某局", year=2026, tables=tables, paragraphs=[para])
    info = DocInfo("d", "某局", 2026, "预算", "部门", "x.pdf")
    twice = Finding(rule="duplicate_table", severity="warning", message="《部门预算支出总表》印了两次（第 3 页和第 5 页），内容相同",
                    citations=[{"n": i + 1, **row_citation(doc, t, t.rows[0])} for i, t in enumerate(tables)])
    rounded = Finding(rule="percent", severity="rounding", value="5.0%", expected="4.86%", difference="0.14",
                      message="说明中减少 2.02万元，按本年 39.51万元 推得上年 41.53万元，减少幅度应为 4.86%，印为 5.0%；"
                              "按整数取整则一致（印出的小数位都是 0，应是先取整再补 0）",
                      citations=[{"n": 1, **text_citation(doc, para)}])
    for f in (twice, rounded):
        d = Draft()
        text = _finding_text(Catalog(), info, f, d)
        assert unverified(text, d.evidence, d.computed) == [], text
    wrong = twice.model_copy(update={"message": "《部门预算支出总表》印了两次（第 3 页和第 9 页），内容相同"})
    d = Draft()
    assert unverified(_finding_text(Catalog(), info, wrong, d), d.evidence, d.computed) == ["9"]
