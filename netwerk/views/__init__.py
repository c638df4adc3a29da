"""Thin views, one module per thing they show. Every view of a netwerk finds the visitor's
own membership first (`toegang`): anyone who is not a member, staff included, gets a 404.

- `overzicht`: Mijn netwerken, a new netwerk
- `kaart`: the map on screen and the praatplaat (PDF)
- `bijdrage`: what I share, per gebied
- `lidmaatschap`: joining by invitation, the invitation link, leaving, closing
"""
