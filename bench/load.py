"""A workshop of people at once: `make load` (see README, *Belasting*). Not part of `make test`.

Starts gunicorn with the production settings (DJANGO_DEBUG=0) on 127.0.0.1, against a fresh
SQLite file in a temporary folder or against DATABASE_URL (use a database of its own: the
benchmark adds accounts deelnemerN@load.invalid and removes them again), and drives it with
Locust, headless, for a bounded number of people and seconds (bench/load_reis.py: a burst of
logins, then scans with think time). Then it checks in the database that every answer, note,
label and leerdoel that the server acknowledged is stored exactly, and prints requests per
second, p50/p95/p99 per page, errors and lost answers. It only ever targets 127.0.0.1 and
stops everything it started.

    make load                                  # SQLite, 200 people, 90 s
    make load ARGS="--mensen 50 --seconden 30"
    DATABASE_URL=postgres://... make load ARGS="--servers 2"

With --servers 2 two gunicorn instances on two ports share one PostgreSQL database and the
people are split between them; after the run a few requests check that the limits hold
across both servers (login lockout, password reset limit).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
WACHTWOORD = "Workshop-" + secrets.token_hex(8)
EMAIL_DOMEIN = "@load.invalid"


# -- Verification: what the server acknowledged against what the database holds -----------


def lees_verslag(pad: Path) -> dict[str, dict]:
    """Per scan the last acknowledged answer per item, the notes per step and the leerdoelen,
    from the JSON lines bench/load_reis.py wrote (later lines win, as later saves do)."""
    scans: dict[str, dict] = defaultdict(
        lambda: {"antwoorden": {}, "notities": {}, "leerdoelen": set(), "labels": {}}
    )
    regels = [json.loads(r) for r in pad.read_text(encoding="utf-8").splitlines() if r.strip()]
    for regel in sorted(regels, key=lambda r: r["volgnummer"]):
        scan = scans[regel["scan"]]
        for item, (optie, wens) in regel["antwoorden"].items():
            scan["antwoorden"][int(item)] = (optie, bool(wens))
        if regel.get("notitie") is not None:
            scan["notities"][regel["stap"]] = regel["notitie"]
        scan["leerdoelen"].update(regel.get("wat", []))
        if "label" in regel:
            scan["labels"][regel["stap"].removeprefix("label.")] = regel["label"] or None
    return dict(scans)


def controleer(verwacht: dict[str, dict]) -> list[str]:
    """Every acknowledged answer, wish, note text and leerdoel must be in the database exactly
    as sent. Returns one line per difference (empty: nothing lost)."""
    from scans.models import Antwoord, Leerdoel, Notitie, ScanGroep

    verloren = []
    for scan_id, scan in verwacht.items():
        opgeslagen = {
            a.item_id: (a.optie.sleutel if a.optie else None, a.ontwikkelen)
            for a in Antwoord.objects.filter(scan_id=scan_id).select_related("optie")
        }
        for item, antwoord in scan["antwoorden"].items():
            if opgeslagen.get(item) != tuple(antwoord):
                verloren.append(
                    f"scan {scan_id} item {item}: verstuurd {antwoord}, "
                    f"opgeslagen {opgeslagen.get(item)}"
                )
        teksten = set(Notitie.objects.filter(scan_id=scan_id).values_list("tekst", flat=True))
        for stap, tekst in scan["notities"].items():
            if tekst.strip() and tekst.strip() not in teksten:
                verloren.append(f"scan {scan_id} notitie bij {stap}: {tekst!r} ontbreekt")
        labels = {
            sg.groep.sleutel: sg.niveau.sleutel if sg.niveau else None
            for sg in ScanGroep.objects.filter(scan_id=scan_id).select_related("groep", "niveau")
        }
        for gebied, label in scan["labels"].items():
            if labels.get(gebied) != label:
                verloren.append(
                    f"scan {scan_id} label bij {gebied}: {label}, opgeslagen {labels.get(gebied)}"
                )
        doelen = set(Leerdoel.objects.filter(scan_id=scan_id).values_list("wat", flat=True))
        for wat in scan["leerdoelen"] - doelen:
            verloren.append(f"scan {scan_id} leerdoel {wat!r} ontbreekt")
    return verloren


# -- Setting up and running -----------------------------------------------------------------


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def omgeving(map_: Path, database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "ZELFSCAN_"))}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        # gunicorn speaks plain HTTP on 127.0.0.1 and the client sets X-Forwarded-Proto, as
        # nginx does in front of it (TLS is the proxy's job).
        DJANGO_BEHIND_TLS_PROXY="1",
        DATABASE_URL=database_url,
        ZELFSCAN_VAR_DIR=str(map_),
        DJANGO_STATIC_ROOT=str(map_ / "static"),
        DJANGO_SETTINGS_MODULE="competentieprofiel.settings",
        PYTHONPATH=str(ROOT),
    )
    return env


def manage(env, *args) -> None:
    subprocess.run([PY, str(ROOT / "manage.py"), *args], env=env, check=True, cwd=ROOT)


def django_in_dit_proces(env) -> None:
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def maak_deelnemers(aantal: int) -> None:
    """`aantal` accounts with one password, hashed once with the server's real hasher (each
    login still checks it in full)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    gebruikers = get_user_model()
    gebruikers.objects.filter(username__endswith=EMAIL_DOMEIN).delete()
    wachtwoord = make_password(WACHTWOORD)
    gebruikers.objects.bulk_create(
        gebruikers(
            username=f"deelnemer{i}{EMAIL_DOMEIN}",
            email=f"deelnemer{i}{EMAIL_DOMEIN}",
            first_name=f"Deelnemer {i}",
            password=wachtwoord,
        )
        for i in range(1, aantal + 1)
    )


