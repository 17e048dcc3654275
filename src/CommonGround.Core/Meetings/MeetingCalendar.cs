using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace CommonGround.Core.Meetings;

/// <summary>
/// A meeting as an iCalendar invitation (.ics). The same UID with a higher SEQUENCE replaces an earlier invitation in
/// the invitee's calendar; a cancellation removes it. It names the child by the name they are known by and nothing more.
/// </summary>
public static class MeetingCalendar
{
    public const string ContentType = "text/calendar";

    public static string Invitation(Meeting meeting, string childName, DateTime now) => Write(meeting, childName, now, cancel: false);

    public static string Cancellation(Meeting meeting, string childName, DateTime now) => Write(meeting, childName, now, cancel: true);

    public static string Summary(Meeting meeting, string childName) => $"{meeting.Kind.ToDisplayName()} for {childName}";

    private static string Write(Meeting meeting, string childName, DateTime now, bool cancel)
    {
        var calendar = new Calendar { ProductId = "-//CommonGround//Meetings//EN", Method = cancel ? "CANCEL" : "REQUEST" };
        var meetingEvent = new CalendarEvent
        {
            Uid = $"{meeting.Id:N}@commonground",
            Summary = Summary(meeting, childName),
            Start = new CalDateTime(DateTime.SpecifyKind(meeting.StartsAt, DateTimeKind.Utc)),
            End = new CalDateTime(DateTime.SpecifyKind(meeting.EndsAt, DateTimeKind.Utc)),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(now, DateTimeKind.Utc)),
            Sequence = meeting.CalendarSequence,
            Status = cancel ? "CANCELLED" : "CONFIRMED",
            Location = meeting.Place ?? meeting.OnlineLink,
            Description = Describe(meeting),
            Organizer = new Organizer($"mailto:{meeting.OrganiserEmail}") { CommonName = meeting.OrganiserName },
        };
        if (meeting.OnlineLink is { } link && Uri.TryCreate(link, UriKind.Absolute, out var url))
        {
            meetingEvent.Url = url;
        }

        foreach (var invitee in meeting.Invitees)
        {
            meetingEvent.Attendees.Add(new Attendee($"mailto:{invitee.Email}")
            {
                CommonName = invitee.Name, Role = "REQ-PARTICIPANT", ParticipationStatus = "NEEDS-ACTION", Rsvp = false,
            });
        }

        calendar.Events.Add(meetingEvent);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static string Describe(Meeting meeting)
    {
        var lines = new List<string> { $"Arranged by {meeting.OrganiserName} ({meeting.OrganiserOrganisationName}) on CommonGround." };
        if (meeting.Place is not null && meeting.OnlineLink is not null)
        {
            lines.Add($"Online: {meeting.OnlineLink}");
        }

        lines.Add("Sign in to CommonGround to see the agenda and add to it.");
        return string.Join('\n', lines);
    }
}
