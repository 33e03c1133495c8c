"""Pictures of exercises and tests: posable rigs of the body and the foot, drawn as shapes.

model (values) <- body, foot (rigs) <- anatomy, props <- scene (one step) <- layout (the page).
"""

from footcore.domain.pictures.layout import Layout, Panel, lay_out
from footcore.domain.pictures.model import Arrow, JointRange, Picture, Role, Shape, Step, View

__all__ = [
    "Arrow",
    "JointRange",
    "Layout",
    "Panel",
    "Picture",
    "Role",
    "Shape",
    "Step",
    "View",
    "lay_out",
]
