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
from contextlib import contextmanager
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
    from .core.store import recovery

    with _open(args) as vault:
        summary = vault.summary()
        summary["recovery_slots"] = [{"slot": slot.index, "contact": name, "fingerprint": fingerprint}
                                     for slot, name, fingerprint in recovery.described(vault)]
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
        ("cli_info_recovery", "; ".join(
            _t("cli_info_recovery_slot", slot=r["slot"], name=shown(r["contact"] or _t("cli_recovery_unknown_name")),
               fingerprint=r["fingerprint"]) for r in summary["recovery_slots"]) or _t("cli_info_recovery_none")),
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


def cmd_export_sheet(args) -> int:
    from .core.io.sheets_out import export_kind

    lang = args.lang or (_LANG if _LANG in ("en", "ru", "kk") else "en")
    with _open(args) as vault:
        print(_t("cli_sheet_warning"), file=sys.stderr)  # plaintext leaves the vault, as with dump
        rows, partial = export_kind(vault, args.kind, args.out, lang=lang)  # logged in the audit trail
    print(_t("cli_sheet_written", rows=rows, path=args.out))
    if partial:
        print(_t("cli_sheet_partial", count=partial), file=sys.stderr)
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


def cmd_audio(args) -> int:
    """Interview recordings: list them, bring a sound file in, write one out (issue 21 §3)."""
    from .core.audio import recording

    with _open(args) as vault:
        if args.action == "list":
            found = recording.recordings_of(vault, args.interview)
            if args.json:
                _emit_json([{**vars(r)} for r in found])
            for r in [] if args.json else found:
                print(_t("cli_audio_line", id=r.attachment_id, duration=_duration(r.seconds), at=r.captured_at,
                         device=shown(r.device or "—"), sha256=r.sha256,
                         sealed=_t("cli_audio_sealed") if r.sealed else ""))
            if not found and not args.json:
                print(_t("cli_audio_none"), file=sys.stderr)
        elif args.action == "import":
            cancel = threading.Event()
            try:
                aid = recording.import_file(vault, args.interview, Path(args.file).expanduser(),
                                            device=args.device or "", caption=args.caption,
                                            progress=_progress(), cancel=cancel)
            except KeyboardInterrupt:
                cancel.set()
                raise
            ensure_still_there(vault)
            body = vault.get(aid)
            if args.json:
                _emit_json(body)
            else:
                print(_t("cli_audio_imported", id=aid, duration=_duration(body["duration_seconds"]),
                         sha256=body["sha256"]))
        else:  # export: a copy outside the vault, logged in the audit trail
            from .core.io.exports import export_attachment_copy

            body = vault.get(args.attachment)
            if not recording.is_recording(body if body.get("type") == "attachment" else None):
                raise UserError(Message("recording_not_a_recording", id=args.attachment))
            print(_t("cli_audio_export_warning"), file=sys.stderr)
            export_attachment_copy(vault, args.attachment, Path(args.out).expanduser())
            print(_t("cli_audio_exported", path=shown(args.out), sha256=body["sha256"]))
    return 0


def _duration(seconds: float) -> str:
    from .core.audio import timestamps

    return timestamps.format(seconds)


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


def cmd_duress(args) -> int:
    """Set or remove the duress passphrase (keys/duress.py); the vault's passphrase is asked first."""
    from .core.keys import duress

    with _open(args) as vault:
        if args.action == "remove":
            duress.remove(vault)
            print(_t("cli_duress_removed"))
            return 0
        if args.duress_passphrase_file:
            secret = _read_secret_file(args.duress_passphrase_file, Message("cli_what_duress_passphrase"))
        elif sys.stdin.isatty():
            secret = _prompt(_t("cli_prompt_duress_passphrase"), confirm=True)
        else:
            raise UserError(Message("cli_no_duress_passphrase"))
        duress.set_passphrase(vault, secret, keep_recovery=args.keep_recovery)
    print(_t("cli_duress_set"))
    return 0


def _recovery_identity(args):
    """The age identity for ``recovery open``: an identity file, or the coordinator's own vault."""
    from .core.keys import keyslot, recovery

    if not args.identity:
        raise UserError(Message("cli_recovery_needs_identity"))
    source = Path(args.identity).expanduser()
    if keyslot.path_for(source).exists():  # a Monitor vault: its own age identity, unlocked with its passphrase
        from .core.store.vault import Vault

        with Vault.open(source, passphrase(args)) as own:
            return recovery.load_identity(own.identity.age_identity)
    return recovery.load_identity(_read_secret_file(str(source), Message("cli_what_identity")))


