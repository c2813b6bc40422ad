"""What the rules of a metro line say about a line, in the user's words."""

from django.utils.translation import gettext_lazy

from mhw.metro import rules
from mhw.metro.models import MetroLine

FINDINGS = {
    "too_few_stations": gettext_lazy("The line has %(value)s stations; a metro line has at least 4."),
    "too_many_stations": gettext_lazy("The line has %(value)s stations; a metro line has at most 8."),
    "hours_out_of_range": gettext_lazy("Station “%(station)s” takes %(value)s hours; a station takes 2 to 8 hours."),
    "phase_out_of_order": gettext_lazy(
        "Station “%(station)s” comes back to an earlier phase: inspiration, then familiarisation and understanding, "
        "then translation to own context."
    ),
    "outcome_not_covered": gettext_lazy("No station covers the line's learning outcome %(value)s."),
}


def finding_messages(line: MetroLine, findings: list[rules.Finding]) -> list[str]:
    names = {str(s.pk): s.name for s in line.stations.all()}
    return [str(FINDINGS[f.code] % {"station": names.get(f.station, ""), "value": f.value}) for f in findings]
