from django.urls import path

from accord.concerns import views

app_name = "concerns"

urlpatterns = [
    path("concerns/", views.concern_list, name="list"),
    path("concerns/export.csv", views.concern_export, name="export"),
    path("concerns/raise/", views.concern_raise, name="raise"),
    path("concerns/<int:pk>/", views.concern_detail, name="detail"),
    path("concerns/<int:pk>/<slug:action>/", views.concern_action, name="action"),
]
