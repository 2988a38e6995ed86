"""Editors' tools behind the ``portal`` command: check, translation status, new documents, the
preview server. They read the site with the build's own readers and validators (never a copy)."""
