"""Keys: the key file and its slots (keyslot), passphrase rules, the device identity, and wiping."""
