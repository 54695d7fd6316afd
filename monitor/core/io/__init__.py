"""Files in and out: bulk loading (loader: the entry point; jsonlines; csv_file, csv_cells and csv_kinds for CSV),
the plaintext dump (dump), and attachment exports (exports)."""
