"""A confirmation step before what cannot be undone, without JavaScript.

A form posts as usual; when the action needs confirming and the post does not carry
`bevestigd=ja`, the view answers with a page that says the consequence in plain words and
posts the same fields again with `bevestigd=ja`.
"""

from django.shortcuts import render

CONFIRMED = "bevestigd"


def confirmed(request) -> bool:
    return request.POST.get(CONFIRMED) == "ja"


def confirm_page(request, *, title: str, consequence: str, button: str, cancel_url: str):
    fields = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in ("csrfmiddlewaretoken", CONFIRMED)
        for value in values
    ]
    context = {
        "title": title,
        "consequence": consequence,
        "button": button,
        "cancel_url": cancel_url,
        "fields": fields,
        "action": request.path,
    }
    return render(request, "bevestigen.html", context)
