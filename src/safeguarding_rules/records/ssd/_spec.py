"""The Standard Safeguarding Dataset tables and columns this reader uses, from the SSD spec.

Every table and column name the reader ever puts into a query comes from here: nothing a
user types is made into SQL. ``needed`` says the reader cannot work without the column
(a missing one is named, table and column); the others a council's version may lack.
``item_ref`` and ``guidance`` are the spec's own (``data-to-insight/ssd-data-model``,
``data/objects/<table>.yml``; the same in ``ssd-data-model-next``, ``schema/<table>.yml``).
"""

from __future__ import annotations

import enum
import re

import attrs

__all__ = ["IDENTIFIER", "TABLES", "Column", "Kind", "TableSpec"]

#: A schema, table or column name we accept: a letter or underscore, then letters, digits
#: or underscores (at most 128 characters, SQL Server's limit). Nothing else is quoted.
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,127}")


class Kind(enum.Enum):
    """How a column's values are read."""

    #: An identifier: kept as text exactly as written (trimmed), whatever the column's type.
    ID = "id"
    #: A date (the spec's ``datetime``): the day, whatever the time of day.
    DATE = "date"
    #: A yes/no flag (the spec's ``nchar`` ``Y/N``): anything else is reported, not guessed.
    FLAG = "flag"


@attrs.frozen
class Column:
    """One column of an SSD table."""

    name: str
    kind: Kind
    #: The reader cannot work without it (a missing one is an error naming it).
    needed: bool
    #: The spec's item reference (``ICPC005A``).
    item_ref: str
    #: The spec's description and guidance, quoted.
    guidance: str


@attrs.frozen
class TableSpec:
    """One SSD table: its name, its row identifier, and the columns read."""

    name: str
    #: The row identifier (the spec's primary key), named in every message about a row.
    key: str
    columns: tuple[Column, ...]

    def column(self, name: str) -> Column:
        """Return the column called ``name``."""
        return next(column for column in self.columns if column.name == name)


ID, DATE, FLAG = Kind.ID, Kind.DATE, Kind.FLAG

S47 = TableSpec(
    "ssd_s47_enquiry",
    "s47e_s47_enquiry_id",
    (
        Column("s47e_s47_enquiry_id", ID, True, "S47E001A",
               "S47 Enquiry ID: Row identifier for the ssd_s47_enquiry table."),
        Column("s47e_person_id", ID, False, "S47E002A",
               "Person Unique ID: Person's ID generated in CMS Database"),
        Column("s47e_s47_start_date", DATE, True, "S47E004A",
               "S47 Start Date: Date of the strategy discussion at which the Section 47 "
               "Enquiries were initiated."),
    ),
)  # fmt: skip

ICPC = TableSpec(
    "ssd_initial_cp_conference",
    "icpc_icpc_id",
    (
        Column("icpc_icpc_id", ID, True, "ICPC001A",
               "Initial CP Conference ID: Row identifier for the ssd_initial_cp_conference "
               "table"),
        Column("icpc_icpc_meeting_id", ID, False, "ICPC009A",
               "Initial CP Conference Meeting ID: Identifier for the Initial CP Conference "
               "Meeting"),
        Column("icpc_s47_enquiry_id", ID, True, "ICPC002A",
               "S47 Enquiry ID: ID for linking to Section 47 Enquiry"),
        Column("icpc_person_id", ID, True, "ICPC010A",
               "Person Unique ID: Person's ID generated in CMS Database"),
        Column("icpc_cp_plan_id", ID, False, "ICPC011A",
               "CP Plan ID: CP Plan ID for ICPC's resulting in a CP Plan"),
        Column("icpc_icpc_transfer_in", FLAG, False, "ICPC003A",
               "Is this a transferred in ICPC?: Is this is a transfer in ICPC? Y/N"),
        Column("icpc_icpc_target_date", DATE, False, "ICPC004A",
               "Target ICPC date: The date that is 15 working days after the strategy "
               "discussion at which section 47 enquiries were initiated."),
        Column("icpc_icpc_date", DATE, True, "ICPC005A",
               "Date of Initial CP Conference: The date on which the initial child "
               "protection conference took place."),
        Column("icpc_icpc_outcome_cp_flag", FLAG, False, "ICPC013A",
               "ICPC Outcome CP Flag: Standalone field showing whether or not the ICPC "
               "resulted in a CP Plan"),
    ),
)  # fmt: skip

PLANS = TableSpec(
    "ssd_cp_plans",
    "cppl_cp_plan_id",
    (
        Column("cppl_cp_plan_id", ID, True, "CPPL001A",
               "CP Plan ID: Row identifier for the ssd_cp_plans table"),
        Column("cppl_icpc_id", ID, False, "CPPL008A",
               "Initial CP Conference ID: ID for linking to Initial CP Conference"),
        Column("cppl_person_id", ID, True, "CPPL002A",
               "Person Unique ID: Person's ID generated in CMS Database"),
        Column("cppl_cp_plan_start_date", DATE, True, "CPPL003A",
               "CP Plan Start Date: The Start Date of the Child Protection Plan."),
        Column("cppl_cp_plan_end_date", DATE, True, "CPPL004A",
               "CP Plan End Date: The End Date of the Child Protection Plan."),
    ),
)  # fmt: skip

REVIEWS = TableSpec(
    "ssd_cp_reviews",
    "cppr_cp_review_id",
    (
        Column("cppr_cp_review_id", ID, True, "CPPR001A",
               "Review ID: Row identifier for the ssd_cp_reviews table"),
        Column("cppr_person_id", ID, False, "CPPR008A",
               "Person Unique ID: Person's ID generated in CMS Database"),
        Column("cppr_cp_plan_id", ID, True, "CPPR002A",
               "CP Plan ID: ID for linking to the CP Plan"),
        Column("cppr_cp_review_due", DATE, False, "CPPR003A",
               "Review Due Date: The due date of the review conference."),
        Column("cppr_cp_review_date", DATE, True, "CPPR004A",
               "Date of Review: The actual date on which the Review Conference was held"),
        Column("cppr_cp_review_meeting_id", ID, False, "CPPR009A",
               "CP Review Meeting ID: Identifier for the Review CP Conference Meeting"),
        Column("cppr_cp_review_quorate", FLAG, False, "CPPR006A",
               "Quorate?: Was the conference quorate? The primary principle for determining "
               "quoracy is that there should be sufficient agencies or key disciplines "
               "present to enable safe decisions to be made in the individual "
               "circumstances. Minimum representation is Children's Social Care and at "
               "least two other agencies or key disciplines that have had direct contact "
               "with the child and family."),
    ),
)  # fmt: skip

#: The tables read, in the order they are read.
TABLES = (S47, ICPC, PLANS, REVIEWS)
