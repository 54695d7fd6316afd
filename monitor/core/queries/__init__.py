"""Read models over a vault: the case file, the record lists, and official statistics."""
