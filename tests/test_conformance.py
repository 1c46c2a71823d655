"""Every installed rule set passes the conformance suite it ships to plugin authors."""

from __future__ import annotations

from safeguarding_rules.testing import RuleSetContract


class TestEngland(RuleSetContract):
    rule_set_name = "england"


class TestWales(RuleSetContract):
    rule_set_name = "wales"


class TestScotland(RuleSetContract):
    rule_set_name = "scotland"


class TestNorthernIreland(RuleSetContract):
    rule_set_name = "northern-ireland"


class TestGuernsey(RuleSetContract):
    rule_set_name = "guernsey"


class TestIsleOfMan(RuleSetContract):
    rule_set_name = "isle-of-man"
