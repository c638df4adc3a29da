"""Loading a profile: validate everything first, write once, new content is a new version."""

import pytest
from django.core.management import call_command

from competentieprofiel.laden import ProfielFout, lees_profielbestand, schrijf_profiel
from competentieprofiel.models import Groep, Item, Profiel, ProfielVersie
from tests.conftest import HAN, NPULS


def _rijen():
    return (Profiel.objects.count(), ProfielVersie.objects.count(), Item.objects.count())


def test_it_loads_the_npuls_profile_with_all_items_in_their_group_and_category(db):
    call_command("laad_profiel", str(NPULS))
    versie = ProfielVersie.objects.get(profiel__sleutel="npuls-docentondersteuning")
    assert versie.nummer == 1
    assert versie.items.count() == 127
    item = Item.objects.get(versie=versie, sleutel="adviseur.vaardigheden.03")
    assert item.groep.sleutel == "adviseur"
    assert item.categorie.sleutel == "vaardigheden"
    assert Groep.objects.get(versie=versie, sleutel="bruggenbouwer").rolnaam == "bruggenbouwer"
    assert [o.sleutel for o in versie.schaalopties.all()][-1] == "nvt"


def test_a_group_may_have_a_one_line_kernzin_for_the_start_page(db, tmp_path):
    call_command("laad_profiel", str(NPULS))
    coach = Groep.objects.get(sleutel="coach")
    assert coach.kernzin == "Docenten en teams begeleiden in hun professionele groei."
    # Optional: a profile without kernzinnen loads, its groups have none.
    zonder = tmp_path / "zonder.yaml"
    zonder.write_text(
        "\n".join(
            r for r in NPULS.read_text("utf-8").splitlines() if not r.strip().startswith("kernzin:")
        ).replace("npuls-docentondersteuning", "zonder-kernzin", 1),
        "utf-8",
    )
    call_command("laad_profiel", str(zonder))
    assert not Groep.objects.filter(versie__profiel__sleutel="zonder-kernzin").exclude(kernzin="")


def test_loading_the_same_file_twice_changes_nothing_and_says_so(db, capsys):
    call_command("laad_profiel", str(NPULS))
    voor = _rijen()
    call_command("laad_profiel", str(NPULS))
    assert _rijen() == voor
    assert "ongewijzigd" in capsys.readouterr().out


def test_changed_content_becomes_a_new_version_and_keeps_the_old_wording(db, tmp_path):
    call_command("laad_profiel", str(NPULS))
    oud = Item.objects.get(sleutel="basis.kennis.01")
    gewijzigd = tmp_path / "npuls.yaml"
    gewijzigd.write_text(
        NPULS.read_text("utf-8").replace(oud.tekst[:40], "Heeft een eigen, nieuwe formulering en"),
        "utf-8",
    )
    call_command("laad_profiel", str(gewijzigd))

    versies = ProfielVersie.objects.filter(profiel__sleutel="npuls-docentondersteuning")
    assert [v.nummer for v in versies.order_by("nummer")] == [1, 2]
    oud.refresh_from_db()
    assert oud.versie.nummer == 1
    assert not oud.tekst.startswith("Heeft een eigen")
    nieuw = Item.objects.get(sleutel="basis.kennis.01", versie__nummer=2)
    assert nieuw.tekst.startswith("Heeft een eigen, nieuwe formulering en")


def test_check_validates_without_writing(db, capsys):
    call_command("laad_profiel", str(NPULS), "--check")
    assert _rijen() == (0, 0, 0)
    assert "in orde" in capsys.readouterr().out


def test_both_shipped_profiles_load_side_by_side(db):
    call_command("laad_profiel", str(NPULS), str(HAN))
    assert set(Profiel.objects.values_list("sleutel", flat=True)) == {
        "npuls-docentondersteuning",
        "han-ixperium-ict-onderwijsondersteuners",
    }


def test_a_loaded_version_gets_the_profile_metadata(db, npuls_data):
    resultaat = schrijf_profiel(npuls_data, bronbestand="npuls.yaml")
    versie = ProfielVersie.objects.get(nummer=resultaat.versie)
    assert versie.titel.startswith("Competentieprofiel voor netwerk docentondersteuning")
    assert versie.uitgever == "Npuls"
    assert len(versie.inhoud_hash) == 64
    assert versie.niveaus.count() == 3


# --- broken files -----------------------------------------------------------------------


def _schrijf(tmp_path, inhoud, naam="kapot.yaml"):
    pad = tmp_path / naam
    pad.write_bytes(inhoud if isinstance(inhoud, bytes) else inhoud.encode("utf-8"))
    return pad


def _weiger(pad) -> list[str]:
    with pytest.raises(ProfielFout) as fout:
        lees_profielbestand(pad)
    for probleem in fout.value.problemen:
        assert probleem.startswith(str(pad)), probleem
    return fout.value.problemen


