"""The installed version of the archive, from its package metadata."""

from __future__ import annotations

DISTRIBUTION = "news-archive"
"""The name the archive is installed under (``pip install news-archive``)."""


def installed_version() -> str:
    """The installed version, from the package metadata; "unknown" when not installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "unknown"
