"""The built-in national rule sets, each an ordinary plugin module.

Each module registers its rule set through the same hook an outside plugin uses, marked
``trylast`` so that nothing depends on registration order. Every rule carries its source
and a confidence tag from the project's rules catalogue (``C1``, ``C2``, ``UNCONFIRMED``).
"""
