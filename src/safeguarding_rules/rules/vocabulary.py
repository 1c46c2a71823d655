"""The vocabulary: what the names and codes in councils' exports stand for.

Attendance and conference files name agencies, attendance modes, yes/no answers and
conference types as each case-management system writes them: ``CSC``, ``Children's Social
Care``, ``Thames Valley Police``, ``Heddlu Gogledd Cymru``, ``Sent report``, ``a) Yes``,
``Review CPC``. A :class:`Vocabulary` maps every known spelling to one canonical code, and
says plainly when it does not know a spelling: nothing is guessed, and nothing unknown is
silently read as something else.

Matching ignores case, accents, apostrophes, spacing and punctuation (see :func:`normalise`),
so ``children's social care``, ``Childrens_Social_Care`` and ``CHILDRENS  SOCIAL-CARE`` are
one spelling (a typographic apostrophe is ignored too). It does not guess: a spelling
either is listed, or is not recognised.

Spellings come with their source. Where no published source could be found for a spelling,
its source says UNCONFIRMED. Names deliberately *not* listed because they are ambiguous
(``Children's Services``, ``Health``, ``Doctor``, ``Nurse``, ``Early Help``, ``NA``) are in
:data:`AMBIGUOUS`, so that a reader of the code can see they were left out on purpose.

A rule set or local plugin adds its own spellings (a council's team names) through the
:func:`~safeguarding_rules.hookspecs.sgr_register_aliases` hook; spellings registered for a
rule set apply to it and to every rule set that extends it. The Welsh names of agencies are
registered that way by the Wales rule set, so Conwy (which extends Wales) has them too.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

import attrs

from .._errors import SafeguardingRulesError
from .._suggest import did_you_mean

__all__ = [
    "AGENCIES",
    "AMBIGUOUS",
    "ATTENDANCE_MODES",
    "BUILTIN_ALIASES",
    "CONFERENCE_TYPES",
    "KINDS",
    "VOCABULARY",
    "YES_NO",
    "AliasRegistry",
    "Aliases",
    "CodeList",
    "Vocabulary",
    "VocabularyError",
    "normalise",
]

#: Agency ids the library knows, with display names. Quorum rules name agencies by these
#: ids; an agency the vocabulary does not recognise is counted as its own agency, and
#: named as unrecognised wherever it counts.
AGENCIES: Mapping[str, str] = {
    "childrens_social_care": "Children's social care",
    "police": "Police",
    "health_visitor": "Health visitor",
    "school_nurse": "School nurse",
    "gp": "GP",
    "paediatrician": "Paediatrician",
    "midwifery": "Midwifery",
    "camhs": "CAMHS",
    "education": "Education / school",
    "probation": "Probation",
    "adult_social_care": "Adult social care",
    "housing": "Housing",
}
#: How an agency took part (the values of :class:`~safeguarding_rules.AttendanceMode`).
ATTENDANCE_MODES: Mapping[str, str] = {
    "in_person": "In person",
    "remote": "Remote (video or telephone)",
    "report_only": "Written report only",
    "apologies": "Apologies",
    "absent": "Absent",
}
#: Yes/no answers.
YES_NO: Mapping[str, str] = {"yes": "Yes", "no": "No"}
#: Conference types (the values of :class:`~safeguarding_rules.ConferenceType`).
CONFERENCE_TYPES: Mapping[str, str] = {
    "initial": "Initial child protection conference",
    "review": "Review child protection conference",
    "transfer_in": "Transfer-in conference",
    "pre_birth": "Pre-birth conference",
}
#: The kinds of coded value, with their canonical codes.
KINDS: Mapping[str, Mapping[str, str]] = {
    "agency": AGENCIES,
    "attendance_mode": ATTENDANCE_MODES,
    "yes_no": YES_NO,
    "conference_type": CONFERENCE_TYPES,
}
#: Spellings deliberately left unrecognised, each with the reason.
AMBIGUOUS: Mapping[str, str] = {
    "children's services": "in England the whole directorate, education and early help included",
    "health": "no service named; health visitor, GP, school nurse and others differ",
    "doctor": "a GP or a paediatrician",
    "nurse": "a health visitor, a school nurse or another nurse",
    "early help": "a separate service in many councils; a council adds it if it means CSC",
    "safeguarding lead": "every agency has one",
    "NA": "means 'not applicable' in exports, never 'no' (Welsh 'na' is therefore not read)",
    "CPPM": "Scotland's initial or review child protection planning meeting",
    "child protection conference": "initial or review",
}


class VocabularyError(SafeguardingRulesError, ValueError):
    """Spellings that contradict each other, or name a code that does not exist."""


_APOSTROPHES = re.compile("['\u2018\u2019\u02bc\u0060\u00b4]")
_WORD = re.compile(r"[^\W_]+")


@functools.lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Return the form in which spellings are compared.

    Accents are dropped (``ŵ`` matches ``w``), case is folded, apostrophes are removed
    (``children's`` matches ``childrens``), ``&`` reads as ``and``, and every other run of
    spaces, punctuation and underscores becomes one space.

    >>> normalise("  Children\N{RIGHT SINGLE QUOTATION MARK}s Social_Care ")
    'childrens social care'
    >>> normalise("Devon & Cornwall Police") == normalise("devon and cornwall police")
    True
    """
    # Fold case before and after decomposing: each can undo the other's work (a dotted
    # capital I folds to i plus a combining dot; a black-letter H decomposes to a capital H).
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    plain = _APOSTROPHES.sub("", plain).replace("&", " and ")
    return " ".join(_WORD.findall(plain))


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise TypeError(f"spellings must be a list of strings, not the string {value!r}")
    return tuple(value)


