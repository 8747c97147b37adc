"""Russia's un-signing of the Rome Statute in 2016, and what it did and did not change.

Each claim is a Finding with its explanation. Run: python examples/russia_2016.py
"""

from __future__ import annotations

import icclaw
from icclaw import Crime, Event, ProprioMotu, SecurityCouncilReferral, TreatyStatus

rec = icclaw.load()
RS = "rome-statute"


def claim(text: str, finding: icclaw.Finding, expected: bool) -> None:
    print(f"== {text}")
    print(finding.explain(), end="\n\n")
    assert finding.holds is expected, text


# 1. Russia signed in 2000 and was never a party; un-signing ended only the art. 18 obligation.
assert rec.in_force_periods("RUS", RS) == ()
claim(
    "Russia was not bound by the Statute on 1 December 2016",
    rec.is_bound("RUS", RS, on="2016-12-01"),
    False,
)
claim(
    "Before the notice, Russia as a signatory owed the art. 18(a) interim obligation",
    rec.interim_obligation("RUS", RS, on="2016-11-01"),
    True,
)
claim(
    "Withdrawing its signature ended that obligation, and nothing else",
    rec.interim_obligation("RUS", RS, on="2016-12-01"),
    False,
)
assert rec.status("RUS", RS, on="2016-12-01") is TreatyStatus.SIGNATURE_WITHDRAWN

# 2. As a non-party, Russia owed the Court no cooperation under Part 9.
claim(
    "Russia had no duty to cooperate with the Court",
    rec.cooperation_duty("RUS", on="2016-12-01"),
    False,
)

# 3. The Georgia situation (Georgia a party since 1 December 2003) is untouched.
georgia = Event(crime=Crime.WAR_CRIMES, date="2008-08-08", territory=("GEO",), nationality=("RUS",))
before = rec.jurisdiction(georgia, ProprioMotu(authorised_on="2016-01-27"), on="2016-11-01")
after = rec.jurisdiction(georgia, ProprioMotu(authorised_on="2016-01-27"), on="2016-12-01")
claim(
    "War crimes by Russian nationals in Georgia, August 2008: within jurisdiction after the un-signing",
    after,
    True,
)
assert before.holds == after.holds

# 4. Ukraine's art. 12(3) declarations: genocide, crimes against humanity and war crimes on
#    Ukrainian territory from 21 November 2013 onward, whoever commits them; aggression aside.
for crime in (Crime.GENOCIDE, Crime.CRIMES_AGAINST_HUMANITY, Crime.WAR_CRIMES):
    event = Event(
        crime=crime, date="2013-11-21", until="2024-12-31", territory=("UKR",), nationality=("RUS",)
    )
    finding = rec.jurisdiction(event, ProprioMotu(), on="2024-12-31")
    claim(
        f"{crime.value} on Ukrainian territory from 2013-11-21, by Russian nationals", finding, True
    )
    assert finding.value == (icclaw.Period("2013-11-21", "2024-12-31"),)
claim(
    "Just before the first declaration's start, nothing is covered",
    rec.jurisdiction(
        Event(crime=Crime.WAR_CRIMES, date="2013-11-20", territory=("UKR",), nationality=("RUS",)),
        ProprioMotu(),
    ),
    False,
)
aggression = Event(
    crime=Crime.AGGRESSION,
    date="2022-02-24",
    territory=("UKR",),
    nationality=("RUS",),
    aggressor="RUS",
)
claim(
    "Aggression against Ukraine in 2022 by Russia: excluded (art. 15bis(5))",
    rec.jurisdiction(aggression, ProprioMotu()),
    False,
)

# 5. The Security Council's 2014 referral of Syria failed on the votes of Russia and China.
syria = Event(crime=Crime.WAR_CRIMES, date="2013-08-21", territory=("SYR",))
claim(
    "No Council referral of Syria exists: the 2014 draft was vetoed",
    rec.jurisdiction(syria, SecurityCouncilReferral("S/2014/348")),
    False,
)
draft = rec.resolution("S/2014/348")
claim(
    "The vote on draft S/2014/348",
    rec.explain_vote(draft.yes, draft.no, draft.abstain, on=draft.date),
    False,
)

# 6. The United States had un-signed in 2002.
claim(
    "The United States was not bound on 6 May 2002",
    rec.explain_status("USA", RS, on="2002-05-06"),
    False,
)
assert rec.status("USA", RS, on="2002-05-06") is TreatyStatus.SIGNATURE_WITHDRAWN
