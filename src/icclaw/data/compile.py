"""Seal the embedded record and write its compiled form: ``python -m icclaw.data.compile``.

Run it after editing any file of the embedded record: it re-seals ``record.toml`` (as ``icclaw
record seal`` does) and writes the compiled form. The test suite fails while the compiled form
is stale (loading stays correct meanwhile: it reads the TOML files instead).
"""

from __future__ import annotations

from icclaw.data.loader import COMPILED, EMBEDDED, compile_folder, seal_folder


def main() -> None:
    """Seal and compile the embedded record, and say where it went."""
    sealed = seal_folder(EMBEDDED)
    print(f"sealed {len(sealed)} files in {EMBEDDED / 'record.toml'}")
    digest = compile_folder(EMBEDDED, COMPILED)
    print(f"wrote {COMPILED} (sources digest {digest[:12]})")


if __name__ == "__main__":
    main()
