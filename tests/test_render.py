"""ingest.render: a PDF page as a PNG with cited boxes highlighted."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from ingest import render
from ingest.render import RenderError, render_page

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "ingest" / "samples" / "gonghui-2026.pdf"
# the 合计 row of 部门预算支出总表 on page 6 (landscape A4, 842 x 595 pt)
BOX = {"x0": 51.02, "top": 171.99, "x1": 790.87, "bottom": 190.99}
RES = 72  # 1 px per point keeps the test fast and the arithmetic simple


def _image(png: bytes) -> Image.Image:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    im = Image.open(io.BytesIO(png))
    im.load()
    return im.convert("RGB")


def test_page_with_a_box_differs_inside_the_box_only() -> None:
    plain = _image(render_page(SAMPLE, 6, [], resolution=RES))
    marked = _image(render_page(SAMPLE, 6, [BOX], resolution=RES))
    assert plain.size == marked.size
    w, h = marked.size
    assert 800 <= w <= 880 and 570 <= h <= 620, marked.size  # landscape page at 72 dpi
    # inside the box: yellow tint on white paper
    inside = (int(BOX["x0"]) + 40, int((BOX["top"] + BOX["bottom"]) / 2))
    assert plain.getpixel(inside) != marked.getpixel(inside)
    r, g, b = marked.getpixel(inside)
    assert r > 200 and g > 150 and b < 200, (r, g, b)
    # the outline is red
    edge = (int((BOX["x0"] + BOX["x1"]) / 2), int(BOX["top"]) + 1)
    r, g, b = marked.getpixel(edge)
    assert r > 150 and g < 100 and b < 100, (r, g, b)
    # well away from the box nothing changed
    outside = (int(BOX["x0"]) + 40, int(BOX["bottom"]) + 150)
    assert plain.getpixel(outside) == marked.getpixel(outside)


def test_default_resolution_and_cache() -> None:
    render.clear_cache()
    png = render_page(SAMPLE, 6, [BOX])
    w, h = _image(png).size
    assert 1200 <= w <= 1350 and 850 <= h <= 950  # 110 dpi
    assert render_page(SAMPLE, 6, [dict(BOX)]) is png  # same key -> cached bytes


def test_bad_pages_and_files_raise_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="超出范围"):
        render_page(SAMPLE, 37, [], resolution=RES)
    with pytest.raises(RenderError, match="超出范围"):
        render_page(SAMPLE, 0, [], resolution=RES)
    fake = tmp_path / "表.pdf"
    fake.write_bytes(b"PK\x03\x04 a zip")
    with pytest.raises(RenderError, match="不是 PDF"):
        render_page(fake, 1, [])
    md = tmp_path / "说明.md"
    md.write_text("# 说明", encoding="utf-8")
    with pytest.raises(RenderError, match="不是 PDF"):
        render_page(md, 1, [])
    with pytest.raises(RenderError, match="找不到"):
        render_page(tmp_path / "missing.pdf", 1, [])
    with pytest.raises(RenderError, match="高亮框"):
        render_page(SAMPLE, 6, [{"x0": 1}], resolution=RES)
