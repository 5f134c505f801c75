"""Sign-in against Accord's users, loading with each request's user the Member or officer they are."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from accord.accounts.models import User


class AccordBackend(ModelBackend):
    """Django's model backend; the request's user comes with their Member (and its council) or their
    officer in the same query, since every page and API call asks who the user is in the council's terms."""

    def get_user(self, user_id: Any) -> User | None:
        related = User.objects.select_related("member__council", "officer")
        try:
            user = related.get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
