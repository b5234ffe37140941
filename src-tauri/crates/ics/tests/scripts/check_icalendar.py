"""Checks a calendar written by convene-ics with the independent Python `icalendar` library.

Run by tests/python_icalendar.rs:

    check_icalendar.py FILE.ics EXPECTED_JSON

EXPECTED_JSON (see the Rust test for how it is built):
    {"method": "REQUEST", "events": [{"uid", "sequence", "stamp_utc", "start_utc", "end_utc",
     "start_local", "end_local" (wall-clock time in Europe/London, or null when the time is
     expected in UTC), "summary", "description", "location" (null when absent), "status",
     "organizer": {"cn", "email"} or null,
     "attendees": [{"cn", "email", "role", "partstat", "rsvp"}]}]}

Exit status: 0 and "ok: ..." on stdout when everything matches; 1 with every mismatch on
stderr; 2 for wrong arguments; 3 when Python or the icalendar module is not usable.
"""

import json
import sys
from datetime import datetime, timedelta, timezone

LONDON = "Europe/London"


def main():
    if len(sys.argv) != 3:
        print("usage: check_icalendar.py FILE.ics EXPECTED_JSON", file=sys.stderr)
        return 2
    try:
        import icalendar
        import pytz
    except ImportError as error:
        print(
            "the Python module 'icalendar' (with pytz) is not installed for %s: %s. "
            "Install it, e.g. `apt-get install python3-icalendar`." % (sys.executable, error),
            file=sys.stderr,
        )
        return 3

    path, expected = sys.argv[1], json.loads(sys.argv[2])
    with open(path, "rb") as file:
        raw = file.read()

    problems = []

    def same(what, got, want):
        if got != want:
            problems.append("%s: got %r, expected %r" % (what, got, want))

    def check(condition, what):
        if not condition:
            problems.append(what)

    # Layout: CRLF line ends only, at most 75 octets a line, whole UTF-8 characters a line.
    check(raw.endswith(b"\r\n"), "the file does not end with CRLF")
    physical = raw.split(b"\r\n")[:-1]
    for number, line in enumerate(physical, 1):
        check(b"\r" not in line and b"\n" not in line, "line %d has a bare CR or LF" % number)
        check(len(line) <= 75, "line %d is %d octets long" % (number, len(line)))
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append("line %d is not whole UTF-8 characters: %s" % (number, error))

    cal = icalendar.Calendar.from_ical(raw.decode("utf-8"))
    for component in cal.walk():
        same("parse errors in %s" % component.name, component.errors, [])

    same("METHOD", str(cal.get("METHOD")), expected["method"])
    same("VERSION", str(cal.get("VERSION")), "2.0")
    same("PRODID", str(cal.get("PRODID")), "-//Convene//Convene//EN")
    same("CALSCALE", str(cal.get("CALSCALE")), "GREGORIAN")

    zones = cal.walk("VTIMEZONE")
    same("number of VTIMEZONEs", len(zones), 1)
    if not zones:
        return report(problems)
    same("VTIMEZONE TZID", str(zones[0].get("TZID")), LONDON)
    # The VTIMEZONE on its own (not the tz database) must describe UK time.
    written_zone = zones[0].to_tz()
    tzdb_london = pytz.timezone(LONDON)
    check_zone_agrees(written_zone, tzdb_london, problems)

    events = cal.walk("VEVENT")
    same("number of VEVENTs", len(events), len(expected["events"]))
    for event, want in zip(events, expected["events"]):
        where = "event %s" % want["uid"]
        same(where + " UID", str(event.get("UID")), want["uid"])
        same(where + " SEQUENCE", event.decoded("SEQUENCE"), want["sequence"])
        stamp = event["DTSTAMP"].dt
        same(where + " DTSTAMP offset", stamp.utcoffset(), timedelta(0))
        same(where + " DTSTAMP", stamp.astimezone(timezone.utc).isoformat(), want["stamp_utc"])
        for name, key in (("DTSTART", "start"), ("DTEND", "end")):
            prop = event[name]
            moment = prop.dt
            label = "%s %s" % (where, name)
            check(isinstance(moment, datetime), label + " is not a date-time")
            check(moment.tzinfo is not None, label + " is floating")
            if moment.tzinfo is None:
                continue
            same(label + " as UTC", moment.astimezone(timezone.utc).isoformat(), want[key + "_utc"])
            local = want[key + "_local"]
            if local is None:
                same(label + " TZID", prop.params.get("TZID"), None)
                same(label + " offset (expected UTC)", moment.utcoffset(), timedelta(0))
                continue
            same(label + " TZID", prop.params.get("TZID"), LONDON)
            same(label + " zone", getattr(moment.tzinfo, "zone", None), LONDON)
            wall = moment.replace(tzinfo=None)
            same(label + " local time", wall.isoformat(), local)
            # Read with the VTIMEZONE written, the wall-clock time is the same instant (a
            # repeated autumn time means the first, BST one: RFC 5545 section 3.3.5).
            via_written = written_zone.localize(wall, is_dst=True)
            same(label + " as UTC via the VTIMEZONE", via_written.astimezone(timezone.utc).isoformat(), want[key + "_utc"])
        same(where + " SUMMARY", text(event.get("SUMMARY")), want["summary"])
        same(where + " DESCRIPTION", text(event.get("DESCRIPTION")), want["description"])
        same(where + " LOCATION", text(event.get("LOCATION")), want["location"])
        same(where + " STATUS", text(event.get("STATUS")), want["status"])

        organizer = event.get("ORGANIZER")
        if want["organizer"] is None:
            same(where + " ORGANIZER", organizer, None)
        elif organizer is None:
            problems.append(where + " has no ORGANIZER")
        else:
            same(where + " ORGANIZER", str(organizer), "mailto:" + want["organizer"]["email"])
            same(where + " ORGANIZER CN", organizer.params.get("CN"), want["organizer"]["cn"])

        attendees = event.get("ATTENDEE", [])
        if not isinstance(attendees, list):
            attendees = [attendees]
        same(where + " number of ATTENDEEs", len(attendees), len(want["attendees"]))
        same(
            where + " ATTENDEE ROLEs",
            [a.params.get("ROLE") for a in attendees],
            [a["role"] for a in want["attendees"]],
        )
        for attendee, wanted in zip(attendees, want["attendees"]):
            label = "%s ATTENDEE %s" % (where, wanted["email"])
            same(label, str(attendee), "mailto:" + wanted["email"])
            same(label + " CN", attendee.params.get("CN"), wanted["cn"])
            same(label + " PARTSTAT", attendee.params.get("PARTSTAT"), wanted["partstat"])
            same(label + " RSVP", attendee.params.get("RSVP"), wanted["rsvp"])

    if not problems:
        print("ok: %s, %d events" % (expected["method"], len(events)))
    return report(problems)


def text(value):
    return None if value is None else str(value)


def check_zone_agrees(written, tzdb, problems):
    """Compares UTC offsets hour by hour through every clock-change week 1997-2037 (pytz
    expands VTIMEZONE rules only to 2038) and at noon on the 1st of every month."""
    instants = []
    for year in range(1997, 2038):
        for month in (3, 10):
            first = datetime(year, month, 24, tzinfo=timezone.utc)
            instants.extend(first + timedelta(hours=h) for h in range(8 * 24))
        instants.extend(datetime(year, month, 1, 12, tzinfo=timezone.utc) for month in range(1, 13))
    for instant in instants:
        got = instant.astimezone(written).utcoffset()
        want = instant.astimezone(tzdb).utcoffset()
        if got != want:
            problems.append("the VTIMEZONE gives UTC%s at %s, the tz database UTC%s" % (got, instant, want))
            return


def report(problems):
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
