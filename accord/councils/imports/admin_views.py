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
from .records import MAX_BYTES
from .report import ImportReport
from .services import members_import_file


class MembersImportForm(forms.Form):
    council = forms.ModelChoiceField(queryset=Council.objects.all())
    file = forms.FileField(help_text="A CSV file or a modern.gov GetCouncillorsByWard XML file.")
    file_format = forms.ChoiceField(
        label="Format", choices=(("csv", "CSV"), ("moderngov", "modern.gov XML"))
    )
    dry_run = forms.BooleanField(
        required=False, label="Dry run: show what would change, save nothing"
    )
    deactivate_missing = forms.BooleanField(
        required=False, label="Mark Members who are not in the file as inactive"
    )

    def __init__(self, *args: Any, council: Council | None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if council is not None:
            del self.fields["council"]


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
            upload = form.cleaned_data["file"]
            target = council or form.cleaned_data["council"]
            if upload.size > MAX_BYTES:
                form.add_error("file", f"The file is larger than {MAX_BYTES // 1024} KB.")
            else:
                try:
                    report = members_import_file(
                        council=target,
                        data=upload.read(),
                        file_format=form.cleaned_data["file_format"],
                        dry_run=form.cleaned_data["dry_run"],
                        deactivate_missing=form.cleaned_data["deactivate_missing"],
                    )
                except AccordError as exc:
                    form.add_error("file", f"{exc.message} Nothing was saved.")
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
