"""Load check for the web app's chat: N questions at once through the app's ``/ask`` API.

    python -m eval.load_chat                  # own server on the sample store (make load)
    python -m eval.load_chat --url http://127.0.0.1:7860/   # an app that is already running

Without ``--url`` the script ingests the bundled sample into ``--store`` (default
``.budgetqa-load``; ingesting again is a no-op), starts ``budgetqa serve`` on a free localhost
port, and stops it at the end. The requests go through Gradio's HTTP API for the chat's
``ask`` endpoint (``POST /gradio_api/call/ask``, then its event stream; each call is its own
session, as separate users would be), all started together; the questions cycle through
``SEEDS``, each with the figure its answer must contain. One question is asked first on its own
(the cold start, not counted). Reports p50/p95/max latency, errors (exceptions) and wrong
answers (figure missing), and writes them to eval/LOAD.md with the machine, date and commit.
With its own server it also reads the server log: dense retrieval failing there (the answers
would still come, from BM25 alone) is reported. The exit code is 1 when any request failed,
any answer was wrong or the server log shows such a problem.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import platform
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "ingest" / "samples" / "gonghui-2026.pdf"
OUT = ROOT / "eval" / "LOAD.md"

# (question, figure the answer must contain): the sample's 工会部门 2026 部门预算 (eval/gold/gonghui-2026.jsonl)
SEEDS = [
    ("项目支出主要用于什么？", "34.22"),
    ("人员经费是多少？", "54.71"),
    ("一般公共预算拨款收入是多少？", "93.80"),
    ("机关运行经费是多少？", "4.86"),
    ("社会保障和就业支出安排了多少？", "31.25"),
    ("卫生健康方面的支出预算是多少？", "16.72"),
]


@dataclass
class Result:
    question: str
    figure: str
    seconds: float
    error: str = ""  # exception text; empty when the request succeeded
    wrong: bool = False  # succeeded but the answer lacks the figure
    citations: int = 0


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _budgetqa() -> list[str]:
    script = Path(sys.executable).parent / "budgetqa"
    return [str(script)] if script.exists() else [sys.executable, "-m", "ui.cli"]


def _env(dense: bool) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False", "TOKENIZERS_PARALLELISM": "false"})
    env["BUDGETQA_DENSE_RETRIEVAL"] = "true" if dense else "false"
    env.pop("BUDGETQA_AUTH", None)  # the script's own server has no login
    return env


def _wait_for(url: str, proc: subprocess.Popen, timeout: float) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise SystemExit(f"网页服务启动失败（退出码 {proc.returncode}）")
        try:
            if httpx.get(url, timeout=2, trust_env=False).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"网页服务 {timeout:.0f} 秒内没有就绪：{url}")


def start_server(store: Path, dense: bool, log: Path) -> tuple[str, subprocess.Popen]:
    """Ingest the sample into ``store`` (a no-op when already there) and serve it on a free port."""
    ingest = [*_budgetqa(), "ingest", "--store", str(store), *([] if dense else ["--no-embed"]), str(SAMPLE)]
    print(f"导入示例到 {store}（已导入则跳过）……", flush=True)
    subprocess.run(ingest, check=True, env=_env(dense), cwd=ROOT, stdout=subprocess.DEVNULL)
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as fh:
        proc = subprocess.Popen(
            [*_budgetqa(), "serve", "--store", str(store), "--host", "127.0.0.1", "--port", str(port)],
            env=_env(dense),
            cwd=ROOT,
            stdout=fh,
            stderr=subprocess.STDOUT,
        )
    print(f"启动网页服务 {url}（日志：{log}）……", flush=True)
    _wait_for(url, proc, timeout=180)
    return url, proc


def _answer_text(history: list) -> str:
    """The last assistant message of the returned chat history (content is a list of text parts)."""
    for m in reversed(history or []):
        if isinstance(m, dict) and m.get("role") == "assistant":
            content = m.get("content")
            if isinstance(content, list):
                return "\n".join(str(c.get("text", "")) for c in content if isinstance(c, dict))
            return str(content or "")
    return ""


def _sse_result(body: str) -> tuple[str, object]:
    """(event, data) of the final event of a Gradio ``/gradio_api/call`` stream."""
    event, data = "", None
    for line in body.splitlines():
        if line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:") and event in ("complete", "error"):
            data = json.loads(line[5:].strip())
    return event, data


async def ask_once(client: httpx.AsyncClient, base: str, question: str, figure: str) -> Result:
    """One question through the app's ``ask`` endpoint (Gradio's HTTP API: POST, then read the
    event stream); a fresh session each time."""
    call = f"{base}gradio_api/call/ask"
    t0 = time.perf_counter()
    try:
        r = await client.post(call, json={"data": [question, [], [], [], []]})
        r.raise_for_status()
        event_id = r.json()["event_id"]
        r = await client.get(f"{call}/{event_id}")
        r.raise_for_status()
        event, data = _sse_result(r.text)
        if event != "complete" or not isinstance(data, list):
            raise RuntimeError(f"服务返回 {event or '空响应'}：{data}")
    except Exception as e:
        return Result(question, figure, time.perf_counter() - t0, error=f"{type(e).__name__}: {e}")
    seconds = time.perf_counter() - t0
    history, source = data[0], data[2] if len(data) > 2 else None
    n_cit = len(source.get("choices") or []) if isinstance(source, dict) else 0
    return Result(question, figure, seconds, wrong=figure not in _answer_text(history), citations=n_cit)


async def _load(url: str, n: int, auth: tuple[str, str] | None) -> tuple[Result, list[Result], float]:
    base = url.rstrip("/") + "/"
    limits = httpx.Limits(max_connections=2 * n + 4, max_keepalive_connections=2 * n + 4)
    async with httpx.AsyncClient(timeout=300, trust_env=False, limits=limits) as client:
        if auth:
            r = await client.post(f"{base}login", data={"username": auth[0], "password": auth[1]})
            if r.status_code != 200:
                raise SystemExit(f"登录失败（HTTP {r.status_code}）")
        cold = await ask_once(client, base, *SEEDS[0])
        jobs = [SEEDS[i % len(SEEDS)] for i in range(n)]
        t0 = time.perf_counter()
        results = await asyncio.gather(*(ask_once(client, base, q, fig) for q, fig in jobs))
        wall = time.perf_counter() - t0
    return cold, list(results), wall


def run_load(url: str, n: int, auth: tuple[str, str] | None) -> tuple[Result, list[Result], float]:
    """A cold-start question on its own, then ``n`` questions sent at once."""
    return asyncio.run(_load(url, n, auth))


# ------------------------------------------------------------------ report


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def commit() -> str:
    head = _git("rev-parse", "--short", "HEAD") or "（未知）"
    return head + ("（工作区有未提交的改动）" if _git("status", "--porcelain") else "")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        mem = f"，内存 {kb / 1024 / 1024:.1f} GB"
    except (OSError, IndexError, ValueError):
        pass
    return f"{cpu}，{os.cpu_count()} 核{mem}；{platform.system()} {platform.release()}；Python {platform.python_version()}"


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    parts = []
    for pkg in ("gradio", "httpx"):
        try:
            parts.append(f"{pkg} {version(pkg)}")
        except PackageNotFoundError:
            pass
    return "，".join(parts)


def summary(results: list[Result], wall: float) -> dict:
    ok = [r for r in results if not r.error]
    lat = [r.seconds for r in ok]
    return {
        "n": len(results),
        "errors": sum(1 for r in results if r.error),
        "wrong": sum(1 for r in ok if r.wrong),
        "p50": percentile(lat, 50) if lat else float("nan"),
        "p95": percentile(lat, 95) if lat else float("nan"),
        "max": max(lat) if lat else float("nan"),
        "mean": sum(lat) / len(lat) if lat else float("nan"),
        "wall": wall,
        "qps": len(ok) / wall if wall else float("nan"),
    }


def server_problems(log: Path | None) -> list[str]:
    """Lines of the own server's log that mean the measured set-up is not the intended one."""
    if log is None or not log.is_file():
        return []
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    return [ln.strip() for ln in lines if "dense retrieval unavailable" in ln or "Traceback" in ln]


