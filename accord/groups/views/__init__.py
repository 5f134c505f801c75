"""Pages of group meetings and briefings: thin, through the access layer, a selector or one service."""
