from django.urls import path

from . import views

app_name = "committees"
urlpatterns = [
    path("councils/<slug:slug>/meetings/", views.meeting_list, name="meetings"),
    path("councils/<slug:slug>/meetings.ics", views.meetings_feed, name="feed"),
    path("councils/<slug:slug>/meetings/<int:pk>/agenda/", views.agenda_public, name="agenda"),
    path("meetings/new/", views.meeting_new, name="meeting-new"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/actions/<slug:action>/", views.meeting_action, name="meeting-action"),
    path("councils/<slug:slug>/decisions/", views.decision_list, name="decisions"),
    path("decisions/new/", views.decision_new, name="decision-new"),
    path("decisions/<int:pk>/", views.decision_detail, name="decision"),
    path("decisions/<int:pk>/scrutiny/", views.decision_scrutiny, name="decision-scrutiny"),
    path(
        "decisions/<int:pk>/actions/<slug:action>/", views.decision_action, name="decision-action"
    ),
]
