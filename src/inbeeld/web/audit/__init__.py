"""The audit log: append-only, hash-chained entries (ids, user, action, time; never text)."""
