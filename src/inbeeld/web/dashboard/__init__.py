"""The dashboard: the monitor's key figures per year from the stored codes."""
