"""Sentence ranking: named signals and weights from the settings (the sentences are 万里街道 2024 p33)."""

from __future__ import annotations

import pytest

from assistant import rank
from assistant.evidence import DocInfo, TextEvidence
from ingest.settings import RankWeights, Settings

DOC = DocInfo("w", "上海市普陀区人民政府万里街道办事处", 2024, "预算", "部门", "w.pdf")
SECTION = "项目经费情况说明 > 一、项目概况"
SITE = TextEvidence(DOC, SECTION, 33, "由上海市普陀区人民政府万里街道办事处建设的万里街道社区公共服务中心新建工程，"
                    "位于普陀区真金路与交通路路口，用地面积约为4000.6平方米（以实测为准）")
AREA = TextEvidence(DOC, SECTION, 33, "本工程规划建筑面积约为13459平方米，其中地上建筑面积为8013平方米")
ASKED = rank.Asked(
    question="万里街道2024年预算里那个社区公共服务中心新建工程，规划建筑面积多大？",
    subject="社区公共服务中心新建工程规划建筑面积",
    wording="预算里那个社区公共服务中心新建工程，规划建筑面积多大？",
    attribute="规划建筑面积",
)


def test_the_asked_attribute_followed_by_a_number_ranks_first() -> None:
    w = RankWeights()
    assert rank.signals(ASKED, AREA)["attribute"] == 1.0 and rank.signals(ASKED, SITE)["attribute"] == 0.0
    assert rank.score(ASKED, AREA, w) > rank.score(ASKED, SITE, w)
    # without that signal the sentence naming the project wins: the weight is what decides
    flat = w.model_copy(update={"attribute": 0.0})
    assert rank.score(ASKED, AREA, flat) < rank.score(ASKED, SITE, flat)


def test_weights_come_from_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUDGETQA_RANK__ATTRIBUTE", "3")
    assert Settings().rank.attribute == 3.0 and Settings().rank.subject == RankWeights().subject


def test_a_sentence_about_the_subject_over_one_that_names_it_as_a_use() -> None:
    # 重庆市科技局 2026 p3: "项目支出 148,941.8 万元，主要用于创新平台…" is about 项目支出; "委托业务费…主要用于研发项目支出"
    # names it only as a use, and both share the subject's words alike
    doc = DocInfo("k", "重庆市科学技术局", 2026, "预算", "部门", "k.pdf")
    own = TextEvidence(doc, "三、财政拨款情况说明", 3, "项目支出 148,941.8 万元，主要用于创新平台、科技攻关、创新生态等")
    use = TextEvidence(doc, "五、其他重要事项的情况说明", 4, "2026 年委托业务费涉及财拨资金116699.16 万元，主要用于研发项目支出")
    asked = rank.Asked(question="重庆科技局今年的项目支出都花到什么地方？", subject="项目支出花到地方",
                       wording="今年的项目支出都花到什么地方？")
    w = RankWeights()
    assert rank.signals(asked, own)["subject_lead"] > rank.signals(asked, use)["subject_lead"] == 0.0
    assert rank.score(asked, own, w) > rank.score(asked, use, w)
