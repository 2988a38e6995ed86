"""Running the ``portal`` command as an editor would, in a throwaway copy of the project."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import BUILD_NOW, SITEURL


def portal(project: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items()
                   if key != "PORTAL_OPPORTUNITIES_FEED"}
    environment.update({"PORTAL_SITEURL": SITEURL, "PORTAL_NOW": BUILD_NOW,
                        "PORTAL_ARCHIVE_CACHE_DIR": str(project / ".cache" / "archive")})
    return subprocess.run([sys.executable, "-m", "portal.cli", *args], cwd=project,
                          capture_output=True, text=True, env=environment, timeout=timeout)
