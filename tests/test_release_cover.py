"""What a release is, read from its cover: the cover's lines (title, the unit it names, the date) are kept as one
paragraph under 封面, and a question on the release's kind or level ("是部门预算还是单位预算", "哪一级的预算")
is answered from it, cited on page 1. Covers checked on the rendered pages."""

from __future__ import annotations

from pathlib import Path

from ingest.model import COVER
from ingest.read_pdf import read_pdf
from tests.conftest import answered, bm25_bot, corpus_pdf


def test_the_cover_is_kept_as_one_paragraph() -> None:
    # p. 1: "上海市2026年市级单位预算" / "预算单位：上海市信访办公室"
    doc = read_pdf(corpus_pdf("shanghai-shi_xinfangban_2026_danwei-yusuan.pdf"))
    cover = [p for p in doc.paragraphs if p.heading_path == [COVER]]
    assert [(p.text, p.page) for p in cover] == [("上海市2026年市级单位预算 预算单位：上海市信访办公室", 1)]
    # a title wrapped over lines is joined whole: "2026年度" / "福州市公安局文职人员" / "管理中心单位预算"
    doc = read_pdf(corpus_pdf("fuzhou-shi_gonganju-wenzhi-zhongxin_2026_danwei-yusuan.pdf"))
    assert [p.text for p in doc.paragraphs if p.heading_path == [COVER]] == ["2026年度福州市公安局文职人员管理中心单位预算"]


def test_a_release_whose_first_page_is_text_has_no_cover() -> None:
    # p. 1 opens with the duties ("重庆市商务委员会现行的职能职责为:…")
    doc = read_pdf(corpus_pdf("chongqing-shi_shangwuwei_2026_bumen-yusuan.pdf"))
    assert not [p for p in doc.paragraphs if p.heading_path == [COVER]]


def test_the_kind_and_level_of_a_release_are_read_from_its_cover(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, corpus_pdf("shanghai-shi_xinfangban_2026_danwei-yusuan.pdf"),
                   corpus_pdf("shanghai-putuo_wanlijiedao_2024_bumen-yusuan.pdf"))
    a = answered(bot, "上海市信访办公室2026年这份材料算市级还是区级？属于部门预算还是单位预算？")
    assert "“上海市2026年市级单位预算 预算单位：上海市信访办公室”" in a.answer
    assert a.citations[0].page == 1
    a = answered(bot, "万里街道2024年的预算公开，封面上的预算主管部门写的是哪个单位？")
    assert "预算主管部门：上海市普陀区人民政府万里街道办事处" in a.answer


def test_the_date_on_a_cover_is_quoted_from_it(tmp_path: Path) -> None:
    # p. 1: "国家信访局" / "2024 年度部门决算" / "二〇二五年七月"
    bot = bm25_bot(tmp_path, corpus_pdf("zhongyang_guojia-xinfangju_2024_juesuan.pdf"))
    a = answered(bot, "国家信访局2024年的部门决算是哪年哪月发布的？")
    assert "“二〇二五年七月”" in a.answer
