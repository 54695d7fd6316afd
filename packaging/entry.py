# The frozen app's entry point: the same main() as the installed `monitor` command. No arguments
# start the desktop window; anything else is the command line (monitor/cli.py).
# It lives outside the package on purpose: PyInstaller puts a script's folder first on its search
# path, and monitor/__main__.py would make it freeze the checkout instead of the installed package.
from monitor.cli import main

raise SystemExit(main())
