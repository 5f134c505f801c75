from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accord.accounts"
    label = "accounts"
    verbose_name = "Users"

    def ready(self) -> None:
        from allauth.mfa.signals import authentication_failed

        from .admin import allauth_admin_unregister
        from .throttle import mfa_failure_record

        allauth_admin_unregister()  # after the admin has found every app's pages

        # allauth tells of a wrong multi-factor code only by this signal; it is kept like a wrong password.
        authentication_failed.connect(mfa_failure_record, dispatch_uid="accord-mfa-failure")
