"""The reportlab renderer: a :class:`~.model.Report` to PDF bytes, in memory.

The frame every report shares: a cover page; a running header with the case/visit code and the
confidentiality marking; "page N of M"; a contents page with page numbers (and PDF bookmarks);
tables that break across pages and repeat their header row; and a footer with the generation
time, Monitor version, device fingerprint, the report's id, the source digest (``sources.py``) and
the audit chain's head, with the same facts for ``check-report`` in the document information key
``/MonitorReport``.

Only the shipped DejaVu Sans family is used, embedded as a subset; the canvas base font is set to
it too, so no base-14 font (Helvetica) appears anywhere in the file.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from functools import cache
from typing import Callable
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Flowable, Frame, Image, KeepTogether,
                                NextPageTemplate, PageBreak, PageTemplate, Spacer, Table as RLTable,
                                TableStyle)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.tableofcontents import TableOfContents

from .. import resources
from . import cells, model, outline
from .locale import number as _number

# Image streams as binary, not ASCII85: reportlab's ASCII85 encoder is pure Python here and took ~1.8 s
# per phone photo (a 30-photo dossier: ~2 minutes); binary streams are standard PDF and 20% smaller.
rl_config.useA85 = 0

FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC = "MonitorSans", "MonitorSans-Bold", "MonitorSans-Italic", "MonitorSans-BoldItalic"
_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf", FONT_ITALIC: "DejaVuSans-Oblique.ttf",
          FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf"}

PAGE = A4
MARGIN = 2 * cm
INK = colors.Color(0.1, 0.1, 0.12)
RULE = colors.Color(0.55, 0.55, 0.6)
HEAD_BG = colors.Color(0.88, 0.9, 0.93)
FLAG_BG = colors.Color(1.0, 0.93, 0.8)
ACCENT = colors.Color(0.45, 0.05, 0.05)


@cache
def register_fonts() -> str:
    """Register the shipped TTF family once per process; return the regular font's name."""
    for name, file in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resources.path("fonts", file))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC)
    return FONT


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, textColor=INK, spaceAfter=4)
    s = {
        "body": base,
        "verbatim": ParagraphStyle("verbatim", parent=base, fontName=FONT, leftIndent=10, borderPadding=(4, 4, 4, 6),
                                   backColor=colors.Color(0.97, 0.97, 0.97), spaceBefore=4, spaceAfter=8),
        "note": ParagraphStyle("note", parent=base, fontName=FONT_ITALIC, fontSize=8.5, leading=11,
                               textColor=colors.Color(0.3, 0.3, 0.3)),
        "lead": ParagraphStyle("lead", parent=base, keepWithNext=1, fontName=FONT_ITALIC, fontSize=8.5, leading=11,
                               textColor=colors.Color(0.3, 0.3, 0.3)),  # a note introducing what follows
        "warning": ParagraphStyle("warning", parent=base, fontName=FONT_BOLD, textColor=ACCENT,
                                  backColor=FLAG_BG, borderPadding=4, spaceBefore=4, spaceAfter=8),
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "signature": ParagraphStyle("signature", parent=base, spaceBefore=18),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10, spaceAfter=0),
        "cell_num": ParagraphStyle("cell_num", parent=base, fontSize=8, leading=10, spaceAfter=0, alignment=TA_RIGHT),
        # a hash on one line of the value column (64 hex digits, or a revision hash "v2:" and 64)
        "cell_hash": ParagraphStyle("cell_hash", parent=base, fontSize=7.2, leading=10, spaceAfter=0),
        "cell_head": ParagraphStyle("cell_head", parent=base, fontName=FONT_BOLD, fontSize=8, leading=10, spaceAfter=0),
        "h1": ParagraphStyle("h1", parent=base, keepWithNext=1, fontName=FONT_BOLD, fontSize=14, leading=18, spaceBefore=10,
                             spaceAfter=8, textColor=ACCENT),
        "h2": ParagraphStyle("h2", parent=base, keepWithNext=1, fontName=FONT_BOLD, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=5),
        "h3": ParagraphStyle("h3", parent=base, keepWithNext=1, fontName=FONT_BOLD, fontSize=10, leading=13, spaceBefore=6, spaceAfter=3),
        "caption": ParagraphStyle("caption", parent=base, fontName=FONT_ITALIC, fontSize=8, leading=10,
                                  alignment=TA_CENTER, spaceAfter=8),
        "cover_title": ParagraphStyle("cover_title", parent=base, fontName=FONT_BOLD, fontSize=22, leading=28,
                                      spaceAfter=6, textColor=ACCENT),
        "cover_sub": ParagraphStyle("cover_sub", parent=base, fontSize=13, leading=17, spaceAfter=20),
        "cover_mark": ParagraphStyle("cover_mark", parent=base, fontName=FONT_BOLD, fontSize=10, leading=13,
                                     textColor=ACCENT, borderColor=ACCENT, borderWidth=1, borderPadding=6,
                                     spaceBefore=16, spaceAfter=16),
        "toc1": ParagraphStyle("toc1", parent=base, fontName=FONT_BOLD, fontSize=10, leading=14, leftIndent=0),
        "toc2": ParagraphStyle("toc2", parent=base, fontSize=9, leading=12, leftIndent=14),
    }
    return s


