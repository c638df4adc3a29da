"""Thin views of one's own account, one module per thing they show:

- `account`: registration, Mijn gegevens (with the name correction), the export, deleting
  the account
"""
