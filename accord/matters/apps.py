from django.apps import AppConfig


class MattersConfig(AppConfig):
    name = "accord.matters"
    label = "matters"
    verbose_name = "Local matters"

    def ready(self) -> None:
        from accord.cases.actions import actions_register
        from accord.cases.disclosure import disclosure_sources_register
        from accord.cases.history import chains_register
        from accord.cases.nav import nav_register
        from accord.matters.actions import MATTER_ACTIONS
        from accord.matters.chain import matters_chain_verify
        from accord.matters.disclosure import matter_disclosure_hits
        from accord.matters.feed import meetings_for_user
        from accord.matters.nav import matter_nav_links
        from accord.notifications.feeds import calendar_feed_register

        actions_register(MATTER_ACTIONS)
        nav_register("matters", matter_nav_links, title="Matters")
        calendar_feed_register("matters", meetings_for_user)
        chains_register("matters", matters_chain_verify)
        disclosure_sources_register("matters", matter_disclosure_hits)