CELL_SIZE = 8
_HASH = re.compile(r"(v\d+:)?[0-9a-f]{64}")


def _p(text: str, style: str = "body") -> RLParagraph:
    """A paragraph of plain text (never markup: testimony text comes from people)."""
    safe = escape(text or "").replace("\n", "<br/>")
    return RLParagraph(safe, styles()[style])


class _JpegSource:
    """A JPEG for ``canvas.drawImage`` that is embedded as it is (DCTDecode), never decoded.

    Given an ``ImageReader``, reportlab decodes every image to RGB just to name it (a 1600x1200
    photo: 5.8 MB of pixels, kept until the end), which took a 30-photo dossier to ~450 MB. This
    object is not an ImageReader, so the canvas names it by ``str()`` (the photo's SHA-256) and
    ``PDFImageXObject`` reads the JPEG through ``jpeg_fh`` only.
    """

    def __init__(self, data: bytes, sha256: str):
        from reportlab.pdfbase.pdfutils import readJPEGInfo

        self.data = data
        self.sha256 = sha256
        info = readJPEGInfo(io.BytesIO(data))  # (width, height, components, dpi)
        self.width, self.height = info[0], info[1]

    def jpeg_fh(self):
        return io.BytesIO(self.data)

    def getSize(self):
        return self.width, self.height

    def __str__(self) -> str:
        return f"monitor-jpeg-{self.sha256}"


class _JpegFlowable(Flowable):
    def __init__(self, source: _JpegSource):
        super().__init__()
        self.source = source
        self.imageWidth, self.imageHeight = source.getSize()
        self.drawWidth, self.drawHeight = float(self.imageWidth), float(self.imageHeight)
        self.hAlign = "CENTER"

    def wrap(self, availWidth, availHeight):
        return self.drawWidth, self.drawHeight

    def draw(self):
        self.canv.drawImage(self.source, 0, 0, self.drawWidth, self.drawHeight, mask=None)


def _image_flowable(data: bytes, sha256: str) -> Flowable:
    if data[:2] == b"\xff\xd8":
        return _JpegFlowable(_JpegSource(data, sha256))
    return Image(io.BytesIO(data))  # PNG and others: reportlab decodes them (pixels only, no metadata)


@dataclass
class Frame_:
    """Frame strings shown on every page (already translated)."""

    code: str
    marking: str
    generated: str  # "Report R-… was made on … with Monitor 0.1.0 on the device with key fingerprint …"
    sources: str  # "The N record versions it was built from have the combined SHA-256 …"
    page_of: Callable[[int, int], str]
    pages: int = 0  # filled in when the PDF is saved
    title: str = ""  # "Report R-XXXX-XXXX-XXXX", left of "page N of M"
    audit: str = ""  # "When it was made, the vault's audit trail ended at entry N, whose hash is …"
    metadata: str = ""  # JSON for the document information key /MonitorReport (read by check.py)


METADATA_KEY = "MonitorReport"


def _info_with(metadata: str, base):
    """The canvas's document information dictionary with one more key, ``/MonitorReport``.

    reportlab writes only the standard keys; ``check-report`` reads this one (with pikepdf) to learn
    the report's id, the audit head and the record versions it was built from, so it needs no OCR
    of the footer. It holds ids and hashes only, never a name or any text of a record.
    """
    from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFString

    class _Info(PDFInfo):
        def format(self, document):
            formatted = PDFInfo.format(self, document)  # the standard keys, as reportlab writes them
            extra = PDFDictionary({METADATA_KEY: PDFString(metadata)}).format(document)
            return formatted[:-2].rstrip() + b"\n" + extra[2:].lstrip()  # one dictionary: << standard extra >>

    info = _Info()
    info.__dict__.update(base.__dict__)
    return info


