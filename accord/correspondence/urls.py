from django.urls import path

from accord.correspondence.views import cases, information, periods, support

app_name = "correspondence"
urlpatterns = [
    path("correspondence/", cases.correspondence_list, name="list"),
    path("correspondence/new/", cases.correspondence_new, name="new"),
    path("correspondence/<int:pk>/", cases.correspondence_detail, name="detail"),
    path(
        "correspondence/<int:pk>/actions/<slug:action>/", cases.correspondence_action, name="action"
    ),
    path("press-enquiries/", cases.press_list, name="press-list"),
    path("press-enquiries/new/", cases.press_new, name="press-new"),
    path("press-enquiries/<int:pk>/", cases.press_detail, name="press-detail"),
    path(
        "press-enquiries/<int:pk>/actions/<slug:action>/", cases.press_action, name="press-action"
    ),
    path("publicity/", cases.publicity_list, name="publicity-list"),
    path("publicity/new/", cases.publicity_new, name="publicity-new"),
    path("publicity/<int:pk>/", cases.publicity_detail, name="publicity-detail"),
    path(
        "publicity/<int:pk>/actions/<slug:action>/", cases.publicity_action, name="publicity-action"
    ),
    path("information-requests/", information.information_list, name="information-list"),
    path("information-requests/new/", information.information_new, name="information-new"),
    path(
        "information-requests/<int:pk>/", information.information_detail, name="information-detail"
    ),
    path(
        "information-requests/<int:pk>/bundle.zip",
        information.information_bundle_download,
        name="information-bundle",
    ),
    path(
        "information-requests/<int:pk>/answer/",
        information.information_answer,
        name="information-answer",
    ),
    path("councils/<slug:slug>/pre-election-periods/", periods.period_list, name="periods"),
    path("ict-agreement/", support.ict_agreement, name="ict-agreement"),
    path("support-requests/", support.support_list, name="support"),
    path("support-requests/<int:pk>/decide/", support.support_decide, name="support-decide"),
]
