"""Several 绩效目标 forms printed one after another in one table run (上海普陀 万里街道 2023, pages 31–35,
checked on the rendered pages): one table per project, titled with its project, each with its own amounts
and indicators."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.service import read_document

PDF = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "shanghai-putuo_wanlijiedao_2023_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not PDF.is_file(), reason=f"{PDF} 不存在（../shared 语料目录缺失）")


def test_one_table_per_project_form() -> None:
    forms = {t.title.split("：", 1)[-1]: t for t in read_document(PDF).tables if t.kind == "performance"}
    assert {"新建万里街道社区公共服务中心", "就业援助基地补贴", "公共服务设施运行经费"} <= set(forms)
    first = forms["新建万里街道社区公共服务中心"]
    values = {r.label: next(iter(r.values.values()), "") for r in first.rows}
    assert values["项目资金总额"] == "4,100,000.00"  # p31
    assert values["规划建筑面积"] == "≥13459.00(平方米)"
    # the next project's indicators are not in this form
    assert "补贴对象满意度" not in values
    assert {r.label: next(iter(r.values.values()), "") for r in forms["就业援助基地补贴"].rows}["项目资金总额"] == "6,351,000.00"
