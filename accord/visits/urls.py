from django.urls import path

from accord.visits import views

app_name = "visits"
urlpatterns = [
    path("councils/<slug:slug>/premises/", views.premises_list, name="premises"),
    path("councils/<slug:slug>/premises/new/", views.premises_add, name="premises-add"),
    path("councils/<slug:slug>/premises/<int:pk>/", views.premises_detail, name="premises-detail"),
    path("visits/", views.visit_list, name="mine"),
    path("visits/new/", views.visit_request, name="request"),
    path("visits/<int:pk>/", views.visit_detail, name="detail"),
    path("visits/<int:pk>/actions/<slug:action>/", views.visit_action, name="action"),
    path("visits/permission/<str:token>/", views.visit_permission, name="permission"),
    path("appointments/", views.appointment_list, name="appointments"),
    path("appointments/new/", views.appointment_book, name="appointment-book"),
    path("appointments/<int:pk>/", views.appointment_detail, name="appointment"),
    path(
        "appointments/<int:pk>/actions/<slug:action>/",
        views.appointment_action,
        name="appointment-action",
    ),
]