@attrs.frozen(kw_only=True)
class Aliases:
    """Spellings of one canonical code, with their source and where they apply."""

    #: The kind of value: one of :data:`KINDS`.
    kind: str = attrs.field(validator=attrs.validators.in_(tuple(KINDS)))
    #: The canonical code they stand for, e.g. ``"childrens_social_care"``.
    code: str = attrs.field(validator=attrs.validators.min_len(1))
    #: The spellings.
    spellings: tuple[str, ...] = attrs.field(converter=_strings)
    #: Where the spellings come from; ``UNCONFIRMED`` when no published source was found.
    source: str = attrs.field(validator=attrs.validators.min_len(1))
    #: The rule set they apply to (and every rule set extending it); ``None``: every one.
    rule_set: str | None = None
    #: The plugin that registered them.
    plugin: str = "safeguarding_rules"

    @code.validator
    def _check_code(self, _: object, value: str) -> None:
        known = KINDS.get(self.kind, {})
        if value not in known:
            raise VocabularyError(
                f"plugin {self.plugin!r} gives spellings for {self.kind} {value!r}, which is not "
                f"a known {self.kind}; known: {', '.join(known)}"
            )

    @spellings.validator
    def _check_spellings(self, _: object, value: tuple[str, ...]) -> None:
        for spelling in value:
            if not isinstance(spelling, str) or not normalise(spelling):
                raise VocabularyError(
                    f"plugin {self.plugin!r}: {spelling!r} is not a spelling (it has no letters "
                    "or digits)"
                )


