"""Asset figures (国有资产占有使用情况: 车辆, 房屋面积, 固定资产) of five real documents are stored with their
page and answered with a citation to that page. Every figure below was read on the rendered page."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.service import Assistant
from ingest.service import IngestService
from ingest.settings import Settings
from tests.conftest import bm25_store

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
CHANGSHA = CORPUS / "real" / "changsha-shi_xinfangju_2026_bumen-yusuan.pdf"
GUANGZHOU = CORPUS / "real" / "guangzhou-shi_xinfangju_2026_bumen-yusuan.pdf"
WANLI = CORPUS / "real" / "shanghai-putuo_wanlijiedao_2023_bumen-yusuan.pdf"
CHONGQING = CORPUS / "more" / "chongqing-shi_kejiju_2026_bumen-yusuan.pdf"
ZHUHAI = CORPUS / "real" / "zhuhai-shi_shangwuju_2026_bumen-yusuan.pdf"
FULIYUAN = CORPUS / "real" / "shanghai-putuo_shehuifuliyuan_2024_danwei-yusuan.pdf"
FILES = [CHANGSHA, GUANGZHOU, WANLI, CHONGQING, ZHUHAI, FULIYUAN]
pytestmark = pytest.mark.skipif(not all(f.is_file() for f in FILES), reason=f"{CORPUS} 不存在（../shared 语料目录缺失）")

# (file, page, printed figures of that page's asset paragraph)
PRINTED = [
    (CHANGSHA, 9, ["公务用车2辆", "机要通信用车1辆", "应急保障用车1辆"]),
    (GUANGZHOU, 22, ["固定资产金额2,995.16万元", "房屋8,268.74平方米", "车辆2辆"]),
    (WANLI, 29, ["固定资产3149.52万元", "房屋14609.83平方米", "车辆7辆"]),
    (CHONGQING, 4, ["共有车辆9辆", "应急保障用车6辆", "购置车辆0辆"]),
    (ZHUHAI, 31, ["固定资产金额522,897.93万元", "房屋457,664.41平方米", "车辆0辆"]),
]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bm25_store(tmp_path_factory.mktemp("assets"), *FILES)


@pytest.fixture(scope="module")
def bot(home: Path) -> Assistant:
    return Assistant(Settings(home=home, dense_retrieval=False))


def _squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize(("path", "page", "figures"), PRINTED, ids=[p.stem.split("_")[0] for p, _, _ in PRINTED])
def test_asset_paragraph_is_stored_on_its_page(home: Path, path: Path, page: int, figures: list[str]) -> None:
    svc = IngestService(Settings(home=home), embed=False)
    info = svc.find(path.name)
    assert info is not None
    doc = svc.load(info.doc_id)
    assert doc is not None
    on_page = [_squeeze(p.text) for p in doc.paragraphs if p.page == page]
    for fig in figures:
        assert any(fig in t for t in on_page), (fig, page)


@pytest.mark.parametrize(
    ("question", "figure", "page"),
    [
        ("长沙市信访局现在有几辆公务用车？", "2辆", 9),
        ("广州市信访局的房屋面积有多大？", "8,268.74平方米", 22),
        ("普陀区万里街道2023年预算里说本部门有多少辆车？", "7辆", 29),
        ("重庆市科技局所属单位一共有多少辆车？", "9辆", 4),
        ("珠海市商务局固定资产总额是多少？", "522,897.93万元", 31),
    ],
)
def test_asset_figure_is_answered_from_its_page(bot: Assistant, question: str, figure: str, page: int) -> None:
    a = bot.ask(question)
    assert a.answerable and a.unverified_numbers == [], a.answer
    assert figure in _squeeze(a.answer), a.answer
    assert any(c.kind == "text" and c.page == page for c in a.citations), a.citations


def test_a_column_share_within_one_row(bot: Assistant) -> None:
    # 2023年部门支出预算总表 p16, 212 城乡社区支出: 项目支出 49,878,543 of 合计 121,319,878 (not the table's 合计 row)
    a = bot.ask("万里街道2023年城乡社区支出中，项目支出占多大比例？")
    assert "49,878,543 ÷ 121,319,878" in a.answer and "41.11%" in a.answer, a.answer


def test_a_part_larger_than_its_whole_is_read_in_the_wholes_table(bot: Assistant) -> None:
    # 普陀区社会福利院 2024 财政拨款收支预算总表: 社会保障和就业支出 8,661,624 of 支出总计 9,501,164 (the all-funds
    # 支出预算总表 prints 11,281,624 for the same 科目)
    a = bot.ask("普陀区社会福利院2024年财政拨款支出当中，社会保障和就业支出的占比是多少？")
    assert "8,661,624 ÷ 9,501,164" in a.answer and "91.16%" in a.answer, a.answer



def test_a_section_asked_about_as_a_whole_is_quoted(bot: Assistant) -> None:
    # 万里街道 2023 "国有资产占有情况": the section quoted (流动资产 448.82 万元, 固定资产 3149.52 万元, 车辆 7 辆…)
    a = bot.ask("普陀万里街道2023年的国有资产占用情况怎么样？")
    assert a.answerable and "国有资产占有情况”一节" in a.answer and "448.82" in a.answer and "车辆7辆" in a.answer, a.answer
