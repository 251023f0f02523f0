from townhall.incidents.models import Incident
from townhall.incidents.services import report, triage


def load(people):
    if Incident.objects.exists():
        return
    report(
        people["amara"], kind="impersonation", network="bluesky",
        url="https://bsky.app/profile/example-uni-official.bsky.social",
        description="An account calling itself the official university page is asking students for fees by DM.",
    )
    done = report(
        people["ben"], kind="disparaging", network="x", url="https://x.com/someone/status/1",
        description="A thread mocking our nursing students went viral; several replies name individuals.",
    )
    triage(people["gwen"], done, status="triaging")
    triage(people["gwen"], done, status="actioned",
           resolution="Reported to the network under its harassment policy; wellbeing team contacted the students.")
