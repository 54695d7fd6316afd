"""Short human labels for records in lists and search results (never identity fields)."""

from __future__ import annotations


def record_label(record: dict) -> str:
    """A short human label for lists and search results (never identity fields)."""
    t = record["type"]
    if t == "facility":
        return record["name"]
    if t == "visit":
        return f"visit {record['date_start']}"
    if t == "person":
        return record["code"]
    if t == "case":
        return f"{record['code']} {record['title']}"
    if t == "link":
        return record["role"]
    if t in ("interview", "examination", "addendum"):
        return f"{t} {record['date'][:10]}"
    if t == "attachment":
        return record.get("caption") or record.get("original_name") or record["sha256"][:12]
    if t == "complaint":
        return f"complaint {record['date_filed']} {record.get('reference', '')}".strip()
    if t == "proceeding":
        return record.get("case_number") or f"proceeding {record.get('date_opened', '')}".strip()
    if t == "term":
        return f"{record['vocabulary']}:{record['key']}"
    if t == "consent":
        return f"consent {record['date'][:10]}"
    if t == "reprisal":
        return f"reprisal {record['date']} {record['kind']}"
    if t == "statistic":
        return f"{record['indicator']} {record['period_start']}..{record['period_end']}: {record['value']}"
    return t
