"""Sync by file: bundles (bundle.py), trusted contacts (contacts.py), export and import (exchange.py)."""
