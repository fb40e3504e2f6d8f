"""Accounts: one role per person (admin, researcher, coder), sign-in with a second factor."""
