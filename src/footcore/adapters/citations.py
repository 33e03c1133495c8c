"""How people read a source: the short citation of each evidence row ("Rathleff et al. 2015
(grade S)"), the seed articles' titles, and the evidence summary every plan carries, from
data/evidence.toml, validated when loaded."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from footcore.adapters.datafiles import SEED_FILES, check_sources, read_toml, validate_data
from footcore.errors import DataFileError

NAME = "evidence.toml"
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


class _Loose(BaseModel):
    # The source rows carry more than this module reads (finding, section...).
    model_config = ConfigDict(extra="ignore", frozen=True)


class SourceIn(_Loose):
    citation: str
    grade: str
    short: str | None = None


class SeedIn(_Loose):
    title: str = Field(min_length=3)


class TrialIn(_Loose):
    source: str
    text: str = Field(min_length=20)


class LineIn(_Loose):
    text: str = Field(min_length=20)


class SummaryIn(_Loose):
    title: str
    sources: list[str] = Field(min_length=1)
    trial: list[TrialIn] = Field(min_length=2)
    bottom_line: LineIn


class EvidenceIn(_Loose):
    source: dict[str, SourceIn]
    seed: dict[str, SeedIn]
    plan_summary: SummaryIn


@dataclass(frozen=True, slots=True)
class Trial:
    source: str
    text: str


@dataclass(frozen=True, slots=True)
class EvidenceSummary:
    title: str
    trials: tuple[Trial, ...]
    bottom_line: str
    sources: tuple[str, ...]


def short_citation(citation: str, grade: str) -> str:
    """'Rathleff MS, et al. Scand J ... 2015;...' -> 'Rathleff et al. 2015 (grade S)'."""
    authors, _, rest = citation.partition(". ")
    names = [a.strip() for a in authors.split(",") if a.strip()]
    first = names[0].split()[0] if names else citation
    if "et al" in authors or len(names) > 2:
        who = f"{first} et al."
    elif len(names) == 2:
        who = f"{first} and {names[1].split()[0]}"
    else:
        who = first
    year = YEAR.search(rest or citation)
    return f"{who} {year.group(0)} (grade {grade})" if year else f"{who} (grade {grade})"


@cache
def _parsed() -> EvidenceIn:
    return validate_data(EvidenceIn, read_toml(NAME), NAME)


@cache
def citations() -> dict[str, str]:
    """Every source key ('evidence:...' and 'seed:...') with the words a person reads."""
    parsed = _parsed()
    out = {
        f"evidence:{key}": f"{row.short} (grade {row.grade})"
        if row.short
        else short_citation(row.citation, row.grade)
        for key, row in parsed.source.items()
    }
    for name in SEED_FILES:
        seed = parsed.seed.get(name)
        if seed is None:
            raise DataFileError(f'{NAME}: seed."{name}" has no title')
        out[f"seed:{name}"] = f"{seed.title} (article)"
    return out


@cache
def evidence_summary() -> EvidenceSummary:
    s = _parsed().plan_summary
    check_sources(s.sources, f"{NAME}: plan_summary")
    check_sources([t.source for t in s.trial], f"{NAME}: plan_summary.trial")
    return EvidenceSummary(
        s.title,
        tuple(Trial(t.source, t.text) for t in s.trial),
        s.bottom_line.text,
        tuple(s.sources),
    )
