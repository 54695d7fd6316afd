# The frozen app's entry point: the same main() as the installed `monitor` command. No arguments
# start the desktop window; anything else is the command line (monitor/cli.py).
# It lives outside the package on purpose: PyInstaller puts a script's folder first on its search
# path, and monitor/__main__.py would make it freeze the checkout instead of the installed package.
import os
import sys

if getattr(sys, "frozen", False) and os.environ.get("MONITOR_FROZEN_SELFCHECK") == "1":
    import frozen_selfcheck  # packaging/frozen_selfcheck.py: only for packaging/smoke_test.py

    raise SystemExit(frozen_selfcheck.run())

from monitor.cli import main  # noqa: E402

raise SystemExit(main())
