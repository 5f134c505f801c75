from allauth.account.decorators import secure_admin_login
from allauth.urls import build_provider_urlpatterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from accord.accounts.sso import sso_callback
from accord.accounts.views import not_offered
from accord.api.urls import api

admin.site.site_header = "Accord administration"
admin.site.site_title = "Accord"
# The admin signs in through the site's sign-in page: one throttled path, with multi-factor authentication.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

# allauth's pages that Accord does not offer (accord.accounts.views): shadowed by a 404 at the same address.
NOT_OFFERED = (
    ("signup/", "signup"),
    ("email/", "email"),
    ("confirm-email/", "confirm-email"),
    ("confirm-email/<str:key>/", "confirm-email-key"),
    ("password/set/", "password-set"),
    ("3rdparty/", "connections"),
    ("3rdparty/signup/", "sso-signup"),
)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    # Before allauth's own callback at the same address: throttled, and the id_token's signature checked.
    path("account/oidc/<str:provider_id>/login/callback/", sso_callback, name="sso-callback"),
    # allauth's own sign-in address leads to the site's, which offers the councils' providers too.
    path(
        "account/login/",
        RedirectView.as_view(pattern_name="web:sign-in", query_string=True),
        name="account-sign-in",
    ),
    *(
        path(f"account/{route}", not_offered, name=f"not-offered-{name}")
        for route, name in NOT_OFFERED
    ),
    path("account/", include("allauth.account.urls")),
    path("account/2fa/", include("allauth.mfa.urls")),
    path("account/3rdparty/", include("allauth.socialaccount.urls")),
    path("account/", include(build_provider_urlpatterns())),
    path("", include("accord.enquiries.urls")),
    path("", include("accord.matters.urls")),
    path("", include("accord.correspondence.urls")),
    path("", include("accord.securitylog.urls")),
    path("", include("accord.visits.urls")),
    path("", include("accord.concerns.urls")),
    path("", include("accord.rulings.urls")),
    path("", include("accord.web.urls")),
    path("", include("accord.groups.urls")),
    path("", include("accord.committees.urls")),
]
