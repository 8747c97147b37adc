"""Ituri, 2002-2003: a non-international armed conflict between organised armed groups, as the
ICC found in Lubanga; art. 8(2)(c) and (e) apply, AP II does not (no state's forces against
the groups in this account).

Run: python examples/ituri_2002.py
"""

from __future__ import annotations

from pathlib import Path

import icclaw
from icclaw import ConflictKind

rec = icclaw.load()
situation = icclaw.load_situation(Path(__file__).parent / "situations" / "ituri_2002.toml")

conflicts = rec.classify(situation, on="2003-03-06")
for conflict in conflicts:
    print(f"== {conflict}")
    print(conflict.finding.explain())
    law = rec.applicable_law(conflict)
    print(law.explain(), end="\n\n")
    assert conflict.kind is ConflictKind.NON_INTERNATIONAL
    assert conflict.ap_ii is False
    assert law.value is not None
    assert "Rome Statute art. 8(2)(e)" in law.value
    assert "Rome Statute art. 8(2)(a)" not in law.value
assert len(conflicts) == 2

# Without the analyst's assessment of the groups' organisation, the answer is undetermined.
bare = icclaw.Situation(
    "Ituri, organisation not assessed",
    [icclaw.StateActor("COD"), icclaw.ArmedGroup("UPC/FPLC"), icclaw.ArmedGroup("FRPI")],
    [situation.hostilities[1]],
)
unknown = rec.classify(bare, on="2003-03-06")
assert unknown[0].kind is None
print("Without the organisation facts:", unknown[0].finding.missing)
