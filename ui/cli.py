"""The `budgetqa` command line: a thin entry point over ingest/ and assistant/ services."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from ingest.settings import Settings, get_settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help="budgetqa：预算公开文件问答（每个数字都有出处）")
err = Console(stderr=True)
out = Console(soft_wrap=True, highlight=False)

StoreOpt = Annotated[
    Path | None, typer.Option("--store", help="存储目录（默认 $BUDGETQA_HOME 或 ./.budgetqa）", show_default=False)
]


def _settings(store: Path | None) -> Settings:
    return get_settings(store)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="PDF / XLSX / Markdown 文件或文件夹")],
    store: StoreOpt = None,
    no_embed: Annotated[bool, typer.Option("--no-embed", help="只写结构化存储，不建向量索引")] = False,
) -> None:
    """导入预算/决算公开文件（多个文件时并行解析）。"""
    from ingest.service import IngestService, expand

    settings = _settings(store)
    files = expand(paths)
    if not files:
        err.print("[red]没有找到可导入的文件（PDF / XLSX / Markdown）[/red]")
        raise typer.Exit(1)
    svc = IngestService(settings, embed=not no_embed)
    failed = 0
    stdout = sys.stdout  # before the progress bar may redirect it to the terminal of stderr
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("剩余"),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as bar:

        def emit(line: str) -> None:
            """One result line on stdout, tab-separated; above the progress bar when both are on screen."""
            if bar.live.is_started and stdout.isatty():
                bar.console.print(line, markup=False, emoji=False, highlight=False, soft_wrap=True)
            else:
                stdout.write(line + "\n")
                stdout.flush()

        files_task = bar.add_task("文件", total=len(files), rate="")
        pages_task = bar.add_task("页", total=None, rate="")

        def on_pages(done: int, total: int) -> None:
            bar.update(pages_task, completed=done, total=total)
            speed = bar.tasks[pages_task].speed
            bar.update(pages_task, rate=f"{speed:.1f} 页/秒" if speed else "")

        for res in svc.ingest(files, on_pages):
            bar.advance(files_task)
            if not res.ok:
                failed += 1
                emit(f"失败\t{res.path}\t{res.error}")
                continue
            d = res.info
            if d is None:
                emit(f"?\t?\t?\t表0\t行0\t节0\t无警告\t{res.status}\t{res.path.name}")
                continue
            line = [d.doc_id, d.department or "?", str(d.year or "?"), f"表{d.n_tables}", f"行{d.n_rows}",
                    f"节{d.n_sections}", "；".join(d.warnings) or "无警告", res.status, d.source]
            emit("\t".join(line))
            if res.warning:
                err.print(f"注意\t{res.path}\t{res.warning}", style="yellow", markup=False, emoji=False)
    if failed:
        err.print(f"[red]{failed} 个文件导入失败，其余 {len(files) - failed} 个已导入[/red]")
        raise typer.Exit(1)


@app.command()
def docs(
    store: StoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
) -> None:
    """列出已导入的文件。"""
    from ingest.service import IngestService

    recs = IngestService(_settings(store), embed=False).documents()
    if as_json:
        items = [
            {
                "doc": d.doc_id,
                "department": d.department,
                "year": d.year,
                "kind": d.kind,
                "scope": d.scope,
                "title": d.title,
                "source": d.source,
                "format": d.format,
                "pages": d.pages,
                "tables": d.n_tables,
                "rows": d.n_rows,
                "sections": d.n_sections,
                "warnings": d.warnings,
                "sha256": d.sha256,
            }
            for d in recs
        ]
        print(json.dumps(items, ensure_ascii=False))
        return
    if not recs:
        out.print("存储中还没有文件。先运行：budgetqa ingest 文件.pdf")
        return
    for d in recs:
        print(f"{d.doc_id}\t{d.department}\t{d.year}\t{d.scope}{d.kind}\t{d.pages}页\t表{d.n_tables}\t行{d.n_rows}\t{d.source}")


@app.command()
def delete(
    doc: Annotated[str, typer.Argument(help="已导入文件的 ID，或其源文件路径、文件名")],
    store: StoreOpt = None,
) -> None:
    """从存储和索引中删除一个已导入的文件。"""
    from ingest.service import IngestService

    svc = IngestService(_settings(store), embed=False)
    rec = svc.find(doc)
    if rec is None or not svc.delete(rec.doc_id):
        err.print(f"存储中没有这个文件：{doc}（用 budgetqa docs 查看文件 ID）", markup=False)
        raise typer.Exit(2)
    print(f"已删除\t{rec.doc_id}\t{rec.department}\t{rec.year or ''}\t{rec.name}")


@app.command()
def tables(
    store: StoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="每行一个 JSON 对象")] = False,
    doc: Annotated[str | None, typer.Option("--doc", help="只输出这个文件（id）")] = None,
) -> None:
    """导出所有表格行。"""
    from ingest.service import IngestService

    w = sys.stdout
    for sr in IngestService(_settings(store), embed=False).table_rows(doc):
        d, r = sr.doc, sr.row
        obj = {
            "doc": d.doc_id,
            "department": d.department,
            "year": d.year,
            "table": sr.table,
            "page": r.page,
            "row": r.label,
            "code": r.code,
            "values": {k: v for k, v in r.values.items() if v is not None and str(v).strip() != ""},
            "unit": sr.unit,
            "side": r.side,
            "kind": sr.table_kind,
        }
        if as_json:
            w.write(json.dumps(obj, ensure_ascii=False) + "\n")
        else:
            vals = "，".join(f"{k}={v}" for k, v in obj["values"].items())
            w.write(f"{d.doc_id}\t{sr.table}\tp{r.page}\t{r.code}\t{r.label}\t{vals}\n")


def _print_answer(ans) -> None:
    out.print(ans.answer, markup=False)
    if ans.citations:
        out.print("\n出处：", markup=False)
    for c in ans.citations:
        out.print(c.line(), markup=False)
    if ans.unverified_numbers:
        out.print(f"未核实的数字：{'、'.join(ans.unverified_numbers)}", markup=False)


@app.command()
def ask(
    question: Annotated[str | None, typer.Argument(help="问题")] = None,
    store: StoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="输出一个 JSON 对象")] = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="从标准输入逐行读问题，逐行输出 JSON")] = False,
    doc: Annotated[list[str] | None, typer.Option("--doc", help="只在这个文件（id）中查找，可重复")] = None,
) -> None:
    """回答一个问题，给出带编号的出处。"""
    from assistant.service import Assistant

    assistant = Assistant(_settings(store))
    if jsonl:
        for line in sys.stdin:
            q = line.strip()
            if not q:
                continue
            ans = assistant.ask(q, doc)
            sys.stdout.write(ans.model_dump_json() + "\n")
            sys.stdout.flush()
        return
    if not question:
        err.print("请给出问题，例如：budgetqa ask \"项目支出主要用于什么？\"")
        raise typer.Exit(2)
    ans = assistant.ask(question, doc)
    if as_json:
        print(ans.model_dump_json())
    else:
        _print_answer(ans)


@app.command()
def verify(
    draft: Annotated[str, typer.Argument(help="草稿文字")],
    store: StoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
    doc: Annotated[list[str] | None, typer.Option("--doc", help="只对照这个文件（id），可重复")] = None,
) -> None:
    """核对草稿中的每个数字：一致、不一致（给出正确数值和出处）或未找到。"""
    from assistant.service import Assistant

    res = Assistant(_settings(store)).verify(draft, doc)
    if as_json:
        print(res.model_dump_json())
        return
    names = {"match": "一致", "differs": "不一致", "not_found": "未找到"}
    for f in res.figures:
        line = f"{'未指明部门' if f.ambiguous else names[f.status]}\t{f.text}"
        if f.status == "differs":
            line += f"\t应为 {f.expected}"
        if f.ambiguous:
            line += "\t多个部门的文件中都有此项且数值不同，请在草稿中写明部门或用 --doc 指定文件：" + "；".join(c.where for c in f.citations)
        elif f.citations:
            c = f.citations[0]
            line += f"\t出处：{c.where} {c.table if c.kind == 'row' else c.section} 第{c.page}页"
        out.print(line, markup=False)


@app.command()
def check(
    doc: Annotated[str, typer.Argument(help="已导入文件的 ID，或其源文件路径")],
    store: StoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
    csv_file: Annotated[Path | None, typer.Option("--csv", help="同时把审校结果写入 CSV 文件")] = None,
    md_file: Annotated[Path | None, typer.Option("--md", help="同时把审校结果写入 Markdown 文件")] = None,
) -> None:
    """审校一份已导入的文件：表内、表间、说明与表格之间的数字是否一致。"""
    from ingest.audit import SEVERITY_NAMES, pages, to_csv, to_markdown
    from ingest.service import IngestService

    svc = IngestService(_settings(store), embed=False)
    rec = svc.find(doc)
    report = svc.audit_report(rec.doc_id) if rec is not None else None
    if rec is None or report is None:
        err.print(f"存储中没有这个文件：{doc}（用 budgetqa docs 查看文件 ID，或先 budgetqa ingest 导入）", markup=False)
        raise typer.Exit(2)
    title = f"{rec.department} {rec.year or ''} {rec.scope}{rec.kind}（{rec.source}）"
    if csv_file:
        csv_file.write_text(to_csv(report), encoding="utf-8")
    if md_file:
        md_file.write_text(to_markdown(report, title), encoding="utf-8")
    if as_json:
        print(report.model_dump_json())
        return
    c = report.counts()
    out.print(f"{title}：错误 {c['error']} 项，尾差 {c['rounding']} 项，提示 {c['warning']} 项", markup=False)
    for i, f in enumerate(report.findings, 1):
        out.print(f"[{i}] {SEVERITY_NAMES[f.severity]}\t{f.rule_name}\t第{pages(f)}页\t{f.message}", markup=False)


@app.command(name="eval")
def eval_cmd(
    gold: Annotated[Path, typer.Option("--gold", help="评测集（JSON Lines，格式见 CONTRACT.md）")],
    store: StoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
    baseline: Annotated[bool, typer.Option("--baseline", help="同时评测朴素 RAG 基线（页面文本切块 + 向量检索 top-5）")] = False,
    split: Annotated[str | None, typer.Option("--split", help="只评测 dev 或 test 一半（按题号固定划分）")] = None,
) -> None:
    """用评测集给问答打分，并写入 eval/REPORT.md。"""
    from eval.harness import run

    if not gold.is_file():
        err.print(f"找不到评测集文件：{gold}")
        raise typer.Exit(2)
    if split not in (None, "dev", "test"):
        err.print("--split 只能是 dev 或 test")
        raise typer.Exit(2)
    m = run(gold, _settings(store), baseline=baseline, split=split)
    keys = ["n", "answer_accuracy", "citation_hit_rate", "unanswerable_accuracy", "unverified_number_rate",
            "latency_ms_p50", "latency_ms_p95", "failures"]
    if as_json:
        print(json.dumps({**{k: m[k] for k in keys}, "by_kind": m["by_kind"], "by_split": m["by_split"],
                          "baseline": m.get("baseline")},
                         ensure_ascii=False))
        return
    for k in keys[:-1]:
        out.print(f"{k}\t{m[k]}", markup=False)
    for kind, v in m["by_kind"].items():
        out.print(f"  {kind}\t{v['n']}\t{v['accuracy']:.3f}", markup=False)
    for sp, v in m["by_split"].items():
        out.print(f"split {sp}\t{v['n']}\t{v['accuracy']:.3f}", markup=False)
    if m.get("baseline"):
        out.print(f"baseline_figure_recall\t{m['baseline']['figure_recall']}（朴素 RAG，top-{m['baseline']['top_k']}）", markup=False)
    for fid, why in m["failure_reasons"].items():
        out.print(f"失败 {fid}：{'；'.join(why) or '有未核实数字'}", markup=False)


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="监听地址（默认只在本机）")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="端口")] = 7860,
    store: StoreOpt = None,
) -> None:
    """启动网页应用（Gradio）。可用环境变量 BUDGETQA_AUTH=用户名:密码 开启登录。"""
    import os

    from ui.app import serve as run_app

    auth = None
    raw = os.environ.get("BUDGETQA_AUTH", "")
    if raw:
        user, _, pw = raw.partition(":")
        if not user or not pw:
            err.print("BUDGETQA_AUTH 格式应为 用户名:密码")
            raise typer.Exit(2)
        auth = (user, pw)
    err.print(f"网页地址：http://{host}:{port}")
    run_app(_settings(store), host=host, port=port, auth=auth)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
