"""Every XML read of the importers goes through here, so that no entity is ever expanded.

defusedxml refuses entity declarations (billion laughs, quadratic blowup) and external entities
or DTDs before any expansion happens; the refusal becomes a one-line FileInputError.

defusedxml vets the prolog only, and the stdlib's C parser (or gpxpy, which uses it) then parses
the same bytes or text. This is as safe as a full defusedxml parse, because every way to expand
an entity needs a declaration, and declarations can only stand in the document type declaration,
which XML allows only in the prolog, before the root element's start tag: by the time the vetting
parser reaches that tag it has seen every declaration the document can make. After it, expat
rejects a DOCTYPE as a syntax error, treats a reference to an undeclared entity as an error, and
expands only the five predefined entities and character references (a bounded, one-to-one
replacement). A literal "<!ENTITY" anywhere is refused as well, as a second line. The split
matters for speed: defusedxml parses with ElementTree's pure-Python parser, which took as long
as the GPX parse itself on the samples (bench/bench_import.py measures it).
"""

from __future__ import annotations

import codecs
import re
from xml.etree.ElementTree import Element, ParseError, fromstring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from footcore.errors import FileInputError

_DECLARED_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._\-]+)["']""")
_VET_CHUNK = 16_384


class _RootTag:
    """A parser target that notes the first start tag and builds nothing."""

    def __init__(self) -> None:
        self.tag: str | None = None

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if self.tag is None:
            self.tag = tag

    def close(self) -> None:
        return None


def _refused(what: str, exc: DefusedXmlException | None) -> FileInputError:
    kind = type(exc).__name__ if exc is not None else "<!ENTITY"
    return FileInputError(
        f"refused: the {what} declares XML entities or external references "
        f"({kind}), which activity files never need (an entity-expansion attack?)"
    )


def _malformed(what: str, exc: ParseError) -> FileInputError:
    return FileInputError(f"the {what} is not well-formed XML, truncated or corrupt ({exc})")


def vet_xml(data: bytes | str, what: str) -> str:
    """The root element's local name, once defusedxml has read the prolog and found no entity
    declaration or external reference (see the module docstring for why the prolog suffices)."""
    declares = "<!ENTITY" in data if isinstance(data, str) else b"<!ENTITY" in data
    if declares:
        raise _refused(what, None)
    target = _RootTag()
    parser = DefusedXMLParser(target=target)
    try:
        for at in range(0, len(data), _VET_CHUNK):
            parser.feed(data[at : at + _VET_CHUNK])
            if target.tag is not None:
                return local(target.tag)
        parser.close()  # no element at all: expat says so
    except DefusedXmlException as exc:
        raise _refused(what, exc) from None
    except ParseError as exc:
        raise _malformed(what, exc) from None
    except ValueError as exc:
        raise FileInputError(f"the {what} cannot be read as XML ({exc})") from None
    raise FileInputError(f"the {what} holds no XML element")


def parse_xml(data: bytes | str, what: str) -> Element:
    """Parse XML with entity expansion and external references refused."""
    vet_xml(data, what)
    try:
        return fromstring(data)
    except ParseError as exc:
        raise _malformed(what, exc) from None
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
