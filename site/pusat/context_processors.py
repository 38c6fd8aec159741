from django.conf import settings


def site_preferences(request):
    """What the base layout needs on every page."""
    user = getattr(request, "user", None)
    unread = 0
    if user is not None and user.is_authenticated:
        unread = user.notifications.unread().count()
    return {
        "text_size": getattr(request, "text_size", "normal"),
        "available_languages": settings.LANGUAGES,
        "unread_notifications": unread,
    }
