from django.urls import path

from accord.groups.views import pages

app_name = "groups"
urlpatterns = [
    path("groups/", pages.group_home, name="home"),
    path("groups/meetings.csv", pages.meetings_csv, name="meetings-csv"),
    path("groups/meetings/new/", pages.meeting_new, name="meeting-new"),
    path("groups/meetings/<int:pk>/", pages.meeting_detail, name="meeting"),
    path(
        "groups/meetings/<int:pk>/actions/<slug:action>/",
        pages.meeting_action,
        name="meeting-action",
    ),
    path("groups/offers/<int:pk>/", pages.offer_detail, name="offer"),
    path("groups/briefings/new/", pages.briefing_new, name="briefing-new"),
    path("groups/briefings/<int:pk>/", pages.briefing_detail, name="briefing"),
    path(
        "groups/briefings/<int:pk>/actions/<slug:action>/",
        pages.briefing_action,
        name="briefing-action",
    ),
]
