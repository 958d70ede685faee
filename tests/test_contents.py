"""A release's 目录: its entries kept under the entries that list them (a 目录 may run onto the next page and wrap an
entry onto a second line), out of the sentences that answer, and read when a question asks how many tables it
publishes; and its cover's marks: who signed it off, when it is dated. (Checked on the rendered pages of the real PDFs.)"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import answered, bm25_bot, corpus_pdf, parsed_once


def test_a_contents_that_runs_onto_the_next_page() -> None:
    # 北京市住建委 2026 p1-p2: "第二部分 2026 年度部门预算报表" lists 一、收支总表 … 十一 on p1 and 十二 … 十四 on p2
    doc = parsed_once(corpus_pdf("beijing-shi_zhujianwei_2026_bumen-yusuan.pdf"))
    listed = [p for p in doc.paragraphs if p.in_contents and p.heading_path[-1] == "第二部分2026年度部门预算报表"]
    assert len(listed) == 14 and listed[-1].text == "十四、专项或共同事权转移支付资金绩效目标表" and listed[-1].page == 2, \
        [p.text for p in listed]


def test_a_contents_entry_that_wraps() -> None:
    # 湖州市退役军人事务局 p2: "（二）关于…2026年收入预算情况说" + "明"; its tables under "四、2026 年…部门预算表" (p3)
    doc = parsed_once(corpus_pdf("huzhou-shi_tuiyijunren-ju_2026_bumen-yusuan.pdf"))
    entries = [p.text for p in doc.paragraphs if p.in_contents]
    assert "（二）关于湖州市退役军人事务局2026年收入预算情况说明" in entries and "明" not in entries, entries
    tables = [p for p in doc.paragraphs if p.in_contents and p.heading_path[-1].startswith("四、")]
    assert len(tables) == 11, [p.text for p in tables]


def test_how_many_tables_from_the_contents(tmp_path: Path) -> None:
    # 深圳市气象局（本级） p2-p3: "二、表格部分" then （一）收支总表 … （十一）国有资本经营预算支出表
    bot = bm25_bot(tmp_path, corpus_pdf("shenzhen-shi_qixiangju-benji_2026_bumen-yusuan.pdf"))
    a = answered(bot, "深圳气象局本级2026年预算的表格部分包括几张表？")
    assert "共11张" in a.answer and "国有资本经营预算支出表" in a.answer, a.answer
    # (an entry of the 目录 is no sentence: "部门概况" is answered from the body, not from "第一部分部门概况")
    b = answered(bot, "深圳气象局本级的部门职责是什么？")
    assert all(c.page != 2 for c in b.citations), b.answer


def test_who_signed_the_release_off_and_when_it_is_dated(tmp_path: Path) -> None:
    # 长春市信访局 2026 p1: "终审：赵万刚", "2026年2月14日"; 国家信访局 2024 决算 p1: "二〇二五年七月"
    bot = bm25_bot(tmp_path, corpus_pdf("changchun-shi_xinfangju_2026_bumen-yusuan.pdf"),
                   corpus_pdf("zhongyang_guojia-xinfangju_2024_juesuan.pdf"))
    a = answered(bot, "长春信访局2026年预算公开的落款日期是哪天？")
    assert "2026年2月14日" in a.answer, a.answer
    b = answered(bot, "国家信访局2024年决算什么时候编制的？")
    assert "二〇二五年七月" in b.answer, b.answer
    c = answered(bot, "长春信访局2026年这份预算由谁终审？")
    assert "赵万刚" in c.answer, c.answer


def test_a_contents_entry_keeps_its_own_number() -> None:
    # leader dots or a space before a page number drop it; an entry that ends in its own digits keeps them
    from ingest.read_pdf import _ENTRY_TAIL

    assert _ENTRY_TAIL.sub("", "一、收支总表 ........ 12") == "一、收支总表"
    assert _ENTRY_TAIL.sub("", "第一部分 部门概况 3") == "第一部分 部门概况"
    assert _ENTRY_TAIL.sub("", "附件1") == "附件1"


def test_the_parts_of_a_release_and_what_one_part_holds(tmp_path: Path) -> None:
    # 北京市住建委 2026 p1: 目录 "第一部分2026年度部门预算情况说明" (一 … 六), "第二部分2026年度部门预算报表"
    bot = bm25_bot(tmp_path, corpus_pdf("beijing-shi_zhujianwei_2026_bumen-yusuan.pdf"))
    a = answered(bot, "北京市住建委2026年的部门预算公开材料一共分几部分？")
    assert "2个部分" in a.answer and "部门预算报表" in a.answer and all(c.page == 1 for c in a.citations), a.answer
    b = answered(bot, "北京市住建委2026年部门预算里“部门预算情况说明”这部分介绍了哪些内容？")
    assert "6项" in b.answer and "名词解释" in b.answer and "收支总表" not in b.answer, b.answer
    # (the parts of a budget item are no parts of the release)
    c = bot.ask("北京住建委2026年项目支出由哪几部分组成？")
    assert "个部分" not in c.answer, c.answer
