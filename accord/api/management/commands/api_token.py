"""`accord api-token create USERNAME --name NAME`: make an API token and print it once."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from accord.api.models import ApiToken
from accord.api.services import api_token_create, api_token_revoke
from accord.core.errors import AccordError


class Command(BaseCommand):
    help = "Create, list or revoke API tokens."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create a token and print it (shown only once).")
        create.add_argument("username")
        create.add_argument("--name", required=True, help="What the token is for.")
        listing = sub.add_parser("list", help="List a user's tokens (prefix only).")
        listing.add_argument("username")
        revoke = sub.add_parser("revoke", help="Revoke a token by its prefix.")
        revoke.add_argument("prefix")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "revoke":
            tokens = list(ApiToken.objects.filter(prefix=options["prefix"]))
            if len(tokens) != 1:
                raise CommandError(f"No single token has the prefix {options['prefix']!r}")
            api_token_revoke(token=tokens[0])
            self.stdout.write(f"Revoked {tokens[0]}")
            return
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user called {options['username']!r}")
        if action == "list":
            for token in ApiToken.objects.filter(user=user):
                state = "revoked" if token.revoked else "active"
                self.stdout.write(f"{token.prefix}…  {token.name}  {state}")
            return
        try:
            _, plaintext = api_token_create(user=user, name=options["name"])
        except AccordError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(plaintext)
        self.stderr.write("Keep this token safe: it will not be shown again.")
