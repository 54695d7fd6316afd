"""Device keys for tests that move revisions between vaults without bundles (issue 17).

Every revision is signed by the device that made it, and a vault accepts one only from a device
whose key it knows. A bundle carries those keys; tests that hand revisions from one vault to another
directly make the vaults meet first (as trusting each other's contact files, with device lines,
does), and tests that write another device's revisions by hand sign them with a test key for that
device (:func:`signed`) that the receiving vault is introduced to (:func:`introduce`).
"""

from __future__ import annotations

from monitor.core.history.revisions import Revision
from monitor.core.keys.identity import DeviceIdentity
from monitor.core.sync import contacts

_IDENTITIES: dict[str, DeviceIdentity] = {}


def identity_for(device: str) -> DeviceIdentity:
    """A signing identity for a made-up device (one per device id, for the whole test run)."""
    if device not in _IDENTITIES:
        _IDENTITIES[device] = DeviceIdentity.generate()
    return _IDENTITIES[device]


def signed(revision: Revision) -> Revision:
    """``revision`` with its hash, signed by the test key of the device it names."""
    return revision.signed_by(identity_for(revision.device))


def introduce(vault, *devices: str) -> None:
    """Make ``vault`` know the test keys of ``devices``."""
    with vault.writing() as conn:
        for device in devices:
            contacts.learn_device(conn, device, identity_for(device).signing_public.hex(), "contact")


def meet(*vaults) -> None:
    """Every vault learns every other's device and key, as after trusting each other's contact file."""
    for vault in vaults:
        with vault.writing() as conn:
            for other in vaults:
                if other is not vault:
                    contacts.learn_device(conn, other.device_id, other.identity.signing_public.hex(), "contact")
