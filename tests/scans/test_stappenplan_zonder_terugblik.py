"""The look back is part of the leerdoelen step (issue 11): no step of its own in the plan or
the progress line, and a scan saved on the old step resumes on the leerdoelen."""

from django.urls import reverse

from scans.models import Scan
from scans.stappen import LEERDOELEN, stappenplan


def test_the_plan_ends_with_the_leerdoelen_and_has_no_look_back_step(scan):
    plan = stappenplan(scan)
    assert [s.sleutel for s in plan][-2:] == ["label.coach", LEERDOELEN]
    assert plan.zoek("terugblik") is None
    assert [s.nummer for s in plan] == list(range(1, len(plan) + 1))


def test_the_progress_line_counts_the_steps_without_a_look_back(ingelogd, scan):
    totaal = len(stappenplan(scan))
    html = ingelogd.get(
        reverse("scans:stap", kwargs={"scan_id": scan.pk, "stap": LEERDOELEN})
    ).content.decode()
    assert f"Stap {totaal} van {totaal}" in html


def test_a_scan_left_on_the_look_back_resumes_on_the_leerdoelen(ingelogd, scan):
    Scan.objects.filter(pk=scan.pk).update(huidige_stap="terugblik")
    scan.refresh_from_db()
    assert stappenplan(scan).hervat(scan).sleutel == LEERDOELEN
    response = ingelogd.get(reverse("scans:hervat", kwargs={"scan_id": scan.pk}))
    assert response["Location"] == reverse(
        "scans:stap", kwargs={"scan_id": scan.pk, "stap": LEERDOELEN}
    )


def test_an_unknown_saved_step_still_resumes_at_the_start(scan):
    Scan.objects.filter(pk=scan.pk).update(huidige_stap="bestaat-niet")
    scan.refresh_from_db()
    plan = stappenplan(scan)
    assert plan.hervat(scan) == plan.eerste
