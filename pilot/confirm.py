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


def refused(request, workflow, obj, action: str, party, back: str):
    """Before a page reads its form: a wrong party raises PermissionDenied (403); a state that
    does not allow the action is a message on the object's page (a redirect to `back`). None
    when the action may go ahead, so a request that can never succeed is never answered
    "fix your input"."""
    from django.contrib import messages
    from django.shortcuts import redirect

    from pilot.workflow import TransitionNotAllowed

    try:
        workflow.check(obj, action, party)
    except TransitionNotAllowed as error:
        messages.error(request, error.message)
        return redirect(back)
    return None
