"""The rooms depend one way: competentieprofiel knows no app above it, scans knows no
accounts and no netwerk. Read from the source, so a stray import fails here and not in review."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# room: the apps it must never import
VERBODEN = {
    "competentieprofiel": {"scans", "accounts", "netwerk"},
    "scans": {"accounts", "netwerk"},
    "netwerk": {"accounts"},
}


def _imports(bestand: Path) -> set[str]:
    boom = ast.parse(bestand.read_text(encoding="utf-8"))
    namen = set()
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Import):
            namen |= {alias.name.split(".")[0] for alias in knoop.names}
        elif isinstance(knoop, ast.ImportFrom) and knoop.level == 0 and knoop.module:
            namen.add(knoop.module.split(".")[0])
    return namen


@pytest.mark.parametrize("kamer", sorted(VERBODEN))
def test_a_room_never_imports_the_rooms_above_it(kamer):
    bestanden = [b for b in (ROOT / kamer).rglob("*.py") if "migrations" not in b.parts]
    assert len(bestanden) > 5
    for bestand in bestanden:
        fout = _imports(bestand) & VERBODEN[kamer]
        assert not fout, f"{bestand.relative_to(ROOT)} imports {fout}"


def test_the_check_sees_an_import(tmp_path):
    bestand = tmp_path / "x.py"
    bestand.write_text("from accounts.services import registreer\nimport scans.models\n")
    assert _imports(bestand) == {"accounts", "scans"}
