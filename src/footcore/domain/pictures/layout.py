"""Where each step's panel and caption go on the page, shared by the SVG, PNG and PDF writers.

Panels sit two to a row (readable on a 390 px phone and on paper); every panel of one view in a
picture uses the same scale, so a movement reads as movement and not as a change of zoom.
Coordinates here are the page's: x right, y down, in page units.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from footcore.domain.pictures.model import Picture, Point, Scene, View
from footcore.domain.pictures.scene import draw_step

PANEL_W, PANEL_H, GAP = 320.0, 260.0, 16.0
CAPTION_FONT, CAPTION_LINE, CAPTION_CHARS, CAPTION_LINES = 19.0, 23.0, 30, 3
COLUMNS = 2


@dataclass(frozen=True)
class Panel:
    number: int
    x: float
    y: float
    scale: float
    origin: Point
    scene: Scene
    previous: Scene | None
    caption: tuple[str, ...]
    animate: bool

    def page(self, p: Point) -> Point:
        """A rig point (y up) on the page (y down)."""
        return (
            self.x + (p[0] - self.origin[0]) * self.scale,
            self.y + (self.origin[1] - p[1]) * self.scale,
        )


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    panels: tuple[Panel, ...]


def wrap(caption: str) -> tuple[str, ...]:
    lines = textwrap.wrap(caption, CAPTION_CHARS)
    if len(lines) > CAPTION_LINES:
        lines = [
            *lines[: CAPTION_LINES - 1],
            textwrap.shorten(" ".join(lines[CAPTION_LINES - 1 :]), CAPTION_CHARS),
        ]
    return tuple(lines)


def lay_out(picture: Picture) -> Layout:
    scenes = [draw_step(s, picture.muscles) for s in picture.steps]
    fits: dict[View, tuple[float, Point]] = {}
    for view in {s.view for s in picture.steps}:
        boxes = [
            sc.bounds() for sc, st in zip(scenes, picture.steps, strict=True) if st.view is view
        ]
        x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
        x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
        inner_w, inner_h = PANEL_W - 2 * GAP, PANEL_H - 2 * GAP
        scale = min(inner_w / max(x1 - x0, 1.0), inner_h / max(y1 - y0, 1.0))
        # Centre the drawing in the panel, keeping the floor where it falls.
        ox = (x0 + x1) / 2 - (PANEL_W / 2) / scale
        oy = (y0 + y1) / 2 + (PANEL_H / 2) / scale
        fits[view] = (scale, (ox, oy))
    caption_h = CAPTION_LINE * CAPTION_LINES + GAP
    columns = min(COLUMNS, len(scenes))
    panels = []
    for i, (scene, step) in enumerate(zip(scenes, picture.steps, strict=True)):
        row, col = divmod(i, columns)
        scale, origin = fits[step.view]
        prev = scenes[i - 1] if i and picture.steps[i - 1].view is step.view else None
        panels.append(
            Panel(
                number=i + 1,
                x=GAP + col * (PANEL_W + GAP),
                y=GAP + row * (PANEL_H + caption_h + GAP),
                scale=scale,
                origin=origin,
                scene=scene,
                previous=prev,
                caption=wrap(step.caption),
                animate=step.animate and prev is not None,
            )
        )
    rows = (len(panels) + columns - 1) // columns
    width = GAP + columns * (PANEL_W + GAP)
    height = GAP + rows * (PANEL_H + caption_h + GAP)
    return Layout(width, height, tuple(panels))
