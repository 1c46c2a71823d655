"""Provenance of a rule set: what is UNCONFIRMED, what is missing to confirm it, and gaps.

:func:`unconfirmed_items` names every UNCONFIRMED rule version, edition date and quorum of a
rule set with what is missing to confirm it, so an auditor, or a council with its own copy
of the text, can close the gap (``safeguarding-rules rules --unconfirmed``).
:func:`evidence_problems` lists every item that has neither quoted evidence nor, being
UNCONFIRMED, a reason; the library's tests require it to be empty for every installed rule
set.
"""

from __future__ import annotations

import attrs

from .model import Confidence, Edition, Rule
from .quoracy import QuorumRule
from .rule_set import RuleSet

__all__ = ["UnconfirmedItem", "evidence_problems", "unconfirmed_items"]


@attrs.frozen(kw_only=True)
class UnconfirmedItem:
    """One UNCONFIRMED item of a rule set and what is missing to confirm it."""

    #: Name of the rule set.
    rule_set: str
    #: ``"rule"``, ``"edition dates"`` or ``"quorum"``.
    kind: str
    #: The rule id, edition id, or ``"quorum"``.
    id: str
    #: The edition the item belongs to (``None`` for a quorum).
    edition: str | None
    #: What the item is, e.g. the rule's title and value.
    title: str
    #: What is missing to confirm it.
    missing: str

    def describe(self) -> str:
        """Say the item and what is missing, on one line."""
        where = f" ({self.edition})" if self.edition and self.edition != self.id else ""
        return f"{self.kind} {self.id}{where}: {self.title}. Missing: {self.missing}"


def _rules(rule_set: RuleSet) -> list[Rule]:
    found = [rule for rule_id in rule_set.rule_ids for rule in rule_set.versions(rule_id)]
    quorum = rule_set.quorum
    if quorum is not None and quorum.reconvene is not None:
        found.append(quorum.reconvene)
    return found


def _editions(rule_set: RuleSet) -> list[Edition]:
    found = {edition.id: edition for edition in rule_set.editions}
    for rule in _rules(rule_set):
        found.setdefault(rule.edition.id, rule.edition)
    return list(found.values())


def unconfirmed_items(rule_set: RuleSet) -> tuple[UnconfirmedItem, ...]:
    """Every UNCONFIRMED item of ``rule_set``: edition dates, rule versions, quorum."""
    items = [
        UnconfirmedItem(
            rule_set=rule_set.name,
            kind="edition dates",
            id=edition.id,
            edition=edition.id,
            title=f"{edition.title}, in force from {edition.effective_from.isoformat()}",
            missing=edition.dates_source,
        )
        for edition in _editions(rule_set)
        if edition.dates_confidence is Confidence.UNCONFIRMED
    ]
    items += [
        UnconfirmedItem(
            rule_set=rule_set.name,
            kind="rule",
            id=rule.id,
            edition=rule.edition.id,
            title=f"{rule.title}, {rule.wording}",
            missing=rule.unconfirmed_reason,
        )
        for rule in _rules(rule_set)
        if rule.confidence is Confidence.UNCONFIRMED
    ]
    quorum = rule_set.quorum
    if quorum is not None and quorum.confidence is Confidence.UNCONFIRMED:
        items.append(
            UnconfirmedItem(
                rule_set=rule_set.name,
                kind="quorum",
                id="quorum",
                edition=None,
                title=quorum.title,
                missing=quorum.unconfirmed_reason,
            )
        )
    return tuple(items)


def _problem(confidence: Confidence, evidence: tuple[object, ...], reason: str) -> str | None:
    if confidence is Confidence.UNCONFIRMED:
        return None if reason.strip() else "is UNCONFIRMED but does not say what is missing"
    return None if evidence else f"is {confidence.value} but quotes no evidence"


def evidence_problems(rule_set: RuleSet) -> tuple[str, ...]:
    """Every rule version, edition and quorum with neither evidence nor an UNCONFIRMED reason."""
    problems = []
    for edition in _editions(rule_set):
        found = _problem(edition.dates_confidence, edition.evidence, edition.dates_source)
        if found:
            problems.append(f"{rule_set.name}: edition {edition.id!r} dates {found}")
    for rule in _rules(rule_set):
        found = _problem(rule.confidence, rule.evidence, rule.unconfirmed_reason)
        if found:
            problems.append(f"{rule_set.name}: rule {rule.id!r} ({rule.edition.id}) {found}")
    quorum: QuorumRule | None = rule_set.quorum
    if quorum is not None:
        found = _problem(quorum.confidence, quorum.evidence, quorum.unconfirmed_reason)
        if found:
            problems.append(f"{rule_set.name}: quorum {found}")
    return tuple(problems)