def report(
    url: str, setup: str, cold: Result, results: list[Result], wall: float, problems: list[str] | None = None
) -> str:
    s = summary(results, wall)
    lines = [
        "# 网页问答负载测试（eval/load_chat.py）",
        "",
        "由 `make load`（`python -m eval.load_chat`）生成，每次运行覆盖本文件。",
        "",
        f"- 时间：{datetime.now().astimezone().strftime('%Y-%m-%d %H:%M:%S %z')}",
        f"- 提交：{commit()}",
        f"- 机器：{machine()}",
        f"- 软件：{_versions()}",
        f"- 服务：{setup}",
        f"- 请求：{s['n']} 个同时发出（Gradio HTTP 接口 `/gradio_api/call/ask`，每个请求一个会话），"
        f"{len(SEEDS)} 个种子问题轮流使用；检查每个回答是否含有该问题的标准数字",
        "",
        "| 指标 | 数值 |",
        "|---|---:|",
        f"| 首次请求（冷启动，不计入） | {cold.seconds:.2f} 秒{'（出错）' if cold.error else ''} |",
        f"| p50 延迟 | {s['p50']:.2f} 秒 |",
        f"| p95 延迟 | {s['p95']:.2f} 秒 |",
        f"| 最大延迟 | {s['max']:.2f} 秒 |",
        f"| 平均延迟 | {s['mean']:.2f} 秒 |",
        f"| 全部完成用时 | {s['wall']:.2f} 秒（{s['qps']:.2f} 个/秒） |",
        f"| 出错（异常） | {s['errors']} |",
        f"| 回答缺少标准数字 | {s['wrong']} |",
        "",
        "| 问题 | 标准数字 | 次数 | 正确 | 延迟（秒） |",
        "|---|---:|---:|---:|---|",
    ]
    for q, fig in SEEDS:
        mine = [r for r in results if r.question == q]
        if not mine:
            continue
        good = sum(1 for r in mine if not r.error and not r.wrong)
        lat = "、".join(f"{r.seconds:.2f}" for r in sorted(mine, key=lambda r: r.seconds))
        lines.append(f"| {q} | {fig} | {len(mine)} | {good} | {lat} |")
    failed = [r for r in results if r.error or r.wrong]
    if cold.error:
        failed.insert(0, cold)
    if failed:
        lines += ["", "问题请求：", ""]
        lines += [f"- {r.question}：{r.error or f'回答中没有 {r.figure}'}" for r in failed]
    if problems:
        lines += ["", "**警告：服务日志中有以下问题，上面的数字不代表正常配置：**", ""]
        lines += [f"- `{p}`" for p in problems]
    lines += [
        "",
        "说明：问答事件的并发上限是 `ui.app.CHAT_CONCURRENCY`，超出的请求在 Gradio 队列中排队，",
        "所以延迟包含排队时间。复现：`make load`，或先 `make run`，再 `make load URL=http://127.0.0.1:7860/`。",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="网页问答负载测试：同时发出多个问题，统计延迟和错误")
    ap.add_argument("--url", help="已在运行的网页地址；不给则自己启动服务（内置示例）")
    ap.add_argument("--requests", type=int, default=20, help="同时发出的请求数（默认 20）")
    ap.add_argument("--store", type=Path, default=ROOT / ".budgetqa-load", help="自启服务用的存储目录")
    ap.add_argument("--no-embed", action="store_true", help="自启服务不用向量检索（只用 BM25，更快）")
    ap.add_argument("--auth", default=os.environ.get("BUDGETQA_AUTH", ""), help="登录“用户名:密码”（--url 时）")
    ap.add_argument("--out", type=Path, default=OUT, help="报告文件（默认 eval/LOAD.md）")
    ap.add_argument("--no-write", action="store_true", help="只打印，不写报告文件")
    args = ap.parse_args(argv)
    if args.requests < 1:
        ap.error("--requests 至少为 1")

    proc = None
    auth = None
    log = None
    if args.url:
        url = args.url
        user, sep, password = args.auth.partition(":")
        auth = (user, password) if sep else None
        setup = f"已在运行的服务 {url}（配置未知）"
    else:
        from ui.app import CHAT_CONCURRENCY

        dense = not args.no_embed
        log = args.store / "serve.log"
        url, proc = start_server(args.store, dense, log)
        retrieval = "混合检索（向量 e5-small + BM25）" if dense else "仅 BM25（--no-embed）"
        setup = f"`budgetqa serve`，存储只含内置示例 gonghui-2026.pdf；{retrieval}；问答并发上限 {CHAT_CONCURRENCY}"
    try:
        print(f"冷启动问题，然后 {args.requests} 个请求同时发出 → {url}", flush=True)
        cold, results, wall = run_load(url, args.requests, auth)
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    problems = server_problems(log)
    text = report(url, setup, cold, results, wall, problems)
    print(text)
    if not args.no_write:
        args.out.write_text(text, encoding="utf-8")
        print(f"已写入 {args.out}")
    s = summary(results, wall)
    return 1 if (s["errors"] or s["wrong"] or cold.error or problems) else 0


if __name__ == "__main__":
    sys.exit(main())
