"""Every XML read of the importers goes through here, so that no entity is ever expanded.

defusedxml refuses entity declarations (billion laughs, quadratic blowup) and external entities
or DTDs before any expansion happens; the refusal becomes a one-line FileInputError.
"""

from __future__ import annotations

import codecs
import re
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from footcore.errors import FileInputError

_DECLARED_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._\-]+)["']""")


def parse_xml(data: bytes | str, what: str) -> Element:
    """Parse XML with entity expansion and external references refused."""
    try:
        return fromstring(data)
    except DefusedXmlException as exc:
        raise FileInputError(
            f"refused: the {what} declares XML entities or external references "
            f"({type(exc).__name__}), which activity files never need (an entity-expansion attack?)"
        ) from None
    except ParseError as exc:
        raise FileInputError(
            f"the {what} is not well-formed XML, truncated or corrupt ({exc})"
        ) from None
    except ValueError as exc:
        raise FileInputError(f"the {what} cannot be read as XML ({exc})") from None


def xml_text(data: bytes, what: str) -> str:
    """Decode XML bytes the way the XML declaration (or a BOM) says, else as UTF-8."""
    encoding = "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        declared = _DECLARED_ENCODING.match(data.lstrip())
        if declared:
            encoding = declared.group(1).decode("ascii")
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError) as exc:
        raise FileInputError(f"the {what} is not valid {encoding} text ({exc})") from None


def local(tag: str) -> str:
    """An element's name without its namespace: files differ in namespace, not in names."""
    return tag.rsplit("}", 1)[-1]


def children(element: Element, name: str) -> list[Element]:
    return [child for child in element if local(child.tag) == name]


def child_text(element: Element, name: str) -> str | None:
    for child in element:
        if local(child.tag) == name:
            return (child.text or "").strip()
    return None
