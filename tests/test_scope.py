"""Scope: which stored documents a question is about, from the documents' own names (no list of
departments): places written with or without 市/区, short forms of long names, a place that holds no such
department, and a year that is only what the question compares with."""

from __future__ import annotations

from pathlib import Path

from assistant.evidence import DocInfo
from assistant.understand import understand
from tests.conftest import bm25_bot, corpus_pdf

DOCS = [
    DocInfo("zh1", "珠海市政府投资交通市政项目工务中心", 2026, "预算", "部门", "a.pdf"),
    DocInfo("zh2", "珠海市商务局", 2026, "预算", "部门", "b.pdf"),
    DocInfo("pt1", "上海市普陀区规划和自然资源局", 2024, "决算", "部门", "c.pdf"),
    DocInfo("pt2", "上海市普陀区商务委员会", 2025, "预算", "部门", "d.pdf"),
    DocInfo("cq1", "重庆市商务委员会", 2026, "预算", "部门", "e.pdf"),
    DocInfo("cq2", "重庆市气象局", 2026, "预算", "部门", "f.pdf"),
    DocInfo("hz1", "杭州市气象局", 2026, "预算", "部门", "g.pdf"),
    DocInfo("bj1", "北京市审计局", 2026, "预算", "部门", "h.pdf"),
    DocInfo("sh1", "上海钻石宝玉石交易联合管理办公室", 2026, "预算", "单位", "i.pdf"),
    DocInfo("sz1", "深圳市人民政府办公厅", 2026, "预算", "部门", "j.pdf"),
    DocInfo("sz2", "深圳市人力资源和社会保障局", 2026, "预算", "部门", "k.pdf",
            context="深圳市人力资源和社会保障局 二十、深圳市人事人才公共服务中心 深圳市考试院"),
    DocInfo("pt3", "上海市普陀区人民政府办公室", 2025, "预算", "部门", "l.pdf"),
    DocInfo("sh2", "上海市职业能力考试院", 2026, "预算", "单位", "m.pdf"),
]


def scope(question: str) -> list[str]:
    return [d.doc_id for d in understand(question, DOCS).docs]


def test_short_forms_of_a_long_name_with_its_place() -> None:
    assert scope("珠海工务中心今年项目支出多少？") == ["zh1"]
    # "珠海交通市政…": 交通市 is part of the name, not a city
    assert scope("珠海交通市政工务中心今年安排了多少钱？") == ["zh1"]
    assert scope("普陀规划资源局2024年为什么没把年初预算花完？") == ["pt1"]
    assert scope("钻石宝玉石交易管理办公室今年预算多少？") == ["sh1"]


def test_a_year_before_the_district_is_not_part_of_its_name() -> None:
    assert scope("2025年普陀区商务委的项目支出占多大比例？") == ["pt2"]


def test_a_known_place_without_that_department_is_refused() -> None:
    q = understand("北京气象局三公经费是多少？", DOCS)
    assert q.docs == [] and q.unknown == ["北京气象局"]
    assert scope("杭州气象局三公经费是多少？") == ["hz1"]


def test_a_place_no_document_is_of_is_refused() -> None:
    # no 南京 document loaded: "南京气象局" is not 重庆's or 杭州's (the word segmenter tags 南京 a place)
    q = understand("南京气象局今年的三公经费是多少？", DOCS)
    assert q.docs == [] and q.unknown == ["南京气象局"]
    # (a place word inside a quoted name is part of that name)
    assert scope("珠海商务局“新建口岸配套”项目安排了多少？") == ["zh2"]


def test_a_year_only_compared_with_does_not_pick_the_document() -> None:
    assert scope("重庆商务委今年的政府性基金预算有多少？比2025年少了多少？") == ["cq1"]
    # a year asked about with no document of its own: the next year's budget prints that year's budget
    # figures beside its own (answered only from a column of that year), never what was spent
    q = understand("重庆商务委2025年的预算是多少？", DOCS)
    assert [d.doc_id for d in q.docs] == ["cq1"] and q.want_year == 2025
    assert scope("重庆商务委2025年的决算支出是多少？") == []


def test_a_name_followed_by_a_verb_and_a_city_before_its_district() -> None:
    # "市政府办公厅" for 市人民政府办公厅, followed by what it does
    assert scope("深圳市政府办公厅编政府公报一年花多少钱？") == ["sz1"]
    # "上海普陀区": a city and its district, both the document's own places
    assert sorted(scope("深圳市政府办公厅2026年和上海普陀区政府办2025年，因公出国（境）费各安排了多少？")) == ["pt3", "sz1"]


