"""Question → asks (assistant/asks.py): each part gets a standalone question; a part that points back
("这个项目…", "该笔资金…") continues the subject before it."""

from __future__ import annotations

from assistant.asks import split_asks


def test_follow_up_without_subject_takes_the_first_ones() -> None:
    asks = split_asks("某局收入预算是多少？比上年增加了多少？")
    assert len(asks) == 2 and asks[0].subject and not asks[1].subject
    assert asks[1].text.startswith("某局收入预算") and asks[1].tail == "比上年增加了多少"


def test_a_part_pointing_back_has_no_subject_of_its_own() -> None:
    for follow in ("这个项目主要干什么", "该笔资金用在哪里", "这部分经费用于什么"):
        asks = split_asks(f"某局的信息化运维项目安排了多少？{follow}？")
        assert len(asks) == 2 and not asks[1].subject, follow
        assert asks[1].text.startswith("某局的信息化运维项目") and "这" not in asks[1].text.replace(follow, "")


def test_a_listed_pair_is_two_asks() -> None:
    [ask] = split_asks("某局的人员经费和公用经费分别是多少？", departments=["某局"])
    assert ask.names == ("人员经费", "公用经费")


def test_parts_within_a_sum_name_only_the_parts() -> None:
    asks = split_asks("某局对个人和家庭的补助一共多少？其中生活补助和离休费各多少？", ["对个人和家庭的补助"], ["某局"])
    assert asks[1].names == ("生活补助", "离休费") and "一共" not in asks[1].text


def test_listed_units_of_one_document_are_items_with_the_shared_year_and_subject() -> None:
    """"A医院和附属B医院2026年基本支出中…分别是多少": each unit asked with what follows the year."""
    [ask, _] = split_asks("某委的甲大学附属第一医院和附属第二医院2026年基本支出中，财政拨款分别是多少？哪家多？",
                          departments=["某委"], units=["甲大学附属第一医院", "附属第二医院"])
    assert ask.names == ("甲大学附属第一医院", "附属第二医院")
    assert all("2026年基本支出中财政拨款" in t for t in ask.items)


def test_which_departments_figure_is_higher_is_a_comparison() -> None:
    asks = split_asks("甲市某局和乙市某局，哪个部门的“三公”经费预算更多？多多少？", departments=["甲市某局", "乙市某局"])
    assert [a.op for a in asks] == ["value", "compare"]
    assert "“三公”经费" in asks[0].text and "哪个部门" not in asks[0].text


def test_how_long_is_a_question_of_its_own() -> None:
    asks = split_asks("某局的培训项目，每期培训要持续多长时间？参训人员满意度目标是多少？", departments=["某局"])
    assert len(asks) == 2 and "多长时间" in asks[0].text and "满意度" in asks[1].text


def test_another_thing_asked_with_ne() -> None:
    asks = split_asks("某局2026年的会议费预算是多少？培训费呢？", departments=["某局"])
    assert [a.text for a in asks][1] == "培训费是多少"
    assert len(split_asks("某局今年因公出国（境）费安排多少？和去年比呢？", departments=["某局"])) == 1  # a change, not a thing


def test_a_list_of_totals_asked_without_each_is_each_total() -> None:
    # "收入总计和支出总计是多少": the second 总计 is the item's own, not "in all"; one ask per total
    asks = split_asks("某局2025年部门决算的收入总计和支出总计是多少？")
    assert [a.names for a in asks if a.op == "value"] == [("收入总计", "支出总计")]


def test_a_bracketed_list_is_one_thing() -> None:
    from assistant.asks import _enumerate

    clause = "某局2026年部门预算里，社会保险基金（养老、失业、工伤）的预算收入总额是多少"
    assert _enumerate(clause, [], []) == ([], [])
    assert len(asks := split_asks(clause + "？")) == 1 and not asks[0].items


def test_what_follows_the_last_listed_thing_after_de_is_asked_of_each() -> None:
    asks = split_asks("某局2025年绩效目标中，管理人员和特种作业人员的考核人数是多少？")
    assert asks[0].names == ("管理人员", "特种作业人员") and all(t.endswith("的考核人数是多少") for t in asks[0].items)


def test_a_bracket_stays_with_the_word_before_it() -> None:
    # "因公出国（境）费用和公务接待费": the first listed thing is cut to the later one's length, never at "（境）"
    [ask] = split_asks("某局今年因公出国（境）费用和公务接待费各是多少钱？", departments=["某局"])
    assert ask.names[0].endswith("出国（境）费用") and ask.names[1] == "公务接待费", ask.names


