"""Interview audio: recorded, encoded (FLAC) and stored in the vault in memory only (no Qt here).

:mod:`.recording` is the recorder and the store; :mod:`.timestamps` reads the ``[12:34]`` marks a
narrative uses to point into its recording.
"""