def _fitted_size(text: str, font: str, size: float, width: float, smallest: float = 4.5) -> float:
    """The largest font size ≤ ``size`` (down to ``smallest``) at which ``text`` fits ``width``."""
    while size > smallest and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 0.25
    return size


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so that it fits ``width`` points."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _canvas_class(frame: Frame_):
    class ReportCanvas(Canvas):
        """Draws header and footer once the page count is known (page N of M)."""

        def __init__(self, *args, **kwargs):
            kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT  # no Helvetica, ever
            kwargs["initialFontSize"] = kwargs.get("initialFontSize") or 9
            super().__init__(*args, **kwargs)
            if frame.metadata:
                self._doc.info = _info_with(frame.metadata, self._doc.info)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            frame.pages = total
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            w, h = PAGE
            n = self._pageNumber
            self.saveState()
            self.setFillColor(INK)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            if n > 1:
                usable = w - 2 * MARGIN
                size = 7
                while size > 5 and pdfmetrics.stringWidth(frame.marking, FONT_BOLD, size) > usable:
                    size -= 0.5
                self.setFont(FONT_BOLD, size)
                self.setFillColor(ACCENT)
                self.drawRightString(w - MARGIN, h - 0.95 * cm, _fit(frame.marking, FONT_BOLD, size, usable))
                self.setFillColor(INK)
                self.setFont(FONT_BOLD, 8)
                self.drawString(MARGIN, h - 1.35 * cm, _fit(frame.code, FONT_BOLD, 8, usable))
                self.line(MARGIN, h - 1.5 * cm, w - MARGIN, h - 1.5 * cm)
            self.setFillColor(INK)
            self.line(MARGIN, 1.8 * cm, w - MARGIN, 1.8 * cm)
            usable = w - 2 * MARGIN
            self.setFont(FONT_BOLD, 8)
            self.drawRightString(w - MARGIN, 1.45 * cm, frame.page_of(n, total))
            if frame.title:
                self.drawString(MARGIN, 1.45 * cm, frame.title)
            # the sentences a reader can check the printout by: when, how and on which device it was
            # made, from what, at which point of the audit trail; never cut (a shortened hash proves
            # nothing): all set one size smaller instead
            lines = [t for t in (frame.generated, frame.sources, frame.audit) if t]
            size = min((_fitted_size(t, FONT, 6.5, usable) for t in lines), default=6.5)
            self.setFont(FONT, size)
            for i, text in enumerate(lines):
                self.drawString(MARGIN, (1.12 - 0.28 * i) * cm, text)
            self.restoreState()

    return ReportCanvas


class _Doc(BaseDocTemplate):
    def __init__(self, buffer, report: model.Report, **kw):
        super().__init__(buffer, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=2 * cm,
                         bottomMargin=2.1 * cm, title=report.title, author="Monitor",
                         subject=f"{report.code} — {report.marking}", creator="Monitor",
                         initialFontName=FONT, initialFontSize=9, **kw)
        body = Frame(MARGIN, 2.1 * cm, PAGE[0] - 2 * MARGIN, PAGE[1] - 4.1 * cm, id="body")
        self.addPageTemplates([PageTemplate("cover", [body]), PageTemplate("body", [body])])
        self._heading_seq = 0

    def afterFlowable(self, flowable):
        level = getattr(flowable, "_toc_level", None)
        if level is None:
            return
        text = flowable._toc_text
        key = flowable._toc_key
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text[:120], key, level=level, closed=level > 0)
        self.notify("TOCEntry", (level, escape(text), self.page, key))


def _heading(text: str, level: int, doc_keys: list[int], in_toc: bool) -> RLParagraph:
    style = {1: "h1", 2: "h2"}.get(level, "h3")
    para = _p(text, style)
    if in_toc and level <= 2:
        doc_keys[0] += 1
        para._toc_level = level - 1
        para._toc_text = text
        para._toc_key = f"h{doc_keys[0]}"
    return para


