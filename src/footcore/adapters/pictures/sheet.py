"""The contact sheet: every picture in one SVG, to look over the whole set at once."""

from __future__ import annotations

from xml.sax.saxutils import escape

from footcore.adapters.pictures.svg import picture_svg
from footcore.domain.pictures import Picture, lay_out

COLUMNS = 4
CELL_W = 700.0
LABEL_H = 40.0


def contact_sheet_svg(pictures: list[Picture]) -> str:
    """All pictures in a grid, each under its name, with the same scale for every cell."""
    cells = []
    x = y = row_h = 0.0
    for i, picture in enumerate(pictures):
        layout = lay_out(picture)
        if i and i % COLUMNS == 0:
            x, y, row_h = 0.0, y + row_h, 0.0
        inner = picture_svg(picture, layout, prefix=f"sheet-{picture.id}")
        # Nested <svg> elements take their own position and keep their viewBox.
        placed = inner.replace(
            "<svg ",
            f'<svg x="{x:.0f}" y="{y + LABEL_H:.0f}" width="{layout.width:.0f}" '
            f'height="{layout.height:.0f}" ',
            1,
        )
        label = (
            f'<text x="{x + 16:.0f}" y="{y + 30:.0f}" font-size="24" font-weight="bold" '
            f'fill="#1f2933">{escape(picture.title)} ({picture.id})</text>'
        )
        cells.append(label + placed)
        x += CELL_W
        row_h = max(row_h, layout.height + LABEL_H)
    width = CELL_W * min(COLUMNS, len(pictures))
    height = y + row_h
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-labelledby="sheet-title" '
        'font-family="sans-serif"><title id="sheet-title">footcore: every exercise and test '
        f'picture ({len(pictures)})</title><rect width="100%" height="100%" fill="#ffffff"/>'
        + "".join(cells)
        + "</svg>"
    )
