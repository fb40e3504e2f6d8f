"""Recognisers: each finds one kind of identifier in message texts; registered in deid/registry.py."""
