from django.urls import path

from accord.councils import views as councils
from accord.web.views import account, feeds, protocol

app_name = "web"
urlpatterns = [
    path("", account.home, name="home"),
    path("sign-in/", account.SignInView.as_view(), name="sign-in"),
    path("sign-out/", account.SignOutView.as_view(), name="sign-out"),
    path("calendar-feed/", feeds.calendar_feed, name="calendar-feed"),
    path("calendar-feed/<str:token>.ics", feeds.calendar_feed_ics, name="calendar-feed-ics"),
    path("councils/<slug:slug>/", councils.council_overview, name="council"),
    path("councils/<slug:slug>/areas/", councils.council_areas, name="areas"),
    path("councils/<slug:slug>/members/", councils.council_members, name="members"),
    path("councils/<slug:slug>/officers/", councils.council_officers, name="officers"),
    path("councils/<slug:slug>/calendar/", councils.council_calendar, name="calendar"),
    path("councils/<slug:slug>/protocol/", protocol.council_protocol, name="protocol"),
]
