"""Performance-target tables (绩效目标表): a key/value block, a spending plan by month and
indicator rows (一级 / 二级 / 三级指标, 指标值), over one or more pages."""

from __future__ import annotations

import re

from ingest.grid import Grid
from ingest.model import SCORE_TOTAL, Row, Table, is_amount
from ingest.tables import is_seq_row
from ingest.text import clean, clean_value

_PROJECT_CODE = re.compile(r"^(项目编码|项目代码|项目编号)$")
_PROJECT_NAME = re.compile(r"^(项目名称|专项名称|资金名称)$")
_AMOUNT_KEYS = re.compile(
    r"^(预算数|年度预算数|年度资金总额|资金总额|项目总额|项目资金总额|年度资金申请总额|预算金额|其中[:：]?财政资金|"
    r"其中[:：]?财政拨款|其中[:：]?当年财政拨款|上年结转资金|财政资金|财政拨款|其他资金|本年预算|年度金额)$"
)
_TEXT_KEYS = re.compile(r"^((项目)?(实施期|年度|当年|中期|整体)?(绩效|总体)?目标|项目概况|资金用途|项目立项依据|实施内容|"
                        r"主管部门|实施单位|项目实施单位|预算单位|项目单位)$")
# a form's own heading words printed where its values belong (a blank form): "实施期限", "实施期总目标"
_BLANK_HEAD = re.compile(r"[\u4e00-\u9fa5]{0,6}(?:期限|目标|单位|部门|名称|概况)")
_MONTH = re.compile(r"^\d{1,2}月(底|末)?$|^第[一二三四]季度$")
_INDICATOR_HEAD = {"一级指标", "二级指标", "三级指标"}
_NAME_HEAD = ("三级指标", "指标名称", "指标内容")  # what an indicator row is called, by the form's header
_NAME_ONLY = "绩效指标"  # (or, a form with no levels, this column: read by its whole name, not as "绩效指标性质")
# its levels printed run together before its name when the form has no column for them ("产出指标数量指标完成X数量")
_LEVELS_IN_NAME = re.compile(r"^((?:产出|效益|成本|满意度)指标)([\u4e00-\u9fa5]{2,8}?指标)(?=[\u4e00-\u9fa5])")
# any other short key whose cell is an amount ("当年预算", "市级支出", "补助区县" in 重庆's 专项资金 forms)
_MONEY_KEY = re.compile(r"^[\u4e00-\u9fa5]{2,10}(?<!编码)(?<!代码)(?<!编号)$")
_TASK_NAME = re.compile(r"^(任务名称|主要任务|任务)$")  # 部门整体绩效目标表: one row per task, with its money
_MONEY_HEAD = re.compile(r"金额|资金|预算|总额|财政拨款|其他")
# a 绩效自评表's money block: one column each for the plan, the revised plan, the spending, its rate and score
_SELF_EVAL_HEAD = re.compile(r"^(年初预算数|全年预算数|全年执行数|执行数|分值|执行率|得分)(?:[（(][A-Z/]+[）)])?$")
# a 自评表's goal block head ("年度 | 预期目标 | 实际完成情况"): the columns its 总体目标 row is read under
_GOAL_HEAD = re.compile(r"^(预期目标|实际完成情况|实际完成值|完成情况)(?:[（(][^）)]{1,8}[）)])?$")  # ("预期目标（年初设定）")
# the goal block's own label, printed beside its head ("年度总体目标完成情况 | 预期目标 | 实际完成情况"), its texts in the
# row below with no label of their own
_GOAL_LABEL = re.compile(r"^(?:年度)?总体目标(?:完成情况)?$")


