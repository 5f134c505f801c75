"""The sign-in form: allauth's, with the field names and messages of the GOV.UK Design System."""

from __future__ import annotations

from typing import Any

from allauth.account.forms import LoginForm


class SignInForm(LoginForm):
    """Username and password. The form's `login` field is posted as `username`, so browsers' password
    managers and the page's label keep the plain name."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        login = self.fields["login"]
        login.label = "Username"
        login.widget.attrs.pop("placeholder", None)
        login.error_messages["required"] = "Enter your username"
        self.fields["password"].label = "Password"
        self.fields["password"].error_messages["required"] = "Enter your password"

    def add_prefix(self, field_name: str) -> str:
        return super().add_prefix("username" if field_name == "login" else field_name)
