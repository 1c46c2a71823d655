"""Generate the synthetic sample year shipped inside the package.

A fictional council ("Northwick") for the financial year 2024-25 under the England rule
set. No real person is described: ids are made up, dates are drawn at random from a fixed
seed. Initial conferences mirror the arithmetic of Conwy's 2014-15 report (seed 000):
60 initial conferences about 120 children, 8 of them late, holding 26 children, so the
indicator is 78.3% by child and 86.7% by conference, and the longest wait 19 working days.

    python scripts/generate_sample.py
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

from safeguarding_rules import add_months, calendar_for

OUT = Path(__file__).resolve().parent.parent / "src" / "safeguarding_rules" / "data"
CAL = calendar_for("england-and-wales")
RNG = random.Random(20240401)
FIRST, LAST = dt.date(2024, 4, 1), dt.date(2025, 3, 31)

ON_TIME_SIZES = [1] * 20 + [2] * 22 + [3] * 10  # 52 conferences, 94 children
LATE = [  # (children, working days to the conference, reason)
    (6, 19, "parents cannot attend"),
    (4, 17, "booked in error"),
    (4, 16, ""),
    (3, 18, "chair unavailable"),
    (3, 16, "awaiting police checks"),
    (2, 17, ""),
    (2, 16, "interpreter unavailable"),
    (2, 18, "parents cannot attend"),
]  # 8 conferences, 26 children
FIELDS = [
    "child_id",
    "family_id",
    "conference_id",
    "conference_type",
    "conference_date",
    "strategy_discussion_date",
    "previous_conference_date",
    "previous_conference_type",
    "core_group_date",
    "plan_end_date",
    "reason_for_delay",
]


def working_day_between(low: dt.date, high: dt.date) -> dt.date:
    day = low + dt.timedelta(days=RNG.randrange((high - low).days + 1))
    return CAL.roll_forward(day)


def main() -> None:
    rows: list[dict[str, str]] = []
    conferences: list[tuple[str, dt.date, str, list[str]]] = []
    plan = [(size, RNG.randint(8, 15), "") for size in ON_TIME_SIZES] + LATE
    RNG.shuffle(plan)
    child_number = family_number = 0
    for number, (size, wait, reason) in enumerate(plan, start=1):
        sd = working_day_between(FIRST - dt.timedelta(days=10), dt.date(2025, 2, 20))
        conference = CAL.add_working_days(sd, wait)
        if not FIRST <= conference <= LAST:
            sd = CAL.add_working_days(FIRST, 2)
            conference = CAL.add_working_days(sd, wait)
        family_number += 1
        family = f"F{family_number:04d}"
        conference_id = f"ICPC-{number:03d}"
        core_group = CAL.add_working_days(conference, RNG.choice([5, 8, 9, 10, 10, 12]))
        children = []
        for _ in range(size):
            child_number += 1
            child = f"C{child_number:05d}"
            children.append(child)
            rows.append(
                {
                    "child_id": child,
                    "family_id": family,
                    "conference_id": conference_id,
                    "conference_type": "initial",
                    "conference_date": conference.isoformat(),
                    "strategy_discussion_date": sd.isoformat(),
                    "previous_conference_date": "",
                    "previous_conference_type": "",
                    "core_group_date": core_group.isoformat() if core_group <= LAST else "",
                    "plan_end_date": "",
                    "reason_for_delay": reason,
                }
            )
        conferences.append((conference_id, conference, "initial", children))
    # First reviews of this year's initial conferences (within 3 months, a few late).
    review_number = 0
    for _, held, _, children in list(conferences):
        review = add_months(held, 3) - dt.timedelta(days=RNG.choice([1, 3, 7, 10, 14, -5]))
        review = CAL.roll_backward(review)
        if review > LAST:
            continue
        review_number += 1
        review_id = f"RCPC-{review_number:03d}"
        for child in children:
            rows.append(
                {
                    "child_id": child,
                    "family_id": "",
                    "conference_id": review_id,
                    "conference_type": "review",
                    "conference_date": review.isoformat(),
                    "strategy_discussion_date": "",
                    "previous_conference_date": held.isoformat(),
                    "previous_conference_type": "",
                    "core_group_date": "",
                    "plan_end_date": "",
                    "reason_for_delay": "",
                }
            )
        conferences.append((review_id, review, "review", children))
    # Subsequent reviews for children on plans from last year (previous review not in file).
    for _ in range(30):
        previous = working_day_between(dt.date(2023, 11, 1), dt.date(2024, 9, 1))
        early = dt.timedelta(days=RNG.choice([2, 5, 9, -3]))
        review = CAL.roll_backward(add_months(previous, 6) - early)
        review_number += 1
        review_id = f"RCPC-{review_number:03d}"
        family_number += 1
        ended = review.isoformat() if RNG.random() < 0.5 else ""  # plan ended at this review
        children = []
        for _ in range(RNG.choice([1, 1, 2, 3])):
            child_number += 1
            children.append(f"C{child_number:05d}")
            rows.append(
                {
                    "child_id": children[-1],
                    "family_id": f"F{family_number:04d}",
                    "conference_id": review_id,
                    "conference_type": "review",
                    "conference_date": review.isoformat(),
                    "strategy_discussion_date": "",
                    "previous_conference_date": previous.isoformat(),
                    "previous_conference_type": "review",
                    "core_group_date": "",
                    "plan_end_date": ended,
                    "reason_for_delay": "",
                }
            )
        conferences.append((review_id, review, "review", children))
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "sample_conferences.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    write_attendance(conferences)
    print(f"wrote {len(rows)} rows about {len(conferences)} conferences to {OUT}")


def write_attendance(conferences: list[tuple[str, dt.date, str, list[str]]]) -> None:
    fields = ["conference_id", "conference_type", "conference_date", "agency", "mode",
              "direct_contact", "active_interest"]  # fmt: skip
    with (OUT / "sample_attendance.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(fields)
        for conference_id, held, kind, _ in conferences:
            prefix = [conference_id, kind, held.isoformat()]

            def row(agency: str, mode: str, direct: bool = True, interest: bool = True) -> None:
                yes_no = ["yes" if direct else "no", "yes" if interest else "no"]
                writer.writerow([*prefix, agency, mode, *yes_no])  # noqa: B023

            row("childrens_social_care", "in_person")
            row("police", RNG.choices(["in_person", "remote", "apologies"], [14, 3, 2])[0])
            row("health_visitor", RNG.choices(["in_person", "remote", "report_only"], [5, 2, 2])[0])
            row("gp", RNG.choices(["report_only", "absent", "in_person"], [6, 3, 1])[0])
            if RNG.random() < 0.8:
                row("education", RNG.choices(["in_person", "apologies"], [8, 1])[0])
            if RNG.random() < 0.2:
                row("probation", "apologies", direct=False, interest=RNG.random() < 0.5)


if __name__ == "__main__":
    main()
