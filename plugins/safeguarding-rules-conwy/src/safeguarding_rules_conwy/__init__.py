"""Conwy's local child protection rules, as a safeguarding_rules plugin."""

from .hooks import RULE_SET

__all__ = ["RULE_SET"]
