"""SVG of a picture: one panel per step with its caption, a title and description for screen
readers, gentle SMIL motion from the previous step where the step moves, and no scripts, styles
or external references (so it works inline and as an image under the app's Content-Security-Policy:
colours are presentation attributes, not `style`)."""

from __future__ import annotations

from xml.sax.saxutils import escape

from footcore.domain.pictures import Layout, Panel, Picture, Role, Shape, lay_out

LICENCE_URL = "http://creativecommons.org/publicdomain/zero/1.0/"
LICENCE = "Drawn by footcore; dedicated to the public domain under CC0 1.0"
# (stroke, fill) per role; the muscles' orange and the arrows' blue stay apart for colour-blind
# readers because they also differ in shape (bands along a limb versus arrowheads).
COLOURS: dict[Role, tuple[str, str]] = {
    Role.GROUND: ("#6b6b6b", "none"),
    Role.PROP: ("#7a5a2b", "#e9dcc3"),
    Role.PROP_SOFT: ("#4b7ea8", "#d4e6f4"),
    Role.FAR: ("#a9b4c0", "#a9b4c0"),
    Role.BODY: ("#34495e", "#34495e"),
    Role.OUTLINE: ("#34495e", "#5d7186"),
    Role.MUSCLE: ("#e8590c", "none"),
    Role.ARROW: ("#1864ab", "#1864ab"),
}
MOTION_S = 3.2


def _pts(points: tuple[tuple[float, float], ...], panel: Panel) -> str:
    out = []
    for p in points:
        x, y = panel.page(p)
        out.append(f"{x:.1f},{y:.1f}")
    return " ".join(out)


def _motion(attr: str, before: str, after: str) -> str:
    # The step's own pose first and longest (a still frame, a print or a screenshot shows it),
    # then back to the previous step's pose and into this one again: the movement, looped.
    return (
        f'<animate attributeName="{attr}" values="{after};{after};{before};{before};{after}" '
        f'keyTimes="0;0.4;0.55;0.65;1" dur="{MOTION_S}s" repeatCount="indefinite"/>'
    )


def _shape(s: Shape, panel: Panel, before: Shape | None) -> str:
    stroke, fill = COLOURS[s.role]
    w = max(s.width * panel.scale, 0.8)
    dash = f' stroke-dasharray="{w * 1.2:.1f} {w:.1f}"' if s.dashed else ""
    if s.radius:
        x, y = panel.page(s.points[0])
        r = s.radius * panel.scale
        anim = ""
        if before is not None and before.radius:
            bx, by = panel.page(before.points[0])
            anim = _motion("cx", f"{bx:.1f}", f"{x:.1f}") + _motion("cy", f"{by:.1f}", f"{y:.1f}")
        return (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{fill}" stroke="{stroke}" '
            f'stroke-width="{max(1.2, w):.1f}">{anim}</circle>'
        )
    pts = _pts(s.points, panel)
    anim = ""
    if before is not None and len(before.points) == len(s.points) and not before.radius:
        anim = _motion("points", _pts(before.points, panel), pts)
    tag = "polygon" if s.closed else "polyline"
    filled = fill if s.closed else "none"
    return (
        f'<{tag} points="{pts}" fill="{filled}" stroke="{stroke}" stroke-width="{w:.1f}" '
        f'stroke-linecap="round" stroke-linejoin="round"{dash}>{anim}</{tag}>'
    )


