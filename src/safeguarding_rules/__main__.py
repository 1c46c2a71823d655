"""Allow ``python -m safeguarding_rules``."""

from .cli import main

main()
