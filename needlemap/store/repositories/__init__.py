"""Repositories: one per aggregate, each working inside the caller's unit of work."""
