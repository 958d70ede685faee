"""Render one PDF page as a PNG with cited boxes highlighted (the web app's 查看出处 view).

Boxes are in PDF points with the origin top-left (pdfplumber's x0, top, x1, bottom), exactly as
stored for rows and paragraphs. Pages are drawn with pdfplumber's ``page.to_image`` (pypdfium2
backend). pypdfium2 is not thread-safe, so rendering is serialised by a lock; finished PNGs are
kept in a small in-memory LRU keyed by (path, mtime, size, page, boxes, resolution).
"""

from __future__ import annotations

import io
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from pathlib import Path

import pdfplumber

__all__ = ["RenderError", "cell_boxes", "render_page", "clear_cache"]

FILL = (255, 214, 0, 90)  # semi-transparent yellow
STROKE = (220, 0, 0, 255)  # red outline
STROKE_WIDTH = 3
CACHE_SIZE = 32
MAX_RESOLUTION = 300

_render_lock = threading.Lock()  # pypdfium2 must not be entered from two threads at once
_cache_lock = threading.Lock()
_cache: OrderedDict[tuple, bytes] = OrderedDict()


class RenderError(ValueError):
    """A page cannot be rendered: not a PDF, no such page, unreadable file, bad box."""


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()


def _box(b: Mapping | Sequence) -> tuple[float, float, float, float]:
    try:
        if isinstance(b, Mapping):
            x0, top, x1, bottom = (float(b[k]) for k in ("x0", "top", "x1", "bottom"))
        else:
            x0, top, x1, bottom = (float(v) for v in b)
    except (KeyError, TypeError, ValueError) as e:
        raise RenderError(f"无效的高亮框：{b!r}") from e
    return min(x0, x1), min(top, bottom), max(x0, x1), max(top, bottom)


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return b"%PDF-" in fh.read(1024)
    except OSError:
        return False


def render_page(path: Path, page: int, boxes: list[dict], resolution: int = 110) -> bytes:
    """PNG bytes of 1-based ``page`` of the PDF at ``path`` with ``boxes`` highlighted.

    Each box is a dict ``{x0, top, x1, bottom}`` in PDF points (pdfplumber coordinates); it is
    filled semi-transparent yellow with a red outline. Raises ``RenderError`` for a file that is
    missing or not a PDF, a page out of range or a malformed box.
    """
    path = Path(path)
    try:
        st = path.resolve().stat()
    except OSError as e:
        raise RenderError(f"找不到文件：{path.name}") from e
    if not path.is_file() or not _is_pdf(path):
        raise RenderError(f"{path.name} 不是 PDF 文件，无法显示原页")
    if isinstance(page, bool) or not isinstance(page, int):
        raise RenderError(f"页码必须是整数：{page!r}")
    if not 0 < int(resolution) <= MAX_RESOLUTION:
        raise RenderError(f"分辨率应在 1–{MAX_RESOLUTION} 之间：{resolution!r}")
    rects = tuple(_box(b) for b in boxes or [])
    key = (str(path.resolve()), st.st_mtime_ns, st.st_size, page, rects, int(resolution))
    with _cache_lock:
        png = _cache.get(key)
        if png is not None:
            _cache.move_to_end(key)
            return png

    with _render_lock:
        try:
            with pdfplumber.open(path) as pdf:
                n = len(pdf.pages)
                if not 1 <= page <= n:
                    raise RenderError(f"页码 {page} 超出范围（{path.name} 共 {n} 页）")
                im = pdf.pages[page - 1].to_image(resolution=int(resolution))
                for r in rects:
                    im.draw_rect(r, fill=FILL, stroke=STROKE, stroke_width=STROKE_WIDTH)
                buf = io.BytesIO()
                im.annotated.convert("RGB").save(buf, format="PNG", optimize=False)
        except RenderError:
            raise
        except Exception as e:  # a damaged PDF: one clear error type for callers
            raise RenderError(f"无法渲染 {path.name} 第 {page} 页（{type(e).__name__}）") from e
    png = buf.getvalue()

    with _cache_lock:
        _cache[key] = png
        _cache.move_to_end(key)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return png


def cell_boxes(path: Path, page: int, row_box: Mapping, values: Sequence[str]) -> list[dict]:
    """Boxes of the printed `values` within one table row's box on a PDF page (the cells a finding is
    about). Words are matched by their text without spaces and thousands separators; a value not
    found is left out. Raises ``RenderError`` like ``render_page`` for a file or page it cannot read."""
    x0, top, x1, bottom = _box(row_box)
    wanted = {v.replace(",", "").replace(" ", "") for v in values if v and v.strip()}
    if not wanted:
        return []
    out: list[dict] = []
    with _render_lock:
        try:
            with pdfplumber.open(path) as pdf:
                if not 1 <= page <= len(pdf.pages):
                    raise RenderError(f"页码 {page} 超出范围（{Path(path).name} 共 {len(pdf.pages)} 页）")
                words = pdf.pages[page - 1].extract_words(keep_blank_chars=False, use_text_flow=False)
        except RenderError:
            raise
        except Exception as e:
            raise RenderError(f"无法读取 {Path(path).name} 第 {page} 页（{type(e).__name__}）") from e
    for w in words:
        mid = (float(w["top"]) + float(w["bottom"])) / 2
        if not (top - 1 <= mid <= bottom + 1 and x0 - 1 <= float(w["x0"]) and float(w["x1"]) <= x1 + 1):
            continue
        if w["text"].replace(",", "").replace(" ", "") in wanted:
            pad = 1.5
            out.append({"x0": float(w["x0"]) - pad, "top": float(w["top"]) - pad,
                        "x1": float(w["x1"]) + pad, "bottom": float(w["bottom"]) + pad})
    return out
