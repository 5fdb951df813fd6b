"""Use cases. Each call takes plain values, validates them, commits in one transaction before
it returns, and hands back frozen domain records. Nothing here opens a dialog or prints.
"""

from needlemap.services.clinic import Clinic, open_clinic

__all__ = ["Clinic", "open_clinic"]
