"""The demo vault: a deterministic, multilingual, fictional corpus (data and its parts) and
the function that writes it into a new vault (create)."""
