"""The protocol page: the council's protocol in its own words, each paragraph with its coverage and rules."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accord.cases.citation_notes import CitationNote, citation_notes_for
from accord.protocol import Paragraph, Profile, Rule
from accord.protocol.coverage import coverage_report
from accord.web.templatetags.accord_web import paragraph_anchor
from accord.web.views.common import council_context, council_profile, request_council


@dataclass(frozen=True)
class ParagraphRow:
    paragraph: Paragraph
    anchor: str
    state: str
    rules: list[Rule]
    notes: list[CitationNote] = field(default_factory=list)


@dataclass(frozen=True)
class Section:
    heading: str
    anchor: str
    rows: list[ParagraphRow]


def protocol_sections(profile: Profile, council_id: int | None = None) -> list[Section]:
    """Paragraphs grouped under their headings, in document order, with the state from the profile alone
    and, for a council, the notes registered on each paragraph (the Monitoring Officer's rulings, D 12)."""
    states = {c.paragraph: c.state for c in coverage_report(profile, test_roots=[])}
    sections: list[Section] = []
    for p in profile.paragraphs:
        if not sections or sections[-1].heading != p.heading:
            sections.append(
                Section(heading=p.heading, anchor=f"section-{len(sections) + 1}", rows=[])
            )
        sections[-1].rows.append(
            ParagraphRow(
                paragraph=p,
                anchor=paragraph_anchor(p.id),
                state=states.get(p.id, "not yet"),
                rules=profile.rules_citing(p.id),
                notes=citation_notes_for(council_id, profile.key, p.id),
            )
        )
    return sections


@login_required
def council_protocol(request: HttpRequest, slug: str) -> HttpResponse:
    council = request_council(request, slug)
    profile = council_profile(council)
    sections = protocol_sections(profile, council.pk) if profile is not None else []
    context = council_context(council, profile=profile, sections=sections)
    return render(request, "web/councils/protocol.html", context)