def ruim_op() -> None:
    from django.contrib.auth import get_user_model

    from accounts.services import verwijder_account

    for gebruiker in get_user_model().objects.filter(username__endswith=EMAIL_DOMEIN):
        verwijder_account(gebruiker=gebruiker)


def start_gunicorn(env, poort: int, workers: int, threads: int, log: Path):
    proces = subprocess.Popen(
        [
            PY,
            "-m",
            "gunicorn",
            "competentieprofiel.wsgi",
            "--bind",
            f"127.0.0.1:{poort}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--worker-class",
            "gthread",
            "--preload",
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    for _ in range(200):
        try:
            with socket.create_connection(("127.0.0.1", poort), timeout=0.2):
                return proces
        except OSError:
            if proces.poll() is not None:
                raise SystemExit(f"gunicorn stopte meteen; zie {log}") from None
            time.sleep(0.1)
    proces.terminate()
    raise SystemExit(f"gunicorn kwam niet op op poort {poort}; zie {log}")


def stop(proces) -> None:
    if proces.poll() is None:
        proces.terminate()
        try:
            proces.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait()


def limieten_over_servers(hosts: list[str]) -> list[str]:
    """Wrong passwords and password reset requests spread over the servers must meet one
    limit, not one per server. Returns what did not hold."""
    import re
    import urllib.error
    import urllib.parse
    import urllib.request
    from http.cookiejar import CookieJar, DefaultCookiePolicy

    class Https(DefaultCookiePolicy):
        def return_ok_secure(self, cookie, request):
            return True

    def poging(host: str, pad: str, velden: dict) -> int:
        jar = CookieJar(policy=Https())
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        kop = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "10.250.0.1"}
        kop |= {"Referer": f"https://{host[7:]}{pad}", "Origin": f"https://{host[7:]}"}
        html = opener.open(urllib.request.Request(host + pad, headers=kop)).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **velden}).encode()
        try:
            return opener.open(urllib.request.Request(host + pad, data=data, headers=kop)).status
        except urllib.error.HTTPError as fout:
            return fout.code

    from django.conf import settings

    mis = []
    fout = {"username": f"deelnemer1{EMAIL_DOMEIN}", "password": "fout"}
    codes = [
        poging(hosts[i % len(hosts)], "/accounts/login/", fout)
        for i in range(settings.AXES_FAILURE_LIMIT + 1)
    ]
    if codes[-1] != 429:
        mis.append(f"inlogblokkade over {len(hosts)} servers: statussen {codes}")
    herstel = {"email": f"deelnemer2{EMAIL_DOMEIN}"}
    codes = [
        poging(hosts[i % len(hosts)], "/accounts/password_reset/", herstel)
        for i in range(settings.WACHTWOORDHERSTEL_POGINGEN + 1)
    ]
    if codes[-1] != 429:
        mis.append(f"grens wachtwoordherstel over {len(hosts)} servers: statussen {codes}")
    return mis


