"""A benchmark section re-run alone (`benchmarks/run.py --only`) keeps the last full run's date in the header of
docs/benchmarks.md and names each suite re-run since with its own date (and its machine, when another), so a partial
run never reads as a whole."""

from __future__ import annotations

from benchmarks.run import _rerun_header

FULL = "# Benchmarks\n\nMeasured by `make bench` on 2026-12-04 06:27 UTC.  \nMachine: x.\n\n## Start-up\n"


def test_a_first_partial_run_is_named_beside_the_full_runs_date() -> None:
    assert _rerun_header(FULL, ["diff"], "2026-12-04 06:32 UTC") == (
        "Measured by `make bench` on 2026-12-04 06:27 UTC; re-run alone (`--only`) since: "
        "diff on 2026-12-04 06:32 UTC.",
        "Machine: x.",
    )


def test_later_partial_runs_add_to_the_list_and_a_suite_run_again_gets_its_new_date() -> None:
    once = _rerun_header(FULL, ["diff"], "2026-12-04 06:32 UTC")
    assert once is not None
    twice = _rerun_header(FULL.replace(FULL.splitlines()[2], once[0]), ["mutation", "diff"], "2026-12-04 11:37 UTC")
    assert twice == (
        "Measured by `make bench` on 2026-12-04 06:27 UTC; re-run alone (`--only`) since: "
        "diff on 2026-12-04 11:37 UTC, mutation on 2026-12-04 11:37 UTC.",
        "Machine: x.",
    )


def test_a_suite_re_run_on_another_machine_names_it_and_the_full_runs_machine_stays() -> None:
    once = _rerun_header(FULL, ["diff"], "2026-12-04 21:12 UTC", "AMD EPYC, 2 cores")
    assert once == (
        "Measured by `make bench` on 2026-12-04 06:27 UTC; re-run alone (`--only`) since: "
        "diff on 2026-12-04 21:12 UTC on [AMD EPYC, 2 cores].",
        "Machine: x.",
    )
    # a later re-run of another suite on the full run's machine keeps the first's machine and names none for itself
    twice = _rerun_header(FULL.replace(FULL.splitlines()[2], once[0]), ["mutation"], "2026-12-05 09:00 UTC", "x")
    assert twice == (
        "Measured by `make bench` on 2026-12-04 06:27 UTC; re-run alone (`--only`) since: "
        "diff on 2026-12-04 21:12 UTC on [AMD EPYC, 2 cores], mutation on 2026-12-05 09:00 UTC.",
        "Machine: x.",
    )


def test_no_header_to_keep_gives_none() -> None:
    assert _rerun_header("# Benchmarks\n\nsomething else\n", ["diff"], "2026-12-04 06:32 UTC") is None
