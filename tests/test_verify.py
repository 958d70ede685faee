"""Checking a draft: each figure matches, differs (with the stored value) or is not found."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.service import Assistant
from ingest.settings import Settings
from tests.conftest import bm25_store

ROOT = Path(__file__).resolve().parents[1]
DRAFT = "工会部门2026年项目支出34.22万元，基本支出59.99万元，人员经费54.71万元，其他支出12.00万元。"


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    h = tmp_path_factory.mktemp("verify-store")
    return bm25_store(h, ROOT / "ingest" / "samples" / "gonghui-2026.pdf")


def test_each_figure_is_judged(home: Path) -> None:
    res = Assistant(Settings(home=home, dense_retrieval=False)).verify(DRAFT)
    by_value = {f.value: f for f in res.figures}
    assert by_value["34.22"].status == "match" and by_value["34.22"].citations[0].page == 6
    wrong = by_value["59.99"]
    assert wrong.status == "differs" and wrong.expected == "59.58"
    assert wrong.citations[0].table == "部门预算支出总表"
    assert by_value["54.71"].status == "match"
    assert by_value["12.00"].status == "not_found" and by_value["12.00"].citations == []


def test_cli_verify_json_follows_the_contract(home: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "ui.cli", "verify", "--store", str(home), "--json", DRAFT],
                         capture_output=True, text=True, cwd=ROOT, check=True, env={**os.environ, "BUDGETQA_DENSE_RETRIEVAL": "false"})
    obj = json.loads(out.stdout)
    assert [f["status"] for f in obj["figures"]] == ["match", "differs", "match", "not_found"]
    assert set(obj["figures"][1]) >= {"text", "status", "value", "expected", "citations"}


def test_web_check_tab_lists_each_figure(home: Path) -> None:
    from ui.app import check_draft_frame

    frame = check_draft_frame(Settings(home=home, dense_retrieval=False), DRAFT)
    assert list(frame["结果"]) == ["✅ 一致", "❌ 不一致", "✅ 一致", "❔ 未找到"]
    assert frame.iloc[1]["应为"] == "59.58" and "第6页" in frame.iloc[1]["出处"]


@pytest.fixture(scope="module")
def two_depts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    h = tmp_path_factory.mktemp("verify-two")
    return bm25_store(h, ROOT / "ingest" / "samples" / "gonghui-2026.pdf",
                      ROOT / "tests" / "fixtures" / "real" / "beijing-shi_shenjiju_2026_bumen-yusuan_baobiao.pdf")


def test_unnamed_department_matches_where_the_figure_is(two_depts: Path) -> None:
    """No department named, two loaded: a figure true for one of them is a match, citing that one;
    a figure wrong for both is not_found and marked ambiguous, not "differs" with another department's value."""
    res = Assistant(Settings(home=two_depts, dense_retrieval=False)).verify("2026年项目支出34.22万元，项目支出99.99万元。")
    ok, wrong = res.figures
    assert ok.status == "match" and ok.citations[0].department == "工会部门"
    assert wrong.status == "not_found" and wrong.ambiguous and wrong.expected is None
    assert {c.department for c in wrong.citations} == {"工会部门", "北京市审计局"}
    named = Assistant(Settings(home=two_depts, dense_retrieval=False)).verify("工会部门2026年基本支出59.99万元。")
    assert named.figures[0].status == "differs" and named.figures[0].expected == "59.58"


def test_a_column_name_ending_in_a_digit_is_not_read_into_its_value() -> None:
    # an untitled table's columns are "列2", "列3": "列3227.93" would read as 3227.93, a number no row holds
    from assistant.compose import name_value
    from assistant.verify import numbers_in

    assert numbers_in(name_value("列3", "227.93")) == ["3", "227.93"]
    assert name_value("基本支出", "59.58") == "基本支出59.58"
