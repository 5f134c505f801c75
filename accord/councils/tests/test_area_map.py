"""The areas drawn as an SVG: one titled path per area, a title and description summarising what is
marked, marked areas hatched and outlined more thickly (never colour alone), every name escaped."""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree

import pytest

from accord.councils.maps import area_map, area_map_svg
from accord.councils.models import Council

from . import factories
from .places_support import with_boundaries

f: Any = factories

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def council() -> Council:
    council = f.CouncilFactory(name="Testshire <District> Council")
    with_boundaries(council)
    return council


def test_the_svg_is_one_labelled_image_with_a_titled_path_per_area(council: Council) -> None:
    abbey = council.areas.get(name="Abbey")
    root = ElementTree.fromstring(str(area_map_svg(council, marked={abbey.pk})))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "area-map-title area-map-desc"
    assert root.find(f"{SVG}title").text == "Map of the wards of Testshire <District> Council"
    assert root.find(f"{SVG}desc").text == "1 of 2 wards marked: Abbey."
    paths = root.findall(f"{SVG}path")
    titles = {p.find(f"{SVG}title").text: p for p in paths}
    assert set(titles) == {"Abbey (marked)", "Castle"}
    marked, plain = titles["Abbey (marked)"], titles["Castle"]
    assert marked.get("fill") == "url(#area-map-hatch)" and marked.get("stroke-width") == "3"
    assert plain.get("fill") == "#f3f2f1" and plain.get("stroke-width") == "1"
    assert paths[-1] is marked  # drawn last, so its outline is not hidden
    assert plain.get("d").count("M") == 2  # Castle's detached part is drawn too


def test_names_are_escaped_and_labels_added(council: Council) -> None:
    abbey = council.areas.get(name="Abbey")
    abbey.name = 'Abbey "<script>"'
    abbey.save()
    drawn = area_map(council, marked=[abbey.pk], labels={abbey.pk: "public meeting <here>"})
    assert drawn is not None
    assert "<script>" not in drawn.svg
    assert "Abbey &quot;&lt;script&gt;&quot; (marked): public meeting &lt;here&gt;" in drawn.svg
    assert [(a.name, a.marked, a.label) for a in drawn.areas] == [
        ('Abbey "<script>"', True, "public meeting <here>"),
        ("Castle", False, ""),
    ]


def test_no_boundaries_no_map() -> None:
    council = f.CouncilFactory()
    assert area_map(council) is None
    assert area_map_svg(council) == ""


def test_a_page_includes_the_map_and_its_list_with_one_tag(council: Council) -> None:
    from django.template import Context, Template

    castle = council.areas.get(name="Castle")
    html = Template(
        '{% load area_maps %}{% area_map council marked labels=labels dom_id="matter-map" %}'
    ).render(Context({"council": council, "marked": [castle], "labels": {castle.pk: "site visit"}}))
    assert 'aria-labelledby="matter-map-title matter-map-desc"' in html
    assert "<strong>Castle</strong> (marked)" in html and ": site visit" in html
    assert "Not marked: Abbey." in html
