"""Write the embedded record's compiled form: ``python -m icclaw.data.compile``.

Run it after editing any file of the embedded record; the test suite fails while the compiled
form is stale (loading stays correct meanwhile: it reads the TOML files instead).
"""

from __future__ import annotations

from icclaw.data.loader import COMPILED, EMBEDDED, compile_folder


def main() -> None:
    """Compile the embedded record and say where it went."""
    digest = compile_folder(EMBEDDED, COMPILED)
    print(f"wrote {COMPILED} (sources digest {digest[:12]})")


if __name__ == "__main__":
    main()
