"""Two requests on one scan at the same moment, in real threads with their own database
connections: two tabs saving the same step, and a scan deleted while a save is in flight.
Never an error page, never half a step, never a row left of a deleted scan.

The interleavings are forced with events at fixed points (before the save, inside its
transaction, right after it), so each test takes the same path every run. On SQLite the
test database of the suite lives in memory, where connections lock whole tables instead of
waiting; these tests use a file database instead, as production does (WAL, IMMEDIATE, a
timeout). PostgreSQL uses its test database as it is.
"""

from __future__ import annotations

import shutil
import threading
from contextlib import contextmanager
from unittest import mock

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from accounts import services as accounts_services
from competentieprofiel.laden import schrijf_profiel
from competentieprofiel.models import ProfielVersie
from scans import services
from scans.models import Antwoord, Leerdoel, LeerdoelOpvolging, Notitie, Scan, ScanGroep
from scans.stappen import ITEMS, stappenplan
from tests.conftest import NPULS

from .wereld import WACHTWOORD

HERHALINGEN = 3
WACHT = 10  # seconds; an event that never comes within this is a failure
VERDWENEN = "Deze scan bestaat niet meer; er is niets opgeslagen."


@contextmanager
def _database_in(pad):
    """Point the connections of every thread at the SQLite file `pad` for a while. The
    in-memory test database stays open, detached, and comes back afterwards."""
    instellingen = connection.settings_dict  # shared with the connections of other threads
    geheugen, naam = connection.connection, instellingen["NAME"]
    connection.connection = None
    instellingen["NAME"] = str(pad)
    try:
        yield
    finally:
        connection.close()
        instellingen["NAME"] = naam
        connection.connection = geheugen


@pytest.fixture(scope="module")
def _sjabloon(tmp_path_factory, django_db_setup, django_db_blocker, npuls_data):
    """On SQLite: one migrated file database with the Npuls profile, copied per test."""
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        return None
    pad = tmp_path_factory.mktemp("gelijktijdig") / "sjabloon.sqlite3"
    with django_db_blocker.unblock(), _database_in(pad):
        call_command("migrate", verbosity=0, interactive=False)
        schrijf_profiel(npuls_data, bronbestand=str(NPULS))
    return pad


@pytest.fixture
def versie(request, _sjabloon, transactional_db, tmp_path, npuls_data):
    if _sjabloon is None:
        schrijf_profiel(npuls_data, bronbestand=str(NPULS))
        yield ProfielVersie.objects.get()
        return
    kopie = tmp_path / "zelfscan.sqlite3"
    shutil.copy(_sjabloon, kopie)
    with _database_in(kopie):
        assert connection.vendor == "sqlite" and not connection.is_in_memory_db()
        yield ProfielVersie.objects.get()


@pytest.fixture
def eigenaar(versie):
    return accounts_services.registreer(email="tegelijk@example.nl", wachtwoord=WACHTWOORD)


def _nieuwe_scan(eigenaar, versie) -> Scan:
    return services.start_scan(
        eigenaar=eigenaar, versie=versie, gebieden=[versie.groepen.get(sleutel="coach")]
    )


def _client(gebruiker) -> Client:
    client = Client()
    client.force_login(gebruiker)
    return client


def _in_thread(werk, *args) -> tuple[threading.Thread, dict]:
    """Run `werk` in a thread with its own database connection; keep its outcome."""
    uitkomst: dict = {}

    def draai():
        try:
            uitkomst["response"] = werk(*args)
        except BaseException as fout:  # reported by the test, in the main thread
            uitkomst["fout"] = fout
        finally:
            connection.close()

    thread = threading.Thread(target=draai)
    thread.start()
    return thread, uitkomst


def _klaar(*threads_en_uitkomsten) -> list:
    responses = []
    for thread, uitkomst in threads_en_uitkomsten:
        thread.join(timeout=4 * WACHT)
        assert not thread.is_alive(), "a request hung"
        assert "fout" not in uitkomst, repr(uitkomst.get("fout"))
        response = uitkomst["response"]
        assert response.status_code < 500, response.status_code
        responses.append(response)
    return responses


