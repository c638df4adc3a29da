"""A profile version's options and statements are read once per process
(competentieprofiel.inhoud): a version never changes once loaded."""

from datetime import timedelta

from competentieprofiel.inhoud import versie_inhoud
from competentieprofiel.models import Item, ProfielVersie


def test_a_version_is_read_from_the_database_once(npuls, django_assert_num_queries):
    versie_inhoud(npuls)
    with django_assert_num_queries(0):
        inhoud = versie_inhoud(npuls)
    assert [o.sleutel for o in inhoud.opties] == [
        o.sleutel for o in npuls.schaalopties.order_by("volgorde")
    ]
    uit_db = list(Item.objects.filter(versie=npuls).order_by("volgorde"))
    assert [i.tekst for i in inhoud.items_van([i.pk for i in uit_db])] == [i.tekst for i in uit_db]
    coach = npuls.groepen.get(sleutel="coach")
    assert [i.pk for i in inhoud.per_groep[coach.pk]] == [
        i.pk for i in uit_db if i.groep_id == coach.pk
    ]
    with django_assert_num_queries(0):
        assert all(i.categorie.sleutel for i in inhoud.per_groep[coach.pk])


def test_another_version_under_the_same_id_is_read_anew(npuls, django_assert_num_queries):
    """A version removed and another loaded under its id (as between two tests on SQLite)
    has another load time, so it is never mistaken for the one in memory."""
    versie_inhoud(npuls)
    andere = ProfielVersie.objects.get(pk=npuls.pk)
    andere.geladen_op = npuls.geladen_op + timedelta(seconds=1)
    with django_assert_num_queries(4):  # options, labels, groups, statements
        versie_inhoud(andere)
