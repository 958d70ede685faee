"""Narrative text: headings (一、 / （一） / 1、 / （1）) and paragraphs with their heading path."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.model import CONTENTS, COVER, BBox, Paragraph
from ingest.text import clean

HEADING_PATTERNS: list[tuple[int, re.Pattern[str]]] = [
    (1, re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]")),
    (2, re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")),
    (3, re.compile(r"^\d{1,2}[、．.](?!\d)")),
    (4, re.compile(r"^[（(]\d{1,2}[）)]")),
]
_END = "。；！？!?;"
_CONT = re.compile(r"^(元|万元|亿元|%|，|,|。|、|；|）|\)|”)")


# "（一）机关运行经费。2026 年…" / "（四）政府采购情况：2026 年本单位…": a numbered label that opens a paragraph
_INLINE = re.compile(
    r"^(?P<label>(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[、．.](?!\d)|[（(]\d{1,2}[）)])"
    r"[^，,。：:；;、]{2,18}?)[。：:](?P<rest>.{2,})$"
)


_LONE_LABEL = re.compile(_INLINE.pattern.split("[。：:](?P<rest>")[0] + r"[。]$")


# "第七部分 重点项目预算绩效情况说明": a part of the release, in body type or not
_PART_END = re.compile(r"(?:说明|情况|概况|解释|报告)$")
PART_TITLE = re.compile(r"^第[一二三四五六七八九十]{1,3}部分[^，,。；;：:]{2,28}$")


def inline_label(text: str) -> str:
    """The numbered label that opens a paragraph line, or ''."""
    m = _INLINE.match(clean(text))
    if not m or re.search(r"\d\s*万?元", m.group("label")):
        return ""  # "（二）公用经费 131.33 万元。…" is a sentence
    return m.group("label")


def heading_level(text: str) -> int:
    t = text.strip()
    for level, pat in HEADING_PATTERNS:
        if pat.match(t):
            return level
    return 0


def is_heading(text: str, size: float = 0.0, body_size: float = 0.0) -> int:
    """Heading level of a line, or 0. A numbered line is a heading when short and not a sentence."""
    t = clean(text)
    level = heading_level(t)
    if level and (re.search(r"[，。；;]", t[:-1]) or re.search(r"\d\s*万?元", t)) and not inline_label(t):
        return 0  # "（一）人员经费 2,103.71 万元。主要包括：…": a sentence that wraps, not a heading
    if level and _LONE_LABEL.match(t) and not re.search(r"\d\s*万?元|[，,、；;：:]", t[:-1]):
        return level  # "2.政府采购情况。": a numbered label on a line of its own
    big = body_size and size >= body_size + 0.9
    if level and (len(t) <= 32 and t[-1] not in _END + "，,：:" or big and len(t) <= 40):
        return level
    if level and len(t) <= 40 and t.endswith(("：", ":")) and "，" not in t:
        return level
    return 0


@dataclass
class TextLine:
    text: str
    page: int
    bbox: BBox | None = None
    size: float = 0.0
    indent: bool = False  # first-line indent (a new paragraph)
    big: bool = False  # larger than body text: a title
    full: bool = False  # reaches the right edge of the text: it wraps onto the next line


def join_text(a: str, b: str) -> str:
    """Join wrapped lines: no space between CJK characters, one between Latin words."""
    if a and b and re.match(r"[A-Za-z0-9]", a[-1]) and re.match(r"[A-Za-z]", b[0]):
        return a + " " + b
    return a + b


# a 目录 entry's numbering, outermost first as most releases nest them
_ENTRY_STYLES = (re.compile(r"第[一二三四五六七八九十]+部分"), re.compile(r"[一二三四五六七八九十]{1,3}[、.．]"),
                 re.compile(r"[（(][一二三四五六七八九十\d]{1,3}[)）]"), re.compile(r"\d{1,2}\s*[、.．]"))


_COVER_APART = re.compile(r"[:：]|^(20\d\d|二〇[〇一二三四五六七八九]{2})年[\d一二三四五六七八九十]{1,2}月")


class NarrativeBuilder:
    def __init__(self) -> None:
        self.paragraphs: list[Paragraph] = []
        self.path: list[tuple[int, str]] = []
        self._cur: Paragraph | None = None
        self._open_heading = False  # the last line was a heading, no text under it yet
        self._open_part = False  # the last line was a part title
        self._heading_line: TextLine | None = None  # the line read last as a heading
        self._lone: TextLine | None = None  # a heading read from "2.政府采购情况。" alone
        self._lone_at = 0  # paragraphs written before it
        self._bare: tuple[TextLine, int] | None = None  # a numbered heading line with nothing under it yet, its level
        self._contents_stack: list[tuple[int | None, str]] = []  # the 目录's entries the next one may be listed under

    def _keep_lone(self) -> None:
        """"（1）加强管理。" then "（2）…": a list item, not a heading; it stays a paragraph."""
        ln, self._lone = self._lone, None
        if ln is not None and len(self.paragraphs) == self._lone_at:  # nothing was written under it
            self.paragraphs.append(Paragraph(heading_path=[t for _, t in self.path][:-1], text=ln.text.strip(),
                                             page=ln.page, bbox=ln.bbox, index=len(self.paragraphs)))

    def _keep_item(self, bare: tuple[TextLine, int] | None, level: int | None = None) -> None:
        """"具体包括：1.…" then "2. 普陀区法律援助中心" and the next title: a numbered line (1. / （1）) with nothing under
        it before a sibling, a higher heading or a title is the last item of a list, not a heading; it stays a paragraph."""
        if bare is None or bare[1] < 3 or self._lone is not None or (level is not None and level > bare[1]):
            return
        ln = bare[0]
        path = [t for _, t in self.path]
        self.paragraphs.append(Paragraph(heading_path=path[:-1] if path and path[-1] == ln.text.strip() else path,
                                         text=ln.text.strip(), page=ln.page, bbox=ln.bbox, index=len(self.paragraphs)))

    def heading(self, level: int, text: str) -> None:
        self._close()
        self._keep_lone()
        text = text.strip()
        self.path = [(lv, t) for lv, t in self.path if lv < level] + [(level, text)]
        self._open_heading = True

    def line(self, ln: TextLine) -> None:
        text = ln.text.strip()
        if not text:
            return
        bare, self._bare = self._bare, None
        if (ln.big or PART_TITLE.match(clean(text))) and not heading_level(text):
            # a part title such as "……情况说明": resets the heading path
            self._close()
            self._keep_item(bare)
            self.path = [(0, clean(text))]
            self._open_part = True
            return
        flat = clean(text)
        part, self._open_part = self._open_part, False
        if part and self.path and len(flat) <= 8 and not re.search(r"[，。；;：:、\d]", flat) and not heading_level(flat) \
                and _PART_END.search(flat) and not _PART_END.search(self.path[-1][1]):
            self.path[-1] = (0, self.path[-1][1] + flat)  # a part title that wraps: "第三部分…部门决算" + "情况说明"
            return
        if (self._open_heading and self.path and len(flat) <= 8 and not heading_level(flat)
                and not re.search(r"[，。；;：:\d]", flat) and self.path[-1][1][-1] not in _END + "：:"):
            # a heading that wraps: "九、…支出预算情" + "况说明"
            lv, head = self.path[-1]
            self.path[-1] = (lv, head + flat)
            self._bare = bare
            return
        hl = self._heading_line
        if self._open_heading and hl is not None and hl.full and not hl.big and self.path and not ln.indent \
                and not heading_level(flat):
            # "（1）科学技术支出（类）…（款）科技" + "成果转化与扩散（项）28.00 万元，…": a sentence, not a heading
            self.path.pop()
            self._open_heading = False
            same_page = hl.page == ln.page and hl.bbox is not None
            self._cur = Paragraph(heading_path=[t for _, t in self.path], text=join_text(hl.text.strip(), text),
                                  page=hl.page, bbox=hl.bbox.union(ln.bbox) if same_page and hl.bbox else hl.bbox,
                                  index=len(self.paragraphs))
            return
        self._open_heading = False
        label = inline_label(text)
        if label:
            # the label goes on the heading path; the paragraph keeps the whole line
            self.heading(heading_level(label), label)
            self._cur = Paragraph(heading_path=[t for _, t in self.path], text=text, page=ln.page, bbox=ln.bbox,
                                  index=len(self.paragraphs))
            # (text is under the label now: the next line continues it, it does not reopen a heading read before)
            self._open_heading, self._heading_line = False, None
            return
        lvl = is_heading(text, ln.size, 0 if not ln.big else 1)
        self._heading_line = ln
        if lvl:
            self._close()
            self._keep_item(bare, lvl)
            self.heading(lvl, clean(text) if len(clean(text)) < len(text) - 3 else text)
            self._bare = (ln, lvl)
            self._lone = ln if _LONE_LABEL.match(clean(text)) else None
            self._lone_at = len(self.paragraphs)
            return
        cur = self._cur
        # a line that continues a sentence ("元，与上年相比…") never starts a paragraph
        continues = cur is not None and cur.text and cur.text[-1] not in _END + "：:" and _CONT.match(text)
        starts = not continues and (
            cur is None
            or ln.indent
            or (cur.text and cur.text[-1] in _END and heading_level(text) > 0)
        )
        if starts:
            self._close()
            self._cur = Paragraph(
                heading_path=[t for _, t in self.path],
                text=text,
                page=ln.page,
                bbox=ln.bbox,
                index=len(self.paragraphs),
            )
        else:
            assert cur is not None
            cur.text = join_text(cur.text, text)
            if ln.page == cur.page and ln.bbox is not None:
                cur.bbox = ln.bbox.union(cur.bbox)

    def contents(self, lines: list[TextLine]) -> None:
        """The 目录's entries, each a paragraph under 目录 and the entries it is listed under (by numbering style:
        "第二部分…" > "一、…" > "（一）…" > "1.…", in the order the 目录 nests them)."""
        self._close()
        stack = self._contents_stack
        for ln in lines:
            text = clean(ln.text)
            if text == CONTENTS:
                continue
            style = next((k for k, pat in enumerate(_ENTRY_STYLES) if pat.match(text)), None)
            last = self.paragraphs[-1] if self.paragraphs and self.paragraphs[-1].in_contents else None
            if style is None and last is not None:
                last.text += text  # an entry that wraps: "（二）关于…收入预算情况说" + "明"
                if stack and stack[-1][1] == last.text[: -len(text)]:
                    stack[-1] = (stack[-1][0], last.text)
                continue
            at = next((k for k, (st, _) in enumerate(stack) if st == style), len(stack))
            del stack[at:]
            self.paragraphs.append(Paragraph(heading_path=[CONTENTS, *(t for _, t in stack)], text=text, page=ln.page,
                                             bbox=ln.bbox, index=len(self.paragraphs)))
            stack.append((style, text))

    def cover(self, lines: list[TextLine]) -> None:
        """A cover page's lines (title, unit, date), one paragraph under 封面: what the release says it is."""
        self._close()
        text = ""
        for t in (clean(ln.text) for ln in lines):
            # a title wraps ("…部门预" / "算"); a labelled line or a date stands apart
            apart = any(_COVER_APART.search(x) for x in (text.rsplit(" ", 1)[-1], t)) or (text[-1:] + t[:1]).isdigit()
            text = (f"{text} {t}" if apart and text else join_text(text, t)) if t else text
        if text:
            box = lines[0].bbox
            for ln in lines[1:]:
                box = box.union(ln.bbox) if box is not None else ln.bbox
            self.paragraphs.append(Paragraph(heading_path=[COVER], text=text, page=lines[0].page, bbox=box,
                                             index=len(self.paragraphs)))

    def _close(self) -> None:
        if self._cur is not None and self._cur.text.strip():
            self._cur.index = len(self.paragraphs)
            self.paragraphs.append(self._cur)
        self._cur = None

    def finish(self) -> list[Paragraph]:
        self._close()
        self._keep_item(self._bare)
        self._keep_lone()
        # a heading with no paragraph under it still says something ("无")
        return self.paragraphs
