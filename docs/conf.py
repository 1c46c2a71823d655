"""Sphinx configuration for the safeguarding_rules documentation.

Build with warnings as errors, as CI does:

    sphinx-build -W --keep-going -b html docs docs/_build/html
"""

from __future__ import annotations

from importlib.metadata import version as _version

project = "safeguarding_rules"
author = "safeguarding_rules contributors"
copyright = "2026, safeguarding_rules contributors"
release = _version("safeguarding-rules")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx_click",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
myst_heading_anchors = 3
autodoc_typehints = "signature"
autodoc_member_order = "bysource"
# No intersphinx: builds make no network calls.
html_theme = "furo"
html_title = "safeguarding_rules"
