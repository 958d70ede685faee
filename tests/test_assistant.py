"""The assistant on the bundled sample and a real PDF loaded together: every question kind,
figures with their rows, refusals, and no unverified number."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.service import Answer, Assistant
from assistant.verify import unverified
from ingest.settings import Settings
from tests.conftest import bm25_store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "ingest" / "samples" / "gonghui-2026.pdf"
HANGZHOU = ROOT / "tests" / "fixtures" / "real" / "hangzhou-shi_qixiangju_2026_bumen-yusuan.pdf"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bm25_store(tmp_path_factory.mktemp("assistant-store"), SAMPLE, HANGZHOU)


@pytest.fixture(scope="module")
def bot(store: Path) -> Assistant:
    return Assistant(Settings(home=store))


def ask(bot: Assistant, q: str) -> Answer:
    a = bot.ask(q)
    assert a.unverified_numbers == [], a.answer
    assert "〔未核实数字〕" not in a.answer
    return a


def rows(a: Answer) -> list[dict]:
    return [c for c in a.citations if c.kind == "row"]


def test_figure_by_name_cites_the_row(bot: Assistant) -> None:
    a = ask(bot, "工会2026年一般公共预算拨款收入是多少？")
    assert a.answerable and "93.80" in a.answer and "万元" in a.answer
    c = rows(a)[0]
    assert c.table == "部门预算收支总表" and c.row == "一、一般公共预算拨款收入" and c.page == 2
    assert c.values == {"收入/预算数": "93.80"}
    assert c.department == "工会部门" and c.year == 2026


def test_figure_by_code_and_column(bot: Assistant) -> None:
    a = ask(bot, "工会部门2012902的项目支出是多少")
    assert "34.22" in a.answer
    c = rows(a)[0]
    assert c.code == "2012902" and c.page == 6 and c.values["项目支出"] == "34.22"


def test_column_intent_uses_the_total_row(bot: Assistant) -> None:
    a = ask(bot, "工会的人员经费是多少？")
    assert "54.71" in a.answer
    assert rows(a)[0].table == "部门预算一般公共预算财政拨款基本支出表"


def test_purpose_gives_the_narrative_and_the_figure(bot: Assistant) -> None:
    a = ask(bot, "工会项目支出主要用于什么？")
    assert "困难职工及劳模帮扶资金" in a.answer and "34.22" in a.answer
    kinds = {c.kind for c in a.citations}
    assert kinds == {"row", "text"}
    text = next(c for c in a.citations if c.kind == "text")
    assert "二、部门预算安排的总体情况" in text.section and text.page == 17


def test_sanggong_empty_table_and_narrative(bot: Assistant) -> None:
    a = ask(bot, "工会三公经费是多少？")
    assert a.answerable and "0万元" in a.answer and "空表" in a.answer
    assert any("三公" in (getattr(c, "section", None) or getattr(c, "table", None) or "") for c in a.citations)


def test_sanggong_with_values(bot: Assistant) -> None:
    a = ask(bot, "杭州市气象局三公经费是多少？")
    assert "24.02" in a.answer
    assert any(c.kind == "row" and "三公" in c.table and c.page == 21 for c in a.citations)


def test_blank_row_is_not_zero(bot: Assistant) -> None:
    a = ask(bot, "工会政府性基金预算拨款收入是多少？")
    assert "未安排" in a.answer and rows(a)[0].values == {}


def test_empty_table(bot: Assistant) -> None:
    a = ask(bot, "工会有多少国有资产？")
    assert "空表" in a.answer and a.citations[0].page == 34


def test_definition(bot: Assistant) -> None:
    a = ask(bot, "什么是机关运行经费？")
    assert a.answerable and "公用经费" in a.answer
    assert "名词解释" in a.citations[0].section


def test_share_shows_its_formula(bot: Assistant) -> None:
    a = ask(bot, "工会项目支出占总支出的比例是多少？")
    assert "34.22 ÷ 93.80" in a.answer and "36.48%" in a.answer


def test_two_departments_each_named(bot: Assistant) -> None:
    a = ask(bot, "工会和杭州市气象局的人员经费各是多少？")
    assert "54.71" in a.answer and "2,906.80" in a.answer
    assert {c.department for c in rows(a)} == {"工会部门", "杭州市气象局"}


def test_unanswerable_refuses_without_numbers(bot: Assistant) -> None:
    a = ask(bot, "工会2026年的GDP增长率是多少？")
    assert not a.answerable and a.citations == []
    assert "没有找到" in a.answer


def test_unknown_year_refuses(bot: Assistant) -> None:
    a = ask(bot, "工会2019年的项目支出是多少？")
    assert not a.answerable


def test_verifier_flags_invented_numbers(bot: Assistant) -> None:
    from assistant.catalog import Catalog

    cat = Catalog.load(bot.store)
    ev = [r for r in cat.rows if r.table == "部门预算支出总表" and r.label == "合计"]
    assert unverified("基本支出59.58万元", ev, []) == []
    assert unverified("基本支出59.99万元", ev, []) == ["59.99"]


def test_cli_ask_json_and_jsonl(store: Path) -> None:
    exe = [sys.executable, "-m", "ui.cli"]
    out = subprocess.run([*exe, "ask", "--store", str(store), "--json", "工会行政运行是多少"], capture_output=True,
                         text=True, cwd=ROOT, check=True)
    obj = json.loads(out.stdout)
    assert set(obj) >= {"question", "answer", "answerable", "citations", "unverified_numbers"}
    assert "4.50" in obj["answer"]
    res = subprocess.run([*exe, "ask", "--store", str(store), "--jsonl"], input="工会行政运行是多少\n\n三公经费是多少\n",
                         capture_output=True, text=True, cwd=ROOT, check=True)
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert len(lines) == 2 and lines[0]["answerable"]


def test_llm_answer_passes_the_same_check(store: Path) -> None:
    """An LLM (LangChain's fake chat model here) writes from the same evidence; numbers are checked."""
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    good = FakeListChatModel(responses=["工会2026年项目支出为34.22万元[1]，主要为困难职工及劳模帮扶资金[1]。"])
    a = Assistant(Settings(home=store), llm=good).ask("工会项目支出主要用于什么？")
    assert a.writer == "llm" and a.answer.startswith("工会2026年项目支出为34.22万元") and a.unverified_numbers == []
    bad = FakeListChatModel(responses=["项目支出为35.00万元[1]。"])
    b = Assistant(Settings(home=store), llm=bad).ask("工会项目支出主要用于什么？")
    assert b.writer == "offline" and "35.00" in b.note and "35.00" not in b.answer
    assert "34.22" in b.answer
    wrong_marker = FakeListChatModel(responses=["项目支出为34.22万元[99]。"])
    c = Assistant(Settings(home=store), llm=wrong_marker).ask("工会项目支出主要用于什么？")
    assert c.writer == "offline" and "编号" in c.note


def test_llm_writes_from_ranked_evidence_beyond_the_offline_answer(store: Path) -> None:
    """The LLM sees the offline answer's evidence and then the retriever's next best rows and sentences; what
    it cites from those becomes a citation of the answer (renumbered), under the same number check."""
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    bot = Assistant(Settings(home=store))
    offline = bot.ask("工会项目支出主要用于什么？")
    ranked = [e for e in bot.evidence("工会项目支出主要用于什么？", k=4) if not any(
        c.kind == ("row" if hasattr(e, "label") else "text") and c.page == e.page
        and (getattr(c, "row", None) == getattr(e, "label", None) if c.kind == "row" else c.text == e.text)
        for c in offline.citations)]
    assert ranked, "the retriever ranks evidence the offline answer did not cite"
    extra = ranked[0]
    n_extra = len(offline.citations) + 1  # the first ranked item after the draft's evidence
    llm = FakeListChatModel(responses=[f"见出处[1]与[{n_extra}]。"])
    a = Assistant(Settings(home=store), llm=llm).ask("工会项目支出主要用于什么？")
    assert a.writer == "llm", a.note
    assert len(a.citations) == len(offline.citations) + 1 and a.citations[-1].page == extra.page
    assert f"[{len(offline.citations) + 1}]" in a.answer


def test_whole_and_its_part(bot: Assistant) -> None:
    a = ask(bot, "工会部门2026年支出预算是多少？其中项目支出是多少？")
    assert "93.80" in a.answer and "34.22" in a.answer and "其中" in a.answer
    assert len(rows(a)) >= 2


def test_retriever_returns_cited_rows_and_passages_as_langchain_documents(bot: Assistant) -> None:
    from langchain_core.documents import Document
    from langchain_core.runnables import RunnableLambda

    from assistant.retriever import BudgetRetriever

    retriever = BudgetRetriever(assistant=bot, k=4)
    docs = retriever.invoke("工会项目支出主要用于什么？")
    assert docs and all(isinstance(d, Document) for d in docs)
    assert {d.metadata["department"] for d in docs} == {"工会部门"}  # scoped to the named department
    kinds = {d.metadata["kind"] for d in docs}
    assert kinds == {"row", "text"}
    text = next(d for d in docs if d.metadata["kind"] == "text" and "困难职工" in d.page_content)
    assert text.metadata["page"] == 17
    row = next(d for d in docs if d.metadata["kind"] == "row")
    assert row.metadata["table"] and row.metadata["page"] >= 1 and "单位" in row.page_content
    # it composes with a user's own chain
    chain = retriever | RunnableLambda(lambda ds: "\n".join(d.page_content for d in ds))
    assert "困难职工" in chain.invoke("工会项目支出主要用于什么？")
