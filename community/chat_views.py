"""Live chat pages under `/obrolan/`: thin views over `chat.py`.

Every page works without JavaScript: the room shows the latest messages,
pages back with "pesan lama", and its form posts a message that is saved and
broadcast exactly like one sent over the websocket. `static/js/chat.js` then
makes the same page live.
"""

import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import chat
from .chat import ChatError
from .models import ChatMessage

ERROR_STATUS = {"room_not_found": 404, "forbidden": 403, "not_signed_in": 403}


class MessageForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Message"),
        strip=False,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": chat.MAX_LENGTH}),
    )
    # Generated with the page: a double tap on a slow network stores one message.
    client_id = forms.CharField(required=False, widget=forms.HiddenInput)


class MuteForm(forms.Form):
    minutes = forms.TypedChoiceField(
        label=gettext_lazy("Mute for"), choices=chat.MUTE_CHOICES, coerce=int
    )


def _refusal(request, error):
    return render(
        request,
        "community/chat/refused.html",
        {"error": error},
        status=ERROR_STATUS.get(error.code, 400),
    )


def index(request):
    """The rooms open to the person, each with its unread count; visitors
    learn what chat is and are asked to sign in."""
    if not request.user.is_authenticated:
        return render(request, "community/chat/index.html", {"visitor": True})
    rooms = list(chat.rooms_for(request.user))
    for room in rooms:
        room.title = room.title_for(request.user)
    candidates = list(chat.direct_candidates(request.user).only("pk", "full_name"))
    return render(
        request,
        "community/chat/index.html",
        {
            "rooms": [room for room in rooms if room.kind != chat.Kind.DIRECT],
            "direct_rooms": [room for room in rooms if room.kind == chat.Kind.DIRECT],
            "candidates": candidates,
        },
    )


@login_required
def room(request, slug):
    try:
        room = chat.room_for(request.user, slug)
    except ChatError as error:
        return _refusal(request, error)
    form = MessageForm(initial={"client_id": uuid.uuid4().hex})
    status = 200
    if request.method == "POST":
        form = MessageForm(request.POST)
        form.is_valid()
        try:
            chat.post_message(
                request.user, room, form.data.get("body", ""), form.data.get("client_id", "")
            )
        except ChatError as error:
            form.add_error("body", error.message)
            status = 400
        else:
            return redirect(room.get_absolute_url() + "#tulis")
    before = request.GET.get("sebelum")
    # isascii(): "²" is a digit to isdigit() but not to int().
    before = int(before) if before and before.isascii() and before.isdigit() else None
    page, has_older = chat.history(room, before=before)
    if before is None and page:
        chat.mark_read(request.user, room, page[-1].pk)
    can_moderate = chat.can_moderate(request.user, room)
    return render(
        request,
        "community/chat/room.html",
        {
            "room": room,
            "title": room.title_for(request.user),
            "chat_messages": page,
            "has_older": has_older,
            "older_than": page[0].pk if page else None,
            "paging": before is not None,
            "last_id": page[-1].pk if page and before is None else 0,
            "form": form,
            "can_moderate": can_moderate,
            "mute_form": MuteForm() if can_moderate else None,
            "max_length": chat.MAX_LENGTH,
        },
        status=status,
    )


def _message_in(request, slug, pk):
    room = chat.room_for(request.user, slug)
    message = get_object_or_404(
        ChatMessage.objects.select_related("author", "room"), room=room, pk=pk
    )
    return room, message


@login_required
@require_POST
def delete(request, slug, pk):
    try:
        room, message = _message_in(request, slug, pk)
        chat.delete_message(request.user, message)
    except ChatError as error:
        return _refusal(request, error)
    messages.success(request, gettext_lazy("The message was deleted for everyone."))
    return redirect(room.get_absolute_url())


@login_required
@require_POST
def mute(request, slug, pk):
    try:
        room, message = _message_in(request, slug, pk)
        form = MuteForm(request.POST)
        if not form.is_valid():
            raise ChatError("bad_duration", gettext_lazy("Choose how long the mute lasts."))
        chat.mute(request.user, room, message.author, form.cleaned_data["minutes"])
    except ChatError as error:
        return _refusal(request, error)
    messages.success(
        request,
        gettext_lazy("%(name)s cannot send messages in this room for a while.")
        % {"name": message.author},
    )
    return redirect(room.get_absolute_url())


@login_required
@require_POST
def direct(request):
    """Open (or find) the direct conversation with another member."""
    person = request.POST.get("person", "")
    other = (
        get_user_model().objects.filter(pk=int(person)).first()
        if person.isascii() and person.isdigit()
        else None
    )
    try:
        room = chat.direct_room(request.user, other)
    except ChatError as error:
        return _refusal(request, error)
    return redirect(room.get_absolute_url())
