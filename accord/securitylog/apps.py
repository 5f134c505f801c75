from django.apps import AppConfig


class SecurityLogConfig(AppConfig):
    name = "accord.securitylog"
    label = "securitylog"
    verbose_name = "Security and access log"

    def ready(self) -> None:
        from accord.securitylog import receivers

        receivers.connect()
