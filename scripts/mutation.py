"""Mutation testing of the core: the share of injected faults that the test suite catches.

mutmut (a maintained mutation tester) flips comparisons, shifts constants by one, swaps
``and``/``or``, replaces return values and strings, and runs the tests that cover each
mutant; a mutant the tests still pass on "survives" and marks a blind spot. Too slow for CI
(tens of minutes per module on two cores), so it is run by hand:

    .venv/bin/pip install --group mutation
    python scripts/mutation.py calendar            # or deadlines, quoracy, report, rulefile,
                                                   # the readers (cin_census, annex_a,
                                                   # workbook, mapping), or all
    python scripts/mutation.py calendar --show     # also list every surviving mutant
    python scripts/mutation.py calendar --mutants NAME...  # re-run only these (as --show
                                                   # names them), e.g. a run's survivors

It works in a temporary copy of the repository (your tree is never touched) and prints,
per module, mutants killed / survived / not covered / timed out and the score
killed / (killed + survived + timed out). A survivor may be equivalent (it cannot change
behaviour, e.g. a message string): judge each before adding a test.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Module under test, and the tests that exercise it (mutmut runs only those covering a
#: mutant, so listing more costs little).
MODULES: dict[str, tuple[str, tuple[str, ...]]] = {
    "calendar": (
        "src/safeguarding_rules/calendar/working_days.py",
        (
            "tests/test_calendar_golden.py",
            "tests/test_calendar_errors.py",
            "tests/test_calendar_overlay.py",
            "tests/test_calendar_govuk.py",
            "tests/test_dates.py",
            "tests/test_mutation_blind_spots.py",
            "tests/property/test_calendar_properties.py",
            "tests/property/test_bulk_properties.py",
            "tests/test_deadlines_golden.py",
            "tests/test_not_computable_outputs.py",
            "tests/test_mutation_calendar.py",
            "tests/test_i18n_explanations.py",
        ),
    ),
    "deadlines": (
        "src/safeguarding_rules/rules/deadlines.py",
        (
            "tests/test_deadlines_golden.py",
            "tests/test_rules_model.py",
            "tests/test_mutation_blind_spots.py",
            "tests/property/test_deadline_properties.py",
            "tests/property/test_bulk_properties.py",
            "tests/property/test_edition_properties.py",
            "tests/property/test_hours_properties.py",
            "tests/test_worklist.py",
            "tests/test_edition_boundaries_golden.py",
            "tests/test_families_golden.py",
            "tests/test_partial_and_fingerprint.py",
            "tests/test_not_computable_outputs.py",
            "tests/test_overlay_everywhere.py",
            "tests/test_serialise.py",
            "tests/test_mutation_deadlines.py",
            "tests/test_i18n_explanations.py",
        ),
    ),
    "quoracy": (
        "src/safeguarding_rules/rules/quoracy.py",
        (
            "tests/test_quoracy.py",
            "tests/test_cli_quoracy.py",
            "tests/test_mutation_blind_spots.py",
            "tests/property/test_quorum_properties.py",
            "tests/test_unrecognised_agencies.py",
            "tests/test_vocabulary.py",
            "tests/test_vocabulary_plugins.py",
            "tests/property/test_vocabulary_properties.py",
            "tests/test_testing_kit.py",
            "tests/test_rulefile.py",
            "tests/test_report.py",
            "tests/test_i18n_explanations.py",
            "tests/test_validation.py",
            "tests/test_evidence.py",
            "tests/test_integrators.py",
            "tests/test_serialise.py",
            "tests/test_mutation_quoracy.py",
        ),
    ),
    "report": (
        "src/safeguarding_rules/reports/report.py",
        (
            "tests/test_report.py",
            "tests/test_unit_report.py",
            "tests/test_cli_report.py",
            "tests/test_hostile_files.py",
            "tests/test_not_computable_outputs.py",
            "tests/test_overlay_everywhere.py",
            "tests/test_annex_a.py",
            "tests/test_cin_census.py",
            "tests/test_rulefile.py",
            "tests/test_cli_formats.py",
            "tests/test_schemas.py",
            "tests/test_unrecognised_agencies.py",
            "tests/property/test_overlay_properties.py",
            "tests/test_mutation_report.py",
        ),
    ),
    "rulefile": (
        "src/safeguarding_rules/rulefile.py",
        (
            "tests/test_rulefile.py",
            "tests/test_mutation_rulefile.py",
            "tests/test_did_you_mean.py",
            "tests/test_rule_bounds.py",
            "tests/test_evidence.py",
            "tests/test_cli_rules.py",
            "tests/test_plugins.py",
            "tests/test_validation.py",
        ),
    ),
    "cin_census": (
        "src/safeguarding_rules/records/cin_census.py",
        (
            "tests/test_cin_census.py",
            "tests/test_hostile_census.py",
            "tests/test_mutation_readers.py",
            "tests/property/test_census_properties.py",
            "tests/test_cli_formats.py",
            "tests/test_real_files_round2.py",
        ),
    ),
    "annex_a": (
        "src/safeguarding_rules/records/annex_a.py",
        (
            "tests/test_annex_a.py",
            "tests/test_hostile_workbooks.py",
            "tests/test_mutation_readers.py",
            "tests/test_cli_formats.py",
            "tests/test_real_files_round2.py",
        ),
    ),
    "workbook": (
        "src/safeguarding_rules/records/workbook.py",
        (
            "tests/test_annex_a.py",
            "tests/test_mapping.py",
            "tests/test_hostile_workbooks.py",
            "tests/test_mutation_readers.py",
            "tests/test_cli_formats.py",
        ),
    ),
    "mapping": (
        "src/safeguarding_rules/records/mapping.py",
        (
            "tests/test_mapping.py",
            "tests/test_annex_a.py",
            "tests/test_hostile_workbooks.py",
            "tests/test_mutation_readers.py",
            "tests/test_cli_formats.py",
        ),
    ),
}


#: Tests that read the source files themselves, which mutmut rewrites (every function gains
#: mutant copies), so they fail on the mutated tree whatever the mutant: left out of runs.
SOURCE_READING_TESTS = (
    "tests/test_i18n_explanations.py::test_every_message_an_explanation_uses_has_a_welsh_translation",
    "tests/test_i18n_explanations.py::test_every_phrase_template_is_marked_for_extraction",
)


def _copy_tree(target: Path) -> None:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    for name in listed:
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def _configure(target: Path, module: str, tests: tuple[str, ...]) -> None:
    present = [test for test in tests if (target / test).exists()]
    deselect = [arg for test in SOURCE_READING_TESTS for arg in ("--deselect", test)]
    config = (
        "\n[tool.mutmut]\n"
        f"source_paths = [{json.dumps(module)}]\n"
        'also_copy = ["src/", "plugins/", "scripts/", "docs/", "benchmarks/", "README.md"]\n'
        f"pytest_add_cli_args = {json.dumps(['-p', 'no:cacheprovider', '-x', '-q', *deselect])}\n"
        f"pytest_add_cli_args_test_selection = {json.dumps(present)}\n"
    )
    with (target / "pyproject.toml").open("a", encoding="utf-8") as handle:
        handle.write(config)


def run(name: str, *, children: int, show: bool, mutants: Sequence[str] = ()) -> dict[str, int]:
    """Run mutmut on one module (only ``mutants``, if any are named); return its counts."""
    module, tests = MODULES[name]
    with tempfile.TemporaryDirectory(prefix=f"mutation-{name}-") as folder:
        target = Path(folder)
        _copy_tree(target)
        _configure(target, module, tests)
        mutmut = [sys.executable, "-m", "mutmut"]
        subprocess.run(
            [*mutmut, "run", "--max-children", str(children), *mutants],
            cwd=target,
            check=False,
            stdout=subprocess.DEVNULL,
        )
        subprocess.run([*mutmut, "export-cicd-stats"], cwd=target, check=True)
        stats = json.loads((target / "mutants" / "mutmut-cicd-stats.json").read_text("utf-8"))
        if show:
            survivors = subprocess.run(
                [*mutmut, "results"], cwd=target, capture_output=True, text=True, check=False
            ).stdout
            for line in survivors.splitlines():
                if "survived" in line:
                    shown = subprocess.run(
                        [*mutmut, "show", line.split(":")[0].strip()],
                        cwd=target,
                        capture_output=True,
                        text=True,
                        check=False,
                    ).stdout
                    print(shown)
    return {key: int(value) for key, value in stats.items() if isinstance(value, int)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("module", choices=[*MODULES, "all"])
    parser.add_argument("--max-children", type=int, default=2, help="parallel test runs")
    parser.add_argument("--show", action="store_true", help="print every surviving mutant")
    parser.add_argument(
        "--mutants", nargs="+", default=(), help="re-run only these mutants (one module)"
    )
    options = parser.parse_args()
    names = list(MODULES) if options.module == "all" else [options.module]
    print("| module | mutants | killed | survived | no tests | timeout | score |")
    print("|---|---|---|---|---|---|---|")
    for name in names:
        stats = run(name, children=options.max_children, show=options.show, mutants=options.mutants)
        killed, survived = stats.get("killed", 0), stats.get("survived", 0)
        timeout = stats.get("timeout", 0)
        judged = killed + survived + timeout
        score = f"{100 * (killed + timeout) / judged:.0f}%" if judged else "n/a"
        print(
            f"| {name} | {stats.get('total', judged)} | {killed} | {survived} | "
            f"{stats.get('no_tests', 0)} | {timeout} | {score} |"
        )


if __name__ == "__main__":
    main()
