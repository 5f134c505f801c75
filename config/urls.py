from django.contrib import admin
from django.urls import include, path

from accord.api.urls import api

admin.site.site_header = "Accord administration"
admin.site.site_title = "Accord"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("", include("accord.enquiries.urls")),
    path("", include("accord.securitylog.urls")),
    path("", include("accord.web.urls")),
]