def test_a_name_holding_he_listed_first_and_the_list_counted() -> None:
    # "X和Y能力建设、Z两个项目，各多少": the first listed thing is the whole printed name (a protected one), and "两个项目"
    # names the list again, not a part of its last thing
    [ask] = split_asks("某医院的中医医疗保障和能力建设、基层中医医疗卫生服务能力建设两个项目，各安排多少钱？",
                       ["中医医疗保障和能力建设"], ["某医院"])
    assert ask.names == ("中医医疗保障和能力建设", "基层中医医疗卫生服务能力建设"), ask.names


def test_what_follows_both_is_said_of_each_listed_body() -> None:
    # "A和B都做了“X”项目，两家各花了多少": X is asked of A and of B; the count naming them again is not an item, and
    # the spending verb stays with each
    (ask, *_) = split_asks("某委2022年甲医院和乙医院都做了“某设备购置”项目，两家各花了多少？")
    assert ask.names == ("甲医院", "乙医院")
    assert all("“某设备购置”项目" in it and "花" in it and "两家" not in it for it in ask.items)


def test_a_verb_after_the_last_listed_unit_is_asked_of_each() -> None:
    """"A和B拿到的X": X of A and X of B, the verb kept with each (not a unit named "B拿到")."""
    [ask, _] = split_asks("某委的某市甲医院和某市乙医院拿到的某补助，哪家多？", departments=["某委"], units=["甲医院", "乙医院"])
    assert ask.names == ("某市甲医院", "某市乙医院")
    assert all(t.endswith("拿到的某补助是多少") for t in ask.items), ask.items


def test_money_alone_continues_the_thing_asked_before() -> None:
    asks = split_asks("某局“甲项目”的绩效自评得了多少分？资金执行了多少？", departments=["某局"])
    assert "甲项目" in asks[1].text and asks[1].subject == ""


def test_a_bracketed_list_before_each_names_the_things_asked() -> None:
    [ask] = split_asks("某中心2026年两个项目（甲工程、乙工程）各安排多少钱？", departments=["某中心"])
    assert ask.names == ("甲工程", "乙工程") and all("两个项目" not in t for t in ask.items)
    # (a bracket with no 各 after it is one thing's own parts, not a list asked)
    [ask] = split_asks("某基金（甲、乙、丙）预算多少？", departments=["某局"])
    assert ask.names == ()


def test_a_part_asked_after_a_change_is_of_the_subject() -> None:
    asks = split_asks("某局2026年会议费预算多少？比上年多了多少？其中最大的一项会议是什么？", departments=["某局"])
    assert asks[2].text == "某局2026年会议费预算中最大的一项会议是什么"
    # (a part of the change itself still continues the change)
    asks = split_asks("某局2026年支出比上年增加多少？其中人员经费增加了多少？", departments=["某局"])
    assert "比上年增加" in asks[1].text


def test_a_year_asked_after_another_years_spending() -> None:
    asks = split_asks("某局2024年机关运行经费实际花了多少？2025年预算安排了多少？2025年比2024年多了多少？", departments=["某局"])
    assert asks[1].text == "某局2025年机关运行经费预算安排了多少"
    assert asks[-1].op == "compare"
    # (a year before's 执行数, printed by the later budget, stays in the year asked first)
    asks = split_asks("某局2024年公益性岗位补贴预算多少？2023年执行了多少？", departments=["某局"])
    assert asks[1].text.startswith("某局2024年")


def test_a_thing_of_its_own_asked_of_the_topic_before_a_colon() -> None:
    asks = split_asks("某医院设备维保项目的绩效自评：执行率是多少？自评得了几分？", departments=["某委"])
    assert asks[1].text == "某医院设备维保项目的绩效自评：自评得了几分"
    # (a reason still continues what was asked)
    asks = split_asks("某医院设备维保项目的绩效自评：执行率是多少？为什么这么低？", departments=["某委"])
    assert "执行率" in asks[1].text


def test_a_tail_said_once_is_each_items() -> None:
    import assistant.catalog  # noqa: F401  (the index's budget terms in jieba's shared dictionary, as in use)

    [ask] = split_asks("某局2026年基本、项目支出分别是多少？", departments=["某局"])
    assert ask.names == ("基本支出", "项目支出")
    [ask] = split_asks("某局的收、支总计各是多少？", departments=["某局"])
    assert ask.names == ("收总计", "支总计")
    [ask] = split_asks("某局的办公费、印刷费各是多少？", departments=["某局"])
    assert ask.names == ("办公费", "印刷费")  # (whole names: nothing shared)
