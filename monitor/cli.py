"""The ``monitor`` command: argparse over :mod:`monitor.core`.

With no arguments it starts the desktop app. Every user error prints one line on stderr and
exits non-zero; tracebacks are for bugs only. Exit codes: 0 success, 1 error, 2 usage,
3 ``verify`` found problems, 130 cancelled.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Callable

from . import __version__
from .core import paths
from .core.errors import MonitorError
from .core.fs import harden_process

EXIT_ERROR, EXIT_USAGE, EXIT_VERIFY, EXIT_CANCELLED = 1, 2, 3, 130


class UserError(MonitorError):
    pass


_LANG = "en"  # the language of messages, set by main() from MONITOR_LANG / LC_ALL / LC_MESSAGES / LANG


def _t(msg_id: str, **params) -> str:
    """A CLI message from the shared catalogue (resources/messages/core.json), in the user's language."""
    from .core.messages import text

    return text(msg_id, _LANG, **params)


def _localize(message) -> str:
    from .core.messages import localize

    return localize(message, _LANG)


# --- passphrases ------------------------------------------------------------------------------

def _read_secret_file(name: str, what: str) -> str:
    try:
        data = Path(name).expanduser().read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read the {what} file {name}: {exc.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(f"the {what} file {name} is not UTF-8 text") from None
    if text.endswith("\r\n"):
        text = text[:-2]
    elif text.endswith("\n"):
        text = text[:-1]
    if not text:
        raise UserError(f"the {what} file {name} is empty")
    return text


def _prompt(label: str, confirm: bool) -> str:
    first = getpass.getpass(f"{label}: ")
    if confirm and getpass.getpass(_t("cli_prompt_again", label=label) + ": ") != first:
        raise UserError("the two passphrases differ; nothing was changed")
    return first


def passphrase(args, *, confirm: bool = False) -> str:
    """From --passphrase-file, $MONITOR_PASSPHRASE_FILE, or the terminal (in that order)."""
    file = args.passphrase_file or os.environ.get("MONITOR_PASSPHRASE_FILE")
    if file:
        return _read_secret_file(file, "passphrase")
    if sys.stdin.isatty():
        return _prompt(_t("cli_prompt_passphrase"), confirm)
    raise UserError("no passphrase: stdin is not a terminal; use --passphrase-file FILE or MONITOR_PASSPHRASE_FILE")


def new_passphrase(args) -> str:
    if args.new_passphrase_file:
        return _read_secret_file(args.new_passphrase_file, "new passphrase")
    if sys.stdin.isatty():
        return _prompt(_t("cli_prompt_new_passphrase"), confirm=True)
    raise UserError("no new passphrase: stdin is not a terminal; use --new-passphrase-file FILE")


# --- output helpers -------------------------------------------------------------------------------

def _emit_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _progress() -> Callable | None:
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int, label: str) -> None:
        share = f"{100 * done // total:3d}%" if total else f"{done}"
        sys.stderr.write(f"\r{label}: {share}   ")
        sys.stderr.flush()
        if total and done >= total:
            sys.stderr.write("\n")

    return report


def _vault_path(args) -> Path:
    return Path(args.vault).expanduser() if args.vault else paths.default_vault_path()


def _open(args):
    from .core.vault import Vault

    return Vault.open(_vault_path(args), passphrase(args))


# --- commands -------------------------------------------------------------------------------------

def cmd_init(args) -> int:
    from .core.vault import Vault

    path = _vault_path(args)
    if path.exists():
        raise UserError(f"a vault already exists at {path}; use --vault to create another")
    with Vault.create(path, passphrase(args, confirm=True), profile=args.profile) as vault:
        ident = vault.identity
        print(_t("cli_created", path=path))
        print(_t("cli_fingerprint", fingerprint=ident.fingerprint))
    return 0


def cmd_demo(args) -> int:
    from .core.demo import create_demo_vault

    path = _vault_path(args)
    if path.exists():
        raise UserError(f"a vault already exists at {path}; demo data goes into a new vault (use --vault)")
    if args.cases < 1 or args.cases > 1_000_000:
        raise UserError("--cases must be between 1 and 1000000")
    cancel = threading.Event()
    try:
        counts = create_demo_vault(path, passphrase(args, confirm=True), cases=args.cases, seed=args.seed,
                                   profile=args.profile, progress=_progress(), cancel=cancel)
    except KeyboardInterrupt:
        cancel.set()
        raise
    total = sum(counts.values())
    print(_t("cli_created_demo", path=path, total=total, cases=args.cases, seed=args.seed))
    return 0


