"""Issue 17 §6: a medical evaluation asked for at the aggregate level is refused, as the dossier is,
at the report's entry point, before any record is read; no file is written."""

from __future__ import annotations

import pytest
from records import uid
from test_reports import EXAM, case_vault  # noqa: F401  (the fixture, shared)

from monitor.core import reports
from monitor.core.reports.redaction import ReportRefused


@pytest.mark.parametrize("subject", [EXAM, uid(999)], ids=["examination", "no-such-record"])
def test_an_aggregate_medical_evaluation_is_refused(case_vault, tmp_path, subject):  # noqa: F811
    with pytest.raises(ReportRefused, match="aggregate"):
        reports.build(case_vault, "medical", subject_id=subject, level="aggregate")
    with pytest.raises(ReportRefused, match="aggregate"):
        reports.generate(case_vault, "medical", tmp_path / "m.pdf", subject_id=subject, level="aggregate")
    assert not (tmp_path / "m.pdf").exists()
    assert reports.build(case_vault, "medical", subject_id=EXAM, level="full").kind == "medical"
