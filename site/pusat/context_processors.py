from django.conf import settings


def site_preferences(request):
    """What the base layout needs on every page."""
    return {
        "text_size": getattr(request, "text_size", "normal"),
        "available_languages": settings.LANGUAGES,
    }
