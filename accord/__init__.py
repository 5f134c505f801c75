"""Accord: a UK council's Member/Officer protocol, run as software."""
