"""PNG of a picture, drawn with Pillow from the same layout as the SVG (no SVG renderer needed).

Drawn at twice the size and scaled down, which smooths the edges Pillow does not antialias.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from footcore.adapters.pictures.svg import COLOURS
from footcore.domain.pictures import Layout, Picture, Role, lay_out
from footcore.domain.pictures.layout import (
    CAPTION_FONT,
    CAPTION_LINE,
    PANEL_H,
    PANEL_W,
    Panel,
)

SUPERSAMPLE = 2


def _draw_panel(
    d: ImageDraw.ImageDraw,
    panel: Panel,
    k: float,
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
) -> None:
    def at(p: tuple[float, float]) -> tuple[float, float]:
        x, y = panel.page(p)
        return (x * k, y * k)

    d.rounded_rectangle(
        (panel.x * k, panel.y * k, (panel.x + PANEL_W) * k, (panel.y + PANEL_H) * k),
        radius=12 * k,
        fill="#f4f6f8",
        outline="#d5dbe1",
        width=max(1, int(k)),
    )
    for s in panel.scene.shapes:
        stroke, fill = COLOURS[s.role]
        w = max(s.width * panel.scale * k, k)
        if s.radius:
            cx, cy = at(s.points[0])
            r = s.radius * panel.scale * k
            d.ellipse(
                (cx - r, cy - r, cx + r, cy + r),
                fill=None if fill == "none" else fill,
                outline=stroke,
                width=max(1, int(1.2 * k)),
            )
            continue
        pts = [at(p) for p in s.points]
        if s.closed:
            d.polygon(
                pts, fill=None if fill == "none" else fill, outline=stroke, width=max(1, int(w))
            )
            continue
        d.line(pts, fill=stroke, width=max(1, int(w)), joint="curve")
        if s.role is not Role.ARROW:
            # Round caps, as the SVG's stroke-linecap="round".
            for x, y in (pts[0], pts[-1]):
                d.ellipse((x - w / 2, y - w / 2, x + w / 2, y + w / 2), fill=stroke)
    cx, cy = (panel.x + 22) * k, (panel.y + 22) * k
    d.ellipse((cx - 14 * k, cy - 14 * k, cx + 14 * k, cy + 14 * k), fill="#34495e")
    d.text((cx, cy), str(panel.number), fill="#ffffff", font=font, anchor="mm")
    for i, line in enumerate(panel.caption):
        y = (panel.y + PANEL_H + CAPTION_LINE * (i + 1)) * k
        d.text(((panel.x + 4) * k, y), line, fill="#1f2933", font=font, anchor="ls")


def picture_png(picture: Picture, width: int | None = None, layout: Layout | None = None) -> bytes:
    """The picture as PNG bytes, `width` pixels wide (default: one pixel per layout unit)."""
    layout = layout or lay_out(picture)
    out_w = width or int(layout.width)
    k = out_w / layout.width * SUPERSAMPLE
    size = (int(layout.width * k), int(layout.height * k))
    img = Image.new("RGB", size, "#ffffff")
    d = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=CAPTION_FONT * k)
    for panel in layout.panels:
        _draw_panel(d, panel, k, font)
    img = img.resize((size[0] // SUPERSAMPLE, size[1] // SUPERSAMPLE), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()