class _Renderer:
    def __init__(self, report: model.Report, width: float):
        self.report = report
        self.width = width
        self.keys = [0]
        self.s = styles()

    # --- blocks ----------------------------------------------------------------------------------

    def fields(self, block: model.Fields) -> list[Flowable]:
        if not block.rows:
            return []
        rows = [[_p(k, "cell_head"), _p(v, "cell_hash" if _HASH.fullmatch(v or "") else "cell")]
                for k, v in block.rows]
        t = RLTable(rows, colWidths=[self.width * 0.32, self.width * 0.68], hAlign="LEFT", splitByRow=1)
        t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), 
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.Color(0.85, 0.85, 0.85)),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]))
        return [t, Spacer(1, 6)]

    def table(self, block: model.Table) -> list[Flowable]:
        out: list[Flowable] = []
        if block.caption:
            out.append(_p(block.caption, "h3"))
        n = len(block.columns)
        rel = block.widths or [1.0] * n
        total = float(sum(rel))
        widths = [self.width * r / total for r in rel]
        widths, size = cells.fit(self.report.lang, [list(block.columns)] + [[str(v) for v in row] for row in block.rows],
                                 widths, FONT, FONT_BOLD, CELL_SIZE)
        cell = cells.styles(self.report.lang, size, self.s["cell"], self.s["cell_num"], self.s["cell_head"])
        head = [RLParagraph(cells.markup(c, self.report.lang), cell["cell_head"]) for c in block.columns]
        body = [[RLParagraph(cells.markup(str(v), self.report.lang), cell["cell_num" if i in block.numeric else "cell"])
                 for i, v in enumerate(row)] for row in block.rows]
        t = RLTable([head] + body, colWidths=widths, repeatRows=1, hAlign="LEFT", splitByRow=1)
        style = [
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
            ("GRID", (0, 0), (-1, -1), 0.3, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
        for r in block.flagged_rows:
            style.append(("BACKGROUND", (0, r + 1), (-1, r + 1), FLAG_BG))
        t.setStyle(TableStyle(style))
        out += [t, Spacer(1, 8)]
        return out

    def diagram(self, block: model.BodyDiagram) -> list[Flowable]:
        d = outline.body_drawing(block.views, block.markers, block.labels, self.width, FONT, FONT_BOLD,
                                 letters=block.letters, legend=block.legend, legend_title=block.legend_title)
        if d.height > PAGE[1] - 6 * cm:  # keep it on one page
            scale = (PAGE[1] - 6 * cm) / d.height
            d.scale(scale, scale)
            d.width, d.height = d.width * scale, d.height * scale
        parts: list[Flowable] = [d]
        if block.caption:
            parts.append(_p(block.caption, "caption"))
        return [KeepTogether(parts)]

    def chart(self, block: model.BarChart) -> list[Flowable]:
        if not block.categories or not block.series:
            return []
        chart_h = 150
        legend_h = 12 * len(block.series) + 6
        d = Drawing(self.width, chart_h + 40 + legend_h)
        d.initialFontName = FONT  # the renderer's starting state would otherwise select Helvetica
        bc = VerticalBarChart()
        bc.x, bc.y, bc.width, bc.height = 40, 40, self.width - 50, chart_h
        bc.data = [list(values) for _, values in block.series]
        bc.categoryAxis.categoryNames = list(block.categories)
        for axis in (bc.categoryAxis.labels, bc.valueAxis.labels):
            axis.fontName, axis.fontSize = FONT, 7
        bc.categoryAxis.labels.angle = 30 if len(block.categories) > 6 else 0
        bc.categoryAxis.labels.boxAnchor = "ne" if len(block.categories) > 6 else "n"
        bc.valueAxis.valueMin = 0
        bc.barSpacing, bc.groupSpacing = 1, 6
        palette = [colors.Color(0.55, 0.1, 0.1), colors.Color(0.3, 0.45, 0.65), colors.Color(0.85, 0.6, 0.2),
                   colors.Color(0.4, 0.6, 0.35), colors.Color(0.5, 0.5, 0.5)]
        for i in range(len(block.series)):
            bc.bars[i].fillColor = palette[i % len(palette)]
            bc.bars[i].strokeColor = None
        bc.barLabels.fontName = FONT
        bc.barLabels.fontSize = 6
        lang = self.report.lang
        # ticks and bar labels with the language's separators (ru/kk: 1 500, 2,5), as the tables print them
        bc.valueAxis.labelTextFormat = lambda v: _number(v, lang, None if float(v).is_integer() else 1)
        bc.barLabelFormat = lambda v: "" if not v else _number(round(v), lang)  # no "0" over empty bars
        bc.barLabels.nudge = 6
        d.add(bc)
        legend = Legend()  # above the chart, one series per line, swatch first
        legend.x, legend.y = 40, chart_h + 40 + legend_h
        legend.fontName, legend.fontSize = FONT, 7
        legend.dx, legend.dy, legend.deltay = 8, 8, 12
        legend.alignment = "right"
        legend.boxAnchor = "nw"
        legend.columnMaximum = len(block.series)
        legend.colorNamePairs = [(palette[i % len(palette)], _fit(name, FONT, 7, self.width - 80))
                                 for i, (name, _) in enumerate(block.series)]
        d.add(legend)
        parts: list[Flowable] = [d]
        if block.caption:
            parts.append(_p(block.caption, "caption"))
        return [KeepTogether(parts)]

    def photo(self, block: model.Photo) -> list[Flowable]:
        parts: list[Flowable] = []
        try:
            data = block.loader() if block.loader else None
            img = _image_flowable(data, block.sha256) if data else None
        except Exception:  # a broken image must not stop a dossier; its hash is still listed
            img = None
        if img is not None:
            max_w, max_h = self.width * 0.8, 9.5 * cm
            scale = min(max_w / img.imageWidth, max_h / img.imageHeight)
            img.drawWidth, img.drawHeight = img.imageWidth * scale, img.imageHeight * scale
            parts.append(img)
        else:
            parts.append(_p(self.report.labels.get("photo_unavailable", ""), "note"))
        parts.append(_p(block.caption, "caption"))
        parts.append(_p(block.details, "small"))
        if img is not None:  # say what the PDF holds, with both hashes when it is not the file itself
            if isinstance(img, _JpegFlowable):
                embedded = hashlib.sha256(img.source.data).hexdigest()
                if embedded != block.sha256 and block.stripped_note:
                    parts.append(_p(block.stripped_note.replace("{h}", embedded), "small"))
            elif block.pixels_note:
                parts.append(_p(block.pixels_note, "small"))
        parts.append(Spacer(1, 8))
        return [KeepTogether(parts)]

    def block(self, block, level: int) -> list[Flowable]:
        if isinstance(block, model.Section):
            return self.section(block)
        if isinstance(block, model.Paragraph):
            return [_p(block.text, block.style if block.style in self.s else "body")]
        if isinstance(block, model.Fields):
            return self.fields(block)
        if isinstance(block, model.Table):
            return self.table(block)
        if isinstance(block, model.BodyDiagram):
            return self.diagram(block)
        if isinstance(block, model.BarChart):
            return self.chart(block)
        if isinstance(block, model.Photo):
            return self.photo(block)
        if isinstance(block, model.PageBreak):
            return [PageBreak()]
        raise TypeError(f"unknown report block {type(block).__name__}")

    def section(self, section: model.Section) -> list[Flowable]:
        out: list[Flowable] = []
        if section.level == 1:
            out.append(CondPageBreak(5 * cm))
        out.append(_heading(section.title, section.level, self.keys, self.report.contents))
        if section.conflict:
            out.append(_p(self.report.labels.get("conflict_flag", ""), "warning"))
        for b in section.blocks:
            out += self.block(b, section.level)
        return out

    # --- the document ----------------------------------------------------------------------------

    def cover(self) -> list[Flowable]:
        r = self.report
        out: list[Flowable] = [Spacer(1, 3 * cm), _p(r.title, "cover_title")]
        if r.subtitle:
            out.append(_p(r.subtitle, "h2"))
        out += [_p(r.code, "cover_sub"), _p(r.marking, "cover_mark")]
        rows = [[_p(k, "cell_head"), _p(v, "cell")] for k, v in r.cover]
        if rows:
            t = RLTable(rows, colWidths=[self.width * 0.35, self.width * 0.65], hAlign="LEFT")
            t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE)]))
            out.append(t)
        if r.conflicts:
            out.append(Spacer(1, 12))
            for note in r.conflicts:
                out.append(_p(note, "warning"))
        return out

    def flowables(self) -> list[Flowable]:
        r = self.report
        out = self.cover()
        out.append(NextPageTemplate("body"))
        out.append(PageBreak())
        if r.contents:
            toc = TableOfContents()
            toc.levelStyles = [self.s["toc1"], self.s["toc2"]]
            toc.dotsMinLevel = 0
            toc.tableStyle = TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                         ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                         ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
            out += [_p(r.labels.get("contents", ""), "h1"), toc, PageBreak()]
        for section in r.sections:
            out += self.section(section)
        return out


def frame_for(report: model.Report, *, generated: str, sources: str, page_of: Callable[[int, int], str],
              audit: str = "", metadata: str = "", title: str = "") -> Frame_:
    return Frame_(code=report.code, marking=report.marking, generated=generated, sources=sources, page_of=page_of,
                  audit=audit, metadata=metadata, title=title)


def render(report: model.Report, frame: Frame_) -> bytes:
    """The report as PDF bytes (built in memory; nothing touches the disk)."""
    register_fonts()
    buffer = io.BytesIO()
    doc = _Doc(buffer, report)
    renderer = _Renderer(report, doc.width)
    story = renderer.flowables()
    canvasmaker = _canvas_class(frame)
    if report.contents:
        doc.multiBuild(story, canvasmaker=canvasmaker)
    else:
        doc.build(story, canvasmaker=canvasmaker)
    return buffer.getvalue()
