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
