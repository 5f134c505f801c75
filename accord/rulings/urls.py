from django.urls import path

from accord.rulings import views

app_name = "rulings"

urlpatterns = [
    path("councils/<slug:slug>/rulings/", views.ruling_list, name="list"),
    path("rulings/record/", views.ruling_record, name="record"),
    path("questions/", views.question_list, name="questions"),
    path("questions/ask/", views.question_ask, name="ask"),
    path("questions/<int:pk>/", views.question_detail, name="question"),
    path("questions/<int:pk>/<slug:action>/", views.question_action, name="question-action"),
]