def _itemstap(scan: Scan):
    return next(s for s in stappenplan(scan) if s.soort == ITEMS)


def _stappost(scan: Scan, stap, optie: str, notitie: str, actie: str = "volgende") -> dict:
    data = {f"item_{item_id}": optie for item_id in stap.item_ids}
    data.update({f"ontwikkelen_{item_id}": "on" for item_id in stap.item_ids[:1]})
    return {**data, "notitie": notitie, "actie": actie}


def _url(scan: Scan, stap: str) -> str:
    return reverse("scans:stap", kwargs={"scan_id": scan.pk, "stap": stap})


def assert_niets_over_van(scan_id) -> None:
    assert not Scan.objects.filter(pk=scan_id).exists()
    for model in (Antwoord, Notitie, ScanGroep, Leerdoel, LeerdoelOpvolging):
        assert not model.objects.filter(scan_id=scan_id).exists(), model.__name__
        weeskinderen = model.objects.exclude(scan_id__in=Scan.objects.values("pk"))
        assert not weeskinderen.exists(), model.__name__


def _zegt_verdwenen(client: Client, response) -> None:
    """The save that lost its scan lands on the scan list with a calm message."""
    assert response.status_code == 302
    assert response["Location"] == reverse("scans:mijn_scans")
    pagina = client.get(response["Location"])
    assert pagina.status_code == 200
    assert VERDWENEN in [str(m) for m in get_messages(pagina.wsgi_request)] or (
        VERDWENEN in pagina.content.decode()
    )


# -- two tabs save the same step at once -----------------------------------------------


@pytest.mark.parametrize("ronde", range(HERHALINGEN))
def test_two_sessions_saving_one_step_end_with_one_whole_post(versie, eigenaar, ronde):
    scan = _nieuwe_scan(eigenaar, versie)
    stap = _itemstap(scan)
    opties = list(versie.schaalopties.values_list("sleutel", flat=True))
    posts = {
        "A": _stappost(scan, stap, opties[0], "notitie uit tab A"),
        "B": _stappost(scan, stap, opties[-1], "notitie uit tab B"),
    }
    clients = {naam: _client(eigenaar) for naam in posts}
    start = threading.Barrier(2, timeout=WACHT)
    binnen = threading.Barrier(2, timeout=WACHT)
    echte_ga_naar = services._ga_naar

    def ga_naar(scan, stap):
        # Inside the first save's transaction: hold it open until the other request has
        # reached its own save, so the two really collide.
        echte_ga_naar(scan, stap)
        try:
            binnen.wait(timeout=0.5)
        except threading.BrokenBarrierError:
            pass  # the other one is waiting for this transaction (SQLite, or a row lock)

    echte_bewaar = services.bewaar_itemstap

    def bewaar(**kwargs):
        start.wait()
        return echte_bewaar(**kwargs)

    with (
        mock.patch.object(services, "_ga_naar", ga_naar),
        mock.patch.object(services, "bewaar_itemstap", bewaar),
    ):
        klaar = [_in_thread(clients[n].post, _url(scan, stap.sleutel), posts[n]) for n in posts]
        responses = _klaar(*klaar)
    for response in responses:
        assert response.status_code == 302

    antwoorden = dict(Antwoord.objects.filter(scan=scan).values_list("item_id", "optie__sleutel"))
    [notitie] = Notitie.objects.filter(scan=scan).values_list("tekst", flat=True)
    assert set(antwoorden) == set(stap.item_ids)
    winnaar = "A" if notitie.endswith("A") else "B"
    assert set(antwoorden.values()) == {posts[winnaar][f"item_{stap.item_ids[0]}"]}


# -- a scan deleted while a save is in flight --------------------------------------------


def _verwijder(client: Client, scan: Scan):
    return client.post(reverse("scans:verwijderen", kwargs={"scan_id": scan.pk}))


