from django.http import HttpRequest, HttpResponse


def home(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Accord")


def sign_in(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Sign in")