def cmd_recovery(args) -> int:
    from .core.store import recovery
    from .core.sync import contacts

    if args.action == "open":
        if not args.target:
            raise UserError(Message("cli_recovery_needs_vault"))
        identity = _recovery_identity(args)
        args.new_passphrase_file = args.new_passphrase_file or os.environ.get("MONITOR_NEW_PASSPHRASE_FILE")
        cancel = threading.Event()
        try:
            vault = recovery.recover(Path(args.target).expanduser(), identity, new_passphrase(args),
                                     keep_key=args.keep_key, progress=_progress(), cancel=cancel)
        except KeyboardInterrupt:
            cancel.set()
            raise
        vault.close()
        print(_t("cli_passphrase_changed") if args.keep_key else _t("cli_recovery_opened"))
        if args.keep_key:
            print(_t("cli_recovery_kept_key"), file=sys.stderr)
        return 0
    with _open(args) as vault:
        if args.action == "add":
            if not args.target:
                raise UserError(Message("cli_recovery_needs_contact"))
            slot = recovery.add(vault, contacts.find_in(vault, args.target))
            ensure_still_there(vault)
            [(slot, name, fingerprint)] = recovery.described(vault)
            print(_t("cli_recovery_added", slot=slot.index, name=shown(name or _t("cli_recovery_unknown_name")),
                     fingerprint=fingerprint))
        elif args.action == "remove":
            recovery.remove(vault)
            print(_t("cli_recovery_removed"))
        else:
            found = recovery.described(vault)
            for slot, name, fingerprint in found:
                print(_t("cli_recovery_status", slot=slot.index, name=shown(name or _t("cli_recovery_unknown_name")),
                         fingerprint=fingerprint))
            if not found:
                print(_t("cli_recovery_none"))
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
    p = command("report", cmd_report, "cmd_report", description=_help("report_desc"))
    p.add_argument("kind", choices=("dossier", "medical", "visit", "stats"), help=_help("report_kind"))
    p.add_argument("--case", metavar="ID", help=_help("report_case"))
    p.add_argument("--exam", metavar="ID", help=_help("report_exam"))
    p.add_argument("--visit", metavar="ID", help=_help("report_visit"))
    p.add_argument("--lang", choices=("en", "ru", "kk"), default="en", help=_help("report_lang"))
    p.add_argument("--level", choices=("full", "pseudonymised", "aggregate"), default="full",
                   help=_help("report_level"))
    p.add_argument("--audience", choices=("lawyer", "partners", "un", "public"), default=None,
                   help=_help("report_audience"))
    p.add_argument("--password-file", metavar="F", help=_help("report_password_file"))
    p.add_argument("--from", dest="since", metavar="YEAR", help=_help("report_from"))
    p.add_argument("--to", dest="until", metavar="YEAR", help=_help("report_to"))
    p.add_argument("--out", required=True, metavar="FILE.pdf", help=_help("report_out"))


def cmd_check_report(args) -> int:
    from .core.reports.check import check_file

    password = _read_secret_file(args.password_file, Message("cli_what_pdf_password")) if args.password_file else None
    with _open(args) as vault:
        result = check_file(vault, Path(args.file).expanduser(), password=password)
    for line in result.lines(_LANG):
        print(shown(line))
    return 0 if result.ok else 1


def add_check_report_command(command) -> None:
    p = command("check-report", cmd_check_report, "cmd_check_report", description=_help("check_report_desc"))
    p.add_argument("file", metavar="FILE.pdf", help=_help("check_report_file"))
    p.add_argument("--password-file", metavar="F", help=_help("check_report_password_file"))


# --- parser ---------------------------------------------------------------------------------------

# The help texts are in resources/messages/cli.json (cli_help_*), in en, ru and kk.

def _help(key: str, **params) -> str:
    """A command's or option's help (``cli_help_<key>``) in the user's language."""
    return _t(f"cli_help_{key}", **params)