@pytest.mark.parametrize("ronde", range(HERHALINGEN))
def test_a_delete_between_the_saves_check_and_its_write(versie, eigenaar, ronde):
    """The save found the scan, then the other tab deleted it, then the save writes."""
    scan = _nieuwe_scan(eigenaar, versie)
    stap = _itemstap(scan)
    opgeslagen, gecontroleerd, verwijderd = _client(eigenaar), threading.Event(), threading.Event()
    echte_bewaar = services.bewaar_itemstap

    def bewaar(**kwargs):
        gecontroleerd.set()
        assert verwijderd.wait(WACHT)
        return echte_bewaar(**kwargs)

    with mock.patch.object(services, "bewaar_itemstap", bewaar):
        bewaren = _in_thread(
            opgeslagen.post, _url(scan, stap.sleutel), _stappost(scan, stap, "bezig", "weg")
        )
        assert gecontroleerd.wait(WACHT)
        verwijderen = _verwijder(_client(eigenaar), scan)
        verwijderd.set()
        [bewaard] = _klaar(bewaren)
    assert verwijderen.status_code == 302
    _zegt_verdwenen(opgeslagen, bewaard)
    assert_niets_over_van(scan.pk)


def _verwijder_account(client: Client, scan: Scan):
    return client.post(reverse("account_verwijderen"), {"wachtwoord": WACHTWOORD, "zeker": "on"})


@pytest.mark.parametrize("ronde", range(HERHALINGEN))
@pytest.mark.parametrize("verwijderaar", [_verwijder, _verwijder_account], ids=["scan", "account"])
def test_a_delete_while_the_save_holds_its_transaction(versie, eigenaar, verwijderaar, ronde):
    """The save has written new answers but not committed; the delete (of the scan, or of
    the whole account) comes in then."""
    scan = _nieuwe_scan(eigenaar, versie)
    stap = _itemstap(scan)
    assert not Antwoord.objects.filter(scan=scan).exists()  # new rows, not updates
    in_transactie, verwijderd = threading.Event(), threading.Event()
    echte_ga_naar = services._ga_naar

    def ga_naar(scan, stap):
        echte_ga_naar(scan, stap)  # the last write of the save, inside its transaction
        in_transactie.set()
        # The delete cannot finish while this transaction is open; wait a moment for it,
        # then commit. Either way the delete has started by now.
        verwijderd.wait(0.5)

    def verwijder():
        assert in_transactie.wait(WACHT)
        try:
            return verwijderaar(_client(eigenaar), scan)
        finally:
            verwijderd.set()

    with mock.patch.object(services, "_ga_naar", ga_naar):
        bewaren = _in_thread(
            _client(eigenaar).post,
            _url(scan, stap.sleutel),
            _stappost(scan, stap, "bezig", "bijna"),
        )
        verwijderen = _in_thread(verwijder)
        bewaard, verwijderd_response = _klaar(bewaren, verwijderen)
    if verwijderaar is _verwijder_account and bewaard.status_code == 400:
        # The account's sessions went with it while the save was running: Django refuses
        # to write that session back (SessionInterrupted), on our Dutch 400 page.
        assert "Dit konden we niet verwerken" in bewaard.content.decode()
    else:
        assert bewaard.status_code == 302
    assert verwijderd_response.status_code == 302
    assert not Scan.objects.filter(eigenaar=eigenaar).exclude(pk=scan.pk).exists()
    assert_niets_over_van(scan.pk)


