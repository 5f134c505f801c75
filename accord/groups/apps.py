from django.apps import AppConfig


class GroupsConfig(AppConfig):
    """Political groups (D 7, N 18-19) and confidential briefings (N 14-15): one app, because both rest on
    the same question, who belongs to which group, and the same guarantee, that nothing one group said
    reaches another."""

    name = "accord.groups"
    label = "groups"
    verbose_name = "Political groups and briefings"

    def ready(self) -> None:
        from accord.cases.actions import actions_register
        from accord.cases.disclosure import disclosure_sources_register
        from accord.cases.history import chains_register
        from accord.cases.nav import nav_register
        from accord.groups.chain import groups_chain_verify
        from accord.groups.disclosure import group_disclosure_hits

        from .actions import BRIEFING_ACTIONS, MEETING_ACTIONS
        from .nav import group_nav_links

        actions_register(MEETING_ACTIONS)
        actions_register(BRIEFING_ACTIONS)
        nav_register(self.label, group_nav_links, title="Groups")
        chains_register("groups", groups_chain_verify)
        disclosure_sources_register("groups", group_disclosure_hits)
