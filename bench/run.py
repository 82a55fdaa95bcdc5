"""`make bench`: run every benchmark of the project and print one table with its targets."""

from __future__ import annotations

import sys

from bench import budgets, common, compression, directory, file, lighthouse, load, offline


def main() -> int:
    for module in (budgets, offline, load, compression, directory, file, lighthouse):
        module.run()
    print()
    print(common.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
