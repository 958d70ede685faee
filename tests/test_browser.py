"""The web app in a real browser: headless Chromium (Debian's ``chromium``) driven by Playwright.

The bundled sample is ingested (no embeddings, BM25 only) into a temporary store and the real
app (``ui.app.build_app`` + ``launch_options``, as ``budgetqa serve`` does) is launched on a free
localhost port in this process. The browser then asks a question in 问答, opens the source view
(the highlighted page image) and the cited table, checks a draft in 核对 (one figure right, one
wrong), opens a finding's page in 审校, and uploads a PDF in 文件 (last: it adds a second document to the shared store).

Chromium missing: the module is skipped, unless ``BUDGETQA_REQUIRE_BROWSER=1`` (CI), where it
fails. ``make browser`` installs it (``apt-get install chromium``); never ``playwright install``.
Screenshots go to a temporary folder; ``BUDGETQA_SCREENSHOTS=ui/screenshots`` writes the README
screenshots (chat-source.png, table.png, check.png, audit.png) there instead (``make screenshots``).
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import numpy as np
import pytest
from PIL import Image

from ingest import service
from ingest.settings import Settings
from tests.conftest import bm25_store, served_app
from ui import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "ingest" / "samples" / "gonghui-2026.pdf"
UPLOAD = ROOT / "tests" / "fixtures" / "real" / "beijing-shi_shenjiju_2026_bumen-yusuan_baobiao.pdf"
CHROMIUM = os.environ.get("BUDGETQA_CHROMIUM", "/usr/bin/chromium")
# without the background-networking flags Chromium's own connections are refused on a closed network
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 1000}
TIMEOUT_MS = 20_000

QUESTION = "项目支出主要用于什么"
EXPENSE = "部门预算支出总表"
# 项目支出 34.22 is right, 基本支出 is 59.58 in the sample (《部门预算支出总表》, page 6)
DRAFT = "工会部门2026年项目支出34.22万元，基本支出59.99万元。"


try:
    from playwright.sync_api import Browser, Page, expect, sync_playwright
except ImportError:  # the dev extra is not installed
    sync_playwright = None


def _browser_missing() -> str | None:
    if sync_playwright is None:
        return "未安装 Playwright 的 Python 包（make install 会安装 dev 依赖）"
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        return f"未找到 Chromium（{CHROMIUM}）；以 root 运行 make browser，或 sudo apt-get install chromium"
    return None


MISSING = _browser_missing()
REQUIRED = os.environ.get("BUDGETQA_REQUIRE_BROWSER") == "1"
if MISSING and not REQUIRED:
    pytest.skip(MISSING, allow_module_level=True)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: BUDGETQA_SCREENSHOTS (README images) or a temporary folder."""
    wanted = os.environ.get("BUDGETQA_SCREENSHOTS")
    folder = Path(wanted) if wanted else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(home=bm25_store(tmp_path_factory.mktemp("store"), SAMPLE), dense_retrieval=False)


@pytest.fixture(scope="module")
def served(settings: Settings) -> Iterator[tuple[str, object]]:
    """(url, Blocks) of the app serving the sample store on a free localhost port."""
    with served_app(settings) as served:
        yield served


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if MISSING:  # only reached with BUDGETQA_REQUIRE_BROWSER=1 (CI): every browser test fails
        pytest.fail(f"BUDGETQA_REQUIRE_BROWSER=1，但{MISSING}", pytrace=False)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser: Browser, served: tuple[str, object]) -> Iterator[Page]:
    """A fresh page (own Gradio session) on the app; fails the test on any uncaught script error."""
    context = browser.new_context(viewport=VIEWPORT, locale="zh-CN")
    pg = context.new_page()
    pg.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(served[0])
    expect(pg.get_by_role("tab", name="问答")).to_have_attribute("aria-selected", "true")
    try:
        yield pg
    finally:
        context.close()
    assert not errors, f"页面脚本出错：{errors}"


def _tab(page: Page, name: str) -> None:
    tab = page.get_by_role("tab", name=name, exact=True)
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")


def _yellow_pixels(png: bytes) -> int:
    """Pixels tinted like the highlight box (light yellow: red and green high, blue low)."""
    a = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    return int(((a[..., 0] > 200) & (a[..., 1] > 150) & (a[..., 2] < 200)).sum())


