"""Stored conversations, messages, coders and codings (Django models)."""