def _groups(value: Iterable[Aliases]) -> tuple[Aliases, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, eq=False)
class CodeList:
    """One kind of coded value: its canonical codes and every spelling of each."""

    #: The kind of value: one of :data:`KINDS`.
    kind: str = attrs.field(validator=attrs.validators.in_(tuple(KINDS)))
    #: The spellings besides the codes themselves and their display names.
    aliases: tuple[Aliases, ...] = attrs.field(default=(), converter=_groups)
    _index: dict[str, tuple[str, str]] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, tuple[str, str]] = {}

        def put(spelling: str, code: str, origin: str) -> None:
            key = normalise(spelling)
            found = index.get(key)
            if found is not None and found[0] != code:
                raise VocabularyError(
                    f"the {self.kind} spelling {spelling!r} stands for both {found[0]!r} "
                    f"({found[1]}) and {code!r} ({origin})"
                )
            index.setdefault(key, (code, origin))

        for code in self.names:
            put(code, code, "its canonical code")
        for code, name in self.names.items():
            put(name, code, "its display name")
        for group in self.aliases:
            if group.kind != self.kind:
                raise VocabularyError(f"{group.kind} spellings given to the {self.kind} list")
            for spelling in group.spellings:
                put(spelling, group.code, f"plugin {group.plugin!r}")
        object.__setattr__(self, "_index", index)

    @property
    def names(self) -> Mapping[str, str]:
        """The canonical codes, with display names."""
        return KINDS[self.kind]

    def lookup(self, text: str) -> str | None:
        """Return the canonical code ``text`` stands for, or ``None`` if it is not known."""
        found = self._index.get(normalise(text))
        return None if found is None else found[0]

    def suggest(self, text: str) -> str:
        """Return ``" (did you mean 'code'?)"``: the code spelt closest to ``text`` (or ``""``)."""
        return did_you_mean(text, self._index, form=normalise, meaning=lambda s: self._index[s][0])

    def spellings(self, code: str) -> tuple[str, ...]:
        """Every spelling of ``code``: the code, its display name and its aliases."""
        if code not in self.names:
            raise KeyError(code)
        listed = [code, self.names[code]]
        listed += [s for group in self.aliases if group.code == code for s in group.spellings]
        return tuple(dict.fromkeys(listed))

    def extended(self, aliases: Iterable[Aliases]) -> CodeList:
        """Return this list with more spellings.

        :raises VocabularyError: if a spelling already stands for another code.
        """
        extra = tuple(group for group in aliases if group.kind == self.kind)
        return self if not extra else CodeList(kind=self.kind, aliases=self.aliases + extra)


@attrs.frozen(kw_only=True, eq=False)
class Vocabulary:
    """Every coded value a reader meets, with every spelling it recognises."""

    #: Agencies (canonical ids: :data:`AGENCIES`).
    agencies: CodeList
    #: Attendance modes.
    attendance_modes: CodeList
    #: Yes/no answers.
    yes_no: CodeList
    #: Conference types.
    conference_types: CodeList

    @classmethod
    def from_aliases(cls, aliases: Iterable[Aliases]) -> Vocabulary:
        """Build a vocabulary from spellings of every kind.

        :raises VocabularyError: if a spelling stands for two codes of one kind.
        """
        groups = tuple(aliases)
        lists = {
            kind: CodeList(kind=kind, aliases=[g for g in groups if g.kind == kind])
            for kind in KINDS
        }
        return cls(
            agencies=lists["agency"],
            attendance_modes=lists["attendance_mode"],
            yes_no=lists["yes_no"],
            conference_types=lists["conference_type"],
        )

    def code_list(self, kind: str) -> CodeList:
        """Return the list of one kind of value."""
        lists = {
            "agency": self.agencies,
            "attendance_mode": self.attendance_modes,
            "yes_no": self.yes_no,
            "conference_type": self.conference_types,
        }
        return lists[kind]

    @property
    def aliases(self) -> tuple[Aliases, ...]:
        """Every spelling group, of every kind."""
        return tuple(g for kind in KINDS for g in self.code_list(kind).aliases)

    def agency(self, name: str) -> str | None:
        """Return the agency id ``name`` stands for, or ``None`` if it is not recognised."""
        return self.agencies.lookup(name)

    def extended(self, aliases: Iterable[Aliases]) -> Vocabulary:
        """Return this vocabulary with more spellings.

        :raises VocabularyError: if a spelling already stands for another code.
        """
        return Vocabulary.from_aliases(self.aliases + tuple(aliases))


