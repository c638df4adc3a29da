"""Thin views, one module per thing they show: find the person's own scan (`toegang`), let a
form validate, call a service, render.

- `mijn_scans`: the list, a new scan, resume, delete a scan
- `stappen`: the steps of a scan
- `rapport`: the ontwikkelrapport (HTML, PDF) and the comparison
- `info`: privacy and accessibility pages

One's own account (login, Mijn gegevens, export, deletion) lives in the `accounts` app.
"""
