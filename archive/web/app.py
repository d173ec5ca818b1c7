"""Datasette on one archive file: read-only, with the archive's metadata and plugin.

:func:`make_datasette` builds the application (tests drive it without a server);
:func:`serve` runs it with uvicorn until Ctrl-C.
"""

from __future__ import annotations

import errno
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from archive.errors import InvalidOption, MissingExtra
from archive.search.plots import INSTALL_WEB
from archive.web.metadata import SETTINGS, metadata

if TYPE_CHECKING:
    from datasette.app import Datasette

TEMPLATES = Path(__file__).parent / "templates"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
"""Hosts that only this machine can reach."""


def is_local(host: str) -> bool:
    """True for an address that only this machine can reach."""
    return host in LOCAL_HOSTS


def make_datasette(path: Path, *, allow_sql: bool) -> Datasette:
    """Datasette serving the archive at ``path`` read-only, as ``/<its name's stem>``."""
    try:
        from datasette.app import Datasette
        from datasette.plugins import pm
        from datasette.utils import tilde_encode
    except ImportError:
        raise MissingExtra(f"serving needs Datasette - install it with: {INSTALL_WEB}") from None
    from archive.web import plugin

    if not pm.is_registered(plugin):
        pm.register(plugin, name="archive")
    name = path.stem
    return Datasette(
        [str(path)],
        metadata=metadata(name, path="/" + tilde_encode(name), allow_sql=allow_sql),
        settings=SETTINGS,
        template_dir=str(TEMPLATES),
    )


def check_port(host: str, port: int) -> None:
    """Raise :class:`InvalidOption` unless a server could listen on ``host`` and ``port``."""
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as error:
        reason = (
            "is in use" if error.errno == errno.EADDRINUSE else f"cannot be used ({error.strerror})"
        )
        raise InvalidOption(
            f"port {port} on {host} {reason} - choose another with --port"
        ) from None


def serve(
    path: Path,
    *,
    host: str,
    port: int,
    allow_sql: bool,
    started: Callable[[str], None] = lambda url: None,
) -> None:
    """Serve the archive at ``path`` until interrupted; once it answers, ``started`` gets
    its address."""
    datasette = make_datasette(path, allow_sql=allow_sql)
    check_port(host, port)
    import uvicorn

    server = uvicorn.Server(
        uvicorn.Config(datasette.app(), host=host, port=port, log_level="warning", lifespan="on")
    )
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}{datasette.urls.database(path.stem)}"

    def announce() -> None:
        while not server.started and not server.should_exit:
            time.sleep(0.05)
        if server.started:
            started(url)

    threading.Thread(target=announce, daemon=True).start()
    server.run()
