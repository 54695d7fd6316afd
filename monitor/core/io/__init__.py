"""Files in and out: bulk loading from CSV and JSON lines, dump (loader), and attachment exports."""
