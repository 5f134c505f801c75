"""The writes of group meetings and briefings (`meetings`, `briefings`)."""
