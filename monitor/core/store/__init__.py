"""The vault on disk: the :class:`~monitor.core.store.vault.Vault` (its public API), schema
migrations, the conversion of old vaults (legacy), verify, backup and care, attachments, the audit
chain, consent and drafts."""