class PerfBuilder:
    def __init__(self, grid: Grid, kind: str = "performance"):
        from ingest.tables import classify

        self.table = Table(
            title=clean(grid.title),
            kind=kind if kind else classify(grid.title),
            unit=grid.unit,
            pages=[grid.page],
            notes=list(grid.notes),
            bbox=grid.title_bbox,
        )
        self.project_code = ""
        self.project_name = ""
        self.form_title = clean(grid.title)
        self.earlier: list[Table] = []  # forms of earlier projects printed in the same grid run
        self.ind_cols: dict[str, int] = {}
        self.ind_spans: dict[str, tuple[float, float]] = {}  # each indicator column's extent across the page
        self.ind_page = 0  # the page its header was read on
        self.ncols = grid.ncols
        self.carry: dict[str, str] = {}
        self._months: list[tuple[int, str]] = []
        self._month_label = ""
        self._left = ""
        self.unit_in_form = False  # the unit printed inside the form ("项目资金（元）"), not over it
        self.task_cols: dict[str, int] = {}  # column name -> index, while a task list is read
        self.listed: set[str] = set()  # the columns of a project list that are the project's, not an indicator's
        self.fund_cols: dict[int, str] = {}  # a 自评表's money columns (index -> name), while its block is read
        self.goal_cols: dict[int, str] = {}  # its goal block's columns, while that block is read
        self.goal_label = ""  # the goal block's label printed on its head row, for the texts below it
        self.head_names: list[str] = []  # indicator column names printed as a line above a later page's grid
        self._add(grid)

    def accepts(self, grid: Grid) -> bool:
        return True

    def extend(self, grid: Grid) -> None:
        if grid.page not in self.table.pages:
            self.table.pages.append(grid.page)
        self.table.notes.extend(grid.notes)
        if grid.head_line and not self.ind_cols:
            self.head_names = grid.head_line
        if self.head_names and (not self.ind_cols or self.ind_page != grid.page and not self.ind_spans):
            # the indicator columns named on a line above the form's next page (and kept for the pages after it): a
            # leading one printed outside the grid (一级指标 down the page's edge, a 二级指标 left blank) has no column
            # of its own there, so the names are the grid's last columns
            names = self.head_names[-grid.ncols:]
            self.ind_cols = {n: j + grid.ncols - len(names) for j, n in enumerate(names)}
            self.ind_spans, self.ind_page = {}, grid.page
        self._add(grid)

    def _row(self, label: str, values: dict[str, str], page: int, bbox, code: str = "", kind: str = "") -> None:
        self.table.rows.append(
            Row(
                index=len(self.table.rows),
                label=label,
                code=code or self.project_code,
                values=values,
                page=page,
                bbox=bbox,
                kind=kind,
            )
        )

    def _add(self, grid: Grid) -> None:
        for i, grow in enumerate(grid.rows):
            texts = grid.texts(i)
            cl = [clean(t) for t in texts]
            if not any(cl) or is_seq_row(texts):
                continue
            if _INDICATOR_HEAD & set(cl) or ({"指标名称", "指标值"} <= set(cl)) or ({"绩效指标", "指标值"} <= set(cl)):
                self.ind_cols, self.fund_cols, self.goal_cols, self.head_names = {}, {}, {}, []
                self.ind_spans = {}
                for j, t in enumerate(cl):
                    t = re.sub(r"([（(])/", r"\1", t)  # "年度(/项目)指标值": a slash is a column path separator
                    t = re.sub(r"^[\d.,%]+(?=[\u4e00-\u9fa5])", "", t)  # ("22.65%指标名称": a figure above run into it)
                    if t and t not in self.ind_cols:
                        self.ind_cols[t] = j
                        if (c := grow.cells[j]) is not None and c.bbox is not None:
                            self.ind_spans[t] = (c.bbox.x0, c.bbox.x1)
                self.ind_page = grow.page
                continue
            if any(_TASK_NAME.match(t) for t in cl):
                self.task_cols = {t: j for j, t in enumerate(cl) if t}
                unit = re.search(r"[（(](万元|元)[）)]", "".join(cl))  # "预算金额（万元）"
                if unit and not self.table.unit:
                    self.table.unit, self.unit_in_form = unit.group(1), True
                continue
            if self.task_cols and self._task(texts, cl, grow):
                continue
            heads = {j: m.group(1) for j, t in enumerate(cl) if (m := _SELF_EVAL_HEAD.match(t))}
            if len(heads) >= 3 and any("预算" in h for h in heads.values()):
                self.fund_cols = heads
            goals = {j: m.group(1) for j, t in enumerate(cl) if (m := _GOAL_HEAD.match(t))}
            if len(goals) >= 2 and not self.ind_cols:
                self.goal_cols, self.fund_cols = goals, {}
                self.goal_label = next((t for t in cl if _GOAL_LABEL.match(t)), "")
                continue
            key = next((t for t in cl if t), "")
            if self.goal_cols and self.goal_label and cl and not cl[0] and not _TEXT_KEYS.match(key):
                key, self.goal_label = self.goal_label, ""  # (the texts under a head that carries the label)
            if self.goal_cols and not self.ind_cols and key and (_TEXT_KEYS.match(key) or _GOAL_LABEL.match(key)):
                vals = {h: clean_value(texts[j]) for j, h in self.goal_cols.items() if j < len(texts) and clean(texts[j])}
                if vals:
                    self._row(key, vals, grow.page, grow.bbox, kind="text")  # 总体目标: planned and achieved
                    continue
            if self.ind_cols and any(_PROJECT_NAME.match(t) or _PROJECT_CODE.match(t) for t in cl if t):
                self.ind_cols = {}  # the next project's form begins
            if self.ind_cols:
                self._indicator(texts, grow)
                continue
            # monthly spending plan: values under the month header row
            if self._months:
                vals = {m: clean_value(texts[j]) for j, m in self._months if j < len(texts) and clean(texts[j])}
                self._months = []
                if vals:
                    self._row(self._month_label or "资金支出计划（%）", vals, grow.page, grow.bbox)
                    continue
            months = [(j, t) for j, t in enumerate(cl) if _MONTH.match(t)]
            if len(months) >= 2:
                self._months = months
                lab = next((clean(texts[j]) for j in range(len(cl)) if cl[j] and not _MONTH.match(cl[j])), "")
                self._month_label = lab or self._month_label
                continue
            first = grow.cells[0] if grow.cells else None
            if first is not None and clean(first.text):
                self._left = clean(first.text)
                unit = re.search(r"[（(](万元|元)[）)]", self._left)  # "项目资金（元）": the amounts' unit
                if unit and not self.table.unit:
                    self.table.unit, self.unit_in_form = unit.group(1), True
            texts_only = [t for t in cl if t]
            if first is None and len(texts_only) == 1 and "用途" in self._left and not _AMOUNT_KEYS.match(texts_only[0]):
                # 预算规模及资金用途 (rowspan): the use of the money on its own line
                self._row("资金用途", {"资金用途": clean_value(next(t for t in texts if clean(t)))}, grow.page, grow.bbox, kind="text")
                continue
            last = self.table.rows[-1] if self.table.rows else None
            if first is None and len(texts_only) == 1 and _TEXT_KEYS.match(self._left) and last is not None \
                    and last.kind == "text" and last.label == self._left and len(texts_only[0]) >= 10:
                # the text goes on under the same label (its cell spans this row): one text
                last.values[self._left] += "\n" + clean_value(next(t for t in texts if clean(t)))
                continue
            j = 0
            while j < len(cl):
                key = cl[j].rstrip("：:")  # "资金总额：" is the key 资金总额
                # (the key's cell printed again, spanning two columns, is no value of it)
                nxt = next((k for k in range(j + 1, len(cl)) if cl[k] and cl[k].rstrip("：:") != key), None)
                val = clean_value(texts[nxt]) if nxt is not None else ""
                if not key:
                    j += 1
                    continue
                if _PROJECT_CODE.match(key) and nxt is not None:
                    self.project_code = clean(val)
                    j = nxt + 1
                elif _PROJECT_NAME.match(key) and nxt is not None:
                    if self.project_name and self.table.rows and clean(val) != clean(self.project_name):
                        self._next_project(grow.page)  # one form after another (万里街道 财政项目支出绩效目标填报表)
                    self.project_name = val
                    if not self.table.title:
                        self.table.title = val
                    elif self.earlier and clean(val) not in self.table.title:
                        self.table.title = f"{self.form_title}：{clean(val)}"
                    j = nxt + 1
                elif self.fund_cols and j < min(self.fund_cols) and (_AMOUNT_KEYS.match(key) or _MONEY_KEY.match(key)):
                    # a row of a 自评表's money block: its cells under the block's columns
                    vals = {h: v for k, h in self.fund_cols.items()
                            if k < len(texts) and re.search(r"\d", v := clean_value(texts[k]))}
                    if vals:
                        self._row(key, vals, grow.page, grow.bbox)
                    break
                elif _AMOUNT_KEYS.match(key):
                    # the value is the next cell after the key's span, even when it is blank
                    k = next((k for k in range(j + 1, len(texts)) if k >= len(grow.cells) or grow.cells[k] is not None),
                             j + 1)
                    cell_val = clean_value(texts[k]) if k < len(texts) else ""
                    if cell_val and not _AMOUNT_KEYS.match(clean(cell_val)):
                        self._row(key, {key: cell_val}, grow.page, grow.bbox)
                    j = k + 1
                elif _TEXT_KEYS.match(key) and nxt is not None:
                    self._row(key, {key: val}, grow.page, grow.bbox, kind="text")
                    j = nxt + 1
                elif _MONEY_KEY.match(key) and nxt is not None and is_amount(amount := re.sub(r"^[,，、]+", "", val)):
                    self._row(key, {key: amount}, grow.page, grow.bbox)  # (",\n212777.00": a stray comma)
                    j = nxt + 1
                else:
                    j += 1

    def _task(self, texts: list[str], cl: list[str], grow) -> bool:
        """A row of the task list (任务名称 | 主要内容 | 预算金额: 总额, 财政拨款, 其他资金). False when it ends."""
        name_j = next(j for t, j in self.task_cols.items() if _TASK_NAME.match(t))
        money = [j for t, j in self.task_cols.items() if _MONEY_HEAD.search(t)]
        if money and all(not cl[j] or _MONEY_HEAD.search(cl[j]) for j in range(len(cl))) and not cl[name_j]:
            # the header's second line: 总额 / 财政拨款 / 其他资金 under 预算金额
            sub = {t: j for j, t in enumerate(cl) if t}
            self.task_cols = {t: j for t, j in self.task_cols.items() if j not in sub.values()} | sub
            return True
        label = cl[name_j] if name_j < len(cl) else ""
        if not label:
            label = next((t for t in cl if re.search(r"合计|总计", t)), "")
        values = {t: clean_value(texts[j]) for t, j in self.task_cols.items()
                  if j != name_j and j < len(texts) and clean(texts[j]) and not _TASK_NAME.match(t)}
        if not label or not any(re.search(r"\d", v) for v in values.values()):
            self.task_cols = {}
            return False
        self._row(label, values, grow.page, grow.bbox)
        return True

    def _next_project(self, page: int) -> None:
        """Close the current project's form and start the next one's, each titled with its project."""
        self.earlier.append(self.finish())
        self.table = Table(title=self.form_title, kind=self.table.kind, unit=self.table.unit, pages=[page])
        self.project_code, self.ind_cols, self.carry, self.fund_cols, self.goal_cols = "", {}, {}, {}, {}

    def _indicator(self, texts: list[str], grow) -> None:
        def get(name: str) -> str:
            for head, j in self.ind_cols.items():
                if head.startswith(name) and j < len(texts):
                    return clean_value(texts[j])
            return ""

        if grow.page != self.ind_page and len(self.ind_spans) == len(self.ind_cols):
            texts = self._by_position(grow, len(texts))
        self._listed_project(texts, grow)
        level1, level2 = get("一级指标"), get("二级指标")
        level3 = next((v for h in _NAME_HEAD if (v := get(h))), "") \
            or (clean_value(texts[j]) if not _INDICATOR_HEAD & set(self.ind_cols)
                and (j := self.ind_cols.get(_NAME_ONLY, len(texts))) < len(texts) else "")
        if not level1 and not level2 and (m := _LEVELS_IN_NAME.match(level3)):
            level1, level2, level3 = m.group(1), m.group(2), level3[m.end():]
        value = get("指标值") if "指标值" in self.ind_cols else get("目标值")
        if level1:
            self.carry["一级指标"] = level1
        if level2:
            self.carry["二级指标"] = level2
        if not level3 and not value:
            total = next((t for t in map(clean, texts) if SCORE_TOTAL.fullmatch(t)), "")
            scores = {h: v for h, j in self.ind_cols.items() if ("分" in h) and j < len(texts) and (v := clean_value(texts[j]))}
            if total and scores:
                self._row(total, scores, grow.page, grow.bbox, kind="indicator")  # the form's 总分 and its score
            return
        values: dict[str, str] = {}
        for head, j in self.ind_cols.items():
            if head in _INDICATOR_HEAD or head in _NAME_HEAD or head == _NAME_ONLY or j >= len(texts) or head in self.listed:
                continue
            v = clean_value(texts[j])
            if v:
                values[head] = v
        values["一级指标"] = self.carry.get("一级指标", "")
        self._row(level3, values, grow.page, grow.bbox, code=self.carry.get("二级指标", ""), kind="indicator")

    def _by_position(self, grow, n: int) -> list[str]:
        """A row of the form printed on a later page, whose grid may split or merge columns otherwise: each header
        column's text is the cell under it (most overlap across)."""
        out = [""] * max(n, max(self.ind_cols.values(), default=-1) + 1)
        got: dict[str, float] = {}
        for c in grow.cells:
            if c is None or c.bbox is None:
                continue
            # (a cell spanning several columns, "总分", is the one it covers most)
            head, over = max(((h, min(x1, c.bbox.x1) - max(x0, c.bbox.x0)) for h, (x0, x1) in self.ind_spans.items()),
                             key=lambda x: x[1], default=("", 0.0))
            if over > 0 and over > got.get(head, 0.0):
                got[head] = over
                out[self.ind_cols[head]] = c.text
        return out

    def _listed_project(self, texts: list[str], grow) -> None:
        """A list of projects with their indicators (序号 | 项目名称 | 预算金额 | 绩效目标 | 指标…, 重庆's
        一般性项目 forms): the row naming a project starts that project's own form, with its amount and goal."""
        name_j = next((j for h, j in self.ind_cols.items() if _PROJECT_NAME.match(h)), None)
        if name_j is None:
            return
        self.listed = {h for h, j in self.ind_cols.items() if j <= name_j or _MONEY_HEAD.search(h) or _TEXT_KEYS.match(h)}
        name = clean(texts[name_j]) if name_j < len(texts) else ""
        if not name:
            return
        if self.table.rows:
            cols = self.ind_cols
            self._next_project(grow.page)
            self.ind_cols = cols
        self.project_name = name
        self.table.title = f"{self.form_title}：{name}"
        money = {h: v for h, j in self.ind_cols.items() if h in self.listed and j != name_j and _MONEY_HEAD.search(h)
                 and is_amount(v := clean_value(texts[j]) if j < len(texts) else "")}
        if money:
            self._row(name, money, grow.page, grow.bbox)  # the project's row, as printed: its name and amount
        for head, j in self.ind_cols.items():
            if (v := clean_value(texts[j]) if j < len(texts) else "") and head in self.listed and _TEXT_KEYS.match(head):
                self._row(head, {head: v}, grow.page, grow.bbox, kind="text")

    def finish(self) -> Table:
        name = clean(self.project_name)
        if name and name not in self.table.title and "绩效" in self.table.title and "：" not in self.table.title:
            self.table.title = f"{self.table.title}：{name}"  # a generic form title: say whose form it is
        # (a form printed blank holds only its own headings in the value cells: "主管部门 | 实施期限")
        self.table.empty = not self.table.rows or all(
            r.kind == "text" and all(_TEXT_KEYS.match(v) or _BLANK_HEAD.fullmatch(v) for v in r.values.values())
            for r in self.table.rows)
        return self.table