def cmd_info(args) -> int:
    with _open(args) as vault:
        summary = vault.summary()
    if args.json:
        _emit_json(summary)
        return 0
    rows = [
        ("cli_info_vault", summary["path"]),
        ("cli_info_size", _t("cli_info_bytes", n=f"{summary['file_size']:,}")),
        ("cli_info_schema", summary["schema_version"]),
        ("cli_info_profile", summary["profile"]),
        ("cli_info_device", summary["device_id"]),
        ("cli_info_recipient", summary["age_recipient"]),
        ("cli_info_fingerprint", summary["signing_fingerprint"]),
        ("cli_info_records", ""),
        *[(None, (record_type, f"{n:,}")) for record_type, n in sorted(summary["records"].items())],
        ("cli_info_revisions", f"{summary['revisions']:,}"),
        ("cli_info_conflicts", f"{summary['conflicts']:,}"),
        ("cli_info_files", _t("cli_info_files_value", n=f"{summary['attachments']['blobs']:,}",
                              bytes=f"{summary['attachments']['bytes']:,}")),
        ("cli_info_audit", f"{summary['audit_entries']:,}"),
    ]
    width = max(len(_t(key)) for key, _ in rows if key) + 2
    for key, value in rows:
        if key is None:
            sys.stdout.write(f"  {value[0]:<{width - 2}}{value[1]}\n")
        else:
            sys.stdout.write(f"{_t(key):<{width}}{value}".rstrip() + "\n")
    return 0


def cmd_cases(args) -> int:
    from .core.cases import case_rows

    with _open(args) as vault:
        rows = case_rows(vault, status=args.status, lang=args.lang)
    if args.json:
        _emit_json(rows)
        return 0
    if not rows:
        print(_t("cli_no_cases"))
    for row in rows:
        print(f"{row['code']:<16} {row['status_label']:<22} {row['title']}")
    return 0


def cmd_search(args) -> int:
    with _open(args) as vault:
        hits = vault.search(args.text, limit=args.limit, types=args.type or None)
    if args.json:
        _emit_json([hit.to_json() for hit in hits])
        return 0
    if not hits:
        print(_t("cli_no_matches"))
    for hit in hits:
        print(f"{hit.type:<12} {hit.record_id}  {hit.label}")
        print(f"             {hit.snippet}")
    return 0


def cmd_load(args) -> int:
    from .core.loader import load_file

    with _open(args) as vault:
        report = load_file(vault, args.file, csv_type=args.csv_type, progress=_progress())
    if args.json:
        _emit_json(report.to_json())
    else:
        print(_t("cli_loaded", records=report.records, created=report.created, updated=report.updated,
                 unchanged=report.unchanged))
    return 0


def cmd_dump(args) -> int:
    from .core.loader import dump_line, dump_records

    print(_t("cli_dump_warning"),
          file=sys.stderr)
    with _open(args) as vault:
        if args.out:
            from .core.fs import atomic_writer

            with atomic_writer(args.out) as out:
                for record in dump_records(vault, args.type):
                    out.write((dump_line(record) + "\n").encode("utf-8"))
        else:
            for record in dump_records(vault, args.type):
                sys.stdout.write(dump_line(record) + "\n")
    return 0


def cmd_attach(args) -> int:
    with _open(args) as vault:
        record = vault.add_attachment(args.file, parent_id=args.to, caption=args.caption, progress=_progress())
    if args.json:
        _emit_json(record)
    else:
        print(_t("cli_attached", name=record["original_name"], id=record["id"], sha256=record["sha256"]))
    return 0


def cmd_reindex(args) -> int:
    with _open(args) as vault:
        n = vault.rebuild_search_index(progress=_progress())
    print(_t("search_index_rebuilt", n=n))
    return 0


def cmd_verify(args) -> int:
    with _open(args) as vault:
        report = vault.verify(progress=_progress())
    if args.json:
        _emit_json(report.to_json())
    else:
        checked = ", ".join(f"{n:,} {what.replace('_', ' ')}" for what, n in report.checked.items())
        if report.ok:
            print(_t("cli_verify_ok", checked=checked))
        else:
            for problem in report.problems:
                print(_t("cli_problem", problem=_localize(problem)))
            print(_t("cli_problems_found", n=len(report.problems)), file=sys.stderr)
    return 0 if report.ok else EXIT_VERIFY


def cmd_passwd(args) -> int:
    with _open(args) as vault:
        vault.change_passphrase(new_passphrase(args))
    print(_t("cli_passphrase_changed"))
    return 0


def cmd_wipe(args) -> int:
    from .core.wipe import wipe_files

    path = _vault_path(args)
    if not path.exists():
        raise UserError(f"no vault at {path}")
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError("wipe needs --yes when not run at a terminal")
        answer = input(_t("cli_wipe_prompt", path=path) + " ")
        if answer.strip() != "WIPE":
            raise UserError("not confirmed; nothing was wiped")
    wipe_files(path)
    print(_t("cli_wiped", path=path))
    return 0


def cmd_gui(args) -> int:
    headless = sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    if headless:
        raise UserError("no graphical display (DISPLAY is not set) for the desktop window; "
                        "the command line works without one: monitor --help")
    try:
        from .gui.app import run
    except ImportError as exc:
        raise UserError(f"the desktop window cannot start ({exc}); the command line works: monitor --help") from None
    return run(_vault_path(args))


# --- parser ---------------------------------------------------------------------------------------