# argparse says its own words ("usage:", "options", "invalid choice: …") through its module's
# gettext functions ``argparse._`` and ``argparse.ngettext``, looked up at the moment it speaks.
# Parser puts catalogue lookups there while it builds, parses, prints help or reports an error,
# and puts gettext back after: argparse's English text -> the id of its translation in cli.json.
_ARGPARSE_WORDS = {
    "usage: ": "cli_argparse_usage",
    "positional arguments": "cli_argparse_positionals",
    "options": "cli_argparse_options",
    "show this help message and exit": "cli_argparse_help",
    "%(prog)s: error: %(message)s\n": "cli_argparse_error",
    "argument %(argument_name)s: %(message)s": "cli_argparse_argument",
    "the following arguments are required: %s": "cli_argparse_required",
    "one of the arguments %s is required": "cli_argparse_one_required",
    "not allowed with argument %s": "cli_argparse_not_allowed",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli_argparse_invalid_choice",
    "invalid %(type)s value: %(value)r": "cli_argparse_invalid_value",
    "unrecognized arguments: %s": "cli_argparse_unrecognized",
    "ambiguous option: %(option)s could match %(matches)s": "cli_argparse_ambiguous",
    "expected one argument": "cli_argparse_expected_one",
    "expected at most one argument": "cli_argparse_expected_at_most_one",
    "expected at least one argument": "cli_argparse_expected_at_least_one",
    "expected %s argument": "cli_argparse_expected_n",
    "expected %s arguments": "cli_argparse_expected_n",
    "ignored explicit argument %r": "cli_argparse_ignored_explicit",
    "can't open '%(filename)s': %(error)s": "cli_argparse_cant_open",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "cli_argparse_unknown_parser",
    "unexpected option string: %s": "cli_argparse_unexpected_option",
}


def _argparse_word(english: str) -> str:
    from .core.messages import template

    msg_id = _ARGPARSE_WORDS.get(english)
    return template(msg_id, _LANG) if msg_id else english  # the rest are programming errors


@contextmanager
def _argparse_words():
    saved = argparse._, argparse.ngettext
    argparse._ = _argparse_word
    argparse.ngettext = lambda singular, plural, n: _argparse_word(singular if n == 1 else plural)
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks the user's language (``_LANG``) and reports a usage error in one line."""

    def __init__(self, *args, **kwargs):
        with _argparse_words():  # the group titles and -h's help are named here
            super().__init__(*args, **kwargs)

    def parse_known_args(self, args=None, namespace=None):
        with _argparse_words():
            return super().parse_known_args(args, namespace)

    def parse_args(self, args=None, namespace=None):
        with _argparse_words():
            return super().parse_args(args, namespace)

    def format_usage(self):
        with _argparse_words():
            return super().format_usage()

    def format_help(self):
        with _argparse_words():
            return super().format_help()

    def error(self, message):
        """One line on stderr, ``monitor report: error: argument --lang: invalid choice: …``; exit 2."""
        line = _argparse_word("%(prog)s: error: %(message)s\n").rstrip("\n")
        self.exit(EXIT_USAGE, line % {"prog": self.prog, "message": " ".join(str(message).split())} + "\n")



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