@attrs.define
class AliasRegistry:
    """Collects plugins' spellings during :func:`~safeguarding_rules.load_rule_sets`.

    Plugins call :meth:`add_aliases`; the registry remembers which plugin added what.
    """

    _aliases: list[Aliases] = attrs.Factory(list)
    _current_plugin: str = "<unknown>"

    def add_aliases(
        self,
        code: str,
        spellings: Sequence[str],
        *,
        source: str,
        kind: str = "agency",
        rule_set: str | None = None,
    ) -> None:
        """Say that ``spellings`` stand for ``code``.

        :param code: a canonical code, e.g. ``"childrens_social_care"``.
        :param spellings: the names as exports write them, e.g. ``["Family Safeguarding Team"]``.
        :param source: where they come from (a council's own team list, a procedure).
        :param kind: ``"agency"`` (the default), ``"attendance_mode"``, ``"yes_no"`` or
            ``"conference_type"``.
        :param rule_set: the rule set they apply to, with every rule set extending it;
            ``None`` for every rule set.
        :raises VocabularyError: for an unknown code or kind, or a spelling with no letters.
        """
        if kind not in KINDS:
            raise VocabularyError(
                f"plugin {self._current_plugin!r}: unknown kind {kind!r}; kinds: {', '.join(KINDS)}"
            )
        self._aliases.append(
            Aliases(
                kind=kind,
                code=code,
                spellings=spellings,
                source=source,
                rule_set=rule_set,
                plugin=self._current_plugin,
            )
        )

    @property
    def aliases(self) -> tuple[Aliases, ...]:
        """Everything registered so far."""
        return tuple(self._aliases)

    def vocabulary_for(self, lineage: Sequence[str]) -> Vocabulary:
        """Return the built-in vocabulary with the spellings for a rule set and its ancestors.

        :param lineage: the rule set's name, then the one it extends, and so on.
        :raises VocabularyError: if two spellings contradict each other in that rule set.
        """
        scoped = tuple(g for g in self._aliases if g.rule_set is None or g.rule_set in lineage)
        return _builtin_extended(scoped) if scoped else VOCABULARY


@functools.lru_cache(maxsize=64)
def _builtin_extended(aliases: tuple[Aliases, ...]) -> Vocabulary:
    """Return the built-in vocabulary with ``aliases``, built once per set of spellings."""
    return VOCABULARY.extended(aliases)


def _builtin(
    kind: str, code: str, source: str, *spellings: str, rule_set: str | None = None
) -> Aliases:
    return Aliases(kind=kind, code=code, spellings=spellings, source=source, rule_set=rule_set)


_COMMON = "common usage in council exports and procedures (no public standard: see formats.md)"
_POLICE_ACT = (
    "Police Act 1996, Schedule 1 (the 43 police areas of England and Wales), names as the "
    "data.police.uk /api/forces list gives them"
)
_FORCE_AREAS = (
    "Avon and Somerset", "Bedfordshire", "Cambridgeshire", "Cheshire", "City of London",
    "Cleveland", "Cumbria", "Derbyshire", "Devon and Cornwall", "Dorset", "Durham",
    "Dyfed-Powys", "Essex", "Gloucestershire", "Greater Manchester", "Gwent", "Hampshire",
    "Hertfordshire", "Humberside", "Kent", "Lancashire", "Leicestershire", "Lincolnshire",
    "Merseyside", "Metropolitan", "Norfolk", "North Wales", "North Yorkshire",
    "Northamptonshire", "Northumbria", "Nottinghamshire", "South Wales", "South Yorkshire",
    "Staffordshire", "Suffolk", "Surrey", "Sussex", "Thames Valley", "Warwickshire",
    "West Mercia", "West Midlands", "West Yorkshire", "Wiltshire",
)  # fmt: skip