def percentielen(csv_pad: Path) -> list[dict]:
    with csv_pad.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def druk_af(rijen: list[dict], seconden: float) -> None:
    print(
        f"\n{'pagina':34} {'verzoeken':>9} {'fouten':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}"
    )
    for r in rijen:
        naam = r["Name"] if r["Name"] != "Aggregated" else "alles samen"
        print(
            f"{naam[:34]:34} {r['Request Count']:>9} {r['Failure Count']:>6} "
            f"{r['50%']:>7} {r['95%']:>7} {r['99%']:>7}"
        )
    totaal = next(r for r in rijen if r["Name"] == "Aggregated")
    print(f"\nverzoeken per seconde (over {seconden:.0f} s): {totaal['Requests/s']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mensen", type=int, default=200, help="gelijktijdige deelnemers")
    parser.add_argument(
        "--inlogseconden", type=float, default=5, help="alle logins binnen zoveel s"
    )
    parser.add_argument("--seconden", type=int, default=90, help="duur van de meting")
    parser.add_argument("--servers", type=int, default=1, choices=(1, 2))
    parser.add_argument("--workers", type=int, default=0, help="per server (standaard 2/servers)")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--denktijd", default="1,4", help="seconden tussen pagina's: min,max")
    args = parser.parse_args()

    database_url = os.environ.get("DATABASE_URL", "")
    if args.servers > 1 and not database_url.startswith("postgres"):
        raise SystemExit(
            "--servers 2 deelt één PostgreSQL-database: zet DATABASE_URL=postgres://..."
        )
    map_ = Path(tempfile.mkdtemp(prefix="zelfscan-load-"))
    database_url = database_url or f"sqlite:///{map_ / 'load.sqlite3'}"
    env = omgeving(map_, database_url)
    workers = args.workers or max(1, 2 // args.servers)
    processen = []
    try:
        print(f"Voorbereiden in {map_} ({database_url.split('@')[-1]})...", flush=True)
        manage(env, "migrate", "--noinput", "-v", "0")
        if (
            "createcachetable"
            in subprocess.run(
                [PY, str(ROOT / "manage.py"), "help", "--commands"],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        ):
            manage(env, "createcachetable")
        manage(env, "laad_profiel", *map(str, sorted((ROOT / "profiel_data").glob("*.yaml"))))
        manage(env, "collectstatic", "--noinput", "-v", "0")
        django_in_dit_proces(env)
        maak_deelnemers(args.mensen)
        hosts = []
        for i in range(args.servers):
            poort = vrije_poort()
            processen.append(
                start_gunicorn(env, poort, workers, args.threads, map_ / f"gunicorn{i + 1}.log")
            )
            hosts.append(f"http://127.0.0.1:{poort}")
        print(
            f"{args.servers} × gunicorn ({workers} workers × {args.threads} threads) op "
            f"{', '.join(hosts)}; {args.mensen} mensen, logins binnen {args.inlogseconden:g} s, "
            f"{args.seconden} s, denktijd {args.denktijd} s",
            flush=True,
        )
        verslag = map_ / "verstuurd.jsonl"
        locust_env = env | {
            "LOAD_HOSTS": ",".join(hosts),
            "LOAD_WACHTWOORD": WACHTWOORD,
            "LOAD_VERSLAG": str(verslag),
            "LOAD_DENKTIJD": args.denktijd,
        }
        begin = time.monotonic()
        subprocess.run(
            [
                PY,
                "-m",
                "locust",
                "-f",
                str(ROOT / "bench" / "load_reis.py"),
                "--headless",
                "--users",
                str(args.mensen),
                "--spawn-rate",
                str(args.mensen / args.inlogseconden),
                "--run-time",
                f"{args.seconden}s",
                "--stop-timeout",
                "10",
                "--csv",
                str(map_ / "locust"),
                "--only-summary",
                "--loglevel",
                "WARNING",
                "--host",
                hosts[0],
            ],
            env=locust_env,
            cwd=ROOT,
            check=False,
            stdout=(map_ / "locust.log").open("w"),
            stderr=subprocess.STDOUT,
        )
        duur = time.monotonic() - begin
        druk_af(percentielen(map_ / "locust_stats.csv"), duur)
        verwacht = lees_verslag(verslag) if verslag.exists() else {}
        verloren = controleer(verwacht)
        antwoorden = sum(len(s["antwoorden"]) for s in verwacht.values())
        print(
            f"gecontroleerd in de database: {len(verwacht)} scans, {antwoorden} antwoorden, "
            f"{sum(len(s['notities']) for s in verwacht.values())} notities, "
            f"{sum(len(s['leerdoelen']) for s in verwacht.values())} leerdoelen, "
            f"{sum(len(s['labels']) for s in verwacht.values())} labels; "
            f"verloren of anders: {len(verloren)}"
        )
        for regel in verloren[:20]:
            print("  " + regel)
        fouten = sum(
            int(r["Failure Count"])
            for r in percentielen(map_ / "locust_stats.csv")
            if r["Name"] == "Aggregated"
        )
        mis = limieten_over_servers(hosts) if args.servers > 1 else []
        for regel in mis:
            print("LIMIET HIELD NIET: " + regel)
        if args.servers > 1 and not mis:
            print(
                f"limieten over {args.servers} servers: inlogblokkade en wachtwoordherstel houden"
            )
        return 1 if verloren or fouten or mis or not verwacht else 0
    finally:
        for proces in processen:
            stop(proces)
        try:
            if "django" in sys.modules and sys.modules["django"].apps.apps.ready:
                ruim_op()
        finally:
            if os.environ.get("LOAD_BEWAAR"):
                print(f"bewaard: {map_}")
            else:
                shutil.rmtree(map_, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
