"""The one place that answers "is this person an officer, here, now?".

Views, consumers, the admin and tests all call these functions; elections
(later) only ever create `OfficerTerm` rows, so rights start and end with the
term's dates and nobody edits groups by hand.
"""

from .models import OfficerTerm


def current_terms(user, on=None):
    if not user.is_authenticated:
        return OfficerTerm.objects.none()
    return OfficerTerm.objects.current(on).filter(user=user)


def is_officer(user, community=None, on=None):
    """True if `user` holds an office today (in `community`, if given)."""
    if not getattr(user, "is_authenticated", False):
        return False
    terms = current_terms(user, on)
    if community is not None:
        terms = terms.filter(community=community)
    return terms.exists()
