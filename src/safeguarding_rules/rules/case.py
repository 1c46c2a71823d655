"""The people and events of a child protection case, as frozen value objects.

These models hold only what deadlines and indicators need. Identifiers are the caller's
own (opaque strings); the library never needs names, and never logs or prints more than
the caller asked for.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping

import attrs

from .._errors import SafeguardingRulesError
from .._validators import optional_plain_date, plain_date
from .model import ConferenceType

__all__ = [
    "Agency",
    "CaseEvents",
    "CaseEventsError",
    "Child",
    "Conference",
    "Enquiry",
    "EnquiryKind",
    "Family",
    "StrategyDiscussion",
]


class CaseEventsError(SafeguardingRulesError, ValueError):
    """The events given for a case contradict each other or are ambiguous."""


@attrs.frozen(kw_only=True)
class Child:
    """A child, identified by the caller's own id."""

    #: The caller's identifier (never a name).
    id: str = attrs.field(validator=attrs.validators.min_len(1))
    #: The family (sibling group) the child belongs to, if known.
    family_id: str | None = None


def _children(value: Iterable[Child]) -> tuple[Child, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Family:
    """A sibling group: children whose conference is usually held together."""

    #: The caller's identifier.
    id: str = attrs.field(validator=attrs.validators.min_len(1))
    #: The children.
    children: tuple[Child, ...] = attrs.field(converter=_children)


@attrs.frozen(kw_only=True)
class Agency:
    """An agency or professional grouping that may attend a conference."""

    #: Identifier, e.g. ``"police"`` or ``"health_visitor"``.
    id: str = attrs.field(validator=attrs.validators.min_len(1))
    #: Display name.
    name: str = ""


class EnquiryKind(enum.Enum):
    """The statutory enquiry that child protection procedures follow, by jurisdiction.

    Each member's value is its short code, so ``EnquiryKind(value)`` looks a member up and
    members pickle by value; :attr:`description` is the wording.
    """

    SECTION_47 = "s47"
    SECTION_35 = "s35"
    SECTION_46 = "s46"
    ARTICLE_42 = "art42"
    ARTICLE_66 = "art66"
    IRD = "ird"

    @property
    def description(self) -> str:
        """The enquiry in words, naming its law."""
        return _ENQUIRY_WORDING[self]


_ENQUIRY_WORDING: Mapping[EnquiryKind, str] = {
    EnquiryKind.SECTION_47: "section 47 enquiries, Children Act 1989 (England and Wales)",
    EnquiryKind.SECTION_35: "section 35 enquiries, Children (Guernsey and Alderney) Law 2008",
    EnquiryKind.SECTION_46: (
        "section 46 enquiries, Children and Young Persons Act 2001 (Isle of Man)"
    ),
    EnquiryKind.ARTICLE_42: "Article 42 enquiries, Children (Jersey) Law 2002",
    EnquiryKind.ARTICLE_66: "Article 66 investigation, Children (Northern Ireland) Order 1995",
    EnquiryKind.IRD: "inter-agency referral discussion (Scotland)",
}


@attrs.frozen(kw_only=True)
class Enquiry:
    """A statutory child protection enquiry."""

    #: Which statutory enquiry.
    kind: EnquiryKind = attrs.field(validator=attrs.validators.instance_of(EnquiryKind))
    #: The date it started.
    started: dt.date = attrs.field(validator=plain_date)


@attrs.frozen(kw_only=True)
class StrategyDiscussion:
    """A strategy discussion or meeting."""

    #: Its date.
    date: dt.date = attrs.field(validator=plain_date)
    #: Whether enquiries (s47 or equivalent) were initiated at it.
    initiated_enquiry: bool = attrs.field(
        default=False, validator=attrs.validators.instance_of(bool)
    )


@attrs.frozen(kw_only=True)
class Conference:
    """A child protection conference about one or more children."""

    #: Its type.
    type: ConferenceType = attrs.field(validator=attrs.validators.instance_of(ConferenceType))
    #: Its date.
    date: dt.date = attrs.field(validator=plain_date)
    #: The caller's identifier, if any.
    id: str | None = None
    #: The children it is about (a sibling group is one conference, several children).
    children: tuple[Child, ...] = attrs.field(default=(), converter=_children)


#: The event date a conference of each type also stands for (see ``CaseEvents.conference``).
_CONFERENCE_COUNTS_AS = {
    ConferenceType.INITIAL: "initial_conference",
    ConferenceType.REVIEW: "previous_review",
}


def _discussions(value: Iterable[StrategyDiscussion]) -> tuple[StrategyDiscussion, ...]:
    return tuple(sorted(value, key=lambda sd: sd.date))


@attrs.frozen(kw_only=True)
class CaseEvents:
    """The events of one case that deadlines count from. Give what you know; leave the rest.

    Every date is a :class:`datetime.date`. Strategy discussions are kept in date order.
    """

    #: Receipt of the referral.
    referral: dt.date | None = attrs.field(default=None, validator=optional_plain_date)
    #: Strategy discussions or meetings held, in any order.
    strategy_discussions: tuple[StrategyDiscussion, ...] = attrs.field(
        default=(), converter=_discussions
    )
    #: Start of the statutory enquiries.
    enquiry_start: dt.date | None = attrs.field(default=None, validator=optional_plain_date)
    #: Start of a core assessment (England and Wales before 2013).
    core_assessment_start: dt.date | None = attrs.field(default=None, validator=optional_plain_date)
    #: Notification of a child protection concern (Scotland).
    concern_notified: dt.date | None = attrs.field(default=None, validator=optional_plain_date)
    #: Notification that a child subject to a plan has moved in (transfer-in conference).
    transfer_notified: dt.date | None = attrs.field(default=None, validator=optional_plain_date)
    #: Date of the initial child protection conference, once held.
    initial_conference: dt.date | None = attrs.field(default=None, validator=optional_plain_date)
    #: Date of the most recent review conference, once one has been held.
    previous_review: dt.date | None = attrs.field(default=None, validator=optional_plain_date)
    #: Date of the most recent core group meeting.
    previous_core_group: dt.date | None = attrs.field(default=None, validator=optional_plain_date)
    #: A conference (held or booked) that report deadlines count back from. An initial
    #: conference also counts as :attr:`initial_conference`, and a review conference as
    #: :attr:`previous_review`, unless those are given (as the command line's
    #: ``--conference`` does).
    conference: Conference | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Conference))
    )
    #: The day the child became looked after.
    became_looked_after: dt.date | None = attrs.field(default=None, validator=optional_plain_date)
    #: Date of the first looked-after review.
    first_lac_review: dt.date | None = attrs.field(default=None, validator=optional_plain_date)
    #: Date of the most recent looked-after review after the first.
    previous_lac_review: dt.date | None = attrs.field(default=None, validator=optional_plain_date)
    #: Issue of a care or supervision application.
    application_issued: dt.date | None = attrs.field(default=None, validator=optional_plain_date)

    @strategy_discussions.validator
    def _check_discussions(self, _: object, value: tuple[StrategyDiscussion, ...]) -> None:
        for item in value:
            if not isinstance(item, StrategyDiscussion):
                raise TypeError(f"strategy_discussions must hold StrategyDiscussion, got {item!r}")
        initiating = [sd for sd in value if sd.initiated_enquiry]
        if len(initiating) > 1:
            dates = ", ".join(sd.date.isoformat() for sd in initiating)
            raise CaseEventsError(
                f"strategy_discussions: more than one is marked as initiating enquiries ({dates})"
            )

    def __attrs_post_init__(self) -> None:
        # One meaning in Python and on the command line: the conference given stands for the
        # initial conference, or the previous review, when that date is not given.
        if self.conference is not None:
            field = _CONFERENCE_COUNTS_AS.get(self.conference.type)
            if field is not None and getattr(self, field) is None:
                object.__setattr__(self, field, self.conference.date)
        self._check_initial_after_discussions(self.initial_conference)

    def _check_initial_after_discussions(self, value: dt.date | None) -> None:
        if value is not None and self.strategy_discussions:
            first = self.strategy_discussions[0].date
            if value < first:
                raise CaseEventsError(
                    f"initial_conference {value.isoformat()} is before the first strategy "
                    f"discussion {first.isoformat()}"
                )

    def initiating_strategy_discussion(self) -> StrategyDiscussion | None:
        """Return the strategy discussion at which enquiries were initiated.

        The one marked ``initiated_enquiry``; or, when only one was held, that one.

        :raises CaseEventsError: when several were held and none is marked.
        """
        if not self.strategy_discussions:
            return None
        for sd in self.strategy_discussions:
            if sd.initiated_enquiry:
                return sd
        if len(self.strategy_discussions) == 1:
            return self.strategy_discussions[0]
        dates = ", ".join(sd.date.isoformat() for sd in self.strategy_discussions)
        raise CaseEventsError(
            f"strategy_discussions: {len(self.strategy_discussions)} were held ({dates}) and "
            "none is marked as the one at which enquiries were initiated; mark it with "
            "initiated_enquiry=True (the rule counts from that one, and nothing is guessed)"
        )

    def last_strategy_discussion(self) -> StrategyDiscussion | None:
        """Return the latest strategy discussion held, if any."""
        return self.strategy_discussions[-1] if self.strategy_discussions else None
