"""Bundles: the one way data leaves a vault for another vault (docs/bundle-format.md).

A bundle is a standard age file (X25519 recipients, or a transfer passphrase). Inside is a POSIX
tar stream whose members come in a fixed order:

1. ``manifest.json``  canonical JSON: format, version, exporter, scope, audit head, every member's
   name, size and SHA-256;
2. ``manifest.sig``   64-byte Ed25519 signature over ``SIGNATURE_CONTEXT + manifest.json``;
3. ``attachments/<sha256>``  the bytes of each attachment the bundle carries;
4. ``audit.jsonl``    the exporter's audit chain as ``{seq, hash, prev_hash}`` lines (no content);
5. ``revisions.jsonl`` one revision per line, parents before children.

Writing streams: the tar is produced into a pipe that a second thread encrypts into a temp file
beside the destination, renamed into place when complete. No plaintext touches the disk, and memory
stays bounded whatever the size (the passphrase mode of age works on whole buffers only, so
passphrase bundles are limited to :data:`MAX_PASSPHRASE_BUNDLE`).

Reading (:func:`read`) decrypts into a pipe the same way and yields the members in order, checking
each against the signed manifest before anything is handed on. Anyone with a receiver's public
contact file can make a bundle, so nothing of the manifest is parsed before its signature holds
(the key is taken from its raw bytes, :func:`claimed_key`), and every size and depth is bounded
before the bytes it guards are read (:data:`MAX_MANIFEST`, :data:`MAX_MEMBERS`, :func:`nesting`).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import tarfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

import pyrage

from ..errors import (
    BundleDamaged,
    BundleError,
    BundleSignatureInvalid,
    BundleTampered,
    BundleTooNew,
    BundleWrongKey,
    Cancelled,
    MonitorError,
    NotABundle,
)
from ..fs import atomic_writer
from ..messages import Message
from ..keys.identity import DeviceIdentity, fingerprint
from ..text import canonical_json

FORMAT = "monitor-bundle"
VERSION = 2  # 2: revisions signed by their devices, the manifest's devices list (issue 17)
SIGNATURE_CONTEXT = b"monitor-bundle-manifest-v1\x00"
AGE_MAGIC = b"age-encryption.org/v1\n"
# A manifest lists every member with its name, size and SHA-256: about 190 bytes a member, so the
# largest manifest a bundle may hold (MAX_MEMBERS members, attachments and the two JSON-lines
# members together) is about 19 MB (measured by tests/test_bundle_hostile.py). The size is checked
# from the tar header, before a byte of it is read.
MAX_MEMBERS = 100_000
MAX_MANIFEST = 20 * 1024 * 1024
MAX_MANIFEST_DEPTH = 8  # a real manifest nests 3 deep (members -> entry)
MAX_TAR_HEADER = 64 * 1024  # a pax or GNU long-name header: a real one is a few hundred bytes
MAX_LINE = 16 * 1024 * 1024
MAX_PASSPHRASE_BUNDLE = 512 * 1024 * 1024
PIPE_CHUNK = 1024 * 1024

Progress = Callable[[int, int, str], None]


@dataclass
class Member:
    """One member to write: its name, size, SHA-256 and a way to stream its bytes."""

    name: str
    size: int
    sha256: str
    open: Callable[[], Iterable[bytes]]
    verify: bool = True  # re-hash while writing (attachments: the blob store's hash is trusted; readers check it)

    def manifest_entry(self) -> dict:
        return {"name": self.name, "size": self.size, "sha256": self.sha256}


@dataclass
class Manifest:
    data: dict
    raw: bytes
    signature: bytes

    @property
    def signing_key(self) -> bytes:
        return bytes.fromhex(self.data["exporter"]["signing_key"])

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_key)

    @property
    def members(self) -> list[dict]:
        return self.data["members"]


# --- writing ------------------------------------------------------------------------------------

class _ChunkReader(io.RawIOBase):
    """A file object over an iterable of byte chunks, checking the size and hash it promised."""

    def __init__(self, member: Member, cancel=None):
        self._chunks = iter(member.open())
        self._buffer = b""
        self._member = member
        self._digest = hashlib.sha256()
        self._size = 0
        self._cancel = cancel

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:
        while not self._buffer:
            if self._cancel is not None and self._cancel.is_set():
                raise Cancelled()
            try:
                self._buffer = next(self._chunks)
            except StopIteration:
                if self._size != self._member.size or (
                        self._member.verify and self._digest.hexdigest() != self._member.sha256):
                    raise MonitorError(Message("bundle_member_changed", member=self._member.name))
                return 0
            if self._member.verify:
                self._digest.update(self._buffer)
            self._size += len(self._buffer)
        n = min(len(target), len(self._buffer))
        target[:n] = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return n


def _bytes_member(name: str, data: bytes) -> Member:
    return Member(name, len(data), hashlib.sha256(data).hexdigest(), lambda: [data])


def sign_manifest(identity: DeviceIdentity, manifest: dict) -> tuple[bytes, bytes]:
    raw = canonical_json(manifest)
    return raw, identity.sign(SIGNATURE_CONTEXT + raw)


def _write_tar(out: BinaryIO, manifest_raw: bytes, signature: bytes, members: list[Member],
               progress: Progress | None, cancel) -> None:
    total = sum(m.size for m in members)
    done = 0
    with tarfile.open(fileobj=out, mode="w|", format=tarfile.PAX_FORMAT) as tar:
        for member in [_bytes_member("manifest.json", manifest_raw), _bytes_member("manifest.sig", signature), *members]:
            info = tarfile.TarInfo(member.name)
            info.size, info.mode, info.mtime, info.uname, info.gname = member.size, 0o600, 0, "", ""
            tar.addfile(info, io.BufferedReader(_ChunkReader(member, cancel), PIPE_CHUNK))
            done += member.size
            if progress:
                progress(done, total, "writing bundle")


def write(destination: Path | str, identity: DeviceIdentity, manifest: dict, members: list[Member], *,
          recipients: list[str] = (), passphrase: str | None = None, progress: Progress | None = None,
          cancel=None) -> str:
    """Write a signed, encrypted bundle atomically; return the SHA-256 of the file written."""
    manifest = {**manifest, "format": FORMAT, "version": VERSION,
                "members": [m.manifest_entry() for m in members]}
    if len(members) > MAX_MEMBERS:  # what a reader would refuse (_read_manifest)
        raise MonitorError(Message("bundle_too_many_members", count=f"{len(members):,}", limit=f"{MAX_MEMBERS:,}"))
    manifest_raw, signature = sign_manifest(identity, manifest)
    if passphrase is not None and recipients:
        raise MonitorError(Message("bundle_passphrase_and_recipients"))
    if passphrase is None and not recipients:
        raise MonitorError(Message("bundle_no_recipient"))
    digest = hashlib.sha256()

    class _Hashing(io.RawIOBase):
        def __init__(self, inner):
            self.inner = inner

        def writable(self):
            return True

        def write(self, data):
            digest.update(data)
            return self.inner.write(data)

    with atomic_writer(destination) as handle:
        sink = _Hashing(handle)
        if passphrase is not None:
            if sum(m.size for m in members) > MAX_PASSPHRASE_BUNDLE:
                raise MonitorError(Message("bundle_passphrase_limit"))
            buffer = io.BytesIO()
            _write_tar(buffer, manifest_raw, signature, members, progress, cancel)
            sink.write(pyrage.passphrase.encrypt(buffer.getvalue(), passphrase))
        else:
            try:
                parsed = [pyrage.x25519.Recipient.from_str(r) for r in recipients]
            except Exception as exc:  # pyrage raises its own RecipientError
                raise MonitorError(Message("bundle_not_a_recipient", detail=str(exc))) from None
            _pipe_through(lambda source: pyrage.encrypt_io(source, sink, parsed),
                          lambda pipe: _write_tar(pipe, manifest_raw, signature, members, progress, cancel),
                          direction="produce")
    return digest.hexdigest()


def _pipe_through(worker: Callable[[BinaryIO], None], main: Callable[[BinaryIO], None], *, direction: str) -> None:
    """Run ``main`` on one end of an OS pipe while ``worker`` runs on the other end in a thread.

    direction "produce": main writes plaintext into the pipe, the worker reads it (encrypts).
    direction "consume": the worker writes plaintext into the pipe (decrypts), main reads it.
    The pipe lives in memory; a failure on either side closes both ends and is raised once.
    """
    read_fd, write_fd = os.pipe()
    reader, writer = os.fdopen(read_fd, "rb", buffering=PIPE_CHUNK), os.fdopen(write_fd, "wb", buffering=PIPE_CHUNK)
    failure: list[BaseException] = []
    worker_end, main_end = (reader, writer) if direction == "produce" else (writer, reader)

    def run():
        try:
            worker(worker_end)
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread
            failure.append(exc)
        finally:
            with contextlib.suppress(OSError):
                worker_end.close()

    thread = threading.Thread(target=run, name=f"bundle-{direction}", daemon=True)
    thread.start()
    try:
        main(main_end)
    except BaseException:
        with contextlib.suppress(OSError):
            main_end.close()
        thread.join()
        if failure:
            # The worker's own diagnosis (a truncated or damaged age stream) is the cause of what
            # the main side saw (an empty or short tar), not a consequence of it; a broken pipe is.
            translated = _translate(failure[0])
            if isinstance(translated, BundleError) or not isinstance(translated, OSError):
                raise translated from None
        raise
    else:
        with contextlib.suppress(OSError):
            main_end.close()
        thread.join()
    if failure:
        raise _translate(failure[0]) from None


def _translate(exc: BaseException) -> BaseException:
    if isinstance(exc, pyrage.DecryptError):
        text = str(exc).lower()
        if "no matching keys" in text or "no identity matched" in text or "incorrect passphrase" in text:
            return BundleWrongKey(Message("bundle_not_encrypted_to_us"))
        return BundleDamaged(Message("bundle_damaged_detail", detail=str(exc)[:80]))
    if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError) and "decrypt" in str(exc).lower():
        return BundleDamaged(Message("bundle_damaged_detail", detail=Message("bundle_encryption_unchecked")))
    return exc


# --- reading ------------------------------------------------------------------------------------

def is_passphrase_bundle(path: Path) -> bool:
    with open(path, "rb") as handle:
        header = handle.read(4096)
    return b"\n-> scrypt " in header


def check_header(path: Path) -> None:
    with open(path, "rb") as handle:
        start = handle.read(len(AGE_MAGIC))
    if start != AGE_MAGIC:
        raise NotABundle(Message("bundle_not_a_bundle", name=path.name))


@dataclass
class OpenedMember:
    name: str
    size: int
    stream: BinaryIO  # yields the bytes; the hash is checked when it is exhausted


class _Verified(io.RawIOBase):
    """Reads a tar member and checks its SHA-256 against the manifest at its end."""

    def __init__(self, inner: BinaryIO, entry: dict):
        self.inner, self.entry = inner, entry
        self.digest, self.size = hashlib.sha256(), 0

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:
        try:
            data = self.inner.read(len(target))
        except (tarfile.TarError, EOFError) as exc:
            raise BundleDamaged(Message("bundle_truncated_inside_detail", member=self.entry["name"], detail=str(exc))) from None
        if not data:
            if self.size != self.entry["size"]:
                raise BundleDamaged(Message("bundle_truncated_inside", member=self.entry["name"]))
            if self.digest.hexdigest() != self.entry["sha256"]:
                raise BundleTampered(Message("bundle_member_mismatch", member=self.entry["name"]))
            return 0
        self.digest.update(data)
        self.size += len(data)
        if self.size > self.entry["size"]:
            raise BundleTampered(Message("bundle_member_too_long", member=self.entry["name"]))
        target[: len(data)] = data
        return len(data)


def read(path: Path | str, identity: DeviceIdentity, consumer: Callable[[Manifest, Iterator[OpenedMember]], object], *,
         passphrase: str | None = None):
    """Decrypt ``path`` and call ``consumer(manifest, members)`` with the signature already verified.

    ``members`` yields every member after the manifest, in order, each checked against the manifest
    (name, size, and its SHA-256 when its stream is read to the end). Returns what ``consumer`` returns.
    Raises a :class:`BundleError` naming the problem; whatever ``consumer`` raises passes through.
    """
    path = Path(path)
    if not path.is_file():
        raise NotABundle(Message("bundle_no_file", path=str(path)))
    check_header(path)
    result: list = []

    def consume(plain: BinaryIO) -> None:
        try:
            tar = tarfile.open(fileobj=plain, mode="r|", tarinfo=_BoundedTarInfo)
        except (tarfile.TarError, EOFError) as exc:
            raise BundleDamaged(Message("bundle_contents_unreadable", detail=str(exc))) from None
        with tar:
            members = _members(tar)
            manifest = _read_manifest(members)
            result.append(consumer(manifest, _checked(members, manifest)))
            for _rest in members:  # anything after the last member the manifest names
                raise BundleTampered(Message("bundle_extra_member", name=repr(_rest[0].name[:60])))

    if passphrase is not None or is_passphrase_bundle(path):
        if passphrase is None:
            raise BundleWrongKey(Message("bundle_needs_passphrase"))
        if path.stat().st_size > MAX_PASSPHRASE_BUNDLE + 1024 * 1024:
            raise BundleDamaged(Message("bundle_passphrase_oversized"))
        try:
            plain = pyrage.passphrase.decrypt(path.read_bytes(), passphrase)
        except pyrage.DecryptError:
            raise BundleWrongKey(Message("bundle_passphrase_wrong")) from None
        consume(io.BytesIO(plain))
    else:
        age_identity = pyrage.x25519.Identity.from_str(identity.age_identity)
        with open(path, "rb") as source:
            _pipe_through(lambda sink: pyrage.decrypt_io(source, sink, [age_identity]), consume, direction="consume")
    return result[0]


MAX_TAR_CHAIN = 4  # extended headers before one member: a global and a pax header, or a GNU long name and link


class _BoundedTarInfo(tarfile.TarInfo):
    """A tar header read with bounds :mod:`tarfile` does not have.

    - An extended (pax) or GNU long-name header above :data:`MAX_TAR_HEADER` bytes is refused
      before tarfile reads it whole into memory.
    - tarfile reads a chain of such headers by recursion, one level a header: more than
      :data:`MAX_TAR_CHAIN` before one member is refused, so no ``RecursionError``.
    - Sparse members (GNU or pax), whose maps tarfile reads as long as the headers say, are refused:
      a bundle never holds one.
    """

    _EXTENDED = (tarfile.XHDTYPE, tarfile.XGLTYPE, tarfile.SOLARIS_XHDTYPE, tarfile.GNUTYPE_LONGNAME,
                 tarfile.GNUTYPE_LONGLINK)

    def _proc_member(self, tar):
        if self.type == tarfile.GNUTYPE_SPARSE:
            _refuse_sparse(self)
        if self.type not in self._EXTENDED:
            return super()._proc_member(tar)
        if self.size > MAX_TAR_HEADER:
            raise BundleTampered(Message("bundle_member_implausible", member="tar header", size=f"{self.size:,}"))
        depth = getattr(tar, "_monitor_header_chain", 0)
        if depth >= MAX_TAR_CHAIN:
            raise BundleTampered(Message("bundle_tar_header_chain", limit=MAX_TAR_CHAIN))
        tar._monitor_header_chain = depth + 1
        try:
            return super()._proc_member(tar)
        finally:
            tar._monitor_header_chain = depth

    def _proc_gnusparse_00(self, member, *_rest):
        _refuse_sparse(member)

    def _proc_gnusparse_01(self, member, *_rest):
        _refuse_sparse(member)

    def _proc_gnusparse_10(self, member, *_rest):
        _refuse_sparse(member)


def _refuse_sparse(member: tarfile.TarInfo):
    raise BundleTampered(Message("bundle_not_plain_file", name=f"{member.name[:60]!r} (sparse)"))


def _members(tar: tarfile.TarFile) -> Iterator[tuple[tarfile.TarInfo, BinaryIO | None]]:
    try:
        for info in tar:
            if not info.isfile():
                raise BundleTampered(Message("bundle_not_plain_file", name=repr(info.name[:60])))
            yield info, tar.extractfile(info)
    except (tarfile.TarError, EOFError) as exc:
        raise BundleDamaged(Message("bundle_truncated_or_damaged", detail=str(exc))) from None


def _read_small(member: tuple[tarfile.TarInfo, BinaryIO], name: str, limit: int) -> bytes:
    info, stream = member
    if info.name != name:
        raise BundleDamaged(Message("bundle_wrong_first_member", member=name, found=repr(info.name[:60])))
    if info.size > limit:
        raise BundleTampered(Message("bundle_member_implausible", member=name, size=f"{info.size:,}"))
    try:
        data = stream.read()
    except (tarfile.TarError, EOFError) as exc:
        raise BundleDamaged(Message("bundle_truncated_inside_detail", member=name, detail=str(exc))) from None
    if len(data) != info.size:
        raise BundleDamaged(Message("bundle_truncated_inside", member=name))
    return data


_EXPORTER_FIELD = b'"exporter":{'
_KEY_FIELD = b'"signing_key":"'
_HEX64 = re.compile(rb"[0-9a-f]{64}")
_CLAIMED_VERSION = re.compile(rb'"version":([0-9]{1,9})[,}]')
_STRING = re.compile(rb'"[^"]*"')
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_ONE_KIND = bytes.maketrans(b"{}", b"[]")


def nesting(data: bytes, limit: int) -> tuple[int, int] | None:
    """Look at JSON text without parsing it: ``None`` if its arrays and objects nest more than
    ``limit`` deep or its brackets do not pair up, else ``(objects, arrays)``, how many it holds.

    Escaped backslashes, then escaped quotes, are dropped; what remains between two quotes is a
    string, and is dropped too; of the rest only the brackets are kept, all of one kind. Then each
    round removes the innermost pairs, so ``limit`` rounds empty the brackets of text nested at
    most ``limit`` deep. It all runs at C speed: at worst ``limit`` passes over the bytes, and no
    recursion. For valid JSON the answer is exact; what is not JSON the parser refuses afterwards.
    """
    outside = _STRING.sub(b"", data.replace(b"\\\\", b"").replace(b'\\"', b""))
    brackets = outside.translate(None, _NOT_BRACKETS)
    counts = brackets.count(b"{"), brackets.count(b"[")
    brackets = brackets.translate(_ONE_KIND)
    if b"[" * (limit + 1) in brackets:  # a run of openers deeper than the limit: no need for rounds
        return None
    for _round in range(limit):
        if not brackets:
            break
        shorter = brackets.replace(b"[]", b"")
        if len(shorter) == len(brackets):
            return None  # brackets that do not pair up
        brackets = shorter
    return None if brackets else counts


def _claimed_version(raw: bytes) -> int:
    """The highest ``version`` the raw manifest claims (0: none), read without parsing it, so that a
    bundle from a newer Monitor is named as such even when its signature is made another way."""
    return max((int(v) for v in _CLAIMED_VERSION.findall(raw[:1024 * 1024])), default=0)


def _refuse_unsigned(raw: bytes, error: BundleError) -> None:
    if _claimed_version(raw) > VERSION and raw.startswith(b"{") and b'"format":"monitor-bundle"' in raw:
        raise BundleTooNew(Message("bundle_too_new", version=repr(_claimed_version(raw)), ours=VERSION))
    raise error


def claimed_key(raw: bytes) -> bytes:
    """The exporter's signing key, taken from the manifest's raw bytes before anything is parsed.

    In canonical JSON a quote inside a string is always escaped, so ``"exporter":{`` and
    ``"signing_key":"`` can only be keys. The manifest must hold ``"exporter":{`` exactly once; the
    first ``"signing_key":"`` after it must be followed by exactly 64 lower-case hex digits and a
    quote. After the signature is verified with this key and the manifest is parsed, the parsed
    ``exporter.signing_key`` must be the same key.
    """
    start = raw.find(_EXPORTER_FIELD)
    if start < 0 or raw.find(_EXPORTER_FIELD, start + 1) >= 0:
        _refuse_unsigned(raw, BundleSignatureInvalid(Message("bundle_signing_key_malformed")))
    at = raw.find(_KEY_FIELD, start)
    value = raw[at + len(_KEY_FIELD): at + len(_KEY_FIELD) + 65] if at >= 0 else b""
    if len(value) != 65 or value[64:] != b'"' or not _HEX64.fullmatch(value[:64]):
        _refuse_unsigned(raw, BundleSignatureInvalid(Message("bundle_signing_key_malformed")))
    return bytes.fromhex(value[:64].decode("ascii"))


def _signature_holds(key: bytes, signature: bytes, raw: bytes) -> bool:
    if len(key) != 32 or len(signature) != 64:
        return False
    try:
        return DeviceIdentity.verify(key, signature, SIGNATURE_CONTEXT + raw)
    except ValueError:  # a key the library refuses to load
        return False


def _read_manifest(members: Iterator) -> Manifest:
    """Read and check the manifest, in this order, each step bounded before the next one runs:
    its size (from the tar header, before reading it); the signing key, taken from its raw bytes
    (:func:`claimed_key`); the Ed25519 signature over the raw bytes; its nesting depth and how many
    objects it holds (:func:`nesting`); only then is it parsed as JSON, and its fields checked."""
    try:
        raw = _read_small(next(members), "manifest.json", MAX_MANIFEST)
        signature = _read_small(next(members), "manifest.sig", 64)
    except StopIteration:
        raise BundleDamaged(Message("bundle_truncated_manifest")) from None
    key = claimed_key(raw)
    if not _signature_holds(key, signature, raw):
        _refuse_unsigned(raw, BundleSignatureInvalid(Message("bundle_signature_invalid")))
    shape = nesting(raw, MAX_MANIFEST_DEPTH)
    if shape is None:
        raise BundleDamaged(Message("bundle_manifest_too_deep", limit=MAX_MANIFEST_DEPTH))
    if shape[0] > MAX_MEMBERS + 16:
        raise BundleTampered(Message("bundle_manifest_too_many_members", limit=f"{MAX_MEMBERS:,}"))
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BundleDamaged(Message("bundle_manifest_not_json")) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise NotABundle(Message("bundle_no_age_content"))
    version = data.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise BundleTooNew(Message("bundle_too_new", version=repr(version), ours=VERSION))
    try:
        exporter = data["exporter"]
        members = data["members"]
        well_formed = isinstance(exporter, dict) and all(
            isinstance(data.get(part, {}), dict) for part in ("counts", "audit_head", "scope")) and isinstance(
            members, list) and all(
            isinstance(m, dict) and isinstance(m.get("name"), str) and isinstance(m.get("size"), int)
            and m["size"] >= 0 and isinstance(m.get("sha256"), str) for m in members)
    except (KeyError, TypeError, ValueError):
        well_formed = False
    if not well_formed:
        raise BundleDamaged(Message("bundle_manifest_incomplete"))
    if exporter.get("signing_key") != key.hex():  # the key the signature was checked with is the one it names
        raise BundleSignatureInvalid(Message("bundle_signature_invalid"))
    if len(members) > MAX_MEMBERS:
        raise BundleTampered(Message("bundle_manifest_too_many_members", limit=f"{MAX_MEMBERS:,}"))
    if raw != canonical_json(data):
        raise BundleSignatureInvalid(Message("bundle_manifest_not_canonical"))
    for entry in members:
        _check_member_name(entry["name"])
    return Manifest(data, raw, signature)


def _check_member_name(name: str) -> None:
    ok = name in ("audit.jsonl", "revisions.jsonl") or (
        name.startswith("attachments/") and len(name) == 12 + 64 and all(c in "0123456789abcdef" for c in name[12:]))
    if not ok:
        raise BundleTampered(Message("bundle_unexpected_member", name=repr(name[:60])))


def _checked(members: Iterator, manifest: Manifest) -> Iterator[OpenedMember]:
    for entry in manifest.members:
        try:
            info, stream = next(members)
        except StopIteration:
            raise BundleDamaged(Message("bundle_truncated_missing", member=entry["name"])) from None
        if info.name != entry["name"]:
            raise BundleTampered(Message("bundle_members_mismatch", found=repr(info.name[:60]),
                                         signed=repr(entry["name"])))
        if info.size != entry["size"]:
            raise BundleTampered(Message("bundle_member_size", member=entry["name"]))
        verified = io.BufferedReader(_Verified(stream, entry), PIPE_CHUNK)
        yield OpenedMember(entry["name"], entry["size"], verified)
        # make sure the member was read through (so its hash was checked) before the next one
        while verified.read(PIPE_CHUNK):
            pass


def iter_lines(member: OpenedMember) -> Iterator[bytes]:
    """The lines of a JSON-lines member, each at most :data:`MAX_LINE` bytes."""
    while True:
        line = member.stream.readline(MAX_LINE + 1)
        if not line:
            return
        if len(line) > MAX_LINE:
            raise BundleTampered(Message("bundle_line_too_long", member=member.name, limit=MAX_LINE // (1024 * 1024)))
        yield line
