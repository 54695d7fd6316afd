"""A statistics chart's value ticks and bar labels use the report language's number separators."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest
from reportlab.graphics import renderPDF

from monitor.core.reports import model, pdf


def _chart_text(lang: str, values: list[float]) -> str:
    pdf.register_fonts()
    report = model.Report(kind="stats", lang=lang, level="aggregate", title="t", code="c", marking="m")
    renderer = pdf._Renderer(report, 400)  # noqa: SLF001 - the chart as the report draws it
    drawing = renderer.chart(model.BarChart(["2019", "2020", "2021"], [("Жалобы", values)]))[0]._content[0]
    out = io.BytesIO()
    renderPDF.drawToFile(drawing, out)
    page = pdfium.PdfDocument(out.getvalue())[0]
    return page.get_textpage().get_text_range()


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_thousands_are_grouped_with_the_languages_space(lang):
    text = _chart_text(lang, [1200.0, 2350.0, 1800.0])
    assert "2\u00a0350" in text or "2 350" in text, text
    assert "2,350" not in text and "2350" not in text


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_fractional_ticks_use_a_decimal_comma(lang):
    text = _chart_text(lang, [1.0, 3.0, 2.0])  # small counts: reportlab puts ticks at halves
    assert "0,5" in text or "1,5" in text or "2,5" in text, text
    assert "0.5" not in text and "1.5" not in text and "2.5" not in text


def test_english_keeps_its_comma_and_point():
    assert "2,350" in _chart_text("en", [1200.0, 2350.0, 1800.0])
