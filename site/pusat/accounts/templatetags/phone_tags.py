from django import template

from pusat.accounts.phone import display_phone

register = template.Library()


@register.filter
def phone_local(value):
    """Show an E.164 number the Indonesian way, e.g. 0812-3456-7890."""
    return display_phone(value)
