"""The domain imports nothing outside the standard library (and footcore's own domain/errors)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

DOMAIN = Path(__file__).resolve().parents[2] / "src" / "footcore" / "domain"
ALLOWED_INTERNAL = ("footcore.domain", "footcore.errors")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_domain_modules_import_only_the_standard_library() -> None:
    files = sorted(DOMAIN.rglob("*.py"))  # subpackages too (domain/pictures)
    assert len(files) >= 5
    offenders = []
    for path in files:
        for name in imported_modules(path):
            if name.startswith(ALLOWED_INTERNAL) or name == "__future__":
                continue
            if name.split(".")[0] not in sys.stdlib_module_names:
                offenders.append(f"{path.relative_to(DOMAIN)}: {name}")
    assert offenders == []


def test_the_purity_check_catches_a_third_party_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import sqlalchemy\nfrom pydantic import BaseModel\n")
    names = imported_modules(bad)
    assert {"sqlalchemy", "pydantic"} <= names
    assert all(n.split(".")[0] not in sys.stdlib_module_names for n in names)