def build_parser(lang: str | None = None) -> argparse.ArgumentParser:
    """The ``monitor`` parser, its help and its errors in ``lang`` (default: the user's, as messages)."""
    from .core.messages import system_language

    global _LANG
    _LANG = lang or system_language()

    def shared(default):
        # The same options before or after the command; after it, they must not reset the former.
        options = Parser(add_help=False)
        options.add_argument("--vault", metavar="PATH", default=default,
                             help=_help("vault", path=paths.default_vault_path()))
        options.add_argument("--passphrase-file", metavar="FILE", default=default,
                             help=_help("passphrase_file"))
        return options

    common = shared(argparse.SUPPRESS)
    parser = Parser(prog="monitor", parents=[shared(None)], description=_help("prog"))
    parser.add_argument("--version", action="version", version=f"monitor {__version__}", help=_help("version"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", help=_help("command"))

    def command(name, func, help_id, **kw):
        help_text = _help(help_id)
        p = sub.add_parser(name, parents=[common], help=help_text, description=kw.pop("description", help_text), **kw)
        p.set_defaults(func=func)
        return p

    json_help = _help("json")
    p = command("init", cmd_init, "cmd_init")
    p.add_argument("--profile", default="monitor", help=_help("profile", name="monitor"))
    p = command("demo", cmd_demo, "cmd_demo")
    p.add_argument("--cases", type=int, default=50, help=_help("demo_cases"))
    p.add_argument("--seed", type=int, default=1, help=_help("demo_seed"))
    p.add_argument("--profile", default="demo", help=_help("profile", name="demo"))
    p = command("info", cmd_info, "cmd_info")
    p.add_argument("--json", action="store_true", help=json_help)
    p = command("cases", cmd_cases, "cmd_cases")
    p.add_argument("--status", help=_help("cases_status"))
    p.add_argument("--lang", choices=("en", "ru", "kk"), default="en", help=_help("labels_lang"))
    p.add_argument("--json", action="store_true", help=json_help)
    p = command("search", cmd_search, "cmd_search")
    p.add_argument("text", help=_help("search_text"))
    p.add_argument("--type", action="append", help=_help("search_type"))
    p.add_argument("--limit", type=int, default=50, help=_help("search_limit"))
    p.add_argument("--json", action="store_true", help=json_help)
    kinds = _csv_titles() if _LANG == "en" else ", ".join(e.name for e in registry.REGISTRY if e.csv)
    p = command("load", cmd_load, "cmd_load", description=_help("load_desc", kinds=kinds))
    p.add_argument("file", help=_help("load_file"))
    p.add_argument("--csv-type", choices=tuple(e.name for e in registry.REGISTRY if e.csv),
                   help=_help("load_csv_type"))
    p.add_argument("--sheet", help=_help("load_sheet"))
    p.add_argument("--json", action="store_true", help=json_help)
    p = command("dump", cmd_dump, "cmd_dump")
    p.add_argument("--type", help=_help("dump_type"))
    p.add_argument("--out", metavar="FILE", help=_help("dump_out"))
    p = command("export-sheet", cmd_export_sheet, "cmd_export_sheet")
    p.add_argument("kind", choices=("case", "complaint", "proceeding", "statistic", "consent", "reprisal"),
                   help=_help("export_sheet_kind"))
    p.add_argument("--out", metavar="FILE", required=True, help=_help("export_sheet_out"))
    p.add_argument("--lang", choices=("en", "ru", "kk"), help=_help("export_sheet_lang"))
    p = command("attach", cmd_attach, "cmd_attach")
    p.add_argument("file", help=_help("attach_file"))
    p.add_argument("--to", metavar="RECORD_ID", help=_help("attach_to"))
    p.add_argument("--caption", help=_help("attach_caption"))
    p.add_argument("--json", action="store_true", help=json_help)
    p = command("audio", cmd_audio, "cmd_audio", description=_help("audio_desc"))
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True, help=_help("audio_action"))
    a = actions.add_parser("list", parents=[common], help=_help("audio_list"), description=_help("audio_list"))
    a.add_argument("interview", metavar="INTERVIEW", help=_help("audio_interview"))
    a.add_argument("--json", action="store_true", help=json_help)
    a = actions.add_parser("import", parents=[common], help=_help("audio_import"),
                           description=_help("audio_import_desc"))
    a.add_argument("interview", metavar="INTERVIEW", help=_help("audio_interview"))
    a.add_argument("file", metavar="FILE", help=_help("audio_file"))
    a.add_argument("--device", help=_help("audio_device"))
    a.add_argument("--caption", help=_help("attach_caption"))
    a.add_argument("--json", action="store_true", help=json_help)
    a = actions.add_parser("export", parents=[common], help=_help("audio_export"),
                           description=_help("audio_export_desc"))
    a.add_argument("attachment", metavar="RECORDING", help=_help("audio_recording"))
    a.add_argument("--out", metavar="FILE", required=True, help=_help("audio_out"))
    command("reindex", cmd_reindex, "cmd_reindex")
    p = command("verify", cmd_verify, "cmd_verify")
    p.add_argument("--json", action="store_true", help=json_help)
    p.add_argument("--anchor", metavar="HASH", help=_help("verify_anchor"))
    add_report_command(command)
    add_check_report_command(command)
    p = command("conflicts", cmd_conflicts, "cmd_conflicts", description=_help("conflicts_desc"))
    p.add_argument("record", nargs="?", metavar="RECORD", help=_help("conflicts_record"))
    p.add_argument("--full", action="store_true", help=_help("conflicts_full"))
    p.add_argument("--json", action="store_true", help=json_help)
    p = command("resolve", cmd_resolve, "cmd_resolve", description=_help("resolve_desc"))
    p.add_argument("record", metavar="RECORD", help=_help("resolve_record"))
    choice = p.add_mutually_exclusive_group(required=True)
    choice.add_argument("--take", metavar="REV", help=_help("resolve_take"))
    choice.add_argument("--body", metavar="FILE", help=_help("resolve_body"))
    choice.add_argument("--delete", action="store_true", help=_help("resolve_delete"))
    choice.add_argument("--base", metavar="REV", help=_help("resolve_base"))
    p.add_argument("--field", action="append", metavar="FIELD=REV", help=_help("resolve_field"))
    p.add_argument("--json", action="store_true", help=json_help)
    p = command("passwd", cmd_passwd, "cmd_passwd")
    p.add_argument("--new-passphrase-file", metavar="FILE", help=_help("passwd_new_file"))
    p.add_argument("--upgrade-key", action="store_true", help=_help("passwd_upgrade_key"))
    p.add_argument("--rekey", action="store_true", help=_help("passwd_rekey"))
    p = command("duress", cmd_duress, "cmd_duress", description=_help("duress_desc"))
    p.add_argument("action", choices=("set", "remove"), help=_help("duress_action"))
    p.add_argument("--duress-passphrase-file", metavar="FILE", help=_help("duress_file"))
    p.add_argument("--keep-recovery", action="store_true", help=_help("duress_keep_recovery"))
    p = command("recovery", cmd_recovery, "cmd_recovery")
    p.add_argument("action", choices=("status", "add", "remove", "open"), nargs="?", default="status",
                   help=_help("recovery_action"))
    p.add_argument("target", nargs="?", metavar="CONTACT|VAULT", help=_help("recovery_target"))
    p.add_argument("--identity", metavar="FILE", help=_help("recovery_identity"))
    p.add_argument("--new-passphrase-file", metavar="FILE", help=_help("recovery_new_file"))
    p.add_argument("--keep-key", action="store_true", help=_help("recovery_keep_key"))
    p = command("export", cmd_export, "cmd_export")
    p.add_argument("--out", required=True, metavar="FILE", help=_help("export_out"))
    p.add_argument("--to", action="append", metavar="CONTACT", help=_help("export_to"))
    p.add_argument("--transfer-passphrase-file", metavar="FILE", help=_help("transfer_file"))
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--since-last", action="store_true", help=_help("export_since_last"))
    scope.add_argument("--case", action="append", metavar="ID", help=_help("export_case"))
    scope.add_argument("--all", action="store_true", help=_help("export_all"))
    p.add_argument("--json", action="store_true", help=json_help)
    p = command("import", cmd_import, "cmd_import")
    p.add_argument("files", nargs="+", metavar="FILE", help=_help("import_files"))
    p.add_argument("--trust", action="append", metavar="FINGERPRINT", help=_help("trust"))
    p.add_argument("--transfer-passphrase-file", metavar="FILE", help=_help("transfer_read"))
    p.add_argument("--json", action="store_true", help=json_help)
    p = command("inbox", cmd_inbox, "cmd_inbox", description=_help("inbox_desc"))
    p.add_argument("action", choices=("show", "set", "clear", "check"), nargs="?", default="show",
                   help=_help("inbox_action"))
    p.add_argument("folder", nargs="?", help=_help("inbox_folder"))
    p.add_argument("--trust", action="append", metavar="FINGERPRINT", help=_help("trust"))
    p.add_argument("--settle", type=float, default=2.0, metavar="SECONDS", help=_help("inbox_settle"))
    p.add_argument("--json", action="store_true", help=json_help)
    p = command("contacts", cmd_contacts, "cmd_contacts")
    p.add_argument("action", choices=("list", "add", "mine", "revoke"), nargs="?", default="list",
                   help=_help("contacts_action"))
    p.add_argument("file", nargs="?", help=_help("contacts_file"))
    p.add_argument("--fingerprint", help=_help("contacts_fingerprint"))
    p.add_argument("--name", help=_help("contacts_name"))
    p.add_argument("--occupation", help=_help("contacts_occupation"))
    p.add_argument("--organisation", help=_help("contacts_organisation"))
    p.add_argument("--role", choices=("monitor", "coordinator"), help=_help("contacts_role"))
    p.add_argument("--out", metavar="FILE", help=_help("contacts_out"))
    p.add_argument("--from", metavar="UTC", help=_help("contacts_from"))
    p.add_argument("--reason", help=_help("contacts_reason"))
    p = command("wipe", cmd_wipe, "cmd_wipe", description=_help("wipe_desc"))
    p.add_argument("--yes", action="store_true", help=_help("wipe_yes"))
    p.add_argument("--confirm", metavar="NAME", help=_help("wipe_confirm"))
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
