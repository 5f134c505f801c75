from django.urls import path

from accord.matters.views import matter, report

app_name = "matters"
urlpatterns = [
    path("matters/mine/", matter.matter_mine, name="mine"),
    path("matters/<int:pk>/", matter.matter_detail, name="detail"),
    path("matters/<int:pk>/actions/<slug:action>/", matter.matter_action, name="action"),
    path("councils/<slug:slug>/matters/", matter.matter_list, name="list"),
    path("councils/<slug:slug>/matters/new/", matter.matter_record_page, name="record"),
    path("councils/<slug:slug>/matters/report/", report.matter_report, name="report"),
    path("councils/<slug:slug>/matters/report.csv", report.matter_report_csv, name="report-csv"),
]
