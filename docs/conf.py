"""Sphinx configuration for the icclaw documentation."""

from __future__ import annotations

project = "icclaw"
author = "The icclaw developers"
copyright = "2026, the icclaw developers"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
html_theme = "furo"
html_title = "icclaw"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True
myst_heading_anchors = 3
nitpicky = False
suppress_warnings = ["ref.python"]  # names re-exported from icclaw resolve to two targets
