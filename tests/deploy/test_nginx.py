"""The production path, for real: Debian's nginx with the example site of deploy/ and a
throw-away certificate, in front of gunicorn with production settings on the unix socket
of deploy/zelfscan.service. Over HTTPS on 127.0.0.1 a person logs in, opens a step, the
report and the PDF; the security headers are there, django-axes sees the visitor's address
(not a forged one), static files come from nginx with long cache headers, and gunicorn has
no TCP port at all: nginx alone reaches it."""

from __future__ import annotations

import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
GUNICORN = Path(sys.executable).parent / "gunicorn"
DEMO_EMAIL = "demo@zelfscan.local"
DEMO_WACHTWOORD = "demo-zelfscan-2026"


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _omgeving(map_: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "ZELFSCAN_"))}
    env.update(
        DATABASE_URL=f"sqlite:///{map_ / 'zelfscan.sqlite3'}",
        ZELFSCAN_VAR_DIR=str(map_ / "var"),
        DJANGO_STATIC_ROOT=str(map_ / "static"),
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_BEHIND_TLS_PROXY="1",
    )
    return env


def _manage(env, *args) -> str:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout


def _gunicorn_argumenten(map_: Path) -> list[str]:
    """ExecStart of deploy/zelfscan.service, with this test's paths."""
    unit = (DEPLOY / "zelfscan.service").read_text().replace("\\\n", " ")
    regel = next(r for r in unit.splitlines() if r.startswith("ExecStart="))
    argumenten = shlex.split(regel.removeprefix("ExecStart="))
    assert argumenten[0] == "/srv/zelfscan/app/.venv/bin/gunicorn"
    vervangen = {
        "unix:/run/zelfscan/gunicorn.sock": f"unix:{map_ / 'gunicorn.sock'}",
        "--workers": "--workers",
    }
    uit = [str(GUNICORN)]
    vorige = ""
    for arg in argumenten[1:]:
        if vorige == "--access-logfile":
            arg = str(map_ / "gunicorn-toegang.log")
        elif vorige == "--workers":
            arg = "2"
        uit.append(vervangen.get(arg, arg))
        vorige = arg
    return uit


def _nginx_site(map_: Path, http: int, https: int) -> str:
    site = (DEPLOY / "nginx-zelfscan.conf").read_text()
    for oud, nieuw in {
        "unix:/run/zelfscan/gunicorn.sock": f"unix:{map_ / 'gunicorn.sock'}",
        "listen 80;": f"listen 127.0.0.1:{http};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https} ssl http2;",
        "/etc/ssl/certs/zelfscan.pem": str(map_ / "zelfscan.pem"),
        "/etc/ssl/private/zelfscan.key": str(map_ / "zelfscan.key"),
        "/srv/zelfscan/static/": f"{map_ / 'static'}/",
    }.items():
        assert oud in site, oud
        site = site.replace(oud, nieuw)
    return "\n".join(r for r in site.splitlines() if "listen [::]" not in r)


