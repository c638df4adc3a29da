"""Small presentation helpers for templates. No business logic lives here."""

from django import forms, template

register = template.Library()


class _FormsetFouten:
    """A formset's own errors (too many forms, a tampered management form), shaped like a
    form without fields so the error summary lists them too."""

    def __init__(self, formset):
        self.non_field_errors = formset.non_form_errors()

    def __iter__(self):
        return iter(())


@register.filter
def met_fouten(formulieren):
    """The forms (a form, a formset, or a list of those) that carry errors, flattened."""
    if isinstance(formulieren, forms.BaseForm | forms.BaseFormSet):
        formulieren = [formulieren]
    uit = []
    for f in formulieren or []:
        if isinstance(f, forms.BaseFormSet):
            if f.is_bound and f.non_form_errors():
                uit.append(_FormsetFouten(f))
            uit.extend(sub for sub in f.forms if sub.errors)
        elif f.errors:
            uit.append(f)
    return uit
