from django.urls import path

from accord.enquiries.intake import views as intake
from accord.enquiries.views import case, categories, disputes, lists, report, shared

app_name = "enquiries"
urlpatterns = [
    path("enquiries/", lists.enquiry_mine, name="mine"),
    path("enquiries/new/", case.enquiry_raise, name="raise"),
    path("enquiries/queue/", lists.enquiry_queue, name="queue"),
    path("enquiries/queue/service/", lists.enquiry_service_queue, name="service-queue"),
    path("enquiries/shared/", shared.shared_list, name="shared"),
    path("enquiries/shared/<int:pk>/", shared.shared_detail, name="shared-detail"),
    path(
        "enquiries/queue/monitoring-officer/",
        lists.enquiry_monitoring_officer_queue,
        name="monitoring-officer-queue",
    ),
    path("enquiries/<int:pk>/", case.enquiry_detail, name="detail"),
    path("enquiries/<int:pk>/print/", case.enquiry_print, name="print"),
    path("enquiries/<int:pk>/actions/<slug:action>/", case.enquiry_action, name="action"),
    path(
        "enquiries/<int:pk>/attachments/<int:attachment_pk>/",
        case.enquiry_attachment,
        name="attachment",
    ),
    path("enquiries/mail/", intake.mail_queue, name="mail-queue"),
    path("enquiries/mail/<int:pk>/", intake.mail_detail, name="mail"),
    path("enquiries/mail/<int:pk>/assign/", intake.mail_assign, name="mail-assign"),
    path("enquiries/mail/<int:pk>/discard/", intake.mail_discard, name="mail-discard"),
    path("disputes/", disputes.dispute_list, name="disputes"),
    path("disputes/new/", disputes.dispute_open, name="dispute-open"),
    path("disputes/<int:pk>/", disputes.dispute_detail, name="dispute"),
    path("disputes/<int:pk>/steps/<slug:action>/", disputes.dispute_action, name="dispute-action"),
    path("councils/<slug:slug>/enquiries/", lists.enquiry_all, name="all"),
    path(
        "councils/<slug:slug>/enquiries/categories/",
        categories.category_list,
        name="categories",
    ),
    path(
        "councils/<slug:slug>/enquiries/categories/new/",
        categories.category_add,
        name="category-add",
    ),
    path(
        "councils/<slug:slug>/enquiries/categories/<int:pk>/",
        categories.category_edit,
        name="category-edit",
    ),
    path(
        "councils/<slug:slug>/enquiries/settings/",
        categories.enquiry_settings_edit,
        name="settings",
    ),
    path("councils/<slug:slug>/enquiries/export.csv", lists.enquiry_export, name="export"),
    path("councils/<slug:slug>/enquiries/report/", report.enquiry_report, name="report"),
    path("councils/<slug:slug>/enquiries/report.csv", report.enquiry_report_csv, name="report-csv"),
]