def test_a_unit_named_under_its_full_name_scopes_to_the_document_that_lists_it() -> None:
    q = understand("深圳市考试院和上海市职业能力考试院2026年预算分别是多少？哪家多？", DOCS)
    assert sorted(d.doc_id for d in q.docs) == ["sh2", "sz2"] and q.units == ["深圳市考试院"]
    assert "哪家" not in q.subject and not q.subject.startswith("和")


def test_a_short_name_starting_a_budget_noun_names_no_department() -> None:
    """"审计工作经费" / "审计专项" in a question about another department: a budget subject, not 审计局."""
    assert scope("深圳人社局今年的审计工作经费和培训专项各是多少？") == ["sz2"]
    assert scope("深圳人社局的审计专项是多少？") == ["sz2"]


def test_a_name_marked_as_a_classification_item_is_no_organisation() -> None:
    """"综合医院（项）", "…服务中心（项）": items of the functional classification, not other bodies."""
    for question in ("普陀区商务委2025年综合医院（项）年初预算是多少？", "普陀区商务委2025年社区卫生服务中心(项)预算多少？"):
        q = understand(question, DOCS)
        assert [d.doc_id for d in q.docs] == ["pt2"] and q.unknown == [], question


def test_a_bracket_of_the_documents_own_name_is_not_the_subject() -> None:
    docs = [DocInfo("xa1", "西安市卫生健康委员会（汇总）", 2022, "决算", "部门", "x.pdf")]
    q = understand("西安市卫健委（汇总）2022年度决算支出中，项目支出合计多少？", docs)
    assert [d.doc_id for d in q.docs] == ["xa1"] and "汇总" not in q.subject


def test_the_own_unit_of_a_document_that_is_that_unit() -> None:
    """"无锡交通局（本级）" names the 本级 document: no unit inside it, and 本级 is not the subject (another city's
    交通运输局 shares the short name but the place drops it)."""
    docs = [DocInfo("wx", "无锡市交通运输局（本级）", 2026, "预算", "单位", "wx.pdf"),
            DocInfo("sz", "苏州市交通运输局", 2026, "预算", "部门", "sz.pdf")]
    for question in ("无锡交通局（本级）2026年财政拨款收支总计多少？", "无锡市交通运输局本级2026年收入总共有多少？"):
        q = understand(question, docs)
        assert [d.doc_id for d in q.docs] == ["wx"] and q.units == [], (q.docs, q.units)
        assert "本级" not in q.subject, q.subject



def test_a_city_and_a_name_is_the_city_body_not_a_districts() -> None:
    # "上海财政局": 上海市财政局, not 上海市普陀区财政局 (a district the question does not write); "普陀财政局" the district's
    docs = [DocInfo("c1", "上海市财政局", 2025, "预算", "单位", "x.pdf"), DocInfo("c2", "上海市普陀区财政局", 2025, "预算", "部门", "y.pdf")]
    assert [d.doc_id for d in understand("上海财政局2025年信息化建设支出多少？", docs).docs] == ["c1"]
    assert [d.doc_id for d in understand("普陀财政局2025年信息化建设支出多少？", docs).docs] == ["c2"]


def test_a_unit_under_the_department_that_no_document_lists(tmp_path: Path) -> None:
    # 广州市商务局 2026 lists no "会展服务中心": its own 收入预算 121,393.52 万元 is not that body's
    pdf = corpus_pdf("guangzhou-shi_shangwuju_2026_bumen-yusuan.pdf")
    a = bm25_bot(tmp_path, pdf).ask("广州市商务局下属的广州市会展服务中心2026年收入预算是多少？")
    assert not a.answerable and "121,393.52" not in a.answer and "会展服务中心" in a.answer, a.answer


def test_a_project_the_narrative_quotes_picks_its_department_when_none_is_named(tmp_path: Path) -> None:
    # no department named, five 2024 releases loaded: the project's name, quoted only in 国家信访局's narrative
    # ("对“全国信访信息系统维护费”…开展了部门评价"), says whose release answers (not "请指明部门")
    bot = bm25_bot(tmp_path, *(corpus_pdf(f) for f in (
        "zhongyang_guojia-xinfangju_2024_juesuan.pdf", "shanghai-putuo_shehuigongzuobu_2024_juesuan.pdf",
        "shanghai-putuo_caizhengju_2024_juesuan.pdf", "shanghai-putuo_guihuaziyuanju_2024_juesuan.pdf",
        "shanghai-putuo_wanlijiedao_2024_bumen-yusuan.pdf")))
    a = bot.ask("全国信访信息系统维护费项目2024年的全年经费总额是多少？")
    assert a.answerable and "1018.55" in a.answer
    assert {c.department for c in a.citations} == {"国家信访局"}
