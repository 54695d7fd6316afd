"""reportlab runs with its C accelerator (issue 20 §5): the rl-accel package is a dependency, and
without it reportlab silently falls back to pure Python string widths (a quarter of a dossier)."""

from reportlab.lib import rl_accel


def test_reportlab_measures_text_with_the_c_accelerator():
    assert rl_accel.instanceStringWidthTTF.__module__ == "_rl_accel"
    assert rl_accel.unicode2T1.__module__ == "_rl_accel"
