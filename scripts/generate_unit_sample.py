"""Generate the synthetic adult-enquiry and missing-episode sample year shipped in the package.

A fictional unit for the financial year 2024-25, beside the children's sample
(``generate_sample.py``): 80 adult enquiries about 66 adults and 90 missing episodes of
up to 38 children. No real person is described: ids are made up and dates drawn from a fixed seed.
Counted on the England and Wales calendar, the enquiries are mostly concluded within 7
working days, with some late and some still open at the end of March 2025; about two in
three return times are recorded to the minute, the rest by date only (as many exports are).

    python scripts/generate_unit_sample.py
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

from safeguarding_rules import calendar_for
from safeguarding_rules.records import ADULT_COLUMNS, MISSING_COLUMNS

OUT = Path(__file__).resolve().parent.parent / "src" / "safeguarding_rules" / "data"
CAL = calendar_for("england-and-wales")
RNG = random.Random(20240406)
FIRST, LAST = dt.date(2024, 4, 1), dt.date(2025, 3, 31)


def _day(first: dt.date = FIRST, last: dt.date = LAST) -> dt.date:
    return first + dt.timedelta(days=RNG.randrange((last - first).days + 1))


def adult_rows() -> list[dict[str, str]]:
    adults = [f"A{n:04d}" for n in range(1, 67)]
    people = adults + RNG.sample(adults, 14)  # 14 adults with a second enquiry
    rows = []
    for number, adult in enumerate(sorted(people), start=1):
        received = CAL.roll_forward(_day(last=dt.date(2025, 3, 20)))
        took = RNG.choices([3, 5, 6, 7, 9, 12, 16], weights=[20, 25, 20, 15, 8, 5, 3])[0]
        concluded = CAL.add_working_days(received, took)
        row = dict.fromkeys(ADULT_COLUMNS, "")
        row.update(enquiry_id=f"ENQ-{number:03d}", adult_id=adult)
        row["report_received_date"] = received.isoformat()
        if concluded <= LAST and number % 19:  # a few still open at the year's end
            row["enquiry_concluded_date"] = concluded.isoformat()
            if took > 7:
                row["reason_for_delay"] = RNG.choice(["awaiting health records", "", "police"])
            if RNG.random() < 0.35:
                row["strategy_required"] = "yes"
                strategy = CAL.add_working_days(concluded, RNG.choice([2, 4, 6, 7, 9]))
                if strategy <= LAST and RNG.random() < 0.9:
                    row["strategy_date"] = strategy.isoformat()
                    meeting = strategy + dt.timedelta(weeks=RNG.choice([4, 6, 8]))
                    if meeting <= LAST:
                        row["last_plan_meeting_date"] = meeting.isoformat()
                        if RNG.random() < 0.4:
                            end = meeting + dt.timedelta(weeks=RNG.choice([2, 5]))
                            row["plan_end_date"] = min(end, LAST).isoformat()
        rows.append(row)
    return sorted(rows, key=lambda r: (r["report_received_date"], r["enquiry_id"]))


def missing_rows() -> list[dict[str, str]]:
    children = [f"M{n:04d}" for n in range(1, 39)]
    rows = []
    for number in range(1, 91):
        child = RNG.choice(children)
        returned = dt.datetime.combine(_day(last=dt.date(2025, 3, 29)), dt.time()) + dt.timedelta(
            minutes=RNG.randrange(24 * 60)
        )
        timed = RNG.random() < 0.65
        row = dict.fromkeys(MISSING_COLUMNS, "")
        row.update(episode_id=f"EP-{number:03d}", child_id=child)
        row["returned_at"] = (
            returned.isoformat(timespec="minutes") if timed else str(returned.date())
        )
        outcome = RNG.choices(["on_time", "late", "declined", "none"], weights=[70, 15, 8, 7])[0]
        offered = returned + dt.timedelta(hours=RNG.randrange(2, 30))
        if outcome != "none":
            row["interview_offered_at"] = offered.isoformat(timespec="minutes")
        if outcome == "declined":
            row["interview_declined"] = "yes"
        elif outcome != "none":
            hours = RNG.randrange(4, 70) if outcome == "on_time" else RNG.randrange(80, 200)
            interview = returned + dt.timedelta(hours=hours)
            if interview.date() <= LAST:
                row["interview_at"] = (
                    interview.isoformat(timespec="minutes") if timed else str(interview.date())
                )
        rows.append(row)
    return sorted(rows, key=lambda r: (r["returned_at"], r["episode_id"]))


def write(name: str, fields: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    path = OUT / name
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {path} ({len(rows)} rows)")


def main() -> None:
    write("sample_adult_enquiries.csv", ADULT_COLUMNS, adult_rows())
    write("sample_missing_episodes.csv", MISSING_COLUMNS, missing_rows())


if __name__ == "__main__":
    main()
