"""What every template may need to know about logging in: whether the institution's login
is on, and the text of its button."""

from . import oidc


def inloggen_met_instelling(request) -> dict:
    if not oidc.staat_aan():
        return {"inloggen_met_instelling": None}
    return {
        "inloggen_met_instelling": {
            "knoptekst": oidc.knoptekst(),
            "vraagt_email": oidc.vraagt_email(),
        }
    }
