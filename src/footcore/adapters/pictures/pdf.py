"""A picture as a reportlab Drawing (vector, for the printable plan's exercise cards), from the
same layout as the SVG."""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Group, Polygon, PolyLine, Rect, String
from reportlab.lib.colors import Color, HexColor

from footcore.adapters.pictures.svg import COLOURS
from footcore.domain.pictures import Picture, lay_out
from footcore.domain.pictures.layout import CAPTION_FONT, CAPTION_LINE, PANEL_H, PANEL_W


def _colour(value: str) -> Color | None:
    return None if value == "none" else HexColor(value)


def picture_drawing(
    picture: Picture, max_width: float, max_height: float, font: str = "Helvetica"
) -> Drawing:
    """The picture scaled to fit max_width x max_height points, captions included."""
    layout = lay_out(picture)
    scale = min(max_width / layout.width, max_height / layout.height)
    h = layout.height
    d = Drawing(layout.width * scale, layout.height * scale)

    def flip(p: tuple[float, float]) -> tuple[float, float]:
        return (p[0], h - p[1])

    group: list[object] = []
    for panel in layout.panels:
        group.append(
            Rect(
                panel.x,
                h - panel.y - PANEL_H,
                PANEL_W,
                PANEL_H,
                rx=12,
                ry=12,
                fillColor=HexColor("#f4f6f8"),
                strokeColor=HexColor("#d5dbe1"),
                strokeWidth=1,
            )
        )
        for s in panel.scene.shapes:
            stroke, fill = COLOURS[s.role]
            w = max(s.width * panel.scale, 0.8)
            pts = [flip(panel.page(p)) for p in s.points]
            if s.radius:
                group.append(
                    Circle(
                        pts[0][0],
                        pts[0][1],
                        s.radius * panel.scale,
                        fillColor=_colour(fill),
                        strokeColor=HexColor(stroke),
                        strokeWidth=max(1.2, w),
                    )
                )
                continue
            flat = [c for p in pts for c in p]
            kwargs = dict(
                strokeColor=HexColor(stroke), strokeWidth=w, strokeLineCap=1, strokeLineJoin=1
            )
            if s.closed:
                group.append(Polygon(flat, fillColor=_colour(fill), **kwargs))
            else:
                group.append(
                    PolyLine(flat, strokeDashArray=[w * 1.2, w] if s.dashed else None, **kwargs)
                )
        cx, cy = panel.x + 22, h - panel.y - 22
        group.append(Circle(cx, cy, 14, fillColor=HexColor("#34495e"), strokeColor=None))
        group.append(
            String(
                cx,
                cy - 6,
                str(panel.number),
                fontName=font,
                fontSize=17,
                fillColor=HexColor("#ffffff"),
                textAnchor="middle",
            )
        )
        for i, line in enumerate(panel.caption):
            y = h - (panel.y + PANEL_H + CAPTION_LINE * (i + 1))
            group.append(
                String(
                    panel.x + 4,
                    y,
                    line,
                    fontName=font,
                    fontSize=CAPTION_FONT,
                    fillColor=HexColor("#1f2933"),
                )
            )
    g = Group(*group)
    g.scale(scale, scale)
    d.add(g)
    return d
