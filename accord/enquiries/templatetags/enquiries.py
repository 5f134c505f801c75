"""Template helpers for enquiry pages: state tags (words, never colour alone) and citations with links."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from accord.cases.templatetags.cases import actor_name, citation
from accord.enquiries.models import Enquiry
from accord.enquiries.selectors import (
    MemberMessage,
    enquiry_is_overdue,
    enquiry_route,
)

register = template.Library()

STATE_TAGS: dict[str, str] = {
    Enquiry.State.RECEIVED: "govuk-tag--blue",
    Enquiry.State.ASSIGNED: "govuk-tag--light-blue",
    Enquiry.State.HOLDING_REPLY_SENT: "govuk-tag--yellow",
    Enquiry.State.WAITING_FOR_MEMBER: "govuk-tag--orange",
    Enquiry.State.ANSWERED: "govuk-tag--green",
    Enquiry.State.CLOSED: "govuk-tag--grey",
    Enquiry.State.DIVERTED: "govuk-tag--purple",
    Enquiry.State.MONITORING_OFFICER: "govuk-tag--pink",
}


@register.simple_tag
def state_tag(enquiry: Enquiry) -> SafeString:
    """The state in words, plus an "Overdue" tag when the deadline has passed (D 6.3)."""
    tag = format_html(
        '<strong class="govuk-tag {}">{}</strong>',
        STATE_TAGS.get(enquiry.state, "govuk-tag--grey"),
        enquiry.get_state_display(),
    )
    if enquiry_is_overdue(enquiry):
        tag = format_html('{} <strong class="govuk-tag govuk-tag--red">Overdue</strong>', tag)
    return tag


@register.simple_tag
def due_or_route(enquiry: Enquiry) -> str:
    """A list's "Due date" cell: the date, or the route a diverted or Monitoring Officer case took instead
    (D 6.7, D 4.2), since it has no deadline."""
    route = enquiry_route(enquiry)
    if route is not None:
        return (
            "Corporate Complaints"
            if route.route_to == "corporate-complaints"
            else "Monitoring Officer"
        )
    return f"{enquiry.due_date.day} {enquiry.due_date:%b %Y}"


MESSAGE_TAGS: dict[str, str] = {
    "queued": "govuk-tag--grey",
    "sent": "govuk-tag--green",
    "retrying": "govuk-tag--yellow",
    "failed": "govuk-tag--red",
}


@register.simple_tag
def message_status_tag(message: MemberMessage) -> SafeString:
    """Whether an e-mail to the Member went, in words: queued, sent, failed — retrying (D 6.1)."""
    return format_html(
        '<strong class="govuk-tag {}">{}</strong>',
        MESSAGE_TAGS.get(message.status, "govuk-tag--grey"),
        message.status_words,
    )


# The shared case helpers, under the names enquiry templates already use.
register.inclusion_tag("cases/_citation.html", takes_context=True, name="citation")(citation)
register.filter("actor_name", actor_name)


@register.simple_tag
def select_options(field: Any) -> list[tuple[str | None, list[tuple[str, str, bool]]]]:
    """A select field's options as (group label or None, [(value, label, selected)]), so a template can
    render `<optgroup>`s (the assign list's service officers first)."""
    value = field.value()
    current = "" if value is None else str(value)
    groups: list[tuple[str | None, list[tuple[str, str, bool]]]] = []
    for key, label in field.field.choices:
        if isinstance(label, list | tuple):
            groups.append((str(key), [(str(v), str(lab), str(v) == current) for v, lab in label]))
        else:
            groups.append((None, [(str(key), str(label), str(key) == current)]))
    return groups