def test_chat_answer_source_view_and_cited_table(page: Page, shots: Path) -> None:
    page.get_by_placeholder("例如：项目支出主要用于什么？").fill(QUESTION)
    page.get_by_role("button", name="提问", exact=True).click()

    # the answer, with the figure and a cited row (a small table of the row's printed values)
    answer = page.get_by_test_id("bot").last
    expect(answer).to_contain_text("34.22")
    expect(answer).to_contain_text(f"《{EXPENSE}》")
    cited_row = answer.locator("table").filter(has_text="项目支出").last
    expect(cited_row).to_contain_text("数值（万元）")
    expect(cited_row.locator("tr").filter(has_text="项目支出")).to_contain_text("34.22")

    # the source view: choose the row citation, its page appears with the row highlighted
    source = page.get_by_label("查看出处（当前回答）")
    source.click()
    option = page.get_by_role("option").filter(has_text=EXPENSE).first
    expect(option).to_contain_text("第6页")
    option.click()
    expect(page.get_by_text(re.compile(r"gonghui-2026\.pdf 第 6 页（黄色框为引用位置）"))).to_be_visible()
    image = page.locator("img[src*='/gradio_api/file=']")
    expect(image).to_be_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    width, height = image.evaluate("img => [img.naturalWidth, img.naturalHeight]")
    assert width > height > 500, (width, height)  # page 6 is landscape
    png = httpx.get(image.get_attribute("src"), timeout=10, trust_env=False).content
    assert _yellow_pixels(png) > 1000, "the cited row is not highlighted on the page image"
    answer.scroll_into_view_if_needed()
    page.screenshot(path=shots / "chat-source.png")

    # 打开此表: the cited table in the 表格 tab
    page.get_by_role("button", name="在“表格”页打开此表").click()
    expect(page.get_by_role("tab", name="表格", exact=True)).to_have_attribute("aria-selected", "true")
    expect(page.get_by_text("金额单位：万元").first).to_be_visible()
    rows = page.get_by_role("grid", name="表格行（金额按原文印刷）")
    expect(rows).to_contain_text("2012902")
    expect(rows).to_contain_text("一般行政管理事务")
    page.screenshot(path=shots / "table.png")


def test_check_flags_the_wrong_figure(page: Page, shots: Path, served: tuple[str, object]) -> None:
    _tab(page, "核对")
    page.get_by_label("草稿").fill(DRAFT)
    page.get_by_role("button", name="核对", exact=True).click()
    result = page.get_by_role("grid", name="核对结果")
    wrong = result.get_by_role("row").filter(has_text="59.99")
    expect(wrong).to_contain_text("不一致")
    expect(wrong).to_contain_text("59.58")
    expect(wrong).to_contain_text(EXPENSE)
    right = result.get_by_role("row").filter(has_text="34.22")
    expect(right).to_contain_text("一致")
    expect(right).not_to_contain_text("不一致")
    page.screenshot(path=shots / "check.png")
    # 核对 shares the chat pool: using it must not narrow how many questions are answered at once
    queues = getattr(getattr(served[1], "_queue", None), "event_queue_per_concurrency_id", {})
    if "chat" in queues:
        assert queues["chat"].concurrency_limit == app.CHAT_CONCURRENCY


def test_audit_tab_finding_on_its_page(page: Page, shots: Path) -> None:
    """审校: pick the sample, see its findings, choose the error, see its page with the sentence highlighted."""
    _tab(page, "审校")
    panel = page.get_by_role("tabpanel").filter(visible=True)
    panel.get_by_label("文件", exact=True).click()
    page.get_by_role("option").filter(has_text="gonghui-2026.pdf").click()
    expect(panel).to_contain_text("错误 1 项")
    table = page.get_by_role("grid", name="审校结果")
    expect(table).to_contain_text("说明中的分项")
    expect(table).to_contain_text("38.47")
    expect(table.get_by_role("row").filter(has_text="尾差")).to_have_count(5)
    panel.get_by_label("查看原页：选择一项").click()
    page.get_by_role("option").filter(has_text="说明中的分项").click()
    expect(panel.get_by_text(re.compile(r"第 17 页（黄色框为涉及的单元格、行或句子）"))).to_be_visible()
    image = panel.locator("img[src*='/gradio_api/file=']")
    expect(image).to_be_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    width, height = image.evaluate("img => [img.naturalWidth, img.naturalHeight]")
    assert height > width > 500, (width, height)  # page 17 (the narrative) is portrait
    png = httpx.get(image.get_attribute("src"), timeout=10, trust_env=False).content
    assert _yellow_pixels(png) > 1000, "the finding's sentence is not highlighted on the page image"
    page.screenshot(path=shots / "audit.png", full_page=True)


def test_upload_lists_the_file(page: Page, shots: Path, settings: Settings) -> None:
    _tab(page, "文件")
    documents = page.get_by_role("grid", name="已导入的文件")
    expect(documents).to_contain_text("gonghui-2026.pdf")
    # the findings count per document, from the stored findings
    expect(documents.get_by_role("row").filter(has_text="gonghui-2026.pdf")).to_contain_text("错误1 尾差5 提示0")
    page.locator("input[type=file][accept*='.pdf']").set_input_files(UPLOAD)
    expect(page.get_by_label("导入结果")).to_have_value(re.compile(r"共 1 个文件：成功 1 个"), timeout=45_000)
    expect(page.get_by_label("导入结果")).to_have_value(re.compile(rf"{re.escape(UPLOAD.name)}：已导入"))
    expect(documents).to_contain_text(UPLOAD.name)
    expect(documents).to_contain_text("gonghui-2026.pdf")
    if not os.environ.get("BUDGETQA_SCREENSHOTS"):  # not one of the README images
        page.screenshot(path=shots / "files.png")
    # the copy is kept under a generated name in the store's upload folder
    assert [p.suffix for p in service.upload_dir(settings).iterdir() if not p.name.endswith(".name")] == [".pdf"]
