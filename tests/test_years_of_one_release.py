"""A year before the release's own, asked of a figure no table prints for it: the text's own figure and its change
on the year before give it, with the formula shown, every number checked — the year too ("上年" of the release's
year) — and the two years compared when asked. A sentence with two changes ("比上年执行数减少A，扣除X后比上年
执行数增加B") gives A as the change of the figure it opens with; B is on a narrower base.
(深圳市气象局（本级）2026 p7, 国家信访局 2026 p11, 西安市气象局 2022 p9–10; checked on the rendered pages.)"""

from __future__ import annotations

from tests.conftest import answered, bm25_bot, corpus_pdf


def test_two_years_of_one_release_compared(tmp_path) -> None:
    bot = bm25_bot(tmp_path, corpus_pdf("shenzhen-shi_qixiangju-benji_2026_bumen-yusuan.pdf"))
    a = answered(bot, "深圳市气象局本级2026年部门预算收入比2025年多还是少？两年各是多少？")
    # "部门预算收入 7,199.97 万元，较 2025 年年初预算减少 878.34 万元": 2025 = 7,199.97 + 878.34
    assert "8,078.31万元" in a.answer and "7,199.97" in a.answer, a.answer
    assert "最高的是2025年" in a.answer and "不足两个" not in a.answer, a.answer
    assert not a.unverified_numbers


def test_the_year_before_named_by_its_number_is_verified(tmp_path) -> None:
    bot = bm25_bot(tmp_path, corpus_pdf("xian-shi_qixiangju_2022_bumen-zonghe-yusuan.pdf"))
    a = answered(bot, "西安市气象局2022年部门预算比2021年增加还是减少？2021年是多少？")
    # 1899.9 this year, "较上年增加 406.39 万元": 2021 = 1493.51
    assert "1493.51" in a.answer and "没有直接列出2021年的数" in a.answer, a.answer
    assert not a.unverified_numbers and "未核实" not in a.answer, a.answer


def test_the_change_of_the_figure_not_of_a_narrower_base(tmp_path) -> None:
    bot = bm25_bot(tmp_path, corpus_pdf("zhongyang_guojia-xinfangju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "国家信访局2025年一般公共预算当年拨款执行数大约是多少？")
    # 16,474.82 this year, "比 2025 年执行数减少 20,766.6 万元"; the 2,775.6 increase is without 中央基建
    assert "16,474.82 + 20,766.6 = 37,241.42" in a.answer, a.answer
    assert "17,991" not in a.answer, a.answer


def test_two_releases_named_after_the_thing_compared(tmp_path) -> None:
    from assistant.understand import understand

    bot = bm25_bot(tmp_path, corpus_pdf("zhongyang_guojia-xinfangju_2024_juesuan.pdf"),
                   corpus_pdf("zhongyang_guojia-xinfangju_2026_bumen-yusuan.pdf"))
    q = understand("国家信访局的公用经费，2024年决算的实际支出和2026年的预算比较，差多少？", list(bot.catalog.docs.values()))
    assert sorted(d.year for d in q.docs) == [2024, 2026] and q.subject == "公用经费", q.subject
