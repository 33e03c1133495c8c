"""The README documents every vocabulary word and the two commands that .ci/run relies on."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_validated_word_is_documented_in_the_readme() -> None:
    vocab = tomllib.loads((ROOT / "src/footcore/data/vocabulary.toml").read_text())
    for kind in (
        "equipment",
        "pain_areas",
        "injuries",
        "symptoms",
        "muscles",
        "categories",
        "qualities",
        "weekdays",
        "sexes",
    ):
        for word in vocab[kind]:
            assert f"`{word}`" in README, (kind, word)


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci/run").read_text()
    command = ci.strip().splitlines()[-1]
    assert command.startswith("python3 -m venv")
    assert f"```sh\n{command}\n```" in README
