"""Production settings: the public address, used for hreflang, canonical links and the sitemap."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("PORTAL_SITEURL", "https://volunteer.example.taipei")
DELETE_OUTPUT_DIRECTORY = True
