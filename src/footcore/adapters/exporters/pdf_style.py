"""Fonts, paragraph styles and small building blocks shared by the pages of the printable plan.

The text font is DejaVu Sans, taken from matplotlib's own data folder: it covers every character
the knowledge files use (é, ±, –, →), where reportlab's built-in Helvetica covers Latin-1 only,
and it needs no system font package (the README's one set-up command installs everything).
This module imports reportlab at once; entrypoints import the PDF modules only when printing.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import matplotlib
from reportlab.lib.colors import HexColor
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, KeepInFrame, Paragraph, Table, TableStyle

from footcore.errors import InputError

FONT = "FootcoreSans"
FONT_BOLD = "FootcoreSans-Bold"
FONT_ITALIC = "FootcoreSans-Oblique"
PAPERS = {"a4": A4, "letter": LETTER}
MARGIN = 16 * 72 / 25.4  # 16 mm in points: inside every printer's unprintable edge
INK = HexColor("#1f2933")
MUTED = HexColor("#52606d")
RULE = HexColor("#cbd2d9")
SHADE = HexColor("#e4e7eb")


def page_size(paper: str) -> tuple[float, float]:
    if paper not in PAPERS:
        raise InputError(f"unknown paper '{paper}'; accepted: {', '.join(PAPERS)}", "paper")
    width, height = PAPERS[paper]
    return float(width), float(height)


@cache
def register_fonts() -> None:
    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    for name, file in (
        (FONT, "DejaVuSans.ttf"),
        (FONT_BOLD, "DejaVuSans-Bold.ttf"),
        (FONT_ITALIC, "DejaVuSans-Oblique.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT_ITALIC)
    addMapping(FONT, 1, 1, FONT_BOLD)


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=9.5, leading=12.5, textColor=INK, spaceAfter=3
    )
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0),
        "title": ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=22, leading=27, spaceAfter=6
        ),
        "h1": ParagraphStyle(
            "h1", parent=body, fontName=FONT_BOLD, fontSize=15, leading=19, spaceAfter=6
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=8,
            spaceAfter=3,
        ),
        "bullet": ParagraphStyle(
            "bullet", parent=body, leftIndent=12, bulletIndent=2, spaceAfter=1
        ),
    }


def para(text: str, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped: a name such as 'A & B' is text, not markup)."""
    return Paragraph(escape(text), styles()[style])


def labelled(label: str, text: str, style: str = "body") -> Paragraph:
    return Paragraph(f"<b>{escape(label)}</b> {escape(text)}", styles()[style])


def bullets(items: list[str]) -> list[Paragraph]:
    return [Paragraph(escape(i), styles()["bullet"], bulletText="•") for i in items]


class TickBox(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """An empty square to tick by hand."""

    def __init__(self, size: float = 10.0) -> None:
        super().__init__()
        self.size = size
        self.width = self.height = size

    def draw(self) -> None:
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(0.9)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)


def table(rows: list[list[Any]], widths: list[float], header: bool = True) -> Table:
    t = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands += [
            ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ]
    t.setStyle(TableStyle(commands))
    return t


def one_page(flowables: list[Any], frame: tuple[float, float]) -> KeepInFrame:
    """Content that always fits one page: shrunk to the frame when it would overflow it."""
    return KeepInFrame(frame[0], frame[1], flowables, mode="shrink")
