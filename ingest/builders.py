"""Which builder reads a grid: a model table (``ingest.tables.TableBuilder``) or a key/value
performance-target block (``ingest.perf.PerfBuilder``). Shared by every reader."""

from __future__ import annotations

import re

from ingest.grid import Grid
from ingest.model import Table
from ingest.perf import PerfBuilder
from ingest.tables import TableBuilder, classify
from ingest.text import clean

_WIDE_PERF = {"项目总额", "绩效目标", "一级指标", "二级指标", "三级指标", "指标值", "本年绩效指标值", "绩效指标性质"}
_AMOUNT_HEADS = {"合计", "总计", "小计", "预算数", "金额", "本年预算", "预算金额"}
_SCORE_HEADS = {"自评分数", "自评得分", "评价得分", "得分", "分数"}  # a list of projects with their scores
_PERF_FIRST = re.compile(r"^(项目编码|项目代码|项目名称|专项名称|一级指标)$")


def _first_cells(grid: Grid) -> list[str]:
    return [clean(t) for t in grid.texts(0)] if grid.rows else []


def start_builder(grid: Grid) -> TableBuilder | PerfBuilder:
    """The builder for a grid that starts a new table (continuations are fed to the same builder)."""
    kind = classify(grid.title)
    heads = {clean(t) for i in range(min(3, len(grid.rows))) for t in grid.texts(i)}
    wide = len(heads & _WIDE_PERF) >= 3  # one row per indicator, headers across the top
    first = _first_cells(grid)
    # "项目名称 | 项目类别 | 合计 | …": a project list with amount columns, not a key/value 绩效 sheet
    amounts_across = kind != "performance" and any(t in _AMOUNT_HEADS for t in heads)
    # "单位名称 | 项目名称 | 金额 | 绩效目标": one row per project, the amount (or "自评分数") across the top
    bare_first = [re.sub(r"[（(][^）)]*[）)]", "", t) for t in first]  # "预算数（单位：万元）"
    listed = any(re.fullmatch(r"(一级|二级|重点)?项目(名称)?|专项名称", t) for t in bare_first) \
        and any(t in _AMOUNT_HEADS or t in _SCORE_HEADS for t in bare_first)
    if listed:
        return TableBuilder(grid, kind)
    if not wide and (kind == "performance" or any(_PERF_FIRST.match(t) for t in first if t) and not amounts_across):
        return PerfBuilder(grid, "performance")
    if wide:
        return TableBuilder(grid, "performance")
    return TableBuilder(grid, kind)


def finish_all(builder: TableBuilder | PerfBuilder) -> list[Table]:
    """The tables a builder read: one, or one per project when several 绩效 forms follow each other."""
    return [*getattr(builder, "earlier", []), builder.finish()]
