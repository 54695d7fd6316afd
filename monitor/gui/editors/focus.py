"""Where the keyboard focus goes: a new form starts in its first field, and a refused save shows and
focuses the first field marked with an error (scrolling every scroll area around it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QScrollArea, QWidget


def _takes_input(widget: QWidget) -> bool:
    from PySide6.QtWidgets import QAbstractSpinBox, QTextEdit

    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        return not widget.isReadOnly()
    return isinstance(widget, (QComboBox, QAbstractSpinBox, QCheckBox))


def inputs_in_order(root: QWidget) -> list[QWidget]:
    """The controls a person can type into or choose in under ``root``, in Tab order."""
    out, widget, seen = [], root.nextInFocusChain(), set()
    while widget is not None and widget is not root and id(widget) not in seen:
        seen.add(id(widget))
        if (root.isAncestorOf(widget) and _takes_input(widget) and widget.isEnabled()
                and widget.isVisibleTo(root) and widget.focusPolicy() & Qt.TabFocus):
            out.append(widget)
        widget = widget.nextInFocusChain()
    return out


def show_and_focus(widget: QWidget) -> None:
    """Scroll every scroll area around ``widget`` to it, and give it the keyboard focus."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 20, 40)
        parent = parent.parentWidget()
    widget.setFocus(Qt.OtherFocusReason)


def focus_first_field(root: QWidget) -> bool:
    """A new form starts with the focus in its first field that takes input (True if there is one)."""
    inputs = inputs_in_order(root)
    if inputs:
        show_and_focus(inputs[0])
    return bool(inputs)


def reveal_first_error(root: QWidget) -> bool:
    """After a refused save: scroll to the first field marked with an error and focus it, so a field
    scrolled out of view (the second injury's) is not left unseen. True if there was one."""
    marked = [label.parentWidget() for label in root.findChildren(QLabel, "field_error")
              if label.isVisibleTo(root) and label.text()]
    if not marked:
        return False
    for widget in inputs_in_order(root):
        if any(editor.isAncestorOf(widget) for editor in marked):
            show_and_focus(widget)
            return True
    show_and_focus(marked[0])
    return True