#: The built-in spellings, with their sources.
BUILTIN_ALIASES: tuple[Aliases, ...] = (
    # Agencies.
    _builtin(
        "agency", "childrens_social_care", _COMMON,
        "CSC", "children's social care services", "children's social services",
        "children's social work", "children's social worker", "social care", "social services",
        "social work", "social worker", "lead social worker", "allocated social worker", "SW",
        "children and families social work", "LA children's social care",
        "local authority children's social care", "social work services",
    ),
    _builtin(
        "agency", "police", f"{_POLICE_ACT}; each area's force as '<area> Police' and "
        "'<area> Constabulary'",
        *(f"{area} {kind}" for area in _FORCE_AREAS for kind in ("Police", "Constabulary")),
        "Metropolitan Police Service", "Met Police", "MPS", "Greater Manchester Police", "GMP",
        "Thames Valley Police", "TVP", "Hampshire and Isle of Wight Constabulary",
        "Northamptonshire Police Force",
    ),
    _builtin(
        "agency", "police", "data.police.uk /api/forces ('northern-ireland'); Police and Fire "
        "Reform (Scotland) Act 2012 (Police Service of Scotland); British Transport Police "
        "(special police force, England, Wales and Scotland)",
        "Police Service of Northern Ireland", "PSNI", "Police Scotland",
        "Police Service of Scotland", "British Transport Police", "BTP",
    ),
    _builtin(
        "agency", "police", "HMICFRS inspection pages: States of Jersey Police (2019), "
        "Bailiwick of Guernsey Law Enforcement: Guernsey Police (2018, 2022); Isle of Man "
        "Constabulary",
        "States of Jersey Police", "SOJP", "Jersey Police", "Guernsey Police",
        "States of Guernsey Police Service", "Bailiwick Law Enforcement",
        "Isle of Man Constabulary", "Isle of Man Police",
    ),
    _builtin(
        "agency", "police", "Welsh names of the four Welsh forces: UK Parliament Welsh Affairs "
        "Committee, 'Beth yw cyflwr plismona yng Nghymru?' (25 March 2022)",
        "Heddlu Gogledd Cymru", "Heddlu Dyfed-Powys", "Heddlu De Cymru", "Heddlu Gwent",
    ),
    _builtin(
        "agency", "police", _COMMON,
        "police officer", "police constable", "detective constable", "public protection unit",
        "police public protection unit", "PPU", "child abuse investigation team", "CAIT",
    ),
    _builtin(
        "agency", "health_visitor", f"{_COMMON}; Ofsted Annex A contact source 3B",
        "HV", "health visitors", "health visiting", "health visiting service",
        "health visiting team",
    ),
    _builtin(
        "agency", "school_nurse", f"{_COMMON}; Ofsted Annex A contact source 3C",
        "school nurses", "school nursing", "school nursing service", "school health nurse",
        "school health nursing",
    ),
    _builtin(
        "agency", "gp", f"{_COMMON}; Ofsted Annex A contact source 3A",
        "GPs", "general practitioner", "general practice", "GP practice", "GP surgery",
        "family doctor",
    ),
    _builtin(
        "agency", "paediatrician", _COMMON,
        "pediatrician", "paediatrics", "pediatrics", "community paediatrician",
        "community paediatrics", "consultant paediatrician", "paediatric consultant",
        "hospital paediatrician",
    ),
    _builtin(
        "agency", "midwifery", _COMMON,
        "midwife", "midwives", "community midwife", "safeguarding midwife", "specialist midwife",
        "maternity", "maternity services",
    ),
    _builtin(
        "agency", "camhs", _COMMON,
        "child and adolescent mental health service", "child and adolescent mental health services",
        "children and young people's mental health service",
        "children and young people's mental health services", "CYPMHS", "specialist CAMHS",
        "S-CAMHS",
    ),
    _builtin(
        "agency", "education", f"{_COMMON}; designated teacher and designated safeguarding "
        "lead: Keeping children safe in education; Ofsted Annex A contact sources 2A, 2B",
        "school", "schools", "teacher", "class teacher", "head teacher", "headteacher",
        "designated teacher", "designated safeguarding lead", "DSL", "SENCO", "education welfare",
        "education welfare officer", "education welfare service", "EWO", "primary school",
        "secondary school", "nursery school",
    ),
    _builtin(
        "agency", "probation", _COMMON,
        "probation service", "probation officer", "National Probation Service", "NPS",
        "community rehabilitation company", "CRC", "Probation Board for Northern Ireland",
        "PBNI",
    ),
    _builtin(
        "agency", "adult_social_care", _COMMON,
        "ASC", "adults' social care", "adult services", "adult social services",
        "adult social work", "adult social worker",
    ),
    _builtin(
        "agency", "housing", f"{_COMMON}; Ofsted Annex A contact source 4",
        "housing officer", "housing services", "housing department", "housing association",
        "housing provider",
    ),
    # Attendance modes.
    _builtin(
        "attendance_mode", "in_person", _COMMON,
        "attended", "attended in person", "present", "in attendance", "face to face", "F2F",
        "attended face to face",
    ),
    _builtin(
        "attendance_mode", "remote", _COMMON,
        "remotely", "attended remotely", "virtual", "virtually", "attended virtually", "video",
        "video call", "video link", "Teams", "MS Teams", "Microsoft Teams", "Zoom", "telephone",
        "phone", "by phone", "by telephone", "dial-in", "dialled in", "dialed in",
        "teleconference", "conference call", "online",
    ),
    _builtin(
        "attendance_mode", "report_only", _COMMON,
        "report only", "report", "sent report", "report sent", "report submitted",
        "submitted report", "written report", "written report only", "report received",
        "written contribution", "apologies, report sent", "apologies and report",
        "apologies with report", "apologies, sent report",
    ),
    _builtin(
        "attendance_mode", "apologies", _COMMON,
        "apologies given", "apologies received", "apologies sent", "sent apologies",
        "gave apologies", "apologised",
    ),
    _builtin(
        "attendance_mode", "absent", _COMMON,
        "did not attend", "DNA", "no show", "not present", "non-attendance", "not attended",
        "failed to attend", "did not attend, no apologies", "no apologies",
    ),
    # Yes/no.
    _builtin("yes_no", "yes", "the reader's long-standing answers", "y", "true", "1"),
    _builtin("yes_no", "no", "the reader's long-standing answers", "n", "false", "0"),
    _builtin(
        "yes_no", "yes", "Ofsted Annex A coded answers (liia-tools Annex_A_schema.yml)", "a) Yes"
    ),
    _builtin(
        "yes_no", "no", "Ofsted Annex A coded answers (liia-tools Annex_A_schema.yml)", "b) No"
    ),
    # Conference types.
    _builtin(
        "conference_type", "initial", f"{_COMMON}; case conference (ICPCC): Scotland 2014 and "
        "Northern Ireland; CPPM: Scotland 2021",
        "ICPC", "initial CP conference", "initial CPC", "initial conference",
        "initial case conference", "initial child protection case conference", "ICPCC",
        "initial CPCC", "initial CPPM", "initial child protection planning meeting",
    ),
    _builtin(
        "conference_type", "review", f"{_COMMON}; case conference: Scotland 2014 and Northern "
        "Ireland; CPPM: Scotland 2021",
        "RCPC", "review CP conference", "review CPC", "review conference", "CP review",
        "CP review conference", "child protection review conference", "child protection review",
        "review case conference", "review child protection case conference", "RCPCC",
        "review CPCC", "review CPPM", "review child protection planning meeting",
    ),
    _builtin(
        "conference_type", "transfer_in", _COMMON,
        "transfer in", "transfer-in", "transfer in conference", "transfer-in conference",
        "transfer in child protection conference", "transfer in CP conference",
        "transfer in CPC", "TICPC", "transfer conference",
    ),
    _builtin(
        "conference_type", "pre_birth", _COMMON,
        "pre-birth", "prebirth", "pre-birth conference", "pre-birth child protection conference",
        "pre-birth CP conference", "pre-birth CPC", "pre-birth ICPC", "pre-birth CPPM",
        "pre-birth case conference", "unborn",
    ),
)  # fmt: skip

#: The built-in vocabulary: every rule set's, before plugins add their own spellings.
VOCABULARY: Vocabulary = Vocabulary.from_aliases(BUILTIN_ALIASES)