def test_a_yaml_syntax_error_is_reported_with_file_and_line(tmp_path):
    tekst = NPULS.read_text("utf-8").splitlines()
    regel = next(i for i, r in enumerate(tekst) if r.startswith("titel:"))
    tekst[regel] = "titel: [niet gesloten"
    problemen = _weiger(_schrijf(tmp_path, "\n".join(tekst)))
    assert len(problemen) == 1
    assert "YAML-syntaxfout" in problemen[0]
    assert ", regel " in problemen[0]


def test_an_empty_item_text_names_its_line(tmp_path):
    tekst = NPULS.read_text("utf-8").splitlines()
    regel = next(i for i, r in enumerate(tekst) if "sleutel: coach.kennis.02" in r)
    inspringing = tekst[regel + 1].split("tekst:")[0]
    einde = regel + 2
    while tekst[einde].startswith(inspringing + " "):  # a folded text goes on below
        einde += 1
    tekst[regel + 1 : einde] = [inspringing + 'tekst: ""']
    problemen = _weiger(_schrijf(tmp_path, "\n".join(tekst)))
    assert problemen == [
        f"{tmp_path / 'kapot.yaml'}, regel {regel + 2}: groepen 'coach' > onderdelen 'kennis' > "
        "items 'coach.kennis.02' > tekst: de tekst is leeg"
    ]


def test_every_problem_is_reported_at_once(tmp_path):
    inhoud = """\
formaat: 1
sleutel: Niet Goed
titel: Een profiel
uitgever: 12
bron: ergens
categorieen:
  - sleutel: kennis
    titel: Kennis
schaal:
  vraag: Hoe?
  opties: []
groepen:
  - sleutel: basis
    soort: anders
    titel: Basis
    korte_beschrijving: Kort.
    onderdelen:
      - categorie: onbekend
        items:
          - sleutel: a.1
            tekst: Een
          - sleutel: a.1
            tekst: [geen, tekst]
    kleur: rood
"""
    problemen = _weiger(_schrijf(tmp_path, inhoud))
    tekst = "\n".join(problemen)
    assert "'Niet Goed' is geen geldige sleutel" in tekst
    assert "schaal > opties: de lijst is leeg" in tekst
    assert "soort 'anders' bestaat niet" in tekst
    assert "categorie 'onbekend' staat niet in 'categorieen'" in tekst
    assert "hier hoort een tekst, niet een lijst" in tekst
    assert "onbekend veld 'kleur'" in tekst
    assert "regel 2:" in tekst and "regel 24:" in tekst


def test_a_wrong_type_is_refused(tmp_path):
    inhoud = NPULS.read_text("utf-8").replace("formaat: 1", "formaat: een", 1)
    problemen = _weiger(_schrijf(tmp_path, inhoud))
    assert any("formaat: hier hoort een geheel getal, niet 'een'" in p for p in problemen)


def test_non_utf8_bytes_are_refused_with_their_line(tmp_path):
    inhoud = NPULS.read_bytes().replace(
        b"Basiscompetenties", "Basiscompetenti\xe9s".encode("latin-1"), 1
    )
    problemen = _weiger(_schrijf(tmp_path, inhoud))
    assert len(problemen) == 1
    assert "geen geldige UTF-8" in problemen[0]
    assert ", regel " in problemen[0]


def test_a_duplicate_key_in_a_mapping_is_refused(tmp_path):
    inhoud = NPULS.read_text("utf-8").replace(
        "uitgever: Npuls", "uitgever: Npuls\nuitgever: Ander", 1
    )
    problemen = _weiger(_schrijf(tmp_path, inhoud))
    assert any("'uitgever' staat hier voor de tweede keer" in p for p in problemen)


def test_an_empty_file_is_refused(tmp_path):
    assert _weiger(_schrijf(tmp_path, "")) == [f"{tmp_path / 'kapot.yaml'}: het bestand is leeg"]


def test_a_missing_file_is_refused(tmp_path):
    assert _weiger(tmp_path / "bestaat-niet.yaml") == [
        f"{tmp_path / 'bestaat-niet.yaml'}: dit bestand bestaat niet"
    ]


@pytest.mark.parametrize(
    "vervanging",
    [
        ("titel: Kennis", "titel: [Kennis"),  # syntax
        ("sleutel: basis.kennis.03", "sleutel: basis.kennis.01"),  # duplicate item key
        ("formaat: 1", "formaat: 99"),  # unknown format
    ],
)
def test_the_command_refuses_a_broken_file_without_traceback_and_leaves_the_database(
    db, tmp_path, capsys, vervanging
):
    call_command("laad_profiel", str(NPULS))
    voor = _rijen()
    pad = _schrijf(tmp_path, NPULS.read_text("utf-8").replace(*vervanging, 1))
    with pytest.raises(SystemExit) as exit_:
        call_command("laad_profiel", str(pad))
    assert exit_.value.code == 1
    fout = capsys.readouterr().err
    assert f"{pad}: niet geladen" in fout
    assert "Traceback" not in fout
    assert _rijen() == voor
