"""Smoke test of the Linux build: build it, unpack the tarball, and run every face of the frozen app.

    .venv/bin/python packaging/smoke_test.py             # builds first (packaging/build_linux.sh)
    .venv/bin/python packaging/smoke_test.py --no-build  # reuse dist/ from the last build

Run it with the checkout's development environment (.venv): step 5 compares the frozen app with
that source install. Each step prints one line; the exit code is 0 only if every step passed.

1. build the Linux bundle (build time, bundle and tarball size);
2. the frozen `monitor --version`, and `monitor demo` into a temporary vault; the frozen self-check
   (packaging/frozen_selfcheck.py: every module imports, pdfium renders, pikepdf encrypts, Qt's
   image formats and print support load, resources are found inside the bundle);
3. `monitor report stats` and a Kazakh dossier from the frozen build, read back with pdftotext;
4. the frozen window, offscreen, stays up 3 s and reports that the unlock dialog is shown (and
   on a real X server with Qt's xcb platform when xvfb-run is installed);
5. a vault made by the source install opened (verify, search, import of a bundle) by the frozen
   build, and a vault made by the frozen build verified by the source install;
6. nothing was written outside the platformdirs locations and the paths given on the command line:
   HOME, the XDG directories and TMPDIR point into a fresh folder, and every file that appears
   there, in the unpacked app or in the checkout's dist/ is accounted for;
7. the tarball's install.sh installs for the user (menu entry, icons, ~/.local/bin/monitor) and
   removes it all again.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

TOP = Path(__file__).resolve().parents[1]
PASSPHRASE = "copper lantern steppe violin"
KAZAKH = set("әғқңөұүһі")


class Failed(Exception):
    pass


def step(name: str, detail: str) -> None:
    print(f"ok   {name}: {detail}", flush=True)


def run(cmd, env, *, ok=0, timeout=300) -> subprocess.CompletedProcess:
    if cmd and cmd[0] == "FROZEN":
        cmd = traced([FROZEN[0], *cmd[1:]], FROZEN[1])
    done = subprocess.run([str(c) for c in cmd], env=env, capture_output=True, text=True, timeout=timeout)
    if done.returncode != ok:
        raise Failed(f"{' '.join(map(str, cmd))} exited {done.returncode}:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return done


WRITE_CALLS = "open,openat,creat,mkdir,mkdirat,rename,renameat,renameat2,unlink,unlinkat,symlink,symlinkat,link,linkat,truncate"
TRACES: list[Path] = []
FROZEN: list = []  # [the unpacked AppRun, the folder for strace logs]  # strace logs of the frozen app's runs (step 6 reads them)


def traced(cmd: list, logs: Path) -> list:
    """cmd under strace (when installed), logging every call that can create or change a file."""
    if not shutil.which("strace"):
        return cmd
    log = logs / f"strace-{len(TRACES)}.log"
    TRACES.append(log)
    return ["strace", "-f", "-qq", "-e", f"trace={WRITE_CALLS}", "-o", log, *cmd]


def written_paths(log: Path) -> set[str]:
    """Paths the traced process created, opened for writing, renamed, linked or removed (successfully)."""
    paths = set()
    for line in log.read_text(errors="replace").splitlines():
        call = line.split(" ", 1)[-1].lstrip()
        name = call.split("(", 1)[0]
        if "= -1" in call or name not in WRITE_CALLS.split(","):
            continue
        if name in ("open", "openat") and not any(f in call for f in ("O_WRONLY", "O_RDWR", "O_CREAT")):
            continue
        paths.update(part.split('"')[0] for part in call.split('"/')[1:] if part)
    return {"/" + p for p in paths}


def opened_under(log: Path, root: Path) -> set[str]:
    """Paths under root that the traced process opened at all (for reading too)."""
    prefix = f'"{root}/'
    return {line.split(prefix, 1)[1].split('"')[0] for line in log.read_text(errors="replace").splitlines()
            if prefix in line and "open" in line.split("(", 1)[0]}


def listing(root: Path) -> dict[str, tuple[int, int]]:
    out = {}
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            st = path.stat()
            out[str(path.relative_to(root))] = (st.st_size, st.st_mtime_ns)
    return out


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-build", action="store_true", help="reuse dist/ from the last build")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    args = parser.parse_args()
    for tool in ("pdftotext",):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is needed (Debian: poppler-utils)")
    version = next(line.split('"')[1] for line in (TOP / "monitor" / "__init__.py").read_text().splitlines()
                   if line.startswith("__version__"))
    arch = os.uname().machine
    tarball = TOP / "dist" / f"monitor-{version}-linux-{arch}.tar.gz"

    # 1. build
    if not args.no_build:
        t = time.monotonic()
        done = subprocess.run([str(TOP / "packaging" / "build_linux.sh")], capture_output=True, text=True)
        if done.returncode:
            raise Failed(f"build failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
        step("1 build", f"{time.monotonic() - t:.0f} s ({done.stdout.strip().splitlines()[-1]})")
    if not tarball.is_file():
        raise Failed(f"{tarball} is missing; run without --no-build")
    size = sum(p.stat().st_size for p in (TOP / "dist" / "monitor").rglob("*") if p.is_file() and not p.is_symlink())
    step("1 bundle", f"dist/monitor {size / 1e6:.1f} MB, {tarball.name} {tarball.stat().st_size / 1e6:.1f} MB")
    dist_before = listing(TOP / "dist")

    tmp = Path(tempfile.mkdtemp(prefix="monitor-smoke-"))
    try:
        home, work, app_root = tmp / "home", tmp / "work", tmp / "app"
        xdg = {"XDG_DATA_HOME": home / ".local/share", "XDG_CONFIG_HOME": home / ".config",
               "XDG_CACHE_HOME": home / ".cache", "XDG_STATE_HOME": home / ".local/state",
               "XDG_RUNTIME_DIR": tmp / "runtime", "TMPDIR": tmp / "tmpdir"}
        for folder in (home, work, app_root, *xdg.values()):
            folder.mkdir(parents=True, exist_ok=True)
            folder.chmod(0o700)
        with tarfile.open(tarball) as tar:
            tar.extractall(app_root, filter="tar")
        (unpacked,) = app_root.iterdir()
        app_before = listing(unpacked)
        logs = Path(tempfile.mkdtemp(prefix="monitor-smoke-traces-"))
        frozen_cmd = [unpacked / "AppRun"]
        FROZEN[:] = [frozen_cmd[0], logs]
        frozen = ["FROZEN"]
        source = [sys.executable, "-m", "monitor"]
        secret = work / "passphrase"
        secret.write_text(PASSPHRASE + "\n")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MONITOR_", "XDG_", "QT_"))}
        env.update({k: str(v) for k, v in xdg.items()})
        env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8", MONITOR_PASSPHRASE_FILE=str(secret))
        src_env = dict(env, PYTHONPATH=str(TOP))

        # 2. version and demo
        out = run(frozen + ["--version"], env).stdout.strip()
        if out != f"monitor {version}":
            raise Failed(f"--version said {out!r}")
        frozen_vault = work / "frozen.vault"
        t = time.monotonic()
        run(frozen + ["demo", "--vault", frozen_vault, "--cases", "20"], env)
        info = json.loads(run(frozen + ["info", "--vault", frozen_vault, "--json"], env).stdout)
        modules = sorted(".".join(p.relative_to(TOP).with_suffix("").parts).removesuffix(".__init__")
                         for p in (TOP / "monitor").rglob("*.py") if p.name != "__main__.py")
        done = run(frozen + [], dict(env, MONITOR_FROZEN_SELFCHECK="1",
                                     MONITOR_FROZEN_SELFCHECK_MODULES=",".join(modules)))
        step("2 self-check", done.stdout.strip().removeprefix("monitor selfcheck: "))
        run(frozen + ["demo", "--cases", "3"], env)  # no --vault: the platformdirs default
        default = xdg["XDG_DATA_HOME"] / "Monitor" / "monitor.vault"
        if not default.is_file() or default.parent.stat().st_mode & 0o077:
            raise Failed(f"the default vault is not {default} in a 0700 folder")
        step("2 default vault", f"{default.relative_to(tmp)} (folder 0700)")
        step("2 version+demo", f"{out}; demo vault with {sum(info['records'].values())} records, "
                               f"{info['revisions']} revisions in {time.monotonic() - t:.1f} s")

        # 3. reports
        stats = work / "stats.pdf"
        run(frozen + ["report", "stats", "--vault", frozen_vault, "--out", stats], env)
        text = pdf_text(stats)
        if "Statistics on torture" not in text:
            raise Failed(f"stats report text: {text[:300]!r}")
        cases = json.loads(run(frozen + ["cases", "--vault", frozen_vault, "--json"], env).stdout)
        case = cases[0]
        dossier = work / "dossier-kk.pdf"
        run(frozen + ["report", "dossier", "--vault", frozen_vault, "--case", case.get("code") or case["id"],
                      "--lang", "kk", "--out", dossier], env)
        kk = pdf_text(dossier)
        if not KAZAKH & set(kk.lower()):
            raise Failed("the Kazakh dossier has no Kazakh letters in its text")
        fonts = subprocess.run(["pdffonts", str(dossier)], capture_output=True, text=True).stdout \
            if shutil.which("pdffonts") else "DejaVu"
        if "DejaVu" not in fonts:
            raise Failed(f"DejaVu Sans is not embedded:\n{fonts}")
        step("3 reports", f"stats {len(text.split())} words, kk dossier {len(kk.split())} words, DejaVu embedded")

        # 4. the window, offscreen
        t = time.monotonic()
        done = run(frozen + ["--vault", frozen_vault], dict(env, MONITOR_EXIT_WHEN_SHOWN="3000"), timeout=60)
        up = time.monotonic() - t
        if "monitor: shown: UnlockDialog" not in done.stderr.splitlines() or up < 3:
            raise Failed(f"the window did not show the unlock dialog for 3 s ({up:.1f} s):\n{done.stderr[-2000:]}")
        for lang in ("ru", "kk"):
            done = run(frozen + ["--vault", frozen_vault], dict(env, MONITOR_EXIT_WHEN_SHOWN="1", MONITOR_LANG=lang))
            if "monitor: shown: UnlockDialog" not in done.stderr.splitlines():
                raise Failed(f"{lang}: {done.stderr[-1000:]}")
        on_x = "no xvfb-run, X11 not tried"
        if shutil.which("xvfb-run"):  # the real xcb platform with the bundled xcb libraries (not traced)
            x_env = {k: v for k, v in env.items() if k != "QT_QPA_PLATFORM"}
            done = run(["xvfb-run", "-a", frozen_cmd[0], "--vault", frozen_vault],
                       dict(x_env, QT_QPA_PLATFORM="xcb", MONITOR_EXIT_WHEN_SHOWN="1000"), timeout=120)
            if "monitor: shown: UnlockDialog" not in done.stderr:
                raise Failed(f"X11 (xvfb): {done.stderr[-1000:]}")
            on_x = "and on X11 under Xvfb"
        step("4 window", f"unlock dialog shown offscreen, up {up:.1f} s, exit 0; also in ru and kk; {on_x}")

        # 5. source <-> frozen
        source_vault = work / "source.vault"
        run(source + ["demo", "--vault", source_vault, "--cases", "5", "--seed", "7"], src_env)
        run(frozen + ["verify", "--vault", source_vault], env)
        hits = run(frozen + ["search", "--vault", source_vault, "ҚАМАУ", "--json"], env).stdout
        bundle = work / "frozen.monitor-bundle"
        run(frozen + ["export", "--vault", frozen_vault, "--transfer-passphrase-file", secret, "--out", bundle], env)
        imported = run(source + ["import", "--vault", source_vault, "--transfer-passphrase-file", secret,
                                 "--trust", info["signing_fingerprint"], "--json", bundle], src_env).stdout
        run(frozen + ["report", "stats", "--vault", source_vault, "--out", work / "source-stats.pdf"], env)
        run(source + ["verify", "--vault", frozen_vault], src_env)
        run(source + ["verify", "--vault", source_vault], src_env)  # after the frozen app wrote its audit entries
        step("5 source<->frozen", f"frozen verified, searched ({len(json.loads(hits))} hits) and reported on a "
                                  f"source vault; source verified the frozen vault and the source vault after; "
                                  f"a bundle exported by the frozen app ({bundle.stat().st_size} bytes) imported by the "
                                  f"source install ({len(imported)} bytes of JSON report)")

        # 6. where files were written
        home_files = sorted(str(p.relative_to(tmp)) for p in tmp.rglob("*")
                            if p.is_file() and not str(p).startswith((str(work), str(app_root))))
        allowed = tuple(str(Path(v).relative_to(tmp)) for v in (xdg["XDG_DATA_HOME"] / "Monitor",
                                                                 xdg["XDG_CONFIG_HOME"] / "Monitor",
                                                                 xdg["XDG_CACHE_HOME"], xdg["XDG_STATE_HOME"] / "Monitor",
                                                                 xdg["XDG_RUNTIME_DIR"]))
        stray = [f for f in home_files if not f.startswith(allowed)]
        if stray:
            raise Failed(f"files written outside the platformdirs locations: {stray}")
        if any(Path(xdg["TMPDIR"]).iterdir()):
            raise Failed(f"files left in TMPDIR: {list(Path(xdg['TMPDIR']).iterdir())}")
        if listing(unpacked) != app_before:
            raise Failed("the frozen app wrote into its own folder")
        if listing(TOP / "dist") != dist_before:
            raise Failed("something wrote into dist/")
        detail = "files in HOME/XDG/TMPDIR: " + (", ".join(home_files) or "none")
        if TRACES:
            written = set().union(*(written_paths(log) for log in TRACES))
            outside = sorted(p for p in written if not p.startswith((str(tmp) + "/", "/dev/null", "/dev/tty")))
            if outside:
                raise Failed(f"the frozen app wrote outside the temporary root: {outside}")
            from_checkout = set().union(*(opened_under(log, TOP) for log in TRACES))
            if from_checkout:  # the bundle must be self-contained: nothing read from this checkout
                raise Failed(f"the frozen app opened files of the checkout: {sorted(from_checkout)[:10]}")
            detail += f"; strace: {len(written)} paths written by {len(TRACES)} frozen runs, all under the " \
                      f"chosen paths and platformdirs folders, and no file of the checkout opened"
        else:
            detail += "; strace not installed, system calls not traced"
        step("6 writes", detail)

        # 7. the tarball's per-user install and removal (into the temporary HOME)
        installer_env = {k: v for k, v in env.items() if k != "XDG_DATA_HOME"}  # the default ~/.local/share
        run(["sh", unpacked / "install.sh"], installer_env)
        installed = home / ".local/bin/monitor"
        if run([installed, "--version"], installer_env).stdout.strip() != f"monitor {version}":
            raise Failed("the installed monitor does not run")
        entry = home / ".local/share/applications/org.monitor.Monitor.desktop"
        exec_line = next(line for line in entry.read_text().splitlines() if line.startswith("Exec="))
        if not Path(exec_line[5:].split()[0]).is_file():
            raise Failed(f"the installed menu entry points nowhere: {exec_line}")
        icon = home / ".local/share/icons/hicolor/256x256/apps/org.monitor.Monitor.png"
        if not icon.is_file():
            raise Failed("the icon was not installed")
        run(["sh", unpacked / "install.sh", "--remove"], installer_env)
        if installed.exists() or entry.exists() or icon.exists() or (home / ".local/opt/monitor").exists():
            raise Failed("install.sh --remove left files behind")
        step("7 install.sh", "per-user install into ~/.local (menu entry, icons, ~/.local/bin/monitor) and --remove")
    finally:
        if args.keep:
            print(f"kept {tmp} (strace logs in {FROZEN[1] if FROZEN else '-'})")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
            if FROZEN:
                shutil.rmtree(FROZEN[1], ignore_errors=True)
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except Failed as exc:
        print(f"FAIL {exc}", file=sys.stderr)
        raise SystemExit(1)
