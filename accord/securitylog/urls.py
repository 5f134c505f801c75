from django.urls import path

from accord.securitylog import views

app_name = "securitylog"
urlpatterns = [
    path("councils/<slug:slug>/security-log/", views.security_log, name="log"),
    path("councils/<slug:slug>/security-log.csv", views.security_log_export, name="export"),
]
