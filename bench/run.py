"""`make bench`: run every benchmark of the project and print one table with its targets.
`make bench QUICK=1` (`--quick`), as CI runs it: fewer repeats, a smaller directory, shorter
loads, no verdicts; every part still runs. Either way a part that breaks (an exception, a tool
that does not run) is marked FAILED and the command exits 1; a figure over its target does not
fail the full bench, which reports measurements, not tests."""

from __future__ import annotations

import argparse
import sys
import time

from bench import budgets, common, compression, directory, file, lighthouse, load, offline

PARTS = (budgets, offline, load, compression, directory, file, lighthouse)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="CI's short run: figures only, every part")
    args = parser.parse_args(argv)
    common.Mode.quick = args.quick
    started = time.monotonic()
    for part in PARTS:
        name = part.__name__.rsplit(".", 1)[-1]
        try:
            part.run()
        except Exception as error:  # the next parts still run; the table says what broke
            common.failed(f"{name} (the whole part)", error)
    print()
    print(common.table())
    mode = "quick mode, no verdicts; " if common.Mode.quick else ""
    print(f"\n({mode}{time.monotonic() - started:.0f} s)")
    if common.FAILURES:
        print(f"bench: {len(common.FAILURES)} part(s) FAILED: {', '.join(common.FAILURES)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
