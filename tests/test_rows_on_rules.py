"""Tables whose row rules run through the middle of each row's codes and amounts (重庆 部门预算, checked on
the rendered pages): names, codes and amounts stay on one row and each page's last row is kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.audit import audit
from tests.conftest import parsed_once

PDF = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "more" / "chongqing-shi_kejiju_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not PDF.is_file(), reason=f"{PDF} 不存在（../shared 语料目录缺失）")


def _rows(doc, page: int) -> dict[str, tuple[str, dict[str, str]]]:
    return {r.code: (r.label, r.values) for t in doc.tables for r in t.rows if r.page == page and r.code}


def test_names_codes_and_amounts_share_a_row() -> None:
    doc = parsed_once(PDF)
    p9 = _rows(doc, 9)
    # the page's first and last rows as printed on p9 of the PDF (收入总体情况表)
    assert p9["20601"][0] == "科学技术管理事务"
    assert "9,291.38" in p9["20601"][1].values()
    assert p9["2060203"][0] == "自然科学基金"
    assert "15,500.00" in p9["2060203"][1].values()
    # the hierarchy adds up again, so the audit finds no error in this document
    assert [f.message for f in audit(doc).findings if f.severity == "error"] == []


def test_punctuation_set_lower_stays_in_its_label() -> None:
    """p8 收支总体情况表 prints "一、一般公共预算资金" with "、" in another font 7.7 pt lower: the label reads as printed."""
    doc = parsed_once(PDF)
    labels = {r.label: r.values for t in doc.tables for r in t.rows if r.page == 8}
    assert labels["一、一般公共预算资金"] == {"收入/预算数": "154,304.22"}
    assert labels["九、其他收入资金"] == {"收入/预算数": "10,885.00"}
    assert "三、科学技术支出" in labels and not any(k.endswith("、") for k in labels)
