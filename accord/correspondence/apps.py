from django.apps import AppConfig


class CorrespondenceConfig(AppConfig):
    """Correspondence, information requests, publicity and the pre-election period (D 8.1-8.4, D 10)."""

    name = "accord.correspondence"
    label = "correspondence"
    verbose_name = "Correspondence and publicity"

    def ready(self) -> None:
        from accord.cases.actions import actions_register
        from accord.cases.disclosure import disclosure_sources_register
        from accord.cases.history import chains_register
        from accord.cases.nav import nav_register
        from accord.correspondence.chain import comms_chain_verify

        from .actions import CORRESPONDENCE_ACTIONS, PRESS_ACTIONS, PUBLICITY_ACTIONS
        from .disclosure import correspondence_disclosure_hits
        from .nav import correspondence_nav_links

        actions_register(CORRESPONDENCE_ACTIONS)
        actions_register(PRESS_ACTIONS)
        actions_register(PUBLICITY_ACTIONS)
        nav_register(self.label, correspondence_nav_links, title="Letters")
        disclosure_sources_register("correspondence", correspondence_disclosure_hits)
        chains_register("correspondence", comms_chain_verify)