WIPE_HELP = """Destroy the vault so that even the right passphrase no longer opens it: the salt at the
start of the file and the WAL are overwritten first (which alone makes the data undecryptable),
then the whole file is overwritten with random bytes and deleted (and so are half-made copies
left by an interrupted creation). It does not ask for the
passphrase. What it cannot promise: on SSDs, USB flash drives, and journalling, copy-on-write or
snapshotting file systems, old blocks can survive where the OS cannot reach them, and backups or
copies of the file are not touched. Use full-disk encryption as well."""


def build_parser() -> argparse.ArgumentParser:
    def shared(default):
        # The same options before or after the command; after it, they must not reset the former.
        options = argparse.ArgumentParser(add_help=False)
        options.add_argument("--vault", metavar="PATH", default=default,
                             help=f"vault file (default: {paths.default_vault_path()})")
        options.add_argument("--passphrase-file", metavar="FILE", default=default,
                             help="read the passphrase from FILE (also: $MONITOR_PASSPHRASE_FILE); else prompt")
        return options

    common = shared(argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="monitor", parents=[shared(None)],
        description="Monitor: offline, encrypted case manager for monitoring places of detention. "
                    "With no command it starts the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"monitor {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name, func, help_text, **kw):
        p = sub.add_parser(name, parents=[common], help=help_text, description=kw.pop("description", help_text), **kw)
        p.set_defaults(func=func)
        return p

    p = command("init", cmd_init, "create a vault")
    p.add_argument("--profile", default="monitor", help="author name recorded on every change (default: monitor)")
    p = command("demo", cmd_demo, "create a new vault filled with fictional, multilingual demo data")
    p.add_argument("--cases", type=int, default=50, help="number of cases (default 50)")
    p.add_argument("--seed", type=int, default=1, help="random seed; the same seed gives the same data")
    p.add_argument("--profile", default="demo")
    p = command("info", cmd_info, "path, schema version, device identity, counts")
    p.add_argument("--json", action="store_true")
    p = command("cases", cmd_cases, "list cases")
    p.add_argument("--status", help="only cases with this status key")
    p.add_argument("--lang", choices=("en", "ru", "kk"), default="en")
    p.add_argument("--json", action="store_true")
    p = command("search", cmd_search, "full-text search over narratives, notes, names and findings")
    p.add_argument("text")
    p.add_argument("--type", action="append", help="only this record type (repeatable)")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p = command("load", cmd_load, "bulk import from JSON lines or CSV; all or nothing",
                description="Bulk import. JSON lines: one record per line as 'monitor dump' writes them "
                            "(docs/data-model.md). CSV: cases, complaints, proceedings, consent, reprisals or "
                            "official statistics, with the columns in docs/csv.md. "
                            "The whole file is checked first; one bad line and nothing is loaded.")
    p.add_argument("file")
    p.add_argument("--csv-type", choices=("case", "complaint", "proceeding", "consent", "reprisal", "statistic"),
                   help="what the CSV holds (default: from its header)")
    p.add_argument("--json", action="store_true")
    p = command("dump", cmd_dump, "every record as JSON lines (plaintext!) to stdout")
    p.add_argument("--type", help="only this record type")
    p.add_argument("--out", metavar="FILE", help="write to FILE (atomically) instead of stdout")
    p = command("attach", cmd_attach, "store a file (photo, scan, audio) inside the vault")
    p.add_argument("file")
    p.add_argument("--to", metavar="RECORD_ID", help="the record it belongs to")
    p.add_argument("--caption")
    p.add_argument("--json", action="store_true")
    command("reindex", cmd_reindex, "rebuild the search index from the records")
    p = command("verify", cmd_verify, "check cipher integrity, the audit chain and attachment hashes")
    p.add_argument("--json", action="store_true")
    p = command("passwd", cmd_passwd, "change the vault passphrase")
    p.add_argument("--new-passphrase-file", metavar="FILE")
    p = command("wipe", cmd_wipe, "destroy the vault (see its help for what it cannot promise)", description=WIPE_HELP)
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    return parser


def _terminate(signum, frame):
    # SIGTERM unwinds like Ctrl-C, so open transactions roll back and half-made files are removed.
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    harden_process()
    signal.signal(signal.SIGTERM, _terminate)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        func = cmd_gui
    else:
        func = args.func
    from .core.messages import localize, system_language, text

    global _LANG
    lang = _LANG = system_language()  # MONITOR_LANG, else LC_ALL / LC_MESSAGES / LANG: en, ru or kk
    try:
        return func(args)
    except MonitorError as exc:
        print(text("cli_error", lang, message=localize(exc, lang)), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(text("cli_cancelled", lang), file=sys.stderr)
        return EXIT_CANCELLED
    except BrokenPipeError:
        return 0
    except OSError as exc:  # disk full, permission denied, …: the user can act on these
        where = f" ({exc.filename})" if exc.filename else ""
        print(text("cli_error", lang, message=f"{exc.strerror or exc}{where}"), file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    raise SystemExit(main())
