"""The machinery every case capability shares: declared actions, the history chain, working days, the
timeline, actions panel, citation and due-date partials, and the navigation built from the capabilities."""
