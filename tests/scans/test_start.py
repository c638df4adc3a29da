"""Starting a scan: the person picks gebieden and options; the basis is always included."""

import re
from html.parser import HTMLParser

from django.urls import reverse
from django.utils import translation

from competentieprofiel.selectors import groepen_met_items
from scans.models import Scan
from scans.stappen import geschatte_minuten, geschatte_minuten_voor, stappenplan, woorden_in


def test_the_start_page_explains_the_network_and_shows_every_gebied(ingelogd, npuls):
    html = ingelogd.get(reverse("scans:nieuw")).content.decode()
    assert "niemand hoeft ze allemaal te beheersen" in html
    assert "Basiscompetenties" in html
    for groep in npuls.groepen.filter(soort="gebied"):
        assert groep.titel in html
        # A Dutch page needs no lang per text; the English one marks only fallbacks.
        assert f'<span class="rolnaam">{groep.rolnaam}</span>' in html
        assert groep.korte_beschrijving in html
    # The labels are off by default and come with the rapport's caveat.
    assert 'name="labels_aan"' in html
    assert not re.search(r'name="labels_aan"[^>]*checked', html)
    assert npuls.niveaus_toelichting in html


def test_the_estimate_follows_the_journey_model_by_hand():
    # 10 statements of 100 words in all on 2 step pages, a group description of 40 words,
    # then the leerdoelen: read 100 + 40 + 140 (once) + 3 pages x 10 + 200 = 510 words at
    # 230 a minute = 133.0 s; 10 choices and 2 wishes x 1.5 s = 18 s; 3 pages x 2.5 s =
    # 7.5 s; the leerdoel 60 s. 218.5 s is 3.6 minutes: 4, rounded up.
    assert geschatte_minuten(10, woorden=100, itemstappen=2, groepswoorden=40) == 4
    # Two label steps add their pages (5 s), 2 x (45 + 10) words (28.7 s) and two choices
    # (3 s): 255.2 s, 4.3 minutes: 5.
    assert geschatte_minuten(10, woorden=100, itemstappen=2, groepswoorden=40, labelstappen=2) == 5


def test_the_estimate_counts_the_words_the_person_reads(npuls):
    groepen = {g.groep.sleutel: g for g in groepen_met_items(npuls)}
    basis, coach = groepen["basis"], groepen["coach"]
    items = basis.items + coach.items
    woorden = sum(woorden_in(i.tekst) for i in items)
    uitleg = sum(woorden_in(g.groep.korte_beschrijving) for g in (basis, coach))
    assert (len(items), woorden, uitleg) == (40, 408, 80)
    # 408 + 80 + 140 + 7 x 10 + 200 = 898 words: 234.3 s; 40 + 8 choices: 72 s; 7 pages:
    # 17.5 s; 60 s: 383.8 s, 6.4 minutes: 7.
    assert geschatte_minuten_voor([basis, coach]) == 7
    with translation.override("en"):
        engels = sum(woorden_in(i.in_taal("tekst")) for i in items)
        engelse_uitleg = sum(
            woorden_in(g.groep.in_taal("korte_beschrijving")) for g in (basis, coach)
        )
        assert geschatte_minuten_voor([basis, coach]) == geschatte_minuten(
            40, woorden=engels, itemstappen=6, groepswoorden=engelse_uitleg
        )


def test_the_start_page_shows_the_estimate_per_gebied_with_the_basis(ingelogd, npuls):
    html = ingelogd.get(reverse("scans:nieuw")).content.decode()
    groepen = {g.groep.sleutel: g for g in groepen_met_items(npuls)}
    basis = groepen.pop("basis")
    assert f"ongeveer {geschatte_minuten_voor([basis])} minuten" in html
    for sleutel, g in groepen.items():
        minuten = geschatte_minuten_voor([basis, g])
        assert minuten <= 8, sleutel
        assert re.search(rf'id="tijd-{sleutel}">ongeveer {minuten} minuten<', html), sleutel


class _Tekst(HTMLParser):
    """The text of <main> a reader sees: not inside a closed <details> (its summary
    excepted), not in <script> or <style>."""

    def __init__(self):
        super().__init__()
        self.in_main = False
        self.verborgen: list[str] = []
        self.summary = False
        self.delen: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.in_main = True
        elif tag in ("details", "script", "style"):
            self.verborgen.append(tag)
        elif tag == "summary":
            self.summary = True

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False
        elif self.verborgen and self.verborgen[-1] == tag:
            self.verborgen.pop()
        elif tag == "summary":
            self.summary = False

    def handle_data(self, data):
        if self.in_main and (
            not self.verborgen or (self.summary and self.verborgen == ["details"])
        ):
            self.delen.append(data)


def _zichtbare_woorden(html: str) -> int:
    lezer = _Tekst()
    lezer.feed(html)
    return woorden_in(" ".join(lezer.delen))


# The start page takes about a minute (issue 11): at most 150 visible words, which the
# journey model reads in 39 s. It was 624 words (about 167 s) before.
START_WOORDEN = 150


