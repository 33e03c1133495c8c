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


def contact_sheet_png(pictures: list[Picture], cell_px: int = 340) -> bytes:
    """All pictures in a PNG grid, each drawn `cell_px` wide under its name."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    from footcore.adapters.pictures.png import picture_png

    label_px, gap = 26, 12
    tiles = [Image.open(io.BytesIO(picture_png(p, width=cell_px))) for p in pictures]
    rows = [tiles[i : i + COLUMNS] for i in range(0, len(tiles), COLUMNS)]
    row_h = [max(t.height for t in row) + label_px + gap for row in rows]
    width = COLUMNS * (cell_px + gap) + gap
    sheet = Image.new("RGB", (width, sum(row_h) + gap), "#ffffff")
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(size=15)
    y = gap
    for r, row in enumerate(rows):
        for c, tile in enumerate(row):
            x = gap + c * (cell_px + gap)
            picture = pictures[r * COLUMNS + c]
            draw.text((x + 4, y + 4), picture.title[:44], fill="#1f2933", font=font)
            sheet.paste(tile, (x, y + label_px))
        y += row_h[r]
    buf = io.BytesIO()
    sheet.save(buf, format="PNG")
    return buf.getvalue()


def picture_file(picture: Picture, suffix: str) -> bytes:
    """One picture as the bytes of an .svg or .png file."""
    if suffix == "png":
        from footcore.adapters.pictures.png import picture_png

        return picture_png(picture)
    return picture_svg(picture).encode()


def sheet_file(pictures: list[Picture], suffix: str) -> bytes:
    """The contact sheet as the bytes of an .svg or .png file."""
    if suffix == "png":
        return contact_sheet_png(pictures)
    return contact_sheet_svg(pictures).encode()
