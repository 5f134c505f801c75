"""Template helpers for GOV.UK components: paragraph anchors, coverage tags and citation insets."""

from __future__ import annotations

import re
from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

_NOT_SLUG = re.compile(r"[^a-z0-9]+")

# The state's words are always shown: colour is never the only sign of meaning (WCAG 1.4.1).
COVERAGE_TAGS: dict[str, tuple[str, str]] = {
    "rule": ("Rule", "govuk-tag--green"),
    "workflow": ("Workflow", "govuk-tag--blue"),
    "guidance": ("Guidance", "govuk-tag--grey"),
    "definition": ("Definition", "govuk-tag--purple"),
}
NOT_YET = ("Not yet", "govuk-tag--red")


def paragraph_anchor(paragraph_id: str) -> str:
    """'6.3' -> 'para-6-3'; '19(e)' -> 'para-19-e'. Stable, so links to a paragraph keep working."""
    return "para-" + _NOT_SLUG.sub("-", str(paragraph_id).lower()).strip("-")


@register.filter(name="para_anchor")
def para_anchor_filter(paragraph_id: str) -> str:
    return paragraph_anchor(paragraph_id)


@register.filter
def error_anchor(field: Any) -> str:
    """The id an error summary's link for `field` (a bound field) goes to (WCAG 3.3.1).

    The field's own input, or for a set of radios or checkboxes its first option (`<auto_id>_0`, as the
    shared radios include numbers them): the GOV.UK error summary pattern. Anything that is not a bound
    field (a form with no visible field) goes to the main content.
    """
    widget = getattr(getattr(field, "field", None), "widget", None)
    if widget is None:
        return "main-content"
    if getattr(widget, "input_type", "") == "radio" or (
        getattr(widget, "input_type", "") == "checkbox"
        and getattr(widget, "allow_multiple_selected", False)
    ):
        return f"{field.auto_id}_0"
    return str(field.id_for_label or field.auto_id or "main-content")


@register.simple_tag
def coverage_tag(state: str) -> SafeString:
    text, modifier = COVERAGE_TAGS.get(str(state), NOT_YET)
    return format_html('<strong class="govuk-tag {}">{}</strong>', modifier, text)


def protocol_link(council_slug: str, paragraph_id: str) -> str:
    return reverse("web:protocol", args=[council_slug]) + "#" + paragraph_anchor(paragraph_id)


@register.inclusion_tag("web/components/citation.html", takes_context=True)
def citation_inset(context: template.Context, citation: Any) -> dict[str, Any]:
    """A citation as inset text, "D 6.3 — Officers shall aim …", linking to the paragraph."""
    council = context.get("council")
    href = protocol_link(council.slug, citation.paragraph) if council is not None else None
    return {"citation": citation, "href": href, "excerpt": citation.excerpt()}
