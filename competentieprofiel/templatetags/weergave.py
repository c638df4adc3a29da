"""Small presentation helpers for templates. No business logic lives here."""

from django import forms, template

register = template.Library()


@register.filter
def met_fouten(formulieren):
    """The forms (a form, a formset, or a list of those) that carry errors, flattened."""
    if isinstance(formulieren, forms.BaseForm | forms.BaseFormSet):
        formulieren = [formulieren]
    uit = []
    for f in formulieren or []:
        if isinstance(f, forms.BaseFormSet):
            uit.extend(sub for sub in f.forms if sub.errors)
        elif f.errors:
            uit.append(f)
    return uit