def test_the_start_page_is_compact_the_long_texts_wait_behind_details(ingelogd, npuls):
    html = ingelogd.get(reverse("scans:nieuw")).content.decode()
    assert _zichtbare_woorden(html) <= START_WOORDEN
    # The long texts are still there, one tap away.
    basis = npuls.groepen.get(sleutel="basis")
    assert "<details" in html and basis.korte_beschrijving in html
    assert "Voor de kop van je rapport, alleen als je dat wilt" in html
    assert reverse("profiel_sleutel", args=[npuls.profiel.sleutel]) in html


def test_in_english_the_start_page_is_as_compact(client, gebruiker, npuls, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(gebruiker)
    html = client.get(reverse("scans:nieuw")).content.decode()
    assert '<html lang="en">' in html
    # The translation notice is said once, plainly; it comes on top of the limit.
    notice = npuls.vertaling("en")["toelichting"]
    assert _zichtbare_woorden(html) <= START_WOORDEN + woorden_in(notice) + 2


def test_every_gebied_is_one_big_label_around_its_checkbox(ingelogd, npuls):
    html = ingelogd.get(reverse("scans:nieuw")).content.decode()
    for groep in npuls.groepen.filter(soort="gebied"):
        kaart = re.search(
            r'<label class="keuzekaart keuzekaart--kies" for="(?P<id>[^"]+)">(?P<binnen>.*?)</label>',
            html[html.index(f'value="{groep.pk}"') - 400 :],
            re.S,
        )
        assert kaart, groep.sleutel
        binnen = kaart["binnen"]
        # The checkbox, the role name, the title (the one line) and the time: all inside;
        # the longer texts wait under "Meer over de gebieden".
        assert f'value="{groep.pk}" id="{kaart["id"]}"' in binnen
        assert f'<span class="rolnaam">{groep.rolnaam}</span>' in binnen
        assert groep.titel in binnen and groep.kernzin not in binnen
        assert f'id="tijd-{groep.sleutel}"' in binnen
        # Its name is the role and title; the time describes it.
        assert f'aria-labelledby="kop-{groep.sleutel}"' in binnen
        assert f'aria-describedby="tijd-{groep.sleutel}"' in binnen


def test_choosing_gebieden_starts_a_scan_on_the_current_version(ingelogd, npuls, gebruiker):
    coach = npuls.groepen.get(sleutel="coach")
    adviseur = npuls.groepen.get(sleutel="adviseur")
    response = ingelogd.post(
        reverse("scans:nieuw"),
        {"gebieden": [coach.pk, adviseur.pk], "functie": "ICTO-coach", "sector": "wo"},
    )
    scan = Scan.objects.get(eigenaar=gebruiker)
    assert response["Location"] == reverse("scans:hervat", kwargs={"scan_id": scan.pk})
    assert scan.versie == npuls
    assert not scan.labels_aan
    assert (scan.functie, scan.sector) == ("ICTO-coach", "wo")
    assert [sg.groep.sleutel for sg in scan.scangroepen.all()] == ["basis", "adviseur", "coach"]


def test_no_gebied_at_all_is_fine_the_basis_is_always_there(ingelogd, npuls, gebruiker):
    ingelogd.post(reverse("scans:nieuw"), {})
    scan = Scan.objects.get(eigenaar=gebruiker)
    assert [s.sleutel for s in stappenplan(scan)][:3] == [
        "basis.kennis",
        "basis.vaardigheden",
        "basis.attitude",
    ]


def test_a_group_from_elsewhere_is_refused_with_a_message(ingelogd, npuls, gebruiker):
    basis = npuls.groepen.get(sleutel="basis")
    response = ingelogd.post(reverse("scans:nieuw"), {"gebieden": [basis.pk, 999999]})
    assert response.status_code == 200
    assert "Er is iets dat je nog even moet bekijken" in response.content.decode()
    assert not Scan.objects.exists()


def test_a_scan_keeps_its_version_when_a_new_version_is_loaded(scan, npuls_data, tmp_path):
    from competentieprofiel.laden import schrijf_profiel

    nieuw = dict(npuls_data, titel="Een nieuwe titel")
    schrijf_profiel(nieuw)
    scan.refresh_from_db()
    assert scan.versie.nummer == 1
    assert scan.versie.titel != "Een nieuwe titel"


def test_with_two_gebieden_the_first_step_gives_their_time_by_the_same_model(
    ingelogd, npuls, gebruiker
):
    # The start page gives the time per gebied (with the basis); chosen two, the first step
    # adds them up by the same model.
    groepen = {g.groep.sleutel: g for g in groepen_met_items(npuls)}
    minuten = geschatte_minuten_voor([groepen["basis"], groepen["coach"], groepen["innovator"]])
    gekozen = [groepen["coach"].groep.pk, groepen["innovator"].groep.pk]
    ingelogd.post(reverse("scans:nieuw"), {"gebieden": gekozen})
    scan = Scan.objects.get(eigenaar=gebruiker)
    url = reverse("scans:stap", kwargs={"scan_id": scan.pk, "stap": "basis.kennis"})
    assert f"dat kost ongeveer {minuten} minuten" in ingelogd.get(url).content.decode()
