"""Dutch first: an English browser still gets Dutch until the person switches."""

from django.urls import reverse


def test_an_english_browser_gets_the_dutch_interface(client, npuls):
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="nl">' in response.content.decode()
    assert response.headers.get("Content-Language") == "nl"