def _panel(panel: Panel, total: int, prefix: str) -> str:
    from footcore.domain.pictures.layout import CAPTION_FONT, CAPTION_LINE, PANEL_H, PANEL_W

    before = {s.key: s for s in panel.previous.shapes} if panel.previous and panel.animate else {}
    caption = " ".join(panel.caption)
    parts = [
        f'<g id="{prefix}-step{panel.number}" role="img" '
        f'aria-labelledby="{prefix}-s{panel.number}">',
        f'<title id="{prefix}-s{panel.number}">Step {panel.number} of {total}</title>',
        f"<desc>{escape(caption)}</desc>",
        f'<rect x="{panel.x:.1f}" y="{panel.y:.1f}" width="{PANEL_W:.0f}" height="{PANEL_H:.0f}" '
        'rx="12" fill="#f4f6f8" stroke="#d5dbe1"/>',
    ]
    parts += [_shape(s, panel, before.get(s.key)) for s in panel.scene.shapes]
    cx, cy = panel.x + 22, panel.y + 22
    parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="14" fill="#34495e"/>')
    parts.append(
        f'<text x="{cx:.1f}" y="{cy + 6:.1f}" text-anchor="middle" font-size="17" '
        f'font-weight="bold" fill="#ffffff">{panel.number}</text>'
    )
    for i, line in enumerate(panel.caption):
        y = panel.y + PANEL_H + CAPTION_LINE * (i + 1)
        parts.append(
            f'<text x="{panel.x + 4:.1f}" y="{y:.1f}" font-size="{CAPTION_FONT:.0f}" '
            f'fill="#1f2933">{escape(line)}</text>'
        )
    parts.append("</g>")
    return "".join(parts)


def _metadata(title: str) -> str:
    return (
        '<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<cc:Work rdf:about=""><dc:title>{escape(title)}</dc:title>'
        "<dc:creator><cc:Agent><dc:title>footcore</dc:title></cc:Agent></dc:creator>"
        f'<dc:rights>{LICENCE}</dc:rights><cc:license rdf:resource="{LICENCE_URL}"/>'
        "</cc:Work></rdf:RDF></metadata>"
    )


def picture_svg(picture: Picture, layout: Layout | None = None, prefix: str | None = None) -> str:
    """The picture as one SVG document (also valid inline in HTML)."""
    layout = layout or lay_out(picture)
    pid = prefix or f"pic-{picture.id}"
    n = len(layout.panels)
    steps = " ".join(f"Step {p.number}: {' '.join(p.caption)}" for p in layout.panels)
    desc = (
        f"{n} step{'s' if n != 1 else ''}. {steps} "
        "Highlighted in orange: the working muscles; blue arrows: the movement."
    )
    head = (
        '<svg xmlns="http://www.w3.org/2000/svg" class="picture" '
        f'viewBox="0 0 {layout.width:.0f} {layout.height:.0f}" role="img" '
        f'aria-labelledby="{pid}-title {pid}-desc" font-family="sans-serif">'
        f'<title id="{pid}-title">{escape(picture.title)}</title>'
        f'<desc id="{pid}-desc">{escape(desc)}</desc>'
    )
    body = "".join(_panel(p, n, pid) for p in layout.panels)
    # A white ground of its own, so the captions stay readable on a dark page or viewer.
    ground = f'<rect width="{layout.width:.0f}" height="{layout.height:.0f}" fill="#ffffff"/>'
    return head + _metadata(picture.title) + ground + body + "</svg>"


def step_svgs(picture: Picture, prefix: str | None = None) -> list[str]:
    """One SVG per step, cut from the picture's layout (so each keeps its motion from the step
    before): a page sets them in a grid that reflows, one column on a phone, where the whole
    picture's two columns would shrink the captions below reading size."""
    from footcore.domain.pictures.layout import CAPTION_LINE, CAPTION_LINES, GAP, PANEL_H, PANEL_W

    layout = lay_out(picture)
    pid = prefix or f"pic-{picture.id}"
    n = len(layout.panels)
    out = []
    for p in layout.panels:
        h = PANEL_H + CAPTION_LINE * CAPTION_LINES + GAP / 2
        sid = f"{pid}-{p.number}"
        out.append(
            '<svg xmlns="http://www.w3.org/2000/svg" class="picture-step" '
            f'viewBox="{p.x - 2:.0f} {p.y - 2:.0f} {PANEL_W + 4:.0f} {h:.0f}" role="img" '
            f'aria-labelledby="{sid}-title {sid}-desc" font-family="sans-serif">'
            f'<title id="{sid}-title">{escape(picture.title)}: step {p.number} of {n}</title>'
            f'<desc id="{sid}-desc">{escape(" ".join(p.caption))}</desc>'
            + _metadata(picture.title)
            + f'<rect x="{p.x - 2:.0f}" y="{p.y - 2:.0f}" width="{PANEL_W + 4:.0f}" '
            f'height="{h:.0f}" fill="#ffffff"/>' + _panel(p, n, sid) + "</svg>"
        )
    return out
