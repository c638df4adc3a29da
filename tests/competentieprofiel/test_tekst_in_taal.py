"""A profile text in the page's language: the translation where there is one, else the
source text, always knowing its language; shown with lang where it falls back."""

from django.template import Context, Template
from django.utils import translation

from competentieprofiel.models import Groep, Item
from competentieprofiel.taal import ProfielTekst, in_een_taal


def _groep(**vertaald) -> Groep:
    return Groep(
        sleutel="bruggenbouwer",
        titel="Verbinden over grenzen heen",
        rolnaam="bruggenbouwer",
        korte_beschrijving="Kort.\n\nTweede alinea.",
        gespreksvragen=["Met wie werk je samen?"],
        taal="nl",
        vertalingen={"en": vertaald} if vertaald else {},
    )


def _toon(sjabloon: str, **context) -> str:
    return Template("{% load profieltaal %}" + sjabloon).render(Context(context))


def test_it_gives_the_translation_in_the_active_language_and_says_which_language():
    groep = _groep(titel="Connecting across boundaries")
    with translation.override("en"):
        titel = groep.in_taal("titel")
    assert titel == "Connecting across boundaries" and titel.taal == "en"
    with translation.override("nl"):
        assert groep.in_taal("titel").taal == "nl"
    assert groep.in_taal("titel", "nl") == "Verbinden over grenzen heen"


def test_without_a_translation_it_falls_back_to_the_source_language():
    tekst = _groep().in_taal("titel", "en")
    assert isinstance(tekst, ProfielTekst)
    assert (tekst, tekst.taal) == ("Verbinden over grenzen heen", "nl")


def test_lists_come_back_as_texts_that_know_their_language():
    vragen = _groep(gespreksvragen=["Who do you work with?"]).in_taal("gespreksvragen", "en")
    assert [(v, v.taal) for v in vragen] == [("Who do you work with?", "en")]
    assert [v.taal for v in _groep().in_taal("gespreksvragen", "en")] == ["nl"]


def test_texts_shown_together_never_mix_languages():
    half = _groep(titel="Connecting across boundaries")  # role name not translated
    titel, rolnaam = in_een_taal("en", (half, "titel"), (half, "rolnaam"))
    assert (titel, rolnaam) == ("Verbinden over grenzen heen", "bruggenbouwer")
    assert {titel.taal, rolnaam.taal} == {"nl"}
    heel = _groep(titel="Connecting across boundaries", rolnaam="bridge builder (bruggenbouwer)")
    with translation.override("en"):
        assert (
            heel.volledige_titel == "Connecting across boundaries; bridge builder (bruggenbouwer)"
        )
        assert half.volledige_titel.taal == "nl"


def test_an_empty_source_text_needs_no_translation_to_stay_in_one_language():
    item = Item(
        sleutel="a.b.01",
        tekst="Kent het vak.",
        taal="nl",
        vertalingen={"en": {"tekst": "Knows the trade."}},
    )
    groep = _groep(titel="Core")
    groep.rolnaam = ""
    titel, rolnaam, tekst = in_een_taal("en", (groep, "titel"), (groep, "rolnaam"), (item, "tekst"))
    assert (titel.taal, tekst.taal) == ("en", "en")


def test_the_filter_marks_a_fallback_with_its_language_and_escapes_it():
    groep = _groep()
    groep.titel = "Samen <leren> & delen"
    with translation.override("en"):
        html = _toon('<h2>{{ groep|vertaald:"titel" }}</h2>', groep=groep)
    assert html == '<h2><span lang="nl">Samen &lt;leren&gt; &amp; delen</span></h2>'
    with translation.override("nl"):
        assert (
            _toon('{{ groep|vertaald:"titel" }}', groep=groep) == "Samen &lt;leren&gt; &amp; delen"
        )


def test_the_filter_leaves_a_translated_text_unmarked():
    with translation.override("en"):
        html = _toon('{{ groep|vertaald:"titel" }}', groep=_groep(titel="Connecting"))
    assert html == "Connecting"


def test_the_filter_marks_list_entries_and_plain_interface_text_stays_as_it_is():
    with translation.override("en"):
        html = _toon(
            "{% for v in groep|in_taal:'gespreksvragen' %}<li>{{ v|vertaald }}</li>{% endfor %}{{ ui|vertaald }}",
            groep=_groep(),
            ui="Not chosen yet",
        )
    assert html == '<li><span lang="nl">Met wie werk je samen?</span></li>Not chosen yet'


def test_a_longer_text_becomes_paragraphs_each_marked_where_it_falls_back():
    with translation.override("en"):
        html = _toon('{{ groep|vertaald_alineas:"korte_beschrijving" }}', groep=_groep())
    assert html == '<p lang="nl">Kort.</p>\n<p lang="nl">Tweede alinea.</p>'
    with translation.override("nl"):
        assert _toon('{{ groep|vertaald_alineas:"korte_beschrijving" }}', groep=_groep()) == (
            "<p>Kort.</p>\n<p>Tweede alinea.</p>"
        )


def test_the_bare_text_is_for_attributes_and_titles():
    with translation.override("en"):
        html = _toon('<title>{{ groep|in_taal:"titel" }}</title>', groep=_groep())
    assert html == "<title>Verbinden over grenzen heen</title>"
