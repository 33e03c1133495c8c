"""Sources and evidence grades as people read them, in every output: the CLI, the web, calendars
and PDFs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = [
    "GRADE_WORDS",
    "cite",
    "cite_all",
    "evidence_summary_dict",
    "evidence_summary_lines",
]


# Plain words for the evidence grades, shown next to every norm (evidence.md: grades).
GRADE_WORDS = {
    "A": "read in the primary paper",
    "S": "secondary source",
    "R": "unconfirmed",
    "none": "no published norm: footcore's practice target",
}


# Sources as people read them ---------------------------------------------------------------------


def cite(source: str) -> str:
    """One source as a person reads it: "Rathleff et al. 2015 (grade S)" for `evidence:<key>`, the
    article's title for `seed:<file>`; never the key itself (JSON output keeps the keys)."""
    from footcore.adapters.citations import citations

    found = citations().get(source)
    if found is not None:
        return found
    # Only a broken data file gets here (every source is checked when loaded): still no key.
    return source.partition(":")[2].replace("_", " ").removesuffix(".txt") or source


def cite_all(sources: Iterable[str]) -> str:
    """Several sources as people read them, each once, separated by semicolons."""
    return "; ".join(dict.fromkeys(cite(s) for s in sources))


def evidence_summary_dict() -> dict[str, Any]:
    """The evidence summary every plan carries, for JSON: the text with the source keys."""
    from footcore.adapters.citations import evidence_summary

    e = evidence_summary()
    return {
        "title": e.title,
        "trials": [{"source": t.source, "text": t.text} for t in e.trials],
        "bottom_line": e.bottom_line,
        "sources": list(e.sources),
    }


def evidence_summary_lines(markdown: bool = False) -> list[str]:
    """The evidence summary as plain-text (or Markdown) lines, each trial with its citation."""
    from footcore.adapters.citations import evidence_summary

    e = evidence_summary()
    head, bullet = ("## ", "- ") if markdown else ("", "  ")
    lines = [f"{head}{e.title}"]
    lines += [f"{bullet}{cite(t.source)}: {t.text}" for t in e.trials]
    lines.append(f"{bullet}{e.bottom_line}")
    return lines
