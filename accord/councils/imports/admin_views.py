"""The admin's "Import Members" page: the same service as the command, for democratic services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from accord.core.errors import AccordError

from ..models import Council
from .problems import ImportProblems
from .records import MAX_BYTES
from .report import ImportReport
from .scope import Scope
from .services import members_import_file


class MembersImportForm(forms.Form):
    council = forms.ModelChoiceField(queryset=Council.objects.all())
    file = forms.FileField(help_text="A CSV file or a modern.gov GetCouncillorsByWard XML file.")
    file_format = forms.ChoiceField(
        label="Format",
        required=False,
        choices=(
            ("", "Found from the file's contents"),
            ("csv", "CSV"),
            ("moderngov", "modern.gov XML"),
        ),
    )
    dry_run = forms.BooleanField(
        required=False, label="Dry run: show what would change, save nothing"
    )
    deactivate_missing = forms.BooleanField(
        required=False, label="Mark Members who are not in the file as inactive"
    )
    create_areas = forms.BooleanField(
        required=False,
        label="Create the wards or divisions the file names that the council does not have",
        help_text="Without this, a ward or division the council does not have is refused, naming "
        "the line, so a misspelt name never becomes a new area.",
    )
    ward_suffix = forms.CharField(
        required=False,
        max_length=50,
        label="Only ward titles ending with",
        help_text="For a feed shared with another council, e.g. (BDC). Dropped from the area's name.",
    )
    email_domain = forms.CharField(
        required=False,
        max_length=100,
        label="Only e-mail addresses at",
        help_text="For a feed shared with another council, e.g. adur.gov.uk.",
    )

    def __init__(self, *args: Any, council: Council | None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if council is not None:
            del self.fields["council"]


def _import(form: MembersImportForm, target: Council) -> ImportReport | None:
    upload = form.cleaned_data["file"]
    if upload.size > MAX_BYTES:
        form.add_error("file", f"The file is larger than {MAX_BYTES // 1024} KB.")
        return None
    data = form.cleaned_data
    try:
        return members_import_file(
            council=target,
            data=upload.read(),
            file_format=data["file_format"],
            scope=Scope(ward_suffix=data["ward_suffix"], email_domain=data["email_domain"]),
            dry_run=data["dry_run"],
            deactivate_missing=data["deactivate_missing"],
            create_areas=data["create_areas"],
        )
    except ImportProblems as exc:
        count = len(exc.problems)
        form.add_error(
            "file", f"The file has {count} problem{'s' * (count > 1)}. Nothing was saved."
        )
        for problem in exc.problems:
            form.add_error("file", problem)
    except AccordError as exc:
        form.add_error("file", f"{exc.message} Nothing was saved.")
    return None


def members_import_view(model_admin: Any) -> Callable[[HttpRequest], HttpResponse]:
    def view(request: HttpRequest) -> HttpResponse:
        if not (
            model_admin.has_add_permission(request) and model_admin.has_change_permission(request)
        ):
            raise PermissionDenied
        council = model_admin.scoped_council(request)
        form = MembersImportForm(request.POST or None, request.FILES or None, council=council)
        report: ImportReport | None = None
        if request.method == "POST" and form.is_valid():
            report = _import(form, council or form.cleaned_data["council"])
        context = {
            **admin.site.each_context(request),
            "title": "Import Members",
            "opts": model_admin.model._meta,
            "form": form,
            "report": report,
            "council": council,
        }
        return TemplateResponse(request, "admin/councils/member/import.html", context)

    return view
