"""The same rule in several editions, written once: the builders every national rule set uses.

python-holidays writes each holiday once, in a group shared by the countries that keep it
(``ChristianHolidays._add_easter_monday``), and each country's calendar calls it for the
years it applies. Here an :class:`EditionGroup` holds the editions of one instrument
(*Working Together*, the Wales procedures, Scotland's national guidance), and
:meth:`EditionGroup.same` writes a rule once for every edition that states it alike: one
:class:`~safeguarding_rules.Rule` version per edition, identical but for the edition.

Where one edition's version differs only in how it is known (an older edition's value
believed from a later one; a version confirmed only by its successor's text), ``adjust``
changes that edition's version: a function of the built :class:`~safeguarding_rules.Rule`,
so the difference is written once too (:func:`believed`, :func:`restated`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from ..rules import Confidence, Edition, Evidence, Rule, StartEvent, Unit

__all__ = ["Adjust", "EditionGroup", "believed", "restated"]

#: Changes one edition's version of a rule (see :func:`believed`, :func:`restated`).
Adjust = Callable[[Rule], Rule]


@attrs.frozen
class EditionGroup:
    """The editions of one instrument, for writing the rules they state alike once.

    ``cite`` puts each edition's title before the source of its version ("Working
    Together to Safeguard Children 2010; quoted by ..."), for a source that says only
    who quotes the rule.
    """

    #: The editions, by id, oldest first (as :func:`~safeguarding_rules.editions_chain`).
    editions: Mapping[str, Edition]
    #: Whether each version's source starts with its edition's title.
    cite: bool = False

    def same(
        self,
        rule_id: str,
        title: str,
        n: int,
        unit: Unit,
        start_event: StartEvent,
        source: str,
        confidence: Confidence,
        evidence: Iterable[Evidence] = (),
        *,
        editions: Iterable[str] | None = None,
        adjust: Mapping[str, Adjust] | None = None,
        **fields: Any,
    ) -> list[Rule]:
        """Return the rule once for each edition (all, or those named), oldest first.

        :param fields: any other :class:`~safeguarding_rules.Rule` field (``notes``,
            ``direction``, ``conference_types``, ``unconfirmed_reason`` ...), the same in
            every version.
        :param adjust: for an edition id, a function changing that edition's version.
        :raises KeyError: for an edition id the group does not have.
        """
        wanted = list(self.editions) if editions is None else list(editions)
        changes = adjust or {}
        unknown = sorted((set(wanted) | set(changes)) - set(self.editions))
        if unknown:
            known = ", ".join(self.editions)
            raise KeyError(f"no such edition {', '.join(unknown)}; known: {known}")
        built = []
        for edition_id in wanted:
            edition = self.editions[edition_id]
            rule = Rule(
                id=rule_id,
                title=title,
                n=n,
                unit=unit,
                start_event=start_event,
                edition=edition,
                source=f"{edition.title}; {source}" if self.cite else source,
                confidence=confidence,
                evidence=tuple(evidence),
                **fields,
            )
            change = changes.get(edition_id)
            built.append(change(rule) if change is not None else rule)
        return built


def believed(source: str, reason: str) -> Adjust:
    """Make a version a belief: its own ``source``, UNCONFIRMED for ``reason``, no evidence.

    For an older edition whose text was not read, given the value its successor states.
    """

    def adjust(rule: Rule) -> Rule:
        return attrs.evolve(
            rule,
            source=source,
            confidence=Confidence.UNCONFIRMED,
            evidence=(),
            unconfirmed_reason=reason,
        )

    return adjust


def restated(basis: str, confidence: Confidence = Confidence.C2) -> Adjust:
    """Make a version known only from a later edition's text: ``basis`` added, ``confidence``.

    For an earlier version of a text whose own wording of the rule was not found, where a
    later version states it (the C2 of "a secondary source that quotes the rule").
    """

    def adjust(rule: Rule) -> Rule:
        return attrs.evolve(rule, source=f"{rule.source}; {basis}", confidence=confidence)

    return adjust