def _nginx_conf(map_: Path, site: str) -> str:
    tijdelijk = "\n".join(
        f"    {soort}_temp_path {map_ / soort};" for soort in ("proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""
daemon off;
worker_processes 1;
{"user root;" if os.geteuid() == 0 else ""}
pid {map_ / "nginx.pid"};
error_log {map_ / "nginx-fout.log"} warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {map_ / "nginx-toegang.log"};
    client_body_temp_path {map_ / "client_body"};
{tijdelijk}
{site}
}}
"""


def _wacht_op(controle, seconden=60):
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if controle():
            return
        time.sleep(0.1)
    raise AssertionError("niet op tijd klaar")


def _tcp_luisteraars() -> set[str]:
    """Socket inodes of every listening TCP socket on this machine."""
    inodes = set()
    for naam in ("/proc/net/tcp", "/proc/net/tcp6"):
        for regel in Path(naam).read_text().splitlines()[1:]:
            velden = regel.split()
            if velden[3] == "0A":  # LISTEN
                inodes.add(velden[9])
    return inodes


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            doel = os.readlink(fd)
        except OSError:
            continue
        if doel.startswith("socket:["):
            inodes.add(doel[8:-1])
    return inodes


def _kinderen(pid: int) -> list[int]:
    pad = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in pad.read_text().split()] if pad.exists() else []


@pytest.fixture(scope="module")
def productie(tmp_path_factory):
    assert shutil.which("nginx"), "nginx ontbreekt: make setup installeert het (Debian-pakket)"
    map_ = tmp_path_factory.mktemp("productie")
    os.chmod(map_, 0o755)
    env = _omgeving(map_)
    _manage(env, "migrate", "--noinput")
    _manage(env, "collectstatic", "--noinput")
    _manage(env, "laad_profiel", *[str(p) for p in sorted((ROOT / "profiel_data").glob("*.yaml"))])
    _manage(env, "maak_demo")
    scan_id = _manage(
        env,
        "shell",
        "-c",
        "from scans.models import Scan; print(Scan.objects.get(eigenaar__username="
        f"'{DEMO_EMAIL}', vorige_scan__isnull=True).pk)",
    ).split()[-1]
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", str(map_ / "zelfscan.key"), "-out", str(map_ / "zelfscan.pem"),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )  # fmt: skip
    http, https = _vrije_poort(), _vrije_poort()
    (map_ / "nginx.conf").write_text(_nginx_conf(map_, _nginx_site(map_, http, https)))
    gunicorn = subprocess.Popen(_gunicorn_argumenten(map_), cwd=ROOT, env=env)
    nginx = subprocess.Popen(["nginx", "-p", str(map_), "-c", str(map_ / "nginx.conf")])
    try:
        _wacht_op(lambda: (map_ / "gunicorn.sock").exists())
        basis = f"https://127.0.0.1:{https}"

        def klaar():
            try:
                sessie = requests.Session()
                sessie.trust_env = False
                return sessie.get(basis + "/", verify=str(map_ / "zelfscan.pem"), timeout=2).ok
            except requests.RequestException:
                return False

        _wacht_op(klaar)
        yield {
            "map": map_,
            "env": env,
            "basis": basis,
            "http": f"http://127.0.0.1:{http}",
            "cert": str(map_ / "zelfscan.pem"),
            "scan": scan_id,
            "gunicorn": gunicorn,
        }
    finally:
        nginx.send_signal(signal.SIGQUIT)
        gunicorn.send_signal(signal.SIGTERM)
        for proces in (nginx, gunicorn):
            try:
                proces.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proces.kill()
                proces.wait()


def _sessie(productie) -> requests.Session:
    sessie = requests.Session()
    sessie.trust_env = False  # no proxy and no CA bundle from the environment: ours only
    sessie.verify = productie["cert"]
    return sessie


def _csrf(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def _inloggen(sessie, productie, wachtwoord, **headers):
    url = productie["basis"] + "/accounts/login/"
    token = _csrf(sessie.get(url).text)
    return sessie.post(
        url,
        data={"csrfmiddlewaretoken": token, "username": DEMO_EMAIL, "password": wachtwoord},
        headers={"Referer": url, "Origin": productie["basis"], **headers},
        allow_redirects=False,
    )


def _veilige_headers(response):
    h = response.headers
    assert h["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "includeSubDomains" in h["Strict-Transport-Security"]
    assert "default-src 'self'" in h["Content-Security-Policy"]
    assert "unsafe-inline" not in h["Content-Security-Policy"]
    assert h["X-Frame-Options"] == "DENY"
    assert h["X-Content-Type-Options"] == "nosniff"
    assert h["Referrer-Policy"] == "same-origin"
    assert "camera=()" in h["Permissions-Policy"]
    assert "nginx/" not in h.get("Server", "")  # server_tokens off


def test_a_journey_over_https_login_step_report_and_pdf(productie):
    sessie = _sessie(productie)
    inlog = _inloggen(sessie, productie, DEMO_WACHTWOORD)
    assert inlog.status_code == 302, inlog.text[:500]
    assert inlog.headers["Location"] == "/scans/"
    cookie = next(c for c in sessie.cookies if c.name == "sessionid")
    assert cookie.secure
    assert "httponly" in inlog.headers["Set-Cookie"].lower()

    mijn = sessie.get(productie["basis"] + "/scans/")
    assert mijn.status_code == 200
    assert mijn.headers["Content-Encoding"] == "gzip"  # nginx compresses the HTML
    _veilige_headers(mijn)

    stap = sessie.get(f"{productie['basis']}/scans/{productie['scan']}/")  # resumes a step
    assert stap.status_code == 200
    assert "/stap/" in stap.url
    assert stap.url.startswith("https://")
    assert 'name="csrfmiddlewaretoken"' in stap.text
    _veilige_headers(stap)

    rapport = sessie.get(f"{productie['basis']}/scans/{productie['scan']}/rapport/")
    assert rapport.status_code == 200
    assert "Noor de Vries" in rapport.text
    _veilige_headers(rapport)

    pdf = sessie.get(f"{productie['basis']}/scans/{productie['scan']}/rapport.pdf")
    assert pdf.status_code == 200
    assert pdf.headers["Content-Type"] == "application/pdf"
    assert pdf.headers["Cache-Control"] == "private, no-store"
    assert pdf.content.startswith(b"%PDF-")
    _veilige_headers(pdf)


def test_plain_http_is_sent_to_https(productie):
    response = _sessie(productie).get(productie["http"] + "/accounts/login/", allow_redirects=False)
    assert response.status_code == 301
    assert response.headers["Location"].startswith("https://127.0.0.1")


def test_axes_sees_the_visitors_address_not_a_forged_one(productie):
    sessie = _sessie(productie)
    fout = _inloggen(sessie, productie, "verkeerd", **{"X-Forwarded-For": "6.6.6.6"})
    assert fout.status_code == 200
    adressen = _manage(
        productie["env"],
        "shell",
        "-c",
        "from axes.models import AccessAttempt; "
        "print(sorted(set(AccessAttempt.objects.values_list('ip_address', flat=True))))",
    ).strip()
    assert adressen.splitlines()[-1] == "['127.0.0.1']"


def test_static_files_come_from_nginx_with_long_cache_headers(productie):
    sessie = _sessie(productie)
    html = sessie.get(productie["basis"] + "/accounts/login/").text
    css = re.search(r'href="(/static/[^"]+\.css)"', html).group(1)
    assert re.search(r"\.[0-9a-f]{12}\.css$", css), css  # a hashed name: safe to keep long
    response = sessie.get(productie["basis"] + css)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/css"
    assert "max-age=31536000" in response.headers["Cache-Control"]
    assert "immutable" in response.headers["Cache-Control"]
    assert "Expires" in response.headers
    assert response.headers["Content-Encoding"] == "gzip"
    # gunicorn never saw it: its access log has the pages, not the static file.
    toegang = (productie["map"] / "gunicorn-toegang.log").read_text()
    assert "/accounts/login/" in toegang
    assert "/static/" not in toegang


def test_gunicorn_listens_only_on_the_socket_that_nginx_reaches(productie):
    gunicorn = productie["gunicorn"]
    pids = [gunicorn.pid, *_kinderen(gunicorn.pid)]
    assert len(pids) >= 2  # the master and its workers
    luisteraars = _tcp_luisteraars()
    for pid in pids:
        assert not (_socket_inodes(pid) & luisteraars), f"gunicorn {pid} luistert op TCP"
    sok = productie["map"] / "gunicorn.sock"
    assert stat.S_ISSOCK(sok.stat().st_mode)
    assert stat.S_IMODE(sok.stat().st_mode) & 0o007 == 0  # nobody but owner and group