@pytest.mark.parametrize("ronde", range(HERHALINGEN))
def test_a_delete_right_after_the_last_step_was_saved(versie, eigenaar, ronde):
    """The leerdoelen are saved; before the scan is marked finished, it is deleted."""
    scan = _nieuwe_scan(eigenaar, versie)
    opgeslagen, bewaard_event, verwijderd = _client(eigenaar), threading.Event(), threading.Event()
    echte_bewaar = services.bewaar_leerdoelen

    def bewaar(**kwargs):
        echte_bewaar(**kwargs)
        bewaard_event.set()
        assert verwijderd.wait(WACHT)

    data = {
        "leerdoel-TOTAL_FORMS": "3",
        "leerdoel-INITIAL_FORMS": "0",
        "leerdoel-0-wat": "Iets leren",
        "gesprekspunten": "Tijd",
        "actie": "volgende",  # the last step: this finishes the scan
    }
    with mock.patch.object(services, "bewaar_leerdoelen", bewaar):
        bewaren = _in_thread(opgeslagen.post, _url(scan, "leerdoelen"), data)
        assert bewaard_event.wait(WACHT)
        verwijderen = _verwijder(_client(eigenaar), scan)
        verwijderd.set()
        [bewaard] = _klaar(bewaren)
    assert verwijderen.status_code == 302
    assert bewaard.status_code == 302
    # Where it sends the person says the scan is gone, calmly and in Dutch.
    volgende = opgeslagen.get(bewaard["Location"])
    assert volgende.status_code in (200, 404)
    assert "bestaat niet" in volgende.content.decode()
    assert_niets_over_van(scan.pk)


@pytest.mark.parametrize("ronde", range(HERHALINGEN))
def test_a_save_and_a_delete_released_together(versie, eigenaar, ronde):
    """No forced order at all: whatever wins, nothing breaks and nothing is left."""
    scan = _nieuwe_scan(eigenaar, versie)
    stap = _itemstap(scan)
    start = threading.Barrier(2, timeout=WACHT)
    opslaan, verwijder = _client(eigenaar), _client(eigenaar)

    def post(client, url, data):
        start.wait()
        return client.post(url, data)

    bewaard, verwijderd = _klaar(
        _in_thread(post, opslaan, _url(scan, stap.sleutel), _stappost(scan, stap, "bezig", "x")),
        _in_thread(post, verwijder, reverse("scans:verwijderen", args=[scan.pk]), {}),
    )
    assert bewaard.status_code in (302, 404)
    assert verwijderd.status_code == 302
    assert_niets_over_van(scan.pk)


@pytest.mark.parametrize("ronde", range(HERHALINGEN))
def test_two_tabs_saving_the_leerdoelen_at_once_both_succeed(versie, eigenaar, ronde):
    """Both saves clear the old leerdoelen before either inserts (forced by holding each
    insert until the other save got that far, or for a second if the other is waiting for
    the scan's lock). Without the lock, PostgreSQL failed one on uniek_leerdoel and told
    that person the scan was gone. Now both succeed, one after the other, and the scan
    holds exactly the leerdoelen of one of them."""
    scan = _nieuwe_scan(eigenaar, versie)
    Leerdoel.objects.create(scan=scan, volgorde=1, wat="Oud leerdoel")
    beide_gewist = threading.Barrier(2)
    echte_bulk_create = Leerdoel.objects.bulk_create

    def bulk_create(rijen, *args, **kwargs):
        rijen = list(rijen)
        try:
            beide_gewist.wait(timeout=1)
        except threading.BrokenBarrierError:
            pass  # the other save waits for the lock this one holds: the fix at work
        return echte_bulk_create(rijen, *args, **kwargs)

    def data(wat):
        return {
            "leerdoel-TOTAL_FORMS": "3",
            "leerdoel-INITIAL_FORMS": "0",
            "leerdoel-0-wat": wat,
            "leerdoel-1-wat": wat + " (2)",
            "gesprekspunten": "",
            "actie": "later",
        }

    a, b = _client(eigenaar), _client(eigenaar)
    with mock.patch.object(Leerdoel.objects, "bulk_create", bulk_create):
        uit_a = _in_thread(a.post, _url(scan, "leerdoelen"), data("Van A"))
        uit_b = _in_thread(b.post, _url(scan, "leerdoelen"), data("Van B"))
        antwoorden = _klaar(uit_a, uit_b)
    for response in antwoorden:
        assert response.status_code == 302
        meldingen = [str(m) for m in get_messages(response.wsgi_request)]
        assert VERDWENEN not in meldingen
        assert any("bewaard" in m for m in meldingen), meldingen
    wat = list(Leerdoel.objects.filter(scan=scan).values_list("wat", flat=True))
    assert wat in (["Van A", "Van A (2)"], ["Van B", "Van B (2)"])
