"""Transfer-in conferences, counted apart from initial conferences.

A child protection conference held when a child on a plan moves in from another authority
is not an initial conference: its clock starts when the move is notified, not at a
strategy discussion, so it is never counted in the initial conference timeliness. Files
that record it (our CSV's ``transfer_in`` type, the SSD's ``icpc_icpc_transfer_in``) have
it counted here, by child and by conference.
"""

from __future__ import annotations

import attrs
import numpy as np

from ..i18n import N_
from ..writer import Writer
from ._base import Computed, Indicator, NotAssessed, ReportInputs

__all__ = ["INDICATOR", "TransferInConferences"]


@attrs.frozen(kw_only=True)
class TransferInConferences:
    """Transfer-in conferences held, counted apart."""

    #: Children seen at a transfer-in conference held.
    children: int
    #: Transfer-in conferences held (``None`` where conferences are not known).
    conferences: int | None
    #: Why they are not in the initial conference timeliness.
    why: str = N_(
        "a transfer-in conference's clock starts when the move is notified, not at a "
        "strategy discussion; timeliness is not assessed (no national timescale is confirmed "
        "and the notification date is not read)"
    )


def compute(inputs: ReportInputs) -> Computed[TransferInConferences] | None:
    """Count the transfer-in conferences held (none: no section)."""
    records = inputs.records
    held = records.of_type("transfer_in") & ~np.isnat(records.conference_date)
    if not held.any():
        return None
    conferences = (
        int(np.count_nonzero(np.bincount(records.conference_code[held])))
        if inputs.conferences_known
        else None
    )
    return Computed(result=TransferInConferences(children=int(held.sum()), conferences=conferences))


def text(result: TransferInConferences | NotAssessed, w: Writer) -> list[str]:
    """Return the section's lines in the text report."""
    _ = w._
    if isinstance(result, NotAssessed):
        return []
    conferences = str(result.conferences) if result.conferences is not None else _("not known")
    return [
        "",
        _("Transfer-in conferences (counted apart)"),
        "  "
        + _("held: {children} child(ren), conferences: {conferences}").format(
            children=result.children, conferences=conferences
        ),
        "  " + _(result.why),
    ]


def html(result: TransferInConferences | NotAssessed, w: Writer) -> list[str]:
    """Return the section's part of the HTML page."""
    lines = text(result, w)
    if not lines:
        return []
    return [w.heading(lines[1]), *(w.paragraph(line.strip()) for line in lines[2:])]


#: Transfer-in conferences, counted apart.
INDICATOR = Indicator[TransferInConferences](
    key="transfer_in_conferences",
    compute=compute,
    text=text,
    html=html,
    results=(TransferInConferences,),
    optional=True,
)
