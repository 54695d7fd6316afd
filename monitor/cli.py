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
from .core.model import registry
from .core.errors import MonitorError
from .core.messages import Message
from .core.fs import harden_process

EXIT_ERROR, EXIT_USAGE, EXIT_VERIFY, EXIT_CANCELLED = 1, 2, 3, 130


class UserError(MonitorError):
    code = "usage_error"


_LANG = "en"  # the language of messages, set by main() from MONITOR_LANG / LC_ALL / LC_MESSAGES / LANG



def _csv_titles() -> str:
    """The CSV kinds as the help names them: "cases, complaints, …, reprisals or official statistics"."""
    names = [e.csv.title for e in registry.REGISTRY if e.csv]
    return ", ".join(names[:-1]) + " or " + names[-1]

def _t(msg_id: str, **params) -> str:
    """A CLI message from the shared catalogue (resources/messages/core.json), in the user's language."""
    from .core.messages import text

    return text(msg_id, _LANG, **params)


def _localize(message) -> str:
    from .core.messages import localize

    return localize(message, _LANG)


# --- passphrases ------------------------------------------------------------------------------

def _read_secret_file(name: str, what: Message) -> str:
    try:
        data = Path(name).expanduser().read_bytes()
    except OSError as exc:
        raise UserError(Message("cli_read_file", what=what, name=name, reason=exc.strerror)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(Message("cli_file_not_utf8", what=what, name=name)) from None
    if text.endswith("\r\n"):
        text = text[:-2]
    elif text.endswith("\n"):
        text = text[:-1]
    if not text:
        raise UserError(Message("cli_empty_file", what=what, name=name))
    return text


def _prompt(label: str, confirm: bool) -> str:
    first = getpass.getpass(f"{label}: ")
    if confirm and getpass.getpass(_t("cli_prompt_again", label=label) + ": ") != first:
        raise UserError(Message("cli_differ"))
    return first


def passphrase(args, *, confirm: bool = False) -> str:
    """From --passphrase-file, $MONITOR_PASSPHRASE_FILE, or the terminal (in that order)."""
    file = args.passphrase_file or os.environ.get("MONITOR_PASSPHRASE_FILE")
    if file:
        return _read_secret_file(file, Message("cli_what_passphrase"))
    if sys.stdin.isatty():
        return _prompt(_t("cli_prompt_passphrase"), confirm)
    raise UserError(Message("cli_no_passphrase"))


def new_passphrase(args) -> str:
    if args.new_passphrase_file:
        return _read_secret_file(args.new_passphrase_file, Message("cli_what_new_passphrase"))
    if sys.stdin.isatty():
        return _prompt(_t("cli_prompt_new_passphrase"), confirm=True)
    raise UserError(Message("cli_no_new_passphrase"))


# --- output helpers -------------------------------------------------------------------------------

# Stored text comes from people and files: it must never drive the terminal. Control characters
# (C0 but newline and tab, DEL, C1) and bidirectional overrides are shown as \uXXXX escapes, which
# also keeps JSON output valid and equal in value. ``shown`` escapes newlines and tabs too, for
# fields printed inside one line of a listing.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ESCAPE = {c: f"\\u{c:04x}" for c in [*range(0x20), 0x7F, *range(0x80, 0xA0), *map(ord, _BIDI)]}
_ESCAPE_STREAM = {c: e for c, e in _ESCAPE.items() if c not in (0x0A, 0x09)}


def shown(text) -> str:
    """Untrusted text for one field of a line: every control character escaped."""
    return str(text).translate(_ESCAPE)


class _EscapingStream:
    """Wraps stdout/stderr so that nothing the CLI prints can hold a raw control character."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(text.translate(_ESCAPE_STREAM))

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _emit_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _progress() -> Callable | None:
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int, label: str) -> None:
        share = f"{100 * done // total:3d}%" if total else f"{done}"
        raw = getattr(sys.stderr, "_stream", sys.stderr)  # the carriage return is ours; the label is escaped
        raw.write(f"\r{shown(label)}: {share}   ")
        raw.flush()
        if total and done >= total:
            raw.write("\n")

    return report


def _vault_path(args) -> Path:
    return Path(args.vault).expanduser() if args.vault else paths.default_vault_path()


def _open(args):
    from .core.store.vault import Vault

    vault = Vault.open(_vault_path(args), passphrase(args))
    for warning in vault.warnings:
        print(_t("cli_warning", warning=_localize(warning)), file=sys.stderr)
    return vault


def ensure_still_there(vault) -> None:
    """After a write: if the vault was wiped (or its key file replaced) meanwhile, do not report success."""
    if not vault.still_there():
        raise UserError(Message("cli_vault_wiped_during", path=str(vault.path)))


# --- commands -------------------------------------------------------------------------------------

def cmd_init(args) -> int:
    from .core.store.vault import Vault

    path = _vault_path(args)
    if path.exists():
        raise UserError(Message("cli_vault_exists", path=str(path)))
    with Vault.create(path, passphrase(args, confirm=True), profile=args.profile) as vault:
        ident = vault.identity
        print(_t("cli_created", path=path))
        print(_t("cli_fingerprint", fingerprint=ident.fingerprint))
    return 0


def cmd_demo(args) -> int:
    from .core.demo.create import create_demo_vault

    path = _vault_path(args)
    if path.exists():
        raise UserError(Message("cli_demo_exists", path=str(path)))
    if args.cases < 1 or args.cases > 1_000_000:
        raise UserError(Message("cli_cases_range"))
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
        ("cli_info_vault", shown(summary["path"])),
        ("cli_info_size", _t("cli_info_bytes", n=f"{summary['file_size']:,}")),
        ("cli_info_schema", summary["schema_version"]),
        ("cli_info_profile", shown(summary["profile"])),
        ("cli_info_device", summary["device_id"]),
        ("cli_info_recipient", summary["age_recipient"]),
        ("cli_info_fingerprint", summary["signing_fingerprint"]),
        ("cli_info_records", ""),
        *[(None, (shown(record_type), f"{n:,}")) for record_type, n in sorted(summary["records"].items())],
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
    from .core.queries.cases import case_rows

    with _open(args) as vault:
        rows = case_rows(vault, status=args.status, lang=args.lang)
    if args.json:
        _emit_json(rows)
        return 0
    if not rows:
        print(_t("cli_no_cases"))
    for row in rows:
        print(f"{shown(row['code']):<16} {shown(row['status_label']):<22} {shown(row['title'])}")
    return 0


def cmd_search(args) -> int:
    with _open(args) as vault:
        page = vault.search_page(args.text, limit=args.limit, types=args.type or None)
    hits = page.hits
    if args.json:  # recent_only: very common words, only the most recent matches were ranked (as the window says)
        _emit_json([{**hit.to_json(), "recent_only": page.recent_only} for hit in hits])
        return 0
    if not hits:
        print(_t("cli_no_matches"))
    for hit in hits:
        print(f"{hit.type:<12} {hit.record_id}  {shown(hit.label)}")
        print(f"             {shown(hit.snippet)}")
    if page.recent_only:
        print(_t("cli_search_recent_only", total=page.total))
    return 0


def cmd_load(args) -> int:
    from .core.io.loader import load_file

    with _open(args) as vault:
        report = load_file(vault, args.file, csv_type=args.csv_type, sheet=args.sheet, progress=_progress())
        ensure_still_there(vault)
    if args.json:
        _emit_json(report.to_json())
    else:
        print(_t("cli_loaded", records=report.records, created=report.created, updated=report.updated,
                 unchanged=report.unchanged))
        if report.encoding == "cp1251":
            print(_t("cli_loaded_encoding", encoding="Windows-1251"))
        elif report.encoding == "utf-16":
            print(_t("cli_loaded_encoding_utf16"))
    return 0


def cmd_dump(args) -> int:
    import hashlib

    from .core.io.dump import dump_line, dump_records
    from .core.reports.trail import log_output

    digest, count = hashlib.sha256(), 0
    with _open(args) as vault:
        print(_t("cli_dump_warning"), file=sys.stderr)
        if args.out:
            from .core.fs import atomic_writer

            with atomic_writer(args.out) as out:
                for record in dump_records(vault, args.type):
                    line = (dump_line(record) + "\n").encode("utf-8")
                    digest.update(line)
                    count += 1
                    out.write(line)
        else:
            for record in dump_records(vault, args.type):
                line = dump_line(record) + "\n"
                digest.update(line.encode("utf-8"))
                count += 1
                sys.stdout.write(line)
        # plaintext left the vault: say so in the audit log (what, how many, its SHA-256, where)
        log_output(vault, "dump-written", detail=f"records={count} type={args.type or 'all'} "
                   f"sha256={digest.hexdigest()} to={'file' if args.out else 'stdout'}")
    return 0


def cmd_attach(args) -> int:
    with _open(args) as vault:
        record = vault.add_attachment(args.file, parent_id=args.to, caption=args.caption, progress=_progress())
        ensure_still_there(vault)
    if args.json:
        _emit_json(record)
    else:
        print(_t("cli_attached", name=shown(record["original_name"]), id=record["id"], sha256=record["sha256"]))
    return 0


def cmd_reindex(args) -> int:
    with _open(args) as vault:
        n = vault.rebuild_search_index(progress=_progress())
        ensure_still_there(vault)
    print(_t("search_index_rebuilt", n=n))
    return 0


def cmd_verify(args) -> int:
    if args.anchor is not None:
        return _verify_anchor(args)
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
                print(_t("cli_problem", problem=shown(_localize(problem))))
            print(_t("cli_problems_found", n=len(report.problems)), file=sys.stderr)
    return 0 if report.ok else EXIT_VERIFY


def _verify_anchor(args) -> int:
    """``verify --anchor HASH``: one line, whether the audit chain still contains that head."""
    from .core.store.verify import anchor_present, parse_anchor

    parse_anchor(args.anchor)  # a malformed anchor is refused before the passphrase is asked for
    with _open(args) as vault:
        present, entry = anchor_present(vault, args.anchor)
    shown_anchor = shown(args.anchor.strip())
    if args.json:
        _emit_json({"anchor": args.anchor.strip(), "present": present, "entry": entry})
    elif present:
        print(_t("cli_anchor_present", anchor=shown_anchor, entry=entry))
    else:
        print(_t("cli_anchor_absent", anchor=shown_anchor), file=sys.stderr)
    return 0 if present else EXIT_VERIFY


def _head_json(head) -> dict:
    r = head.revision
    return {"rev": r.rev, "author": r.author, "device": r.device, "created_at": r.created_at,
            "generation": head.generation, "deleted": r.deleted, "rejected": head.rejected, "body": r.body}


def _print_review(review, info, *, full: bool) -> None:
    """The versions of one record (who, when, which device), then its fields that differ, one
    block per field with each version's value, numbered as the versions are."""
    from .core.history import merge
    from .core.model import titles

    def title(path: str) -> str:
        return titles.field_title(f"{review.record_type}.{path}", _LANG)

    sys.stdout.write(f"{info.type} {info.id}  {shown(info.label)}\n")
    for number, version in enumerate(review.versions, 1):
        state = _t("cli_version_refused" if version.refused else
                   "cli_version_current" if version.current else "cli_version_concurrent")
        sys.stdout.write(f"\n[{number}] {version.rev}  {state}\n")
        sys.stdout.write(_t("cli_version_by", author=shown(version.author), device=version.device,
                            at=version.created_at, generation=version.generation) + "\n")
        if version.deleted:
            sys.stdout.write("    " + _t("cli_version_deleted") + "\n")
        elif full:
            body = json.dumps(version.body, ensure_ascii=False, indent=2, sort_keys=True)
            sys.stdout.write("\n".join("    " + line for line in body.splitlines()) + "\n")
    differing = review.differing
    sys.stdout.write("\n" + (_t("cli_fields_differ", n=len(differing), total=len(review.rows)) if differing
                             else _t("cli_no_field_differs")) + "\n")
    for row in differing:
        name = shown(row.name)
        label = title(row.name)
        sys.stdout.write(f"  {name}" + (f" ({shown(label)})" if label != row.name else "") + "\n")
        for number, (version, value) in enumerate(zip(review.versions, row.values), 1):
            if version.deleted:
                lines = [_t("cli_version_deleted")]
            elif value is merge.ABSENT:
                lines = [_t("cli_field_absent")]
            else:
                lines = merge.describe(value, row.name, title=title) or [""]
            sys.stdout.write(f"    [{number}] {lines[0]}\n")
            for line in lines[1:]:
                sys.stdout.write(f"        {line}\n")
    same = [shown(row.name) for row in review.rows if not row.differs]
    if same:
        sys.stdout.write(_t("cli_fields_same", fields=", ".join(same)) + "\n")
    if review.refused and review.base is not None:
        sys.stdout.write("\n" + _t("cli_resolve_sealed_hint", id=info.id, rev=review.versions[review.base].rev[:8]) + "\n")
    elif len(review.versions) > 1:
        sys.stdout.write("\n" + _t("cli_resolve_hint", id=info.id) + "\n")


def cmd_conflicts(args) -> int:
    with _open(args) as vault:
        if args.record:
            from .core.history import merge

            info = vault.info(args.record)
            heads = vault.heads(args.record)
            review = merge.Review.of(info, heads)
            if args.json:
                _emit_json({"id": info.id, "type": info.type, "label": info.label, "current": info.head,
                            "versions": [_head_json(h) for h in heads],
                            "differing_fields": [row.name for row in review.differing]})
                return 0
            _print_review(review, info, full=args.full)
            return 0
        rows = []
        for info in vault.conflicts():
            heads = vault.heads(info.id)
            rows.append({"id": info.id, "type": info.type, "label": info.label, "versions": info.heads,
                         "refused_sealed_edits": sum(h.rejected for h in heads)})
    if args.json:
        _emit_json(rows)
        return 0
    if not rows:
        print(_t("cli_no_conflicts"))
    for row in rows:
        what = _t("cli_versions", n=row["versions"]) if row["versions"] > 1 else _t("cli_one_version")
        if row["refused_sealed_edits"]:
            what += ", " + _t("cli_refused_sealed_edits", n=row["refused_sealed_edits"])
        sys.stdout.write(f"{row['type']:<12} {row['id']}  {what}  {shown(row['label'])}\n")
    return 0


def _read_record_file(name: str) -> dict:
    """A JSON file holding one record (the merged version of a conflict)."""
    try:
        text = Path(name).expanduser().read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise UserError(Message("cli_cannot_read", name=name, reason=exc.strerror)) from None
    except UnicodeDecodeError:
        raise UserError(Message("cli_not_utf8", name=name)) from None

    def no_constant(word):
        raise ValueError(f"{word} is not valid JSON")

    try:
        record = json.loads(text, parse_constant=no_constant)
    except (ValueError, RecursionError) as exc:
        raise UserError(Message("cli_not_json", name=name, reason=str(exc).split(':')[0][:60])) from None
    if not isinstance(record, dict):
        raise UserError(Message("cli_not_one_object", name=name))
    return record


def _merge_fields(vault, args) -> dict:
    """--base REV --field NAME=REV …: the whole body of one version, with the fields named taken
    from the versions named (a field that version lacks is left out)."""
    from .core.history import merge

    review = merge.Review.of(vault.info(args.record), vault.heads(args.record))
    base = review.index(args.base)
    picks: dict[str, int] = {}
    for spec in args.field or []:
        name, sep, rev = spec.partition("=")
        name, rev = name.strip(), rev.strip()
        if not sep or not name or not rev:
            raise UserError(Message("cli_field_form", spec=shown(spec)))
        if name in picks:
            raise UserError(Message("cli_field_twice", field=shown(name)))
        picks[name] = review.index(rev)
    return review.merged(base, picks)


def cmd_resolve(args) -> int:
    if args.field and not args.base:
        raise UserError(Message("cli_field_needs_base"))
    with _open(args) as vault:
        heads = [h.revision for h in vault.heads(args.record)]
        if args.take:
            chosen = [r for r in heads if r.rev == args.take or (len(args.take) >= 8 and r.rev.startswith(args.take))]
            if len(chosen) != 1:
                raise UserError(Message("cli_not_a_version", rev=args.take, record=args.record, record2=args.record))
            body = chosen[0].body
        elif args.delete:
            body = None
        elif args.base:
            body = _merge_fields(vault, args)
        else:
            body = _read_record_file(args.body)
        revision = vault.resolve(args.record, body, [r.rev for r in heads])
    if args.json:
        _emit_json(revision.to_json())
    else:
        print(_t("cli_resolved", type=revision.record_type, id=revision.record_id, n=len(revision.parents),
                 rev=revision.rev))
    return 0


def cmd_passwd(args) -> int:
    from .core.keys import keyslot

    path = _vault_path(args)
    had_key_file = keyslot.path_for(path).exists()
    if args.upgrade_key:
        # Opening converts a vault from before key files; the passphrase stays the same.
        with _open(args):
            pass
        print(_t("cli_key_file_present") if had_key_file
              else _t("cli_key_file_converted", path=shown(str(keyslot.path_for(path)))))
        return 0
    with _open(args) as vault:
        if args.rekey:
            vault.rekey(new_passphrase(args))
            print(_t("cli_vault_rekeyed"))
            return 0
        vault.change_passphrase(new_passphrase(args))
    print(_t("cli_passphrase_changed"))
    return 0


def cmd_wipe(args) -> int:
    from .core.keys.wipe import identify, needs_name, wipe_files
    from .gui.settings import Settings  # plain JSON, no Qt: the window's recent list forgets the vault

    path = _vault_path(args)
    name = args.confirm
    if needs_name(path) and name is None and not args.yes and sys.stdin.isatty():
        identify(path, Path(path).name)  # anything that is not even vault-like is refused before asking
        name = input(_t("cli_wipe_name_prompt", path=path, name=Path(path).name) + " ")
    # a symbolic link, anything that is not a vault, or a file without a bound key file whose name
    # was not typed back (--confirm NAME) is refused before anything is touched
    identify(path, name)
    if not args.yes and not needs_name(path):
        if not sys.stdin.isatty():
            raise UserError(Message("cli_wipe_needs_yes"))
        answer = input(_t("cli_wipe_prompt", path=path) + " ")
        if answer.strip() != "WIPE":
            raise UserError(Message("cli_wipe_not_confirmed"))
    wipe_files(path, confirm_name=name)
    settings = Settings.load()
    if settings.forget(path):
        settings.save()
    print(_t("cli_wiped", path=path))
    return 0


def cmd_gui(args) -> int:
    headless = sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    if headless:
        raise UserError(Message("cli_no_display"))
    try:
        from .gui.app import run
    except ImportError as exc:
        raise UserError(Message("cli_no_window", detail=str(exc))) from None
    return run(_vault_path(args))


# --- reports (issue 9) ----------------------------------------------------------------------------

def cmd_report(args) -> int:
    from .core import reports

    subject = {"dossier": args.case, "medical": args.exam, "visit": args.visit}.get(args.kind)
    password = _read_secret_file(args.password_file, Message("cli_what_pdf_password")) if args.password_file else None
    out = Path(args.out).expanduser()
    if out.is_dir():
        raise UserError(Message("cli_out_is_dir", out=str(out)))
    cancel = threading.Event()
    try:
        with _open(args) as vault:
            if subject:
                subject = reports.resolve(vault, args.kind, subject)
            result = reports.generate(vault, args.kind, out, subject_id=subject, lang=args.lang, level=args.level,
                                      password=password, period=(args.since, args.until),
                                      progress=_progress(), cancel=cancel, audience=args.audience)
    except KeyboardInterrupt:
        cancel.set()
        raise
    level = args.level if args.kind != "stats" else "aggregate"
    print(_t("cli_report_written_protected" if result.encrypted else "cli_report_written", path=shown(str(out)),
             pages=result.pages, level=level))
    print(_t("cli_report_sha256", sha256=result.sha256))
    print(_t("cli_report_source", n=result.source_count, digest=result.source_digest)
          + ("; " + _t("cli_report_withheld", n=result.withheld) if result.withheld else ""))
    return 0


def add_report_command(command) -> None:
    p = command("report", cmd_report, "write a PDF report: case dossier, medical evaluation, visit report, statistics",
                description="Write a PDF report (DejaVu Sans embedded, page N of M, footer with the SHA-256 of the "
                            "records used). Consent and the redaction level decide what appears; what was "
                            "withheld is stated as counts. Each report is logged in the audit trail with its SHA-256.")
    p.add_argument("kind", choices=("dossier", "medical", "visit", "stats"))
    p.add_argument("--case", metavar="ID", help="dossier: the case (id or code, e.g. KZ-2026-0007)")
    p.add_argument("--exam", metavar="ID", help="medical: the examination id")
    p.add_argument("--visit", metavar="ID", help="visit: the visit id")
    p.add_argument("--lang", choices=("en", "ru", "kk"), default="en")
    p.add_argument("--level", choices=("full", "pseudonymised", "aggregate"), default="full",
                   help="full: for the person's own lawyer; pseudonymised: codes instead of identities; "
                        "aggregate: numbers only (statistics are always aggregate)")
    p.add_argument("--audience", choices=("lawyer", "partners", "un", "public"), default=None,
                   help="who the report is for, which decides the consent item each person must have given: "
                        "lawyer (full level, share with a lawyer), partners (pseudonymised, anonymised reports), "
                        "un (full or pseudonymised, share with the UN: a UN body such as the Committee against "
                        "Torture), public (aggregate); default: the level's own")
    p.add_argument("--password-file", metavar="F", help="protect the PDF with the password in F (AES-256)")
    p.add_argument("--from", dest="since", metavar="YEAR", help="stats: first year")
    p.add_argument("--to", dest="until", metavar="YEAR", help="stats: last year")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF (atomically)")


def cmd_check_report(args) -> int:
    from .core.reports.check import check_file

    password = _read_secret_file(args.password_file, Message("cli_what_pdf_password")) if args.password_file else None
    with _open(args) as vault:
        result = check_file(vault, Path(args.file).expanduser(), password=password)
    for line in result.lines(_LANG):
        print(shown(line))
    return 0 if result.ok else 1


def add_check_report_command(command) -> None:
    p = command("check-report", cmd_check_report, "check a printed report against this vault",
                description="Read a report's number, audit head and record list from the PDF, then say in one "
                            "line whether the file is, byte for byte, the report logged in the audit trail and "
                            "whether the records it was built from are unchanged (those changed since are listed "
                            "with their history). Exit status 0 only when both hold.")
    p.add_argument("file", metavar="FILE.pdf")
    p.add_argument("--password-file", metavar="F", help="the PDF's password, for a protected report")


# --- parser ---------------------------------------------------------------------------------------

WIPE_HELP = """Destroy the vault so that even the right passphrase no longer opens it. The vault is
encrypted with a random data key that is stored only in its key file (VAULT.keyslot), wrapped by
the passphrase. Wipe first overwrites that key file in place with random bytes and syncs it to
disk: from then on no copy of the vault's pages (old WAL frames in free blocks included) can be
decrypted, even with the passphrase. Then it overwrites the start of the vault, its WAL, the whole
file and any half-made copies, and deletes them. It does not ask for the passphrase. It refuses a
path that is a symbolic link or is not a Monitor vault: only a key file bound to the vault file's
salt proves a vault. A vault from before key files has none, so wipe asks for its file name to be
typed back (without a terminal: --confirm NAME, the file name without its folder); --yes alone does
not wipe it. The vault is also dropped from the window's list of recent vaults.

What remains: on SSDs and USB flash drives the drive may keep the old physical copy of the 4 KiB
key file (wear levelling) where no program can overwrite it; anyone who reads it out of the chip
and knows the passphrase can decrypt whatever pages also survive. Monitor does not spread the key
file over many blocks as LUKS's anti-forensic split does: a flash drive retires a rewritten file's
blocks together, so the split would not stop that. Copy-on-write or snapshotting file systems,
backups, and copies of the vault and key file made elsewhere are not touched either. A vault from
before key files may have left pages keyed by its passphrase in free blocks. Use full-disk
encryption as well."""


# --- sync by file (docs/bundle-format.md) --------------------------------------------------------

def cmd_export(args) -> int:
    from .core.sync.exchange import export_bundle

    transfer = _read_secret_file(args.transfer_passphrase_file, Message("cli_what_transfer_passphrase")) \
        if args.transfer_passphrase_file else None
    cancel = threading.Event()
    with _open(args) as vault:
        try:
            report = export_bundle(vault, args.out, to=args.to or [], passphrase=transfer, since_last=args.since_last,
                                   cases=args.case, progress=_progress(), cancel=cancel)
        except KeyboardInterrupt:
            cancel.set()
            raise
    if args.json:
        _emit_json(report.to_json())
    else:
        print(_t("cli_bundle_written", path=shown(report.path), revisions=report.revisions,
                 attachments=report.attachments, bytes=f"{report.bytes:,}", sha256=report.sha256))
    return 0


def cmd_import(args) -> int:
    from .core.sync.exchange import import_bundle

    transfer = _read_secret_file(args.transfer_passphrase_file, Message("cli_what_transfer_passphrase")) \
        if args.transfer_passphrase_file else None
    reports = []
    with _open(args) as vault:
        for file in args.files:
            report = import_bundle(vault, file, trust=args.trust or [], passphrase=transfer, progress=_progress())
            reports.append(report)
            if not args.json:
                summary = _t("cli_import_replay") if report.replay else _t(
                    "cli_import_summary", new=report.new, updated=report.updated, conflicts=report.conflicts,
                    sealed=report.sealed_refused, skipped=report.skipped, attachments=report.attachments_added)
                sys.stdout.write(f"{shown(Path(file).name)}: {summary}\n")
    if args.json:
        _emit_json([r.to_json() for r in reports])
    return 0


def cmd_inbox(args) -> int:
    from .core.sync import inbox

    with _open(args) as vault:
        if args.action == "set":
            if not args.folder:
                raise UserError(Message("cli_inbox_give_folder"))
            stored = inbox.choose_folder(vault, args.folder)
            print(_t("cli_inbox_folder", path=shown(str(stored))))
            return 0
        if args.action == "clear":
            inbox.choose_folder(vault, None)
            print(_t("cli_inbox_cleared"))
            return 0
        where = inbox.folder_of(vault)
        if args.action == "show":
            print(_t("cli_inbox_folder", path=shown(str(where))) if where else _t("inbox_none"))
            return 0
        outcomes = inbox.scan(vault, args.folder or None, trust=args.trust or [], settle_seconds=args.settle,
                              progress=_progress())
    if args.json:
        _emit_json([{"file": o.name, "status": o.status, "message": o.message, "fingerprint": o.fingerprint,
                     **({"report": o.report.to_json()} if o.report else {})} for o in outcomes])
    else:
        if not outcomes:
            print(_t("cli_inbox_empty"))
        for o in outcomes:
            if o.status == inbox.IMPORTED:
                line = _t("cli_import_summary", new=o.report.new, updated=o.report.updated,
                          conflicts=o.report.conflicts, sealed=o.report.sealed_refused, skipped=o.report.skipped,
                          attachments=o.report.attachments_added)
            elif o.status == inbox.REPLAY:
                line = _t("cli_import_replay")
            elif o.status == inbox.UNKNOWN_SIGNER:
                line = _t("cli_inbox_unknown_signer", fingerprint=o.fingerprint)
            else:
                line = _t("cli_inbox_refused", reason=shown(_localize(o.message)))
            sys.stdout.write(f"{shown(o.name)}: {line}\n")
        if outcomes:
            count = {status: sum(o.status == status for o in outcomes) for status in
                     (inbox.IMPORTED, inbox.REPLAY, inbox.UNKNOWN_SIGNER, inbox.REFUSED)}
            print(_t("cli_inbox_totals", imported=count[inbox.IMPORTED], replays=count[inbox.REPLAY],
                     waiting=count[inbox.UNKNOWN_SIGNER], refused=count[inbox.REFUSED]))
    # a bundle refused or waiting is worth a non-zero status for scripts; the others were merged
    return 1 if any(o.status in (inbox.REFUSED, inbox.UNKNOWN_SIGNER) for o in outcomes) else 0


def cmd_contacts(args) -> int:
    from .core.sync import contacts

    with _open(args) as vault:
        if args.action == "add":
            contact = contacts.parse(Path(args.file).read_text(encoding="utf-8"))
            if contacts.normalise_fingerprint(args.fingerprint or "") != contact.fingerprint:
                raise UserError(Message("cli_compare_fingerprint", fingerprint=contact.fingerprint, name=contact.name))
            contacts.trust(vault, contact)
            print(_t("cli_contact_trusted", name=shown(contact.name), role=contact.role, fingerprint=contact.fingerprint))
        elif args.action == "revoke":  # a coordinator revokes a lost or seized laptop (issue 17)
            contact = contacts.find_in(vault, args.file or "")
            record = contacts.revoke(vault, args.file, revoked_from=getattr(args, "from"), reason=args.reason or "")
            print(_t("cli_device_revoked", name=shown(contact.name), fingerprint=contact.fingerprint,
                     since=record["from"]))
        elif args.action == "mine":
            if args.role:  # the role this vault gives itself from now on (a coordinator may revoke)
                contacts.set_own_role(vault, args.role)
            from .core.store import me as person

            if args.name is not None or args.occupation is not None or args.organisation is not None:
                # your name, role and organisation, kept in the vault: they sign new work (issue 19 §3)
                was = person.read(vault)
                now = person.write(vault, was.name if args.name is None else args.name,
                                   was.role if args.occupation is None else args.occupation,
                                   was.organisation if args.organisation is None else args.organisation)
                print(_t("cli_me_saved", name=shown(now.signature())), file=sys.stderr)
            me = contacts.own(vault.identity, person.read(vault).signature(), contacts.own_role(vault), vault.device_id)
            if args.out:
                from .core.fs import atomic_writer

                with atomic_writer(args.out) as out:
                    out.write(me.to_text().encode("utf-8"))
                print(_t("cli_contact_written", path=shown(args.out), fingerprint=me.fingerprint))
            else:
                sys.stdout.write(me.to_text())
        else:
            for contact in contacts.known(vault):
                sys.stdout.write(f"{contact.fingerprint}  {contact.role:<11} {shown(contact.name)}\n")
    return 0


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
    p = command("load", cmd_load, "bulk import from JSON lines, CSV or an .xlsx sheet; all or nothing",
                description="Bulk import. JSON lines: one record per line as 'monitor dump' writes them "
                            "(docs/data-model.md). CSV (UTF-8, UTF-16 or Windows-1251) or one sheet of an .xlsx "
                            "workbook: " + _csv_titles() + ", with the columns in docs/csv.md. "
                            "The whole file is checked first; one bad line and nothing is loaded.")
    p.add_argument("file")
    p.add_argument("--csv-type", choices=tuple(e.name for e in registry.REGISTRY if e.csv),
                   help="what the CSV or sheet holds (default: from its header)")
    p.add_argument("--sheet", help="the .xlsx sheet to read (default: the first)")
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
    p.add_argument("--anchor", metavar="HASH", help="only check that the audit chain still contains this head "
                                                    "(ENTRY:HASH or HASH, as a report's footer prints it): "
                                                    "if not, the history was rewritten or it is another vault")
    add_report_command(command)
    add_check_report_command(command)
    p = command("conflicts", cmd_conflicts, "records with concurrent versions to review, or one record's versions",
                description="Without RECORD: every record whose versions from different devices conflict, and "
                            "sealed records that another device edited (those edits are refused and kept). "
                            "With RECORD: each version side by side, with who, when and which device.")
    p.add_argument("record", nargs="?", metavar="RECORD", help="a record id: show its versions and the fields "
                   "that differ between them")
    p.add_argument("--full", action="store_true", help="with RECORD: also print each version whole, as JSON")
    p.add_argument("--json", action="store_true")
    p = command("resolve", cmd_resolve, "settle a conflict: choose a version, or give a merged one",
                description="Writes a new revision whose parents are all the record's current versions, and "
                            "an audit entry saying who resolved what. A sealed record can only take its sealed "
                            "version.")
    p.add_argument("record", metavar="RECORD")
    choice = p.add_mutually_exclusive_group(required=True)
    choice.add_argument("--take", metavar="REV", help="keep this version (a revision id from 'monitor conflicts')")
    choice.add_argument("--body", metavar="FILE", help="a JSON file with the merged record")
    choice.add_argument("--delete", action="store_true", help="resolve by deleting the record")
    choice.add_argument("--base", metavar="REV", help="start from this version whole, then take the fields "
                        "given with --field from other versions")
    p.add_argument("--field", action="append", metavar="FIELD=REV",
                   help="with --base: take this top-level field from version REV (left out if REV lacks it); "
                        "repeatable. REV may be the first 8 or more characters of a revision id")
    p.add_argument("--json", action="store_true")
    p = command("passwd", cmd_passwd, "change the vault passphrase (rewraps the key file)")
    p.add_argument("--new-passphrase-file", metavar="FILE")
    p.add_argument("--upgrade-key", action="store_true",
                   help="convert a vault from before key files to a random data key with a key file "
                        "(also done on its first unlock); keeps the passphrase")
    p.add_argument("--rekey", action="store_true",
                   help="also make a new random data key and re-encrypt the whole vault with it, destroying "
                        "the old key file (use when the passphrase, the laptop or a copy of the key file "
                        "may be compromised)")
    p = command("export", cmd_export, "write an encrypted, signed bundle for another vault (docs/bundle-format.md)")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--to", action="append", metavar="CONTACT",
                   help="a trusted contact (name or fingerprint) or an age1… recipient; repeatable")
    p.add_argument("--transfer-passphrase-file", metavar="FILE",
                   help="encrypt to a transfer passphrase read from FILE instead of recipients")
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--since-last", action="store_true", help="only what changed since the last export to them")
    scope.add_argument("--case", action="append", metavar="ID", help="only this case and what it links to; repeatable")
    scope.add_argument("--all", action="store_true", help="everything (the default)")
    p.add_argument("--json", action="store_true")
    p = command("import", cmd_import, "merge bundles from other vaults (all or nothing per bundle)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--trust", action="append", metavar="FINGERPRINT",
                   help="accept this signer (after comparing its fingerprint with its owner)")
    p.add_argument("--transfer-passphrase-file", metavar="FILE")
    p.add_argument("--json", action="store_true")
    p = command("inbox", cmd_inbox, "an inbox folder whose new bundles are merged (show, set, clear, check)",
                description="A folder (a synced folder, a USB stick) where bundles for this vault arrive. "
                            "'check' merges each bundle file there not handled yet, one transaction each, "
                            "exactly as 'monitor import' would; the folder itself is never written to. "
                            "A bundle from a signer you do not trust yet waits for --trust. The desktop app "
                            "watches the folder while the vault is open (Sync > Inbox folder).")
    p.add_argument("action", choices=("show", "set", "clear", "check"), nargs="?", default="show")
    p.add_argument("folder", nargs="?", help="the folder (set; or check another folder once)")
    p.add_argument("--trust", action="append", metavar="FINGERPRINT",
                   help="accept this signer (after comparing its fingerprint with its owner)")
    p.add_argument("--settle", type=float, default=2.0, metavar="SECONDS",
                   help="leave files modified in the last SECONDS for the next check (default 2)")
    p.add_argument("--json", action="store_true")
    p = command("contacts", cmd_contacts, "trusted contacts: list, add a contact file, write your own, or revoke one")
    p.add_argument("action", choices=("list", "add", "mine", "revoke"), nargs="?", default="list")
    p.add_argument("file", nargs="?", help="the contact file to add (add), or the contact to revoke (revoke)")
    p.add_argument("--fingerprint", help="the fingerprint its owner read to you (required to add)")
    p.add_argument("--name", help="your name, kept in the vault: it signs your new work and your contact (mine)")
    p.add_argument("--occupation", help="your role in your own words, e.g. doctor, lawyer (mine; kept in the vault)")
    p.add_argument("--organisation", help="your organisation (mine; kept in the vault)")
    p.add_argument("--role", choices=("monitor", "coordinator"),
                   help="this vault's role, kept from now on (mine; default: as set before, else monitor)")
    p.add_argument("--out", metavar="FILE", help="write your contact to FILE (mine)")
    p.add_argument("--from", metavar="UTC", help="revoke from this time, e.g. 2026-12-01T00:00:00.000000Z "
                                                 "(revoke; default: now)")
    p.add_argument("--reason", help="why the device is revoked (revoke)")
    p = command("wipe", cmd_wipe, "destroy the vault (see its help for what it cannot promise)", description=WIPE_HELP)
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.add_argument("--confirm", metavar="NAME", help="the vault's file name, typed back: required to wipe a "
                                                     "vault from before key files without a terminal")
    return parser


def _terminate(signum, frame):
    # SIGTERM unwinds like Ctrl-C, so open transactions roll back and half-made files are removed.
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    harden_process()
    signal.signal(signal.SIGTERM, _terminate)
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _EscapingStream(sys.stdout), _EscapingStream(sys.stderr)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = streams


def _main(argv: list[str] | None) -> int:
    from sqlcipher3 import DatabaseError

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
    except DatabaseError as exc:  # damage found after the vault opened, or a vault wiped while open
        print(text("cli_error", lang, message=text("cli_vault_unreadable", lang, detail=" ".join(str(exc).split()))),
              file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:  # disk full, permission denied, …: the user can act on these
        where = f" ({exc.filename})" if exc.filename else ""
        print(text("cli_error", lang, message=f"{exc.strerror or exc}{where}"), file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    raise SystemExit(main())
