"""Who must use multi-factor authentication: the roles that can see or change a whole council's records.

Democratic services, Chief Officers (D 1.4), the Monitoring Officer (D 2.11, N 4) and platform
administrators who sign in with a password must enrol (a TOTP app or a security key, with recovery codes)
before anything else. Someone who signed in through their council's identity provider is not asked again:
the provider applies the council's own multi-factor policy (docs/operations.md, "Signing in").
"""

from __future__ import annotations

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.http import HttpRequest

from accord.core.access import (
    Actor,
    is_chief_officer,
    is_democratic_services,
    is_monitoring_officer,
    is_platform_admin,
)

MFA_REQUIRED = is_democratic_services | is_chief_officer | is_monitoring_officer | is_platform_admin
SECOND_FACTORS = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)


def mfa_role_requires(actor: Actor) -> bool:
    """Does this person's role require multi-factor authentication?"""
    return MFA_REQUIRED(actor)


def signed_in_by_provider(request: HttpRequest) -> bool:
    """Did this session start at the council's identity provider (OpenID Connect)?"""
    records = get_authentication_records(request, request.user)
    return any(r.get("method") == "socialaccount" for r in records)


def mfa_enrolment_required(request: HttpRequest) -> bool:
    """True when the signed-in user's role requires a second factor they have not set up yet."""
    from accord.core.access import request_actor

    actor = request_actor(request)
    if not mfa_role_requires(actor) or signed_in_by_provider(request):
        return False
    return not Authenticator.objects.filter(user=actor.user, type__in=SECOND_FACTORS).exists()
