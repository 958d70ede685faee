"""The scoring rules of CONTRACT.md's gold format."""

from __future__ import annotations

from eval.metrics import answer_numbers, citation_hit, figure_found, score


def found(fig: str, text: str, unit: str = "") -> bool:
    return figure_found(fig, answer_numbers(text), unit)


def test_figures_match_numerically_after_rounding() -> None:
    assert found("93.80", "收入93.8万元[1]")
    assert found("32365.09", "32,365.090089万元")
    assert not found("93.80", "收入93.81万元")
    assert not found("34.22", "见[34]条")  # citation markers are not numbers


def test_percent_within_a_tenth_of_a_point() -> None:
    assert found("36.48%", "占比36.5%")
    assert not found("36.48%", "占比36.7%")
    assert not found("36.48%", "36.48万元")
    assert found("98%", "及时率达到 98％以上")  # a quoted page's full-width sign is a percent sign


def test_other_unit_only_when_said() -> None:
    assert found("93.40", "934,000元", unit="万元")
    assert not found("93.40", "934,000", unit="万元")
    assert found("934000", "93.40万元", unit="元")


def test_citation_alternatives() -> None:
    gold = [{"table": "部门预算收支总表", "row": "一般公共预算拨款收入"}, {"section": "收入说明"}]
    row = {"kind": "row", "table": "部门预算收支总表", "row": "一、一般公共预算拨款收入", "code": ""}
    assert not citation_hit(gold, [row])  # the label must equal, ordinal included
    row["row"] = "一般公共预算拨款收入"
    assert citation_hit(gold, [row])
    assert citation_hit(gold, [{"kind": "text", "section": "二、部门预算安排的总体情况 > 1、收入说明"}])
    assert citation_hit([{"table": "支出总表", "row": "2012902"}],
                        [{"kind": "row", "table": "部门预算支出总表", "row": "一般行政管理事务", "code": "2012902"}])


def test_unanswerable_item_is_right_only_when_refused() -> None:
    item = {"id": "x", "question": "?", "answerable": False, "figures": [], "citations": []}
    assert score(item, {"answer": "没有找到", "answerable": False, "citations": []}, 1.0).right
    assert not score(item, {"answer": "是 5 万元", "answerable": True, "citations": []}, 1.0).right


def test_answerable_item_needs_figures_and_keywords() -> None:
    item = {"id": "y", "question": "?", "answerable": True, "unit": "万元", "figures": ["34.22"],
            "keywords": ["困难职工"], "keywords_any": ["主要为", "用于"], "citations": []}
    ok = {"answer": "项目支出34.22万元，主要为困难职工帮扶[1]", "answerable": True, "citations": []}
    assert score(item, ok, 1.0).right
    bad = {"answer": "项目支出34.22万元[1]", "answerable": True, "citations": []}
    assert score(item, bad, 1.0).why


def test_citation_of_a_row_written_with_its_code_before_its_label() -> None:
    row = {"kind": "row", "table": "基本支出明细表", "row": "西安市安全生产执法监察支队", "code": "125003"}
    assert citation_hit([{"table": "基本支出明细表", "row": "125003 西安市安全生产执法监察支队"}], [row])
    assert not citation_hit([{"table": "基本支出明细表", "row": "125004 西安市安全生产执法监察支队"}], [row])


def test_keywords_ignore_the_spaces_a_quote_keeps() -> None:
    item = {"id": "k", "question": "q", "answerable": True, "figures": [], "keywords": ["1007室"], "citations": []}
    assert score(item, {"answer": "对 1007 室重新铺设管线", "citations": []}, 1.0).right
    assert not score(item, {"answer": "对 1001 室重新铺设管线", "citations": []}, 1.0).right
